"""PDF → text with page offsets, word boxes, table cells and the administrative header (pdfplumber).

Each page's words are grouped into lines (a wide gap inside a line, as between the two columns
of a Vietnamese document header, becomes a tab); tables found by ``find_tables`` are written one
row a line with cells joined by " | ". Every word and cell is recorded with its char offsets and
its box, so a figure's span maps back to page + bbox. Garbled pages (``(cid:``, U+FFFD, legacy
TCVN3/VNI fonts) and pages without a text layer are reported; image-only pages are OCR'd with
Tesseract (Vietnamese) when it is installed. The header's patterns and the legacy encodings are
``rules/pdf.yaml`` (``PdfRules``).
"""

from __future__ import annotations

import datetime as dt
import io
import itertools
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

import pdfplumber

from extractor.errors import InputError
from extractor.models import Box
from extractor.parse.layout import Loaded, PageSpan, TableCell, TextBox, is_numeric, render_table
from extractor.parse.rules import HeaderPatterns, LegacyEncoding, PdfRules

OcrMode = Literal["auto", "never"]
OCR_DPI = 300
OCR_TIMEOUT = 180
LINE_TOLERANCE = 3.0
COLUMN_GAP_EMS = 2.5
HEADER_LINES = 12
SCAN_STRAY_CHARS = 40
MIN_COLUMN_LINES = 6
MIN_TABLE_ROWS = 3
CID = re.compile(r"\(cid:\d+\)")


@dataclass
class Word:
    """A word and its box in PDF points from the page's top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 10.0

    @property
    def bbox(self) -> Box:
        """(x0, top, x1, bottom)."""
        return (round(self.x0, 2), round(self.top, 2), round(self.x1, 2), round(self.bottom, 2))


@dataclass
class Line:
    """Words on one baseline, split into segments where a wide gap separates columns."""

    segments: list[list[Word]]

    @property
    def words(self) -> list[Word]:
        """All words, left to right."""
        return [w for seg in self.segments for w in seg]

    @property
    def top(self) -> float:
        """Top of the highest word."""
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        """Bottom of the lowest word."""
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        """Left edge."""
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        """Right edge."""
        return max(w.x1 for w in self.words)

    def segment_texts(self) -> list[tuple[str, float, float]]:
        """(text, x0, x1) of each segment."""
        return [(" ".join(w.text for w in seg), seg[0].x0, seg[-1].x1) for seg in self.segments]

    @property
    def text(self) -> str:
        """The line as written into the document text (segments joined by a tab)."""
        return "\t".join(t for t, _, _ in self.segment_texts())


@dataclass
class Table:
    """A table found on a page: its rows of cell texts and cell boxes."""

    bbox: Box
    rows: list[list[str | None]]
    boxes: list[list[Box | None]]

    @property
    def top(self) -> float:
        """Top edge, for reading order."""
        return self.bbox[1]


@dataclass
class PageContent:
    """What one page holds, in reading order, and what we noticed about it."""

    number: int
    width: float
    height: float
    blocks: list[Line | Table] = field(default_factory=list)
    ocr: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def lines(self) -> list[Line]:
        """The text lines (tables left out)."""
        return [b for b in self.blocks if isinstance(b, Line)]


# --- text cleaning and garble detection ----------------------------------------------------


def clean_word(text: str) -> str:
    """NFC, no control characters."""
    text = unicodedata.normalize("NFC", text)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")


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


# --- words → lines --------------------------------------------------------------------------


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Cluster words into lines by their top, then split each line at wide gaps."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [Line(segments=split_segments(sorted(line, key=lambda w: w.x0))) for line in lines]


def split_segments(words: list[Word]) -> list[list[Word]]:
    """Split a line where the gap between words is wider than a few ems (a column break)."""
    segments = [[words[0]]]
    for prev, word in itertools.pairwise(words):
        if word.x0 - prev.x1 > COLUMN_GAP_EMS * max(prev.size, word.size):
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def gutter(lines: Sequence[Line], *, width: float) -> float | None:
    """The x of the gap between two columns of running text, if the page is set in two columns.

    A gutter is an x in the middle of the page that no word crosses on (nearly) every line,
    with words on both sides of it on most lines, and both columns wide: a label column
    beside a narrow column of numbers (a table without rules) is not two columns of text.
    """
    if len(lines) < MIN_COLUMN_LINES:
        return None
    candidates = sorted(
        {
            round((a.x1 + b.x0) / 2)
            for line in lines
            for a, b in itertools.pairwise(line.words)
            if 0.3 * width < (a.x1 + b.x0) / 2 < 0.7 * width
        }
    )
    for x in sorted(candidates, key=lambda c: abs(c - width / 2)):
        if _splits_columns(lines, x, width=width):
            return float(x)
    return None


def _splits_columns(lines: Sequence[Line], x: float, *, width: float) -> bool:
    """True when ``x`` is clear on ≥90% of lines, two-sided on ≥50%, with both sides wide."""
    clear = [line for line in lines if not any(w.x0 < x < w.x1 for w in line.words)]
    both = [line for line in clear if line.x0 < x < line.x1]
    if len(clear) < 0.9 * len(lines) or len(both) < 0.5 * len(lines):
        return False
    left = sorted(max(w.x1 for w in line.words if w.x1 <= x) - line.x0 for line in both)
    right = sorted(line.x1 - min(w.x0 for w in line.words if w.x0 >= x) for line in both)
    return min(left[len(left) // 2], right[len(right) // 2]) >= 0.3 * width


def by_columns(blocks: list[Line | Table], *, width: float) -> list[Line | Table]:
    """Reading order for a two-column page: full-width blocks above, left column, right column, rest."""
    split = gutter([b for b in blocks if isinstance(b, Line)], width=width)
    if split is None:
        return blocks
    spanning = [b for b in blocks if isinstance(b, Table) or _crosses(b, split)]
    whole = {id(b) for b in spanning}
    halves = [
        h
        for b in blocks
        if isinstance(b, Line) and id(b) not in whole
        for h in _split_line(b, split)
    ]
    first = min(h.top for h in halves)
    above = [b for b in spanning if b.top < first]
    rest = [b for b in spanning if b.top >= first]
    left = [h for h in halves if h.x1 <= split]
    right = [h for h in halves if h.x0 >= split]
    return [*above, *left, *right, *rest]


def _crosses(line: Line, x: float) -> bool:
    """True when a word of the line lies across ``x``."""
    return any(w.x0 < x < w.x1 for w in line.words)


def _split_line(line: Line, x: float) -> list[Line]:
    """A line cut at the gutter into its left and right parts."""
    parts = [[w for w in line.words if w.x1 <= x], [w for w in line.words if w.x0 >= x]]
    return [Line(segments=split_segments(part)) for part in parts if part]


def aligned_tables(blocks: list[Line | Table]) -> list[Line | Table]:
    """Runs of lines whose segments line up in columns, with numbers in them, become tables.

    Tables without ruling lines (pdfplumber's find_tables sees none) still get row and
    column headers this way; a label column beside right-aligned numbers is the usual shape.
    """
    out: list[Line | Table] = []
    i = 0
    while i < len(blocks):
        run = _aligned_run(blocks, i)
        if run:
            header = _header_line(out[-1], run[0]) if out and isinstance(out[-1], Line) else None
            if header is not None:
                out.pop()
            out.append(_as_table([header, *run] if header is not None else run))
            i += len(run)
        else:
            out.append(blocks[i])
            i += 1
    return out


def _aligned_run(blocks: list[Line | Table], i: int) -> list[Line]:
    """The lines from ``i`` on that share its column layout, if they make a table of numbers."""
    first = blocks[i]
    if not isinstance(first, Line) or len(first.segments) < 2:
        return []
    run = [first]
    for block in blocks[i + 1 :]:
        if not isinstance(block, Line) or not _same_columns(first, block):
            break
        run.append(block)
    numeric = sum(any(is_numeric(t) for t, _, _ in line.segment_texts()[1:]) for line in run)
    return run if len(run) >= MIN_TABLE_ROWS and numeric >= MIN_TABLE_ROWS - 1 else []


def _same_columns(a: Line, b: Line) -> bool:
    """True when two lines have as many segments and each lines up left or right."""
    if len(a.segments) != len(b.segments):
        return False
    tolerance = 2 * max(w.size for w in a.words)
    return all(
        abs(x0a - x0b) < tolerance or abs(x1a - x1b) < tolerance
        for (_, x0a, x1a), (_, x0b, x1b) in zip(a.segment_texts(), b.segment_texts(), strict=True)
    )


def _header_line(line: Line, first_row: Line) -> Line | None:
    """The line above a table run when it labels the same columns (each label over its column)."""
    if len(line.segments) != len(first_row.segments) or first_row.top - line.bottom > 3 * (
        line.bottom - line.top
    ):
        return None
    spans = zip(line.segment_texts(), first_row.segment_texts(), strict=True)
    return line if all(x0 < cx1 and cx0 < x1 for (_, x0, x1), (_, cx0, cx1) in spans) else None


def _as_table(lines: list[Line]) -> Table:
    """Aligned lines as a table: each segment a cell with its box."""
    rows: list[list[str | None]] = [[t for t, _, _ in line.segment_texts()] for line in lines]
    boxes: list[list[Box | None]] = [
        [
            (
                round(seg[0].x0, 2),
                round(min(w.top for w in seg), 2),
                round(seg[-1].x1, 2),
                round(max(w.bottom for w in seg), 2),
            )
            for seg in line.segments
        ]
        for line in lines
    ]
    bbox = (min(ln.x0 for ln in lines), lines[0].top, max(ln.x1 for ln in lines), lines[-1].bottom)
    return Table(bbox=bbox, rows=rows, boxes=boxes)


def inside(word: Word, box: Box) -> bool:
    """True when a word's centre lies in ``box``."""
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def page_words(page: Any) -> list[Word]:
    """The words of a pdfplumber page (duplicate characters already removed)."""
    found = page.extract_words(x_tolerance=1.5, y_tolerance=LINE_TOLERANCE, extra_attrs=["size"])
    words = [
        Word(clean_word(w["text"]), w["x0"], w["top"], w["x1"], w["bottom"], w.get("size", 10.0))
        for w in found
    ]
    return [w for w in words if w.text]


def page_tables(page: Any) -> list[Table]:
    """Tables pdfplumber finds on the page, with each cell's text and box."""
    tables = []
    for found in page.find_tables():
        rows = found.extract()
        if not any((cell or "").strip() for row in rows for cell in row):
            continue  # ruled boxes with nothing in them (frames, an image's border)
        boxes = [
            [tuple(round(v, 2) for v in c) if c else None for c in row.cells] for row in found.rows
        ]
        tables.append(Table(bbox=tuple(found.bbox), rows=rows, boxes=boxes))
    return tables


def text_layer(page: Any, number: int) -> PageContent:
    """A page's lines and tables in reading order (top to bottom)."""
    content = PageContent(number=number, width=float(page.width), height=float(page.height))
    tables = page_tables(page)
    words = [w for w in page_words(page) if not any(inside(w, t.bbox) for t in tables)]
    blocks: list[Line | Table] = sorted([*group_lines(words), *tables], key=lambda b: b.top)
    content.blocks = aligned_tables(by_columns(blocks, width=content.width))
    return content


# --- OCR ------------------------------------------------------------------------------------


@cache
def ocr_available(lang: str = "vie") -> bool:
    """True when a tesseract binary with ``lang`` data is installed."""
    binary = shutil.which("tesseract")
    if binary is None:
        return False
    try:
        listed = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return lang in (listed.stdout + listed.stderr).split()


def ocr_lines(page: Any, *, lang: str = "vie") -> list[Line]:
    """Render the page with pypdfium2, run tesseract (TSV) and return its lines in PDF points."""
    image = page.to_image(resolution=OCR_DPI).original
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        done = subprocess.run(
            ["tesseract", str(png), "stdout", "-l", lang, "--psm", "3", "tsv"],
            capture_output=True,
            text=True,
            timeout=OCR_TIMEOUT,
            check=True,
        )
    return tsv_lines(done.stdout, scale=72 / OCR_DPI)


def tsv_lines(tsv: str, *, scale: float) -> list[Line]:
    """Lines from tesseract TSV output (level-5 rows are words, keyed by block/paragraph/line)."""
    grouped: dict[tuple[str, str, str], list[Word]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not clean_word(cols[11]).strip():
            continue
        left, top, width, height = (float(v) * scale for v in cols[6:10])
        word = Word(
            clean_word(cols[11]).strip(),
            left,
            top,
            left + width,
            top + height,
            size=max(height, 1.0),
        )
        grouped.setdefault((cols[2], cols[3], cols[4]), []).append(word)
    lines = [
        Line(segments=split_segments(sorted(ws, key=lambda w: w.x0))) for ws in grouped.values()
    ]
    return sorted(lines, key=lambda line: (line.top, line.x0))


def plain(lines: Sequence[Line]) -> str:
    """Lines as plain text, for garble checks."""
    return "\n".join(line.text for line in lines)


def read_page(
    page: Any, number: int, *, ocr: OcrMode, encodings: Sequence[LegacyEncoding]
) -> PageContent:
    """One page: its text layer, or OCR when it has none (or a garbled one) and OCR is available."""
    page = page.dedupe_chars(tolerance=1)
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
    if ocr == "never" or not ocr_available():
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
    content.blocks = list(ocr_lines(page))
    content.ocr = True
    content.warnings.append(
        f"page {number}: scanned image without a usable text layer; text read by OCR (tesseract, vie): "
        "check its figures"
    )
    return content


def _try_ocr_instead(page: Any, content: PageContent, *, ocr: OcrMode,
                     encodings: Sequence[LegacyEncoding]) -> None:
    """Replace a garbled page's text with OCR output when that reads cleanly."""
    if ocr == "never" or not ocr_available():
        return
    lines = ocr_lines(page)
    if lines and garble_reason(plain(lines), encodings) is None:
        content.blocks = list(lines)
        content.ocr = True
        content.warnings.append(
            f"page {content.number}: garbled text replaced by OCR (tesseract, vie): check its figures"
        )


# --- assembling the document text ----------------------------------------------------------


class TextWriter:
    """Builds the document text page by page, recording word boxes, cells and page spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.cursor = 0
        self.boxes: list[TextBox] = []
        self.cells: list[TableCell] = []
        self.pages: list[PageSpan] = []
        self.tables = 0

    def write(self, text: str) -> None:
        """Append raw text."""
        self.parts.append(text)
        self.cursor += len(text)

    def add_page(self, content: PageContent) -> None:
        """Append a page (pages are separated by a blank line)."""
        if self.pages:
            self.write("\n\n")
        start = self.cursor
        previous: Line | Table | None = None
        for block in content.blocks:
            if previous is not None:
                self.write("\n\n" if _paragraph_break(previous, block) else "\n")
            self.add_line(block, content.number) if isinstance(block, Line) else self.add_table(
                block, content.number
            )
            previous = block
        self.pages.append(
            PageSpan(
                number=content.number,
                start=start,
                end=self.cursor,
                width=content.width,
                height=content.height,
                ocr=content.ocr,
            )
        )

    def add_line(self, line: Line, page: int) -> None:
        """Append a line word by word, recording each word's box."""
        for s, segment in enumerate(line.segments):
            if s:
                self.write("\t")
            for i, word in enumerate(segment):
                if i:
                    self.write(" ")
                self.boxes.append(
                    TextBox(
                        start=self.cursor,
                        end=self.cursor + len(word.text),
                        page=page,
                        bbox=word.bbox,
                    )
                )
                self.write(word.text)

    def add_table(self, table: Table, page: int) -> None:
        """Append a table one row a line, cells joined by " | ", with headers and boxes."""
        text, cells = render_table(
            table.rows, offset=self.cursor, table=self.tables, page=page, boxes=table.boxes
        )
        self.tables += 1
        self.cells.extend(cells)
        self.write(text)

    @property
    def text(self) -> str:
        """The whole document text."""
        return "".join(self.parts)


def _paragraph_break(previous: Line | Table, block: Line | Table) -> bool:
    """A blank line before tables, after tables, and where the vertical gap is wider than a line."""
    if isinstance(previous, Table) or isinstance(block, Table) or block.top < previous.top:
        return True  # tables stand apart; moving back up the page starts a new column
    height = previous.bottom - previous.top
    return block.top - previous.bottom > 0.8 * height


# --- the administrative header ---------------------------------------------------------------


def admin_header(first: PageContent, last: PageContent, header: HeaderPatterns) -> dict[str, str]:
    """Issuer, number, place, date, document type, title and signer of a Vietnamese official document."""
    lines = first.lines[:HEADER_LINES]
    texts = [line.text for line in lines]
    number = next((m for m in map(header.number.search, texts) if m), None)
    dated = next((m for m in map(header.place_date.search, texts) if m), None)
    if number is None and dated is None:
        return {}
    meta: dict[str, str] = {}
    end = max(
        i
        for i, t in enumerate(texts)
        if (number and number.group(0) in t) or (dated and dated.group(0) in t)
    )
    issuer = _issuer(lines[: end + 1], width=first.width, header=header)
    if issuer:
        meta["issuer"] = issuer
    if number:
        meta["doc_number"] = number["number"]
    if dated:
        meta["place"] = " ".join(dated["place"].split())
        meta["issued"] = f"{int(dated['year']):04d}-{int(dated['month']):02d}-{int(dated['day']):02d}"
    meta.update(_title(first.lines[end + 1 :], width=first.width))
    meta.update(_signer(last.lines, width=last.width, signer_title=header.signer_title))
    return meta


def _issuer(lines: Sequence[Line], *, width: float, header: HeaderPatterns) -> str:
    """The issuing body: the header's left column above "Số:", national motto left out."""
    parts = []
    for line in lines:
        for text, x0, x1 in line.segment_texts():
            if (x0 + x1) / 2 < width / 2:
                bare = header.number.sub("", header.motto.sub("", text))
                cleaned = " ".join(bare.split()).strip(" -")
                if cleaned and not header.place_date.search(cleaned):
                    parts.append(cleaned)
    return " ".join(parts)


def _centred(line: Line, *, width: float) -> bool:
    """True for a line centred on the page and clearly narrower than the text block."""
    left, right = line.x0, width - line.x1
    return abs(left - right) < 0.05 * width and (line.x1 - line.x0) < 0.75 * width


def _title(lines: Sequence[Line], *, width: float) -> dict[str, str]:
    """Document type ("KẾ HOẠCH") and the centred subject lines under it."""
    if not lines or not _centred(lines[0], width=width) or lines[0].text.upper() != lines[0].text:
        return {}
    doc_type = lines[0].text.strip()
    subject = []
    for line in lines[1:6]:
        if not _centred(line, width=width):
            break
        subject.append(line.text.strip())
    title = " ".join([doc_type, *subject])
    return {"doc_type": doc_type, "title": title}


def _is_name(text: str) -> bool:
    """True for a personal name: 2–5 capitalised words, no digits or punctuation."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words
    )


def _signer(lines: Sequence[Line], *, width: float, signer_title: re.Pattern[str]) -> dict[str, str]:
    """The signer's name and position from the right column of the last page's signature block."""
    right = [t for line in lines for t, x0, _ in line.segment_texts() if x0 >= 0.4 * width]
    titles = [i for i, t in enumerate(right) if signer_title.search(t)]
    if not titles:
        return {}
    names = [i for i, t in enumerate(right) if i > titles[0] and _is_name(t)]
    if not names:
        return {}
    return {"signer": right[names[-1]], "signer_title": "; ".join(right[titles[0] : names[-1]])}


# --- the document --------------------------------------------------------------------------


def open_pdf(raw: bytes, *, source: str) -> Any:
    """pdfplumber's document, or InputError naming the file when it is corrupt or encrypted."""
    try:
        pdf = pdfplumber.open(io.BytesIO(raw))
        _ = pdf.pages
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        name = type(exc).__name__
        hint = (
            "Remove the password and try again."
            if "Password" in name or "Encrypt" in name
            else "The PDF is corrupt or truncated: download it again or re-save it from a PDF viewer."
        )
        raise InputError(f"{source}: cannot read PDF ({name}: {exc})", hint=hint) from exc
    return pdf


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


def pdf_meta(pdf: Any) -> dict[str, str]:
    """The PDF's own metadata (title, author, creator, producer, creation date) and page count."""
    info = {
        k.lower(): str(v)
        for k, v in (pdf.metadata or {}).items()
        if isinstance(v, (str, bytes)) and str(v).strip()
    }
    keys = {
        "title": "pdf_title",
        "author": "pdf_author",
        "creator": "pdf_creator",
        "producer": "pdf_producer",
        "creationdate": "pdf_creation_date",
    }
    meta = {new: info[old] for old, new in keys.items() if old in info}
    meta["page_count"] = str(len(pdf.pages))
    return meta


def parse_pdf(raw: bytes, *, source: str, rules: PdfRules, ocr: OcrMode = "auto") -> Loaded:
    """Read a PDF into a Loaded document with pages, word boxes, table cells and header metadata."""
    with open_pdf(raw, source=source) as pdf:
        contents = read_pages(pdf, ocr=ocr, encodings=rules.legacy_encodings)
        meta = pdf_meta(pdf)
    writer = TextWriter()
    for content in contents:
        writer.add_page(content)
    header = admin_header(contents[0], contents[-1], rules.header) if contents else {}
    meta.update(header)
    if "issued" in header:
        meta["date_source"] = "document header"
    warnings = tuple(w for c in contents for w in c.warnings)
    if not writer.text.strip():
        warnings += (f"{source}: no text could be read from any page",)
    return Loaded(
        raw=raw,
        source=source,
        content_type="application/pdf",
        text=writer.text,
        title=header.get("title") or meta.get("pdf_title") or _first_line(writer.text),
        published=dt.date.fromisoformat(header["issued"]) if "issued" in header else None,
        meta=meta,
        language="vi" if header else None,
        pages=tuple(writer.pages),
        boxes=tuple(writer.boxes),
        cells=tuple(writer.cells),
        warnings=warnings,
    )


def _first_line(text: str) -> str | None:
    """The first non-empty line, as a fallback title."""
    return next((line.strip() for line in text.splitlines() if line.strip()), None)
