"""The archive's Datasette pages: cite box, source panel, ID resolver and site metadata.

``archive.datasette_plugin`` holds the hook implementations; the modules here hold what they
show, so each can be read (and tested) without a running Datasette.
"""
