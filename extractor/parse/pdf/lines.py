"""Words into lines, lines into columns: how a PDF page's words are read in order.

Each page's words are grouped into lines (a wide gap inside a line, as between the two columns
of a Vietnamese document header, splits it into segments, written with a tab between); a page
set in two columns of running text is read column by column (``by_columns``).
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from extractor.models import Box

LINE_TOLERANCE = 3.0
COLUMN_GAP_EMS = 2.5
MIN_COLUMN_LINES = 6


@dataclass
class Word:
    """A word and its box in PDF points from the page's top-left."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 10.0

    @property
    def bbox(self) -> Box:
        """(x0, top, x1, bottom), floats to two decimals."""
        return (round(float(self.x0), 2), round(float(self.top), 2), round(float(self.x1), 2),
                round(float(self.bottom), 2))


@dataclass
class Line:
    """Words on one baseline, split into segments where a wide gap separates columns.

    A line is never changed once made: its words, edges and texts are computed on first use
    and kept (reading a page asks for them again and again: reading order, tables, gaps
    between paragraphs, the header)."""

    segments: list[list[Word]]

    @cached_property
    def words(self) -> list[Word]:
        """All words, left to right."""
        return [w for seg in self.segments for w in seg]

    @cached_property
    def top(self) -> float:
        """Top of the highest word."""
        return min(w.top for w in self.words)

    @cached_property
    def bottom(self) -> float:
        """Bottom of the lowest word."""
        return max(w.bottom for w in self.words)

    @cached_property
    def x0(self) -> float:
        """Left edge."""
        return min(w.x0 for w in self.words)

    @cached_property
    def x1(self) -> float:
        """Right edge."""
        return max(w.x1 for w in self.words)

    def segment_texts(self) -> list[tuple[str, float, float]]:
        """(text, x0, x1) of each segment (the same list each time: not to be changed)."""
        return self._segment_texts

    @cached_property
    def _segment_texts(self) -> list[tuple[str, float, float]]:
        return [(" ".join(w.text for w in seg), seg[0].x0, seg[-1].x1) for seg in self.segments]

    @cached_property
    def text(self) -> str:
        """The line as written into the document text (segments joined by a tab)."""
        return "\t".join(t for t, _, _ in self.segment_texts())


def clean_word(text: str) -> str:
    """NFC, no control characters (none in a printable text: the filter is skipped)."""
    text = unicodedata.normalize("NFC", text)
    if text.isprintable():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cc")


def inside(word: Word, box: Box) -> bool:
    """True when a word's centre lies in ``box``."""
    cx, cy = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def group_lines(words: Sequence[Word]) -> list[Line]:
    """Cluster words into lines by their top, then split each line at wide gaps."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.x0)):
        if lines and abs(word.top - lines[-1][0].top) <= LINE_TOLERANCE:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [Line(segments=split_segments(sorted(line, key=lambda w: w.x0))) for line in lines]


def split_segments(words: list[Word]) -> list[list[Word]]:
    """Split a line where the gap between words is wider than a few ems (a column break)."""
    segments = [[words[0]]]
    for prev, word in itertools.pairwise(words):
        if word.x0 - prev.x1 > COLUMN_GAP_EMS * max(prev.size, word.size):
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def plain(lines: Sequence[Line]) -> str:
    """Lines as plain text, for garble checks."""
    return "\n".join(line.text for line in lines)


# --- two columns of running text ----------------------------------------------------------------


def gutter(lines: Sequence[Line], *, width: float) -> float | None:
    """The x of the gap between two columns of running text, if the page is set in two columns.

    A gutter is an x in the middle of the page that no word crosses on (nearly) every line,
    with words on both sides of it on most lines, and both columns wide: a label column
    beside a narrow column of numbers (a table without rules) is not two columns of text.
    """
    if len(lines) < MIN_COLUMN_LINES:
        return None
    rows = [line.words for line in lines]
    candidates = sorted(
        {
            round((a.x1 + b.x0) / 2)
            for words in rows
            for a, b in itertools.pairwise(words)
            if 0.3 * width < (a.x1 + b.x0) / 2 < 0.7 * width
        }
    )
    edges = sum(w.x0 + w.x1 for words in rows for w in words)
    spans = [Spans.of(words) for words in rows] if edges == edges else None  # no NaN to sort
    for x in sorted(candidates, key=lambda c: abs(c - width / 2)):
        if _splits_columns(rows, x, width=width, spans=spans):
            return float(x)
    return None


@dataclass(frozen=True)
class Spans:
    """A line's words indexed to tell at once whether one lies across an x: their x0s
    ascending, and the farthest x1 of the words up to each (a line is tried at many x)."""

    x0s: list[float]
    reach: list[float]

    @classmethod
    def of(cls, words: Sequence[Word]) -> Spans:
        """The index of ``words`` (their x0s and x1s finite or infinite, not NaN)."""
        ordered = sorted(words, key=lambda w: w.x0)
        return cls([w.x0 for w in ordered], list(itertools.accumulate((w.x1 for w in ordered), max)))

    def crossed(self, x: float) -> bool:
        """Whether a word lies across ``x`` (x0 < x < x1): of the words starting left of it,
        the farthest reaching ends right of it."""
        starts = bisect.bisect_left(self.x0s, x)
        return starts > 0 and self.reach[starts - 1] > x


def _splits_columns(rows: Sequence[list[Word]], x: float, *, width: float,
                    spans: Sequence[Spans] | None = None) -> bool:
    """True when ``x`` is clear on ≥90% of lines (``rows``: each line's words; ``spans``: their
    indexes, if made), two-sided on ≥50%, with both sides wide. Most candidates of a one-column
    page are crossed by line after line: the count stops as soon as too few lines can be left clear."""
    enough = 0.9 * len(rows)
    crossed = 0
    clear = []
    for i, words in enumerate(rows):
        if spans[i].crossed(x) if spans is not None else any(w.x0 < x < w.x1 for w in words):
            crossed += 1
            if len(rows) - crossed < enough:
                return False
        else:
            clear.append(words)
    both = [words for words in clear if min(w.x0 for w in words) < x < max(w.x1 for w in words)]
    if len(both) < 0.5 * len(rows):
        return False
    left = sorted(max(w.x1 for w in words if w.x1 <= x) - min(w.x0 for w in words) for words in both)
    right = sorted(max(w.x1 for w in words) - min(w.x0 for w in words if w.x0 >= x) for words in both)
    return min(left[len(left) // 2], right[len(right) // 2]) >= 0.3 * width


def crosses(line: Line, x: float) -> bool:
    """True when a word of the line lies across ``x``."""
    return any(w.x0 < x < w.x1 for w in line.words)


def split_line(line: Line, x: float) -> list[Line]:
    """A line cut at the gutter into its left and right parts."""
    parts = [[w for w in line.words if w.x1 <= x], [w for w in line.words if w.x0 >= x]]
    return [Line(segments=split_segments(part)) for part in parts if part]
