"""The loaded-document record and its layout: pages, word boxes and table cells by char offset.

``attach_layout`` puts that layout onto an extraction: each figure (and date, legal reference)
gets its page and bounding box, figures inside table cells get their row and column header,
and figures from OCR'd pages are marked ``ocr=True``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal, TypedDict, TypeVar

from pydantic import Field

from extractor.models import Box, Extraction, Language, Record, Span

CELL_SEPARATOR = " | "
NUMERIC_CELL = re.compile(r"[<>≤≥\d\s.,%()+\-–—−/]*\d[\d\s.,%()+\-–—−/]*")
YEAR = re.compile(r"(?:19|20)\d\d")
ORDINAL = re.compile(r"\(?(?:\d{1,2}|[IVXL]{1,5}|[a-z])[.)]?")
COLUMN_NUMBER = re.compile(r"\(?(?:\d{1,2}|[A-Z])\)?")
MAX_HEADER_ROWS = 3
CellRole = Literal["data", "header", "label"]
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
    """A table cell at chars [start, end), with the headers of its row and column.

    ``role``: a header cell (a row of the header, repeated or not), a label (the column naming
    the rows, and the numbering left of it) or data. ``column_header`` joins the levels of a
    header spanning several rows ("Trong đó / Vốn ủy thác"); the spans say where the header
    cells are in the text (a continued table's point to its first page).
    """

    start: int
    end: int
    table: int
    row: int
    col: int
    row_header: str | None = None
    column_header: str | None = None
    page: int | None = None
    bbox: Box | None = None
    role: CellRole = "data"
    row_header_span: tuple[int, int] | None = None
    column_header_spans: tuple[tuple[int, int], ...] = ()


class Region(Record):
    """Chars [start, end) of a part of the document that states no figures of its own: the
    closing of an official document (its recipients, "Nơi nhận", and the signature block)."""

    kind: Literal["closing"]
    start: int
    end: int


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
    regions: tuple[Region, ...] = ()
    warnings: tuple[str, ...] = ()

    def __repr__(self) -> str:
        return f"Loaded(source={self.source!r}, content_type={self.content_type!r}, chars={len(self.text)})"


# --- tables -------------------------------------------------------------------------------


def is_numeric(cell: str) -> bool:
    """True for cells that hold a number rather than a label ("2.345", "0,09%", "(12)", "< 0,5")."""
    return bool(NUMERIC_CELL.fullmatch(cell.strip()))


def is_label(cell: str) -> bool:
    """True for header-like cells: words, or a bare year ("2024") used as a column label."""
    return not is_numeric(cell) or bool(YEAR.fullmatch(cell.strip()))


def is_ordinal(cell: str) -> bool:
    """True for the numbering of a row or column: "1", "2.", "IV", "a)", "(3)"."""
    return bool(ORDINAL.fullmatch(cell.strip()))


def is_numbering_row(row: Sequence[str]) -> bool:
    """A row that numbers the columns under a header: "(1) (2) (3) …", "A B 1 2 3"."""
    filled = [c.strip() for c in row if c.strip()]
    if len(filled) < 3 or not all(COLUMN_NUMBER.fullmatch(c) for c in filled):
        return False
    digits = [int(c.strip("()")) for c in filled if c.strip("()").isdigit()]
    return len(digits) >= 2 and all(b == a + 1 for a, b in itertools.pairwise(digits))


def has_header_row(rows: Sequence[Sequence[str]], *, marked: bool = False) -> bool:
    """Whether the first row labels the columns: marked as <th>, or labels above numbers."""
    return header_rows(rows, marked=marked) > 0


def header_rows(rows: Sequence[Sequence[str]], *, marked: bool = False) -> int:
    """How many rows at the top label the columns: rows of labels (and a row numbering the
    columns) above the first row with a number that is not a year; one when the top is marked
    (<th>) or when more label rows stand above the numbers than a header has."""
    data = next((i for i, row in enumerate(rows) if _data_row(row)), None)
    if data is None or data == 0:
        return 1 if marked and rows else 0
    return data if data <= MAX_HEADER_ROWS else 1


def _data_row(row: Sequence[str]) -> bool:
    """A row holding a number that is no year, and no numbering of the columns."""
    return any(not is_label(c) for c in row if c.strip()) and not is_numbering_row(row)


def label_column(rows: Sequence[Sequence[str]]) -> int | None:
    """The column whose cells name the rows: the first one whose filled cells are mostly words
    or years, numbering ("1", "II", "a)") aside; None when no column does."""
    width = max((len(r) for r in rows), default=0)
    for c in range(width):
        filled = [r[c] for r in rows if c < len(r) and r[c].strip()]
        words = [t for t in filled if is_label(t) and not is_ordinal(t)]
        if filled and 2 * len(words) >= len(filled):
            return c
    return None


def clean_cell(cell: str | None) -> str:
    """A cell's text on one line, whitespace collapsed (PDF cells may wrap)."""
    return " ".join((cell or "").split())


Position = tuple[int, int]
Spot = tuple[int, int]  # a cell's [start, end) in the text


@dataclass(frozen=True)
class TableHead:
    """A table's header as one part hands it to its continuation on the next page: the header
    rows as printed, each column's header and where its cells are, the label column, and the
    number of the next row."""

    rows: tuple[tuple[str, ...], ...]
    columns: tuple[str | None, ...]
    spots: tuple[tuple[Spot, ...], ...]
    label: int | None
    next_row: int


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
    text, cells, _ = render_table_part(rows, offset=offset, table=table, header_marked=header_marked,
                                       page=page, boxes=boxes)
    return text, cells


def render_table_part(
    rows: Sequence[Sequence[str | None]],
    *,
    offset: int,
    table: int,
    header_marked: bool = False,
    page: int | None = None,
    boxes: Sequence[Sequence[Box | None]] | None = None,
    covers: Mapping[Position, Position] | None = None,
    head: TableHead | None = None,
) -> tuple[str, list[TableCell], TableHead]:
    """A table, or the part of one on a page, as text and cells with their headers.

    ``covers`` maps a position a merged cell spans (a header over two columns, a label over two
    rows) to the position of the merged cell; ``head`` is the header of the part before, when
    this part continues a table from the previous page (a header it repeats is read as one).
    """
    grid = [[clean_cell(c) for c in row] for row in rows]
    spots = _spots(grid, offset)
    layout = _Layout(grid, spots, dict(covers or {}), head, header_marked)
    cells = [
        TableCell(start=spots[r][c][0], end=spots[r][c][1], table=table, row=layout.first_row + r, col=c,
                  page=page, bbox=boxes[r][c] if boxes is not None and c < len(boxes[r]) else None,
                  **layout.headers(r, c))
        for r, row in enumerate(grid) for c in range(len(row))
    ]
    return "\n".join(CELL_SEPARATOR.join(row) for row in grid), cells, layout.handed_on(len(grid))


def _spots(grid: list[list[str]], offset: int) -> list[list[Spot]]:
    """Where each cell's text lies once the rows are written one a line, cells joined."""
    out, cursor = [], offset
    for row in grid:
        line = []
        for c, value in enumerate(row):
            if c:
                cursor += len(CELL_SEPARATOR)
            line.append((cursor, cursor + len(value)))
            cursor += len(value)
        out.append(line)
        cursor += 1  # the newline after the row
    return out


class _Headers(TypedDict, total=False):
    """The header fields of one cell (``TableCell``'s)."""

    role: CellRole
    row_header: str
    row_header_span: Spot
    column_header: str | None
    column_header_spans: tuple[Spot, ...]


class _Layout:
    """Which rows head the columns, which column names the rows, and each cell's headers."""

    def __init__(self, grid: list[list[str]], spots: list[list[Spot]], covers: dict[Position, Position],
                 head: TableHead | None, marked: bool) -> None:
        self.grid, self.spots, self.covers = grid, spots, covers
        if head is not None:
            self.header = _repeated_rows(grid, head.rows)
            self.columns, self.column_spots, self.label = list(head.columns), list(head.spots), head.label
            self.rows, self.first_row = head.rows, head.next_row - self.header
        else:
            self.header = header_rows(grid, marked=marked)
            self.columns, self.column_spots = self._column_headers()
            self.label = label_column(grid[self.header :])
            self.rows, self.first_row = tuple(tuple(r) for r in grid[: self.header]), 0

    def owner(self, r: int, c: int) -> Position:
        """The position of the cell whose text fills ``(r, c)`` (itself, or a merged cell)."""
        return self.covers.get((r, c), (r, c))

    def text(self, r: int, c: int) -> str:
        r0, c0 = self.owner(r, c)
        return self.grid[r0][c0] if c0 < len(self.grid[r0]) else ""

    def _column_headers(self) -> tuple[list[str | None], list[tuple[Spot, ...]]]:
        """Each column's header, its levels top to bottom joined by " / " (a merged header
        cell heads every column it spans), and where those header cells are."""
        width = max((len(r) for r in self.grid), default=0)
        texts: list[str | None] = []
        spots: list[tuple[Spot, ...]] = []
        for c in range(width):
            levels: list[tuple[str, Spot]] = []
            for r in range(self.header):
                if is_numbering_row(self.grid[r]):
                    continue
                r0, c0 = self.owner(r, c)
                value = self.text(r, c)
                if value and (not levels or levels[-1][0] != value):
                    levels.append((value, self.spots[r0][c0]))
            texts.append(" / ".join(t for t, _ in levels) or None)
            spots.append(tuple(s for _, s in levels))
        return texts, spots

    def headers(self, r: int, c: int) -> _Headers:
        """The header fields of one cell."""
        if r < self.header:
            return {"role": "header"}
        column = self.columns[c] if c < len(self.columns) else None
        fields: _Headers = {
            "column_header": column,
            "column_header_spans": self.column_spots[c] if c < len(self.column_spots) else (),
            "role": "label" if self.label is not None and c <= self.label else "data",
        }
        if self.label is not None and c != self.label:
            r0, c0 = self.owner(r, self.label)
            label = self.text(r, self.label)
            if label and is_label(label):
                fields["row_header"], fields["row_header_span"] = label, self.spots[r0][c0]
        return fields

    def handed_on(self, count: int) -> TableHead:
        """What a continuation of this table on the next page needs."""
        return TableHead(rows=self.rows, columns=tuple(self.columns), spots=tuple(self.column_spots),
                         label=self.label, next_row=self.first_row + count)


def _repeated_rows(grid: list[list[str]], header: tuple[tuple[str, ...], ...]) -> int:
    """How many rows at the top of a continued table repeat its header."""
    n = 0
    while n < len(header) and n < len(grid) and _same_row(grid[n], header[n]):
        n += 1
    return n


def _same_row(a: Sequence[str], b: Sequence[str]) -> bool:
    return [t for t in a if t] == [t for t in b if t]


# --- mapping spans to layout ----------------------------------------------------------------


def union(boxes: Sequence[Box]) -> Box:
    """The smallest box holding all ``boxes``."""
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


class LayoutIndex:
    """``Loaded``'s pages, word boxes and table cells indexed once by char offset, so that
    placing every record of a document costs a look-up each, not a pass over every box and cell
    (a pass per record made a long report's layout quadratic)."""

    def __init__(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self.page_starts = [p.start for p in loaded.pages]
        self.box_starts = [b.start for b in loaded.boxes]
        # cells by start, with their order in ``loaded.cells`` (the first overlapping one wins)
        # and the furthest end of any cell up to each, to know when no earlier cell can overlap
        order = sorted(range(len(loaded.cells)), key=lambda i: loaded.cells[i].start)
        self.cell_order = order
        self.cell_starts = [loaded.cells[i].start for i in order]
        self.cell_reach = list(itertools.accumulate((loaded.cells[i].end for i in order), max))

    def page_at(self, offset: int) -> PageSpan | None:
        """The page whose char range holds ``offset``."""
        i = bisect.bisect_right(self.page_starts, offset) - 1
        if i >= 0 and offset <= self.loaded.pages[i].end:
            return self.loaded.pages[i]
        return None

    def boxes_in(self, start: int, end: int) -> list[TextBox]:
        """Word boxes overlapping chars [start, end)."""
        boxes = self.loaded.boxes
        i = max(0, bisect.bisect_right(self.box_starts, start) - 1)
        found = []
        while i < len(boxes) and boxes[i].start < max(end, start + 1):
            if boxes[i].end > start:
                found.append(boxes[i])
            i += 1
        return found

    def cell_at(self, start: int, end: int) -> TableCell | None:
        """The table cell holding the number of chars [start, end): the first overlapping cell
        (in ``Loaded.cells`` order) with a digit in the overlap.

        A span may run past its cell ("2.876,4\nLao động" when a matcher crosses a row break);
        the headers belong to the cell its digits are in."""
        cells, text = self.loaded.cells, self.loaded.text
        j = bisect.bisect_left(self.cell_starts, end) - 1
        best: int | None = None
        while j >= 0 and self.cell_reach[j] > start:
            index = self.cell_order[j]
            cell = cells[index]
            if (best is None or index < best) and cell.end > start and any(
                    ch.isdigit() for ch in text[max(start, cell.start) : min(end, cell.end)]):
                best = index
            j -= 1
        return None if best is None else cells[best]

    def locate(self, span: Span) -> dict[str, object]:
        """The layout fields (page, bbox, headers, ocr) for one span."""
        update: dict[str, object] = {}
        page = self.page_at(span.start)
        cell = self.cell_at(span.start, span.end)
        found = [b for b in self.boxes_in(span.start, span.end) if page is None or b.page == page.number]
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


def _placed(spans: Sequence[S], index: LayoutIndex) -> tuple[S, ...]:
    """Copies of ``spans`` with layout fields the span's model has."""
    out = []
    for span in spans:
        update = {k: v for k, v in index.locate(span).items() if k in type(span).model_fields}
        out.append(span.model_copy(update=update) if update else span)
    return tuple(out)


def attach_layout(extraction: Extraction, loaded: Loaded) -> Extraction:
    """Add page/bbox, table headers and OCR marks to an extraction made from ``loaded.text``."""
    if extraction.document.text != loaded.text:
        warning = f"{loaded.source}: layout not attached, the extraction's text differs from the loaded text"
        return extraction.model_copy(update={"warnings": (*extraction.warnings, warning)})
    if not (loaded.pages or loaded.cells):
        return extraction
    index = LayoutIndex(loaded)
    return extraction.model_copy(
        update={
            "figures": _placed(extraction.figures, index),
            "dates": _placed(extraction.dates, index),
            "legal_refs": _placed(extraction.legal_refs, index),
        }
    )
