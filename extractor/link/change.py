"""Changes: figures that say how much something moved, written on the level they modify.

"an increase of VND 7,132 billion compared to 2014", "…, or 5.76%" are never levels of their own:
``apply_change`` writes them on the level (``change_value`` signed, ``change_unit``,
``change_baseline``), and a percent change of outstanding loans is also an
``outstanding_growth_rate`` (``growth_rate``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Collection, Iterator, Sequence

from extractor.link.context import Context, Offsets, clause_span, piece, segment_span, sentence_span
from extractor.link.lists import moved_item
from extractor.link.when import anniversary, joins_plan, met_plan
from extractor.models import Figure, Observation
from extractor.nlp.dates import years_on
from extractor.registry.phrases import Hit

_JOINERS = frozenset(" ,()\n\t")  # what may part a change from its restatements


def is_change(ctx: Context, fig: Figure) -> bool:
    """A figure that says how much something moved: flagged by the extractor or "compared to";
    not a level stated as a share of the baseline ("bằng 121% so với cùng kỳ": the level is 121%
    of the earlier one, not 121% higher), nor a level a pair binder joins on after a comparison
    ("…, tăng 1.050 tỷ đồng so với đầu năm với 98.400 khách hàng còn dư nợ": the comparison
    is the change's before it); an item of a list whose lead-in says the parts moved is one
    (``lists.moved_item``)."""
    if fig.change is not None or moved_item(ctx, fig) or _sizes_cause(ctx, fig):
        return True
    if _level_beside_change(ctx, fig):
        return False
    c0, c1 = clause_span(ctx, fig)
    compared = ctx.marks("comparison", c0, c1)
    if not compared:
        return False  # most clauses compare nothing: no binder or bracket to look for
    if _brought_to_level(ctx, fig, c0, compared):
        return False
    binder = ctx.marker_before("pair_binders", fig.start)
    bracket = _bracket_after(ctx, fig, c1)
    compared = [mark for mark in compared
                if (binder is None or mark[1] > binder[0]) and not bracket[0] <= mark[0] < bracket[1]]
    return bool(compared) and ctx.marker_before("share_of_baseline", fig.start) is None and not share_of_plan(ctx, fig)


def _brought_to_level(ctx: Context, fig: Figure, c0: int, compared: list[Hit]) -> bool:
    """Whether a ``change_to`` word stands right before the figure, outside any comparison: the
    level a change brought something to ("rose 7.8% year-on-year to VND 11.2 trillion", "tăng
    700 tỷ đồng so với đầu năm lên 9.100 tỷ đồng"), whose clause's comparison is the change's; not
    a comparison's baseline ("compared to 5,000 a year earlier")."""
    to = ctx.marks("change_to", c0, fig.start)  # in the figure's clause, from ``c0``
    return bool(to) and not ctx.text[to[-1][1] : fig.start].strip() and not any(
        m[0] <= to[-1][0] < m[1] for m in compared)


# An opening bracket alone between two figures; a closing one right after the second.
_OPENING = re.compile(r"\s*\(\s*")
_CLOSING = re.compile(r"\s*\)")


def _level_beside_change(ctx: Context, fig: Figure) -> bool:
    """Whether the figure, an amount or a count, stands alone in brackets right after a rate of
    change and is no change itself (the extractor read it as the level the rate brought about:
    "grew 7.5% (VND 6,120 billion) compared to …"): the comparison after the bracket is the
    rate's, not the level's. A percent there restates the change before it."""
    if fig.kind == "percent":
        return False
    s0, _ = sentence_span(ctx, fig)
    before = [f for f in ctx.figures.within(s0, fig.start) if f.end <= fig.start]
    return (bool(before) and before[-1].change is not None and before[-1].kind == "percent"
            and _OPENING.fullmatch(ctx.text, before[-1].end, fig.start) is not None
            and _CLOSING.match(ctx.text, fig.end) is not None)


def _sizes_cause(ctx: Context, fig: Figure) -> bool:
    """An amount after the words giving why something rose or fell, in its sentence part
    (``change_cause``: "vốn tăng chủ yếu do huyện bổ sung thêm 35 tỷ đồng"): how much that
    cause added or took, a piece of the change; not past another figure or a word of a level
    ("…, đạt 500 tỷ đồng", "… lên 500 tỷ đồng", "…, còn 500 tỷ đồng"), nor right after an
    indicator's cue, which governs the amount ("… do chi nhánh giải ngân 500 tỷ đồng")."""
    g0, _ = segment_span(ctx, fig)
    cause = ctx.last_mark("change_cause", max(g0, fig.start - ctx.reach("change_cause")), fig.start)
    if cause is None or ctx.figures.within(cause[1], fig.start):
        return False
    c0, _ = clause_span(ctx, fig)
    if c0 > cause[1] and any(c.position == "before" for c in ctx.cues.within(c0, fig.start)):
        return False  # "Nợ quá hạn tăng do thiên tai, tỷ lệ nợ quá hạn là …": a clause of its own level
    if any(c.position == "before" and not ctx.text[c.end : fig.start].strip()
           for c in ctx.cues.within(cause[1], fig.start)):
        return False  # "tăng do chi nhánh giải ngân 300 tỷ đồng": a cue governs the amount, a flow of its own
    return not (ctx.marks("level_verbs", cause[1], fig.start) or ctx.marks("change_to", cause[1], fig.start))


def added_to_stock(ctx: Context, fig: Figure, code: str) -> bool:
    """An amount "added" to a stock (a ``flow`` word right before it) that is no amount of its
    own: "the branch added VND 640 billion in outstanding loans" says how much the loans grew.
    The word must govern the amount itself ("allocate staff to 21 transaction offices" adds
    none); only a stock whose additions are observations over a period (``added_is_flow``: the
    capital a budget entrusts in a year) is read as that flow instead (``when.measure_of``)."""
    rule = ctx.linker.lexicon.indicators[code]
    return rule.measure == "stock" and not rule.added_is_flow and ctx.marker_before("flow", fig.start) is not None


def _bracket_after(ctx: Context, fig: Figure, clause_end: int) -> tuple[int, int]:
    """The bracket the figure's clause opens after it (empty when none): a bracket parts no
    clause, but a comparison inside one after a level ("đạt 5.210 tỷ đồng (tăng 420 tỷ đồng so với
    đầu năm)") dates the change it holds, not the level."""
    opened = ctx.text.find("(", fig.end, clause_end)
    if opened < 0:
        return clause_end, clause_end
    closed = ctx.text.find(")", opened, clause_end)
    return opened, clause_end if closed < 0 else closed


def share_of_plan(ctx: Context, fig: Figure) -> bool:
    """A percent of a plan met ("tăng 9,4% so với cuối năm 2023 (đạt 98,6% kế hoạch)"): how much
    of its plan a level reached, not how much it moved, though a comparison shares its clause."""
    if fig.kind != "percent":
        return False
    plan = ctx.first_mark("target", fig.end, fig.end + ctx.reach("plan_met"))
    number = fig.start + next((i for i, ch in enumerate(fig.text) if ch.isdigit()), 0)  # past "gần", "over"
    return plan is not None and joins_plan(ctx, number, plan[0]) and met_plan(ctx, plan[0])


def restates(ctx: Context, fig: Figure, changes: Collection[int]) -> bool:
    """ "…, or 5.76%, compared to …": a clause opening with "or" right after a change (one of
    ``changes``, the starts of the changes found so far)."""
    c0, _ = clause_span(ctx, fig)
    marks = ctx.marks("restatement", c0, fig.start)
    if not marks:
        return False
    opener = [h for h in marks if not ctx.text[c0 : h[0]].strip()]
    s0, _ = sentence_span(ctx, fig)
    previous = ctx.figures.within(s0, fig.start)
    return bool(opener and previous and previous[-1].start in changes)


def change_baseline(ctx: Context, fig: Figure, level: dt.date | None = None, *,
                    same_day: bool = True, amount: bool = False,
                    earlier: Sequence[dt.date] = ()) -> dt.date | None:
    """The date a change is measured from: the date after the comparison that states it
    (``_compared``); a change that states none takes its paragraph's (``_neighbours_baseline``),
    else, in a text that reviews N years of a dated document, that document's (``_reviewed_since``),
    else, for an amount (``amount``: not a rate, whose fall "by 7 points" may span years) stated
    at a year's close, the close of the year before (``_year_before_close``; ``earlier``: the
    days the text states other levels of the same indicator at)."""
    since = _since_after(ctx, fig, level)
    if since is not None:
        return since
    found = _compared(ctx, fig)
    if found is None:
        return (_neighbours_baseline(ctx, fig, level) or _reviewed_since(ctx, fig)
                or (_year_before_close(ctx, fig, level, earlier) if same_day and amount else None))
    if same_day and level is not None and not _another_change_before(ctx, fig, found[0]):
        # (Not past another change: "up VND 410 billion …, and VND 640 billion over the same
        # period last year" compares only the later one with the same period.)
        if _same_period_before(ctx, found[0], found[1]):
            # A level against the same period a year earlier: its own day, a year back. A flow's
            # (a period against last year's same period) dates no baseline day.
            return years_on(level, -1)
        named = _same_period_named(ctx, found[0], found[1])
        if named is not None:
            # "so với cùng kỳ năm 2023" beside a level of 31/3/2025: 31/3/2023.
            return years_on(level, named - level.year)
    return _baseline_after(ctx, fig, found, level)


def _year_before_close(ctx: Context, fig: Figure, level: dt.date | None,
                       earlier: Sequence[dt.date]) -> dt.date | None:
    """A level stated at a year's close ("Đến 31/12/2025, tổng nguồn vốn đạt …, tăng 3.100 tỷ
    đồng", "By the end of 2023, …, an increase of VND 1,200 billion") whose change names no
    baseline: a year's report measures it over the year, from the close of the year before. Not
    when the change may run over some other span: a span of years near it (``year_span``: "giai
    đoạn", "over the period", "after ten years", a date running over years), a word comparing
    after it in its clause (``baseline_after``: "from", "against"), or another level of the same
    indicator stated within the year (``earlier``, sorted: the change may run from that one)."""
    if level is None or (level.month, level.day) != (12, 31):
        return None
    before = dt.date(level.year - 1, 12, 31)
    after = bisect.bisect_right(earlier, before)
    if (after < len(earlier) and earlier[after] < level) or _spans_years(ctx, fig):
        return None
    if ctx.first_mark("baseline_after", fig.end, clause_span(ctx, fig)[1]) is not None:
        return None
    return before


def _spans_years(ctx: Context, fig: Figure) -> bool:
    """Whether ``fig``'s sentence, or its line before it, names a span of years: a
    ``year_span`` word or a date running over more than one year ("2019-2023")."""
    start, end = ctx.line(fig.start, fig.end)[0], sentence_span(ctx, fig)[1]
    if ctx.first_mark("year_span", start, end) is not None:
        return True
    return any(d.period_start is not None and d.period_end is not None
               and d.period_end.year > d.period_start.year for d in ctx.dates.within(start, end))


def _since_after(ctx: Context, fig: Figure, level: dt.date | None) -> dt.date | None:
    """A change followed right away by a since word and a day ("up VND 410 billion since the
    beginning of the year"): that day."""
    hit = ctx.first_mark("since", fig.end, fig.end + ctx.reach("since"))
    if hit is None or ctx.text[fig.end : hit[0]].strip():
        return None
    after = ctx.dates.within(hit[0], sentence_span(ctx, fig)[1])
    if not after:
        return None
    d = after[0]
    if d.start == hit[0]:
        # The date rules read the since word with its date ("since the beginning of the year"):
        # an open period from it. Only one opening in the level's year: "since 2015" leaves the
        # day in 2015 unsaid.
        start = d.period_start
        return start if start is not None and level is not None and start.year == level.year else None
    if d.value is None or d.start > hit[1] + ctx.reach("since") or not ctx.marker_before("since", d.start):
        return None
    return _baseline_after(ctx, fig, (hit[0], d.end), level)


def _another_change_before(ctx: Context, fig: Figure, pos: int) -> bool:
    """Whether another change stands between the change and the comparison word ending at ``pos``,
    not only restating it ("up VND 1.2 trillion (US$47 million) compared to …" restates it)."""
    others = [other for other in ctx.figures.within(fig.end, pos) if other.start in ctx.changes and other is not fig]
    return bool(others) and not _only_restatements(ctx, fig.end, others[-1].end)


def _same_period_named(ctx: Context, start: int, end: int) -> int | None:
    """The year of "the same period of <year>" ("cùng kỳ năm 2023") right after the comparison
    word ending at ``start``: the date rules read it as a period of that year, whose day beside
    a level is the level's own day in that year."""
    after = ctx.dates.within(start, end)
    if not after or after[0].period_end is None:
        return None
    d, year = after[0], after[0].period_end.year
    named = [h for h in ctx.marks("same_period_named", start, d.end)
             if not ctx.text[start : h[0]].strip() and (h[1] >= d.start or not ctx.text[h[1] : d.start].strip())]
    return year if named else None


def _baseline_after(ctx: Context, fig: Figure, found: tuple[int, int], level: dt.date | None) -> dt.date | None:
    """The date after a comparison word, up to the end of its clause (``found``).

    A baseline whose year the text leaves out ("so với đầu năm", "so với năm trước") was given the
    document's year; it is a date before the level's own (``level``), so it moves back by whole
    years to the last such date before it (a 2025 report's "năm trước" beside a 2025 level is 2024).
    """
    start, end = found
    after = ctx.dates.within(start, end)
    if not after:
        if _same_period_before(ctx, start, end):
            return None  # no day of its own: "năm trước" in "cùng kỳ năm trước" is not the year's end
        return _previous_year(ctx, start, end, level) or _founding(ctx, fig, start, end)
    day = after[0].value or after[0].period_end
    if day is None or level is None or not after[0].year_inferred or day < level:
        return day
    back = day.year - level.year + (1 if (day.month, day.day) >= (level.month, level.day) else 0)
    return years_on(day, -back)


def _neighbours_baseline(ctx: Context, fig: Figure, level: dt.date | None) -> dt.date | None:
    """A change that names no comparison, in a paragraph whose other changes do ("…, tăng 640
    tỷ đồng. Tổng dư nợ …, tăng 1.350 tỷ đồng so với cuối năm 2021"): the baseline of the nearest
    of them that dates one. A report measures its changes from one date."""
    for other, found in _nearest_first(_line_compared(ctx, fig), fig.start):
        day = _baseline_after(ctx, other, found, level)
        if day is not None:
            return day
    return None


def _line_compared(ctx: Context, fig: Figure) -> Offsets[tuple[Figure, tuple[int, int]]]:
    """The changes of ``fig``'s line that name a comparison, with where it ends (``_compared``),
    in text order: listed once per line, where sorting the line's changes for each change cost a
    one-line report of many changes their square."""
    line = ctx.line(fig.start, fig.end)
    compared = ctx.state.compared.get(line)
    if compared is None:
        found = ((other, _compared(ctx, other)) for other in ctx.figures.within(*line)
                 if other.start in ctx.changes)
        compared = ctx.state.compared[line] = Offsets(
            [(other, at) for other, at in found if at is not None], key=lambda pair: pair[0].start)
    return compared


def _nearest_first(compared: Offsets[tuple[Figure, tuple[int, int]]],
                   start: int) -> Iterator[tuple[Figure, tuple[int, int]]]:
    """The entries of ``compared`` that start elsewhere than ``start``, nearest first (by bisect,
    walking out both ways): at a tie of distance the one before, and changes that start together
    in text order."""
    keys, items = compared.keys, compared.items
    before, after = bisect.bisect_left(keys, start) - 1, bisect.bisect_right(keys, start)
    while before >= 0 or after < len(keys):
        if after == len(keys) or (before >= 0 and start - keys[before] <= keys[after] - start):
            first = bisect.bisect_left(keys, keys[before], 0, before)
            yield from items[first : before + 1]
            before = first - 1
        else:
            last = bisect.bisect_right(keys, keys[after], after)
            yield from items[after:last]
            after = last


def _reviewed_since(ctx: Context, fig: Figure) -> dt.date | None:
    """A change no comparison dates, in a text reviewing N years of a dated document ("Sau 10
    năm thực hiện Chỉ thị 40-CT/TW, tổng nguồn vốn đạt …, tăng …"):
    the change over those years, from the end of the document's year (the year-end level the
    reports compare with)."""
    reviewed = anniversary(ctx, fig)
    return dt.date(reviewed[0].year, 12, 31) if reviewed is not None else None


def _compared(ctx: Context, fig: Figure) -> tuple[int, int] | None:
    """Where the comparison word that states a change's baseline ends, and where its clause
    ends: in the change's clause; else in a clause after it that only restatements of the change
    part from it ("up VND 790 billion, or 7.6%, compared to the end of 2024"); else at the
    opening of the change's sentence ("Compared to 2003, the first full year, loans have
    increased 5.5 times"). None when no comparison states it."""
    c0, c1 = clause_span(ctx, fig)
    marks = _comparisons(ctx, c0, c1)
    if marks:
        return marks[0][1], c1
    return _compared_after(ctx, fig) or _compared_first(ctx, fig)


def _comparisons(ctx: Context, start: int, end: int) -> list[Hit]:
    """The comparison words in ``[start, end)``: those before a date or always comparing, and
    the dated ones ("over", "against") right before the previous year, which no date states
    ("down 0.08 percentage points against the previous year")."""
    dated = [h for h in ctx.marks("comparison_dated", start, end)
             if any(not ctx.text[h[1] : p[0]].strip() for p in ctx.marks("previous_year", h[1], end))]
    return sorted(ctx.marks("comparison", start, end) + dated)


def _compared_after(ctx: Context, fig: Figure) -> tuple[int, int] | None:
    """A comparison later in the change's sentence, with nothing but restatements of the change
    ("or 7.52%", "tương đương 7,75%"), commas and brackets between them."""
    sentence = sentence_span(ctx, fig)
    hit = ctx.first_mark("comparison", fig.end, sentence[1])
    if hit is None:
        return None
    if not _only_restatements(ctx, fig.end, hit[0]):
        return None
    return hit[1], piece(hit[1], sentence, ctx.breaks.clause)[1]


def _only_restatements(ctx: Context, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds only restatement words, changes, commas and brackets."""
    covered = [*((h[0], h[1]) for h in ctx.marks("restatement", start, end)),
               *((f.start, f.end) for f in ctx.figures.within(start, end) if f.start in ctx.changes)]
    return all(ch in _JOINERS or any(a <= i < b for a, b in covered)
               for i, ch in enumerate(ctx.text[start:end], start))


def _compared_first(ctx: Context, fig: Figure) -> tuple[int, int] | None:
    """A comparison that opens the change's sentence, in a clause of its own ("So với cuối năm
    2018, số vốn đó đã tăng trưởng 62%")."""
    sentence = sentence_span(ctx, fig)
    hit = ctx.first_mark("comparison", sentence[0], fig.start)
    if hit is None or ctx.text[sentence[0] : hit[0]].strip():
        return None
    return hit[1], piece(hit[1], sentence, ctx.breaks.clause)[1]


def _refers_back(ctx: Context, fig: Figure, s0: int) -> bool:
    """Whether the change's sentence (from ``s0``) opens with words speaking of the level stated
    before it (``level_ref``: "The figure …", "Con số này …") and the figure is itself worded as a
    change ("a rise of 6.1%"): a share of a plan later in the sentence ("…, equal to 98% of the
    year's target") moves nothing, nor do the words naming another thing after them
    (``level_ref_other``: "The figure for housing loans rose 8%")."""
    hit = ctx.first_mark("level_ref", s0, fig.start)
    if hit is None or ctx.text[s0 : hit[0]].strip() or fig.change is None:
        return False
    other = ctx.first_mark("level_ref_other", hit[1], fig.start)
    if other is None or ctx.text[hit[1] : other[0]].strip():
        return True
    # "The figure of VND 6,480 billion …" restates the level: a figure right after the word.
    after = ctx.figures.within(other[1], fig.start)
    return bool(after) and not ctx.text[other[1] : after[0].start].strip()


def _founding(ctx: Context, fig: Figure, start: int, end: int) -> dt.date | None:
    """ "gấp 16 lần so với ngày đầu thành lập", "compared to its founding": the founding, which
    the sentence dates before the change (the earliest date it names there; a year at its end)."""
    if not any(not ctx.text[start : h[0]].strip() for h in ctx.marks("founding", start, end)):
        return None
    s0, _ = sentence_span(ctx, fig)
    days = [d.value or d.period_end for d in ctx.dates.within(s0, fig.start)]
    return min((d for d in days if d is not None), default=None)


def _previous_year(ctx: Context, start: int, end: int, level: dt.date | None) -> dt.date | None:
    """ "so với năm trước", "compared to the previous year" right after the comparison word: the
    end of the year before the level's."""
    prior = [h for h in ctx.marks("previous_year", start, end) if not ctx.text[start : h[0]].strip()]
    return dt.date(level.year - 1, 12, 31) if prior and level is not None else None


def _same_period_before(ctx: Context, start: int, end: int) -> bool:
    """Whether "so với cùng kỳ năm trước", "compared to the same period last year" stands at the
    comparison word that ends at ``start`` (right after it, or the end of a comparison phrase that
    holds it, "so cùng kỳ"), with no date of its own after it ("cùng kỳ năm 2023" is a date); a
    date past the next figure is that figure's ("up 7.8% year-on-year to VND 11.2 trillion as of
    September 30")."""
    after = ctx.figures.first_within(start, end)
    if ctx.dates.within(start, after.start if after is not None else end):
        return False
    lead = max(0, start - ctx.reach("same_period"))
    return any((h0 < start <= h1) or (h0 >= start and not ctx.text[start:h0].strip())
               for h0, h1, _ in ctx.marks("same_period_before", lead, end))


def _day_stated(level: Observation) -> bool:
    """Whether the level's day is one the text states, not the publication's ("Hiện nay, …",
    "Currently, …"): the same day a year back is then no day the text gives."""
    rule = level.rules.get("date", "")
    return not (rule.startswith("present:") or rule == "published" or rule.endswith("+published"))


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


# "(" and at most one word (a direction word, in practice: " (up ", " (tăng "), or a sign
# (" (+"); punctuation alike in both languages, no language data.
_BRACKETED = re.compile(r"\s*\(\s*(?:\w+\s+)?\+?")


def _restated_change(ctx: Context, fig: Figure) -> Figure:
    """The change a percent restates in a bracket right after it ("increasing VND 635 billion
    (up 15.2%)", "tăng 635 tỷ đồng (tăng 15,2%)"): it moves what that change moves; else the
    figure itself."""
    if fig.kind != "percent":
        return fig
    s0, _ = sentence_span(ctx, fig)
    before = ctx.figures.within(s0, fig.start)
    if before and before[-1].start in ctx.changes and _BRACKETED.fullmatch(ctx.text, before[-1].end, fig.start):
        return before[-1]
    if before and before[-1].start in ctx.changes and _rate_of_change(ctx, before[-1], fig):
        return before[-1]
    return fig


def _rate_of_change(ctx: Context, change: Figure, fig: Figure) -> bool:
    """Whether the percent states the rate of the change right before it, in the next clause
    ("… với 4.120 hộ vay; tăng thêm 310 tỷ đồng, tức 8,2%", "…, up VND 310 billion,
    or a rise of 8.2%"): close behind it (reach ``restated_rate``), with no cue of an indicator
    between but a growth rate's, so it moves what that change moves, not the count beside
    the level."""
    if change.kind == "percent" or fig.start - change.end > ctx.reach("restated_rate"):
        return False
    named = {code for c in ctx.cues.within(change.end, fig.start)
             for code in ctx.linker.lexicon.candidates(c, lang=ctx.lang)}
    return named <= {"outstanding_growth_rate"}


def level_for(ctx: Context, fig: Figure, levels: list[tuple[Figure, Observation]],
              starts: list[int], *, rate_of_its_own: bool = False) -> int | None:
    """Index of the level a change modifies: the nearest before it in its sentence, else the
    nearest after it ("overdue debt decreased by VND 2.1 billion …, to VND 18.4 billion").
    ``levels`` are in text order and ``starts`` says where their figures start: only the levels
    of the change's sentence are looked at (or, when it holds none, of the sentence before:
    ``_level_compared_back``). A level the change brings the indicator to comes
    first ("fell by 6.42 percentage points to 0.52%"), unless the change is a growth rate of its
    own (``rate_of_its_own``: "loan growth of 8% to 10%" is a range of rates, not a change)."""
    s0, s1 = sentence_span(ctx, fig)
    to_level = None if rate_of_its_own else _brought_to(ctx, fig, levels, starts)
    if to_level is not None:
        return to_level
    first = bisect.bisect_left(starts, s0)
    restated = _restated_change(ctx, fig)
    for i in range(bisect.bisect_left(starts, fig.start) - 1, first - 1, -1):
        lf, obs = levels[i]
        # "tăng 1.198 tỷ đồng, tương đương 7,75%": a second change restates the first.
        if obs.change_value is not None and fig.kind != "percent":
            continue
        # A level of another unit between ("đạt 4.120 tỷ đồng, với 98.240 khách hàng còn dư
        # nợ, tăng 238 tỷ đồng so với …"): the borrowers beside the level, not what moved; so
        # too for a percent that restates such a change ("…, tăng 238 tỷ đồng (tăng 6,1%)").
        if not _fits_level(restated, obs):
            continue
        # A percent after the borrowers a pair binder joins to the amount before them ("đạt
        # 2.150 tỷ đồng, với 52.300 khách hàng đang vay, tăng 6,2% so với …"): the amount moved,
        # as a money change there moves it.
        if restated is fig and _paired_borrowers(ctx, fig, levels, i, s0):
            continue
        return i if _about(ctx, lf.end, fig.start, obs) else None
    # Only a level close behind: "decreased by VND 2.1 billion compared to …, to VND 18.4 billion".
    after = bisect.bisect_left(starts, fig.end)
    if after < bisect.bisect_left(starts, min(s1, fig.end + 60)):
        lf, obs = levels[after]
        # … and only when that level borrowed the change's cue from the clause before.
        borrowed = obs.rules.get("indicator", "").endswith("(earlier clause)")
        if borrowed and obs.change_value is None and _fits_level(fig, obs):
            return after
    alone = first == bisect.bisect_left(starts, s1)  # the sentence holds no level at all
    return _level_compared_back(ctx, fig, levels, starts) if alone else None


def _paired_borrowers(ctx: Context, fig: Figure, levels: list[tuple[Figure, Observation]], i: int,
                      s0: int) -> bool:
    """Whether level ``i`` is a count a pair binder ("với", "with") joins to the money level right
    before it in the sentence starting at ``s0``, no figure between, and the change ``fig`` follows
    the count's own trailing words, one comma and a change word alone (``paired_change_words``:
    "…, với 74.200 hộ đang vay, tăng 5,1%" moves the loans). Any other word after the comma names
    what moved ("…, số hộ vay tăng 5,1%" moves the count), and so does a cue before it naming
    another indicator than the amount's (a cue's first reading)."""
    lf, _ = levels[i]
    if lf.kind != "count" or not i or ctx.marker_before("pair_binders", lf.start) is None:
        return False
    before, amount = levels[i - 1]
    if before.kind != "money" or before.start < s0 or ctx.figures.within(before.end, lf.start):
        return False
    own, comma, tail = ctx.text[lf.end : fig.start].partition(",")
    words = ctx.linker.paired_change.get(ctx.lang)
    if not comma or words is None or not words.fullmatch(tail) or ";" in own:
        return False
    named = {code for c in ctx.cues.within(lf.end, lf.end + len(own)) if c.position == "before"
             for code in ctx.linker.lexicon.candidates(c, lang=ctx.lang)[:1]}
    return named <= {amount.indicator}


def _level_compared_back(ctx: Context, fig: Figure, levels: list[tuple[Figure, Observation]],
                         starts: list[int]) -> int | None:
    """Index of the level in the sentence right before a change's, when the change's sentence
    holds no level and opens with its comparison ("Dư nợ đạt 5.300 tỷ đồng. So với cuối năm
    2018, số vốn đó đã tăng 62%") or with words speaking of that level (``level_ref``: "The
    figure is up 6.1% on the year"): the level of the indicator the change's sentence names
    before it, else the last level there."""
    s0, _ = sentence_span(ctx, fig)
    first = bisect.bisect_left(starts, s0)
    if not first or (_compared_first(ctx, fig) is None and not _refers_back(ctx, fig, s0)):
        return None
    p0, p1 = sentence_span(ctx, levels[first - 1][0])
    if ctx.text[p1:s0].strip():
        return None
    named = [code for c in ctx.cues.within(s0, fig.start) if c.position == "before"
             for code in ctx.linker.lexicon.candidates(c, lang=ctx.lang)[:1]]
    candidates = [i for i in range(bisect.bisect_left(starts, p0), first)
                  if _fits_level(fig, levels[i][1]) and (not named or levels[i][1].indicator == named[-1])]
    return candidates[-1] if candidates else None


def _brought_to(ctx: Context, fig: Figure, levels: list[tuple[Figure, Observation]],
                starts: list[int]) -> int | None:
    """Index of the level right after the change when only a ``change_to`` word stands between
    them ("fell by 6.42 percentage points to 0.52%"): the level the change brought the indicator to."""
    after = bisect.bisect_left(starts, fig.end)
    if after == len(levels):
        return None
    lf, obs = levels[after]
    joined = any(_compared_only(ctx, fig.end, b[0]) and not ctx.text[b[1] : lf.start].strip()
                 for b in ctx.marks("change_to", fig.end, lf.start))
    return after if joined and obs.change_value is None and _fits_level(fig, obs) else None


def _compared_only(ctx: Context, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds nothing but the change's comparison, its baseline's date
    and commas: "7.8% year-on-year to …", "700 tỷ đồng so với đầu năm lên …"."""
    spans = sorted([(m[0], m[1]) for name in ("comparison", "same_period_before") for m in ctx.marks(name, start, end)]
                   + [(d.start, d.end) for d in ctx.dates.within(start, end)])
    pos = start
    for a, b in spans:
        if ctx.text[pos:a].strip(" ,"):
            return False
        pos = max(pos, b)
    return not ctx.text[pos:end].strip(" ,")


def _about(ctx: Context, start: int, end: int, level: Observation) -> bool:
    """No cue between a level and its change names another indicator; a cue right after the
    level, or after a share between them, is that figure's denominator ("0,09% tổng dư nợ, giảm
    0,02 điểm phần trăm", "0.41% of total outstanding loans, down 0.06%", "đạt 350 tỷ đồng,
    chiếm 9,8% tổng nguồn vốn, gấp 3 lần …"), not another."""
    between = [c for c in ctx.cues.within(start, end)
               if c.position == "before" and c.end <= end and not _denominator(ctx, start, c.start)]
    named = {code for c in between for code in ctx.linker.lexicon.candidates(c, lang=ctx.lang)}
    return not named or level.indicator in named


def _denominator(ctx: Context, start: int, cue: int) -> bool:
    """Whether a cue that starts at ``cue`` stands right after a figure (the level that ends at
    ``start``, or a figure after it), or after only a word that makes it that figure's
    denominator ("0.41% of total …")."""
    ends = ctx.figure_ends.within(start, cue + 1)
    after = ends[-1].end if ends else start
    return not ctx.text[after:cue].strip() or any(
        not ctx.text[after : h[0]].strip() and not ctx.text[h[1] : cue].strip()
        for h in ctx.marks("denominator", after, cue))


def apply_change(ctx: Context, fig: Figure, level: Observation,
                 dated: Sequence[dt.date] = ()) -> Observation:
    """The level with the change written on it; ``dated``: the days at which the text states
    levels of the same indicator, sorted."""
    unit = "%" if fig.kind == "percent" else ("times" if fig.kind == "ratio" else fig.unit)
    rules = {**level.rules, "change": f"change:{fig.text}"}
    return level.model_copy(
        update={
            "change_value": fig.value * change_sign(ctx, fig),
            "change_unit": unit,
            "change_baseline": change_baseline(ctx, fig, level.as_of or level.period_end,
                                               same_day=level.as_of is not None and _day_stated(level),
                                               amount=level.unit != "%",
                                               earlier=dated),
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

