"""Where a figure belongs: one bound to it ("VND 4,612 billion in Tuyen Quang"), else one in its
clause, else earlier in its sentence, else the document's (``scope``). ``resolve_place`` turns a
place into its canonical name and boundaries at a date (the 63 provinces before 1 July 2025, the
34 after).
"""

from __future__ import annotations

import bisect
import datetime as dt

from extractor.link.context import Context, clause_span, sentence_span
from extractor.link.rules import part_list
from extractor.link.scope import (
    NATIONAL,
    REGIONS,
    headline_region,
    meeting_venues,
    names_province,
    national_amount,
    national_baseline,
    opens_sentence,
)
from extractor.link.when import respective_date, respective_index, respective_run
from extractor.models import Boundaries, Figure

Spot = tuple[str, int, int, bool]  # old-unit code or "national", start, end, marked old
REGION_REFS = part_list("region_ref")  # words referring back to a region named before
NATIONAL_DOCUMENT = "document:national"  # the place rule of a figure of a text filed under the whole bank
REGION_RULE = "region"  # the place rule of a figure a region of the country is named before
NATIONAL_AMOUNT = "sentence:national-amount"  # the place rule of a sentence stating the bank's totals
RESPECTIVE_RULE = "sentence:respectively"  # … whose province a "respectively" list of provinces gives
PARAGRAPH_RULE = "paragraph"  # the place rule of a figure whose paragraph opens with a province
# Bullets a paragraph's first sentence may stand after ("- In Ha Tinh, ..."): punctuation, no words.
_BULLETS = " \t-\u2013\u2022*+"


# --- a figure's place ------------------------------------------------------------------------------


def places(ctx: Context, start: int, end: int) -> list[Spot]:
    """Province mentions and national markers inside ``[start, end)``, in order; a meeting's
    venue names where figures were told, not whose they are (``scope.meeting_venues``)."""
    held = meeting_venues(ctx)
    found: list[Spot] = [(m.code, m.start, m.end, m.marked_old) for m in ctx.mentions.within(start, end)
                         if m.start not in held]
    national = ctx.marks("national", start, end)
    if national:
        found = sorted(found + [(NATIONAL, s, e, False) for s, e, _ in national], key=lambda p: p[1])
    return found


def any_place(ctx: Context, start: int, end: int) -> bool:
    """Whether ``places(ctx, start, end)`` finds any: no list made nor sorted, the question most
    figures ask of their sentence and clause."""
    held = meeting_venues(ctx)
    return (any(m.start not in held for m in ctx.mentions.within(start, end))
            or ctx.first_mark("national", start, end) is not None)


def place_of(ctx: Context, fig: Figure) -> tuple[Spot | None, str]:
    """The place a figure is about: a region of the country named before it (the whole
    country's, see ``region_of``), else its clause, then earlier in the sentence, then the
    document."""
    c0, c1 = clause_span(ctx, fig)
    s0, s1 = sentence_span(ctx, fig)
    region = region_of(ctx, fig, s0, c1)
    if region is not None:
        return (NATIONAL, region[0], region[1], False), REGION_RULE
    if any_place(ctx, s0, s1):
        found = _place_in_sentence(ctx, fig, c0, c1, s0)
        if found:
            return found
    else:
        opener = paragraph_place(ctx, s0)
        if opener is not None and not _national_sentence(ctx, s0, s1):
            return opener, PARAGRAPH_RULE
    if ctx.province is not None:
        return _whole_bank(ctx, s0, s1) or (None, f"document:{ctx.province_rule}")
    if ctx.province_rule == NATIONAL:
        return (NATIONAL, -1, -1, False), NATIONAL_DOCUMENT
    later = _not_baselines(ctx, fig, places(ctx, c1, s1))
    return (later[0], "sentence") if later else (None, "none")


def paragraph_place(ctx: Context, s0: int) -> Spot | None:
    """The province an earlier sentence of the paragraph opens with ("In Ha Tinh, ...", "Tai Ha
    Tinh, ...", ``paragraph_openers``), for a sentence at ``s0`` that names no place: a report on
    several provinces gives each its paragraph, and the sentences after the opener ("The whole
    province has ...", "The overdue debt rate is ...") go on about it; a later opener in the
    paragraph takes over.

    The openers are read from the last before ``s0`` back: those whose reach ``s0`` cuts for this
    sentence, the earlier ones once per document (``_last_opening``: whether an opener leads and
    names a province does not depend on the sentence asking), so that a paragraph of many
    openers (a long text on one line) is not read back to its start for each sentence."""
    p0 = ctx.line(s0, s0)[0]
    reach = ctx.reach("paragraph_opener")
    starts, hits = ctx.hit_starts[_OPENERS], ctx.hits[_OPENERS]
    first = bisect.bisect_left(starts, p0)
    index = bisect.bisect_left(starts, s0, first) - 1
    while index >= first and hits[index][1] + reach > s0:  # ends only grow: the hits do not overlap
        start, end, _ = hits[index]
        index -= 1
        if end > s0:
            continue
        named = _opener_names(ctx, p0, start, end, s0)
        if named is not None:
            return named if _opens_on_one(ctx, named, s0) else None
    last = _last_opening(ctx, index)
    if last < first:
        return None
    named = ctx.state.opener_places[last]
    return named if _opens_on_one(ctx, named, s0) else None


_OPENERS = "paragraph_openers"


def _opener_names(ctx: Context, p0: int, start: int, end: int, limit: int) -> Spot | None:
    """The province the opener at ``[start, end)`` names, when it leads its sentence in the
    paragraph starting at ``p0`` and a province follows it, joined, before ``limit`` and within
    its reach."""
    if not _leads(ctx, p0, start):
        return None
    named = [p for p in places(ctx, end, min(limit, end + ctx.reach("paragraph_opener"))) if p[0] != NATIONAL]
    return named[0] if named and _joined(ctx, end, named[0][1]) else None


def _last_opening(ctx: Context, index: int) -> int:
    """The last opener at or before the ``index``-th (of the text's ``paragraph_openers``) that
    leads its sentence and names a province within its whole reach (-1 for none), each opener
    read once per document; its province is kept in ``state.opener_places``."""
    last, named = ctx.state.opener_last, ctx.state.opener_places
    hits = ctx.hits[_OPENERS]
    while len(last) <= index:
        i = len(last)
        start, end, _ = hits[i]
        found = _opener_names(ctx, ctx.line(start, start)[0], start, end, end + ctx.reach("paragraph_opener"))
        if found is not None:
            named[i] = found
        last.append(i if found is not None else (last[-1] if last else -1))
    return last[index] if index >= 0 else -1


def _opens_on_one(ctx: Context, named: Spot, s0: int) -> bool:
    """Whether the opener's province ``named`` is the one its paragraph goes on about: no other
    province in the opener's clause ("In Ha Tinh and Quang Binh, floods ..." opens on a region,
    no one province), and in a document of another province of its own, an amount or a rate in
    the opener's own sentence, not a count of staff, visits or groups seen (a passage on a
    visit to a neighbour, "In Ha Tinh, the branch's staff studied ...", then goes on about the
    home branch)."""
    o0, o1 = ctx.stops.around(named[1], named[2])
    others = [p for p in places(ctx, named[2], o1) if p[0] != named[0]]
    if others and _listed(ctx, named[2], others[0][1]):
        return False
    if ctx.province_code is None or ctx.province_code == named[0]:
        return True
    return any(f.kind in {"money", "percent"} for f in ctx.figures.within(o0, min(o1, s0)))


def _listed(ctx: Context, end: int, start: int) -> bool:
    """Whether the place ending at ``end`` and the one at ``start`` are items of one list ("Ha
    Tinh, Quang Binh and ..."): only a comma, an ampersand or a joining word of the parts'
    ``split_joins`` between."""
    rest = ctx.text[end:start]
    for hit in reversed(ctx.marks(part_list("split_joins"), end, start)):
        rest = rest[: hit[0] - end] + rest[hit[1] - end :]
    return bool(ctx.text[end:start].strip()) and not rest.strip(" \t,&")


def _national_sentence(ctx: Context, s0: int, s1: int) -> bool:
    """Whether the sentence states an amount no province reaches (the bank's totals, not a
    flow summed over years): the whole bank's, whatever province its paragraph opened with."""
    whole = national_amount(ctx, s0, s1)
    return whole is not None and not _flow_cued(ctx, whole, s0)


def _leads(ctx: Context, p0: int, start: int) -> bool:
    """Whether the opener at ``start`` leads its sentence, in the paragraph that starts at ``p0``:
    after a bullet at most, or after a date and its comma ("By September 30, in Ha Tinh, ...":
    a short stretch with a date and no figure, cue or reporting verb, ``opens_sentence``)."""
    s0 = ctx.stops.around(start, start)[0]
    lead = ctx.text[s0:start].strip(_BULLETS)
    if s0 < p0 or not lead:
        return s0 >= p0
    return lead.endswith(",") and bool(ctx.dates.within(s0, start)) and opens_sentence(ctx, start)


def _joined(ctx: Context, end: int, start: int) -> bool:
    """Whether the opener ending at ``end`` leads to the place at ``start``: a province's word at
    most between ("In Ha Tinh", "Tai tinh Ha Tinh"), no clause break."""
    between = ctx.text[end:start]
    return len(between.split()) <= 1 and not any(mark in between for mark in ",;:.")


def _not_baselines(ctx: Context, fig: Figure, spots: list[Spot]) -> list[Spot]:
    """The places after a figure less the whole country named as what it is compared with ("0.3%,
    lower than in the whole country"): the figure is not the country's (a figure after the
    marker is: "lower than the whole country's 0.5%")."""
    return [p for p in spots if p[0] != NATIONAL or not national_baseline(ctx, fig.end, p[1])]


def _whole_bank(ctx: Context, s0: int, s1: int) -> tuple[Spot, str] | None:
    """The whole country's place for a sentence of a provincial document that names no place
    but states an amount no province reaches (a study of one province quoting the bank's
    totals: "the bank's outstanding loans of VND 170,000 billion, with 6.8 million borrowers"):
    every figure of that sentence is the whole bank's, not the province's."""
    if any_place(ctx, s0, s1):
        return None
    whole = national_amount(ctx, s0, s1)
    if whole is None or _flow_cued(ctx, whole, s0):
        return None
    return (NATIONAL, whole.start, whole.end, False), NATIONAL_AMOUNT


def _flow_cued(ctx: Context, fig: Figure, s0: int) -> bool:
    """Whether the cue right before the amount in its sentence measures a flow ("Sau 22 năm,
    doanh số cho vay đạt 65.000 tỷ đồng"): a province's lending summed over many years reaches
    what no province holds at a date, so its size says nothing of whose it is."""
    cues = [c for c in ctx.cues.within(s0, fig.start) if c.position == "before"]
    if not cues:
        return False
    lexicon = ctx.linker.lexicon
    codes = lexicon.candidates(cues[-1], lang=ctx.lang)
    return bool(codes) and all(lexicon.indicators[code].measure == "flow" for code in codes)


def region_of(ctx: Context, fig: Figure, s0: int, c1: int) -> tuple[int, int] | None:
    """Where a region of the country ("the Mekong Delta", "vùng Tây Nguyên") is named for the
    figure, when the sentence up to the end of the figure's clause names no province nor the whole
    country: in its sentence before it, joined to it right after ("97,000 households in the
    Central Highlands"), or earlier in the text when its sentence refers back to it ("in the
    region", "the region's"). The bank's figure for that region is the national bank's (an area
    part of its total, ``parts.part_of``), never a province's ("The Mekong Delta province of Tra
    Vinh" names the province)."""
    if any_place(ctx, s0, c1):
        return None
    named = [hit for hit in ctx.marks(REGIONS, s0, fig.start) if hit[1] <= fig.start]
    if named:
        return named[-1][0], named[-1][1]
    # Joined or referred back to, a region is the figure's own only in a text of the whole bank
    # (or of no province), or one whose headline names the region and no province: a province's
    # text names its region to say where the province lies.
    # A text of no province whose headline names a region reports that region: a figure its
    # sentence gives no place is the region's (the region is then no national evidence,
    # ``scope.headline_region``).
    topic = headline_region(ctx)
    if ctx.province is not None and topic is None:
        return None
    found = _region_joined(ctx, fig, c1) or _region_referred(ctx, s0, c1, topic)
    if found is None and topic is not None and ctx.province is None and ctx.province_rule != NATIONAL:
        return None if any_place(ctx, s0, sentence_span(ctx, fig)[1]) else topic
    return found


def _region_joined(ctx: Context, fig: Figure, c1: int) -> tuple[int, int] | None:
    """A region joined to the figure right after it by "in"/"tại", an article between at most."""
    after = ctx.marks(REGIONS, fig.end, c1)
    if not after:
        return None
    start, end, _ = after[0]
    if names_province(ctx, end):
        return None
    joined = any(not ctx.text[fig.end : b[0]].strip() and len(ctx.text[b[1] : start].split()) <= 1
                 for b in ctx.marks("place_binders", fig.end, start))
    return (start, end) if joined else None


def _region_referred(ctx: Context, s0: int, c1: int, topic: tuple[int, int] | None) -> tuple[int, int] | None:
    """The region named last before the words of the figure's sentence that refer back to one,
    in that sentence or the one before it, and not as where a province lies ("a Mekong Delta
    province"); else the region the title names (``topic``)."""
    refs = ctx.marks(REGION_REFS, s0, c1)
    if not refs:
        return None
    named = ctx.marks(REGIONS, _previous_sentence(ctx, s0), refs[0][0])
    if not named or names_province(ctx, named[-1][1]):
        return topic
    return named[-1][0], named[-1][1]


def _previous_sentence(ctx: Context, s0: int) -> int:
    """Where the sentence before the one starting at ``s0`` starts."""
    k = s0
    while k > 0 and (ctx.text[k - 1].isspace() or ctx.text[k - 1] in ".!?"):
        k -= 1
    return ctx.stops.around(k - 1, k)[0] if k > 0 else 0


def _place_in_sentence(ctx: Context, fig: Figure, c0: int, c1: int, s0: int) -> tuple[Spot, str] | None:
    """The place a "respectively" list gives the figure, else a place bound to the figure, else in
    its clause, else earlier in its sentence."""
    respective = respective_place(ctx, fig)
    if respective is not None:
        return respective, RESPECTIVE_RULE
    after = _not_baselines(ctx, fig, places(ctx, fig.end, c1))
    bound = [p for p in after if bound_place(ctx, fig.end, p[1])]
    if bound:
        return bound[0], "clause:after"
    before = places(ctx, c0, fig.start)
    if before:
        return before[-1], "clause"
    if after:
        return after[0], "clause"
    earlier = places(ctx, s0, c0)
    return (earlier[-1], "sentence") if earlier else None


def respective_place(ctx: Context, fig: Figure) -> Spot | None:
    """The province a "respectively" list of provinces gives the figure: the i-th of the run of
    places joined as ``when.list_joined`` joins that ends last before the run of figures in its
    sentence, for the i-th figure ("outstanding loans in Thanh Hoa, Nghe An and Ha Tinh were VND
    15,200 billion, VND 13,900 billion and VND 8,100 billion, respectively"); none when a run of
    dates reads the list or the runs differ in length (the figure is then placed as any other)."""
    run = respective_run(ctx, fig)
    if not run or respective_date(ctx, fig) is not None:
        return None
    s0, _ = sentence_span(ctx, fig)
    spots = places(ctx, max(s0, run[0].start - ctx.reach("respective_list")), run[0].start)
    index = respective_index(ctx, run, fig, [(start, end) for _, start, end, _ in spots])
    return None if index is None else spots[index]


def bound_place(ctx: Context, end: int, start: int) -> bool:
    """A place right after a figure, joined by "in"/"tại" ("VND 4,612 billion in Tuyen Quang")."""
    return any(
        not ctx.text[end : b[0]].strip() and not ctx.text[b[1] : start].strip()
        for b in ctx.marks("place_binders", end, start)
    )


def resolve_place(ctx: Context, place: Spot | None, on: dt.date | None) -> tuple[str | None, Boundaries | None, str]:
    """Canonical province name, boundaries and the boundaries rule for a date."""
    if place is None and ctx.province is None:
        return None, era(ctx, on), "date"
    if place is None:
        code, marked = ctx.province_code or "", False
        if ctx.province_by_district and code:
            found = ctx.linker.gazetteer.of_district(code, on)
            return found.name, found.boundaries, found.rule
        if ctx.province_merged and code:
            found = ctx.linker.gazetteer.of_district(code, on or ctx.linker.gazetteer.merger_date)
            return found.name, found.boundaries, found.rule
    else:
        code, _, _, marked = place
    if code == NATIONAL:
        return NATIONAL, era(ctx, on), "date"
    resolved = ctx.linker.gazetteer.resolve(code, on=on, marked_old=marked)
    return resolved.name, resolved.boundaries, resolved.rule


def era(ctx: Context, on: dt.date | None) -> Boundaries | None:
    """Boundaries of a date: before or after the 2025 merger."""
    if on is None:
        return None
    return "pre-2025" if on < ctx.linker.gazetteer.merger_date else "2025"
