"""``LayoutIndex`` places a span as a pass over every page, box and cell would (the reading the
index replaced), on seeded random layouts: cells out of order, overlapping, empty or digitless."""

from __future__ import annotations

import random

import pytest

from extractor.models import Figure
from extractor.parse.layout import LayoutIndex, Loaded, PageSpan, TableCell, TextBox, union


def _loaded(rng: random.Random) -> Loaded:
    text = "".join(rng.choice("ab 12,.\n") for _ in range(400))
    pages = []
    at = 0
    for number in range(1, rng.randint(1, 4) + 1):
        end = min(len(text), at + rng.randint(50, 200))
        pages.append(PageSpan(number=number, start=at, end=end))
        at = end + 1
    boxes, at = [], 0
    while at < len(text) - 2:
        end = at + rng.randint(1, 6)
        boxes.append(TextBox(start=at, end=end, page=1 + at // 150, bbox=(at, 0.0, end, 1.0)))
        at = end + rng.randint(0, 3)
    cells = []
    for n in range(rng.randint(0, 30)):
        start = rng.randrange(len(text))
        cells.append(TableCell(start=start, end=start + rng.randint(0, 15), table=0, row=n, col=0,
                               row_header=f"row {n}", bbox=(0.0, 0.0, 1.0, 1.0)))
    return Loaded(raw=b"", source="t", content_type="application/pdf", text=text, pages=tuple(pages),
                  boxes=tuple(boxes), cells=tuple(cells))


def _by_scan(loaded: Loaded, start: int, end: int) -> dict[str, object]:
    """The layout fields by a pass over everything (first matching cell in ``cells`` order)."""
    page = next((p for p in reversed(loaded.pages) if p.start <= start), None)
    page = page if page is not None and start <= page.end else None
    cell = next((c for c in loaded.cells
                 if any(ch.isdigit() for ch in loaded.text[max(start, c.start):min(end, c.end)])), None)
    found = [b for b in loaded.boxes if b.start < max(end, start + 1) and b.end > start
             and (page is None or b.page == page.number)]
    update: dict[str, object] = {}
    if page is not None:
        update["page"] = page.number
    if found:
        update["bbox"] = union([b.bbox for b in found])
    elif cell is not None and cell.bbox is not None:
        update["bbox"] = cell.bbox
    if cell is not None:
        update["row_header"], update["column_header"] = cell.row_header, cell.column_header
    return update


@pytest.mark.parametrize("seed", range(40))
def test_index_places_spans_as_a_full_pass_would(seed: int) -> None:
    rng = random.Random(seed)
    loaded = _loaded(rng)
    index = LayoutIndex(loaded)
    for _ in range(60):
        start = rng.randrange(len(loaded.text))
        end = min(len(loaded.text), start + rng.randint(0, 12))
        span = Figure(text="x", start=start, end=end, kind="count", value=1, unit="households")
        assert index.locate(span) == _by_scan(loaded, start, end)
