"""Long tables as plain aligned text: a header, a rule, one line per row.

Rich lays out every cell of a table (widths, folding, borders) before it prints the first line:
the 1,512 rows of ``extractor table`` on a large database took 1.1 s, for a query of a few
milliseconds. Beyond ``RICH_ROWS`` rows the query commands print the same columns and cells
(cut as in the rich table) as padded text instead, which costs nothing next to the query and
reads the same in a pager or a pipe; ``--format csv`` or ``json`` remain the formats for programs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len

RICH_ROWS = 100  # a rich table is laid out in about 1 ms per row: a tenth of a second at most
GAP = "  "


def one_line(text: str) -> str:
    """A cell on one line: newlines, tabs and control characters (scraped text may hold terminal
    escape sequences) become spaces, runs of spaces one space."""
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else " " for ch in text)
    return " ".join(text.split())


def width(text: str) -> int:
    """Terminal cells ``text`` takes (a wide character two), counted by rich only for non-ASCII."""
    return len(text) if text.isascii() else cell_len(text)


def write_plain(rows: Sequence[Sequence[str]], columns: Sequence[str], stream: TextIO, *, title: str = "") -> None:
    """``rows`` of cells under ``columns``, each column as wide as its widest cell.

    >>> import io
    >>> out = io.StringIO()
    >>> write_plain([["Nghệ An", "13357"], ["Huế", "8\\n1"]], ["province", "value"], out)
    >>> print(out.getvalue(), end="")
    province  value
    ────────  ─────
    Nghệ An   13357
    Huế       8 1
    """
    lines = [[one_line(c) for c in columns], *([one_line(c) for c in row] for row in rows)]
    widths = [max(width(line[i]) for line in lines) for i in range(len(columns))]
    if title:
        stream.write(one_line(title) + "\n")
    stream.write(_padded(lines[0], widths))
    stream.write(GAP.join("─" * w for w in widths) + "\n")
    stream.writelines(_padded(line, widths) for line in lines[1:])


def _padded(cells: Sequence[str], widths: Sequence[int]) -> str:
    """One line of cells, each padded to its column's width (no trailing spaces)."""
    padded = (cell + " " * (wide - width(cell)) for cell, wide in zip(cells, widths, strict=True))
    return GAP.join(padded).rstrip() + "\n"
