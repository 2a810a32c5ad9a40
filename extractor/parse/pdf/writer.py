"""The document text assembled page by page, with each word's box, each table cell and each page's
char range recorded as it is written."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.models import validated
from extractor.parse.layout import (
    PageSpan,
    Region,
    TableCell,
    TableHead,
    TextBox,
    render_table_part,
)
from extractor.parse.pdf.lines import Line
from extractor.parse.pdf.page import PageContent
from extractor.parse.pdf.tables import Block, Table

# A line that opens a list item or a numbered heading: "- ", "+ ", "• ", "1.", "a)", "IV.".
PAGE_NUMBER = re.compile(r"[-–\s]*\d{1,3}[-–\s]*")
COLUMN_SLACK = 6.0  # points a continued table's column edges may move between pages
LIST_ITEM = re.compile(r"\s*(?:[-+•*–]\s|\(?(?:\d{1,2}|[a-z]|[IVXL]{1,5})[.)](?:\s|$))")


@dataclass(frozen=True)
class OpenTable:
    """The table a page ended with, which the next page's first table may continue."""

    index: int
    head: TableHead
    columns: list[tuple[float, float]]


class TextWriter:
    """Builds the document text page by page, recording word boxes, cells and page spans."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.cursor = 0
        self.boxes: list[TextBox] = []
        self.cells: list[TableCell] = []
        self.pages: list[PageSpan] = []
        self.tables = 0
        self.open: OpenTable | None = None  # the table the last page ended with
        self.regions: list[Region] = []

    def write(self, text: str) -> None:
        """Append raw text."""
        self.parts.append(text)
        self.cursor += len(text)

    def add_page(self, content: PageContent, *, closing: int | None = None) -> None:
        """Append a page (pages are separated by a blank line); ``closing``: the index of the block
        that opens the document's closing (recipients and signature), to the end of the page."""
        if self.pages:
            self.write("\n\n")
        start = self.cursor
        previous: Block | None = None
        gaps = iter(separators(content.blocks))
        body = [b for b in content.blocks if not page_number(b)]
        going_on = self.open if body and continues(self.open, body[0]) else None
        closed_at = None
        for i, block in enumerate(content.blocks):
            if previous is not None:
                self.write(next(gaps))
            if i == closing:
                closed_at = self.cursor
            if isinstance(block, Line):
                self.add_line(block, content.number)
            else:
                self.add_table(block, content.number, going_on=going_on if block is body[0] else None)
            previous = block
        if not body or not isinstance(body[-1], Table):
            self.open = None
        if closed_at is not None:
            self.regions.append(Region(kind="closing", start=closed_at, end=self.cursor))
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
        """Append a line (its text: words joined by a space, segments by a tab), recording each
        word's box where the word stands in it (``validated``: one per word)."""
        cursor = self.cursor
        for s, segment in enumerate(line.segments):
            if s:
                cursor += 1  # the tab
            for i, word in enumerate(segment):
                if i:
                    cursor += 1  # the space
                end = cursor + len(word.text)
                self.boxes.append(validated(TextBox, {"start": cursor, "end": end, "page": page, "bbox": word.bbox}))
                cursor = end
        self.write(line.text)

    def add_table(self, table: Table, page: int, *, going_on: OpenTable | None = None) -> None:
        """Append a table one row a line, cells joined by " | ", with headers and boxes
        (``going_on``: the table of the previous page this one continues)."""
        index = going_on.index if going_on else self.tables
        text, cells, head = render_table_part(
            table.rows, offset=self.cursor, table=index, page=page, boxes=table.boxes,
            covers=table.covers, head=going_on.head if going_on else None,
        )
        if going_on is None:
            self.tables += 1
        self.open = OpenTable(index, head, table.columns)
        self.cells.extend(cells)
        self.write(text)

    @property
    def text(self) -> str:
        """The whole document text."""
        return "".join(self.parts)


def page_number(block: Block) -> bool:
    """A line holding only a page number ("2", "- 3 -")."""
    return isinstance(block, Line) and bool(PAGE_NUMBER.fullmatch(block.text))


def continues(open_table: OpenTable | None, block: Block) -> bool:
    """Whether a page's first block goes on with the table the previous page ended with: a
    table with as many columns, each where the other's was (within a few points)."""
    if open_table is None or not isinstance(block, Table) or len(block.columns) != len(open_table.columns):
        return False
    return all(abs(a[0] - b[0]) < COLUMN_SLACK and abs(a[1] - b[1]) < COLUMN_SLACK
               for a, b in zip(block.columns, open_table.columns, strict=True))


def separators(blocks: Sequence[Block]) -> list[str]:
    """What stands before each block but the first: a blank line between paragraphs, a space
    where a line of running text wrapped (so a sentence, or "4.567 tỷ / đồng", reads on one
    line), else a newline."""
    out: list[str] = []
    paragraph: list[Line] = []
    leading = usual_gap(blocks)
    for previous, block in itertools.pairwise(blocks):
        apart = paragraph_break(previous, block, leading=leading)
        if apart or not isinstance(previous, Line) or not isinstance(block, Line):
            out.append("\n\n" if apart else "\n")
            paragraph = []
            continue
        paragraph = paragraph or [previous]
        paragraph.append(block)
        out.append("")  # decided once the paragraph is whole
    return _wrapped_joins(blocks, out)


def _wrapped_joins(blocks: Sequence[Block], out: list[str]) -> list[str]:
    """Fill the undecided separators: a space where the line before wrapped, else a newline."""
    i = 0
    while i < len(out):
        if out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and not out[j]:
            j += 1
        lines = [b for b in blocks[i : j + 1] if isinstance(b, Line)]
        edges = (min(b.x0 for b in lines), max(b.x1 for b in lines))  # once a paragraph, not a line
        for k in range(i, j):
            out[k] = " " if wrapped(lines[k - i], lines[k - i + 1], edges=edges) else "\n"
        i = j
    return out


def wrapped(line: Line, following: Line, *, edges: tuple[float, float]) -> bool:
    """Whether ``following`` goes on with ``line``'s text: plain lines of one paragraph, the
    following one at the paragraph's left edge, and its first word too long to have fitted at
    the end of ``line`` (the break is the margin's, not the writer's). A list item or numbered
    heading always starts a line. A centred line goes on with a centred one that filled the width.
    ``edges``: the paragraph's left and right edges (the least x0 and greatest x1 of its lines)."""
    if len(line.segments) > 1 or len(following.segments) > 1 or LIST_ITEM.match(following.text):
        return False
    em = max(w.size for w in line.words)
    left, right = edges
    first = following.words[0]
    centred = abs((following.x0 + following.x1) - (line.x0 + line.x1)) < 2 * em
    return (abs(following.x0 - left) < em or centred) and line.x1 + (first.x1 - first.x0) + 0.5 * em > right


def paragraph_break(previous: Block, block: Block, *, leading: float = 0.0) -> bool:
    """A blank line before tables, after tables, and where the vertical gap is wider than a line
    and wider than the page's usual gap between lines (``leading``) by a good part of a line."""
    if isinstance(previous, Table) or isinstance(block, Table) or block.top < previous.top:
        return True  # tables stand apart; moving back up the page starts a new column
    height = previous.bottom - previous.top
    return block.top - previous.bottom > max(0.8 * height, leading + 0.4 * height)


def usual_gap(blocks: Sequence[Block]) -> float:
    """The gap between the lines of a paragraph on this page: a low quantile of the gaps between
    a line and the next one below it (many of the others are gaps between paragraphs)."""
    gaps = sorted(b.top - a.bottom for a, b in itertools.pairwise(blocks)
                  if isinstance(a, Line) and isinstance(b, Line) and 0 <= b.top - a.bottom < 2 * (a.bottom - a.top))
    return gaps[len(gaps) // 5] if gaps else 0.0
