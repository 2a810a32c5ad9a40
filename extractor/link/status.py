"""What kind of statement a figure is: a target or an actual, and figures that are no row of the
table at all (one borrower's story, a "related news" line, an award).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from extractor.link.context import Context, clause_span, piece, segment_span, sentence_span
from extractor.link.rules import part_list
from extractor.link.when import When, expected_closing, goal_verb, plan_words
from extractor.models import Figure, Observation, Status
from extractor.registry.phrases import Hit

# Words joining the last items of one list ("and"): a count after one still continues it.
SPLIT_JOINS = part_list("split_joins")


def status_of(ctx: Context, fig: Figure, when: When) -> tuple[Status, str]:
    """``target`` after a plan word in the sentence (``plan_words``) or right after a goal verb
    (``goal_verb``), or for a date after publication; ``actual`` for a forecast of the closing
    the report is written just before (``estimate:``)."""
    s0, _ = sentence_span(ctx, fig)
    plan = (_plan_word(ctx, fig, s0, when) or _goal_verb_ahead(ctx, fig, s0, when)
            or _time_ahead(ctx, fig, s0, when))
    if plan is not None:
        s, e, phrase = plan
        if ctx.marks("forecast", s, e) and expected_closing(ctx, when):
            return "actual", f"estimate:{phrase}"
        return "target", f"target:{phrase}"
    first = when.as_of or when.start
    if (ctx.published and when.as_of and when.start and when.start.year < ctx.published.year
            and when.as_of.year <= ctx.published.year):
        # A stock at the end of years that began before the publication's and end in its year
        # ("Between 2015 and 2025, loans grew by 9% a year on average", read in 2025): a review
        # of them, not a plan (one ending in a later year, "Giai đoạn 2021-2030, …", looks ahead).
        first = when.start
    if (ctx.published and first is None and when.end and when.end.year > ctx.published.year):
        # A period with only its end, in a year after the publication's ("jobs for 900 workers
        # by 2027"): the whole span reaches into years not yet lived, so it looks ahead.
        first = when.end
    if ctx.published and first and first > ctx.published and not when.inferred:
        return "target", "future-date"
    return "actual", "actual"


def _plan_word(ctx: Context, fig: Figure, s0: int, when: When) -> Hit | None:
    """The last plan word before the figure in its sentence (``plan_words``), unless a semicolon
    parts them and the figure's own date, stated with its year after that semicolon, had come at
    publication ("Năm 2025, chi nhánh được giao kế hoạch …; đến 31/12/2025, dư nợ đạt …"): the
    level reached against the plan, not the plan."""
    plan = next(reversed(plan_words(ctx, s0, fig.start)), None)
    if plan is None or ctx.published is None or when.inferred:
        return plan
    anchor, last = when.anchor, when.as_of or when.end
    semicolon = ctx.text.rfind(";", plan[1], fig.start)
    if (semicolon < 0 or anchor is None or anchor.year_inferred or last is None
            or not semicolon < anchor.start < fig.start or _lists_goals(ctx, s0, plan[1], semicolon)):
        return plan
    return None if last <= ctx.published else plan


def _lists_goals(ctx: Context, s0: int, start: int, semicolon: int) -> bool:
    """Whether the words from a plan word to a semicolon open a list of its goals: a colon right
    after the plan's horizon or period, no figure before it ("Mục tiêu giai đoạn …: …; …"; a bare
    "Kế hoạch giao: …" labels one value), or an item of the same shape before the semicolon, a
    level at a day after an until word ("by 31/12/2023 loans reach …; by 31/12/2024 …") that is
    not before the plan's own period, stated before the plan word (a 2023 day is no goal of a plan
    for 2024: a result against it)."""
    colon = ctx.text.find(":", start, semicolon)
    if colon >= 0 and ctx.dates.within(start, colon) and not ctx.figures.within(start, colon):
        return True
    opens = [d.period_start or d.value for d in ctx.free_dates.within(s0, start)]
    begins = max((day for day in opens if day is not None), default=None)
    return any(ctx.marker_before("until", d.start) is not None and ctx.figures.within(d.end, semicolon)
               and (begins is None or (d.value or d.period_end or begins) >= begins)
               for d in ctx.dates.within(start, semicolon))


def _goal_verb_ahead(ctx: Context, fig: Figure, s0: int, when: When) -> Hit | None:
    """``goal_verb``, unless the figure's own date, its year stated, is already past at
    publication: "will reach" of a quarter that has ended is a translation's tense ("quý I …
    đạt" rendered in the future), not a goal (a day without its year the verb places ahead)."""
    last = when.as_of or when.end
    stated = not when.inferred and (when.anchor is None or not when.anchor.year_inferred)
    if ctx.published and last and stated and last <= ctx.published:
        return None
    return goal_verb(ctx, fig, s0)


# What ends the clause the time to come governs: a level reported after ";" or ":".
_CLAUSE_END = re.compile(r"[;:]")


def _time_ahead(ctx: Context, fig: Figure, s0: int, when: When) -> Hit | None:
    """The time to come (``time_ahead``: "thời gian tới", "in the coming time") ahead of the
    figure in its own clause: what the bank is to bring a figure to then is a goal. Not across
    ";" or ":" (a level reported after it), not when the figure states its own date or a present
    or a past (``present``, ``time_ahead_done``) stands between, not for the time to come named
    as a purpose."""
    hit = ctx.last_mark("time_ahead", s0, fig.start)
    if hit is None or not when.inferred or _for_purpose(ctx, hit[0]):
        return None
    if _CLAUSE_END.search(ctx.text, hit[1], fig.start) or any(
            ctx.marks(name, hit[1], fig.start) for name in ("present", "time_ahead_done")):
        return None
    return hit


def _for_purpose(ctx: Context, start: int) -> bool:
    """Whether the time to come starting at ``start`` is named as what something is for, its
    ``time_ahead_purpose`` word right before it ("vốn cho thời gian tới")."""
    word = ctx.last_mark("time_ahead_purpose", max(0, start - ctx.reach("kin")), start)
    return word is not None and not ctx.text[word[1] : start].strip()


def is_anecdote(ctx: Context, fig: Figure) -> bool:
    """A sentence about one borrower ("Ms. Nguyen Thi Nhu …") that quotes nobody."""
    if not ctx.hits["anecdote"]:
        return False  # no sentence of the document opens with a borrower's title
    sentence = sentence_span(ctx, fig)
    found = ctx.state.anecdotes.get(sentence)
    if found is None:
        found = ctx.state.anecdotes[sentence] = _anecdote(ctx, *sentence)
    return found


def _anecdote(ctx: Context, s0: int, s1: int) -> bool:
    """Whether the sentence ``[s0, s1)`` is about one borrower and quotes nobody."""
    # A splitter may cut after "Ms.": accept a title that ends right before the sentence too.
    opener = [h for h in ctx.marks("anecdote", max(0, s0 - 8), s0 + 8) if h[0] == s0 or
              (h[1] <= s0 and not ctx.text[h[1] : s0].strip())]
    if not opener or not ctx.text[opener[0][1] : s1].lstrip()[:1].isupper():
        return False
    return not ctx.marks("reporting", s0, s1)


def is_one_group(ctx: Context, fig: Figure) -> bool:
    """A figure of one savings and loan group, the subject of its sentence part ("the group has 52
    members, who owe …", ``one_group``), after its paragraph has named such a group or its leader
    (``one_group_named``): a story of one group. A "group" of borrowers ("the largest borrower
    group; the group has …") is no such story."""
    if not ctx.hits["one_group"]:
        return False  # most texts never speak of one group so
    g0, _ = segment_span(ctx, fig)
    said = ctx.marks("one_group", g0, fig.start)
    return bool(said) and bool(ctx.marks("one_group_named", ctx.line(fig.start, fig.end)[0], said[-1][0]))


def is_oversight(ctx: Context, fig: Figure) -> bool:
    """A count of what was inspected or supervised ("over the summer its members inspected 34
    savings and loan groups", ``oversight``): an oversight word before it in its own clause, or in
    that of the list of counts it closes ("inspected 10 communes, 10 groups and 47 households"),
    with no indicator's cue between them. Not past a comma or a colon otherwise: "After the board
    inspected the branch, the province had 1,290 groups" reports a level the inspection precedes."""
    if fig.kind != "count":
        return False
    word = _oversight_word(ctx, (fig.start, fig.end, clause_span(ctx, fig)), sentence_span(ctx, fig))
    return word is not None and not ctx.cues.within(word[1], fig.start)


def _oversight_word(ctx: Context, item: tuple[int, int, tuple[int, int]],
                    sentence: tuple[int, int]) -> Hit | None:
    """The oversight word in the item's clause, else in that of the list item before it, and so
    back along its list of counts. Each item's answer is kept (``State.oversight_words``): the
    next item of a long list asks the same question again, and a page-long list without a full
    stop would be walked back from each of its counts."""
    known = ctx.state.oversight_words
    walked: list[int] = []
    word: Hit | None = None
    current: tuple[int, int, tuple[int, int]] | None = item
    while current is not None:
        start, _, clause = current
        if start in known:
            word = known[start]
            break
        walked.append(start)
        word = ctx.last_mark("oversight", clause[0], start)
        if word is not None:
            break
        current = _list_item_before(ctx, current, sentence)
    for start in walked:
        known[start] = word
    return word


# A list item no count rule reads ("10 districts"): a number and a word or two ending its clause.
_BARE_ITEM = re.compile(r"(?<![\w.,])\d[\d.,]*(?:\s+\w+){1,2}\s*$")


def _list_item_before(ctx: Context, item: tuple[int, int, tuple[int, int]],
                      sentence: tuple[int, int]) -> tuple[int, int, tuple[int, int]] | None:
    """The item (start, end, clause) of a list of counts that the count ``item`` follows: a
    comma parts them, ``item`` opens its clause (after a joining word at most, ``split_joins``:
    "and") with nothing after it but a joining word and the next count, and the item before ends
    its own clause ("10 communes, 10 groups and 47 households")."""
    start, end, (clause0, clause1) = item
    if clause0 - 2 < sentence[0] or ctx.text[clause0 - 2 : clause0] != ", " or not _joined(ctx, clause0, start):
        # (a comma before the sentence is none of its list's: a run too long for one sentence
        # is cut into several, each clamping its first clause)
        return None
    after = [f for f in ctx.figures.within(end, clause1) if f.kind == "count"]
    if not _joined(ctx, end, after[0].start if after else clause1):
        return None
    before = piece(clause0 - 3, sentence, ctx.breaks.clause)
    counts = [f for f in ctx.figures.within(*before) if f.kind == "count"]
    if counts and not ctx.text[counts[-1].end : before[1]].strip():
        return counts[-1].start, counts[-1].end, before
    bare = _BARE_ITEM.search(ctx.text, before[0], before[1])
    if bare is None or ctx.dates.within(bare.start(), before[1]):
        return None  # no item, or a year ("in 2023"), not a count
    return bare.start(), before[1], before


def _joined(ctx: Context, start: int, end: int) -> bool:
    """Whether nothing, or only a joining word of two list items (``split_joins``), stands in
    ``[start, end)``."""
    words = ctx.text[start:end].strip()
    return not words or any(ctx.text[hit[0] : hit[1]].strip() == words
                            for hit in ctx.marks(SPLIT_JOINS, start, end))


def is_link_line(ctx: Context, fig: Figure) -> bool:
    """A "related news" line of no named province ("- Quynh Luu: 2,300 households escape
    poverty …"): a dash-led line without closing punctuation is another article's headline; it
    counts only when it names the province it is about ("- Lao Cai: 2,100 poor households …")."""
    return link_line_at(ctx, fig.start, fig.end)


def link_line_at(ctx: Context, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies on a "related news" line of no named province (``is_link_line``):
    neither its figures nor its dates are this report's."""
    start, end = ctx.line(start, end)
    found = ctx.state.link_lines.get((start, end))
    if found is None:
        found = ctx.state.link_lines[(start, end)] = _link_line(ctx, start, end)
    return found


def _link_line(ctx: Context, start: int, end: int) -> bool:
    """Whether the line ``[start, end)`` is a "related news" line of no named province."""
    return ctx.headline_line(start) and not ctx.mentions.within(start, end)


def is_conversion(ctx: Context, fig: Figure) -> bool:
    """An amount in a foreign currency set in brackets right beside one in đồng, after it ("VND
    21.86 trillion (US$932.17 million)") or holding it ("$1.2 billion (VND 30 trillion)"): the
    same amount restated, whose fact the đồng amount states. A page that gives an amount in
    dollars alone states the fact in dollars, and that amount is the fact."""
    if fig.kind != "money" or fig.unit.startswith(ctx.linker.home_currency):
        return False
    return _bracketed_after(ctx, fig) or _bracketing(ctx, fig)


def restated_in_dong(levels: Sequence[tuple[Figure, Observation]], home_currency: str) -> set[int]:
    """Where the amounts in a foreign currency start whose fact the document also states in đồng:
    the same indicator of the same place, part and status, of the same date or of one the text
    does not state (a headline's, dated by its body later: "loans top $14 billion" over a body
    whose loans reached "VND 356 trillion"). The đồng amount is the fact; the other restates it
    for foreign readers, and two rows of one fact would conflict in the table. A level of another
    year ("In 2010, loans were about $5 billion") is a fact of its own. ``home_currency``: the
    đồng's code (``LinkRules.home_currency``)."""
    home: dict[tuple[object, ...], set[dt.date | None]] = {}
    for fig, obs in levels:
        if fig.kind == "money" and fig.unit.startswith(home_currency):
            home.setdefault(_row(obs), set()).add(_date(obs))
    return {fig.start for fig, obs in levels
            if fig.kind == "money" and not fig.unit.startswith(home_currency)
            and _same_day(_date(obs), home.get(_row(obs), set()))}


def _row(obs: Observation) -> tuple[object, ...]:
    """The table's row of an observation: its indicator, place, part and status."""
    return obs.indicator, obs.province, obs.part_of, obs.part, obs.status


def _same_day(day: dt.date | None, days: set[dt.date | None]) -> bool:
    """Whether a day may be one of ``days``: equal, or either unstated (None)."""
    return bool(days) and (day is None or None in days or day in days)


def _date(obs: Observation) -> dt.date | None:
    """The day an observation's text states it holds at (its ``as_of``, or its period's end), or
    None when the date is only inferred."""
    return None if obs.date_inferred else obs.as_of or obs.period_end


def _bracketed_after(ctx: Context, fig: Figure) -> bool:
    """Whether the amount stands alone in brackets right after an amount in đồng."""
    gap = ctx.reach("bracket_gap")
    opened = ctx.text.rfind("(", max(0, fig.start - gap), fig.start)
    if opened < 0 or ctx.text[opened + 1 : fig.start].strip() or not _closes_after(ctx, fig.end):
        return False
    host = ctx.figure_ends.within(max(0, opened - gap), opened + 1)
    return bool(host) and host[-1].kind == "money" and host[-1].unit.startswith(ctx.linker.home_currency) \
        and not ctx.text[host[-1].end : opened].strip()


def _bracketing(ctx: Context, fig: Figure) -> bool:
    """Whether brackets right after the amount hold only an amount in đồng."""
    opened = ctx.text.find("(", fig.end, fig.end + ctx.reach("bracket_gap"))
    if opened < 0 or ctx.text[fig.end : opened].strip():
        return False
    inside = ctx.figures.within(opened, opened + ctx.reach("aside"))
    return (bool(inside) and inside[0].kind == "money" and inside[0].unit.startswith(ctx.linker.home_currency)
            and not ctx.text[opened + 1 : inside[0].start].strip() and _closes_after(ctx, inside[0].end))


def _closes_after(ctx: Context, end: int) -> bool:
    """Whether a closing bracket follows ``end`` with nothing but spaces between."""
    return ctx.text[end : end + ctx.reach("bracket_gap")].lstrip().startswith(")")


def is_award(ctx: Context, fig: Figure) -> bool:
    """An award ("tặng giấy khen cho 25 Tổ TK&VV tiêu biểu"): counted, but no indicator."""
    s0, _ = sentence_span(ctx, fig)
    return bool(ctx.marks("awards", s0, fig.start))

