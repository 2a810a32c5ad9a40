"""The loaded-document record and its layout: pages, word boxes and table cells by char offset.

``attach_layout`` puts that layout onto an extraction: each figure (and date, legal reference)
gets its page and bounding box, figures inside table cells get their row and column header,
and figures from OCR'd pages are marked ``ocr=True``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from typing import TypeVar

from pydantic import Field

from extractor.models import Box, Extraction, Language, Record, Span

CELL_SEPARATOR = " | "
NUMERIC_CELL = re.compile(r"[\d\s.,%()+\-–—−/]*\d[\d\s.,%()+\-–—−/]*")
YEAR = re.compile(r"(?:19|20)\d\d")
S = TypeVar("S", bound=Span)


class PageSpan(Record):
    """One page of a PDF: its number (1-based) and its char range in ``Loaded.text``."""

    number: int
    start: int
    end: int
    width: float = 0.0
    height: float = 0.0
    ocr: bool = False


class TextBox(Record):
    """A word (or a table cell) at chars [start, end) of the text, drawn at ``bbox`` on ``page``.

    ``bbox`` is pdfplumber's (x0, top, x1, bottom) in PDF points from the page's top-left.
    """

    start: int
    end: int
    page: int
    bbox: Box


class TableCell(Record):
    """A table cell at chars [start, end), with the headers of its row and column."""

    start: int
    end: int
    table: int
    row: int
    col: int
    row_header: str | None = None
    column_header: str | None = None
    page: int | None = None
    bbox: Box | None = None


class Loaded(Record):
    """A document read from raw bytes: clean NFC text, metadata and layout, raw bytes kept."""

    raw: bytes
    source: str
    content_type: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    meta: dict[str, str] = Field(default_factory=dict)
    language: Language | None = None
    captions: tuple[str, ...] = ()
    pages: tuple[PageSpan, ...] = ()
    boxes: tuple[TextBox, ...] = ()
    cells: tuple[TableCell, ...] = ()
    warnings: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Loaded(source={self.source!r}, content_type={self.content_type!r}, chars={len(self.text)})"


# --- tables -------------------------------------------------------------------------------


def is_numeric(cell: str) -> bool:
    """True for cells that hold a number rather than a label ("2.345", "0,09%", "(12)")."""
    return bool(NUMERIC_CELL.fullmatch(cell.strip()))


def is_label(cell: str) -> bool:
    """True for header-like cells: words, or a bare year ("2024") used as a column label."""
    return not is_numeric(cell) or bool(YEAR.fullmatch(cell.strip()))


def has_header_row(rows: Sequence[Sequence[str]], *, marked: bool = False) -> bool:
    """Whether the first row labels the columns: marked as <th>, or labels above numbers."""
    if marked:
        return True
    if len(rows) < 2:
        return False
    first_is_labels = all(is_label(c) for c in rows[0] if c.strip())
    return first_is_labels and any(not is_label(c) for row in rows[1:] for c in row if c.strip())


def clean_cell(cell: str | None) -> str:
    """A cell's text on one line, whitespace collapsed (PDF cells may wrap)."""
    return " ".join((cell or "").split())


def render_table(
    rows: Sequence[Sequence[str | None]],
    *,
    offset: int,
    table: int,
    header_marked: bool = False,
    page: int | None = None,
    boxes: Sequence[Sequence[Box | None]] | None = None,
) -> tuple[str, list[TableCell]]:
    """A table as text (one row a line, cells joined by " | ") and its cells with headers."""
    grid = [[clean_cell(c) for c in row] for row in rows]
    header = has_header_row(grid, marked=header_marked)
    lines: list[str] = []
    cells: list[TableCell] = []
    cursor = offset
    for r, row in enumerate(grid):
        parts: list[str] = []
        for c, value in enumerate(row):
            if parts:
                cursor += len(CELL_SEPARATOR)
            box = boxes[r][c] if boxes is not None and c < len(boxes[r]) else None
            cells.append(
                _cell(grid, r, c, start=cursor, table=table, header=header, page=page, bbox=box)
            )
            parts.append(value)
            cursor += len(value)
        lines.append(CELL_SEPARATOR.join(parts))
        cursor += 1  # the newline after the row
    return "\n".join(lines), cells


def _cell(
    grid: list[list[str]],
    r: int,
    c: int,
    *,
    start: int,
    table: int,
    header: bool,
    page: int | None,
    bbox: Box | None,
) -> TableCell:
    """One cell with its row header (first cell, if a label) and column header (first row)."""
    value = grid[r][c]
    in_header_row = header and r == 0
    row_label = grid[r][0] if grid[r] else ""
    row_header = (
        row_label
        if c > 0 and row_label and not is_numeric(row_label) and not in_header_row
        else None
    )
    column_header = grid[0][c] if header and r > 0 and c < len(grid[0]) and grid[0][c] else None
    return TableCell(
        start=start,
        end=start + len(value),
        table=table,
        row=r,
        col=c,
        row_header=row_header,
        column_header=column_header,
        page=page,
        bbox=bbox,
    )


# --- mapping spans to layout ----------------------------------------------------------------


def union(boxes: Sequence[Box]) -> Box:
    """The smallest box holding all ``boxes``."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def page_at(loaded: Loaded, offset: int) -> PageSpan | None:
    """The page whose char range holds ``offset``."""
    starts = [p.start for p in loaded.pages]
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset <= loaded.pages[i].end:
        return loaded.pages[i]
    return None


def boxes_in(loaded: Loaded, start: int, end: int) -> list[TextBox]:
    """Word boxes overlapping chars [start, end)."""
    starts = [b.start for b in loaded.boxes]
    i = max(0, bisect.bisect_right(starts, start) - 1)
    found = []
    while i < len(loaded.boxes) and loaded.boxes[i].start < max(end, start + 1):
        box = loaded.boxes[i]
        if box.end > start:
            found.append(box)
        i += 1
    return found


def cell_at(loaded: Loaded, start: int, end: int) -> TableCell | None:
    """The table cell holding the number of chars [start, end): the first overlapping cell with a digit.

    A span may run past its cell ("2.876,4\nLao động" when a matcher crosses a row break); the
    headers belong to the cell its digits are in.
    """
    for cell in loaded.cells:
        overlap = loaded.text[max(start, cell.start) : min(end, cell.end)]
        if any(ch.isdigit() for ch in overlap):
            return cell
    return None


def locate(span: S, loaded: Loaded) -> dict[str, object]:
    """The layout fields (page, bbox, headers, ocr) for one span."""
    update: dict[str, object] = {}
    page = page_at(loaded, span.start)
    cell = cell_at(loaded, span.start, span.end)
    found = [
        b for b in boxes_in(loaded, span.start, span.end) if page is None or b.page == page.number
    ]
    if page is not None:
        update["page"] = page.number
    if found:
        update["bbox"] = union([b.bbox for b in found])
    elif cell is not None and cell.bbox is not None:
        update["bbox"] = cell.bbox
    if cell is not None:
        update["row_header"], update["column_header"] = cell.row_header, cell.column_header
    if page is not None and page.ocr:
        update["ocr"] = True
    return update


def _placed(spans: Sequence[S], loaded: Loaded) -> tuple[S, ...]:
    """Copies of ``spans`` with layout fields the span's model has."""
    out = []
    for span in spans:
        update = {k: v for k, v in locate(span, loaded).items() if k in type(span).model_fields}
        out.append(span.model_copy(update=update) if update else span)
    return tuple(out)


def attach_layout(extraction: Extraction, loaded: Loaded) -> Extraction:
    """Add page/bbox, table headers and OCR marks to an extraction made from ``loaded.text``."""
    if extraction.document.text != loaded.text:
        warning = f"{loaded.source}: layout not attached, the extraction's text differs from the loaded text"
        return extraction.model_copy(update={"warnings": (*extraction.warnings, warning)})
    if not (loaded.pages or loaded.cells):
        return extraction
    return extraction.model_copy(
        update={
            "figures": _placed(extraction.figures, loaded),
            "dates": _placed(extraction.dates, loaded),
            "legal_refs": _placed(extraction.legal_refs, loaded),
        }
    )
