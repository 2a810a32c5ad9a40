"""Tables on a PDF page: ruled ones found by pdfplumber, and runs of aligned lines without rules.

A table keeps its rows of cell texts and each cell's box, so a figure read from a cell maps back
to page and box; the layout (``extractor.parse.layout.render_table``) gives each cell its row and
column headers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pdfplumber.table import Table as PlumberTable

from extractor.models import Box
from extractor.parse.layout import Position, is_numeric
from extractor.parse.pdf.lines import Line

MIN_TABLE_ROWS = 3


@dataclass
class Table:
    """A table found on a page: its rows of cell texts and cell boxes, the positions its merged
    cells span (``covers``: position → the merged cell's) and its columns' x ranges."""

    bbox: Box
    rows: list[list[str | None]]
    boxes: list[list[Box | None]]
    covers: dict[Position, Position] = field(default_factory=dict)
    columns: list[tuple[float, float]] = field(default_factory=list)

    @property
    def top(self) -> float:
        """Top edge, for reading order."""
        return self.bbox[1]


Block = Line | Table


def page_tables(page: Any) -> list[Table]:
    """Tables pdfplumber finds on the page, with each cell's text and box."""
    tables = []
    for found in page.find_tables():
        within: Any = chars_within(page, found.bbox)  # in the page's stead: a Table reads its chars only
        rows = PlumberTable(within, found.cells).extract()
        if not any((cell or "").strip() for row in rows for cell in row):
            continue  # ruled boxes with nothing in them (frames, an image's border)
        boxes: list[list[Box | None]] = [
            [_box(c) if c else None for c in row.cells] for row in found.rows
        ]
        columns = [(float(col.bbox[0]), float(col.bbox[2])) for col in found.columns]
        tables.append(Table(bbox=_box(found.bbox), rows=rows, boxes=boxes,
                            covers=merged_cells(boxes, columns), columns=columns))
    return tables


@dataclass
class CharsWithin:
    """What pdfplumber's ``Table.extract`` reads of a page: its chars."""

    chars: list[dict[str, Any]]


def chars_within(page: Any, bbox: Any) -> CharsWithin:
    """The chars of the page whose middle lies in ``bbox``, tested as pdfplumber's
    ``Table.extract`` tests them against each row: a row's chars are among them, in the same
    order, and extracting a table no longer reads every char of the page once a row."""
    x0, top, x1, bottom = bbox
    return CharsWithin([
        char for char in page.chars
        if x0 <= (char["x0"] + char["x1"]) / 2 < x1 and top <= (char["top"] + char["bottom"]) / 2 < bottom
    ])


def _box(values: Any) -> Box:
    """A box rounded to hundredths of a point."""
    x0, top, x1, bottom = (round(float(v), 2) for v in values)
    return (x0, top, x1, bottom)


def merged_cells(boxes: list[list[Box | None]], columns: list[tuple[float, float]]) -> dict[Position, Position]:
    """The positions a merged cell spans, each mapped to the merged cell's own position: a
    header over two columns ("Trong đó" over its two parts), a label over two rows."""
    rows = [_row_band(row) for row in boxes]
    covers: dict[Position, Position] = {}
    for r, row in enumerate(boxes):
        for c, box in enumerate(row):
            band = rows[r]
            if box is not None or c >= len(columns) or band is None:
                continue
            x, y = (columns[c][0] + columns[c][1]) / 2, (band[0] + band[1]) / 2
            owner = _covering(boxes, x, y, r, c)
            if owner is not None:
                covers[(r, c)] = owner
    return covers


def _row_band(row: list[Box | None]) -> tuple[float, float] | None:
    """The top and bottom of a row's own cells (the lowest top, the highest bottom)."""
    found = [b for b in row if b is not None]
    if not found:
        return None
    return max(b[1] for b in found), min(b[3] for b in found)


def _covering(boxes: list[list[Box | None]], x: float, y: float, r: int, c: int) -> Position | None:
    """The cell above or left of ``(r, c)`` whose box holds the point ``(x, y)``."""
    for r0 in range(r, -1, -1):
        for c0 in range(c, -1, -1):
            box = boxes[r0][c0] if c0 < len(boxes[r0]) else None
            if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                return (r0, c0)
    return None


# --- tables without ruling lines ------------------------------------------------------------


def aligned_tables(blocks: list[Block]) -> list[Block]:
    """Runs of lines whose segments line up in columns, with numbers in them, become tables.

    Tables without ruling lines (pdfplumber's find_tables sees none) still get row and
    column headers this way; a label column beside right-aligned numbers is the usual shape.
    """
    out: list[Block] = []
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


def _aligned_run(blocks: list[Block], i: int) -> list[Line]:
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
    columns = [(x0, x1) for _, x0, x1 in lines[-1].segment_texts()]
    return Table(bbox=bbox, rows=rows, boxes=boxes, columns=columns)
