"""Linking: each figure becomes an observation (indicator × province × date) or stays a figure.

``link(extraction)`` returns a copy with ``observations`` filled and ``document.province`` set.
Figure by figure, in text order (the rule that decided each part is kept in
``Observation.rules``: ``indicator``, ``province``, ``boundaries``, ``date``, ``status`` and
``change``):

- **indicator**: a count whose counted noun names an indicator ("21 transaction offices",
  ``unit:…``); else a cue in or right after the figure ("234,414 households still having
  outstanding loans", ``cue-after:…``); else the nearest cue before it in its clause whose
  indicator takes the figure's kind and unit (``cue:…``), then in the earlier clauses of its
  sentence part when no figure of the same kind stands between; else, for a clause that opens
  with a place ("Ninh Binh (old) for VND 3,960 billion"), the indicator of the level just listed.
  No cue, no observation. One borrower's story, one programme's share and awards are skipped.
- **changes** ("an increase of VND 7,132 billion compared to 2014", "…, or 5.76%") are written
  on the level they modify (``change_value`` signed, ``change_unit``, ``change_baseline``) and
  are never levels of their own; a percent change of outstanding loans is also an
  ``outstanding_growth_rate``.
- **province**: a place right after the figure ("… in Tuyen Quang (old)"), else one in its
  clause, else earlier in its sentence, else the document's province (title, outlet host, how
  often it is named), or ``national`` when the text says "nationwide" or the title names only the
  bank. ``boundaries`` from the figure's date (a plan: from the day it was written) and the
  "(old)"/"(cũ)" markers.
- **date**: ``as_of`` for stocks, a period for flows, from the dates of the figure's sentence
  part (or one opening its sentence) and their since/until words; "since Directive 40" starts
  at the directive's issue date; "to now"/"currently" mean the publication date; else the date
  that governs the text so far (the previous observations and "as of …" openings), else the
  publication date. Borrowed dates are flagged ``date_inferred``.
- **status**: ``target`` after "striving to", "phấn đấu"… in the sentence, or for a date after
  publication.

All words come from ``rules/`` (``indicators.yaml``, ``linking.yaml``, ``provinces.yaml``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Generic, Literal, NamedTuple, TypeVar
from urllib.parse import urlparse

from pydantic import Field

from extractor.models import (
    Boundaries,
    DateMention,
    Document,
    Extraction,
    Figure,
    LegalRef,
    Observation,
    Status,
)
from extractor.nlp.indicators import (
    Cue,
    Cues,
    Lexicon,
    PhraseIndex,
    RuleFile,
    Strict,
    cues_of,
    first_word,
    lexicon,
    new_tone,
    raise_problems,
    read_rule_file,
    validate_rule_file,
)
from extractor.nlp.provinces import Gazetteer, Mention, gazetteer
from extractor.resources import rules_dir

NATIONAL = "national"
NATIONAL_MARKER = "national_marker"
CUES_BEFORE, CUES_AFTER = "cue:before", "cue:after"

# The rule ids this module writes in ``Observation.rules``, by key. An id ending in ":" is a
# family ("cue:<phrase>", "target:<phrase>"); a value's part after "+" says where an open end
# came from ("sentence:since+published"). tests/test_link.py shows each deciding and not.
CODE_RULES: dict[str, tuple[str, ...]] = {
    "indicator": ("unit:", "cue:", "cue-after:", "listed-by-place:", "change-of:"),
    "province": ("clause:after", "clause", "sentence", "document:title", "document:frequency",
                 "document:national", "none"),
    "boundaries": ("date", "old-marker", "merged-away", "no-date"),
    "date": ("sentence:as_of", "sentence:period", "sentence:period_end", "sentence:open",
             "sentence:from-to", "sentence:since", "sentence:until", "sentence:end",
             "sentence:year-to-date", "sentence:to_now", "since:", "present:", "frame", "published",
             "old-marker:undated", "headline", "none"),
    "status": ("target:", "future-date", "actual"),
    "change": ("change:",),
}


def rule_id(value: str) -> str:
    """The id of a rule value: "sentence:since+published" → "sentence:since",
    "cue:dư nợ (earlier clause)" → "cue:dư nợ"."""
    return value.split("+")[0].removesuffix(" (earlier clause)")


def decided_by(value: str, rule: str) -> bool:
    """Whether a rule value in ``Observation.rules`` comes from ``rule`` (an id or a family)."""
    base = rule_id(value)
    return base == rule or (rule.endswith(":") and base.startswith(rule))
MARKER_LISTS = (
    "national",
    "bank",
    "province_ref",
    "target",
    "comparison",
    "since",
    "until",
    "to_now",
    "present",
    "flow",
    "blockers",
    "date_binders",
    "breakdown",
    "programme",
    "awards",
    "restatement",
    "place_binders",
    "comparison_dated",
    "decrease",
    "anecdote",
    "reporting",
    "merged_from",
    "change_from",
)
# Written as alternatives that each start with a character, so ``re`` skips to those characters.
_CLAUSE_BREAK = re.compile(r";|:|,\s")  # the semicolons among them also part a sentence
# The same breaks found one kind at a time: a pattern that starts with a literal lets ``re`` skip
# ahead much faster than one that starts with a choice of characters.
_SEMICOLON, _COLON, _COMMA = re.compile(";"), re.compile(":"), re.compile(r",\s")
# "Hanoi (VNA) - The bank …": the place a story was filed from, not what it is about.
_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,15}\))?\s*[-–—]\s")
_COMMA_GAP = re.compile(r",\s*")
# How far into a sentence a date still opens it ("As of the end of April 2021, …").
_OPENING = 30
_GAP_WORDS = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+")
_LINE = re.compile(r"[^\n]+")
_NEWLINE = re.compile(r"\n")


# --- rules ------------------------------------------------------------------------------------


class MergedGap(Strict):
    """Single words that may stand between a ``merged_from`` phrase and the first unit it names
    (``first``), and between the units (``next``; commas and "&" always may)."""

    first: Cues = Field(default_factory=Cues)
    next: Cues = Field(default_factory=Cues)


class LinkRules(Strict):
    """``rules/linking.yaml``: every list has English and Vietnamese phrases."""

    version: Literal[1]
    national: Cues
    bank: Cues
    province_ref: Cues
    target: Cues
    comparison: Cues
    since: Cues
    until: Cues
    to_now: Cues
    present: Cues
    flow: Cues
    blockers: Cues
    date_binders: Cues
    breakdown: Cues
    programme: Cues
    awards: Cues
    restatement: Cues
    place_binders: Cues
    comparison_dated: Cues
    decrease: Cues
    anecdote: Cues
    reporting: Cues = Field(default_factory=Cues)
    merged_from: Cues = Field(default_factory=Cues)
    change_from: Cues = Field(default_factory=Cues)
    merged_gap: MergedGap = Field(default_factory=MergedGap)


@dataclass(frozen=True)
class Linker:
    """Everything linking needs, loaded and compiled once: one phrase index per language holds
    the marker lists of ``rules/linking.yaml`` and the cues of ``rules/indicators.yaml``."""

    lexicon: Lexicon
    gazetteer: Gazetteer
    index: dict[str, PhraseIndex]
    unit_gaps: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]  # see ``load_unit_gaps``

    @classmethod
    def build(cls, lexicon_: Lexicon, gazetteer_: Gazetteer, markers: dict[str, dict[str, list[str]]],
              unit_gaps: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]) -> Linker:
        """Index every phrase set of each language."""
        index = {
            lang: PhraseIndex({**markers[lang], CUES_BEFORE: lexicon_.phrases[(lang, "before")],
                               CUES_AFTER: lexicon_.phrases[(lang, "after")]})
            for lang in ("en", "vi")
        }
        return cls(lexicon_, gazetteer_, index, unit_gaps)


def _link_model(path: Path | None) -> tuple[RuleFile, LinkRules]:
    """``rules/linking.yaml`` (or ``path``) read and validated."""
    rf = read_rule_file(path or rules_dir() / "linking.yaml")
    return rf, validate_rule_file(rf, LinkRules)


def load_link_rules(path: Path | None = None, *, model: tuple[RuleFile, LinkRules] | None = None
                    ) -> dict[str, dict[str, list[str]]]:
    """Load and validate ``rules/linking.yaml``: ``{lang: {list name: phrases}}``."""
    rf, rules = model or _link_model(path)
    raise_problems([
        rf.problem((name, lang, i), f"{phrase!r} must start with a word")
        for name in MARKER_LISTS for lang in ("en", "vi")
        for i, phrase in enumerate(getattr(getattr(rules, name), lang)) if not first_word(phrase)
    ])
    return {lang: {name: getattr(getattr(rules, name), lang) for name in MARKER_LISTS} for lang in ("en", "vi")}


def load_unit_gaps(path: Path | None = None, *, model: tuple[RuleFile, LinkRules] | None = None
                   ) -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """``merged_gap`` of ``rules/linking.yaml`` as two regexes per language: what may stand
    before the first unit a merged province was formed from, and between the units (where a
    comma and "&" always may)."""
    _, rules = model or _link_model(path)

    def gap(words: list[str], always: tuple[str, ...]) -> re.Pattern[str]:
        parts = [r"\s", *always]
        if words:
            parts.append(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b")
        return re.compile(f"(?:{'|'.join(parts)})*", re.IGNORECASE)

    return {lang: (gap(getattr(rules.merged_gap.first, lang), ()), gap(getattr(rules.merged_gap.next, lang), (",", "&")))
            for lang in ("en", "vi")}


@cache
def linker() -> Linker:
    """The bundled linker (``rules/linking.yaml`` read once for its markers and unit gaps)."""
    model = _link_model(None)
    return Linker.build(lexicon(), gazetteer(), load_link_rules(model=model), load_unit_gaps(model=model))


# --- per-document context ---------------------------------------------------------------------

Hit = tuple[int, int, str]
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


@dataclass
class Frame:
    """The date that governed the previous observations: a reporting date and a flow period."""

    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Context:
    """One document's text, mentions, markers and figures, looked up by offset."""

    ex: Extraction
    text: str
    lang: str
    linker: Linker
    hits: dict[str, list[Hit]]
    cues: Offsets[Cue]
    mentions: Offsets[Mention]
    figures: Offsets[Figure]
    dates: Offsets[DateMention]
    free_dates: Offsets[DateMention]  # the dates that are no legal document's date
    refs: Offsets[LegalRef]
    issued: dict[str, dt.date]
    province: str | None
    province_rule: str
    frame: Frame = field(default_factory=Frame)
    changes: set[int] = field(default_factory=set)
    last_level: dict[str, tuple[str, int]] = field(default_factory=dict)
    latest: dt.date | None = None
    province_code: str | None = None
    # Each figure's spans, by the figure object itself: hashing a record's fields would cost
    # more than finding its spans.
    spans: dict[int, Spans] = field(default_factory=dict)
    anecdotes: dict[tuple[int, int], bool] = field(default_factory=dict)  # by sentence
    link_lines: dict[tuple[int, int], bool] = field(default_factory=dict)  # by line
    in_comparison: dict[tuple[int, int, int], bool] = field(default_factory=dict)  # by date, sentence
    figure_ends: Offsets[Figure] = field(init=False)
    published: dt.date | None = field(init=False)  # the document's publication date, if known
    title: tuple[int, int] = field(init=False)  # where the title is (see ``_title_span``)
    hit_starts: dict[str, list[int]] = field(init=False)  # where each marker's hits start, for bisect
    newlines: list[int] = field(init=False)  # offsets of the line breaks, for bisect
    breaks: Breaks = field(init=False)  # of the whole text (see ``_piece``)

    def __post_init__(self) -> None:
        self.figure_ends = Offsets(self.figures, key=attrgetter("end"))
        self.published = self.ex.document.published
        self.title = _title_span(self.ex.document)
        self.hit_starts = {name: [hit[0] for hit in found] for name, found in self.hits.items()}
        self.newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
        self.breaks = _breaks(self.text)

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

    def marker_before(self, name: str, pos: int) -> Hit | None:
        """A marker of ``name`` that ends right before ``pos`` (only spaces or "the" between),
        or runs into it ("đến hết" before a date whose text is "hết tháng 6/2024")."""
        found = self.hits[name]
        i = bisect.bisect_left(self.hit_starts[name], pos)
        for hit in reversed(found[max(0, i - 4) : i]):
            if hit[1] > pos or _GAP_WORDS.fullmatch(self.text, hit[1], pos):
                return hit
        return None


def _dated(ex: Extraction, text: str, found: list[Hit]) -> list[Hit]:
    """Comparison words that count only before a date ("up 9.4% over 2015", "against 2015")."""
    starts = [d.start for d in ex.dates]
    return [h for h in found if any(_GAP_WORDS.fullmatch(text, h[1], s) for s in starts if s >= h[1])]


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


def _after_change(ex: Extraction, text: str, found: list[Hit]) -> list[Hit]:
    """Words that compare only right after a change ("up 5.8% from the beginning of the year");
    elsewhere "from" opens a period ("from 2015 to 2020")."""
    ends = {f.end for f in ex.figures if f.change is not None}
    return [h for h in found if any(not text[end : h[0]].strip() for end in ends if end <= h[0])]


def _line_start(text: str, pos: int) -> bool:
    """Whether only spaces stand between the start of the line and ``pos``."""
    return not text[text.rfind("\n", 0, pos) + 1 : pos].strip()


def _language(doc: Document) -> str:
    """The document's language code for cue lists."""
    return doc.language if doc.language in ("en", "vi") else "en"


def build_context(ex: Extraction, lk: Linker) -> Context:
    """Find every cue, marker and mention of the document once."""
    text = ex.document.text
    toned = new_tone(text)
    lang = _language(ex.document)
    found = lk.index[lang].scan(toned)
    found["comparison"] = sorted(found["comparison"] + _dated(ex, text, found["comparison_dated"])
                                 + _dated(ex, text, _after_change(ex, text, found["change_from"])))
    date_starts = {d.start for d in ex.dates}
    mentions = [m for m in lk.gazetteer.find(text) if not _dateline(text, m, date_starts)]
    mentions = _without_constituents(text, mentions, found["merged_from"], lk.unit_gaps[lang])
    ctx = Context(
        ex=ex,
        text=text,
        lang=lang,
        linker=lk,
        hits=found,
        cues=Offsets(cues_of(found[CUES_BEFORE], found[CUES_AFTER])),
        mentions=Offsets(mentions),
        figures=Offsets(ex.figures),
        dates=Offsets(ex.dates),
        free_dates=Offsets(d for d in ex.dates if not _near_legal(ex.legal_refs, d)),
        refs=Offsets(ex.legal_refs),
        issued={r.id: r.issued for r in ex.legal_refs if r.issued},
        province=None,
        province_rule="none",
    )
    ctx.spans = {id(fig): _spans(ctx, fig) for fig in ctx.figures}
    ctx.province, ctx.province_rule = document_province(ctx)
    ends = [d.value or d.period_end for d in ex.dates if (d.value or d.period_end)]
    ctx.latest = max((e for e in ends if e), default=None)
    for fig in ctx.figures:
        if is_change(ctx, fig) or _restates(ctx, fig):
            ctx.changes.add(fig.start)
    return ctx


# --- the document's province --------------------------------------------------------------------


def _title_span(doc: Document) -> tuple[int, int]:
    """Where the title is: the first two lines of the text that are not blank, within its first
    600 characters (scraped pages start with chrome)."""
    end, found = 0, 0
    for line in _LINE.finditer(doc.text, 0, 600):
        if not line.group().isspace():
            end, found = line.end(), found + 1
            if found == 2:
                break
    return 0, end


def _outlet_codes(ctx: Context) -> list[str]:
    """Provinces named by the outlet: the source's host name ("baoninhbinh.org.vn")."""
    doc = ctx.ex.document
    host = urlparse(doc.source).netloc if "//" in doc.source else ""
    named = [m.code for m in ctx.linker.gazetteer.find(doc.meta.get("site_name", ""))]
    return ctx.linker.gazetteer.in_compact(host) + named


def document_province(ctx: Context) -> tuple[str | None, str]:
    """The document's main province: title and outlet weigh most, then how often it is named;
    None with rule ``national`` for a document about the whole bank or country (``link`` then
    reports the document's province as ``national``)."""
    doc = ctx.ex.document
    scores: dict[str, float] = {}
    title = ctx.linker.gazetteer.find(doc.title) if doc.title else []
    t0, t1 = ctx.title
    title += ctx.mentions.within(t0, t1)
    for code in [m.code for m in title] + _outlet_codes(ctx):
        scores[code] = scores.get(code, 0) + 3
    if not scores and _bank_wide(ctx, t0, t1):
        return None, NATIONAL
    for m in ctx.mentions:
        scores[m.code] = scores.get(m.code, 0) + (0.5 if m.marked_old else 1)
    if not scores:
        # No province anywhere, but the text speaks of the whole country: a national document.
        return (None, NATIONAL_MARKER) if ctx.hits["national"] else (None, "none")
    code, score = max(scores.items(), key=lambda kv: (kv[1], -_first(ctx, kv[0])))
    if score < 2 and not ctx.hits["province_ref"]:
        return None, "none"
    name = ctx.linker.gazetteer.name_at(code, doc.published)
    ctx.province_code = code
    return name, "title" if any(m.code == code for m in title) else "frequency"


def _bank_wide(ctx: Context, t0: int, t1: int) -> bool:
    """A title that names the bank (and no province) in a text that never says "the province"."""
    title = ctx.ex.document.title or ""
    named = ctx.marks("bank", t0, t1) or ctx.marks("national", t0, t1)
    in_title = ctx.linker.index[ctx.lang].scan(new_tone(title))["bank"] if title else []
    return bool(named or in_title) and len(ctx.hits["province_ref"]) < 2


def _first(ctx: Context, code: str) -> int:
    """Offset of the first mention of ``code`` (earlier wins a tie)."""
    return next((m.start for m in ctx.mentions if m.code == code), len(ctx.text))


# --- sentences and clauses ------------------------------------------------------------------------


def _spans(ctx: Context, fig: Figure) -> Spans:
    """Find the figure's sentence, sentence part and clause (``build_context`` keeps them in
    ``ctx.spans``)."""
    sentence = _sentence(ctx, fig)
    return Spans(sentence, _piece(fig.start, sentence, ctx.breaks.segment),
                 _piece(fig.start, sentence, ctx.breaks.clause))


def _sentence(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The figure's sentence in document offsets (its line when the figure carries none)."""
    if fig.sentence:
        return fig.sentence_start, fig.sentence_start + len(fig.sentence)
    return ctx.line(fig.start, fig.end)


def sentence_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The figure's sentence in document offsets (its line when the figure carries none)."""
    return ctx.spans[id(fig)].sentence


def _piece(pos: int, span: tuple[int, int], bounds: Bounds) -> tuple[int, int]:
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
    """Where the text's clause breaks (those of ``_CLAUSE_BREAK``) start and end, and which of
    them are semicolons, which also part a sentence. Each break is one character, or two for a
    comma and the space after it, and none can start inside another: the three kinds found
    apart are the breaks ``_CLAUSE_BREAK.finditer`` finds."""
    semicolons = [m.start() for m in _SEMICOLON.finditer(text)]
    singles = semicolons + [m.start() for m in _COLON.finditer(text)]
    commas = [m.start() for m in _COMMA.finditer(text)]
    clause = (sorted(singles + commas), sorted([b + 1 for b in singles] + [b + 2 for b in commas]))
    return Breaks(clause, (semicolons, [b + 1 for b in semicolons]))


def clause_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The clause around the figure: between commas, semicolons, colons, brackets, dashes."""
    return ctx.spans[id(fig)].clause


def segment_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The sentence part around the figure: between semicolons."""
    return ctx.spans[id(fig)].segment


# --- indicator --------------------------------------------------------------------------------------


def _accepting(ctx: Context, cue: Cue, fig: Figure) -> str | None:
    """The indicator a cue gives this figure, if its kind and unit fit."""
    for code in ctx.linker.lexicon.candidates(cue, lang=ctx.lang):
        if ctx.linker.lexicon.accepts(code, kind=fig.kind, unit=fig.unit):
            return code
    return None


def _figures_between(ctx: Context, start: int, end: int) -> bool:
    """Whether another figure starts inside ``[start, end)``."""
    return bool(ctx.figures.within(start, end))


def _kin_between(ctx: Context, fig: Figure, start: int) -> bool:
    """Whether a figure of the same kind lies between ``start`` and ``fig``."""
    return any(f.kind == fig.kind and f.start not in ctx.changes for f in ctx.figures.within(start, fig.start))


def _cue_after(ctx: Context, fig: Figure, clause_end: int) -> tuple[str, str] | None:
    """A cue inside or closely after the figure in its clause: "234,414 households still having…"."""
    for cue in ctx.cues.within(fig.start + 1, clause_end):
        # The counted noun may carry the cue: "14,620 clean water and sanitation works".
        if cue.position != "after":
            continue
        if cue.start - fig.end > 100 or _figures_between(ctx, fig.end, cue.start):
            return None
        code = _accepting(ctx, cue, fig)
        if code:
            return code, f"cue-after:{cue.phrase}"
    return None


def _cue_before(
    ctx: Context, fig: Figure, start: int, *, free: bool = False
) -> tuple[str, str] | None | Literal[False]:
    """The nearest fitting cue in ``[start, fig.start)``; ``False`` when a blocker comes first.

    ``free``: only cues no figure of the same kind follows ("created jobs for 400,000 workers,
    helped 5,600 workers go abroad": the second count does not borrow the first one's cue).
    """
    blockers = ctx.marks("blockers", start, fig.start)
    cues = [c for c in ctx.cues.within(start, fig.start) if c.position == "before" and c.end <= fig.start]
    if free:
        cues = [c for c in cues if not _kin_between(ctx, fig, c.end)]
    for cue in reversed(cues):
        # A blocker after the cue, or one that swallows it ("overdue and frozen debts"), wins.
        if blockers and any(b[1] > cue.start for b in blockers):
            return False
        code = _accepting(ctx, cue, fig)
        if code:
            return code, f"cue:{cue.phrase}"
    return False if blockers else None


def indicator_of(ctx: Context, fig: Figure) -> tuple[str, str] | None:
    """The indicator that governs the figure and the rule that decided, or None."""
    if fig.kind == "count" and fig.unit in ctx.linker.lexicon.by_unit:
        return ctx.linker.lexicon.by_unit[fig.unit], f"unit:{fig.unit}"
    c0, c1 = clause_span(ctx, fig)
    found = _cue_after(ctx, fig, c1) or _cue_before(ctx, fig, c0)
    if found is None and not ctx.marks("breakdown", c0, fig.start):
        s0, _ = segment_span(ctx, fig)
        earlier = _cue_before(ctx, fig, s0, free=True)
        found = (earlier[0], earlier[1] + " (earlier clause)") if earlier else None
    return found or _listed_by_place(ctx, fig, c0) or None


def _listed_by_place(ctx: Context, fig: Figure, c0: int) -> tuple[str, str] | None:
    """ "Of this, Nam Dinh (old) accounted for VND 5,870 billion, Ninh Binh (old) for VND 3,960
    billion": a clause that opens with a place lists the previous level's indicator by place."""
    last = ctx.last_level.get(fig.kind)
    if last is None or fig.start - last[1] > 400:
        return None
    opens = [m for m in ctx.mentions.within(c0, c0 + 7) if m.end <= fig.start]
    if not opens:
        return None
    if not ctx.linker.lexicon.accepts(last[0], kind=fig.kind, unit=fig.unit):
        return None
    return last[0], f"listed-by-place:{last[0]}"


# --- changes ----------------------------------------------------------------------------------------


def is_change(ctx: Context, fig: Figure) -> bool:
    """A figure that says how much something moved: flagged by the extractor or "compared to"."""
    c0, c1 = clause_span(ctx, fig)
    return fig.change is not None or bool(ctx.marks("comparison", c0, c1))


def _restates(ctx: Context, fig: Figure) -> bool:
    """ "…, or 5.76%, compared to …": a clause opening with "or" right after a change."""
    c0, _ = clause_span(ctx, fig)
    marks = ctx.marks("restatement", c0, fig.start)
    if not marks:
        return False
    opener = [h for h in marks if not ctx.text[c0 : h[0]].strip()]
    s0, _ = sentence_span(ctx, fig)
    previous = ctx.figures.within(s0, fig.start)
    return bool(opener and previous and previous[-1].start in ctx.changes)


def change_baseline(ctx: Context, fig: Figure) -> dt.date | None:
    """The date a change is measured from: the date after "compared to" in the figure's clause."""
    c0, c1 = clause_span(ctx, fig)
    marks = ctx.marks("comparison", c0, c1)
    if not marks:
        return None
    after = ctx.dates.within(marks[0][1], c1)
    return after[0].value or after[0].period_end if after else None


def change_sign(ctx: Context, fig: Figure) -> int:
    """-1 for a decrease (from the extractor, or "giảm"/"down" in the clause), else +1."""
    if fig.change is not None:
        return -1 if fig.change == "decrease" else 1
    c0, _ = clause_span(ctx, fig)
    return -1 if ctx.marks("decrease", c0, fig.start) else 1


def _fits_level(change: Figure, level: Observation) -> bool:
    """A money change modifies money, a count a count; percent and times modify anything."""
    if change.kind in ("percent", "ratio"):
        return True
    return change.unit == level.unit


def level_for(ctx: Context, fig: Figure, levels: list[tuple[Figure, Observation]]) -> int | None:
    """Index of the level a change modifies: the nearest before it in its sentence, else the
    nearest after it ("overdue debt decreased by VND 2.1 billion …, to VND 18.4 billion")."""
    s0, s1 = sentence_span(ctx, fig)
    for i in range(len(levels) - 1, -1, -1):
        lf, obs = levels[i]
        if not s0 <= lf.start < fig.start:
            continue
        # "tăng 1.198 tỷ đồng, tương đương 7,75%": a second change restates the first.
        if obs.change_value is not None and fig.kind != "percent":
            continue
        return i if _about(ctx, lf.end, fig.start, obs) and _fits_level(fig, obs) else None
    # Only a level close behind: "decreased by VND 2.1 billion compared to …, to VND 18.4 billion".
    after = [i for i, (lf, _) in enumerate(levels) if fig.end <= lf.start < min(s1, fig.end + 60)]
    if after:
        lf, obs = levels[after[0]]
        # … and only when that level borrowed the change's cue from the clause before.
        borrowed = obs.rules.get("indicator", "").endswith("(earlier clause)")
        if borrowed and obs.change_value is None and _fits_level(fig, obs):
            return after[0]
    return None


def _about(ctx: Context, start: int, end: int, level: Observation) -> bool:
    """No cue between a level and its change names another indicator."""
    between = [c for c in ctx.cues.within(start, end) if c.position == "before" and c.end <= end]
    named = {code for c in between for code in ctx.linker.lexicon.candidates(c, lang=ctx.lang)}
    return not named or level.indicator in named


def apply_change(ctx: Context, fig: Figure, level: Observation) -> Observation:
    """The level with the change written on it."""
    unit = "%" if fig.kind == "percent" else ("times" if fig.kind == "ratio" else fig.unit)
    rules = {**level.rules, "change": f"change:{fig.text}"}
    return level.model_copy(
        update={
            "change_value": fig.value * change_sign(ctx, fig),
            "change_unit": unit,
            "change_baseline": change_baseline(ctx, fig),
            "rules": rules,
        }
    )


def growth_rate(fig: Figure, level: Observation) -> Observation:
    """A percent change of outstanding loans is also an ``outstanding_growth_rate``."""
    return level.model_copy(
        update={
            "indicator": "outstanding_growth_rate",
            "value": fig.value,
            "unit": "%",
            "qualifier": fig.qualifier,
            "text": fig.text,
            "start": fig.start,
            "end": fig.end,
            "change_value": None,
            "change_unit": None,
            "change_baseline": None,
            "rules": {**level.rules, "indicator": "change-of:outstanding_loans"},
        }
    )


# --- province -----------------------------------------------------------------------------------------

Spot = tuple[str, int, int, bool]  # old-unit code or "national", start, end, marked old


def _places(ctx: Context, start: int, end: int) -> list[Spot]:
    """Province mentions and national markers inside ``[start, end)``, in order."""
    found: list[Spot] = [(m.code, m.start, m.end, m.marked_old) for m in ctx.mentions.within(start, end)]
    national = ctx.marks("national", start, end)
    if national:
        found = sorted(found + [(NATIONAL, s, e, False) for s, e, _ in national], key=lambda p: p[1])
    return found


def place_of(ctx: Context, fig: Figure) -> tuple[Spot | None, str]:
    """The place a figure is about: clause, then earlier in the sentence, then the document."""
    c0, c1 = clause_span(ctx, fig)
    s0, s1 = sentence_span(ctx, fig)
    if _places(ctx, s0, s1):
        found = _place_in_sentence(ctx, fig, c0, c1, s0)
        if found:
            return found
    if ctx.province is not None:
        return None, f"document:{ctx.province_rule}"
    if ctx.province_rule == NATIONAL:
        return (NATIONAL, -1, -1, False), "document:national"
    later = _places(ctx, c1, s1)
    return (later[0], "sentence") if later else (None, "none")


def _place_in_sentence(ctx: Context, fig: Figure, c0: int, c1: int, s0: int) -> tuple[Spot, str] | None:
    """A place bound to the figure, else in its clause, else earlier in its sentence."""
    after = _places(ctx, fig.end, c1)
    bound = [p for p in after if _bound_place(ctx, fig.end, p[1])]
    if bound:
        return bound[0], "clause:after"
    before = _places(ctx, c0, fig.start)
    if before:
        return before[-1], "clause"
    if after:
        return after[0], "clause"
    earlier = _places(ctx, s0, c0)
    return (earlier[-1], "sentence") if earlier else None


def _bound_place(ctx: Context, end: int, start: int) -> bool:
    """A place right after a figure, joined by "in"/"tại" ("VND 4,612 billion in Tuyen Quang")."""
    return any(
        not ctx.text[end : b[0]].strip() and not ctx.text[b[1] : start].strip()
        for b in ctx.marks("place_binders", end, start)
    )


def resolve_place(ctx: Context, place: Spot | None, on: dt.date | None) -> tuple[str | None, Boundaries | None, str]:
    """Canonical province name, boundaries and the boundaries rule for a date."""
    on_or_pub = on
    if place is None and ctx.province is None:
        return None, _era(ctx, on_or_pub), "date"
    if place is None:
        code = ctx.province_code or ""
        marked = False
    else:
        code, _, _, marked = place
    if code == NATIONAL:
        return NATIONAL, _era(ctx, on_or_pub), "date"
    resolved = ctx.linker.gazetteer.resolve(code, on=on_or_pub, marked_old=marked)
    return resolved.name, resolved.boundaries, resolved.rule


def _era(ctx: Context, on: dt.date | None) -> Boundaries | None:
    """Boundaries of a date: before or after the 2025 merger."""
    if on is None:
        return None
    return "pre-2025" if on < ctx.linker.gazetteer.merger_date else "2025"


# --- dates ----------------------------------------------------------------------------------------------


class When(NamedTuple):
    """The date an observation holds at, or the period it covers, and how it was found."""

    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    inferred: bool = False
    rule: str = "none"


def _start(d: DateMention) -> dt.date | None:
    """First day a mention covers."""
    return d.period_start or d.value


def _end(d: DateMention) -> dt.date | None:
    """Last day a mention covers (None for an open period such as "from 2025 to now")."""
    return d.value if d.value else d.period_end


def _near_legal(refs: Iterable[LegalRef], d: DateMention) -> bool:
    """A legal document's date ("Directive 39-CT/TW dated October 30, 2024"), not the figure's."""
    for ref in refs:
        if 0 <= d.start - ref.end <= 12 or (ref.issued and ref.issued == d.value and abs(d.start - ref.start) < 200):
            return True
    return False


def _bound_elsewhere(ctx: Context, d: DateMention, fig: Figure) -> bool:
    """A date glued to another figure ("0,43% năm 2014"): it dates that figure only."""
    s0, _ = sentence_span(ctx, fig)
    for other in ctx.figure_ends.within(max(s0, d.start - 25), d.start + 1):
        if other is not fig and _glued(ctx, other.end, d.start):
            return True
    return False


def _glued(ctx: Context, end: int, start: int) -> bool:
    """Only spaces, or spaces around one binder word ("in", "năm"), between two offsets."""
    if not ctx.text[end:start].strip():
        return True
    return any(
        not ctx.text[end : b[0]].strip() and _GAP_WORDS.fullmatch(ctx.text, b[1], start)
        for b in ctx.marks("date_binders", end, start)
    )


def _in_comparison(ctx: Context, d: DateMention, fig: Figure) -> bool:
    """A date after "compared to" in its clause is a baseline."""
    sentence = sentence_span(ctx, fig)
    key = (d.start, *sentence)
    found = ctx.in_comparison.get(key)
    if found is None:
        c0, c1 = _piece(d.start, sentence, ctx.breaks.clause)
        found = ctx.in_comparison[key] = any(m[1] <= d.start for m in ctx.marks("comparison", c0, c1))
    return found


def candidate_dates(ctx: Context, fig: Figure) -> list[DateMention]:
    """Dates in the figure's sentence part that can date it."""
    g0, g1 = segment_span(ctx, fig)
    dates = ctx.free_dates.within(g0, g1)
    if not dates:
        return dates
    return [
        d
        for d in dates
        if not _in_comparison(ctx, d, fig)
        and not _bound_elsewhere(ctx, d, fig)
    ]


def _opening_date(ctx: Context, fig: Figure) -> DateMention | None:
    """A date that opens the sentence ("Đến ngày 30.9, …; trong đó …") governs all its parts."""
    s0, _ = sentence_span(ctx, fig)
    g0, _ = segment_span(ctx, fig)
    opening = ctx.dates.within(s0, min(g0, s0 + _OPENING))
    if not opening:
        return None
    free = ctx.free_dates.within(s0, min(g0, s0 + _OPENING))
    # The first date of the window, unless it is a legal document's date.
    return opening[0] if opening and free and opening[0] is free[0] else None


def _first_after(dates: list[DateMention], fig: Figure) -> DateMention | None:
    """The nearest date after the figure."""
    for d in dates:
        if d.start >= fig.end:
            return d
    return None


def since_legal(ctx: Context, fig: Figure) -> tuple[dt.date, str] | None:
    """ "Since the implementation of Directive 40-CT/TW": the directive's issue date."""
    s0, _ = sentence_span(ctx, fig)
    for ref in reversed(ctx.refs.within(s0, fig.start)):
        issued = ref.issued or ctx.issued.get(ref.id)
        if issued and ctx.marker_before("since", ref.start):
            return issued, ref.id
    return None


def _open_end(ctx: Context) -> tuple[dt.date | None, str]:
    """Where an open period ("since …", "… to now") ends: publication, else the frame's date."""
    if ctx.published:
        return ctx.published, "published"
    return ctx.frame.as_of, "frame"


def _flow_when(ctx: Context, dates: list[DateMention], anchor: DateMention, fig: Figure) -> When:
    """A period for a flow from the sentence's dates and their since/until words."""
    if ctx.marker_before("since", anchor.start):
        s0, s1 = sentence_span(ctx, fig)
        later = [d for d in ctx.dates.within(max(anchor.end + 1, s0), s1) if ctx.marker_before("until", d.start)]
        if later:
            return When(start=_start(anchor), end=_end(later[0]), rule="sentence:from-to")
        end, how = _open_end(ctx)
        return When(start=_start(anchor), end=end, rule=f"sentence:since+{how}")
    if anchor.period_start and not ctx.marker_before("until", anchor.start):
        if anchor.period_end:
            return When(start=anchor.period_start, end=anchor.period_end, rule="sentence:period")
        end, how = _open_end(ctx)
        return When(start=anchor.period_start, end=end, rule=f"sentence:open+{how}")
    earlier = [d for d in dates if d.end <= anchor.start and ctx.marker_before("since", d.start)]
    legal = since_legal(ctx, fig)
    start = _start(earlier[-1]) if earlier else (legal[0] if legal else None)
    end = _end(anchor) or _open_end(ctx)[0]
    if start is None and end is not None and _year_edge(anchor):
        # "By the end of 2018, lending turnover reached …": the year up to that edge.
        return When(start=dt.date(end.year, 1, 1), end=end, rule="sentence:year-to-date")
    return When(start=start, end=end, rule="sentence:until" if start else "sentence:end")


def _year_edge(d: DateMention) -> bool:
    """The end of a year, half or quarter named as a point ("the end of 2018", "30/9" is not)."""
    return d.value is not None and d.granularity in ("year", "half", "quarter")


def _stock_when(ctx: Context, anchor: DateMention) -> When:
    """``as_of`` for a stock: the day named, or the end of the period named."""
    if anchor.value and not ctx.marker_before("since", anchor.start):
        # The year so far, remembered for flows that state no period of their own.
        start = dt.date(anchor.value.year, 1, 1) if _year_edge(anchor) else None
        return When(as_of=anchor.value, start=start, rule="sentence:as_of")
    if anchor.period_end and not ctx.marker_before("since", anchor.start):
        return When(as_of=anchor.period_end, rule="sentence:period_end")
    end, how = _open_end(ctx)
    return When(as_of=end, rule=f"sentence:to_now+{how}")


def _fallback_when(ctx: Context, fig: Figure, measure: str) -> When:
    """No date in the sentence: "since Directive …", "currently", the frame, the publication."""
    legal = since_legal(ctx, fig)
    if legal and measure == "flow":
        end, how = _open_end(ctx)
        return When(start=legal[0], end=end, rule=f"since:{legal[1]}+{how}")
    s0, _ = sentence_span(ctx, fig)
    present = ctx.marks("present", s0, fig.start)
    if present and ctx.published:
        return _shape(measure, None, ctx.published, False, f"present:{present[-1][2]}")
    frame = ctx.frame
    if measure == "flow" and frame.end:
        return When(start=frame.start, end=frame.end, inferred=True, rule="frame")
    if frame.as_of or frame.end:
        return _shape(measure, None, frame.as_of or frame.end, True, "frame")
    if ctx.published:
        return _shape(measure, None, ctx.published, True, "published")
    return When()


def _shape(measure: str, start: dt.date | None, end: dt.date | None, inferred: bool, rule: str) -> When:
    """A date as ``as_of`` for a stock, or as the end of a period for a flow."""
    if measure == "flow":
        return When(start=start, end=end, inferred=inferred, rule=rule)
    return When(as_of=end, inferred=inferred, rule=rule)


def measure_of(ctx: Context, fig: Figure, code: str) -> str:
    """Stock or flow: a stock indicator read as an amount "added" is a flow."""
    measure = ctx.linker.lexicon.indicators[code].measure
    c0, _ = clause_span(ctx, fig)
    if measure == "stock" and ctx.marks("flow", c0, fig.start):
        return "flow"
    return measure


def when_of(ctx: Context, fig: Figure, measure: str) -> When:
    """The figure's date or period and the rule that found it."""
    dates = candidate_dates(ctx, fig)
    before = [d for d in dates if d.end <= fig.start]
    # The nearest date before the figure, else one that opens the sentence, else the nearest after.
    anchor = before[-1] if before else _opening_date(ctx, fig) or _first_after(dates, fig)
    if anchor is None:
        return _fallback_when(ctx, fig, measure)
    when = _flow_when(ctx, dates, anchor, fig) if measure == "flow" else _stock_when(ctx, anchor)
    when = _to_now(ctx, fig, when)
    if anchor.start >= fig.end and _glued(ctx, fig.end, anchor.start):
        # "0,43% năm 2014": a date glued to its figure is a point of history, not the frame.
        when = when._replace(rule=when.rule + "+glued")
    return when


def _to_now(ctx: Context, fig: Figure, when: When) -> When:
    """ "… to now", "đến nay" in the sentence part: the period or stock ends at publication."""
    g0, g1 = segment_span(ctx, fig)
    marks = ctx.marks("to_now", g0, g1)
    if not marks or ctx.published is None:
        return when
    rule = f"{when.rule}+to_now:{marks[0][2]}"
    if when.as_of is not None or when.end is None and when.start is None:
        return when._replace(as_of=ctx.published, rule=rule)
    return when._replace(end=ctx.published, rule=rule)


def update_frame(ctx: Context, when: When) -> None:
    """Remember a stated date: it governs the next figures that state none."""
    if when.inferred or when.rule == "none" or when.rule.endswith("+glued"):
        return
    latest = when.as_of or when.end
    if ctx.published and latest and latest > ctx.published:
        return
    if latest and (ctx.frame.as_of is None or latest >= ctx.frame.as_of):
        ctx.frame.as_of = latest
    if when.start and (when.end or when.as_of):
        ctx.frame.start, ctx.frame.end = when.start, when.end or when.as_of


# --- status -----------------------------------------------------------------------------------------------


def status_of(ctx: Context, fig: Figure, when: When) -> tuple[Status, str]:
    """``target`` after a plan word in the sentence or for a date after publication."""
    s0, _ = sentence_span(ctx, fig)
    for s, e, phrase in reversed(ctx.marks("target", s0, fig.start)):
        if not ctx.refs.within(s, s + len(phrase) + 7):
            return "target", f"target:{phrase}"
    first = when.as_of or when.start
    if ctx.published and first and first > ctx.published and not when.inferred:
        return "target", "future-date"
    return "actual", "actual"


def is_anecdote(ctx: Context, fig: Figure) -> bool:
    """A sentence about one borrower ("Ms. Nguyen Thi Nhu …") that quotes nobody."""
    sentence = sentence_span(ctx, fig)
    found = ctx.anecdotes.get(sentence)
    if found is None:
        found = ctx.anecdotes[sentence] = _anecdote(ctx, *sentence)
    return found


def _anecdote(ctx: Context, s0: int, s1: int) -> bool:
    """Whether the sentence ``[s0, s1)`` is about one borrower and quotes nobody."""
    # A splitter may cut after "Ms.": accept a title that ends right before the sentence too.
    opener = [h for h in ctx.marks("anecdote", max(0, s0 - 8), s0 + 8) if h[0] == s0 or
              (h[1] <= s0 and not ctx.text[h[1] : s0].strip())]
    if not opener or not ctx.text[opener[0][1] : s1].lstrip()[:1].isupper():
        return False
    return not ctx.marks("reporting", s0, s1)


def is_link_line(ctx: Context, fig: Figure) -> bool:
    """A "related news" line of no named province ("- Quynh Luu: 2,300 households escape
    poverty …"): a dash-led line without closing punctuation is another article's headline; it
    counts only when it names the province it is about ("- Lao Cai: 2,100 poor households …")."""
    start, end = ctx.line(fig.start, fig.end)
    found = ctx.link_lines.get((start, end))
    if found is None:
        found = ctx.link_lines[(start, end)] = _link_line(ctx, start, end)
    return found


def _link_line(ctx: Context, start: int, end: int) -> bool:
    """Whether the line ``[start, end)`` is a "related news" line of no named province."""
    line = ctx.text[start:end].strip()
    if line[:2] not in ("- ", "– ", "• ") or line[-1:] in (".", ";", ":", "!", "?"):
        return False
    return not ctx.mentions.within(start, end)


def is_programme(ctx: Context, fig: Figure) -> bool:
    """One programme's share ("Riêng chương trình cho vay hộ nghèo có dư nợ …") or an award."""
    s0, _ = sentence_span(ctx, fig)
    _, c1 = clause_span(ctx, fig)
    return bool(ctx.marks("programme", s0, c1) or ctx.marks("awards", s0, fig.start))


# --- observations --------------------------------------------------------------------------------------


def _drop_late_date(ctx: Context, when: When, boundaries_rule: str) -> When:
    """An "(old)" unit's flow predates the merger: a borrowed post-merger period is wrong."""
    merger = ctx.linker.gazetteer.merger_date
    if boundaries_rule == "old-marker" and when.inferred and when.end and when.end >= merger:
        return When(rule="old-marker:undated")
    return when


def _boundary_date(ctx: Context, when: When, status: Status) -> dt.date | None:
    """The date that decides the boundaries: the figure's own, but for a plan the day it was
    written (a plan made before the merger is the old unit's plan, whatever year it aims at)."""
    written = ctx.published or ctx.frame.as_of
    if status == "target" and written:
        return written
    return when.as_of or when.end or when.start or ctx.published or ctx.latest


def observe(ctx: Context, fig: Figure, code: str, indicator_rule: str) -> Observation:
    """One observation of ``code`` from ``fig``: province, boundaries, date, status."""
    when = when_of(ctx, fig, measure_of(ctx, fig, code))
    status, status_rule = status_of(ctx, fig, when)
    place, place_rule = place_of(ctx, fig)
    name, boundaries, b_rule = resolve_place(ctx, place, _boundary_date(ctx, when, status))
    when = _drop_late_date(ctx, when, b_rule)
    if status == "actual":
        update_frame(ctx, when)
    # ``model_validate`` of a dict validates as the constructor does, without its wrapper.
    return Observation.model_validate({
        "indicator": code,
        "province": name,
        "boundaries": boundaries,
        "value": fig.value,
        "unit": fig.unit,
        "qualifier": fig.qualifier,
        "as_of": when.as_of,
        "period_start": when.start if when.as_of is None else None,
        "period_end": when.end,
        "date_inferred": when.inferred,
        "status": status,
        "document_id": ctx.ex.document.id,
        "text": fig.text,
        "start": fig.start,
        "end": fig.end,
        "sentence": fig.sentence,
        "rules": {
            "indicator": indicator_rule,
            "province": place_rule,
            "boundaries": b_rule,
            "date": when.rule,
            "status": status_rule,
        },
    })


def _attach(ctx: Context, fig: Figure, growth: Observation | None,
            levels: list[tuple[Figure, Observation]], extra: list[Observation]) -> None:
    """Write a change on the level it modifies (and a growth rate for outstanding loans)."""
    i = level_for(ctx, fig, levels)
    if i is None:
        # "Outstanding loans grew by 9.6% in 2018" with no level beside it: a growth rate alone.
        extra.extend([growth] if growth else [])
        return
    level_fig, level = levels[i]
    if level.change_value is None:
        levels[i] = (level_fig, apply_change(ctx, fig, level))
    if fig.kind == "percent" and level.indicator == "outstanding_loans":
        extra.append(growth_rate(fig, levels[i][1]))


def _growth_alone(ctx: Context, fig: Figure) -> Observation | None:
    """A percent change whose own cue is a growth of outstanding loans, dated where it stands."""
    found = indicator_of(ctx, fig) if fig.kind == "percent" else None
    if found and found[0] == "outstanding_growth_rate":
        return observe(ctx, fig, *found)
    return None


def observations(ctx: Context) -> list[Observation]:
    """Every observation of the document: levels first (in text order), then their changes."""
    levels: list[tuple[Figure, Observation]] = []
    changes: list[tuple[Figure, Observation | None]] = []
    governing = _governing_dates(ctx)
    for fig in ctx.figures:
        while governing and governing[0].start < fig.start:
            _govern(ctx, governing.pop(0))
        if is_anecdote(ctx, fig) or is_programme(ctx, fig) or is_link_line(ctx, fig):
            continue
        if fig.start in ctx.changes:
            changes.append((fig, _growth_alone(ctx, fig)))
            continue
        if fig.kind not in ("money", "count", "percent"):
            continue
        found = indicator_of(ctx, fig)
        if found:
            levels.append((fig, observe(ctx, fig, *found)))
            ctx.last_level[fig.kind] = (found[0], fig.end)
    extra: list[Observation] = []
    for fig, growth in changes:
        _attach(ctx, fig, growth, levels, extra)
    linked = sorted([obs for _, obs in levels] + extra, key=lambda o: (o.start, o.indicator))
    return dedupe(date_headlines(ctx, linked))


def date_headlines(ctx: Context, found: list[Observation]) -> list[Observation]:
    """A headline states no date ("Outstanding policy credit reaches nearly VND 11,000 billion"):
    it reports what the body dates, so it takes the date of the body's first observation of the
    same indicator and place."""
    t0, t1 = ctx.title
    out = []
    for obs in found:
        body = _body_twin(found, obs, t1) if t0 <= obs.start < t1 and obs.date_inferred else None
        if body is not None:
            obs = obs.model_copy(update={
                "as_of": body.as_of, "period_start": body.period_start, "period_end": body.period_end,
                "boundaries": body.boundaries, "rules": {**obs.rules, "date": "headline"}})
        out.append(obs)
    return out


def _body_twin(found: list[Observation], headline: Observation, body_start: int) -> Observation | None:
    """The body's first dated observation of the headline's indicator, place and status: dated
    in its own sentence, or by the governing date of an earlier one ("Tính đến ngày 31/10/2024,
    …. Tổng dư nợ đạt …"), which the body states, unlike the publication date."""
    return next((o for o in found if o.start >= body_start
                 and (not o.date_inferred or o.rules.get("date") == "frame")
                 and (o.indicator, o.province, o.status) == (headline.indicator, headline.province, headline.status)),
                None)


def _governing_dates(ctx: Context) -> list[DateMention]:
    """Dates that open a sentence after "as of"/"đến" ("As of June 30, 2024, the figure stood
    at …"): they set the reporting date for the figures that follow, even when their own
    sentence yields nothing."""
    found = []
    for d in ctx.free_dates:
        late = ctx.published is not None and d.value is not None and d.value > ctx.published
        if d.value and not late and ctx.marker_before("until", d.start) and _opens_sentence(ctx, d.start):
            found.append(d)
    return found


def _opens_sentence(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` lies near the start of its sentence (its line, or the last ". " on it)."""
    start, _ = ctx.line(pos, pos)
    for m in _SENTENCE_END.finditer(ctx.text, start, pos):
        start = m.end()
    return pos - start <= _OPENING


def _govern(ctx: Context, d: DateMention) -> None:
    """Move the frame to a governing date (never backwards)."""
    assert d.value is not None
    if ctx.frame.as_of is None or d.value > ctx.frame.as_of:
        ctx.frame.as_of = d.value
        if _year_edge(d):
            ctx.frame.start, ctx.frame.end = dt.date(d.value.year, 1, 1), d.value


def dedupe(found: list[Observation]) -> list[Observation]:
    """One observation per fact: a headline repeating the body's figure is the same fact.

    Same indicator, place, status, value and unit; the one with a stated date wins.
    """
    best: dict[tuple[object, ...], Observation] = {}
    for obs in found:
        key = (obs.indicator, obs.province, obs.status, obs.value, obs.unit)
        kept = best.get(key)
        if kept is None or (kept.date_inferred and not obs.date_inferred):
            best[key] = obs
    keep = {id(o) for o in best.values()}
    return [o for o in found if id(o) in keep]


def link(extraction: Extraction, *, linker_: Linker | None = None) -> Extraction:
    """A copy of ``extraction`` with ``observations`` filled and ``document.province`` set."""
    ctx = build_context(extraction, linker_ or linker())
    found = observations(ctx)
    national = ctx.province_rule in (NATIONAL, NATIONAL_MARKER)
    province = ctx.province or (NATIONAL if national else None)
    document = extraction.document.model_copy(update={"province": province})
    return extraction.model_copy(update={"document": document, "observations": tuple(found)})
