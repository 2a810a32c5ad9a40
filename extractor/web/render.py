"""Cutting a document's text into pieces so figures and one sentence can be highlighted safely.

The template escapes every piece (autoescape); this module only decides where marks begin and
end, so no scraped text is ever concatenated with markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

# The store's folding: one character to one, so offsets into the folded text hold.
from extractor.store.numeric import query_numbers
from extractor.store.query import fold_chars


@dataclass(frozen=True)
class Mark:
    """A span to highlight: a figure's offsets and its index on the page."""

    start: int
    end: int
    index: int
    observed: bool = False


@dataclass(frozen=True)
class Piece:
    """A run of text with one state: inside which figure (if any), inside the chosen sentence or not."""

    text: str
    figure: int | None = None
    observed: bool = False
    selected: bool = False


def _disjoint(marks: Sequence[Mark], length: int) -> list[Mark]:
    """Marks inside the text, in order, dropping any that overlaps an earlier one."""
    kept: list[Mark] = []
    for mark in sorted(marks, key=lambda m: (m.start, -m.end)):
        if 0 <= mark.start < mark.end <= length and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def pieces(text: str, marks: Sequence[Mark], selected: tuple[int, int] | None = None) -> list[Piece]:
    """The text cut at every mark and at the selected sentence's edges.

    >>> [(p.text, p.figure, p.selected) for p in pieces("ab 12 cd", [Mark(3, 5, 0)], (0, 5))]
    [('ab ', None, True), ('12', 0, True), (' cd', None, False)]
    """
    kept = _disjoint(marks, len(text))
    cuts = {0, len(text)} | {m.start for m in kept} | {m.end for m in kept}
    if selected:
        cuts |= {max(0, min(len(text), selected[0])), max(0, min(len(text), selected[1]))}
    out, at = [], 0  # ``kept`` is sorted and disjoint: walk it alongside the pieces
    for start, end in pairwise(sorted(cuts)):
        while at < len(kept) and kept[at].end <= start:
            at += 1
        mark = kept[at] if at < len(kept) and kept[at].start <= start else None
        inside = selected is not None and selected[0] <= start < selected[1]
        out.append(Piece(text[start:end], mark.index if mark else None, bool(mark and mark.observed), inside))
    return out


def word_marks(text: str, query: str) -> list[Mark]:
    """Where the query's words occur in ``text`` as whole words, diacritics and case ignored.

    >>> [(m.start, m.end) for m in word_marks("Tổng dư nợ đạt 13.357 tỷ, sử dụng", "du no")]
    [(5, 7), (8, 10)]
    """
    folded = fold_chars(text)
    words = sorted({w for w in fold_chars(query).split() if len(w) > 1 and not w[0].isdigit()}, key=len, reverse=True)
    if not words:
        return []
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.UNICODE)
    return [Mark(m.start(), m.end(), i) for i, m in enumerate(pattern.finditer(folded))]


_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?!\w)")


def number_marks(text: str, query: str) -> list[Mark]:
    """Where the numbers the query asks for stand in ``text``, however either writes them
    ("13,357 billion" finds "13.357 tỷ đồng"; a bare "13357" finds any scale of those digits).

    >>> [(m.start, m.end) for m in number_marks("Dư nợ đạt 13.357 tỷ đồng, 0,18%", "13,357 billion")]
    [(10, 16)]
    """
    wanted = query_numbers(query)
    if not wanted:
        return []
    exact = {v for t in wanted if t.scale or t.percent for v in t.exact_values()}
    loose = {k for t in wanted if not (t.scale or t.percent) for k in t.digit_keys()}
    marks: list[Mark] = []
    for match in _NUMBER.finditer(text):
        found = query_numbers(text[match.start():match.end() + 40])
        term = found[0] if found and found[0].text == match.group(0) else None
        if term and (exact & set(term.exact_values()) or loose & set(term.digit_keys())):
            marks.append(Mark(match.start(), match.end(), len(marks)))
    return marks


def figure_mark(sentence: str, figure: str, hint: int | None) -> list[Mark]:
    """The figure's place in its sentence: at ``hint`` when the text is there, else its first occurrence.

    >>> figure_mark("đạt 13.357 tỷ đồng, tăng 5%", "13.357 tỷ đồng", 4), figure_mark("a 5% b", "5%", 99)
    ([Mark(start=4, end=18, index=0, observed=True)], [Mark(start=2, end=4, index=0, observed=True)])
    """
    if hint is not None and hint >= 0 and sentence[hint:hint + len(figure)] == figure:
        at = hint
    else:
        at = sentence.find(figure)
    return [Mark(at, at + len(figure), 0, True)] if at >= 0 and figure else []
