"""The document text assembled page by page, with each word's box, each table cell and each page's
char range recorded as it is written."""

from __future__ import annotations

from extractor.parse.layout import PageSpan, TableCell, TextBox, render_table
from extractor.parse.pdf.lines import Line
from extractor.parse.pdf.page import PageContent
from extractor.parse.pdf.tables import Block, Table


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
        previous: Block | None = None
        for block in content.blocks:
            if previous is not None:
                self.write("\n\n" if paragraph_break(previous, block) else "\n")
            if isinstance(block, Line):
                self.add_line(block, content.number)
            else:
                self.add_table(block, content.number)
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


def paragraph_break(previous: Block, block: Block) -> bool:
    """A blank line before tables, after tables, and where the vertical gap is wider than a line."""
    if isinstance(previous, Table) or isinstance(block, Table) or block.top < previous.top:
        return True  # tables stand apart; moving back up the page starts a new column
    height = previous.bottom - previous.top
    return block.top - previous.bottom > 0.8 * height
