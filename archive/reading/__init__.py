"""The read side's commands: an ID resolved (``resolution``),
paragraphs found (``finding``, ``archive search``), a source shown (``report``, ``archive
show``), a draft's citations checked (``check``) and cited against an archive (``citing``).
Nothing here writes the archive.

This file imports nothing, so a short command loads only the module it uses.
"""
