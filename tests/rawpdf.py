"""PDFs written object by object, for what PyMuPDF's writer cannot make: a Type 3 font of
dvips's kind (glyphs named ``a0``…``a255``, no Unicode map, so its codes are all a reader
gets), and text shown with TJ's own positioning (troff's kerning over a space).

``raw_pdf`` takes one content stream per page, in PDF's own operators, and the fonts they
name; the page is A4.
"""

from __future__ import annotations

A4 = (595, 842)


def type3_font(name: str) -> bytes:
    """A Type 3 font of 256 glyphs, each a box half an em wide, named ``a``+code."""
    names = b" ".join(b"/a%d" % code for code in range(256))
    procs = b" ".join(b"/a%d GLYPH 0 R" % code for code in range(256))
    return (b"<< /Type /Font /Subtype /Type3 /Name /" + name.encode() +
            b" /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0]"
            b" /FirstChar 0 /LastChar 255 /Widths [" + b" 500" * 256 + b" ]"
            b" /Encoding << /Type /Encoding /Differences [0 " + names + b"] >>"
            b" /CharProcs << " + procs + b" >> /Resources << >> >>")


def helvetica() -> bytes:
    return b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"


def text_stream(lines: list[tuple[str, bytes]], *, size: int = 10, top: int = 780,
                step: int = 14, left: int = 72) -> bytes:
    """A page's content: each line ``(font, operand)`` shown on its own baseline, where
    ``operand`` is PDF text-showing syntax, ``(…) Tj`` or ``[(…) 300 (…)] TJ``."""
    out = []
    for k, (font, operand) in enumerate(lines):
        out.append(b"BT /%s %d Tf %d %d Td %s ET" % (font.encode(), size, left, top - k * step,
                                                    operand))
    return b"\n".join(out)


def raw_pdf(pages: list[bytes], fonts: dict[str, bytes], *, creator: str = "") -> bytes:
    """A PDF of ``pages`` (content streams) with ``fonts`` (resource name → font object,
    where ``GLYPH`` stands for the shared glyph procedure's object number)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    glyph = b"500 0 0 0 500 700 d1 50 0 400 600 re f"
    glyph_number = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(glyph), glyph))
    font_refs = b" ".join(
        b"/%s %d 0 R" % (key.encode(), add(body.replace(b"GLYPH", str(glyph_number).encode())))
        for key, body in fonts.items())
    pages_number = len(objects) + 1 + 2 * len(pages) + 1
    kids = []
    for content in pages:
        stream = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R"
            b" /Resources << /Font << %s >> >> >>" % (pages_number, *A4, stream, font_refs)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_number)
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_number
    info = add(b"<< /Creator (%s) >>" % creator.encode())
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)
