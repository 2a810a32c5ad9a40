"""Lists opened by a colon: "… các chương trình cho vay: hộ cận nghèo 96,4 tỷ
đồng; nước sạch và vệ sinh môi trường 52,3 tỷ đồng; hộ nghèo 8,2 tỷ đồng."

Words naming what the items are (``list_openers`` of ``rules/parts.yaml``: "các chương trình",
"các huyện", or a count of a noun of ``list_counts``: "3 chương trình") right before a colon
open a list that runs to the end of the sentence; words of ``list_starts`` ("programs such as
…") open the items as a colon does. Each item names one part and gives its figure: the figure
measures what the lead-in before the colon speaks of (``link.indicator``) and is a part of that
kind (``link.parts``), never a total of its place. Items are parted by semicolons, or by commas
when the list has no semicolon; a list whose first item gives no figure of its own lists names
only, and what follows them is no item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from extractor.link.context import Context, clause_span, segment_span, sentence_span
from extractor.link.rules import (
    LIST_EXAMPLES,
    LIST_GLUE,
    LIST_GLUE_AFTER,
    LIST_GLUE_AFTER_NOT,
    LIST_MOVES,
    LIST_STARTS,
    list_count,
    list_opener,
)
from extractor.models import Figure, PartKind
from extractor.registry.phrases import Hit

# Every kind's index names: a kind whose openers rules/parts.yaml does not list has none.
OPENERS: tuple[tuple[PartKind, str], ...] = tuple((kind, list_opener(kind)) for kind in get_args(PartKind))
COUNTED: tuple[tuple[PartKind, str], ...] = tuple((kind, list_count(kind)) for kind in get_args(PartKind))
# What ends the opener's clause before its colon: the opener must name the items itself.
_BREAK = re.compile(r"[,;.]")


@dataclass(frozen=True)
class Opening:
    """A list's opening: what kind of part its items are, the words saying so, where the colon
    (or the words standing for it) stands and where the items begin."""

    kind: PartKind
    phrase: str
    colon: int
    items: int


def opening_of(ctx: Context, fig: Figure) -> Opening | None:
    """The list opened by the last colon (or list start) before the figure in its sentence, if
    an opener stands in the clause that colon ends."""
    s0, _ = sentence_span(ctx, fig)
    start = _list_start(ctx, s0, fig.start)
    if start is None:
        return None
    colon, items = start
    window = max(s0, colon - ctx.reach("list_opener_start")), colon
    found = [(hit, kind) for kind, name in OPENERS if name in ctx.hits for hit in ctx.marks(name, *window)]
    found += [(hit, kind) for kind, name in COUNTED if name in ctx.hits
              for hit in ctx.marks(name, *window) if _counted(ctx, hit, s0)]
    # Words announcing examples right before the colon ("… như:") let the opener stand as far
    # from it as it may start: the clause's subject ("Nhiều địa phương trong tỉnh giải ngân nhanh như: …").
    examples = _examples_before(ctx, s0, colon)
    reach = ctx.reach("list_opener_start") if examples else ctx.reach("list_opener_end")
    found = [(hit, kind) for hit, kind in found
             if colon - hit[1] <= reach and not _BREAK.search(ctx.text, hit[1], colon)]
    if not found:
        return None
    (_, _, phrase), kind = max(found)
    return Opening(kind, phrase, colon, items)


def _examples_before(ctx: Context, s0: int, colon: int) -> bool:
    """Whether words of ``list_examples`` ("như", "gồm") end right before the colon, which
    closes the sentence's part from ``s0``: however long the words are (it looked 20 characters
    back, and a longer phrase of the list was never seen)."""
    if LIST_EXAMPLES not in ctx.hits:
        return False
    return any(not ctx.text[hit[1] : colon].strip() for hit in ctx.marks(LIST_EXAMPLES, s0, colon))


def _list_start(ctx: Context, s0: int, end: int) -> tuple[int, int] | None:
    """Where the last colon, or list start ("such as"), between ``s0`` and ``end`` stands and
    where the items after it begin."""
    colon = ctx.text.rfind(":", s0, end)
    words = ctx.marks(LIST_STARTS, s0, end) if LIST_STARTS in ctx.hits else []
    if words and words[-1][0] > colon:
        return words[-1][0], words[-1][1]
    return (colon, colon + 1) if colon >= 0 else None


def _counted(ctx: Context, hit: Hit, s0: int) -> bool:
    """Whether the noun ``hit`` is that of a count ("3 chương trình"): the count names many
    parts, where the noun alone names one."""
    return any(f.kind == "count" and f.end == hit[1] for f in ctx.figures.within(s0, hit[0]))


def item_name(ctx: Context, fig: Figure, opening: Opening) -> str | None:
    """The words naming the figure's item ("nước sạch và vệ sinh môi trường"): from the item's
    start (after the colon or a semicolon, or a comma when no semicolon parts the list) to its
    first figure; None when the item opens with a figure (it names no part) or its
    words run too long to be a name."""
    seg0, seg1 = segment_span(ctx, fig)
    by_semicolons = _parting(ctx, fig, opening) == ";"
    start = max(seg0 if by_semicolons else clause_span(ctx, fig)[0], opening.items)
    first = ctx.figures.within(start, fig.start + 1)[0]
    name = ctx.text[start : unglued(ctx, start, first.start)].strip(" ,:;(")
    if not name and first is fig:
        name = _name_after(ctx, fig, seg1 if by_semicolons else clause_span(ctx, fig)[1]) or ""
    return name if name and len(name) <= ctx.reach("item_name") else None


def _name_after(ctx: Context, fig: Figure, end: int) -> str | None:
    """The name an item that opens with its figure gives after it, past a word joining them
    (``list_glue_after``: "VND 25 billion for housing"), to the item's end; None when no
    such word follows the figure, another figure stands before the item's end, or the words
    after the joining word name no part: a date, or a time, order or whole opening them
    (``list_glue_after_not``: "VND 46 billion for the first time")."""
    glue = ctx.marks(LIST_GLUE_AFTER, fig.end, end) if LIST_GLUE_AFTER in ctx.hits else []
    if not glue or ctx.text[fig.end : glue[0][0]].strip() or ctx.figures.within(fig.end, end):
        return None
    start = glue[0][1]
    refused = ctx.marks(LIST_GLUE_AFTER_NOT, start, end) if LIST_GLUE_AFTER_NOT in ctx.hits else []
    if ctx.dates.within(start, end) or any(not ctx.text[start : hit[0]].strip() for hit in refused):
        return None
    return ctx.text[start:end].strip(" ,;.:)") or None


def unglued(ctx: Context, start: int, end: int) -> int:
    """Where an item's name ends: before the word that joins it to its figure (``list_glue``:
    "job creation of VND 48 billion"), if one stands right before the figure."""
    glue = ctx.marks(LIST_GLUE, start, end) if LIST_GLUE in ctx.hits else []
    return glue[-1][0] if glue and not ctx.text[glue[-1][1] : end].strip(" (") else end


def _parting(ctx: Context, fig: Figure, opening: Opening) -> str:
    """What parts the items of the figure's list: semicolons, or commas when it has none."""
    _, s1 = sentence_span(ctx, fig)
    return ";" if ctx.text.find(";", opening.colon, s1) >= 0 else ","


def _figured(ctx: Context, fig: Figure, opening: Opening) -> bool:
    """Whether the list's first item gives its own figure: a list of parts and their figures
    ("such as job creation VND 48 billion, …"), not of names the sentence goes on after
    ("programs such as job creation, clean water and housing reached …")."""
    first = ctx.figures.within(opening.items, fig.end)[0]
    return ctx.text.find(_parting(ctx, fig, opening), opening.items, first.start) < 0


def list_item(ctx: Context, fig: Figure) -> tuple[Opening, str] | None:
    """The list the figure is an item of, and the item's name, if it is one. Found once per
    figure (``State.list_items``): the indicator, the part and the moved-item check ask it."""
    found = ctx.state.list_items
    key = fig.start, fig.end  # its span, not id(fig): the answer reads only the span, and an id may be reused
    if key not in found:
        found[key] = _read_list_item(ctx, fig)
    return found[key]


def _read_list_item(ctx: Context, fig: Figure) -> tuple[Opening, str] | None:
    """``list_item``, read from the text."""
    opening = opening_of(ctx, fig)
    if opening is None or not _figured(ctx, fig, opening):
        return None
    name = item_name(ctx, fig, opening)
    return (opening, name) if name else None


def moved_item(ctx: Context, fig: Figure) -> bool:
    """Whether the figure is an item of a list whose lead-in says how much each part moved
    (``list_moves``: "Dư nợ tăng trưởng chủ yếu ở các chương trình: hộ cận nghèo 69 tỷ đồng, …"):
    a change of its part, no level. The lead-in is the opener's clause, up to its colon."""
    item = list_item(ctx, fig) if LIST_MOVES in ctx.hits else None
    if item is None:
        return False
    s0, _ = sentence_span(ctx, fig)
    colon = item[0].colon
    breaks = [m.end() for m in _BREAK.finditer(ctx.text, s0, colon)]
    return bool(ctx.marks(LIST_MOVES, max([s0, *breaks]), colon))
