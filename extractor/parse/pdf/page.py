"""One PDF page read: its words, lines and tables in reading order, or OCR when it has no text.

Garbled pages (``(cid:``, U+FFFD, legacy TCVN3/VNI fonts) and pages without a text layer are
reported; image-only pages are OCR'd (``ocr``) when tesseract is installed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from extractor.parse.pdf import ocr as engine
from extractor.parse.pdf.chars import page_word_boxes, quick_page
from extractor.parse.pdf.lines import (
    LINE_TOLERANCE,
    Line,
    Word,
    clean_word,
    crosses,
    group_lines,
    gutter,
    inside,
    plain,
    split_line,
)
from extractor.parse.pdf.tables import Block, Table, aligned_tables, page_tables
from extractor.parse.rules import LegacyEncoding

OcrMode = Literal["auto", "never"]
SCAN_STRAY_CHARS = 40
CID = re.compile(r"\(cid:\d+\)")


@dataclass
class PageContent:
    """What one page holds, in reading order, and what we noticed about it."""

    number: int
    width: float
    height: float
    blocks: list[Block] = field(default_factory=list)
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        """The text lines (tables left out)."""
        return [b for b in self.blocks if isinstance(b, Line)]


def garble_reason(text: str, encodings: Sequence[LegacyEncoding]) -> str | None:
    """Why a page's text is unusable: CID codes, replacement chars, a legacy font encoding's
    mojibake (TCVN3, VNI); else None."""
    letters = sum(ch.isalpha() for ch in text) or 1
    cids = len(CID.findall(text))
    if cids >= 3 and cids * 6 > 0.05 * len(text):
        return f"{cids} (cid:N) glyph codes: the font has no Unicode map"
    bad = text.count("\ufffd")
    if bad >= 3 and bad > 0.01 * letters:
        return f"{bad} U+FFFD replacement characters"
    counts = [(sum(map(encoding.marks.__contains__, text)), encoding) for encoding in encodings]
    found, encoding = max(counts, key=lambda c: c[0], default=(0, None))  # the first on a tie
    if encoding is None or found < 5 or found <= 0.03 * letters:
        return None
    return f"legacy {encoding.name} font encoding (mojibake such as {encoding.example!r})"


def by_columns(blocks: list[Block], *, width: float) -> list[Block]:
    """Reading order for a two-column page: full-width blocks above, left column, right column, rest."""
    split = gutter([b for b in blocks if isinstance(b, Line)], width=width)
    if split is None:
        return blocks
    spanning = [b for b in blocks if isinstance(b, Table) or crosses(b, split)]
    whole = {id(b) for b in spanning}
    halves = [
        h
        for b in blocks
        if isinstance(b, Line) and id(b) not in whole
        for h in split_line(b, split)
    ]
    first = min(h.top for h in halves)
    above = [b for b in spanning if b.top < first]
    rest = [b for b in spanning if b.top >= first]
    left = [h for h in halves if h.x1 <= split]
    right = [h for h in halves if h.x0 >= split]
    return [*above, *left, *right, *rest]


def page_words(page: Any) -> list[Word]:
    """The words of a pdfplumber page (duplicate characters already removed), as its
    ``extract_words`` reads them."""
    found = page_word_boxes(page.chars, x_tolerance=1.5, y_tolerance=LINE_TOLERANCE)
    words = [
        Word(clean_word(w["text"]), w["x0"], w["top"], w["x1"], w["bottom"], w.get("size", 10.0))
        for w in found
    ]
    return [w for w in words if w.text]


def text_layer(page: Any, number: int) -> PageContent:
    """A page's lines and tables in reading order (top to bottom)."""
    content = PageContent(number=number, width=float(page.width), height=float(page.height))
    tables = page_tables(page)
    words = [w for w in page_words(page) if not any(inside(w, t.bbox) for t in tables)]
    blocks: list[Block] = sorted([*group_lines(words), *tables], key=lambda b: b.top)
    content.blocks = aligned_tables(by_columns(blocks, width=content.width))
    return content


def read_page(
    page: Any, number: int, *, ocr: OcrMode, encodings: Sequence[LegacyEncoding]
) -> PageContent:
    """One page: its text layer, or OCR when it has none (or a garbled one) and OCR is available."""
    page = quick_page(page).dedupe_chars(tolerance=1)
    if not page.chars or is_scan_with_stray_text(page):
        return _image_page(page, number, ocr=ocr)
    content = text_layer(page, number)
    cells = (c or "" for t in content.blocks if isinstance(t, Table) for row in t.rows for c in row)
    reason = garble_reason(plain(content.lines) + "\n" + "\n".join(cells), encodings)
    if reason:
        content.warnings.append(f"page {number}: garbled text ({reason})")
        _try_ocr_instead(page, content, ocr=ocr, encodings=encodings)
    return content


def is_scan_with_stray_text(page: Any) -> bool:
    """A scanned page whose text layer is only a stamp or page number: an image covers most of it."""
    letters = sum(1 for ch in page.chars if not ch["text"].isspace())
    if letters >= SCAN_STRAY_CHARS or not page.images:
        return False
    area = float(page.width) * float(page.height)
    covered = max(float((i["x1"] - i["x0"]) * (i["bottom"] - i["top"])) for i in page.images)
    return covered >= 0.5 * area


def _image_page(page: Any, number: int, *, ocr: OcrMode) -> PageContent:
    """A page without a text layer: OCR'd when possible, otherwise reported."""
    content = PageContent(number=number, width=float(page.width), height=float(page.height))
    if not page.images:
        return content  # a blank page
    if ocr == "never" or not engine.ocr_available():
        if page.chars:
            content.blocks = text_layer(page, number).blocks  # keep the stray text we have
        why = (
            "OCR turned off"
            if ocr == "never"
            else "tesseract with Vietnamese data is not installed"
        )
        content.warnings.append(
            f"page {number}: scanned image without a usable text layer and {why}; its text is missing "
            "(install tesseract-ocr and tesseract-ocr-vie to read it)"
        )
        return content
    content.blocks = list(engine.ocr_lines(page))
    content.ocr = True
    content.warnings.append(
        f"page {number}: scanned image without a usable text layer; text read by OCR (tesseract, vie): "
        "check its figures"
    )
    return content


def _try_ocr_instead(page: Any, content: PageContent, *, ocr: OcrMode,
                     encodings: Sequence[LegacyEncoding]) -> None:
    """Replace a garbled page's text with OCR output when that reads cleanly."""
    if ocr == "never" or not engine.ocr_available():
        return
    lines = engine.ocr_lines(page)
    if lines and garble_reason(plain(lines), encodings) is None:
        content.blocks = list(lines)
        content.ocr = True
        content.warnings.append(
            f"page {content.number}: garbled text replaced by OCR (tesseract, vie): check its figures"
        )


def read_pages(pdf: Any, *, ocr: OcrMode, encodings: Sequence[LegacyEncoding]) -> list[PageContent]:
    """Every page's content; a page that fails is reported and left empty, the rest go on."""
    contents = []
    for number, page in enumerate(pdf.pages, start=1):
        try:
            contents.append(read_page(page, number, ocr=ocr, encodings=encodings))
        except Exception as exc:  # noqa: BLE001 - one broken page must not lose the document
            empty = PageContent(number=number, width=float(page.width), height=float(page.height))
            empty.warnings.append(f"page {number}: unreadable ({type(exc).__name__}: {exc})")
            contents.append(empty)
    return contents
