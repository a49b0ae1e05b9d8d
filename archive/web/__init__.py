"""The archive's Datasette pages: site metadata, and the templates of the cite box, source
panel and ID resolver.

``archive.web.plugin`` holds the hook implementations; what they show is read through
``archive.store.read`` and cited through ``archive.cite.stored``.
"""
