"""One document read once for linking: an immutable index of its cues, markers, places, figures
and dates, looked up by offset, and the small mutable state linking carries as it reads on.

The index (``Context``) is built before the first figure is linked and never changes; the state
(``State``) holds the date that governs the text so far, the last level listed per kind and
memos of per-sentence answers.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from operator import attrgetter
from typing import Generic, NamedTuple, TypeVar

from extractor.link.indicators import CueHit, cues_of
from extractor.link.provinces import Mention
from extractor.link.rules import CUES_AFTER, CUES_BEFORE, Linker
from extractor.models import DateMention, Document, Extraction, Figure, LegalRef
from extractor.registry.phrases import Hit, new_tone

# Written as alternatives that each start with a character, so ``re`` skips to those characters.
# The same breaks are found one kind at a time: a pattern that starts with a literal lets ``re``
# skip ahead much faster than one that starts with a choice of characters.
_SEMICOLON, _COLON, _COMMA = re.compile(";"), re.compile(":"), re.compile(r",\s")
# "Hanoi (VNA) - The bank …": the place a story was filed from, not what it is about.
_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,15}\))?\s*[-–—](?!\w)")
_COMMA_GAP = re.compile(r",\s*")
GAP_WORDS = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_NEWLINE = re.compile(r"\n")
T = TypeVar("T")


class Offsets(Generic[T]):
    """Records in order of an offset (``start`` unless ``key`` says otherwise), looked up by
    offset with bisect: the records of a window cost a slice, not a pass over the document."""

    def __init__(self, items: Iterable[T], key: Callable[[T], int] = attrgetter("start")) -> None:
        self.items = sorted(items, key=key)
        self.keys = list(map(key, self.items))

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def within(self, start: int, end: int) -> list[T]:
        """The records whose offset lies in ``[start, end)``, in order."""
        return self.items[bisect.bisect_left(self.keys, start) : bisect.bisect_left(self.keys, end)]


Bounds = tuple[list[int], list[int]]  # where each break starts, where each ends (in order)


class Breaks(NamedTuple):
    """A text's breaks between clauses and between sentence parts."""

    clause: Bounds
    segment: Bounds


class Spans(NamedTuple):
    """Where a figure stands: its sentence, its sentence part (between semicolons) and its
    clause (between commas, semicolons, colons), as document offsets."""

    sentence: tuple[int, int]
    segment: tuple[int, int]
    clause: tuple[int, int]


@dataclass(frozen=True)
class Area:
    """A district, town or commune named in the text: its offsets and its name."""

    start: int
    end: int
    name: str


@dataclass
class Frame:
    """The date that governed the previous observations: a reporting date and a flow period."""

    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    anchor: DateMention | None = None  # the mention that stated it


@dataclass
class State:
    """What linking learns as it reads on: the governing date, the last level listed per kind,
    and memos of answers asked once per sentence or line."""

    frame: Frame = field(default_factory=Frame)
    last_level: dict[str, tuple[str, int]] = field(default_factory=dict)
    anecdotes: dict[tuple[int, int], bool] = field(default_factory=dict)  # by sentence
    link_lines: dict[tuple[int, int], bool] = field(default_factory=dict)  # by line
    in_comparison: dict[tuple[int, int, int], bool] = field(default_factory=dict)  # by date, sentence


@dataclass(frozen=True)
class Context:
    """One document's text, mentions, markers and figures, looked up by offset (never changed
    once built), with the linking ``state``."""

    ex: Extraction
    text: str
    lang: str
    linker: Linker
    hits: dict[str, list[Hit]]
    hit_starts: dict[str, list[int]]  # where each marker's hits start, for bisect
    cues: Offsets[CueHit]
    mentions: Offsets[Mention]
    figures: Offsets[Figure]
    figure_ends: Offsets[Figure]
    dates: Offsets[DateMention]
    free_dates: Offsets[DateMention]  # the dates that are no legal document's date
    refs: Offsets[LegalRef]
    issued: dict[str, dt.date]
    published: dt.date | None  # the document's publication date, if known
    latest: dt.date | None  # the latest date the text names
    title: tuple[int, int]  # where the title is (see ``title_span``)
    newlines: list[int]  # offsets of the line breaks, for bisect
    breaks: Breaks  # of the whole text (see ``piece``)
    # Each figure's spans, by the figure object itself: hashing a record's fields would cost
    # more than finding its spans.
    spans: dict[int, Spans] = field(default_factory=dict)
    province: str | None = None
    province_rule: str = "none"
    province_code: str | None = None
    province_why: str = ""  # in words: why the document's province is what it is
    changes: frozenset[int] = frozenset()  # starts of the figures that are changes
    areas: tuple[Area, ...] = ()  # districts, towns and communes the text names (``parts``)
    district: str | None = None  # the district the whole document reports from, if it does
    state: State = field(default_factory=State)

    def line(self, start: int, end: int) -> tuple[int, int]:
        """The line (or lines) around ``[start, end)``, without its line breaks: a bisect where
        ``rfind``/``find`` would read a long paragraph once per figure."""
        before = bisect.bisect_left(self.newlines, start)
        after = bisect.bisect_left(self.newlines, end, before)
        return (self.newlines[before - 1] + 1 if before else 0,
                self.newlines[after] if after < len(self.newlines) else len(self.text))

    def marks(self, name: str, start: int, end: int) -> list[Hit]:
        """Matches of marker list ``name`` inside ``[start, end)``."""
        starts = self.hit_starts[name]
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end, i)
        if i == j:
            return []
        return [hit for hit in self.hits[name][i:j] if hit[1] <= end]

    def headline_line(self, pos: int) -> bool:
        """Whether ``pos`` lies on a "related news" line: dash-led, without closing punctuation
        (another article's headline, not a sentence of this report)."""
        start, end = self.line(pos, pos)
        line = self.text[start:end].strip()
        return line[:2] in ("- ", "– ", "• ") and line[-1:] not in (".", ";", ":", "!", "?")

    def marker_before(self, name: str, pos: int) -> Hit | None:
        """A marker of ``name`` that ends right before ``pos`` (only spaces or "the" between),
        or runs into it ("đến hết" before a date whose text is "hết tháng 6/2024")."""
        found = self.hits[name]
        i = bisect.bisect_left(self.hit_starts[name], pos)
        for hit in reversed(found[max(0, i - 4) : i]):
            if hit[1] > pos or GAP_WORDS.fullmatch(self.text, hit[1], pos):
                return hit
        return None


# --- reading the document once -------------------------------------------------------------------


def index_document(ex: Extraction, lk: Linker) -> Context:
    """Find every cue, marker, mention and figure span of the document once."""
    text = ex.document.text
    lang = language(ex.document)
    found = lk.index[lang].scan(new_tone(text))
    found["comparison"] = sorted(found["comparison"] + _dated(ex, text, found["comparison_dated"])
                                 + _dated(ex, text, _after_change(ex, text, found["change_from"])))
    date_starts = {d.start for d in ex.dates}
    venues = found["scope:venue"]
    mentions = [m for m in lk.gazetteer.find(text)
                if not _dateline(text, m, date_starts) and not _venue(text, m, venues)]
    mentions = _without_constituents(text, mentions, found["merged_from"], lk.unit_gaps[lang])
    ends = [d.value or d.period_end for d in ex.dates if (d.value or d.period_end)]
    ctx = Context(
        ex=ex, text=text, lang=lang, linker=lk, hits=found,
        hit_starts={name: [hit[0] for hit in hits] for name, hits in found.items()},
        cues=Offsets(cues_of(found[CUES_BEFORE], found[CUES_AFTER])),
        mentions=Offsets(mentions),
        figures=Offsets(ex.figures),
        figure_ends=Offsets(ex.figures, key=attrgetter("end")),
        dates=Offsets(ex.dates),
        free_dates=Offsets(d for d in ex.dates if not near_legal(ex.legal_refs, d)),
        refs=Offsets(ex.legal_refs),
        issued={r.id: r.issued for r in ex.legal_refs if r.issued},
        published=ex.document.published,
        latest=max((e for e in ends if e), default=None),
        title=title_span(ex.document),
        newlines=[m.start() for m in _NEWLINE.finditer(text)],
        breaks=_breaks(text),
    )
    return replace(ctx, spans={id(fig): _spans(ctx, fig) for fig in ctx.figures})


def language(doc: Document) -> str:
    """The document's language code for cue lists."""
    return doc.language if doc.language in ("en", "vi") else "en"


def title_span(doc: Document) -> tuple[int, int]:
    """Where the title is: the first two lines of the text that are not blank, within its first
    600 characters (scraped pages start with chrome)."""
    end, found = 0, 0
    for line in _LINE.finditer(doc.text, 0, 600):
        if not line.group().isspace():
            end, found = line.end(), found + 1
            if found == 2:
                break
    return 0, end


def near_legal(refs: Iterable[LegalRef], d: DateMention) -> bool:
    """A legal document's date ("Directive 39-CT/TW dated October 30, 2024"), not the figure's."""
    for ref in refs:
        if 0 <= d.start - ref.end <= 12 or (ref.issued and ref.issued == d.value and abs(d.start - ref.start) < 200):
            return True
    return False


def _dated(ex: Extraction, text: str, found: list[Hit]) -> list[Hit]:
    """Comparison words that count only before a date ("up 9.4% over 2015", "against 2015")."""
    starts = [d.start for d in ex.dates]
    return [h for h in found if any(GAP_WORDS.fullmatch(text, h[1], s) for s in starts if s >= h[1])]


def _after_change(ex: Extraction, text: str, found: list[Hit]) -> list[Hit]:
    """Words that compare only right after a change ("up 5.8% from the beginning of the year");
    elsewhere "from" opens a period ("from 2015 to 2020")."""
    ends = {f.end for f in ex.figures if f.change is not None}
    return [h for h in found if any(not text[end : h[0]].strip() for end in ends if end <= h[0])]


def _without_constituents(text: str, mentions: list[Mention], merges: list[Hit],
                          gaps: tuple[re.Pattern[str], re.Pattern[str]]) -> list[Mention]:
    """The mentions without the units a merged province was formed from ("Dak Lak province
    (new), formed from the merger of Dak Lak and Phu Yen, now has …"): they name its history,
    not the place the sentence's figures are about. ``gaps``: what may stand before the first
    unit and between the units (``merged_gap`` in rules/linking.yaml)."""
    if not merges:
        return mentions
    starts = [m.start for m in mentions]
    dropped: set[int] = set()
    first, between = gaps
    for _, end, _ in merges:
        i, pos, gap = bisect.bisect_left(starts, end), end, first
        while i < len(mentions) and gap.fullmatch(text, pos, mentions[i].start):
            dropped.add(i)
            pos, i, gap = mentions[i].end, i + 1, between
    return [m for i, m in enumerate(mentions) if i not in dropped]


def _dateline(text: str, mention: Mention, date_starts: set[int]) -> bool:
    """Whether a mention opens a line as the place a story was filed from: "Hanoi (VNA) - …",
    "Hanoi, January 5, 2026" (the place, a comma, a date)."""
    if not _line_start(text, mention.start):
        return False
    if _DATELINE.match(text, mention.end):
        return True
    comma = _COMMA_GAP.match(text, mention.end)
    return comma is not None and comma.end() in date_starts


def _venue(text: str, mention: Mention, venues: list[Hit]) -> bool:
    """Whether a mention is a meeting's venue: a venue word right after it ("the Nghe An
    bridge") or right before it ("điểm cầu Hải Dương")."""
    return any((start >= mention.end and not text[mention.end : start].strip())
               or (end <= mention.start and not text[end : mention.start].strip())
               for start, end, _ in venues)


def _line_start(text: str, pos: int) -> bool:
    """Whether only spaces stand between the start of the line and ``pos``."""
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


# --- sentences and clauses ----------------------------------------------------------------------


def _spans(ctx: Context, fig: Figure) -> Spans:
    """Find the figure's sentence, sentence part and clause (kept in ``ctx.spans``)."""
    sentence = (fig.sentence_start, fig.sentence_start + len(fig.sentence)) if fig.sentence \
        else ctx.line(fig.start, fig.end)
    return Spans(sentence, piece(fig.start, sentence, ctx.breaks.segment),
                 piece(fig.start, sentence, ctx.breaks.clause))


def sentence_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The figure's sentence in document offsets (its line when the figure carries none)."""
    return ctx.spans[id(fig)].sentence


def clause_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The clause around the figure: between commas, semicolons, colons."""
    return ctx.spans[id(fig)].clause


def segment_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The sentence part around the figure: between semicolons."""
    return ctx.spans[id(fig)].segment


def piece(pos: int, span: tuple[int, int], bounds: Bounds) -> tuple[int, int]:
    """The part of ``span`` between the breaks around ``pos`` (those of ``bounds`` that lie
    inside ``span``; a break that straddles ``pos`` bounds neither side)."""
    starts, ends = bounds
    # Breaks never overlap, so their starts and their ends are both in order.
    first = bisect.bisect_left(starts, span[0])
    last = bisect.bisect_right(ends, span[1], first)
    before = bisect.bisect_right(ends, pos, first, last)
    after = bisect.bisect_left(starts, pos, first, last)
    return (ends[before - 1] if before > first else span[0], starts[after] if after < last else span[1])


def _breaks(text: str) -> Breaks:
    """Where the text's clause breaks (semicolons, colons, a comma and a space) start and end,
    and which of them are semicolons, which also part a sentence. Each break is one character,
    or two for a comma and the space after it, and none can start inside another."""
    semicolons = [m.start() for m in _SEMICOLON.finditer(text)]
    singles = semicolons + [m.start() for m in _COLON.finditer(text)]
    commas = [m.start() for m in _COMMA.finditer(text)]
    clause = (sorted(singles + commas), sorted([b + 1 for b in singles] + [b + 2 for b in commas]))
    return Breaks(clause, (semicolons, [b + 1 for b in semicolons]))
