"""When a figure holds: ``as_of`` for a stock, a period for a flow, and the rule that found it.

From the dates of the figure's sentence part (or one opening its sentence) and their since/until
words; "since Directive 40" starts at the directive's issue date; "to now"/"currently" mean the
publication date; else the date that governs the text so far (the frame: previous observations
and "as of …" openings), else the publication date. Borrowed dates are flagged ``inferred``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from operator import itemgetter
from typing import NamedTuple, TypeVar

from extractor.link.context import (
    CLAUSE_BREAK,
    Context,
    CountedYears,
    Offsets,
    YearFrames,
    clause_span,
    piece,
    segment_span,
    sentence_span,
)
from extractor.link.rules import part_list
from extractor.models import DateMention, Figure, LegalRef
from extractor.nlp.dates import month_end
from extractor.registry.phrases import Hit

Spanned = TypeVar("Spanned", Figure, DateMention)  # a record with a start and an end
_LIST_MARKS = re.compile(r"[\s,;]*")  # what stands between a list's items besides a joining word

SPLIT_JOINS = part_list("split_joins")  # the words joining two items of one list ("và", "and")
# A window, in characters, to look for a joining word before a date and for the year's date before
# that word ("năm 2022 và …", "the year 2022 and …"): only spaces and a comma may stand between them
# (checked on the text), so the window only needs to hold a year's words; no language data.
JOIN_GAP = 16

# How far past the publication date a stated date still frames the report: an article of 26 June
# giving figures "tính đến hết tháng 6" reports that closing; a later date is a plan.
FRAME_AHEAD = dt.timedelta(days=31)
# Rule suffixes of a figure's date that is a point of history, which frames no later figure: a
# date glued to the figure ("0,43% năm 2014"), a start of a change to now ("Từ … năm 2003 với dư
# nợ 120 tỷ đồng, đến nay …").
HISTORY = ("+glued", "+then")
# What may stand between the words reporting a plan met (``plan_met``) and the plan word: a share
# of the plan, written alike in both languages ("đạt 97,6% kế hoạch"), which a ``plan_share`` word
# may join to the plan word ("exceeded 102% of the target of the year").
_SHARE = re.compile(r"\s*(?:\d[\d.,]*\s*%\s*)?")

class When(NamedTuple):
    """The date an observation holds at, or the period it covers, and how it was found."""

    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    inferred: bool = False
    rule: str = "none"
    anchor: DateMention | None = None  # the date mention it was read from (its own, or the frame's)


def opens_since(ctx: Context, d: DateMention) -> bool:
    """Whether the date opens a period running on from it: a ``since`` word right before it
    ("since 2003", "từ năm 2003"), or one a few words before the words of a founding that stand
    right before it ("since its inception in 2003", "kể từ khi được thành lập năm 2003",
    ``founded``). Read once per date start (``State.opens_since``): each figure it may date asks."""
    known = ctx.state.opens_since
    if d.start not in known:
        known[d.start] = _opens_since(ctx, d.start)
    return known[d.start]


def _opens_since(ctx: Context, start: int) -> bool:
    """``opens_since`` of the date starting at ``start``, read from the text."""
    if ctx.marker_before("since", start):
        return True
    founded = _founded_before(ctx, start)
    if founded is None:
        return False
    since = ctx.last_mark("since", max(0, founded[0] - ctx.reach("since")), founded[0] + 1)
    return since is not None and since[1] <= founded[0] and not CLAUSE_BREAK.search(ctx.text, since[1], founded[0])


def _founded_before(ctx: Context, pos: int) -> Hit | None:
    """The ``founded`` words ending right before ``pos``: only spaces, an opening bracket or a
    ``date_binders`` word ("in", "năm") between."""
    hit = ctx.last_mark("founded", max(0, pos - ctx.reach("since")), pos)
    if hit is None:
        return None
    gap = ctx.text[hit[1] : pos].strip(" (")
    if not gap or any(b[0] >= hit[1] and b[1] <= pos and not ctx.text[b[1] : pos].strip(" (")
                      for b in ctx.marks("date_binders", hit[1], pos)):
        return hit
    return None


def _start(d: DateMention) -> dt.date | None:
    """First day a mention covers."""
    return d.period_start or d.value


def _end(d: DateMention) -> dt.date | None:
    """Last day a mention covers (None for an open period such as "from 2025 to now")."""
    return d.value if d.value else d.period_end


def _bound_elsewhere(ctx: Context, d: DateMention, fig: Figure) -> bool:
    """A date glued to another figure ("0,43% năm 2014"): it dates that figure only, and the
    figure a pair binder joins to it right after the date ("disbursed VND 1,900 billion in 2023,
    benefiting 39,000 households": the amount's borrowers, of its year)."""
    s0, _ = sentence_span(ctx, fig)
    glued = any(other is not fig and _glued(ctx, other.end, d.start)
                for other in ctx.figure_ends.within(max(s0, d.start - 25), d.start + 1))
    return glued and not paired_after(ctx, d.end, fig)


def paired_after(ctx: Context, end: int, fig: Figure) -> bool:
    """Whether a pair binder (``pair_binders``: "benefiting", "with", "với") alone, after a comma
    at most, joins what ends at ``end`` to ``fig``."""
    return any(not ctx.text[end : b[0]].strip(" ,") and not ctx.text[b[1] : fig.start].strip()
               for b in ctx.marks("pair_binders", end, fig.start))


def glued_date_end(ctx: Context, end: int) -> int:
    """Where a date glued to what ends at ``end`` ends ("VND 1,900 billion in 2023", ``_glued``),
    else ``end``."""
    d = ctx.dates.first_within(end, end + JOIN_GAP)
    return d.end if d is not None and _glued(ctx, end, d.start) else end


def _glued(ctx: Context, end: int, start: int) -> bool:
    """Only spaces, or spaces around one binder word ("in", "năm"), between two offsets."""
    if not ctx.text[end:start].strip():
        return True
    return any(
        not ctx.text[end : b[0]].strip() and ctx.date_gap.fullmatch(ctx.text, b[1], start)
        for b in ctx.marks("date_binders", end, start)
    )


def met_plan(ctx: Context, start: int) -> bool:
    """Whether the plan word at ``start`` follows words reporting the plan met ("hoàn thành 104%
    kế hoạch", "exceeding the target of the year", ``plan_met``): it names the plan a figure was
    measured against, not a goal the figure states."""
    return any(joins_plan(ctx, end, start)
               for _, end, _ in ctx.marks("plan_met", max(0, start - ctx.reach("plan_met")), start))


def in_name(ctx: Context, start: int, end: int) -> bool:
    """Whether the plan word at ``[start, end)`` is part of a programme's name ("Chương trình mục
    tiêu quốc gia …", ``plan_name``): it names the programme, not a goal."""
    reach = ctx.reach("plan_name")
    return any(s <= start and end <= e for s, e, _ in ctx.marks("plan_name", max(0, start - reach), end + reach))


def plan_words(ctx: Context, start: int, end: int) -> list[Hit]:
    """The plan words of ``target`` inside ``[start, end)`` that set a goal: not part of a legal
    reference's name ("Kế hoạch số 45/KH-UBND") or a programme's (``in_name``), nor naming a
    plan met ("vượt kế hoạch")."""
    return [hit for hit in ctx.marks("target", start, end)
            if not ctx.refs.within(hit[0], hit[0] + len(hit[2]) + 7) and not met_plan(ctx, hit[0])
            and not in_name(ctx, hit[0], hit[1])]


# What may stand between a goal verb and its figure: a few words ("khoảng", "more than"), no
# punctuation and no number.
_VERB_GAP = re.compile(r"(?:\s+[^\W\d_]+){0,3}\s*")


def goal_verb(ctx: Context, fig: Figure, s0: int) -> Hit | None:
    """The goal verb (``goal_verbs``: "sẽ đạt", "will reach") of the sentence from ``s0`` right
    before ``fig``: it may run into the figure's span, which may take the verb in ("sẽ đạt" before
    "đạt 7.300 tỷ đồng")."""
    hit = ctx.last_mark("goal_verbs", s0, fig.end)
    if hit is None or hit[0] >= fig.start:
        return None
    return hit if hit[1] >= fig.start or _VERB_GAP.fullmatch(ctx.text, hit[1], fig.start) else None


def sets_goal(ctx: Context, start: int, end: int, *, words_before: int | None = None) -> bool:
    """Whether ``[start, end)`` states a goal: a plan word with a figure after it, or a figure
    right after a goal verb (the plan word or verb starting before ``words_before`` if given)."""
    before = end if words_before is None else words_before
    return (any(ctx.figures.within(hit[1], end) for hit in plan_words(ctx, start, before))
            or any((hit := goal_verb(ctx, fig, start)) is not None and hit[0] < before
                   for fig in ctx.figures.within(start, end)))


def joins_plan(ctx: Context, end: int, start: int) -> bool:
    """Whether ``[end, start)`` holds only spaces, or a share of the plan (``_SHARE``) with perhaps
    a ``plan_share`` word and spaces after it ("104% of "): what joins a plan met, or the share
    itself, to its plan word."""
    share = _SHARE.match(ctx.text, end, start)
    assert share is not None, "every part is optional"
    after = share.end()
    if after == start:
        return True
    return "%" in ctx.text[end:after] and any(
        word[0] == after and ctx.text[word[1] : start].isspace()
        for word in ctx.marks("plan_share", after, start))


def _names_met_plan(ctx: Context, d: DateMention, fig: Figure) -> bool:
    """A date right after a plan met ("sớm hoàn thành kế hoạch năm 2025"), or closing the name of
    a plan (``_plan_horizon``): the plan's year, which dates no figure of the sentence."""
    plan = ctx.marker_before("target", d.start)
    return (plan is not None and met_plan(ctx, plan[0])) or _plan_horizon(ctx, d, fig)


def _plan_horizon(ctx: Context, d: DateMention, fig: Figure) -> bool:
    """A date closing the name of a plan (``plan_horizon`` words before it in its clause, nothing
    but words between): the horizon the plan is named by, when the plan is reported met
    ("exceeding the targets of the plan to 2030", ``plan_met`` words right before), or named
    after a figure that no goal words before it make a goal ("…, contributing to the bank's
    strategy to 2030"): the figure is a level reached, not the plan's."""
    c0, _ = piece(d.start, ctx.stops.around(d.start, d.end), ctx.breaks.clause)
    lo = max(c0, d.start - ctx.reach("plan_horizon"))
    for start, end, _ in reversed(ctx.marks("plan_horizon", lo, d.start)):
        if ctx.figures.within(end, d.start) or ctx.dates.within(end, d.start):
            return False
        if met_plan(ctx, start) or (start >= fig.end and _horizon_ahead(ctx, d) and not _a_goal(ctx, fig)):
            return True
    return False


def _horizon_ahead(ctx: Context, d: DateMention) -> bool:
    """Whether a date names a horizon still ahead of the report: a year after the publication's
    (a plan's year that has come, "the targets for 2024", is the year a figure was measured in)."""
    last = _end(d)
    return ctx.published is not None and last is not None and last.year > ctx.published.year


def _a_goal(ctx: Context, fig: Figure) -> bool:
    """Whether words of its sentence make the figure a goal: a plan word before it
    (``plan_words``), a goal verb right before it (``goal_verb``), or a word of a projection
    anywhere in the sentence ("projected at", "dự kiến", ``projection``)."""
    s0, s1 = sentence_span(ctx, fig)
    return (bool(plan_words(ctx, s0, fig.start)) or goal_verb(ctx, fig, s0) is not None
            or bool(ctx.marks("projection", s0, s1)))


def _in_comparison(ctx: Context, d: DateMention, fig: Figure) -> bool:
    """A date after "compared to" in its clause is a baseline; not after a comparison that names
    its own ("rose 7.8% year-on-year to VND 11.2 trillion as of September 30": ``same_period_before``)."""
    sentence = sentence_span(ctx, fig)
    key = (d.start, *sentence)
    found = ctx.state.in_comparison.get(key)
    if found is None:
        c0, c1 = piece(d.start, sentence, ctx.breaks.clause)
        found = ctx.state.in_comparison[key] = any(
            m[1] <= d.start and not _names_own_baseline(ctx, m, d.start) for m in ctx.marks("comparison", c0, c1))
    return found


def _names_own_baseline(ctx: Context, mark: Hit, stop: int) -> bool:
    """Whether a comparison is, or runs straight on into, words naming its own baseline
    (``same_period_before``: "year-on-year", "so với cùng kỳ năm trước") before ``stop``."""
    own = ctx.first_mark("same_period_before", mark[0], stop)
    return own is not None and (own[0] < mark[1] or not ctx.text[mark[1] : own[0]].strip())


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
        and not _names_met_plan(ctx, d, fig)
    ]


def _opening_date(ctx: Context, fig: Figure) -> DateMention | None:
    """A date that opens the sentence ("Đến ngày 30.9, …; trong đó …") governs all its parts."""
    s0, _ = sentence_span(ctx, fig)
    g0, _ = segment_span(ctx, fig)
    opening = ctx.dates.within(s0, min(g0, s0 + ctx.reach("date_opener")))
    if not opening:
        return None
    free = ctx.free_dates.within(s0, min(g0, s0 + ctx.reach("date_opener")))
    # The first date of the window, unless it is a legal document's date.
    return opening[0] if opening and free and opening[0] is free[0] else None


def _first_after(ctx: Context, dates: list[DateMention], fig: Figure) -> DateMention | None:
    """The nearest date after the figure, unless words of a goal stand between them ("Tổng dư nợ
    đạt 6.400 tỷ đồng, dự kiến đến cuối năm sẽ đạt 6.800 tỷ đồng"): that date is the goal's."""
    for d in dates:
        if d.start >= fig.end:
            return None if sets_goal(ctx, fig.end, segment_span(ctx, fig)[1], words_before=d.start) else d
    return None


def since_legal(ctx: Context, fig: Figure) -> tuple[dt.date, str] | None:
    """ "Since the implementation of Directive 40-CT/TW": the directive's issue date."""
    s0, _ = sentence_span(ctx, fig)
    for ref in reversed(ctx.refs.within(s0, fig.start)):
        issued = ref.issued or ctx.issued.get(ref.id)
        if issued and ctx.marker_before("since", ref.start):
            return issued, ref.id
    return _since_cited(ctx, fig, s0)


def _since_cited(ctx: Context, fig: Figure, s0: int) -> tuple[dt.date, str] | None:
    """ "Từ khi thực hiện Chỉ thị, …": the latest document of that kind cited before the figure."""
    if ctx.first_mark("since", s0, fig.start) is None:
        return None  # no "since" before the figure in its sentence: no cited word can follow one
    for kind in ctx.linker.scope.cited_document:
        for start, _, _ in ctx.marks(f"cited:{kind}", s0, fig.start):
            # "từ khi thực hiện Chỉ thị", "since implementing the Directive": a few words between.
            # A set's marks do not overlap, so the last "since" before the word ends last.
            since = ctx.last_mark("since", s0, start)
            if since is None or start - since[1] > ctx.reach("since"):
                continue
            ref = _dated_refs(ctx, kind).last_before(start)
            if ref is not None:
                return ref.issued or ctx.issued[ref.id], ref.id
    return None


def _dated_refs(ctx: Context, kind: str) -> Offsets[LegalRef]:
    """The document's references of ``kind`` whose issue date is known, found once per kind."""
    found = ctx.state.dated_refs.get(kind)
    if found is None:
        found = ctx.state.dated_refs[kind] = Offsets(
            r for r in ctx.refs if r.kind == kind and (r.issued or ctx.issued.get(r.id)))
    return found


def anniversary(ctx: Context, fig: Figure) -> tuple[dt.date, str] | None:
    """A text reviewing N years of a dated document ("Qua 15 năm triển khai Chỉ thị số
    40-CT/TW, ngày 22/11/2014", "reviewed ten years of implementing Directive No. 40-CT/TW"),
    stated before the figure: that document's issue date, where its flows without a period start.
    The last such review that ends before the figure (a set's marks do not overlap, so the last
    to start ends last)."""
    reviews = _reviews(ctx)
    index = bisect.bisect_left(reviews.keys, fig.start) - 1
    if index >= 0 and reviews.items[index][1] > fig.start:
        index -= 1  # the review the figure stands in
    return reviews.items[index][2] if index >= 0 else None


def _review_ahead(ctx: Context, fig: Figure) -> tuple[dt.date, str] | None:
    """The document's first review of N years of a dated document, for a flow before it that
    nothing dates (no date governs the text yet): a headline, lead or photo caption ("Hơn 141
    nghìn hộ … thoát nghèo") sums up the results the review reports."""
    reviews = _reviews(ctx)
    if ctx.state.frame.as_of is not None or not reviews.items or reviews.keys[0] < fig.start:
        return None
    return reviews.items[0][2]


def _reviews(ctx: Context) -> Offsets[tuple[int, int, tuple[dt.date, str]]]:
    """Each review of N years of a dated document in the text, with that document's issue date
    and id, found once (``anniversary`` asks per figure)."""
    found = ctx.state.reviews
    if found is None:
        found = ctx.state.reviews = Offsets(
            [(start, end, dated) for start, end, _ in ctx.hits["anniversary"]
             if (dated := _reviewed(ctx, start, end)) is not None], key=itemgetter(0))
    return found


def _reviewed(ctx: Context, start: int, end: int) -> tuple[dt.date, str] | None:
    """The issue date and id of the document a review phrase ``[start, end)`` names, when a
    number stands before the phrase and the document is dated."""
    if not _counted(ctx, start):
        return None
    _, line_end = ctx.line(start, end)
    for ref in ctx.refs.within(end, min(line_end, end + ctx.reach("anniversary"))):
        issued = ref.issued or ctx.issued.get(ref.id)
        if issued:
            return issued, ref.id
    return None


def _counted(ctx: Context, pos: int) -> bool:
    """Whether a number ("20", "ten", "hơn 20") stands right before ``pos``."""
    return _count_before(ctx, pos) is not None


def _count_before(ctx: Context, pos: int) -> tuple[int, int] | None:
    """The number right before ``pos``, in digits or a number word ("20", "ten"), also joined to
    the words by a hyphen ("a 15-year review"): its offset and its value."""
    before = ctx.text[max(0, pos - ctx.reach("count")) : pos]
    words = before.split()
    if not words:
        return None
    word = words[-1].rstrip("-")
    if not word:
        return None
    value = int(word) if word.isdecimal() else ctx.linker.number_words.get(word.lower())
    return None if value is None else (pos - len(before) + before.rindex(word), value)


def stated_span(ctx: Context, fig: Figure, measure: str) -> When | None:
    """A span the text states without a figure of its own, up to the figure's sentence and after
    the date that governs the text so far: the year a report reviews ("đánh giá kết quả hoạt động
    năm 2018"), or for a flow a count of years up to the report's date ("Trong 5 năm qua")."""
    _, s1 = sentence_span(ctx, fig)
    frame = ctx.state.frame.anchor
    after = frame.start if frame is not None else -1
    year = _reviewed_year(ctx, after, s1)
    years = _counted_years(ctx, fig, after, s1) if measure == "flow" else None
    if years is not None and (year is None or years[0] > year[0]):
        return _years_back(ctx, fig, years[1], years[2], approx=years[3])
    if year is not None:
        d, phrase = year[1], year[2]
        return _shape(measure, _start(d), _end(d), True, f"reviewed:{phrase}")._replace(anchor=d)
    return None


def _reviewed_year(ctx: Context, after: int, before: int) -> tuple[int, DateMention, str] | None:
    """The last date in ``(after, before)`` that a ``reviewed`` phrase stands right before ("kết
    quả hoạt động năm 2018"), with its offset and the phrase. Not a year ending more than a
    year before the report's date so far: a meeting reviews the year just closed, so an older
    one after the figures of a later year is a slip of the pen or a mention of history.

    Only the phrases with such a date after them are read back (``_reviewed_dates``, once per
    document): a text with no date set before its figures asks from its start, for each figure."""
    hits, starts = ctx.hits["reviewed"], ctx.hit_starts["reviewed"]
    dated, dates = _reviewed_dates(ctx)
    first, last = bisect.bisect_left(starts, after + 1), bisect.bisect_left(starts, before)
    for index in reversed(dated[bisect.bisect_left(dated, first) : bisect.bisect_left(dated, last)]):
        _, end, phrase = hits[index]
        if end > before:
            continue
        for d in dates[index]:
            if d.start < before and not _stale_review(ctx, d):
                return d.start, d, phrase
    return None


def _reviewed_dates(ctx: Context) -> tuple[list[int], dict[int, list[DateMention]]]:
    """The ``reviewed`` phrases (by place in the text's list) with a date right after them that
    the phrase stands right before (starting within ``reaches: reviewed_date`` of its end), and
    those dates, read once."""
    found = ctx.state.reviewed_dates
    if found is None:
        dates: dict[int, list[DateMention]] = {}
        reach = ctx.reach("reviewed_date")
        for index, (_, end, _) in enumerate(ctx.hits["reviewed"]):
            after = [d for d in ctx.free_dates.within(end, end + reach) if ctx.marker_before("reviewed", d.start)]
            if after:
                dates[index] = after
        found = ctx.state.reviewed_dates = (sorted(dates), dates)
    return found


def _stale_review(ctx: Context, d: DateMention) -> bool:
    """Whether a reviewed year ends more than a year before the year of the report's date so far
    (the frame): "tổng kết năm 2021" in a story that has just given the figures of 2024."""
    now = ctx.state.frame.as_of
    last = _end(d)
    return now is not None and last is not None and last.year < now.year - 1


def _past_years(ctx: Context, after: int, before: int) -> CountedYears | None:
    """The last count of years up to the report's date in ``(after, before)``: a number right
    before a ``past_years`` phrase ("15 năm qua", "12 years of operation"); before a phrase of one
    word (the unit, "years") only with a ``past_years_lead`` right before the number ("over the
    past five years"): alone, it also counts ages and loan terms. Its offset, the number of years,
    the phrase, and whether the count is only approximate (``past_years_approx`` right before the
    number: "nearly 17 years", "hơn 20 năm")."""
    return _last_read(ctx, "past_years", after, before, _years_counted)


def _years_counted(ctx: Context, hit: Hit) -> CountedYears | None:
    """What ``_past_years`` reads of one ``past_years`` phrase, if it counts years."""
    start, _, phrase = hit
    count = _count_before(ctx, start)
    if count is not None and (" " in phrase or ctx.marker_before("past_years_lead", count[0])):
        return start, count[1], phrase, ctx.marker_before("past_years_approx", count[0]) is not None
    return None


def _last_read(ctx: Context, name: str, after: int, before: int,
               read: Callable[[Context, Hit], CountedYears | None]) -> CountedYears | None:
    """What ``read`` makes of the last marker of ``name`` in ``(after, before)`` (as ``ctx.marks``
    finds them) that it makes something of. ``read`` looks at the marker alone, so each marker
    is read once per document and the last that gave something found by bisection: a text with
    no date set before its figures asks from its start, for each figure."""
    kept = ctx.state.read_markers.get(name)
    if kept is None:
        readings = {i: found for i, hit in enumerate(ctx.hits[name]) if (found := read(ctx, hit)) is not None}
        kept = ctx.state.read_markers[name] = (sorted(readings), readings)
    places, readings = kept
    starts, hits = ctx.hit_starts[name], ctx.hits[name]
    first, last = bisect.bisect_left(starts, after + 1), bisect.bisect_left(starts, before)
    for index in reversed(places[bisect.bisect_left(places, first) : bisect.bisect_left(places, last)]):
        if hits[index][1] <= before:
            return readings[index]
    return None


def _counted_years(ctx: Context, fig: Figure, after: int, before: int) -> CountedYears | None:
    """The last count of years up to the report's date before a flow: "over the past N years"
    (``_past_years``) or a review of N years of an undated document (``_review_years``), the
    latter only in the figure's paragraph: a headline's review yields to a span the paragraph states."""
    line0 = ctx.line(fig.start, fig.end)[0]
    counts = [found for found in (_past_years(ctx, after, before), _review_years(ctx, max(after, line0 - 1), before))
              if found is not None]
    return max(counts) if counts else None


def _review_years(ctx: Context, after: int, before: int) -> CountedYears | None:
    """The last review of N years of a document the text does not date in ``(after, before)``
    ("Qua 7 năm thực hiện Nghị quyết 12, …", "After seven years of implementing Resolution 12"
    with no issue date): a count of years up to the report's date, as ``_past_years`` reads one;
    a dated document gives its own day instead (``anniversary``)."""
    return _last_read(ctx, "anniversary", after, before, _undated_review)


def _undated_review(ctx: Context, hit: Hit) -> CountedYears | None:
    """What ``_review_years`` reads of one ``anniversary`` phrase, if it reviews N years of a
    document the text does not date."""
    start, end, phrase = hit
    count = _count_before(ctx, start)
    if count is not None and _reviewed(ctx, start, end) is None:
        return start, count[1], phrase, ctx.marker_before("past_years_approx", count[0]) is not None
    return None


def lifetime_date(ctx: Context) -> dt.date | None:
    """For a text with no date at all: the latest day its exact count of the bank's past years
    could mean ("over the last 16 years" in a sentence naming the bank: the founding year plus
    16, and one more for a branch opened a year later), when that lies before the merger; it
    decides only the figures' boundaries. A shorter count (``lifetime_count_least``) is a plan's
    or a term's, an approximate one ("more than 16 years") or one beyond the merger dates nothing.
    Read once per document: every undated figure asks it."""
    if ctx.state.lifetime is None:
        ctx.state.lifetime = (_lifetime_date(ctx),)
    return ctx.state.lifetime[0]


def _lifetime_date(ctx: Context) -> dt.date | None:
    """``lifetime_date`` read from the text."""
    founded, merger = ctx.linker.bank_founded, ctx.linker.gazetteer.merger_date
    for start, _, phrase in ctx.marks("past_years", 0, len(ctx.text)):
        count = _count_before(ctx, start)
        if (count is None or count[1] < ctx.linker.lifetime_count_least
                or ctx.marker_before("past_years_approx", count[0])
                or not (" " in phrase or ctx.marker_before("past_years_lead", count[0]))):
            continue
        s0, s1 = ctx.stops.around(start, start)
        if ctx.marks("bank", s0, s1):
            near = dt.date(founded.year + count[1] + 1, founded.month, founded.day)
            return near if near < merger else None
    return None


def _years_back(ctx: Context, fig: Figure, years: int, phrase: str, *, approx: bool = False) -> When:
    """A flow over the ``years`` up to the report's date: from the first day of the year the count
    names, counting the report's own year as the last of them (GUIDELINES: 5 years in 2025 start in
    2021, whether the report is dated June or December; 8 years to May 2024 start in 2017),
    inferred: the text gives the span, not its days. Two edges count the years closed by the
    report's date instead: a report of January looks back on the years just ended (5 years to
    8 January 2025 start in 2020), and a single year is the twelve months before the date, not
    the report's year so far (1 year to July 2025 starts in 2024). A count naming a year before
    the bank's founding year, or an approximate count ("nearly 17 years"), gives no start: the
    year it would name is a guess. A count of the bank's own years of work (``past_years_life``)
    naming the year after its first full year of lending starts in that first year."""
    end, how = _open_end(ctx, fig)
    rule = f"past_years:{phrase}+{how}"
    if end is None:
        return When(inferred=True, rule=rule)
    closed = (end + dt.timedelta(days=1)).year - years  # first of the whole years ended by the date
    first = closed if years == 1 or end.month == 1 else end.year - years + 1
    if approx or years < 1 or first < ctx.linker.bank_founded.year:
        # "Over the past 30 years": more years than the bank's, whose flows it cannot date; a
        # count of none ("after 0 years") would start after the report's date.
        return When(end=end, inferred=True, rule=rule)
    opened = ctx.linker.bank_founded.year + 1  # its first full year of lending
    if first == opened + 1 and phrase.lower() in ctx.linker.past_years_life:
        # "15 years of operation" in 2018: the bank's years, counted from its first full year.
        first = opened
    return When(start=dt.date(first, 1, 1), end=end, inferred=True, rule=rule)


def _open_end(ctx: Context, fig: Figure) -> tuple[dt.date | None, str]:
    """Where an open period ("since …") ends: the report's date stated earlier (the frame), else
    the publication date (also for another article's headline, which the report does not date)."""
    if ctx.state.frame.as_of is not None and not ctx.headline_line(fig.start):
        return ctx.state.frame.as_of, "frame"
    return ctx.published, "published"


def _flow_when(ctx: Context, dates: list[DateMention], anchor: DateMention, fig: Figure, *,
               alone: bool = False) -> When:
    """A period for a flow from the sentence's dates and their since/until words (``alone``: the
    anchor's own period, no year joined before it: one item of a "respectively" list)."""
    if opens_since(ctx, anchor):
        s0, s1 = sentence_span(ctx, fig)
        later = [d for d in ctx.dates.within(max(anchor.end + 1, s0), s1) if ctx.marker_before("until", d.start)]
        if later:
            return When(start=_start(anchor), end=_end(later[0]), rule="sentence:from-to")
        end, how = _open_end(ctx, fig)
        return When(start=_start(anchor), end=end, rule=f"sentence:since+{how}")
    if anchor.period_start and not ctx.marker_before("until", anchor.start):
        if anchor.period_end:
            year_before = None if alone else joined_year_before(ctx, anchor)
            if year_before is not None:
                return When(start=year_before, end=anchor.period_end, rule="sentence:year-and-period")
            return When(start=anchor.period_start, end=anchor.period_end, rule="sentence:period")
        end, how = _open_end(ctx, fig)
        return When(start=anchor.period_start, end=end, rule=f"sentence:open+{how}")
    earlier = [d for d in dates if d.end <= anchor.start and opens_since(ctx, d)]
    legal = since_legal(ctx, fig)
    start = _start(earlier[-1]) if earlier else (legal[0] if legal else None)
    if start is None and start_edge(anchor) and not ctx.marker_before("until", anchor.start):
        if anchor.granularity == "month" and anchor.value is not None:
            # "Đầu tháng 6/2025, chi nhánh đã giải ngân …": early in that month, within it.
            first = anchor.value
            return When(start=first, end=month_end(first.year, first.month), rule="sentence:month-start")
        # "Đầu năm 2025, chi nhánh đã giải ngân …": a period that opens at that edge.
        end, how = _open_end(ctx, fig)
        return When(start=anchor.value, end=end, rule=f"sentence:open+{how}")
    end = _end(anchor) or _open_end(ctx, fig)[0]
    lifetime = _lifetime_start(ctx, fig, end) if start is None and end is not None else None
    if lifetime is not None:
        # A paragraph comparing with one of the bank's first years reviews its life, and a text
        # reviewing N years of a dated document its years: not the report's year so far.
        return When(start=lifetime, end=end, rule="sentence:end+lifetime")
    if start is None and end is not None and year_edge(anchor):
        # "By the end of 2018, lending turnover reached …": the year up to that edge.
        return When(start=dt.date(end.year, 1, 1), end=end, rule="sentence:year-to-date")
    if start is None and end is not None and _year_so_far(ctx, fig, end, anchor):
        return When(start=dt.date(end.year, 1, 1), end=end, rule="sentence:end+year-so-far")
    return When(start=start, end=end, rule="sentence:until" if start else "sentence:end")


def _lifetime_start(ctx: Context, fig: Figure, end: dt.date) -> dt.date | None:
    """Where a flow dated only by a report's day starts when the text reviews more than that
    year: one of the bank's first years that its paragraph compares anything with
    (``_compared_with_first_years``), else the issue date of the document whose N years the text
    reviews before it (``anniversary``)."""
    compared = _compared_with_first_years(ctx, fig, end)
    if compared is not None:
        return compared
    reviewed = anniversary(ctx, fig)
    return reviewed[0] if reviewed is not None and reviewed[0].year < end.year else None


def _compared_with_first_years(ctx: Context, fig: Figure, end: dt.date) -> dt.date | None:
    """The first day of a year a comparison word in the figure's paragraph stands before (any
    figure's), when that is one of the bank's first years (``first_years.width`` from its
    founding: "gấp 4 lần so với năm 2002", "up fivefold on 2003") and lies at least
    ``first_years.least_gap`` years before the report's day: the paragraph reviews the bank's
    life, and a flow there that states no start of its own runs from that year, not over the
    report's year. A nearer year is an ordinary year-on-year comparison."""
    line0, line1 = ctx.line(fig.start, fig.end)
    for d in _compared_dates(ctx, _first_year).within(line0, line1):
        if d.period_start is not None and end.year - d.period_start.year >= ctx.linker.first_years_least_gap:
            return d.period_start
    return None


def _first_year(ctx: Context, d: DateMention) -> bool:
    """Whether a date is a whole year among the bank's first (``first_years.width`` from its founding)."""
    founded = ctx.linker.bank_founded.year
    return (d.granularity == "year" and d.period_start is not None
            and founded <= d.period_start.year < founded + ctx.linker.first_years_width)


def joined_year_before(ctx: Context, anchor: DateMention) -> dt.date | None:
    """The first day of a whole year joined right before a period that opens the next year ("năm
    2022 và 7 tháng đầu năm 2023", "in 2022 and the first seven months of 2023"; one of
    ``split_joins`` of rules/parts.yaml alone between them): a flow of that period runs over both,
    from that day. None otherwise."""
    if anchor.period_start is None or (anchor.period_start.month, anchor.period_start.day) != (1, 1):
        return None
    joins = [hit for hit in ctx.marks(SPLIT_JOINS, max(0, anchor.start - JOIN_GAP), anchor.start)
             if not ctx.text[hit[1] : anchor.start].strip(" ,")]
    if not joins:
        return None
    before = ctx.dates.within(max(0, joins[-1][0] - JOIN_GAP), joins[-1][0])
    d = before[-1] if before else None
    if (d is None or d.granularity != "year" or d.period_start is None or ctx.text[d.end : joins[-1][0]].strip()
            or d.period_end != anchor.period_start - dt.timedelta(days=1)):
        return None
    return d.period_start


def _year_so_far(ctx: Context, fig: Figure, end: dt.date, anchor: DateMention | None = None) -> bool:
    """Whether the text, before the figure, frames its report as the year so far up to ``end``:
    a stock compared with that year's start ("so với đầu năm", "compared to the beginning of the
    year") in the figure's paragraph or the one before it; or a report's lead on the year so far
    (``year_so_far_lead``: "những tháng đầu năm 2025", "the first months of 2025", "từ đầu năm
    2025"; or a period from that year's first day ending at ``end``, "the first four months of
    2025" for "As of April 30") there or in the text's opening paragraph. A flow dated only at
    that day then runs from the year's first day, not from a start the text does not give;
    unless its sentence counts over more than that year (``_over_years``). A bare start of the
    year ("Đầu năm 2025, gia đình chị … được vay") is one event's date, no frame."""
    first = dt.date(end.year, 1, 1)
    if end == first or _over_years(ctx, fig, end):
        return False
    if _against_same_period(ctx, fig) and (
            anchor is None or anchor.granularity != "day" or ctx.marker_before("until", anchor.start)):
        return True  # not a day with no until word, an event's ("Ngày 12/10, … giải ngân …")
    near = _previous_paragraph(ctx, fig.start)
    opening = _opening_end(ctx)
    starts = ctx.dates.keys
    end_at = bisect.bisect_left(starts, fig.start)
    # The dates before the figure, but those too far back: from the opening paragraph's end to the
    # paragraph before the figure's (another part of the report).
    far_from = far_to = end_at
    if opening < near:
        far_from, far_to = bisect.bisect_left(starts, opening), bisect.bisect_left(starts, near)
    read = ((0, min(far_from, end_at)), (far_to, end_at))
    # Only the dates that could frame the year, sorted once per document by what frames it
    # (``_year_frames``), and found in those places by bisection: a long text asks this of every
    # flow, and one with no paragraphs has none to pass over.
    frames, slack = _year_frames(ctx, first), ctx.linker.year_so_far_slack_days
    near_at = bisect.bisect_left(starts, near)
    if any(_any_within(frames.leads, lo, hi) or _any_within(frames.compared, max(lo, near_at), hi)
           for lo, hi in read):
        return True  # "từ đầu năm 2025" anywhere read; "so với đầu năm" from the paragraph before
    for last, places in frames.spans.items():
        if abs((last - end).days) <= slack and any(_any_within(places, lo, hi) for lo, hi in read):
            return True  # "the first four months of 2025" for "As of April 30"
    return _start_compared_later(ctx, fig, first)


def _year_dates(ctx: Context, first: dt.date) -> list[int]:
    """The places, in the text's list of dates (in order), of the dates whose value is the year's
    ``first`` day or the day before, or whose period starts on it: the dates ``_year_so_far``
    may find a frame in (indexed by day once per document)."""
    by_day = ctx.state.dates_by_day
    if by_day is None:
        by_day = ctx.state.dates_by_day = {}
        for i, d in enumerate(ctx.dates.items):
            for day in {day for day in (d.value, d.period_start) if day is not None}:
                by_day.setdefault(day, []).append(i)
    return sorted({*by_day.get(first, ()), *by_day.get(first - dt.timedelta(days=1), ())})


def _year_frames(ctx: Context, first: dt.date) -> YearFrames:
    """The dates of the year of ``first`` that may frame a report as the year so far, read once
    per document and year (``_year_so_far`` then asks only whether one stands where it reads):
    the year's start a ``year_so_far_lead`` or a since word leads, the year's start or the day
    before it that a comparison word stands before ("so với cuối năm 2024" in a report of 2025),
    and the periods from the year's first day, by their last day. A date right after another
    (``reaches: year_so_far_joined``) is none: "in 2024 and the first quarter of 2025" is a span
    opening a year before."""
    frames = ctx.state.year_frames.get(first)
    if frames is not None:
        return frames
    frames = ctx.state.year_frames[first] = YearFrames([], [], {})
    dates, joined = ctx.dates.items, ctx.reach("year_so_far_joined")
    eve = first - dt.timedelta(days=1)
    for i in _year_dates(ctx, first):
        d = dates[i]
        if i and d.start - dates[i - 1].end <= joined:
            continue
        if d.value == first and start_edge(d) and d.granularity == "year":
            if year_so_far_lead(ctx, d):
                frames.leads.append(i)
            if _compared_with(ctx, d):
                frames.compared.append(i)
            continue  # the start of the year itself, no period of it
        if d.value == eve and year_edge(d) and d.granularity == "year" and _compared_with(ctx, d):
            frames.compared.append(i)
        if d.period_start == first and d.period_end is not None:
            frames.spans.setdefault(d.period_end, []).append(i)
    return frames


def _any_within(places: list[int], lo: int, hi: int) -> bool:
    """Whether the sorted ``places`` hold one in ``[lo, hi)``."""
    i = bisect.bisect_left(places, lo)
    return i < len(places) and places[i] < hi


def _start_compared_later(ctx: Context, fig: Figure, first: dt.date) -> bool:
    """Whether the figure's paragraph, after it, sets a level against the start of the same year
    ("At May 31 the office had disbursed …. Deposits came to …, up … on January 1"; "…, tăng …
    so với đầu năm"): the paragraph reports the year so far, its flows too."""
    _, line1 = ctx.line(fig.start, fig.end)
    starts = _compared_dates(ctx, _year_start)
    return any(d.value == first for d in starts.within(fig.end, line1))


def _year_start(ctx: Context, d: DateMention) -> bool:
    """Whether a date is the start of a year ("đầu năm", "the beginning of the year")."""
    return start_edge(d) and d.granularity == "year"


def _compared_dates(ctx: Context, named: Callable[[Context, DateMention], bool]) -> Offsets[DateMention]:
    """The text's dates ``named`` accepts right after a comparison word, found once per predicate
    (cached by its name, so only module-level named predicates): a figure asks only about those
    of its paragraph, by bisection."""
    found = ctx.state.compared_dates.get(named.__name__)
    if found is None:
        found = ctx.state.compared_dates[named.__name__] = Offsets(
            d for d in ctx.dates if named(ctx, d) and _compared_with(ctx, d))
    return found


def _against_same_period(ctx: Context, fig: Figure) -> bool:
    """Whether the flow is set against the same period a year before right after it, in its
    sentence part ("doanh số cho vay đạt …, tăng 4% so với cùng kỳ năm trước", "up 6% over the
    same period last year"; ``same_period_before``, with at most the change's figure between): a
    period of this year set against last year's, which runs from the year's first day."""
    _, g1 = segment_span(ctx, fig)
    hit = ctx.first_mark("same_period_before", fig.end, g1)
    return hit is not None and len(ctx.figures.within(fig.end, hit[0])) <= 1


def year_so_far_lead(ctx: Context, d: DateMention) -> bool:
    """Whether a start of a year is the lead of a report on the year so far: ``year_so_far_lead``
    words right before it or inside it ("những tháng đầu năm 2025", "the first months of 2025"),
    or a since word ("từ đầu năm 2025")."""
    return bool(ctx.marker_before("year_so_far_lead", d.start) or ctx.marks("year_so_far_lead", d.start, d.end)
                or opens_since(ctx, d))


def _compared_with(ctx: Context, d: DateMention) -> bool:
    """Whether a comparison word stands right before the date ("so với đầu năm")."""
    return bool(ctx.marker_before("comparison", d.start) or ctx.marker_before("comparison_dated", d.start))


def _over_years(ctx: Context, fig: Figure, end: dt.date) -> bool:
    """Whether the figure's sentence counts over more than the year of ``end``: cumulative or
    multi-year words (``over_years``: "lũy kế", "giai đoạn", "over the years", "since" not right
    before a date of that year), or a period or a since date opening before that year ("giai đoạn
    2021-2025", "kể từ năm 2015")."""
    s0, s1 = sentence_span(ctx, fig)
    for d in ctx.dates.within(s0, s1):
        opened = d.period_start or d.value
        if opened is not None and opened.year < end.year and (
                opens_since(ctx, d) or (d.period_end is not None and d.period_end.year >= end.year)):
            return True
    for hit in ctx.marks("over_years", s0, s1):
        after = ctx.dates.within(hit[1], s1)
        dated = after and ctx.marker_before("over_years", after[0].start) == hit
        if not (dated and (after[0].value or after[0].period_start or end).year == end.year):
            return True
    return False


def _previous_paragraph(ctx: Context, pos: int) -> int:
    """Where the paragraph before the one holding ``pos`` starts (a paragraph is a line that is
    not blank); its own start when it is the first."""
    start, _ = ctx.line(pos, pos)
    back = start - 1
    while back > 0:
        line0, _ = ctx.line(back - 1, back - 1)
        if ctx.text[line0:back].strip():
            return line0
        back = line0 - 1
    return start


def _opening_end(ctx: Context) -> int:
    """Where the text's opening ends: its title and the first paragraph after it."""
    pos = ctx.title[1]
    while pos < len(ctx.text):
        line0, line1 = ctx.line(pos, pos)
        if ctx.text[line0:line1].strip():
            return line1
        pos = line1 + 1
    return pos


# Granularities of a period's edge named as a point ("the end of 2018", "đầu năm 2025").
EDGES = ("year", "half", "quarter", "month")


def year_edge(d: DateMention) -> bool:
    """The end of a year, half, quarter or month named as a point ("the end of 2018", "hết tháng
    6"; "30/9" is not, nor a start, "đầu năm 2025", on a month's first day): a report's date,
    whose flows run from the start of its year."""
    return d.value is not None and d.granularity in EDGES and (d.value + dt.timedelta(days=1)).day == 1


def start_edge(d: DateMention) -> bool:
    """The start of a year, half, quarter or month named as a point ("đầu năm 2025", "early
    2021"): where a period opens, never its end."""
    return d.value is not None and d.granularity in EDGES and d.value.day == 1


def _stock_when(ctx: Context, anchor: DateMention, fig: Figure) -> When:
    """``as_of`` for a stock: the day named, or the end of the period named."""
    if anchor.value and not opens_since(ctx, anchor) and not _lead_edge(ctx, anchor):
        # The year so far, remembered for flows that state no period of their own.
        start = dt.date(anchor.value.year, 1, 1) if year_edge(anchor) else None
        return When(as_of=anchor.value, start=start, rule="sentence:as_of")
    if anchor.period_end and not opens_since(ctx, anchor):
        # "5 tháng đầu năm, tổng nguồn vốn đạt …": the period, remembered for the flows after it.
        return When(as_of=anchor.period_end, start=anchor.period_start, rule="sentence:period_end")
    end, how = _open_end(ctx, fig)
    return When(as_of=end, rule=f"sentence:to_now+{how}")


def _lead_edge(ctx: Context, anchor: DateMention) -> bool:
    """Whether the date is a year's start that leads a report on the year so far ("Những tháng
    đầu năm 2025, tổng dư nợ đạt …", "In the first months of 2025, outstanding loans reached …"):
    a stock there holds at the report's date, not on 1 January."""
    return start_edge(anchor) and anchor.granularity == "year" and year_so_far_lead(ctx, anchor)


def _fallback_when(ctx: Context, fig: Figure, measure: str) -> When:
    """No date in the sentence: "since Directive …", "currently", the frame, the publication."""
    legal = since_legal(ctx, fig)
    if legal and measure == "flow":
        end, how = _open_end(ctx, fig)
        return When(start=legal[0], end=end, rule=f"since:{legal[1]}+{how}")
    reviewed = (anniversary(ctx, fig) or _review_ahead(ctx, fig)
                if measure == "flow" and ctx.state.frame.start is None else None)
    if reviewed:
        end, how = _open_end(ctx, fig)
        # Inferred: a review's span frames no later figure (a stated "Đến hết tháng 8/2025" does).
        return When(start=reviewed[0], end=end, inferred=True, rule=f"anniversary:{reviewed[1]}+{how}")
    s0, _ = sentence_span(ctx, fig)
    present = ctx.marks("present", s0, fig.start)
    if present and ctx.published:
        return _shape(measure, None, ctx.published, False, f"present:{present[-1][2]}")
    if measure == "stock" and (now_words := _present_not_to_now(ctx, present)) and not _day_given(ctx, fig):
        # "The province currently has 120 transaction points" in a text that states no date of
        # its own: today is unknown, and neither the text's frame nor a date stated later is when
        # it holds. (A to-now word, "up to now", reaches the report's date the text last gave; so
        # does the present after a report's day in its paragraph: ``_day_given``.)
        return When(rule=f"present:{now_words[-1][2]}+undated")
    g0, _ = segment_span(ctx, fig)
    now = ctx.marks("to_now", g0, fig.start) if measure == "stock" else []
    if now and ctx.published:
        # "Đến nay, tổng nguồn vốn đạt …" with no date of its own: a level at publication, not
        # at the date the text last stated (which may be a point of its history). Inferred: the
        # text names no day, so the report's date for the figures after it stays.
        return When(as_of=ctx.published, inferred=True, rule=f"to_now:{now[-1][2]}+published")
    relative = _relative_year(ctx, fig, measure)
    if relative is not None:
        return relative
    founding = ctx.marks("since_founding", s0, fig.start) if measure == "flow" else []
    if founding:
        # "Lũy kế từ khi thành lập, … đã cho vay …": from a founding the text does not date, not
        # over the period that governs the text.
        end, how = _open_end(ctx, fig)
        return When(end=end, inferred=True, rule=f"since_founding:{founding[-1][2]}+{how}")
    stated = stated_span(ctx, fig, measure)
    if stated is not None:
        return stated
    frame = ctx.state.frame
    framed = frame.as_of or frame.end
    carried = _paragraph_date(ctx, fig)
    if carried is not None and (frame.anchor is None or frame.anchor.start < ctx.line(fig.start, fig.end)[0]
                                or (frame.anchor is carried and frame.end not in (None, framed))) and (
            framed is None or (_end(carried) or framed) >= framed):
        # Only over a frame from another paragraph, or one whose period is older than its day.
        # Never back before the frame's date: an earlier day later in the text is often a point
        # of history ("Before the merger, as of …, the old provinces …").
        when = _flow_when(ctx, [carried], carried, fig) if measure == "flow" else _stock_when(ctx, carried, fig)
        when = _up_to_publication(ctx, when, carried)
        return when._replace(inferred=True, rule=f"paragraph:{when.rule}", anchor=carried)
    if framed and _compared_since(ctx, fig, framed):
        # "…, up VND 220 billion on the end of 2024" under a frame of 2024: the figure is later
        # than the frame; it holds at a day the text does not give (the publication's, if known).
        return _shape(measure, None, ctx.published, True, "published") if ctx.published else When(rule="after-baseline")
    if measure == "flow" and frame.end:
        start = frame.start
        if (start is None or frame.start_guessed) and (frame.anchor is None or frame.anchor.value is not None):
            # A frame at a report's day ("By the end of March 2019") only guesses the year so far;
            # a paragraph set against the bank's first years, or a review of N years of a dated
            # document, says the flows run since then. A start the frame states stands.
            start = _lifetime_start(ctx, fig, frame.end) or start
        if start is None and _year_so_far(ctx, fig, frame.end):
            start = dt.date(frame.end.year, 1, 1)
        return When(start=start, end=frame.end, inferred=True, rule="frame", anchor=frame.anchor)
    if (measure == "flow" and frame.start and not framed
            and ctx.first_mark("one_year", *sentence_span(ctx, fig)) is None):
        # The open period of an undated text (``update_frame``): its start, no end; not for a
        # flow whose sentence names one year of its own ("this year", "trong năm": one_year).
        return When(start=frame.start, inferred=True, rule="frame:open")
    if framed:
        start = dt.date(framed.year, 1, 1) if measure == "flow" and _year_so_far(ctx, fig, framed) else None
        return _shape(measure, start, framed, True, "frame")._replace(anchor=frame.anchor)
    later = _stated_later(ctx, fig) if measure == "stock" and ctx.published is None else None
    if later is not None:
        return When(as_of=_end(later), inferred=True, rule="stated-later", anchor=later)
    if ctx.published:
        return _shape(measure, None, ctx.published, True, "published")
    return When()


def _present_not_to_now(ctx: Context, present: list[Hit]) -> list[Hit]:
    """The words of the present that are no part of a to-now phrase ("now" in "up to now")."""
    reach = ctx.reach("to_now")
    return [hit for hit in present if not any(t0 <= hit[0] and hit[1] <= t1
                                              for t0, t1, _ in ctx.marks("to_now", hit[0] - reach, hit[1]))]


def _paragraph_date(ctx: Context, fig: Figure) -> DateMention | None:
    """The report's date stated last before the figure in its own paragraph ("As of May 31, 2024,
    total capital reached …. Outstanding loans were …"; "Năm 2023, …; trong đó …"), which governs
    it over a date carried from an earlier paragraph or over one that only moves forward: not a
    baseline, a since date, a founding's year, a goal's or a plan's date, a date following a figure
    in its clause, nor a date a present or to-now word after it has left behind."""
    if ctx.headline_line(fig.start):
        return None
    found = _reporting_dates_before(ctx, fig)
    if not found:
        return None
    # A present or to-now word after the last such date leaves it behind, and any later date with it.
    d = found[-1]
    return None if ctx.marks("to_now", d.end, fig.start) or ctx.marks("present", d.end, fig.start) else d


def _reporting_dates_before(ctx: Context, fig: Figure) -> list[DateMention]:
    """The report's dates (``_reporting_date``) before the figure in its paragraph."""
    line0, line1 = ctx.line(fig.start, fig.end)
    if line0 not in ctx.state.reporting_dates:  # read once per line, not once per figure
        ctx.state.reporting_dates[line0] = Offsets(d for d in ctx.free_dates.within(line0, line1)
                                                   if _reporting_date(ctx, d))
    return ctx.state.reporting_dates[line0].within(line0, fig.start)


def _day_given(ctx: Context, fig: Figure) -> bool:
    """Whether the figure's paragraph has given a report's day before it ("As of May 31, 2024,
    total capital reached …. Loans now stand at …", "Đến ngày 31/5/2024, …. Hiện có …"): the
    present there is that day, not an unknown today; a period ("In 2023, …") names no day."""
    return not ctx.headline_line(fig.start) and any(d.value is not None for d in _reporting_dates_before(ctx, fig))


def _reporting_date(ctx: Context, d: DateMention) -> bool:
    """Whether a date may date the figures after it that state none: it names a day or a closed
    period, no baseline ("compared to 2024"), no since date, no founding ("established in 1995",
    with or without a publication date), no goal's date (a plan word or goal verb in its sentence
    before the first figure after it), nor a day past the publication; a day after an "until"
    word ("as of", "tính đến"; not an event's day, "Ngày 15/10, …") or a period opening its
    clause ("In 2023, …", "Năm 2023, …")."""
    last = _end(d)
    if last is None or (ctx.published is not None and last > ctx.published + FRAME_AHEAD
                        and not _running_span(ctx, d)):
        return False
    if _a_baseline(ctx, d) or ctx.marker_before("comparison_dated", d.start) or opens_since(ctx, d):
        return False
    s0, s1 = ctx.stops.around(d.start, d.end)
    if ctx.marks("founding", s0, s1) or _founded_before(ctx, d.start) is not None:
        return False
    c0, _ = piece(d.start, (s0, s1), ctx.breaks.clause)
    if ctx.figures.within(c0, d.start) or ctx.marker_before("target", d.start):
        # "from 0.5% in 2014", "up 12% on the same period of 2024": the date of the figure before
        # it in its clause; "100% of the plan for 2025": a plan's year.
        return False
    if d.value and ctx.marker_before("until", d.start):
        pass  # "as of <day>", "tính đến <day>"
    elif d.granularity == "day" or d.start - c0 > ctx.reach("date_opener"):
        # A day with no until word is an event's ("On October 8, a delegation visited …"), not
        # the report's; a period counts only opening its clause ("In 2023, …", not "tasks for 2024").
        return False
    after = ctx.figures.within(d.end, s1)
    return not sets_goal(ctx, s0, s1, words_before=after[0].start if after else s1)


def _running_span(ctx: Context, d: DateMention) -> bool:
    """Whether a span of years was still running at the publication ("Giai đoạn 2016-2020" in a
    text of 2019) and its sentence states no goal (a plan word or goal verb: "phấn đấu", "aims
    to"): what it reports ran from its start up to the publication; a plan's span reports nothing."""
    if (d.period_start is None or d.period_end is None or ctx.published is None
            or not d.period_start.year < ctx.published.year or not d.period_start <= ctx.published < d.period_end):
        return False
    s0, s1 = ctx.stops.around(d.start, d.end)
    return not plan_words(ctx, s0, s1) and ctx.first_mark("goal_verbs", s0, s1) is None


def _up_to_publication(ctx: Context, when: When, d: DateMention) -> When:
    """A date from a span still running at the publication ends there, not at the span's end
    (the rule says so: ``+published``)."""
    if not _running_span(ctx, d):
        return when
    if when.as_of is not None:
        return when._replace(as_of=ctx.published, start=None, rule=f"{when.rule}+published")
    return when._replace(end=ctx.published, rule=f"{when.rule}+published")


def _relative_year(ctx: Context, fig: Figure, measure: str) -> When | None:
    """A year named from the publication date in the figure's sentence part, outside a comparison
    ("Last year, the branch lent …", "Năm nay, …"; ``last_year``, ``this_year``): the year before
    the publication's, or the publication's own up to that day. The gold lists no date mention
    for these words (GUIDELINES), so the linker reads them, not the date rules."""
    if ctx.published is None:
        return None
    g0, g1 = segment_span(ctx, fig)
    for name, back in (("last_year", 1), ("this_year", 0)):
        for start, stop, phrase in ctx.marks(name, g0, g1):
            if (not _baseline_at(ctx, fig, start) and not _another_year(ctx, start, stop)
                    and _named_before(ctx, (start, stop, phrase)) is None):
                year = ctx.published.year - back
                # This year's goal is the whole year's ("Năm nay, … phấn đấu giải ngân …").
                whole = back or ctx.marks("target", *sentence_span(ctx, fig))
                end = dt.date(year, 12, 31) if whole else ctx.published
                return _shape(measure, dt.date(year, 1, 1), end, False, f"{name}:{phrase}")
    return None


def _another_year(ctx: Context, start: int, end: int) -> bool:
    """Whether the relative-year words at ``[start, end)`` belong to words naming another time:
    a longer phrase (``not_last_year``: the same period a year earlier, the year before a named
    one, earlier years) or a count of years before them ("10 năm trước": ten years ago)."""
    if _counted(ctx, start):
        return True
    # Such a phrase holds the words and a word on either side of them (``reaches.count``): read
    # only there, a line of many of them costs no more.
    line0, line1 = ctx.line(start, end)
    lo, hi = max(line0, start - ctx.reach("count")), min(line1, end + ctx.reach("count"))
    # A longer ``year_before`` phrase holding them ("năm trước đó") counts from another year too.
    longer = [(s, e) for s, e, _ in ctx.marks("year_before", lo, hi) if e - s > end - start]
    return any(s <= start and end <= e for s, e in [*(hit[:2] for hit in ctx.marks("not_last_year", lo, hi)), *longer])


def _year_before(ctx: Context, fig: Figure, measure: str, anchor: DateMention | None) -> When | None:
    """A year named from the report's ("In 2023, … lent …, while in the previous year it
    disbursed …", "The year before, …"; ``year_before``, and ``year_before_named`` after a year
    its paragraph names): the whole year before the one the figure's sentence dates (``anchor``),
    else before the one the paragraph names last (``year_before_named``), else before the one
    that governs the text, else before the publication's. A point of history: it moves no frame (``HISTORY``)."""
    found = _year_before_words(ctx, fig, anchor)
    if found is None:
        return None
    counted_from = anchor or _named_before(ctx, found)
    base = (_end(counted_from) if counted_from else None) or ctx.state.frame.as_of or ctx.published
    if base is None:
        return None
    year = base.year - 1
    return _shape(measure, dt.date(year, 1, 1), dt.date(year, 12, 31), False, f"year_before:{found[2]}+then")


def _year_before_words(ctx: Context, fig: Figure, anchor: DateMention | None) -> Hit | None:
    """The ``year_before`` words that date the figure: in its sentence part before it (after
    the date its sentence states before it, which they count back from), or after it in its
    clause ("… lent VND 1,320 billion the previous year"); not a comparison's baseline ("up 5%
    on the previous year")."""
    if anchor is not None and anchor.start >= fig.end:
        return None  # its own date follows it ("… to VND 5,000 billion in 2024")
    g0, _ = segment_span(ctx, fig)
    _, c1 = clause_span(ctx, fig)
    start = anchor.end if anchor is not None and anchor.end <= fig.start else g0
    words = sorted([*ctx.marks("year_before", max(g0, start), c1),
                    *(hit for hit in ctx.marks("year_before_named", max(g0, start), c1)
                      if _named_before(ctx, hit) is not None)])
    return next((hit for hit in words
                 if not _baseline_at(ctx, fig, hit[0]) and not _another_year(ctx, hit[0], hit[1])
                 and _nothing_between(ctx, fig, hit, c1)), None)


# How many dates back ``_named_before`` looks past comparisons' baselines for the year reported.
NAMED_YEAR_LOOKBACK = 3


def _named_before(ctx: Context, hit: Hit) -> DateMention | None:
    """For ``year_before_named`` words ("Năm trước, …"), the year their paragraph names last
    before them, which they count back from ("Năm 2021, … Năm trước, …": 2020); with none, or
    for other words, or a year after the publication's, None (the words then name the year
    before the publication's). A bisect and a few dates: a long paragraph is not read."""
    if not any(named[:2] == hit[:2] for named in ctx.marks("year_before_named", hit[0], hit[1])):
        return None
    line0, _ = ctx.line(hit[0], hit[1])
    dates = ctx.free_dates
    index = bisect.bisect_left(dates.keys, hit[0]) - 1
    # A comparison's baseline ("tăng … so với năm 2020") is passed over for the year reported,
    # a few dates back at most: a paragraph of many dates costs no more.
    for d in dates.items[max(0, index + 1 - NAMED_YEAR_LOOKBACK) : index + 1][::-1]:
        if d.start < line0:
            return None
        if (d.end <= hit[0] and not d.year_inferred and not _compared_date(ctx, d, line0)
                and not ctx.marker_before("since", d.start)):  # "từ năm 2019 đến nay": runs to now
            year = _end(d)
            # A year after the publication's is a goal's ("phấn đấu đến năm 2030"), no report's.
            ok = year is not None and (ctx.published is None or year.year <= ctx.published.year)
            return d if ok else None
    return None


def _compared_date(ctx: Context, d: DateMention, line0: int) -> bool:
    """Whether a comparison word stands right before the date in its clause ("so với năm 2020",
    "so với cùng kỳ năm 2018"): a baseline, not a year the text reports."""
    mark = ctx.last_mark("comparison", max(line0, d.start - ctx.reach("date_opener")), d.start)
    return mark is not None and not CLAUSE_BREAK.search(ctx.text, mark[1], d.start)


def _nothing_between(ctx: Context, fig: Figure, hit: Hit, clause_end: int) -> bool:
    """Whether the words reach the figure: after it, with no other figure or date between ("VND
    1,480 billion against VND 1,310 billion the previous year" dates only the second) and none
    after them in the clause, which they would open ("… cho vay 380 tỷ đồng và năm trước cho vay
    325 tỷ đồng" dates only the second); before it, with no other date or word of the present
    between (they may open a sentence of several figures: "Năm trước, … cho vay 325 tỷ đồng và
    thu nợ 120 tỷ đồng", not one going on to now)."""
    if hit[0] >= fig.end:
        return not (ctx.figures.within(fig.end, hit[0]) or ctx.dates.within(fig.end, hit[0])
                    or ctx.figures.within(hit[1], clause_end))
    # Nor past words of the present ("… and now serves 12,000 households": today's).
    return not (ctx.dates.within(hit[1], fig.start) or ctx.marks("present", hit[1], fig.start))


def _baseline_at(ctx: Context, fig: Figure, pos: int) -> bool:
    """Whether words at ``pos`` name a comparison's baseline: after a comparison word of their
    clause ("up 5% compared with last year"), or right after a word that compares only before a
    date ("up 5% over last year"), or in a clause that states a change."""
    c0, c1 = piece(pos, sentence_span(ctx, fig), ctx.breaks.clause)
    if any(f.start in ctx.changes for f in ctx.figures.within(c0, c1)):
        return True  # "…, up 8% on last year", "cao hơn năm ngoái 500 tỷ đồng": a change's baseline
    return any(m[1] <= pos for m in ctx.marks("comparison", c0, c1)) or any(
        not ctx.text[m[1] : pos].strip() for m in ctx.marks("comparison_dated", c0, pos))


def _compared_since(ctx: Context, fig: Figure, day: dt.date) -> bool:
    """Whether the figure's sentence compares it with a date no earlier than ``day`` ("tăng 220
    tỷ đồng so với cuối năm 2024" under a frame at the end of 2024): the figure is of a later day."""
    s0, s1 = sentence_span(ctx, fig)
    if not any(f.start in ctx.changes for f in ctx.figures.within(s0, s1)):
        return False  # no change measured from a date: "over 2003-2014" is a span, no baseline
    # A baseline written without its year ("so với đầu năm") has the publication's as a guess;
    # one after the publication is a plan's ("hoàn thành 98% so với kế hoạch năm 2025"), no
    # baseline.
    published = ctx.published
    return any((end := _end(d)) is not None and end >= day and not d.year_inferred
               and (published is None or end <= published)
               and not ctx.marker_before("target", d.start)
               and _in_comparison(ctx, d, fig) for d in ctx.free_dates.within(s0, s1))


def _stated_later(ctx: Context, fig: Figure) -> DateMention | None:
    """The report's date stated later in the figure's paragraph ("… maintained 381 transaction
    points …. By the end of July 2025, …", "… up to September 2024"), for a stock whose sentence
    names no date but comparisons' baselines (not even a cited document's) and that nothing
    before it dates, in a text without a publication date: the first date after an "until" word
    ("by", "as of", "tính đến"); a period ("Trong năm 2020, …") reports its own flows."""
    s0, s1 = sentence_span(ctx, fig)
    if any(not _in_comparison(ctx, d, fig) for d in ctx.dates.within(s0, s1)):
        return None
    _, line_end = ctx.line(fig.start, fig.end)
    return _until_dates(ctx).first_within(s1, line_end)


def _until_dates(ctx: Context) -> Offsets[DateMention]:
    """The free dates with an end that an "until" word stands right before and no comparison
    makes a baseline (``_stated_later``'s candidates), read once per document: each undated stock
    asks for the first after its sentence on its line, and a text on one line has no other."""
    found = ctx.state.until_dates
    if found is None:
        found = ctx.state.until_dates = Offsets(
            d for d in ctx.free_dates
            if _end(d) is not None and ctx.marker_before("until", d.start) and not _a_baseline(ctx, d))
    return found


def _a_baseline(ctx: Context, d: DateMention) -> bool:
    """Whether a comparison word stands before ``d`` in its own clause ("… up VND 2 million
    compared to the end of last year"): the day a change is measured from, not a report's date
    ("to" before it is no "until")."""
    c0, _ = piece(d.start, ctx.stops.around(d.start, d.end), ctx.breaks.clause)
    return ctx.last_mark("comparison", c0, d.start) is not None


def plan_year(ctx: Context, fig: Figure, measure: str) -> When | None:
    """The date of a goal that states none, from the sentence before its own when that sentence
    sets a plan for a year (a plan word in it, ``plan_words``: "Năm 2026, chi nhánh đặt mục tiêu
    …. Bên cạnh đó, chi nhánh phấn đấu tăng trưởng 10%"): the last such year, within
    ``plan_year`` characters of the goal's sentence, inferred. A year already over at the
    publication is no plan's year to come: its plan is reported on, and a goal after it looks
    ahead of it ("Năm 2024, chi nhánh được giao kế hoạch …" read in 2026)."""
    s0, _ = sentence_span(ctx, fig)
    for d in reversed(ctx.free_dates.within(max(0, s0 - ctx.reach("plan_year")), s0)):
        if d.period_start is None or d.period_end is None or ctx.stops.between(d.end, s0) > 1:
            continue
        if ctx.published is not None and d.period_end < ctx.published:
            return None
        d0, d1 = ctx.stops.around(d.start, d.end)
        if plan_words(ctx, d0, d1):
            return _shape(measure, d.period_start, d.period_end, True, "plan-year")._replace(anchor=d)
        return None
    return None


def _shape(measure: str, start: dt.date | None, end: dt.date | None, inferred: bool, rule: str) -> When:
    """A date as ``as_of`` for a stock, or as the end of a period for a flow."""
    if measure == "flow":
        return When(start=start, end=end, inferred=inferred, rule=rule)
    return When(as_of=end, inferred=inferred, rule=rule)


def measure_of(ctx: Context, fig: Figure, code: str) -> str:
    """Stock or flow: a stock whose additions are observations (``added_is_flow``) read as an
    amount "added" is a flow (an amount added to another stock is a change of it:
    ``change.added_to_stock``), unless a level verb stands between the word and a figure dated
    at a point ("capital allocated … stood at … at March 31": the stock so far)."""
    rule = ctx.linker.lexicon.indicators[code]
    if rule.measure != "stock" or not rule.added_is_flow:
        return rule.measure
    c0, _ = clause_span(ctx, fig)
    flow = ctx.last_mark("flow", c0, fig.start)
    if flow is None:
        return rule.measure
    if ctx.first_mark("level_verbs", flow[1], fig.start) is not None and dated_at_a_point(ctx, fig):
        return rule.measure
    return "flow"


def _anchor(ctx: Context, fig: Figure, dates: list[DateMention], respective: DateMention | None) -> DateMention | None:
    """The date of ``dates`` (the figure's candidates) that dates it: the one a "respectively"
    list gives it (``respective``, ``respective_date``'s answer), else the nearest before the
    figure, else one that opens the sentence, else the nearest after."""
    if respective is not None:
        return respective
    before = [d for d in dates if d.end <= fig.start]
    return before[-1] if before else _opening_date(ctx, fig) or _first_after(ctx, dates, fig)


def respective_date(ctx: Context, fig: Figure) -> DateMention | None:
    """The date a "respectively" list gives the figure: the i-th of a run of dates for the i-th of
    a run of figures of its kind, in one sentence ("Outstanding loans in 2023 and 2024 were VND
    5,000 billion and VND 5,600 billion respectively", "Dư nợ năm 2023 và 2024 lần lượt đạt …").
    The marker follows the figures or stands between the dates and them, or follows the dates
    after the figures ("lent X and Y in 2023 and 2024 respectively"); the items of each run are
    joined by commas or one ``split_joins`` word. None when the runs differ in length (each figure
    is then dated as any other)."""
    figures = respective_run(ctx, fig)
    if not figures:
        return None  # most sentences: no marker, one bisect
    s0, s1 = sentence_span(ctx, fig)
    first, last = figures[0], figures[-1]
    # Only near the run: a sentence with no punctuation may be a page long, read per figure.
    reach = ctx.reach("respective_list")
    lo, hi = max(s0, first.start - reach), min(s1, last.end + 2 * reach)
    marks = ctx.marks("respectively", lo, hi)
    dates: list[DateMention] = []
    before, after = ctx.free_dates.within(lo, first.start), ctx.free_dates.within(last.end, hi)
    if before:  # "in 2023 and 2024 were X and Y respectively", "năm 2023 và 2024 lần lượt đạt X và Y"
        run = _joined_run(ctx, before, before[-1])
        if any(run[-1].end <= m[0] and (m[1] <= first.start or list_joined(ctx, last.end, m[0])) for m in marks):
            dates = run
    if not dates and after:  # "lent X and Y in 2023 and 2024 respectively"
        run = _joined_run(ctx, after, after[0])
        if any(run[-1].end <= m[0] and list_joined(ctx, run[-1].end, m[0]) for m in marks):
            dates = run
    if len(dates) != len(figures):
        return None
    return dates[next(i for i, f in enumerate(figures) if f is fig)]


def respective_run(ctx: Context, fig: Figure) -> list[Figure]:
    """The run of figures of its kind (two at least) the figure is an item of, in a sentence with a
    "respectively" marker, or none: items joined by commas or one ``split_joins`` word."""
    s0, s1 = sentence_span(ctx, fig)
    if not ctx.starts_in("respectively", s0, s1):
        return []  # most sentences: one bisect
    # From the figure out to its neighbours, while they are of its kind and joined to it: a
    # figure of another kind between two of this kind parts them (its words are no join), and
    # the sentence, a whole page when it has no punctuation, is not listed for each figure.
    figures, keys = ctx.figures.items, ctx.figures.keys
    i = bisect.bisect_left(keys, fig.start)
    while i < len(figures) and figures[i] is not fig:
        i += 1
    if i == len(figures):
        return []
    lo, hi = i, i
    while (lo > 0 and figures[lo - 1].start >= s0 and figures[lo - 1].kind == fig.kind
           and list_joined(ctx, figures[lo - 1].end, figures[lo].start)):
        lo -= 1
    while (hi + 1 < len(figures) and figures[hi + 1].start < s1 and figures[hi + 1].kind == fig.kind
           and list_joined(ctx, figures[hi].end, figures[hi + 1].start)):
        hi += 1
    return figures[lo : hi + 1] if hi > lo else []


def _joined_run(ctx: Context, items: list[Spanned], item: Spanned) -> list[Spanned]:
    """The items (in text order, ``item`` among them) next to ``item`` that nothing but a join
    (``list_joined``) separates from their neighbours, ``item`` included."""
    i = next(n for n, x in enumerate(items) if x is item)
    lo, hi = i, i
    while lo > 0 and list_joined(ctx, items[lo - 1].end, items[lo].start):
        lo -= 1
    while hi + 1 < len(items) and list_joined(ctx, items[hi].end, items[hi + 1].start):
        hi += 1
    return items[lo : hi + 1]


def respective_index(ctx: Context, run: list[Figure], fig: Figure, spans: list[tuple[int, int]]) -> int | None:
    """The index in ``spans`` (each a start and an end, in text order) of the figure's item when a
    "respectively" run of figures reads them item by item: the run of spans ending with the last,
    each joined to the next (``list_joined``), as long as ``run``; None when the lengths differ."""
    first = len(spans) - 1
    while first > 0 and spans[first - 1][1] <= spans[first][0] and list_joined(
            ctx, spans[first - 1][1], spans[first][0]):
        first -= 1
    if not spans or len(spans) - first != len(run):
        return None
    return first + next(i for i, f in enumerate(run) if f is fig)


def list_joined(ctx: Context, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds nothing but spaces, commas, semicolons and at most one
    ``split_joins`` word ("2023 and 2024", "5.000 tỷ đồng, 5.600 tỷ đồng")."""
    words = ctx.marks(SPLIT_JOINS, start, end)
    if len(words) > 1:
        return False
    cut = words[0] if words else (end, end)
    return _LIST_MARKS.fullmatch(ctx.text, start, cut[0]) is not None and (
        _LIST_MARKS.fullmatch(ctx.text, cut[1], end) is not None)


def dated_at_a_point(ctx: Context, fig: Figure) -> bool:
    """Whether the figure's sentence dates it at a point, not over a period: a day or a period's
    edge ("June 30, 2024", "the end of 2023"), or a date after "as of"/"by" ("as of May"),
    with no "since" opening a period."""
    dates = candidate_dates(ctx, fig)
    anchor = _anchor(ctx, fig, dates, respective_date(ctx, fig))
    if anchor is None or any(opens_since(ctx, d) for d in dates):
        return False
    return anchor.value is not None or ctx.marker_before("until", anchor.start) is not None


def when_of(ctx: Context, fig: Figure, measure: str) -> When:
    """The figure's date or period and the rule that found it."""
    respective = respective_date(ctx, fig)
    dates = [respective] if respective is not None else candidate_dates(ctx, fig)
    anchor = _anchor(ctx, fig, dates, respective)
    if measure == "stock" and respective is None and anchor is not None and anchor.value is None:
        anchor = _day_bound_after(ctx, fig, dates) or anchor
    own = _own_period_after(ctx, fig, dates, anchor) if measure == "flow" and anchor is not None else None
    anchor = own or anchor
    before = _year_before(ctx, fig, measure, anchor)
    if before is not None:
        return before
    if anchor is None:
        return _whole_year(ctx, fig, _fallback_when(ctx, fig, measure))
    when = (_flow_when(ctx, dates, anchor, fig, alone=respective is not None) if measure == "flow"
            else _stock_when(ctx, anchor, fig))
    when = _to_now(ctx, fig, when, anchor)._replace(anchor=anchor)
    if own is None and anchor.start >= fig.end and _glued(ctx, fig.end, anchor.start):
        # "0,43% năm 2014": a date glued to its figure is a point of history, not the frame; a
        # period the flow's clause states under a report's day is the report's own.
        when = when._replace(rule=when.rule + "+glued")
    elif _at_founding(ctx, fig, anchor):
        when = when._replace(rule=when.rule + "+then")
    return _whole_year(ctx, fig, when)



def _day_bound_after(ctx: Context, fig: Figure, dates: list[DateMention]) -> DateMention | None:
    """A day an ``until`` word binds right after a stock, nothing but spaces between ("… raising
    its outstanding balance to VND 5,870 billion as of September 30"): the day the level holds
    at, not a period stated earlier in its sentence ("Since the start of the year, …"), which
    dates the flows there. After a comma the word opens the next clause ("… 200 tỷ đồng, đến
    30.9.2021, tổng nguồn vốn …")."""
    for d in dates:
        if d.start < fig.end or d.value is None:
            continue
        return d if any(not ctx.text[fig.end : m[0]].strip() and not ctx.text[m[1] : d.start].strip()
                        for m in ctx.marks("until", fig.end, d.start)) else None
    return None


def _own_period_after(ctx: Context, fig: Figure, dates: list[DateMention],
                      anchor: DateMention) -> DateMention | None:
    """For a flow dated by a day before it, a period its own clause states right after it, ending
    by that day and by the publication ("At March 31, 2021, deposits stood at …, while the office
    lent to 8,400 families in the first quarter"): the flow's period, which the day only closes;
    no other figure between them."""
    if anchor.end > fig.start or anchor.value is None:
        return None
    _, c1 = clause_span(ctx, fig)
    for d in dates:
        if d.start < fig.end or d.start >= c1:
            continue
        if (d.period_start is not None and d.period_end is not None and d.period_end <= anchor.value
                and (ctx.published is None or d.period_end <= ctx.published + FRAME_AHEAD)
                and not ctx.figures.within(fig.end, d.start) and not opens_since(ctx, d)):
            return d
        return None
    return None


def _at_founding(ctx: Context, fig: Figure, anchor: DateMention) -> bool:
    """Whether the figure's date is its unit's founding, years back (``founding_date``)."""
    return founding_date(ctx, anchor, sentence_span(ctx, fig))


def founding_date(ctx: Context, d: DateMention, sentence: tuple[int, int]) -> bool:
    """Whether a date is its unit's founding, years back ("Năm 2003, khi mới thành lập, tổng
    nguồn vốn chỉ có …", "In 2003, when it was founded, …": ``founding`` words in its sentence,
    or ``founded`` words right before the date, "thành lập năm 2003"; not opening a period from
    it; a unit setting up groups in a year, "năm 2023, chi nhánh thành lập mới 45 tổ", is no
    founding): a point of history, which frames no later figure ("Đến nay, …" or a level the
    text states no date for)."""
    last = _end(d)
    if ctx.published is None or last is None or last.year > ctx.published.year - ctx.linker.founding_past_years:
        return False
    s0, s1 = sentence
    founded = ctx.marks("founding", s0, s1) or _founded_before(ctx, d.start) is not None
    return bool(founded) and not opens_since(ctx, d)


def _whole_year(ctx: Context, fig: Figure, when: When) -> When:
    """A flow "for the year" ("trong năm") whose start is not known runs from the first day of
    the year it ends in ("As of December 31, 2023, …. … disbursed … 96.3 trillion VND for the
    year")."""
    if when.as_of is not None or when.start is not None or when.end is None:
        return when
    g0, g1 = segment_span(ctx, fig)
    marks = ctx.marks("whole_year", g0, g1)
    if not marks:
        return when
    return when._replace(start=dt.date(when.end.year, 1, 1), rule=f"{when.rule}+whole_year:{marks[0][2]}")


def _to_now(ctx: Context, fig: Figure, when: When, anchor: DateMention) -> When:
    """ "… to now", "đến nay" in the sentence part: the period or stock ends at publication (at
    the report's stated date when the publication date is unknown). Not for a figure dated
    before it with "to now" in a later clause ("Từ … năm 2003 với dư nợ 120 tỷ đồng, đến nay, …
    dư nợ 2.960,5 tỷ đồng"): that figure is where the change to now started, a point of history,
    not the frame."""
    g0, g1 = segment_span(ctx, fig)
    marks = ctx.marks("to_now", g0, g1)
    if marks and anchor.end <= fig.start:
        _, c1 = clause_span(ctx, fig)
        if all(start >= c1 for start, _, _ in marks):
            return when._replace(rule=when.rule + "+then")
    if not marks:
        return when
    now = ctx.published or ctx.state.frame.as_of  # None: "now" is a day the text does not give
    rule = f"{when.rule}+to_now:{marks[0][2]}"
    if when.as_of is not None or (when.end is None and when.start is None):
        # A stock at a "now" the text does not date keeps no start (none of its own to give).
        return when._replace(as_of=now, start=when.start if now else None, rule=rule)
    return when._replace(end=now, rule=rule)


def expected_closing(ctx: Context, when: When) -> bool:
    """A figure dated at a closing days after publication ("đến hết tháng 10, … dự kiến đạt" on
    27 October): the date the report's figures are at, even for a plan word's figure (a forecast
    word's is an estimate of it, ``status.status_of``)."""
    latest = when.as_of or when.end
    return bool(ctx.published and latest and ctx.published < latest <= ctx.published + FRAME_AHEAD)


# The rules whose start only guesses the year so far from a day (``_flow_when``): a frame's start
# from one of them yields to a start the figure's paragraph gives (``_lifetime_start``).
YEAR_SO_FAR_GUESSES = ("sentence:year-to-date", "year-so-far")


def update_frame(ctx: Context, when: When) -> None:
    """Remember a stated date: it governs the next figures that state none."""
    if when.inferred or when.rule == "none" or when.rule.endswith(HISTORY):
        return
    latest = when.as_of or when.end
    if ctx.published and latest and latest > ctx.published + FRAME_AHEAD:
        return
    if latest and (ctx.state.frame.as_of is None or latest >= ctx.state.frame.as_of):
        ctx.state.frame.as_of = latest
        ctx.state.frame.anchor = when.anchor
    if when.start and (when.end or when.as_of):
        ctx.state.frame.start, ctx.state.frame.end = when.start, when.end or when.as_of
        # A level's start ("Đến 30/9, dư nợ đạt …, tăng … so với đầu năm": January 1) or a
        # year-so-far guess states no period of the flows after it.
        ctx.state.frame.start_guessed = when.as_of is not None or any(
            guess in when.rule for guess in YEAR_SO_FAR_GUESSES)
    elif when.start and ctx.published is None and ctx.state.frame.as_of is None:
        # "Since 2005, the branch has lent to …" in a text with no publication date: a period
        # open at the day the text does not give; the flows after it that state no period of
        # their own ("The loans helped … households escape poverty") run from the same start,
        # as they do when the publication date closes it.
        ctx.state.frame.start, ctx.state.frame.end = when.start, None

