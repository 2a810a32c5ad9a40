"""Dates, period edges and periods, day first, with years resolved from context.

Every rule's match becomes a ``DateDraft`` whose ``resolve(context_year, published)`` gives
the fields of a ``DateMention``: ``value`` for a day the text pins (an explicit date, or the
edge of a period: "the end of 2024" → 2024-12-31), ``period_start``/``period_end`` for a span.
A partial date ("July 12", "30.9") takes its year from the publication date or, without one,
from the document's latest explicit full date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from typing import Any

from extractor.nlp.drafts import DateDraft, Match, group, span_of
from extractor.nlp.rules import CompiledRule, RuleSet

Fields = dict[str, Any]
Resolver = Callable[[int | None, dt.date | None], Fields | None]
# How far after the publication a day written without its year may lie and still be the
# publication's year ("Đến 30/6, dư nợ đạt …" in January is last June's); a goal read so is moved
# to the coming one by the linker (``observe._goal_ahead``).
EDGE_FUTURE_SLACK = dt.timedelta(days=31)
# How far after it a month or a quarter written without its year may start and be this year's:
# half a year. A few months ahead it may be a plan ("Đến cuối tháng 6, dư nợ sẽ đạt …" in
# February); further, last year's ("Trong tháng 12, …" in a January article: the one just past).
MONTH_AHEAD = dt.timedelta(days=183)


def month_end(year: int, month: int) -> dt.date:
    """The last day of a month."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def years_on(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` on (back when negative); 29 February becomes the 28th in a common
    year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the numbers do not make one (31/2, 13/13)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _int(match: Match, name: str) -> int | None:
    text = group(match, name)
    return int(text) if text and text.isdigit() else None


def _month(match: Match, rs: RuleSet) -> int | None:
    text = group(match, "month")
    if text is None:
        return None
    return int(text) if text.isdigit() else rs.find("months", text.rstrip("."))


def _small(match: Match, rs: RuleSet, name: str) -> int | None:
    """A quarter, half or month count written as digits, an ordinal or a word; a month's name
    counts the months up to its end ("to the end of April": four)."""
    text = group(match, name)
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    found: int | None = (rs.find("ordinals", text) or rs.find("number_words", text)
                         or rs.find("months", text.rstrip(".")))
    return found


def _partial_year(month: int, day: int, context_year: int | None,
                  published: dt.date | None) -> int | None:
    """Year of a day-month date: the publication year (the year before if that lands over a
    month after the publication, ``EDGE_FUTURE_SLACK``), else the document's latest explicit year."""
    if published is not None:
        candidate = safe_date(published.year, month, day)
        if candidate and candidate > published + EDGE_FUTURE_SLACK:
            return published.year - 1
        return published.year
    return context_year


def _year_or_context(match: Match, context_year: int | None,
                     published: dt.date | None) -> tuple[int | None, bool]:
    """The year the match states, else the document's (inferred); an empty ``previous`` group
    marks the year before it ("the end of last year", "cuối năm trước"), an empty ``this_year``
    group the publication's named in words ("tháng 9 năm nay")."""
    year = _int(match, "year")
    if year is not None:
        return year, False
    year = published.year if published else context_year
    if year is not None and group(match, "previous") is not None:
        year -= 1
    # "tháng 9 năm nay" (this year's) names its year in words: stated, not inferred.
    return year, group(match, "this_year") is None


def _not_ahead(year: int, start: dt.date, inferred: bool, published: dt.date | None) -> int:
    """The year of a month or quarter written without its year: the publication's, or the year
    before when that one's would start over half a year after the publication (``MONTH_AHEAD``:
    "Trong tháng 12, …" in a January article is the December just past)."""
    if inferred and published is not None and start > published + MONTH_AHEAD:
        return year - 1
    return year


# --- resolvers, one per shape -----------------------------------------------------------


def _day(match: Match, rs: RuleSet) -> Resolver:
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        month, day = _month(match, rs), _int(match, "day")
        if month is None or day is None:
            return None
        year = _int(match, "year")
        inferred = year is None
        if year is None:
            year = _partial_year(month, day, context_year, published)
        value = safe_date(year, month, day) if year else None
        return {"value": value, "granularity": "day", "year_inferred": inferred} if value else None

    return resolve


def _month_period(match: Match, rs: RuleSet) -> Resolver:
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        month = _month(match, rs)
        year, inferred = _year_or_context(match, context_year, published)
        if month is None or year is None or not 1 <= month <= 12:
            return None
        year = _not_ahead(year, dt.date(year, month, 1), inferred, published)
        edge = _edge(match, rs)
        start, end = dt.date(year, month, 1), month_end(year, month)
        if _late_this_month(match, inferred, published, end, rs):
            return {"granularity": "day", "year_inferred": inferred, "value": published}
        return _edged(start, end, edge, "month", inferred)

    return resolve


def _late_this_month(match: Match, inferred: bool, published: dt.date | None,
                     end: dt.date, rs: RuleSet) -> bool:
    """Whether a yearless loose end of a month ("as of late October", an ``edges`` word with a
    ``from_day`` in the lexicon) is the month a report written in its last days comes from: the
    level is the one at publication, not at the month's end still ahead ("the end of October"
    stays the month's end, a date stated)."""
    word = group(match, "edge")
    from_day = rs.find("edge_from_day", word) if word is not None and inferred else None
    return (from_day is not None and published is not None
            and (end.year, end.month) == (published.year, published.month)
            and published.day >= from_day and end > published)


def _quarter(match: Match, rs: RuleSet) -> Resolver:
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        quarter = _small(match, rs, "q")
        year, inferred = _year_or_context(match, context_year, published)
        if quarter is None or year is None or not 1 <= quarter <= 4:
            return None
        year = _not_ahead(year, dt.date(year, 3 * quarter - 2, 1), inferred, published)
        start = dt.date(year, 3 * quarter - 2, 1)
        end = month_end(year, 3 * quarter)
        return _edged(start, end, _edge(match, rs), "quarter", inferred)

    return resolve


def _first_months(match: Match, rs: RuleSet) -> Resolver:
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        months = _small(match, rs, "n")
        year, inferred = _year_or_context(match, context_year, published)
        if months is None or year is None or not 1 <= months <= 12:
            return None
        if group(match, "past") is not None and not _reports_year_so_far(months, published):
            return None
        granularity = {3: "quarter", 6: "half", 12: "year"}.get(months, "month")
        return _edged(dt.date(year, 1, 1), month_end(year, months), None, granularity, inferred)

    return resolve


def _reports_year_so_far(months: int, published: dt.date | None) -> bool:
    """Whether "the past N months" (an empty ``past`` group) are the first N months of the
    publication's year: only in a report published in the N-th month or the one after (a
    nine-month review in October); at any other time they are a window of no calendar name."""
    return published is not None and published.month in (months, months + 1)


def _half(match: Match, rs: RuleSet) -> Resolver:
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        # An empty ``half_last`` group marks the last six months ("the final six months of 2021").
        half = 2 if group(match, "half_last") is not None else _small(match, rs, "half")
        year, inferred = _year_or_context(match, context_year, published)
        if half not in (1, 2) or year is None:
            return None
        start = dt.date(year, 1 if half == 1 else 7, 1)
        end = month_end(year, 6 if half == 1 else 12)
        return _edged(start, end, _edge(match, rs), "half", inferred)

    return resolve


def _year(match: Match, rs: RuleSet) -> Resolver:
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        year, inferred = _year_or_context(match, context_year, published)
        if year is None:
            return None
        year2 = _int(match, "year2") or _short_end_year(year, _int(match, "year2_short")) or year
        if year2 < year:
            return None
        start, end = dt.date(year, 1, 1), dt.date(year2, 12, 31)
        return _edged(start, end, _edge(match, rs), "year", inferred)

    return resolve


def _short_end_year(year: int, short: int | None) -> int | None:
    """The end year a span writes with two digits ("2021-25" → 2025), in its start's century."""
    return None if short is None else year - year % 100 + short


def _to_now(match: Match, rs: RuleSet) -> Resolver:
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        year, inferred = _year_or_context(match, context_year, published)
        if year is None:
            return None
        return {"period_start": dt.date(year, 1, 1), "period_end": published,
                "granularity": "day" if published else "year", "year_inferred": inferred}

    return resolve


def _relative_month(match: Match, rs: RuleSet) -> Resolver:
    """"The end of last month", "cuối tháng trước": a month counted from the publication date
    (an empty ``month_back`` group marks the month before it); nothing without that date."""
    def resolve(context_year: int | None, published: dt.date | None) -> Fields | None:
        if published is None:
            return None
        year, month = published.year, published.month
        if group(match, "month_back") is not None:
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        start, end = dt.date(year, month, 1), month_end(year, month)
        return _edged(start, end, _edge(match, rs), "month", True)

    return resolve


def _edge(match: Match, rs: RuleSet) -> str | None:
    """Which edge of the period the text names ("the end of", "cuối"), from the lexicon."""
    word = group(match, "edge")
    return rs.find("edges", word) if word else None


def _edged(start: dt.date, end: dt.date, edge: str | None, granularity: str,
           inferred: bool) -> Fields:
    """A period, or one of its edges when the text names it ("the end of …"); a year's middle
    is the end of its first half, a month's its 15th ("mid-March")."""
    base: Fields = {"granularity": granularity, "year_inferred": inferred}
    if edge == "end":
        return {**base, "value": end}
    if edge == "start":
        return {**base, "value": start}
    if edge == "middle":
        return {**base, "value": _middle(start, end, granularity)}
    return {**base, "period_start": start, "period_end": end}


MID_MONTH_DAY = 15


def _middle(start: dt.date, end: dt.date, granularity: str) -> dt.date:
    """The day the text means by the middle of a period: June 30 of a year, the 15th of a
    month; another period's middle is read as its end."""
    if granularity == "year":
        return month_end(start.year, 6)
    if granularity == "month":
        return start.replace(day=MID_MONTH_DAY)
    return end


SHAPES: dict[str, Callable[[Match, RuleSet], Resolver]] = {
    "day": _day,
    "month": _month_period,
    "quarter": _quarter,
    "first_months": _first_months,
    "half": _half,
    "year": _year,
    "to_now": _to_now,
    "relative_month": _relative_month,
}


def shape_of(match: Match) -> str:
    """Which resolver a match needs, from the named groups it has (an empty ``now`` group
    marks a period running to the publication date; ``month_back`` or ``month_now`` a month
    counted from that date)."""
    names = {n for n, v in match.groupdict().items() if v is not None}
    if "now" in names:
        return "to_now"
    if names & {"month_back", "month_now"}:
        return "relative_month"
    for shape, needed in (("day", "day"), ("quarter", "q"), ("first_months", "n"),
                          ("half", "half"), ("half", "half_last"), ("month", "month")):
        if needed in names:
            return shape
    return "year"


def normalise(match: Match, rule: CompiledRule, rs: RuleSet) -> list[DateDraft]:
    """One draft per date match; its value is resolved once the document's year is known. An
    empty ``same`` group marks "the same period of <year>": the year until :func:`same_periods`
    narrows it to the period the text named before."""
    shape = shape_of(match)
    start, end = span_of(match)
    year = _int(match, "year")
    day_precise = shape == "day" and year is not None
    takes_year = (shape in YEARLESS_SHAPES and year is None and group(match, "this_year") is None
                  and group(match, "previous") is None)
    year_edge = (shape == "year" and year is None and group(match, "edge") is not None
                 and group(match, "this_year") is None and group(match, "previous") is None)
    return [DateDraft(start=start, end=end, rule=rule.id, priority=rule.rule.priority,
                      explicit_year=year, day_precise=day_precise, context=rule.rule.context,
                      resolve=SHAPES[shape](match, rs), same_period=group(match, "same") is not None,
                      takes_year=takes_year, year_edge=year_edge)]


# Shapes that name a part of a year, so that one written without its year takes it from the
# publication, the document or its sentence (``assemble.sentence_years``).
YEARLESS_SHAPES = frozenset({"day", "month", "quarter", "first_months", "half"})


def same_periods(drafts: list[DateDraft], resolved: list[Fields | None]) -> list[Fields | None]:
    """Fields of "the same period of <year>" ("cùng kỳ năm 2020") as the period named last
    before it in the text ("the first six months", "6 tháng đầu năm") moved to that year; the
    whole year when none comes before; a month's last day before it is a reporting cut-off, the
    period from its year's start to it. A period of more than one calendar year ("2016-2020")
    has no same period in another year and is passed over, as are other days and same periods."""
    out = list(resolved)
    last: Fields | None = None
    for i in sorted(range(len(drafts)), key=lambda i: drafts[i].start):
        fields, draft = resolved[i], drafts[i]
        if fields is None:
            continue
        if draft.same_period:
            year = draft.explicit_year
            out[i] = _in_year(last, year) if last is not None and year is not None else fields
        elif _within_a_year(fields):
            last = fields
        elif (cut := _cut_off(fields)) is not None:
            last = cut
    return out


def _cut_off(fields: Fields) -> Fields | None:
    """A month's last day ("tính đến cuối tháng 9", "as of June 30") as the reporting cut-off it
    is: the period from its year's start to it, whose same period of another year a comparison
    means ("tăng 8% so với cùng kỳ năm 2018": January to September 2018)."""
    day = fields.get("value")
    if not isinstance(day, dt.date) or day != month_end(day.year, day.month):
        return None
    return {"period_start": dt.date(day.year, 1, 1), "period_end": day,
            "granularity": "month", "year_inferred": False}


def _within_a_year(fields: Fields) -> bool:
    start, end = fields.get("period_start"), fields.get("period_end")
    return start is not None and end is not None and start.year == end.year


def _in_year(period: Fields, year: int) -> Fields:
    """A period moved to another year; a month's last day stays its month's last day (Feb 29)."""
    start, end = period["period_start"], period["period_end"]
    if end == month_end(end.year, end.month):
        moved_end = month_end(year, end.month)
    else:
        moved_end = safe_date(year, end.month, end.day) or month_end(year, end.month)
    moved_start = safe_date(year, start.month, start.day) or month_end(year, start.month)
    return {"period_start": moved_start, "period_end": moved_end,
            "granularity": period["granularity"], "year_inferred": False}


def context_year(drafts: list[DateDraft], baselines: frozenset[int] = frozenset()) -> int | None:
    """The document's latest explicit year, leaving out horizons and spans ("to 2030",
    "2023 - 2025"), which name plans rather than when the text was written, and baselines of a
    comparison ("so với năm 2020": ``baselines`` holds those drafts' starts), though a baseline that
    closes its year puts the text in the next year at the earliest; a text whose every year is a
    baseline is of the year after the latest one, unless that baseline closes before a date the
    text writes without its year does in the baseline's year (``_baseline_year``)."""
    stated = [d for d in drafts if d.explicit_year and d.start not in baselines]
    years = [d.explicit_year for d in stated if d.context] or [d.explicit_year for d in stated]
    compared = [d for d in drafts if d.explicit_year and d.start in baselines]
    # A text that compares with a whole year or its end is written after that year, whatever
    # older years it also states ("Năm 2015, …" beside "tăng … so với cuối năm 2017": 2018).
    closed = [d.explicit_year + 1 for d in compared if d.explicit_year and _closes_year(d)]
    if years:
        return max(y for y in [*years, *closed] if y is not None)
    yearless = [d for d in drafts if d.takes_year]
    after = [_baseline_year(d, yearless) for d in compared]
    return max(after) if after else None


def _closes_year(draft: DateDraft) -> bool:
    """Whether a date with its year runs to that year's last day ("năm 2017", "cuối năm 2017")."""
    year = draft.explicit_year
    end = _last_day(draft.resolve(year, None)) if year else None
    return end is not None and end >= dt.date(end.year, 12, 31)


def _baseline_year(baseline: DateDraft, yearless: list[DateDraft]) -> int:
    """The year a comparison's baseline places the text in: the next one ("so với năm 2020",
    "so với cùng kỳ năm 2020"), or its own when it is a part of its year that ends before
    every yearless date of the text would in that year ("đến ngày 30/9 …, tăng … so với quý I/2019":
    2019; against "6 tháng đầu năm 2019" a yearless "6 tháng đầu năm" is of 2020)."""
    year = baseline.explicit_year
    assert year is not None, "only drafts with an explicit year are baselines"
    fields = baseline.resolve(year, None)
    end = _last_day(fields)
    if end is None or end >= dt.date(end.year, 12, 31):
        return year + 1
    lasts = [_last_day(draft.resolve(end.year, None)) for draft in yearless]
    if lasts and all(last is not None and last > end for last in lasts):
        return end.year
    return year + 1


def _last_day(fields: Fields | None) -> dt.date | None:
    """The last day a resolved date covers: its day, else its period's end."""
    if not fields:
        return None
    last: dt.date | None = fields.get("value") or fields.get("period_end")
    return last
