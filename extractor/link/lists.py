"""Lists opened by a colon: "… các chương trình cho vay: hộ cận nghèo 96,4 tỷ
đồng; nước sạch và vệ sinh môi trường 52,3 tỷ đồng; hộ nghèo 8,2 tỷ đồng."

Words naming what the items are (``list_openers`` of ``rules/parts.yaml``: "các chương trình",
"các huyện") right before a colon open a list that runs to the end of the sentence. Each item
names one part and gives its figure: the figure measures what the lead-in before the colon
speaks of (``link.indicator``) and is a part of that kind (``link.parts``), never a total of
its place. Items are parted by semicolons, or by commas when the list has no semicolon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import get_args

from extractor.link.context import Context, clause_span, segment_span, sentence_span
from extractor.link.rules import list_opener
from extractor.models import Figure, PartKind

MAX_ITEM_NAME = 60  # an item's name is a few words: a longer stretch is no list item
# Every kind's index name: a kind whose openers rules/parts.yaml does not list has none.
OPENERS: tuple[tuple[PartKind, str], ...] = tuple((kind, list_opener(kind)) for kind in get_args(PartKind))
# What ends the opener's clause before its colon: the opener must name the items itself.
_BREAK = re.compile(r"[,;.]")


@dataclass(frozen=True)
class Opening:
    """A list's opening: what kind of part its items are, the words saying so, and where the
    colon stands."""

    kind: PartKind
    phrase: str
    colon: int


def opening_of(ctx: Context, fig: Figure) -> Opening | None:
    """The list opened by the last colon before the figure in its sentence, if an opener stands
    in the clause that colon ends."""
    s0, _ = sentence_span(ctx, fig)
    colon = ctx.text.rfind(":", s0, fig.start)
    if colon < 0:
        return None
    found = [(start, end, phrase, kind)
             for kind, name in OPENERS if name in ctx.hits
             for start, end, phrase in ctx.marks(name, max(s0, colon - ctx.reach("list_opener_start")), colon)
             if colon - end <= ctx.reach("list_opener_end") and not _BREAK.search(ctx.text, end, colon)]
    if not found:
        return None
    _, _, phrase, kind = max(found)
    return Opening(kind, phrase, colon)


def item_name(ctx: Context, fig: Figure, opening: Opening) -> str | None:
    """The words naming the figure's item ("nước sạch và vệ sinh môi trường"): from the item's
    start (after the colon or a semicolon, or a comma when no semicolon parts the list) to its
    first figure; None when the item opens with a figure (it names no part) or its
    words run too long to be a name."""
    seg0, _ = segment_span(ctx, fig)
    _, s1 = sentence_span(ctx, fig)
    by_semicolons = ctx.text.find(";", opening.colon, s1) >= 0
    start = max(seg0, opening.colon + 1) if by_semicolons else clause_span(ctx, fig)[0]
    first = ctx.figures.within(start, fig.start + 1)[0]
    name = ctx.text[start : first.start].strip(" ,:;(")
    return name if name and len(name) <= MAX_ITEM_NAME else None


def list_item(ctx: Context, fig: Figure) -> tuple[Opening, str] | None:
    """The list the figure is an item of, and the item's name, if it is one."""
    opening = opening_of(ctx, fig)
    if opening is None:
        return None
    name = item_name(ctx, fig, opening)
    return (opening, name) if name else None
