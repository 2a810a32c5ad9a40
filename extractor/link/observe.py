"""Observations: each figure governed by an indicator cue becomes a row of the table.

Figure by figure, in text order: indicator (``indicator``), date (``when``), status
(``status``), place (``place``); changes are written on the levels they modify (``change``);
headlines take the body's date; one observation per fact. The rule that decided each part is
kept in ``Observation.rules``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import deque
from decimal import Decimal
from operator import itemgetter
from sys import intern
from time import monotonic

from extractor.link.change import (
    added_to_stock,
    apply_change,
    growth_rate,
    is_change,
    level_for,
    restates,
)
from extractor.link.context import (
    Context,
    Offsets,
    clause_span,
    index_document,
    sentence_span,
    spaces_start,
)
from extractor.link.indicator import indicator_of
from extractor.link.parts import (
    AMOUNT_PROGRAMME,
    AREA_KIND,
    COUNTED_KIND,
    DISTRICT_DOCUMENT,
    DISTRICT_NAMED_PART,
    GRADED_ITEM,
    ITEM_OF_TOTAL,
    Part,
    bare_share,
    district_document,
    district_offices,
    document_topic,
    every_borrower,
    find_areas,
    household_kind,
    offices_named_as_provinces,
    part_of,
    seat_areas,
    subject_districts,
)
from extractor.link.place import NATIONAL_DOCUMENT, place_of, resolve_place
from extractor.link.rules import Linker, decided_by, part_list, scope_list
from extractor.link.scope import (
    about_the_bank,
    districts_named,
    document_scope,
    other_institutions_figure,
)
from extractor.link.status import (
    is_anecdote,
    is_award,
    is_conversion,
    is_link_line,
    is_one_group,
    is_oversight,
    link_line_at,
    restated_in_dong,
    status_of,
)
from extractor.link.when import (
    When,
    expected_closing,
    founding_date,
    joined_year_before,
    lifetime_date,
    measure_of,
    opens_since,
    plan_year,
    sets_goal,
    update_frame,
    when_of,
    year_edge,
)
from extractor.link.why import date_words, indicator_words, province_words
from extractor.models import DateMention, Extraction, Figure, Observation, Status, validated
from extractor.nlp.dates import EDGE_FUTURE_SLACK, years_on
from extractor.nlp.drafts import VAGUE_NOTE


def build_context(ex: Extraction, lk: Linker) -> Context:
    """The document indexed once, with its province and the figures that are changes."""
    ctx = index_document(ex, lk)
    offices = offices_named_as_provinces(ctx)
    seats, kept = seat_areas(ctx)
    named = {office.start for office in offices} | seats
    if named:
        ctx = ctx.amended(mentions=Offsets([m for m in ctx.mentions if m.start not in named]))
    areas = sorted([*find_areas(ctx), *offices, *kept, *subject_districts(ctx)], key=lambda a: a.start)
    ctx = ctx.amended(areas=Offsets(areas))
    ctx = ctx.amended(district=district_document(ctx), offices=district_offices(ctx), topic=document_topic(ctx))
    scope = document_scope(ctx)
    # Changes do not depend on the province: one copy of the context takes both.
    changes: set[int] = set()
    for fig in ctx.figures:
        if is_change(ctx, fig) or restates(ctx, fig, changes):
            changes.add(fig.start)
    return ctx.amended(province=scope.province, province_rule=scope.rule, province_code=scope.code,
                       province_why=scope.why, province_by_district=scope.by_district,
                       province_merged=scope.merged, changes=frozenset(changes))


def _drop_late_date(ctx: Context, when: When, boundaries_rule: str) -> When:
    """An "(old)" unit's flow predates the merger: a borrowed post-merger period is wrong."""
    merger = ctx.linker.gazetteer.merger_date
    if boundaries_rule == "old-marker" and when.inferred and when.end and when.end >= merger:
        return When(rule="old-marker:undated")
    return when


def _boundary_date(ctx: Context, when: When, status: Status) -> dt.date | None:
    """The date that decides the boundaries: the figure's own, but for a plan the day it was
    written (a plan made before the merger is the old unit's plan, whatever year it aims at).
    In a text with no date at all, the age of the bank it states (``lifetime_date``)."""
    written = ctx.published or ctx.state.frame.as_of
    if status == "target" and written:
        return written
    return when.as_of or when.end or when.start or ctx.published or ctx.latest or lifetime_date(ctx)


def _by_district_only(ctx: Context, fig: Figure, place_rule: str,
                      name: str | None) -> tuple[Part | None, str, str | None]:
    """A figure with no part of its own in a text whose province only the districts it names
    told (a commune's or a township's story): the province's when its sentence speaks of the whole
    province before it or in its clause after it ("dư nợ toàn tỉnh đạt …", "0.4% of the whole
    province"; not in brackets: "… (11% of the province's)") or names its branch ("chi nhánh
    tỉnh"), else the one district's when the text names one (an area part), else of no province we
    can tell (a district named is where a place lies, not whose total it is)."""
    s0, s1 = sentence_span(ctx, fig)
    branch = _branch_named(ctx, fig, s0, s1)
    _, c1 = clause_span(ctx, fig)
    whole = ctx.marks("province_ref", s0, fig.start) or [
        hit for hit in ctx.marks("province_ref", fig.end, c1) if "(" not in ctx.text[fig.end : hit[0]]]
    if whole or branch:
        # "dư nợ toàn tỉnh", a text naming the provincial branch ("NHCSXH chi nhánh tỉnh"): the
        # province's, which its districts tell
        return None, place_rule, name
    named = districts_named(ctx)
    if len(named) == 1:
        first = ctx.state.first_named.get(named[0])
        if first is None:
            first = ctx.state.first_named[named[0]] = ctx.text.find(named[0])
        if first > fig.end:
            # Named only after the figure (a transaction office quoted on its own locality at the
            # end): the district is no subject the figure was read under; the province's.
            return None, place_rule, name
        return Part("area", named[0], DISTRICT_NAMED_PART), place_rule, name
    return None, "none", None


def _branch_named(ctx: Context, fig: Figure, s0: int, s1: int) -> bool:
    """Whether the figure's sentence (``[s0, s1)``), or the title's span for a figure there,
    names the provincial branch: a branch's words not ending inside an area's name ("NHCSXH
    thành phố …" is that city's office), in a text whose headline names no district office (that
    office's story, whoever gave it capital). Read by offset: a long text asks it of many figures."""
    t1, branches = ctx.title[1], scope_list("branch")
    starts, hits = ctx.hit_starts[branches], ctx.hits[branches]
    said = hits[bisect.bisect_left(starts, s0) : bisect.bisect_left(starts, s1)]  # starting in the sentence
    if fig.start < t1:
        said += ctx.marks(branches, 0, t1)
    if not any(not ctx.area_index.covers(hit[1]) for hit in said):
        return False
    headline = ctx.line(0, 0)[1]
    return not any(hit[1] <= headline for hit in ctx.marks(part_list("district_bank"), 0, headline))


def observe(ctx: Context, fig: Figure, code: str, indicator_rule: str) -> Observation | None:
    """One observation of ``code`` from ``fig``: province, boundaries, date, status; none for a
    graded item that is no item of its total (it is no level of them all either)."""
    measure = measure_of(ctx, fig, code)
    when = when_of(ctx, fig, measure)
    status, status_rule = status_of(ctx, fig, when)
    place, place_rule = place_of(ctx, fig)
    name, boundaries, b_rule = resolve_place(ctx, place, _boundary_date(ctx, when, status))
    when = _drop_late_date(ctx, when, b_rule)
    carried = when.rule in ("frame", "published") or when.rule.startswith("paragraph:")
    if status == "target" and when.inferred and carried:
        # "phấn đấu tăng trưởng tín dụng trên 10%" with no date of its own: a goal is no fact of
        # the report's day (nor of the publication's), it is left undated, unless the sentence
        # before sets the plan of a year it belongs to.
        when = plan_year(ctx, fig, measure) or When(rule=f"{when.rule}:target-undated")
    if status == "target":
        when = _goal_ahead(ctx, when)
    if status == "actual" or expected_closing(ctx, when):
        update_frame(ctx, when)
    part = part_of(ctx, fig, code, indicator_rule, place=(place, place_rule))
    if part is not None and ITEM_OF_TOTAL in part.rule and ctx.state.total_ends[code][1] != (
            when.as_of, when.start if when.as_of is None else None, when.end, status, name):
        part = None  # another date's, a plan's or another province's figure: no item of the total
    if part is None and indicator_rule.startswith(GRADED_ITEM):
        return None
    if (part is not None and part.kind == "area" and place_rule == NATIONAL_DOCUMENT
            and not _kind_of_area(ctx, fig, part.rule)):
        # A district or commune a sentence of a text filed under the whole bank speaks of ("Theo
        # Ngân hàng Chính sách xã hội, dư nợ tại huyện … đạt …") lies in a province the text does
        # not name (a district the gazetteer knows gives its province through its place instead).
        place, place_rule, name = None, "none", None
    if place is None and part is None and ctx.province_by_district and not ctx.district:
        part, place_rule, name = _by_district_only(ctx, fig, place_rule, name)
    rules = {"indicator": indicator_rule, "province": place_rule, "boundaries": b_rule,
             "date": when.rule, "status": status_rule}
    why = {"indicator": indicator_words(ctx, fig, indicator_rule), "province": province_words(ctx, place, place_rule),
           "date": date_words(ctx, fig, when)}
    if part is not None:
        rules["part"] = part.rule
        why["part"] = f"a part of the total: {part.kind} ({part.words!r})"
    # Many observations give the same reasons in the same words: one string for each (a long
    # text's records hold about a tenth less memory; issue 17).
    why = {key: intern(words) for key, words in why.items()}
    return validated(Observation, _given({
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
        "part_of": part.kind if part else None,
        "part": part.words if part else None,
        "document_id": ctx.ex.document.id,
        "text": fig.text,
        "start": fig.start,
        "end": fig.end,
        "sentence": fig.sentence,
        "rules": rules,
        "why": why,
    }))


def _goal_ahead(ctx: Context, when: When) -> When:
    """A goal's date written without its year is the coming one: a date the reader put in last
    year because this year's lies ahead of the publication (``EDGE_FUTURE_SLACK``, ``MONTH_AHEAD``:
    right for "Đến 31/12, …" reported in January, wrong for a goal) is a year later when it dates
    a goal ("Phấn đấu đến 31/12, …" in October). A goal's date this year already past stays (a
    goal for 30 September, written in October, is that September's)."""
    anchor, published = when.anchor, ctx.published
    last = when.as_of or when.end
    if anchor is None or not anchor.year_inferred or published is None or last is None:
        return when
    rolled_back = last.year == published.year - 1 and years_on(last, 1) > published + EDGE_FUTURE_SLACK
    if not rolled_back:
        return when
    return when._replace(as_of=when.as_of and years_on(when.as_of, 1), start=when.start and years_on(when.start, 1),
                         end=when.end and years_on(when.end, 1))


def _given(fields: dict[str, object]) -> dict[str, object]:
    """The fields that hold a value: the others (each defaults to None) are left to their
    default. pydantic keeps the names given in a set on every record, which for all twenty
    took 2.2 KB, more than the record's values; for the sixteen or so set, 0.7 KB."""
    return {name: value for name, value in fields.items() if value is not None}


def _attach(ctx: Context, fig: Figure, growth: Observation | None,
            levels: list[tuple[Figure, Observation]], starts: list[int], extra: list[Observation],
            dated: dict[str, list[dt.date]]) -> None:
    """Write a change on the level it modifies (and a growth rate for outstanding loans);
    ``starts``: where the levels' figures start; ``dated``: per indicator, the sorted days its
    levels are stated at (made once: a long report has thousands of changes)."""
    i = level_for(ctx, fig, levels, starts, rate_of_its_own=growth is not None)
    if i is None:
        # "Outstanding loans grew by 9.6% in 2018" with no level beside it: a growth rate alone.
        extra.extend([growth] if growth else [])
        return
    level_fig, level = levels[i]
    if level.change_value is None:
        levels[i] = (level_fig, apply_change(ctx, fig, level, dated.get(level.indicator, ())))
    if fig.kind == "percent" and level.indicator == "outstanding_loans":
        extra.append(growth_rate(fig, levels[i][1]))


def _growth_alone(ctx: Context, fig: Figure) -> Observation | None:
    """A percent change whose own cue is a growth of outstanding loans, dated where it stands."""
    found = indicator_of(ctx, fig) if fig.kind == "percent" else None
    if found and found[0] == "outstanding_growth_rate":
        return observe(ctx, fig, *found)
    return None


def observations(ctx: Context, *, deadline: float | None = None) -> list[Observation]:
    """Every observation of the document: levels first (in text order), then their changes.
    Figures are read until ``deadline`` (a ``time.monotonic()`` value) passes; where that left
    the rest unread is kept in ``ctx.state.linked_until``."""
    if not about_the_bank(ctx):
        return []
    levels: list[tuple[Figure, Observation]] = []
    changes: list[tuple[Figure, Observation | None]] = []
    # Taken from the front as the figures pass them: a long report has thousands.
    governing = deque(_governing_dates(ctx))
    for fig in ctx.figures:
        if deadline is not None and monotonic() > deadline:
            ctx.state.linked_until = fig.start
            break
        while governing and governing[0].start < fig.start:
            _govern(ctx, governing.popleft())
        if is_anecdote(ctx, fig) or is_one_group(ctx, fig) or is_award(ctx, fig) or is_oversight(ctx, fig) \
                or is_link_line(ctx, fig) or is_conversion(ctx, fig):
            continue
        if other_institutions_figure(ctx, fig):
            continue
        if fig.start in ctx.changes:
            changes.append((fig, _growth_alone(ctx, fig)))
            continue
        if fig.kind not in ("money", "count", "percent") or _vague_many(ctx, fig):
            continue
        found = indicator_of(ctx, fig)
        if found and added_to_stock(ctx, fig, found[0]):
            changes.append((fig, None))
        elif found:
            observed = observe(ctx, fig, *found)
            if observed is None:
                continue
            levels.append((fig, observed))
            ctx.state.last_level[fig.kind] = (found[0], fig.end)
            level = levels[-1][1]
            if level.part_of is not None:
                ctx.state.part_ends.append((fig.end, level.part_of, level.part or ""))
            if level.rules.get("part", "").startswith(AMOUNT_PROGRAMME):
                continue  # one amount's programme, named after it: no topic for the sentences after
            if level.part_of is None and bare_share(ctx, fig) is not None:
                continue  # stated as a share of the total before it: no whole its next items share
            if level.part_of is None or _district_total(ctx, fig, level) or _package_total(ctx, fig, level):
                ctx.state.last_total[fig.kind] = (found[0], fig.end)
                ctx.state.total_ends[found[0]] = (fig.end, (level.as_of, level.period_start, level.period_end,
                                                             level.status, level.province))
            else:
                ctx.state.last_part[fig.kind] = (found[0], fig.end, level.part_of, level.part or "")
                # An item of a breakdown is no whole its later siblings break down: they share the
                # part the first item broke down ("dư nợ của xã …, trong đó Hội Nông dân …, Hội
                # Phụ nữ …": each an item of the commune's loans, not of the first union's).
                if level.part_of != "programme" and not found[1].startswith("breakdown-of:"):
                    ctx.state.last_whole_part[fig.kind] = ctx.state.last_part[fig.kind]
    extra: list[Observation] = []
    starts = [fig.start for fig, _ in levels]
    dated: dict[str, list[dt.date]] = {}
    for _, obs in levels:
        if obs.as_of is not None:
            dated.setdefault(obs.indicator, []).append(obs.as_of)
    dated = {code: sorted(set(days)) for code, days in dated.items()}
    for fig, growth in changes:
        _attach(ctx, fig, growth, levels, starts, extra, dated)
    # An amount out of a level's bounds still carries its changes (a growth rate of outstanding
    # loans stays one), but is no observation itself.
    restated = restated_in_dong(levels, ctx.linker.home_currency)
    kept = [obs for fig, obs in levels if _level_amount(ctx, fig) and fig.start not in restated]
    linked = sorted(kept + extra, key=lambda o: (o.start, o.indicator))
    vague = frozenset(fig.start for fig, _ in levels if VAGUE_NOTE in fig.notes)
    deduped = without_headline_twins(ctx, dedupe(headline_parts(ctx, date_headlines(ctx, linked))))
    return smaller_shares(ctx, without_vague_restatements(deduped, vague))


def _vague_many(ctx: Context, fig: Figure) -> bool:
    """A vague count of one vague word ("hundreds of students", "hàng nghìn hộ"): it says "many",
    no total of ours; one naming an order on a scale word ("tens of thousands", ``vague_orders``)
    may be the only count of its indicator a text gives."""
    return fig.kind == "count" and VAGUE_NOTE in fig.notes and not ctx.marks("vague_orders", fig.start, fig.end)


def _level_amount(ctx: Context, fig: Figure) -> bool:
    """Whether an amount in đồng may be a level of the bank (``level_amount`` of
    rules/linking.yaml): not a price or a number cut before its scale word, not a scale slip."""
    least, most, cut_below = ctx.linker.level_amount
    if fig.unit != "VND" or least <= fig.value <= most:
        return True
    # Under the least, only a short number that stands unscaled ("VND470", "VND 2,014"): a scale
    # word written ("500 nghìn đồng") or a number written out in full ("VND 980,000") says the
    # writer meant the small amount.
    return fig.value < least and not _cut(fig, cut_below)


def _cut(fig: Figure, below: int) -> bool:
    """Whether a figure's number looks cut off before its scale word: its value is the number its
    text writes, no scale word applied, and that number is short (under ``below``)."""
    digits = "".join(ch for ch in fig.text if ch.isdigit())
    return bool(digits) and int(digits) == fig.value < below


def _district_total(ctx: Context, fig: Figure, level: Observation) -> bool:
    """Whether a district document's level is the district's own total: a part of the province
    only, stated before any breakdown word of its sentence, which the breakdowns after it ("Trong
    đó, cho vay hộ nghèo …") break down."""
    s0, _ = sentence_span(ctx, fig)
    # A programme, channel or group of the district's figure (``parts._narrower``) is as much the
    # district's level as the district's own: its rule ends with the district's.
    return (level.rules.get("part", "").rsplit("+", 1)[-1] in (DISTRICT_DOCUMENT, DISTRICT_NAMED_PART)
            and not ctx.marks("breakdown", s0, fig.start))


def _package_total(ctx: Context, fig: Figure, level: Observation) -> bool:
    """Whether a level is the whole of one programme its sentence names by the words that mark a
    programme's share (``programme`` in rules/linking.yaml: "theo Nghị quyết 11", "under
    Resolution …"), and a breakdown word follows it in its sentence or opens the next one: the
    breakdown ("Trong đó, 130 khách hàng vay …") breaks down that programme. Without one, the
    level stays a part whose topic the next sentences may go on with (``parts._topic_part``)."""
    s0, s1 = sentence_span(ctx, fig)
    rule = level.rules.get("part", "")
    if level.part_of != "programme" or ctx.marks("breakdown", s0, fig.start):
        return False
    if not any(rule == f"programme:{mark[2]}" for mark in ctx.marks("programme", s0, s1)):
        return False
    after = ctx.first_mark("breakdown", fig.end, s1 + ctx.reach("sentence_opener"))
    return after is not None and (after[0] < s1 or not ctx.text[s1 : after[0]].strip(" .\n"))


def date_headlines(ctx: Context, found: list[Observation]) -> list[Observation]:
    """A headline states no date ("Outstanding policy credit reaches nearly VND 11,000 billion"):
    it reports what the body dates, so it takes the date of the body's first observation of the
    same indicator and place."""
    t0, t1 = ctx.title
    out = []
    reports: dict[tuple[int, str], Observation | None] = {}  # by headline line's end and indicator
    for obs in found:
        if t0 <= obs.start < t1 and obs.date_inferred and not _lead_dated(ctx, obs):
            # The body starts after the headline's own line (the title span may hold a lead too).
            _, line_end = ctx.line(obs.start, obs.end)
            body = _body_twin(found, obs, line_end)
            if body is not None:
                obs = obs.model_copy(update={
                    "as_of": body.as_of, "period_start": body.period_start, "period_end": body.period_end,
                    "boundaries": body.boundaries, "rules": {**obs.rules, "date": "headline"},
                    "why": {**obs.why, "date": f"the headline reports what the body dates ({body.text!r})"}})
        elif (ctx.published is None and obs.status == "actual" and obs.rules.get("date") == "none"
              and _on_headline(ctx, obs)):
            obs = _dated_by_report(ctx, found, obs, reports)
        out.append(obs)
    return out


def _lead_dated(ctx: Context, obs: Observation) -> bool:
    """Whether ``obs`` stands in a lead below the headline whose own line dates it before it
    ("In 2022, …; outstanding loans rose to …"): the lead's report, not the body's latest."""
    line_start, _ = ctx.line(obs.start, obs.end)
    first = ctx.head
    return (first is not None and first.start != line_start
            and any((d.value or d.period_end) is not None for d in ctx.free_dates.within(line_start, obs.start)))


def _on_headline(ctx: Context, obs: Observation) -> bool:
    """Whether ``obs`` stands on the text's first line of content (past the page's chrome,
    ``parse.head``) and that line is a headline: no sentence
    ends it (a lead paragraph sums up more than the report: years of results, "now")."""
    line_start, line_end = ctx.line(obs.start, obs.end)
    first = ctx.head
    if first is None or first.start != line_start:
        return False
    end = max(line_start, spaces_start(ctx.text, line_end))  # read back, not a copy of the line per figure
    return not (end > line_start and ctx.text[end - 1] in ".!?;:")


def _dated_by_report(ctx: Context, found: list[Observation], headline: Observation,
                     reports: dict[tuple[int, str], Observation | None]) -> Observation:
    """A headline of a text without a publication date that nothing dates ("Some 9,000
    households borrow to build homes" over a body "By June 30, 2024, …") sums up the report the
    body dates, when the body states the same indicator at a date: a level holds at the latest
    day the body states it at; a flow ends there, and starts where the body's flow starts (a
    running total the text does not start stays open). The body's report is read once per
    headline line and indicator (``reports``), not for each figure of the headline (a text with
    no sentence end may be one long headline)."""
    _, line_end = ctx.line(headline.start, headline.end)
    key = (line_end, headline.indicator)
    if key not in reports:
        reports[key] = _body_report(found, *key)
    report = reports[key]
    if report is None:
        return headline
    day = report.as_of or report.period_end
    if ctx.linker.lexicon.indicators[headline.indicator].measure == "stock":
        dates: dict[str, object] = {"as_of": day}
    else:
        dates = {"period_start": report.period_start if report.period_end is not None else None, "period_end": day}
    return headline.model_copy(update={
        **dates, "date_inferred": True, "boundaries": report.boundaries,
        "rules": {**headline.rules, "date": "headline:report"},
        "why": {**headline.why, "date": f"the headline sums up the report the body dates ({report.text!r})"}})


def _body_report(found: list[Observation], line_end: int, indicator: str) -> Observation | None:
    """The body's actual, dated observation of ``indicator`` after ``line_end`` with the latest
    day (the first of them, of equal days), whose date the body states: what a headline sums up."""
    reports = [o for o in found if o.start >= line_end and o.status == "actual" and not _undated(o)
               and o.indicator == indicator and (o.as_of or o.period_end) is not None
               and (not o.date_inferred or any(decided_by(o.rules.get("date", ""), rule) for rule in BODY_STATED))]
    return max(reports, key=lambda o: o.as_of or o.period_end or dt.date.min) if reports else None


def headline_parts(ctx: Context, found: list[Observation]) -> list[Observation]:
    """A headline and its body stating one fact, one as a part and the other as a total ("Dư nợ
    cho vay nhà ở xã hội đạt 420 tỷ đồng" over "…, tổng dư nợ đạt 420 tỷ đồng"): the same
    indicator, place, status and value, the part named once is the fact's part, so ``dedupe``
    keeps one observation of it, the part of what the headline or the body names."""
    t0, t1 = ctx.title
    heads = [(i, obs) for i, obs in enumerate(found) if t0 <= obs.start < t1]
    if not heads:
        return found
    out = list(found)
    for index, head in heads:
        body_start = ctx.line(head.start, head.end)[1]
        fact = _amount_key(head)
        twins = [i for i, obs in enumerate(out) if obs.start >= body_start and obs.value == head.value
                 and _amount_key(obs) == fact and (obs.part_of is None) != (head.part_of is None)]
        if not twins:
            continue
        named = head if head.part_of is not None else out[twins[0]]
        for i in (twins if named is head else [index]):
            out[i] = _with_part_of(out[i], named)
    return out


def _amount_key(o: Observation) -> tuple[object, ...]:
    """What two observations stating the same amount share: indicator, place, status, amount and
    date (the headline dated by its body already, ``date_headlines``: an equal amount of another
    year is another fact)."""
    return (o.indicator, o.province, o.status, o.value, o.unit, o.qualifier, o.as_of, o.period_start,
            o.period_end)


def _with_part_of(obs: Observation, named: Observation) -> Observation:
    """``obs`` as the part ``named`` (its twin, the same fact stated again) is of."""
    return obs.model_copy(update={
        "part_of": named.part_of, "part": named.part, "rules": {**obs.rules, "part": named.rules.get("part", "")},
        "why": {**obs.why, "part": f"the same fact as {named.text!r}, a part ({named.part!r})"}})


# Rules that date a figure from what the body states before it, though not in the figure's own
# sentence: the governing date, a count of years up to it ("Trong 5 năm qua"), a reviewed year.
BODY_STATED = ("frame", "past_years:", "reviewed:")


def _body_twin(found: list[Observation], headline: Observation, body_start: int) -> Observation | None:
    """The body's first dated observation of the headline's indicator, place and status: dated
    in its own sentence, or by what an earlier one states (``BODY_STATED``: "Tính đến ngày
    31/10/2024, …. Tổng dư nợ đạt …"), unlike the publication date."""
    return next((o for o in found if o.start >= body_start
                 and (not o.date_inferred or any(decided_by(o.rules.get("date", ""), rule) for rule in BODY_STATED))
                 and (o.indicator, o.province, o.status) == (headline.indicator, headline.province, headline.status)),
                None)


def _governing_dates(ctx: Context) -> list[DateMention]:
    """Dates that open a sentence as a report's date: a day after "as of"/"đến" ("As of June 30,
    2024, the figure stood at …") or a period ("In the first 6 months of the year, …", "Năm 2022,
    …"). They set the reporting date for the figures that follow, even when their own sentence
    yields nothing."""
    found = []
    for d in ctx.free_dates:
        end = d.value or d.period_end
        late = ctx.published is not None and end is not None and end > ctx.published
        if end is None or late or not (_opens_sentence(ctx, d.start) or _opens_report(ctx, d)) or opens_since(ctx, d):
            continue
        if _dates_a_goal(ctx, d) or founding_date(ctx, d, ctx.stops.around(d.start, d.end)):
            continue
        if link_line_at(ctx, d.start, d.end):
            # Another article's headline ("• In 2023, hill farmers borrowed …"): not this report's date.
            continue
        if (d.value and ctx.marker_before("until", d.start)) or (d.value is None and d.period_start):
            found.append(d)
    return found


def _dates_a_goal(ctx: Context, d: DateMention) -> bool:
    """Whether a date written without its year opens a goal's sentence ("Đến 30/6, tổng dư nợ sẽ
    đạt …", ``status.sets_goal``): the date of a goal, not the report's, whatever year the reader
    gave it."""
    if not d.year_inferred:
        return False
    _, end = ctx.stops.around(d.start, d.end)
    return sets_goal(ctx, d.end, end)


def _sentence_begin(ctx: Context, line_start: int, pos: int) -> int:
    """Where the sentence of ``pos`` begins on its line: after the last ". " before it, or the
    cut before it of a run too long for one sentence (``Stops``: read as the rules cut it)."""
    return max(ctx.stops.last_end(line_start, pos), ctx.stops.around(pos, pos)[0])


def _opens_sentence(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` lies near the start of its sentence (its line, or the last ". " on it), or
    of words quoted after a colon in it, which open with a capital as a sentence does ("Giám đốc
    chi nhánh cho biết: Tính đến 30/6/2024, …", "The director said: As of June 30, …"; not a
    list's items, "… qua các thời kỳ: năm 2013 là …")."""
    start, _ = ctx.line(pos, pos)
    begin = _sentence_begin(ctx, start, pos)
    reach = ctx.reach("date_opener")
    if pos - begin <= reach:
        return True
    colon = ctx.text.rfind(": ", begin, pos)
    return colon >= 0 and pos - (colon + 2) <= reach and ctx.text[colon + 2 : colon + 3].isupper()


# What may stand between a reporting verb and the words it reports, which open there as a
# sentence does: a comma or colon, "that", an "in"/"by" of the date ("said that in 2023, …").
_REPORTED = re.compile(r"[\s,:]*(?:that\s+)?(?:(?:in|by)\s+)?", re.IGNORECASE)


def _opens_report(ctx: Context, d: DateMention) -> bool:
    """Whether a year or a period of months opens the words a reporting verb reports, as it would
    open a sentence, when the speaker is of the bank and the words tell of no person ("The director
    of the VBSP branch said that in 2023, …", "Giám đốc NHCSXH tỉnh … cho biết, năm 2023, …"). Not
    a borrower's story ("Anh …, xã …, cho biết, năm 2019, gia đình anh …", a speaker of no
    ``bank``; "…, chị Mai …", an ``anecdote`` title in the words), nor an event's day or month
    ("cho biết, tháng 3/2020, …")."""
    if d.value is not None or d.period_start is None or d.period_end is None or (
            (d.period_start.year, d.period_start.month) == (d.period_end.year, d.period_end.month)):
        return False
    start, _ = ctx.line(d.start, d.start)
    begin = _sentence_begin(ctx, start, d.start)
    said = [end for _, end, _ in ctx.marks("reporting", begin, d.start) if _REPORTED.fullmatch(ctx.text, end, d.start)]
    if not said or not ctx.marks("bank", begin, said[-1]):
        return False
    _, s1 = ctx.stops.around(d.start, d.end)
    return not ctx.marks("anecdote", d.end, s1)


def _govern(ctx: Context, d: DateMention) -> None:
    """Move the frame to a governing date (never backwards)."""
    end = d.value or d.period_end
    assert end is not None
    if ctx.state.frame.as_of is None or end > ctx.state.frame.as_of:
        ctx.state.frame.as_of = end
        ctx.state.frame.anchor = d
        if d.value is None:
            # "Năm 2022 và 7 tháng đầu năm 2023, …": the frame's flows run over both.
            ctx.state.frame.start, ctx.state.frame.end = joined_year_before(ctx, d) or d.period_start, d.period_end
            ctx.state.frame.start_guessed = False
        elif year_edge(d):
            # "By the end of 2018": the year up to that edge, a guess (``Frame.start_guessed``).
            ctx.state.frame.start, ctx.state.frame.end = dt.date(end.year, 1, 1), end
            ctx.state.frame.start_guessed = True


def dedupe(found: list[Observation]) -> list[Observation]:
    """One observation per fact: a headline repeating the body's figure is the same fact.

    Same indicator, place, status, value, unit and part (two items of a list that lend 52 tỷ
    đồng each are two facts); the one with a stated date wins (over an inferred date, or over
    none: a headline "Gần 12.300 lượt hộ được vay vốn" that the body restates "từ đầu năm đến
    hết tháng 9/2025"), and keeps the change its twin states ("Dư nợ chính sách hơn 9.700 tỷ
    đồng" in the headline, "…, tăng 436 tỷ đồng so với cuối năm 2022" in the body).
    """
    best: dict[tuple[object, ...], tuple[int, Observation]] = {}
    for index, obs in enumerate(_narrowed(found)):
        key = (obs.indicator, obs.province, obs.status, obs.value, obs.unit, obs.part_of, _part_key(obs))
        if key not in best:
            best[key] = (index, obs)
            continue
        kept_index, kept = best[key]
        if _better_dated(obs, kept):
            best[key] = (index, _with_change_of(obs, kept))
        else:
            best[key] = (kept_index, _with_change_of(kept, obs))
    return [obs for _, obs in sorted(best.values(), key=itemgetter(0))]


ALL_UNIONS = "*"  # the part key of a channel part naming the unions as a whole (``_part_key``)


def _part_key(obs: Observation) -> str | None:
    """The part as ``dedupe`` tells facts apart: a channel label that names no union of its own
    (no capital but its first letter before its area: "Ủy thác qua các hội", "dư nợ ủy thác", "through mass
    organisations") names the unions as a whole, whichever words say so, so the same amount
    stated again in other such words is one fact."""
    if obs.part_of != "channel" or obs.part is None:
        return obs.part
    own, _, area = obs.part.partition(", ")
    return obs.part if any(ch.isupper() for ch in own[1:]) else f"{ALL_UNIONS}, {area}"


def without_headline_twins(ctx: Context, found: list[Observation]) -> list[Observation]:
    """One observation per fact: a headline's count that the body states with the same value and
    qualifier for the same indicator, place, status and part, but under another noun ("Over 5,270
    needy households borrowed this spring" over "… lent VND 160 billion to over 5,270 borrowers,
    mostly students …"), is the body's fact said again (``dedupe`` asks the same unit); the
    body's, which states its own date, is kept."""
    t0, t1 = ctx.title
    indicators = ctx.linker.lexicon.indicators
    counts = [o for o in found if indicators[o.indicator].kind == "count"]
    heads = [o for o in counts if t0 <= o.start < t1]
    # The body starts after the headline's own line (the title span may hold a lead too).
    dropped = {id(h) for h in heads
               if any(_count_fact(o) == _count_fact(h) and o.start >= ctx.line(h.start, h.end)[1] for o in counts)}
    return [o for o in found if id(o) not in dropped] if dropped else found


def _count_fact(obs: Observation) -> tuple[object, ...]:
    """What a headline's count and the body's share when they state one fact, whatever the noun."""
    return (obs.indicator, obs.province, obs.status, obs.value, obs.qualifier, obs.part_of, _part_key(obs))


def _narrowed(found: list[Observation]) -> list[Observation]:
    """``found`` with each area part that another observation of the same amount names more
    narrowly (a programme, channel or group of that area, ``parts._narrower``: "job creation, Tan
    Lac" where a headline says only "Tan Lac") given that narrower part: one fact, whose part is
    the narrower one, so ``dedupe`` keeps one observation of it."""
    def amount(o: Observation, area: str) -> tuple[object, ...]:
        return (o.indicator, o.province, o.status, o.value, o.unit, area)

    narrower = {amount(o, o.part.rsplit(", ", 1)[1]): o for o in found
                if o.part_of not in (None, "area") and o.part is not None and ", " in o.part}
    if not narrower:
        return found
    return [_with_part_of(o, narrower[amount(o, o.part)])
            if o.part_of == "area" and o.part is not None and amount(o, o.part) in narrower else o
            for o in found]


def _better_dated(twin: Observation, kept: Observation) -> bool:
    """Whether ``twin`` dates the fact better than ``kept``: its date is stated where ``kept``'s
    is inferred, or it has a date where ``kept`` has none."""
    if kept.date_inferred and not twin.date_inferred:
        return True
    return _undated(kept) and not _undated(twin)


def _undated(obs: Observation) -> bool:
    """Whether no date could be told for ``obs`` (no day, no period)."""
    return obs.as_of is None and obs.period_start is None and obs.period_end is None


def _with_change_of(kept: Observation, twin: Observation) -> Observation:
    """``kept`` with the change its twin (the same fact, stated again) carries, when it has none."""
    if kept.change_value is not None or twin.change_value is None:
        return kept
    return kept.model_copy(update={
        "change_value": twin.change_value, "change_unit": twin.change_unit,
        "change_baseline": twin.change_baseline,
        "rules": {**kept.rules, "change": twin.rules.get("change", "")}})


# How far above its lower bound a vague amount reaches: "hundreds of thousands" is 100,000 up to
# a million, "thousands" 1,000 up to 10,000.
VAGUE_REACH = 10


def without_vague_restatements(found: list[Observation], vague: frozenset[int]) -> list[Observation]:
    """One observation per fact: a vague amount (its figure starts at one of ``vague``: a headline's
    "thousands of families lifted out of poverty") that another observation of the same
    indicator, place, status and part states exactly (the body's "4,350 households"), with a value
    inside the vague one's reach (``VAGUE_REACH``), is that fact said again, and only the exact one
    is kept. The exact values are looked up per fact in order, so a long report pays no pairs."""
    if not vague:
        return found
    exact: dict[tuple[object, ...], list[Decimal]] = {}
    for obs in found:
        if obs.start not in vague:
            exact.setdefault(_fact(obs), []).append(obs.value)
    for values in exact.values():
        values.sort()
    return [o for o in found if o.start not in vague or not _restated(o, exact.get(_fact(o), []))]


def _fact(obs: Observation) -> tuple[object, ...]:
    """What a vague amount and its exact restatement share: indicator, place, status and part."""
    return (obs.indicator, obs.province, obs.status, obs.part_of)


def _restated(vague: Observation, values: list[Decimal]) -> bool:
    """Whether one of the exact ``values`` (sorted) lies inside the vague amount's reach."""
    i = bisect.bisect_left(values, vague.value)
    return i < len(values) and values[i] < vague.value * VAGUE_REACH


# The rule id of a total that is a share of a larger total of the same fact (``smaller_shares``).
SMALLER_SHARE = "smaller-than-total"
# The units of counts of households a kind of household may name (``_smaller_share``).
COUNTED_UNITS = ("households", "turns", "customers", "borrowers")

# How firmly a rule value placed an observation (``smaller_shares``): a larger total may demote a
# smaller one only when its own province and indicator were told at least as firmly. A province
# from the figure's own clause or sentence beats one from its paragraph, which beats one from the
# document (title, branch, outlet); an indicator from a cue beside the figure beats one carried
# from an earlier clause or inferred from a neighbour (a pair, a list, a breakdown).
_OWN_PROVINCE = ("clause", "clause:after", "sentence", "sentence:national-amount", "sentence:respectively")
_OWN_INDICATOR = ("unit:", "cue:", "cue-after:")


def smaller_shares(ctx: Context, found: list[Observation]) -> list[Observation]:
    """One total per indicator, place, date and status in a document: of two or more totals of one
    money or count indicator in one unit for the same place and boundaries, the same day or the
    same bounded period and the same status, the largest is the total and each clearly smaller one
    (under ``one_total``'s near ratio of it, rules/linking.yaml) a share of it whose kind the text
    does not say ("dư nợ đạt 5.200 tỷ đồng" and, later at the same date, one programme's "dư nợ
    1.300 tỷ đồng" the text files under no programme). A value near the largest is the same total
    restated (a rounded headline) and stays. Never compared: undated totals, flows whose start the
    text does not tell (a cumulative sum and one year's may share an end), rates, loan turns with
    households. A larger total demotes only when its place and indicator were told at least as
    firmly as the smaller's and its date is not the headline's (``_firmness_of``): a figure the
    document's title placed, or the headline dated, may be another place's or another day's."""
    near = Decimal(str(ctx.linker.near_total))
    groups: dict[tuple[object, ...], list[Observation]] = {}
    for obs in found:
        key = _one_total_key(ctx, obs)
        if key is not None:
            groups.setdefault(key, []).append(obs)
    shares: dict[int, Observation] = {}  # id of a smaller total -> the total it is a share of
    for same in groups.values():
        if len(same) > 1:
            shares.update(_shares_of(same, near))
            shares.update(_some_kinds_of(ctx, same))
    out = []
    for obs in found:
        total = shares.get(id(obs))
        if total is not None:
            obs = _smaller_share(ctx, obs, total)
        out.append(obs)
    return out


def _smaller_share(ctx: Context, obs: Observation, total: Observation) -> Observation:
    """``obs`` filed as a share of ``total`` (``smaller_shares``): of a programme when it counts
    one kind of household by its own noun and the total counts no such kind ("61.000 lượt hộ được
    vay …; 18.400 lượt hộ cận nghèo vay để làm ăn": the near-poor households' loans), else a
    share whose kind the text does not say."""
    kind = household_kind(ctx, obs.start, obs.end) if obs.unit in COUNTED_UNITS else None
    if kind is not None and household_kind(ctx, total.start, total.end) is None:
        return obs.model_copy(update={
            "part_of": "programme", "part": kind, "rules": {**obs.rules, "part": f"{SMALLER_SHARE}+{COUNTED_KIND}"},
            "why": {**obs.why, "part": f"a smaller count than {total.text!r} for the same indicator, place and "
                                       f"date, of one kind of household ({kind!r}): that programme's part"}})
    return obs.model_copy(update={
        "part_of": "share", "part": None, "rules": {**obs.rules, "part": SMALLER_SHARE},
        "why": {**obs.why, "part": f"a smaller amount than {total.text!r} for the same indicator, place "
                                   "and date in this document: a share of that total"}})


def _some_kinds_of(ctx: Context, same: list[Observation]) -> dict[int, Observation]:
    """Of the totals of one count, each that counts some kinds of household by name ("N lượt hộ
    nghèo, cận nghèo") with the larger one whose list ends with every other borrower ("M lượt hộ
    nghèo, hộ mới thoát nghèo cùng đối tượng chính sách khác") it is a share of, however near
    their values: those kinds are some of all the borrowers, not all of them said again. As in
    ``_shares_of``, a total the headline dated demotes nothing, and a count the headline dated
    only by a total told at least as firmly (``_firmness_of``: a headline naming its own province
    may be another place's or day's than a body count the title placed). In the body, the branch
    a sentence names by its office ("chi nhánh") is the province's named before it."""
    if ctx.linker.lexicon.indicators[same[0].indicator].kind != "count":
        return {}
    figures = {obs.start: next(iter(ctx.figures.within(obs.start, obs.start + 1)), None) for obs in same}
    every = [obs for obs in same if (fig := figures[obs.start]) is not None and every_borrower(ctx, fig)
             and not decided_by(obs.rules.get("date", ""), "headline")]
    found = {}
    for obs in same:
        fig = figures[obs.start]
        if fig is None or household_kind(ctx, fig.start, fig.end) is None or every_borrower(ctx, fig):
            continue
        firm = _firmness_of(obs) if decided_by(obs.rules.get("date", ""), "headline") else (0, 0)
        larger = [t for t in every if t.value > obs.value
                  and all(a >= b for a, b in zip(_firmness_of(t), firm, strict=True))]
        if larger:
            found[id(obs)] = max(larger, key=lambda t: t.value)
    return found


def _shares_of(same: list[Observation], near: Decimal) -> dict[int, Observation]:
    """Of the totals of one fact (in text order), each clearly smaller one with the total it is a
    share of: the largest that may demote it. One pass keeps, for each firmness, the largest total
    holding at least that firmness, however many totals a long text gives of one fact."""
    firmness = [_firmness_of(obs) for obs in same]
    largest: dict[tuple[int, int], Observation] = {}
    for obs, (place, named) in zip(same, firmness, strict=True):
        if decided_by(obs.rules.get("date", ""), "headline"):
            continue
        for at_least in ((p, n) for p in range(place + 1) for n in range(named + 1)):
            if at_least not in largest or obs.value > largest[at_least].value:
                largest[at_least] = obs
    found = {}
    for obs, firm in zip(same, firmness, strict=True):
        total = largest.get(firm)
        if total is not None and obs.value < total.value * near:  # (near < 1: a larger one)
            found[id(obs)] = total
    return found


def _firmness_of(obs: Observation) -> tuple[int, int]:
    """How firmly its rules placed an observation and named its indicator (``_firmness``): a
    larger total demotes a smaller one only when it holds both at least as firmly."""
    return (_firmness(obs.rules.get("province", ""), _OWN_PROVINCE, ("paragraph",)),
            _firmness(obs.rules.get("indicator", ""), _OWN_INDICATOR, ()))


def _firmness(value: str, own: tuple[str, ...], near: tuple[str, ...]) -> int:
    """2 for a rule of the figure's own words (``own``, not carried from an earlier clause), 1 for
    one of its surroundings (``near``), 0 for anything else."""
    if "(earlier clause)" not in value and any(decided_by(value, rule) for rule in own):
        return 2
    return 1 if any(decided_by(value, rule) for rule in near) else 0


def _one_total_key(ctx: Context, obs: Observation) -> tuple[object, ...] | None:
    """What two totals of one fact share (``smaller_shares``), or None for an observation never
    compared: a part, an undated total, a flow with an open start, a total of no known place, a
    rate. The unit is kept for counts too: loan turns are no share of households."""
    rule = ctx.linker.lexicon.indicators.get(obs.indicator)
    if (obs.part_of is not None or obs.province is None or _undated(obs) or rule is None
            or rule.kind not in ("money", "count") or (obs.as_of is None and obs.period_start is None)):
        return None
    return (obs.indicator, obs.province, obs.boundaries, obs.unit,
            obs.as_of, obs.period_start, obs.period_end, obs.status)


def _kind_of_area(ctx: Context, fig: Figure, part_rule: str) -> bool:
    """Whether an area part is a kind of area a breakdown names ("trong đó dư nợ tại các xã …",
    rule ``area:breakdown``, or the count paired with such an amount) or a cue of rules/parts.yaml
    names (``area:kind:``, "các huyện nghèo") in a sentence naming no place: one across the text's
    own scope, which stays that scope's part."""
    if not (part_rule.startswith(("area:breakdown", AREA_KIND)) or part_rule == "paired-with:area"):
        return False
    s0, s1 = sentence_span(ctx, fig)
    return not (ctx.areas.within(s0, s1) or ctx.mentions.within(s0, s1))
