"""From drafts to records: settle overlaps, resolve values, attach sentences and issue dates."""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from functools import cache
from operator import attrgetter, itemgetter
from re import _constants as c  # type: ignore[attr-defined]  # private, absent from typeshed
from re import _parser as parser  # type: ignore[attr-defined]  # private, absent from typeshed
from typing import Any, NamedTuple

from extractor.models import DateMention, Document, Extraction, Figure, LegalRef, validated
from extractor.nlp.counts import ELIDED
from extractor.nlp.dates import context_year, same_periods
from extractor.nlp.drafts import DateDraft, FigureDraft, LegalDraft
from extractor.nlp.legal import resolve_short
from extractor.nlp.numbers import choose, foreign_notation, readings
from extractor.nlp.rules import Band, Lexicon, RuleSet, phrase_alternation
from extractor.nlp.sentences import Sentences
from extractor.registry.phrases import trie_regex

CHANGE_WINDOW = 40
ISSUE_WINDOW = 160
Draft = FigureDraft | DateDraft | LegalDraft


def select(drafts: Sequence[Draft]) -> list[Draft]:
    """Non-overlapping drafts: longest first, then the rule's priority, then leftmost.

    A draft competes only with the drafts of its run of overlapping ones, so each run keeps its
    own list of taken spans: one list for the whole text would cost an insert in the middle of
    a long list per draft taken.
    """
    ordered = sorted(drafts, key=lambda d: (d.start - d.end, -d.priority, d.start))
    runs = overlapping_runs(drafts)
    taken: list[Draft] = []
    occupied: dict[int, list[tuple[int, int]]] = {}  # each run's taken spans, sorted, never overlapping
    for draft in ordered:
        start, end = draft.start, draft.end
        spans = occupied.setdefault(runs[id(draft)], [])
        # Only the taken spans on either side of this one in sort order can overlap it.
        index = bisect.bisect_right(spans, (start, end))
        if ((index == 0 or spans[index - 1][1] <= start)
                and (index == len(spans) or end <= spans[index][0])):
            taken.append(draft)
            spans.insert(index, (start, end))
    return sorted(taken, key=lambda d: d.start)


def overlapping_runs(drafts: Sequence[Draft]) -> dict[int, int]:
    """The run of each draft (by its identity): drafts in text order, a new run starting where
    a draft starts at or after the end of every draft before it. Drafts of different runs never
    overlap."""
    runs: dict[int, int] = {}
    run, reach = -1, -1
    for draft in sorted(drafts, key=attrgetter("start")):
        if draft.start >= reach:
            run += 1
        reach = max(reach, draft.end)
        runs[id(draft)] = run
    return runs


def assemble(document: Document, drafts: Sequence[Draft], sentences: Sentences,
             rules: RuleSet) -> Extraction:
    """The records of one document from its drafts."""
    chosen = select(drafts)
    warnings: list[str] = []
    figure_drafts = elided_units([d for d in chosen if isinstance(d, FigureDraft)], sentences)
    date_drafts = [d for d in chosen if isinstance(d, DateDraft)]
    legal_drafts = resolve_short([d for d in chosen if isinstance(d, LegalDraft)], document.text,
                                 rules.legal_codes)
    mentions = resolve_dates(document, date_drafts, legal_drafts, sentences, rules)
    figures = build_figures(document.text, figure_drafts, sentences, rules, warnings)
    refs = build_legal(document.text, legal_drafts, mentions, sentences, rules)
    # Built from records validated one by one: validating the whole again would run every
    # record's own checks a second time (pydantic runs a nested model's after-validators).
    return Extraction.model_construct(document=document, figures=tuple(figures), dates=tuple(mentions),
                                      legal_refs=tuple(refs), warnings=tuple(warnings))


def elided_units(drafts: list[FigureDraft], sentences: Sentences) -> list[FigureDraft]:
    """The drafts (in text order), where a count whose noun is left out (``counts.ELIDED``) takes
    the unit and noun of the count just before it in its sentence ("8,200 students, of whom
    640 in vocational schools"); without such a count it is no figure."""
    kept: list[FigureDraft] = []
    before: FigureDraft | None = None
    for draft in drafts:
        if draft.kind == "count" and draft.unit == ELIDED:
            if before is None or sentences.around(before.start) != sentences.around(draft.start):
                continue
            draft.unit, draft.counted = before.unit, before.counted
        if draft.kind == "count":
            before = draft
        kept.append(draft)
    return kept


def _span(text: str, start: int, end: int, sentences: Sentences, rule: str) -> dict[str, Any]:
    """The Span fields of a record."""
    sentence, sentence_start = sentences.sentence(start)
    return {"text": text[start:end], "start": start, "end": end, "sentence": sentence,
            "sentence_start": sentence_start, "rule": rule}


# --- dates ------------------------------------------------------------------------------


def resolve_dates(document: Document, drafts: list[DateDraft], legal_drafts: list[LegalDraft],
                  sentences: Sentences, rules: RuleSet) -> list[DateMention]:
    """Resolve each date draft with the document's context year and publication date. A text
    without a publication date that reviews the years since a reference was issued is of the
    year of that review, which its explicit years (the issue year, older texts) do not give."""
    compared = baselines(document.text, drafts, rules)
    year = context_year(drafts, compared)
    openers = sentence_years(document.text, drafts, sentences, compared, lexicon_regexes(rules).year_openers)
    years = SentenceYears(openers, only_years(drafts, sentences, compared))
    mentions = _resolved(document, drafts, year, sentences, years)
    if document.published is None:
        reviewed = review_year(document.text, legal_drafts, mentions, rules)
        if reviewed is not None and reviewed != year:
            mentions = _resolved(document, drafts, reviewed, sentences, years)
    return mentions


class SentenceYears(NamedTuple):
    """Years of sentences, by the sentence's start: the year each opens with (``sentence_years``)
    and the one year each states (``only_years``)."""

    openers: dict[int, int]
    only: dict[int, int]


def _resolved(document: Document, drafts: list[DateDraft], year: int | None,
              sentences: Sentences, years: SentenceYears) -> list[DateMention]:
    """The date mentions of the drafts, read with ``year`` as the document's context year, and
    their sentences' years as the year of the yearless ones of those sentences."""
    out = []
    resolved = same_periods(drafts, [_resolve(draft, year, document.published, sentences, years)
                                     for draft in drafts])
    resolved = _edges_of_moved_years(drafts, resolved, document.published, sentences, years)
    for draft, fields in zip(drafts, resolved, strict=True):
        if fields:
            span = _span(document.text, draft.start, draft.end, sentences, draft.rule)
            out.append(validated(DateMention, {**span, **fields}))
    return out


def _edges_of_moved_years(drafts: list[DateDraft], resolved: list[dict[str, Any] | None],
                          published: dt.date | None, sentences: Sentences,
                          years: SentenceYears) -> list[dict[str, Any] | None]:
    """A year's edge without its year ("đầu năm", "the start of the year") in a sentence whose
    yearless day or month the publication put in the year before its own ("Tính đến hết tháng
    12, …, tăng 8% so với đầu năm" read in February): the edge of that year, the one the
    sentence reports, not of the publication's (unless the sentence states a year itself)."""
    if published is None:
        return resolved
    moved: dict[int, int] = {}
    for draft, fields in zip(drafts, resolved, strict=True):
        first = _first_day(fields) if draft.takes_year and fields and fields.get("year_inferred") else None
        if first is not None and first.year < published.year:
            moved[sentences.around(draft.start)[0]] = first.year
    if not moved:
        return resolved
    out = list(resolved)
    for i, draft in enumerate(drafts):
        sentence = sentences.around(draft.start)[0]
        if draft.year_edge and sentence in moved and sentence not in years.only and out[i]:
            out[i] = draft.resolve(moved[sentence], None) or out[i]
    return out


def _first_day(fields: dict[str, Any]) -> dt.date | None:
    """The first day resolved fields cover."""
    first: dt.date | None = fields.get("period_start") or fields.get("value")
    return first


def _resolve(draft: DateDraft, year: int | None, published: dt.date | None, sentences: Sentences,
             years: SentenceYears) -> dict[str, Any] | None:
    """A draft's fields, of the publication's or the document's year; but a yearless one that
    would lie after the publication, in a sentence opening with a year, is of that year
    ("Năm 2025, …; riêng tháng 6, …" read in January 2026 is June 2025, not a coming June), and a
    year's edge without its year is of the one year its sentence states ("By December 31, 2024,
    … up 8% from the beginning of the year")."""
    fields = draft.resolve(year, published)
    only = years.only.get(sentences.around(draft.start)[0])
    if fields and draft.year_edge and only is not None:
        moved = draft.resolve(only, None)
        return {**moved, "year_inferred": False} if moved else fields
    if not (fields and published and draft.takes_year and not draft.same_period):
        return fields
    start = fields.get("value") or fields.get("period_start")
    opened = years.openers.get(sentences.around(draft.start)[0])
    if opened is None or start is None or start <= published:
        return fields
    moved = draft.resolve(opened, None)
    return {**moved, "year_inferred": False} if moved else fields


def sentence_years(text: str, drafts: list[DateDraft], sentences: Sentences, compared: frozenset[int],
                   openers: Sequence[re.Pattern[str]]) -> dict[int, int]:
    """The year each sentence opens with, by the sentence's start: a date of one explicit year
    (not a horizon or span, ``context``, nor a comparison's baseline) with only the lexicon's
    ``year_openers`` words before it in its sentence ("Năm 2025, …", "In 2025, …", "Đến hết
    năm 2024, …"), and no other year stated in the sentence."""
    found: dict[int, int] = {}
    years: dict[int, int] = {}
    for draft in drafts:
        if draft.explicit_year is None:
            continue
        start = sentences.around(draft.start)[0]
        years[start] = years.get(start, 0) + 1
        if not draft.context or draft.start in compared or start in found:
            continue
        if any(o.fullmatch(text, start, draft.start) for o in openers):
            found[start] = draft.explicit_year
    return {start: year for start, year in found.items() if years[start] == 1}


def only_years(drafts: list[DateDraft], sentences: Sentences, compared: frozenset[int]) -> dict[int, int]:
    """The one year each sentence states, by the sentence's start: a day of an explicit year,
    the day its level is reported at ("By December 31, 2024", "đến hết năm 2025"; not a
    horizon or span, ``context``, nor a comparison's baseline), and no other year. A whole year
    ("Thành lập năm 2002", "since 2019", "Trong năm 2021, …") is no such day: it only blocks."""
    found: dict[int, list[int | None]] = {}
    for draft in drafts:
        if draft.explicit_year is not None:
            closes = draft.context and draft.start not in compared and _a_day(draft)
            year = draft.explicit_year if closes else None
            found.setdefault(sentences.around(draft.start)[0], []).append(year)
    return {start: years[0] for start, years in found.items() if len(years) == 1 and years[0]}


def _a_day(draft: DateDraft) -> bool:
    """Whether the draft, read in its own year, is one day rather than a period."""
    fields = draft.resolve(draft.explicit_year, None)
    return fields is not None and fields.get("value") is not None


REVIEW_WINDOW = 80


def review_year(text: str, legal_drafts: list[LegalDraft], mentions: list[DateMention],
                rules: RuleSet) -> int | None:
    """The year of a review of N years of a reference (lexicon ``review_cues`` right before the
    reference): its issue year plus N. The issue date is read from the explicit dates alone, as
    a yearless one takes its year from the context this decides. None without such a review."""
    cues = lexicon_regexes(rules).review
    if not cues or not legal_drafts:
        return None
    issued = issue_dates(text, legal_drafts, [m for m in mentions if not m.year_inferred], rules)
    for draft in legal_drafts:
        when = issued.get(draft.fields["id"])
        matches = (cue.search(text, max(0, draft.start - REVIEW_WINDOW), draft.start) for cue in cues)
        years = next((_count(m.group("years"), rules) for m in matches if m), None)
        if when is not None and years:
            return when.year + years
    return None


def _count(written: str, rules: RuleSet) -> int | None:
    """A small count written as digits or a number word ("10", "ten")."""
    if written.isdigit():
        return int(written)
    found: int | None = rules.find("number_words", written)
    return found


BASELINE_WINDOW = 40


def baselines(text: str, drafts: list[DateDraft], rules: RuleSet) -> frozenset[int]:
    """Starts of the dates that are the baseline of a comparison ("so với năm 2020")."""
    cues = lexicon_regexes(rules).baseline
    return frozenset(d.start for d in drafts
                     if any(cue.search(text, max(0, d.start - BASELINE_WINDOW), d.start) for cue in cues))


# --- figures ----------------------------------------------------------------------------


def _family(draft: FigureDraft) -> str:
    """Plausibility bucket of a figure: VND, USD, count or percent."""
    if draft.kind in ("count", "percent"):
        return draft.kind
    return draft.unit.split("/")[0]


def _scaled(draft: FigureDraft, reading: Decimal) -> Decimal:
    """A reading of the written number times its scale word, plus what the rule adds."""
    return reading * draft.multiplier + draft.addend


class Notation(NamedTuple):
    """How a document writes its numbers: ``mixed``, it also shows the other notation (a number
    only that one reads); ``shown``, it writes a thousands group with its language's group mark
    and shows no other notation, so a separator that is its decimal mark is one
    (``NumberFormat.shown_notation_decides``)."""

    mixed: bool
    shown: bool


def read_numbers(drafts: list[FigureDraft], rules: RuleSet) -> Notation:
    """Fill each draft's readings in the document's notation; say whether it mixes notations
    and whether it shows its own."""
    number = rules.lexicon.number
    mixed = foreign_notation([d.number_text for d in drafts if not d.readings],
                             decimal_separator=number.decimal_separator)
    for draft in drafts:
        if not draft.readings:
            draft.readings = readings(draft.number_text, decimal_separator=number.decimal_separator,
                                      mixed=mixed).values
    shown = number.shown_notation_decides and not mixed and any(
        len(d.readings) == 1 and number.group_separator in d.number_text for d in drafts)
    _decimal_group_marks(drafts, rules)
    return Notation(mixed=mixed, shown=shown)


def _grouped_amount(draft: FigureDraft, group_mark: str, decimal_mark: str) -> bool:
    """An amount with a scale word whose number holds only group marks ("3,508,217 billion"),
    not ending in a zero: nobody writes a decimal's trailing zeros, so "295,300,000 billion" is
    a typo of thousands (no level, see ``link``), not a decimal."""
    text = draft.number_text
    return (draft.kind == "money" and draft.multiplier > 1 and group_mark in text
            and decimal_mark not in text and not text.endswith("0"))


def _decimal_group_marks(drafts: list[FigureDraft], rules: RuleSet) -> None:
    """A page that writes amounts as "3,508,217 billion" (``swapped_marks_evidence`` of them at
    least, with two group marks or more and a scale word, one of them thousands of trillions:
    more than the whole bank holds) carries its source's notation with the thousands mark swapped alone
    ("3.508,217 tỷ" translated): there the last group mark of every amount with a scale word is
    its decimal mark ("52,386 billion" is 52.386 billion). Counts and amounts without a scale
    word keep their reading."""
    number = rules.lexicon.number
    if number.shown_notation_decides:  # an original writes its own notation (Vietnamese)
        return
    group_mark, decimal_mark = number.group_separator, number.decimal_separator
    limits = rules.lexicon.plausible_max
    amounts = [d for d in drafts if _grouped_amount(d, group_mark, decimal_mark)]
    grouped = [d for d in amounts if d.number_text.count(group_mark) >= 2 and len(d.readings) == 1
               and limits.get(_family(d)) is not None]
    # Swapped only when several amounts are written with two group marks or more and a scale word
    # (one alone is likelier a figure of the whole economy written right) and one of them is
    # beyond the plausible maximum as written.
    if len(grouped) < number.swapped_marks_evidence or not any(
            _scaled(d, d.readings[0]) > Decimal(str(limits[_family(d)])) for d in grouped):
        return
    for draft in amounts:
        whole, fraction = draft.number_text.rsplit(group_mark, 1)
        draft.readings = (Decimal(f"{whole.replace(group_mark, '')}.{fraction}"),)
        draft.notes.append(f"{draft.number_text!r}: the page writes amounts of thousands of "
                           "trillions, so its last group mark is a decimal mark")


def decided_by_size(drafts: Sequence[FigureDraft], rules: RuleSet) -> frozenset[tuple[str, Decimal]]:
    """The (unit, scale word) pairs of which the document writes an ambiguous number whose
    thousands-group reading is implausibly large while its first reading is not ("13.090
    trillion" of a province cannot be thirteen thousand trillion): the document so shows the
    notation it writes that unit and scale in, and its other ambiguous numbers of that unit and
    scale ("1.000 trillion") read alike, not by their trailing zeros; unless it writes ambiguous
    numbers of that unit under another scale word too."""
    limits = rules.lexicon.plausible_max
    found = set()
    for draft in drafts:
        limit = limits.get(_family(draft))
        if len(draft.readings) == 2 and limit is not None:
            first, other = (_scaled(draft, r) for r in draft.readings)
            if first < other and first <= Decimal(str(limit)) < other:
                found.add((draft.unit, draft.multiplier))
    # A page that also writes an ambiguous number of that unit under another scale word ("380.000
    # billion" beside "15.500 trillion") shows no one notation: the implausible number may be
    # another institution's, mis-read by the cap, and the trailing zeros decide as before.
    scales: dict[str, set[Decimal]] = {}
    for draft in drafts:
        if len(draft.readings) == 2:
            scales.setdefault(draft.unit, set()).add(draft.multiplier)
    return frozenset((unit, scale) for unit, scale in found if scales[unit] == {scale})


class Siblings:
    """The unambiguous numbers of a document by unit and scale word, each group in order of
    magnitude, so an ambiguous number is compared with the few nearest its readings instead of
    every figure of the document (which made assembling quadratic)."""

    def __init__(self, drafts: Sequence[FigureDraft]) -> None:
        groups: dict[tuple[str, Decimal], list[tuple[float, Decimal]]] = {}
        for draft in drafts:
            if len(draft.readings) == 1 and draft.readings[0] > 0:
                reading = draft.readings[0]
                groups.setdefault((draft.unit, draft.multiplier), []).append((math.log10(reading), reading))
        self.logs: dict[tuple[str, Decimal], list[float]] = {}
        self.values: dict[tuple[str, Decimal], list[Decimal]] = {}
        for key, group in groups.items():
            group.sort(key=itemgetter(0))
            self.logs[key] = [log for log, _ in group]
            self.values[key] = [value for _, value in group]

    def near(self, draft: FigureDraft) -> list[Decimal]:
        """The siblings nearest each reading of ``draft`` in orders of magnitude, one on either
        side: ``numbers.choose`` looks only at the sibling nearest each reading, and those
        decide as all the unambiguous numbers with the draft's unit and scale would (the
        numbers that are not positive it ignores)."""
        key = (draft.unit, draft.multiplier)
        logs, values = self.logs.get(key, []), self.values.get(key, [])
        near: dict[int, Decimal] = {}
        for reading in draft.readings:
            if reading > 0:
                index = bisect.bisect_left(logs, math.log10(reading))
                near.update((i, values[i]) for i in (index - 1, index) if 0 <= i < len(values))
        return [near[i] for i in sorted(near)]


def figure_value(draft: FigureDraft, siblings: list[Decimal], rules: RuleSet,
                 *, notation: Notation) -> tuple[Decimal, float, list[str]]:
    """The value of a figure; for an ambiguous number, the reading the evidence favours."""
    if len(draft.readings) == 1:
        return _scaled(draft, draft.readings[0]), 1.0, list(draft.notes)
    family = _family(draft)
    limit = rules.lexicon.plausible_max.get(family)
    choice = choose(
        draft.number_text, list(draft.readings),
        plausible_max=None if limit is None else limit / float(draft.multiplier),
        siblings=siblings,
        integral=(draft.kind == "count" or family == "VND") and draft.multiplier == 1,
        mixed=notation.mixed,
        notation_shown=notation.shown,
    )
    return _scaled(draft, choice.value), choice.confidence, [*draft.notes, choice.note]


class Words(NamedTuple):
    """Literal strings one of which every match of a cue holds, as two regexes: with the cue's
    own flags, so they match as the cue does, and lower-cased, for a lower-cased window."""

    cued: re.Pattern[str]
    lower: re.Pattern[str]


class CompiledCue(NamedTuple):
    """A change cue of the lexicon, compiled, with the change it means and its words (None
    when there are none to tell)."""

    pattern: re.Pattern[str]
    change: str
    words: Words | None


class Cues(NamedTuple):
    """A language's change cues; all their words (None unless every cue has words and all
    share their flags); whether every ASCII character lower-cases faithfully for them."""

    cues: tuple[CompiledCue, ...]
    any_words: Words | None
    ascii_faithful: bool


@cache
def compile_cues(cues: tuple[tuple[str, str], ...]) -> Cues:
    """The cues, (pattern, change) pairs, compiled with the words their matches must hold."""
    compiled: list[CompiledCue] = []
    every_word: set[str] = set()
    flag_sets: set[int] = set()
    matchers: dict[tuple[str, int], Callable[[str], object]] = {}
    for source, change in cues:
        pattern = re.compile(source)
        words = required_words(pattern)
        flags = pattern.flags & (re.IGNORECASE | re.ASCII)  # all that matters to literals
        compiled.append(CompiledCue(pattern, change, _words(words, flags) if words else None))
        every_word |= words or {""}
        flag_sets.add(flags)
        matchers.update({(ch, flags): re.compile(re.escape(ch), flags).fullmatch
                         for ch in "".join(words or ())})
    joined = "" not in every_word and len(flag_sets) == 1
    cued = [(ch, match) for (ch, _), match in matchers.items()]
    return Cues(tuple(compiled), _words(every_word, flag_sets.pop()) if joined else None,
                all(_lowers_faithfully(chr(code), cued) for code in range(128)))


def _words(words: Collection[str], flags: int) -> Words:
    return Words(re.compile(trie_regex(words, gap=None), flags),
                 re.compile(trie_regex({w.lower() for w in words}, gap=None)))


def _lowers_faithfully(ch: str, matchers: Sequence[tuple[str, Callable[[str], object]]]) -> bool:
    """Whether ``ch`` lower-cases to one character, and to the lower case of each cue word
    character that it matches ("ſ" matches "s" ignoring case, yet stays "ſ"): then a window of
    such characters, lower-cased, holds a cue's word wherever the window holds a match of it."""
    lower = ch.lower()
    return len(lower) == 1 and all(lower == cued.lower() for cued, match in matchers if match(ch))


class LexiconRegexes(NamedTuple):
    """The regexes of a lexicon that assembling uses, compiled."""

    change: Cues
    change_after: tuple[tuple[re.Pattern[str], str, frozenset[str]], ...]  # cues right after a figure, its kinds
    issued: dict[str, tuple[re.Pattern[str], ...]]  # issue-date cues by side: after, before
    yearly: tuple[re.Pattern[str], ...]  # clause openings that make an amount yearly
    per_before: tuple[re.Pattern[str], ...]  # a per-unit named before an amount in its clause
    per_stops: re.Pattern[str] | None  # a word after such a per-unit that ends its noun phrase
    per_carry: tuple[re.Pattern[str], ...]  # words after which an amount shares the per-unit before
    review: tuple[re.Pattern[str], ...]  # "a review of N years of implementing" before a reference
    baseline: tuple[re.Pattern[str], ...]  # "so với" before a date: the date is a comparison's
    year_openers: tuple[re.Pattern[str], ...]  # words before a year opening its sentence
    qualifier_after: re.Pattern[str] | None  # a qualifier right after a figure ('or more')
    restating: re.Pattern[str] | None  # a word opening a bracket that restates a change, to its end


COMPILED: dict[int, tuple[Lexicon, LexiconRegexes]] = {}


def lexicon_regexes(rules: RuleSet) -> LexiconRegexes:
    """The regexes of the rules' lexicon, compiled once (remembered by the lexicon's identity:
    a lexicon holds lists, so it cannot be a cache key)."""
    lexicon = rules.lexicon
    known = COMPILED.get(id(lexicon))
    if known is None or known[0] is not lexicon:
        known = COMPILED[id(lexicon)] = (lexicon, LexiconRegexes(
            compile_cues(tuple((cue.pattern, cue.value) for cue in lexicon.change_cues)),
            tuple((re.compile(cue.pattern), cue.value, frozenset(cue.kinds)) for cue in lexicon.change_cues_after),
            {"after": tuple(re.compile(cue.pattern) for cue in lexicon.legal_issued_after),
             "before": tuple(re.compile(cue.pattern) for cue in lexicon.legal_issued_before)},
            tuple(re.compile(opener.pattern) for opener in lexicon.yearly_openers),
            tuple(re.compile(cue.pattern) for cue in lexicon.per_unit_before),
            _word_list(lexicon.per_unit_stops),
            tuple(re.compile(cue.pattern) for cue in lexicon.per_unit_carry),
            tuple(re.compile(cue.pattern) for cue in lexicon.review_cues),
            tuple(re.compile(cue.pattern) for cue in lexicon.baseline_cues),
            tuple(re.compile(opener.pattern) for opener in lexicon.year_openers),
            _qualifier_after(lexicon),
            _restating(lexicon),
        ))
    return known[1]


def _word_list(words: Sequence[str]) -> re.Pattern[str] | None:
    """Whole words or phrases of a list, found anywhere, whatever their case; None for none."""
    if not words:
        return None
    return re.compile(rf"(?i)(?<![\w-])(?:{phrase_alternation(words)})(?![\w-])")


def _restating(lexicon: Lexicon) -> re.Pattern[str] | None:
    """The lexicon's ``restating_words`` as one regex matched whole on the text between a
    bracket and the figure in it: spaces, the word, spaces."""
    if not lexicon.restating_words:
        return None
    return re.compile(rf"(?i)\s*(?:{phrase_alternation(lexicon.restating_words)})\s*")


def _qualifier_after(lexicon: Lexicon) -> re.Pattern[str] | None:
    """The lexicon's ``qualifiers_after`` as one regex matched where a figure ends: the phrase
    as a whole word (not the head of a hyphened one: "or lower-income families"), not before a
    word of ``qualifiers_after_not_before`` ("or more than half" qualifies nothing)."""
    if not lexicon.qualifiers_after:
        return None
    words = phrase_alternation(q.phrase for q in lexicon.qualifiers_after)
    blockers = ""
    if lexicon.qualifiers_after_not_before:
        blockers = rf"(?!\s+(?:{phrase_alternation(lexicon.qualifiers_after_not_before)})(?![\w-]))"
    return re.compile(rf"\s*(?P<qual>{words})(?![\w-]){blockers}", re.IGNORECASE)


def qualifier_after(text: str, end: int, pattern: re.Pattern[str] | None, rules: RuleSet) -> str | None:
    """The qualifier a phrase right after a figure gives it ("từ 12% trở lên": at least 12%)."""
    found = pattern.match(text, end) if pattern is not None else None
    return rules.find("qualifiers_after", found.group("qual")) if found else None


def change_cues(rules: RuleSet) -> Cues:
    """The lexicon's change cues, compiled."""
    return lexicon_regexes(rules).change


def change_after(text: str, draft: FigureDraft, cues: Sequence[tuple[re.Pattern[str], str, frozenset[str]]]
                 ) -> str | None:
    """"increase"/"decrease" when the words right after a figure make it a change ("nearly 3.4
    times higher than in 2012"): each cue of the figure's kind is matched where the figure ends, so
    it reads no further than it needs."""
    return next((change for cue, change, kinds in cues if draft.kind in kinds and cue.match(text, draft.end)), None)


def change_of(text: str, start: int, cues: Cues) -> str | None:
    """"increase"/"decrease" when the words before a figure make it a change.

    The cue regexes ignore case and start with ``\\b``, so Python's ``re`` tries each in full
    at every position of the window; a search for the words one of which a cue's match holds
    fails faster, the more so when the window is ASCII and the words can be sought lower-cased
    (case-sensitive literals are found by a quick scan). Only cues whose words are there are
    searched in full.
    """
    before = text[max(0, start - CHANGE_WINDOW):start]
    lowered = cues.ascii_faithful and before.isascii()
    window = before.lower() if lowered else before
    if cues.any_words is not None and not _holds(cues.any_words, window, lowered):
        return None
    for cue in cues.cues:
        if (cue.words is None or _holds(cue.words, window, lowered)) and cue.pattern.search(before):
            return cue.change
    return None


def _holds(words: Words, window: str, lowered: bool) -> bool:
    return (words.lower if lowered else words.cued).search(window) is not None


# --- the words a cue's matches hold -------------------------------------------------------

MAX_WORDS = 64
Strings = set[str]


def required_words(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings one of which every match of ``pattern`` holds (as the pattern matches
    characters, so case aside when it ignores case), the longest such set; None if none.

    >>> sorted(required_words(re.compile(r"(?i)\\b(?:an?\\s+)?(?:rise|fall)\\s+of\\s+$")))
    ['fall', 'rise']
    >>> required_words(re.compile(r"\\w+\\s+$")) is None
    True
    """
    best = _best(_sequence(list(parser.parse(pattern.pattern, pattern.flags)))[1])
    return frozenset(best) if best else None


def _best(found: list[Strings]) -> Strings | None:
    """The set whose shortest string is longest (fewest strings on a tie): the rarest words."""
    found = [w for w in found if w and "" not in w]
    return max(found, key=lambda w: (min(map(len, w)), -len(w))) if found else None


def _sequence(items: list[Any]) -> tuple[Strings | None, list[Strings]]:
    """(the strings ``items`` match when they are only literals, else None; sets of strings one
    of which every match holds). Consecutive literals, classes and literal alternations join
    into one run of strings; anything else ends the run, though what it must hold still counts."""
    factors: list[Strings] = []
    run: Strings = {""}
    whole = True
    for op, av in items:
        strings = _strings(op, av)
        if strings is not None and len(run) * len(strings) <= MAX_WORDS:
            run = {a + b for a in run for b in strings}
            continue
        whole = False
        factors.append(run)
        run = strings if strings is not None else {""}
        if strings is None:
            factors.extend(_inner(op, av))
    factors.append(run)
    return (run if whole else None), factors


def _strings(op: Any, av: Any) -> Strings | None:
    """The strings one item matches when it is literal: a character, a small class of
    characters, a group or alternation of literals; else None."""
    if op is c.LITERAL:
        return {chr(av)}
    if op is c.IN and len(av) <= 10 and all(o is c.LITERAL for o, _ in av):
        return {chr(a) for _, a in av}
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        return _sequence(list(av[3]))[0]
    if op is c.BRANCH:
        branches = [_sequence(list(b))[0] for b in av[1]]
        known = [b for b in branches if b is not None]
        if len(known) == len(branches) and sum(map(len, known)) <= MAX_WORDS:
            return set().union(*known)
    return None


def _inner(op: Any, av: Any) -> list[Strings]:
    """What a non-literal item's matches must hold: a group's or a required repeat's own
    strings, or for an alternation one best set of each branch, joined."""
    if op is c.SUBPATTERN and not av[1] and not av[2]:
        return _sequence(list(av[3]))[1]
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _sequence(list(av[2]))[1]
    if op is c.BRANCH:
        best = [_best(_sequence(list(branch))[1]) for branch in av[1]]
        known = [b for b in best if b is not None]
        if len(known) < len(best):
            return []
        joined = set().union(*known)
        return [joined] if len(joined) <= MAX_WORDS else []
    return []


def unit_of(text: str, draft: FigureDraft, sentences: Sentences, yearly: Sequence[re.Pattern[str]]) -> str:
    """The figure's unit; an amount without a per-unit in a clause that opens with a yearly word
    ("Hằng năm bố trí 120 tỷ đồng", "Each year the province has put tens of billions of VND") is
    an amount per year, as it is when "each year" follows it. The clause runs from its sentence's
    start or its last semicolon to the figure (``lexicon.yearly_openers`` anchor the whole run)."""
    if draft.kind != "money" or "/" in draft.unit or not yearly:
        return draft.unit
    start, _ = sentences.around(draft.start)
    clause = text.rfind(";", start, draft.start) + 1 or start
    if any(opener.match(text, clause, draft.start) for opener in yearly):
        return f"{draft.unit}/year"
    return draft.unit


def per_unit_before(text: str, draft: FigureDraft, unit: str, sentences: Sentences, rules: RuleSet,
                    regexes: LexiconRegexes) -> str:
    """An amount whose clause names its per-unit before it ("the average loan per household is
    VND 45 million", "bình quân dư nợ trên mỗi xã là 18 tỷ đồng"): VND per that unit. The clause runs
    from its sentence's start or its last comma, semicolon or colon to the figure; each of
    ``lexicon.per_unit_before`` must reach the figure, its group ``per`` a phrase of ``per_units``,
    and the per-unit must belong to the amount's own noun phrase: no word of
    ``lexicon.per_unit_stops`` between ("income per capita rose while loans reached …" is no
    amount per person), though a later per-unit may ("… while the loan per household reached")."""
    if draft.kind != "money" or "/" in unit or not regexes.per_before:
        return unit
    start, _ = sentences.around(draft.start)
    clause = max(start, *(text.rfind(mark, start, draft.start) + 1 for mark in ",;:"))
    for cue in regexes.per_before:
        at = clause
        while found := cue.match(text, at, draft.start):
            per = rules.find("per_units", found.group("per"))
            stops = regexes.per_stops
            if per and (stops is None or not stops.search(text, found.end("per"), draft.start)):
                return f"{unit}/{per}"
            at = found.end("per")
    return unit


def carried_per_units(text: str, figures: list[Figure], carry: Sequence[re.Pattern[str]]) -> list[Figure]:
    """An amount right after an amount per some unit, with only words of
    ``lexicon.per_unit_carry`` between ("VND 48 million per household, an increase of VND 3
    million", "exceeding the target of …"), is per that unit too: a change or a comparison of it."""
    if not carry:
        return figures
    units: dict[int, str] = {}  # by the figure's start
    last: Figure | None = None
    for figure in sorted(figures, key=attrgetter("start")):
        if (last is not None and figure.kind == "money" == last.kind and "/" not in figure.unit
                and "/" in (per := units.get(last.start, last.unit)) and per.split("/")[0] == figure.unit
                and last.sentence_start == figure.sentence_start
                and any(cue.fullmatch(text, last.end, figure.start) for cue in carry)):
            units[figure.start] = per
        last = figure
    return [f.model_copy(update={"unit": units[f.start]}) if f.start in units else f for f in figures]


def build_figures(text: str, drafts: list[FigureDraft], sentences: Sentences, rules: RuleSet,
                  warnings: list[str]) -> list[Figure]:
    """Figure records with values chosen, change cues and sentences attached."""
    notation = read_numbers(drafts, rules)
    cues = change_cues(rules)
    figures = []
    siblings = Siblings(drafts)
    decided = decided_by_size(drafts, rules)
    shown = notation._replace(shown=True)
    regexes = lexicon_regexes(rules)
    yearly, after = regexes.yearly, regexes.change_after
    for draft in drafts:
        near = siblings.near(draft) if len(draft.readings) > 1 else []
        value, confidence, notes = figure_value(
            draft, near, rules, notation=shown if (draft.unit, draft.multiplier) in decided else notation)
        family = _family(draft)
        if family == "VND" or draft.kind == "count":
            whole = value.to_integral_value()
            if value == whole:
                value = whole  # 5.2 trillion → 5200000000000, not 5200000000000.0
            elif family == "VND":
                warnings.append(f"{text[draft.start:draft.end]!r} at {draft.start}: not a "
                                "whole number of đồng; figure skipped")
                continue
        if cut_at_end(text, draft):
            warnings.append(f"{text[draft.start:draft.end]!r} at {draft.start}: its number runs to "
                            "the end of the text, which may have cut it; figure skipped")
            continue
        if _past_count_limit(draft, value, rules):
            warnings.append(f"{text[draft.start:draft.end]!r} at {draft.start}: more than the "
                            "plausible maximum of a count; figure skipped")
            continue
        figures.append(validated(Figure, {
            **_span(text, draft.start, draft.end, sentences, draft.rule),
            "kind": draft.kind, "value": value,
            "unit": per_unit_before(text, draft, unit_of(text, draft, sentences, yearly), sentences, rules,
                                    regexes),
            "qualifier": (draft.qualifier if draft.qualifier != "exact" else
                          qualifier_after(text, draft.end, regexes.qualifier_after, rules) or "exact"),
            "counted": draft.counted,
            "change": change_of(text, draft.start, cues) or change_after(text, draft, after),
            "confidence": confidence, "notes": tuple(notes),
        }))
    figures = carried_per_units(text, figures, regexes.per_carry)
    return bracketed_changes(text, figures, regexes.restating, rules.lexicon.rate_size_band)


# What may follow a number the text's end cut: a comma (a group or decimal mark), then nothing;
# a full stop there ends a sentence ("… raised the number of points to 154.").
CUT_END = re.compile(r",?\s*\Z")


def cut_at_end(text: str, draft: FigureDraft) -> bool:
    """Whether a figure's digits run to the end of the text, at most a comma after them ("…
    reached nearly VND 7," closing an excerpt): the number may go on past the cut ("VND 7,150
    billion"), so its value is unknown. A figure that ends in its unit, scale or noun is whole.

    >>> draft = FigureDraft(kind="money", start=14, end=19, rule="r", priority=1, number_text="7",
    ...                     multiplier=Decimal(1), unit="VND")
    >>> cut_at_end("Loans reached VND 7,", draft), cut_at_end("Loans reached VND 7 billion.", draft)
    (True, False)
    """
    return text[draft.end - 1 : draft.end].isdigit() and CUT_END.match(text, draft.end) is not None


def _past_count_limit(draft: FigureDraft, value: Decimal, rules: RuleSet) -> bool:
    """Whether a count is beyond the lexicon's ``plausible_max`` for counts ("46,000 million
    households" is more than the country's people: a slip of the scale word or of the digits,
    and which one no reader can tell), so it is no figure at all rather than a wrong one."""
    limit = rules.lexicon.plausible_max.get("count")
    return draft.kind == "count" and limit is not None and value > Decimal(str(limit))


# A percent in brackets right after an amount or count: the same figure as a share.
BRACKET_CLOSE = re.compile(r"\s*\)")


def bracketed_changes(text: str, figures: list[Figure], restating: re.Pattern[str] | None = None,
                      band: Band | None = None) -> list[Figure]:
    """A figure alone in brackets right after a change restates that change in the other
    measure: a percent after an amount or count ("an increase of VND 3.15 trillion (8.4%)",
    "tăng 120 tỷ đồng (12%)"); a change too. Not a bracket that goes on after the figure ("(12% of
    the year's plan)"). An amount or count after a rate may as well be the level the rate brought
    about ("grew 8.5% (VND 9,120 billion)"): it restates the change only when a word of the
    lexicon's ``restating_words`` opens the bracket ("(equivalent to VND 40 billion)", "(tương
    đương …)"), when it is approximate ("up 2.3% (about VND 415 billion)"), or when it is about the
    size the rate gives of a level stated before ("reached VND 6,200 billion, up 7.5% (VND 430
    billion)"), as near as the lexicon's ``rate_size_band`` (``band``) says."""
    changes = {f.end: f for f in figures if f.change is not None}
    if not changes:
        return figures
    # A rate's level is looked for among its sentence's figures alone: a pass over every figure
    # of the text for each amount after a rate made a long report of them quadratic.
    in_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        in_sentence.setdefault(f.sentence_start, []).append(f)
    out = []
    for figure in figures:
        change = None
        if figure.change is None and BRACKET_CLOSE.match(text, figure.end):
            at, restated = _before_bracket(text, figure, restating)
            before = changes.get(at)
            if before is not None and (before.kind == "percent") != (figure.kind == "percent") and (
                    figure.kind == "percent" or restated or figure.qualifier == "approx"
                    or (band is not None and _size_of_rate(in_sentence[before.sentence_start], before, figure,
                                                           band))):
                change = before.change
        out.append(figure.model_copy(update={"change": change}) if change else figure)
    return out


def _size_of_rate(sentence: list[Figure], rate: Figure, amount: Figure, band: Band) -> bool:
    """Whether ``amount`` is, within ``band``, the change ``rate`` gives of the last level before
    the rate in its sentence (``sentence``: the figures of the rate's sentence, in order), of the
    amount's kind and unit and no change itself."""
    levels = [f for f in sentence if f.end <= rate.start
              and f.kind == amount.kind and f.unit == amount.unit and f.change is None]
    if not levels or not levels[-1].value or not rate.value:
        return False
    return band.holds(amount.value / (rate.value / 100 * levels[-1].value))


def _before_bracket(text: str, figure: Figure, restating: re.Pattern[str] | None = None) -> tuple[int, bool]:
    """Where the text before the figure ends when only an opening bracket of its sentence (and
    spaces, and a restating word matched whole by ``restating``) stands between, -1 when
    something else does; and whether a restating word does."""
    opened = text.rfind("(", figure.sentence_start, figure.start)
    if opened < 0:
        return -1, False
    restated = False
    if text[opened + 1 : figure.start].strip():
        if restating is None or not restating.fullmatch(text, opened + 1, figure.start):
            return -1, False
        restated = True
    at = opened
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at, restated


# --- legal references -------------------------------------------------------------------


LEFT_CONTEXT = 60


def _issue_context(text: str, draft: LegalDraft, mention: DateMention) -> tuple[str, str] | None:
    """Which side of a reference a nearby date is on, and the text between them with both marked
    ("…issued @REF@ on @DATE@", "@DATE@, the Secretariat issued @REF@"); None when too far."""
    if draft.end <= mention.start <= draft.end + ISSUE_WINDOW:
        left = text[max(0, draft.start - LEFT_CONTEXT):draft.start]
        return "after", f"{left}@REF@{text[draft.end:mention.start]}@DATE@"
    if draft.start - ISSUE_WINDOW <= mention.end <= draft.start:
        return "before", f"@DATE@{text[mention.end:draft.start]}@REF@"
    return None


class Dated:
    """The day-precise date mentions of a document in text order (as assembled), found by
    where they start or end: a reference looks only at the dates near it."""

    def __init__(self, mentions: list[DateMention]) -> None:
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self.by_end = sorted(range(len(mentions)), key=lambda i: mentions[i].end)
        self.ends = [mentions[i].end for i in self.by_end]

    def starting(self, low: int, high: int) -> list[DateMention]:
        """The mentions that start in ``[low, high]``, in text order."""
        return self.mentions[bisect.bisect_left(self.starts, low) : bisect.bisect_right(self.starts, high)]

    def ending(self, low: int, high: int) -> list[DateMention]:
        """The mentions that end in ``[low, high]``, the last in text order first."""
        found = self.by_end[bisect.bisect_left(self.ends, low) : bisect.bisect_right(self.ends, high)]
        return [self.mentions[i] for i in sorted(found, reverse=True)]


def _issued(text: str, draft: LegalDraft, dated: Dated,
            cues: dict[str, tuple[re.Pattern[str], ...]]) -> dt.date | None:
    """The issue date of one reference: the nearest date after it, then before it, that the
    lexicon's issue-date cues tie to it. Only dates within ``ISSUE_WINDOW`` are looked at:
    ``_issue_context`` has nothing for the others."""
    after = dated.starting(draft.end, draft.end + ISSUE_WINDOW)
    before = dated.ending(draft.start - ISSUE_WINDOW, draft.start)
    for mention in after + before:
        found = _issue_context(text, draft, mention)
        if found and any(cue.search(found[1]) for cue in cues[found[0]]):
            return mention.value
    return None


def issue_dates(text: str, drafts: list[LegalDraft], mentions: list[DateMention],
                rules: RuleSet) -> dict[str, dt.date]:
    """The issue date of each reference id, from the date attached to any of its mentions."""
    dated = Dated([m for m in mentions if m.granularity == "day" and m.value is not None])
    cues = lexicon_regexes(rules).issued
    found: dict[str, dt.date] = {}
    for draft in drafts:
        ref_id = draft.fields["id"]
        if ref_id in found or draft.short:
            continue
        issued = _issued(text, draft, dated, cues)
        if issued:
            found[ref_id] = issued
    return found


def build_legal(text: str, drafts: list[LegalDraft], mentions: list[DateMention],
                sentences: Sentences, rules: RuleSet) -> list[LegalRef]:
    """LegalRef records; every mention of an id carries the id's issue date."""
    issued = issue_dates(text, drafts, mentions, rules)
    refs = []
    for draft in drafts:
        refs.append(validated(LegalRef, {
            **_span(text, draft.start, draft.end, sentences, draft.rule), **draft.fields,
            "issued": issued.get(draft.fields["id"]), "short_form": draft.short,
        }))
    return refs
