"""Issue 17: the stages that compared every record with every other now look records up by
offset or value. Each lookup must answer exactly what the pass it replaced answered; these
properties state the old pass (written out here) and check the lookup against it on generated
inputs. (Speed is bench/scaling.py's: no test here is timed.)"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluation import load_gold
from extractor.link.change import _nearest_first
from extractor.link.context import (
    Labelled,
    Offsets,
    Stops,
    Venues,
    _after_change,
    _dated,
    near_legal,
)
from extractor.link.observe import build_context
from extractor.link.when import _counted, anniversary
from extractor.nlp.assemble import Dated, Siblings, select
from extractor.nlp.drafts import FigureDraft, LegalDraft
from extractor.nlp.numbers import choose
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"
STOP = re.compile(r"[.!?](?:\s+|$)|\n")  # what link.why counted, one slice per observation
MARK = re.compile(r"[.!?]\s+")  # what link.observe scanned from a line's start
REVIEW = {"en": "years of implementing", "vi": "năm thực hiện"}
TEXTS = st.text(alphabet=".!? \n\tab", max_size=40)
SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=25)


def figure(readings: tuple[Decimal, ...], *, unit: str = "VND", multiplier: int = 1) -> FigureDraft:
    """A figure draft with the given readings (the first is the locale's)."""
    return FigureDraft(kind="money", start=0, end=1, rule="r", priority=0, number_text="1",
                       multiplier=Decimal(multiplier), unit=unit, readings=readings)


DECIMALS = st.decimals(min_value=Decimal("0"), max_value=Decimal("1e7"), places=3,
                       allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(siblings=st.lists(st.tuples(DECIMALS, st.sampled_from(["VND", "USD"]), st.sampled_from([1, 1000]))),
       written=st.integers(1, 9_999_999), integral=st.booleans())
def test_the_nearest_siblings_choose_as_all_siblings(siblings: list[tuple[Decimal, str, int]],
                                                      written: int, integral: bool) -> None:
    drafts = [figure((value,), unit=unit, multiplier=scale) for value, unit, scale in siblings]
    candidates = [Decimal(written) / 1000, Decimal(written)]  # "13.374": 13.374 or 13,374
    ambiguous = figure(tuple(candidates))
    every = [d.readings[0] for d in drafts if d.unit == "VND" and d.multiplier == 1]
    near = Siblings([*drafts, ambiguous]).near(ambiguous)
    assert choose("1.000", candidates, plausible_max=None, siblings=near, integral=integral) == \
        choose("1.000", candidates, plausible_max=None, siblings=every, integral=integral)


def pairwise_select(drafts: list[Any]) -> list[Any]:
    """The selection as first written: a draft is taken unless it overlaps one taken before."""
    taken: list[Any] = []
    for d in sorted(drafts, key=lambda d: (d.start - d.end, -d.priority, d.start)):
        if all(t.end <= d.start or d.end <= t.start for t in taken):
            taken.append(d)
    return sorted(taken, key=lambda d: d.start)


@settings(max_examples=300, deadline=None)
@given(spans=SPANS, priorities=st.lists(st.integers(0, 2), min_size=25, max_size=25))
def test_select_takes_what_the_pairwise_selection_took(spans: list[tuple[int, int]], priorities: list[int]) -> None:
    drafts = [LegalDraft(start=s, end=s + n, rule=str(i), priority=p, fields={})
              for i, ((s, n), p) in enumerate(zip(spans, priorities, strict=False))]
    assert [d.rule for d in select(drafts)] == [d.rule for d in pairwise_select(drafts)]


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_stops_count_what_a_slice_of_the_text_holds(text: str) -> None:
    stops = Stops(text, [i for i, ch in enumerate(text) if ch == "\n"])
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            assert stops.between(start, end) == len(STOP.findall(text, start, end)), (start, end)


@settings(max_examples=300, deadline=None)
@given(text=TEXTS)
def test_the_last_stop_ends_where_a_scan_from_the_start_ends(text: str) -> None:
    stops = Stops(text, [i for i, ch in enumerate(text) if ch == "\n"])
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            scanned = start
            for match in MARK.finditer(text, start, end):
                scanned = match.end()
            if "\n" not in text[start:end]:  # link.observe scans a line
                assert stops.last_end(start, end) == scanned, (start, end)


def hits(spans: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    return sorted((s, s + n, "w") for s, n in spans)


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=" \nab", min_size=60, max_size=70), venues=SPANS, places=SPANS)
def test_a_venue_beside_a_place_is_found_as_by_reading_every_gap(
        text: str, venues: list[tuple[int, int]], places: list[tuple[int, int]]) -> None:
    found = hits(venues)
    index = Venues(found)
    for start, n in places:
        place = SimpleNamespace(start=start, end=start + n)
        every = any((s >= place.end and not text[place.end:s].strip())
                    or (e <= place.start and not text[e:place.start].strip()) for s, e, _ in found)
        assert index.beside(text, place) == every  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=" \ntheTHEa", min_size=60, max_size=70), words=SPANS, dates=SPANS,
       changes=SPANS)
def test_comparison_words_are_kept_as_by_trying_every_date_and_change(
        text: str, words: list[tuple[int, int]], dates: list[tuple[int, int]], changes: list[tuple[int, int]]) -> None:
    found = hits(words)
    ex = SimpleNamespace(dates=[SimpleNamespace(start=s) for s, _ in dates],
                         figures=[SimpleNamespace(end=s + n, change="increase" if n % 2 else None) for s, n in changes])
    starts = [d.start for d in ex.dates]
    ends = {f.end for f in ex.figures if f.change is not None}
    gap = bundled().linker.date_gaps["en"]  # spaces and "the"
    assert _dated(ex, text, found, gap) == [  # type: ignore[arg-type]
        h for h in found if any(gap.fullmatch(text, h[1], s) for s in starts if s >= h[1])]
    assert _after_change(ex, text, found) == [  # type: ignore[arg-type]
        h for h in found if any(not text[end:h[0]].strip() for end in ends if end <= h[0])]


@settings(max_examples=300, deadline=None)
@given(starts=st.lists(st.integers(0, 40), max_size=30), at=st.integers(0, 40))
def test_changes_are_tried_nearest_first_as_by_sorting_the_line(starts: list[int], at: int) -> None:
    line = [SimpleNamespace(start=s, n=n) for n, s in enumerate(sorted(starts))]
    compared = Offsets([(change, (0, 0)) for change in line], key=lambda pair: pair[0].start)
    every = sorted((c for c in line if c.start != at), key=lambda c: abs(c.start - at))
    assert [c.n for c, _ in _nearest_first(compared, at)] == [c.n for c in every]  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(refs=st.lists(st.tuples(st.integers(0, 600), st.integers(1, 30), st.sampled_from([None, 1, 2]))),
       dates=st.lists(st.tuples(st.integers(0, 600), st.sampled_from([None, 1, 2]))))
def test_a_legal_documents_date_is_told_as_by_trying_every_reference(
        refs: list[tuple[int, int, int | None]], dates: list[tuple[int, int | None]]) -> None:
    records = [SimpleNamespace(start=s, end=s + n, issued=i) for s, n, i in refs]
    by_start, by_end = Offsets(records), Offsets(records, key=lambda r: r.end)
    for start, value in dates:
        d = SimpleNamespace(start=start, value=value)
        every = any(0 <= d.start - r.end <= 12 or (r.issued and r.issued == d.value and abs(d.start - r.start) < 200)
                    for r in records)
        assert near_legal(by_start, by_end, d) == every  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 20)), unique_by=lambda s: s[0]),
       refs=SPANS)
def test_dates_near_a_reference_are_found_as_by_trying_every_date(
        spans: list[tuple[int, int]], refs: list[tuple[int, int]]) -> None:
    mentions = [SimpleNamespace(start=s, end=s + n) for s, n in sorted(spans)]
    dated = Dated(mentions)  # type: ignore[arg-type]
    for start, n in refs:
        low, high = start * 5, start * 5 + n * 20
        assert dated.starting(low, high) == [m for m in mentions if low <= m.start <= high]
        assert dated.ending(low, high) == [m for m in reversed(mentions) if low <= m.end <= high]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_first_and_last_marks_are_those_marks_lists(lang: str) -> None:
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang)[:6])
    ex = extract_text(text, lang=lang, link=False)
    ctx = build_context(ex, bundled().linker)
    size = len(ex.document.text)
    for name in ctx.hits:
        for start in range(0, size, 389):
            for end in (start + 40, start + 400, size):
                marks = ctx.marks(name, start, end)
                assert ctx.first_mark(name, start, end) == (marks[0] if marks else None)
                assert ctx.last_mark(name, start, end) == (marks[-1] if marks else None)


@settings(max_examples=300, deadline=None)
@given(lists=st.lists(SPANS, min_size=1, max_size=3), windows=SPANS)
def test_the_institution_named_last_or_first_is_that_of_each_lists_last_or_first(
        lists: list[list[tuple[int, int]]], windows: list[tuple[int, int]]) -> None:
    """``link.scope`` took each list's last (first) mark in a window, then the greatest (least)
    (start, label) of those; ``Labelled`` reads one merged list."""
    marks = {f"l{i}": hits(spans) for i, spans in enumerate(lists)}
    named = Labelled((start, label, end) for label, found in marks.items() for start, end, _ in found)
    for low, n in windows:
        high = low + n * 8
        inside = {label: [h for h in found if low <= h[0] < high and h[1] <= high] for label, found in marks.items()}
        lasts = [(found[-1][0], label) for label, found in inside.items() if found]
        firsts = [(found[0][0], label) for label, found in inside.items() if found]
        assert named.last(low, high) == (max(lasts)[1] if lasts else None)
        assert named.first(low, high) == (min(firsts)[1] if firsts else None)


def reviewed_by_reading_back(ctx: Any, fig: Any) -> Any:
    """``link.when.anniversary`` as first written: every review mark before the figure, last first."""
    for start, end, _ in reversed(ctx.marks("anniversary", 0, fig.start)):
        if not _counted(ctx, start):
            continue
        _, line_end = ctx.line(start, end)
        for ref in ctx.refs.within(end, min(line_end, end + ctx.reach("anniversary"))):
            issued = ref.issued or ctx.issued.get(ref.id)
            if issued:
                return issued, ref.id
    return None


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_review_of_years_is_found_as_by_reading_back(lang: str) -> None:
    texts = [case.text() for case in load_gold(GOLD, language=lang)]
    reviewing = [t for t in texts if REVIEW[lang] in t]
    assert reviewing, "the gold has texts reviewing years of a document"
    ex = extract_text("\n\n".join(reviewing + texts[:4] + reviewing), lang=lang, link=False)
    ctx = build_context(ex, bundled().linker)
    found = [anniversary(ctx, fig) for fig in ctx.figures]
    assert found == [reviewed_by_reading_back(ctx, fig) for fig in ctx.figures]
    assert any(found)
