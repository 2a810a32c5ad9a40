"""Changes: figures that say how much something moved, written on the level they modify.

"an increase of VND 7,132 billion compared to 2014", "…, or 5.76%" are never levels of their own:
``apply_change`` writes them on the level (``change_value`` signed, ``change_unit``,
``change_baseline``), and a percent change of outstanding loans is also an
``outstanding_growth_rate`` (``growth_rate``).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Collection

from extractor.link.context import Context, clause_span, sentence_span
from extractor.models import Figure, Observation


def is_change(ctx: Context, fig: Figure) -> bool:
    """A figure that says how much something moved: flagged by the extractor or "compared to"."""
    c0, c1 = clause_span(ctx, fig)
    return fig.change is not None or bool(ctx.marks("comparison", c0, c1))


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


def change_baseline(ctx: Context, fig: Figure, level: dt.date | None = None) -> dt.date | None:
    """The date a change is measured from: the date after "compared to" in the figure's clause.

    A baseline whose year the text leaves out ("so với đầu năm", "so với năm trước") was given the
    document's year; it is a date before the level's own (``level``), so it moves back by whole
    years to the last such date before it (a 2025 report's "năm trước" beside a 2025 level is 2024).
    """
    c0, c1 = clause_span(ctx, fig)
    marks = ctx.marks("comparison", c0, c1)
    if not marks:
        return None
    after = ctx.dates.within(marks[0][1], c1)
    if not after:
        return _previous_year(ctx, marks[0][1], c1, level)
    found = after[0].value or after[0].period_end
    if found is None or level is None or not after[0].year_inferred or found < level:
        return found
    back = found.year - level.year + (1 if (found.month, found.day) >= (level.month, level.day) else 0)
    return _years_before(found, back)


def _previous_year(ctx: Context, start: int, end: int, level: dt.date | None) -> dt.date | None:
    """ "so với năm trước", "compared to the previous year" right after the comparison word: the
    end of the year before the level's."""
    prior = [h for h in ctx.marks("previous_year", start, end) if not ctx.text[start : h[0]].strip()]
    return dt.date(level.year - 1, 12, 31) if prior and level is not None else None


def _years_before(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` back (29 February becomes the 28th in a common year)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


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


def level_for(ctx: Context, fig: Figure, levels: list[tuple[Figure, Observation]],
              starts: list[int], *, rate_of_its_own: bool = False) -> int | None:
    """Index of the level a change modifies: the nearest before it in its sentence, else the
    nearest after it ("overdue debt decreased by VND 2.1 billion …, to VND 18.4 billion").
    ``levels`` are in text order and ``starts`` says where their figures start: only the levels
    of the change's sentence are looked at. A level the change brings the indicator to comes
    first ("fell by 6.42 percentage points to 0.52%"), unless the change is a growth rate of its
    own (``rate_of_its_own``: "loan growth of 8% to 10%" is a range of rates, not a change)."""
    s0, s1 = sentence_span(ctx, fig)
    to_level = None if rate_of_its_own else _brought_to(ctx, fig, levels, starts)
    if to_level is not None:
        return to_level
    first = bisect.bisect_left(starts, s0)
    for i in range(bisect.bisect_left(starts, fig.start) - 1, first - 1, -1):
        lf, obs = levels[i]
        # "tăng 1.198 tỷ đồng, tương đương 7,75%": a second change restates the first.
        if obs.change_value is not None and fig.kind != "percent":
            continue
        return i if _about(ctx, lf.end, fig.start, obs) and _fits_level(fig, obs) else None
    # Only a level close behind: "decreased by VND 2.1 billion compared to …, to VND 18.4 billion".
    after = bisect.bisect_left(starts, fig.end)
    if after < bisect.bisect_left(starts, min(s1, fig.end + 60)):
        lf, obs = levels[after]
        # … and only when that level borrowed the change's cue from the clause before.
        borrowed = obs.rules.get("indicator", "").endswith("(earlier clause)")
        if borrowed and obs.change_value is None and _fits_level(fig, obs):
            return after
    return None


def _brought_to(ctx: Context, fig: Figure, levels: list[tuple[Figure, Observation]],
                starts: list[int]) -> int | None:
    """Index of the level right after the change when only a ``change_to`` word stands between
    them ("fell by 6.42 percentage points to 0.52%"): the level the change brought the indicator to."""
    after = bisect.bisect_left(starts, fig.end)
    if after == len(levels):
        return None
    lf, obs = levels[after]
    joined = any(not ctx.text[fig.end : b[0]].strip() and not ctx.text[b[1] : lf.start].strip()
                 for b in ctx.marks("change_to", fig.end, lf.start))
    return after if joined and obs.change_value is None and _fits_level(fig, obs) else None


def _about(ctx: Context, start: int, end: int, level: Observation) -> bool:
    """No cue between a level and its change names another indicator; a cue right after the
    level is its own denominator ("0,09% tổng dư nợ, giảm 0,02 điểm phần trăm"), not another."""
    between = [c for c in ctx.cues.within(start, end)
               if c.position == "before" and c.end <= end and ctx.text[start : c.start].strip()]
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
            "change_baseline": change_baseline(ctx, fig, level.as_of or level.period_end),
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

