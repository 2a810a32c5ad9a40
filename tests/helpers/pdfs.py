"""Small PDFs written byte by byte, for tests that need what the generated fixtures never draw
(character and word spacing, horizontal scaling, rise, turned, slanted and mirrored text, marked
content, text at the page's origin, a media box away from it)."""

from __future__ import annotations

# Text drawn with every text-state operator pdfminer applies to a glyph's position.
SPACED_TEXT = b"""
/P <</MCID 3>> BDC
BT /F1 11 Tf 1 0 0 1 40 700 Tm (Plain words here) Tj ET
EMC
BT /F1 10 Tf 0.5 0.2 0 rg 1.5 Tc 40 680 Td (Char spaced words) Tj ET
BT /F1 10 Tf 4 Tw 40 660 Td (Word spaced words and more) Tj ET
BT /F1 12 Tf 80 Tz 3 Ts 40 640 Td [(Sca) -120 (led) 250.5 ( and risen)] TJ ET
BT /F2 9 Tf 14 TL 40 620 Td (Next line) ' 2 1 (quoted line) " ET
BT /F1 10 Tf 0 1 -1 0 300 400 Tm (Turned text) Tj ET
BT /F1 10 Tf 1 0 0.3 1 40 560 Tm [(Slanted) -300 (text)] TJ ET
BT /F1 10 Tf -1 0 0 1 300 540 Tm (Mirrored text) Tj ET
BT /F1 10 Tf 0 0 Td (At the origin) Tj ET
"""


def minimal_pdf(content: bytes, *, mediabox: tuple[float, float, float, float] = (0, 0, 595, 842)) -> bytes:
    """A one-page PDF drawing ``content`` with Helvetica as /F1 and Courier as /F2 (standard
    fonts: pdfminer knows their widths), its cross-reference table at the right offsets."""
    box = " ".join(f"{v:g}" for v in mediabox)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (f"<< /Type /Page /Parent 2 0 R /MediaBox [{box}] /Contents 4 0 R "
         "/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>").encode(),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
