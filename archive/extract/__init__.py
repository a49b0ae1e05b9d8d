"""Front ends: bytes of one format in, a ``Document`` of lines out (``text``, ``pdf``)."""
