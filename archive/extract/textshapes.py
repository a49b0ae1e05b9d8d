"""The shapes a plain text's physical lines take (``archive.extract.literal.classify`` gives
one per line), and the list markers that open an item."""

from __future__ import annotations

import re

BLANK, TEXT, RULE, END_MARK, CODE, LABEL, LONE_MARK, NOTE, PICTURE = (
    "blank", "text", "rule", "end-mark", "code", "label", "lone-mark", "note", "picture",
)

BULLET = re.compile(r"^(?:[-–—•*+]\s|\(?\w{1,3}[.)]\s)")
