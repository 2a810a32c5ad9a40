"""Whose figures a document reports: the bank's, in which province, or the whole bank's.

``rules/scope.yaml`` holds the words; ``rules/outlets.yaml`` what an outlet implies. Evidence for a
province (the title, the outlet, the page address, a branch named with its province, how often it
is named, the districts named with a district's word: rules/districts.yaml; a commune's name tells
none) is weighed against evidence that the document reports the whole bank ("nationwide",
amounts no province reaches) and evidence that it reports one unnamed province ("the provincial
bank", "toàn tỉnh"). A dateline or a meeting's venue names where a story was filed or held, not
whose figures they are. When the province cannot be told, it stays empty: never guessed.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from urllib.parse import unquote, urlparse

from extractor.link.context import CLAUSE_BREAK, Area, Context, Labelled, piece, sentence_span
from extractor.link.outlets import Outlet
from extractor.link.provinces import key_of
from extractor.link.rules import part_list, scope_list
from extractor.models import Figure

NATIONAL = "national"
NATIONAL_MARKER = "national_marker"
_SLUG_WORDS = re.compile(r"[-_/.]+")
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_LINE = re.compile(r"[^\n]+")
# A source credit line: an address alone, perhaps after a source label and a colon ("Source:",
# "Theo:"; not "Read more:", "Photo:", whose address is another story's or an image's).
_CREDIT_LINE = re.compile(r"\s*(?:(?i:source|theo|via)\s*:\s*)?((?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?)\s*")
CREDIT_LINES = 3
# A line of two sentences or more (a word, a stop, a space, a capital or a letter, and more
# words: "… in May. The bank …"): a headline holds one.
_PARAGRAPH = re.compile(r"\w{3}[.!?][\"'”’)]*\s+[^\W\d_].{40}")
# Weights of the evidence for a province (a named mention counts 1; marked "(old)" 0.5).
TITLE, OUTLET, ADDRESS, BRANCH = 3.0, 3.0, 2.0, 3.0
HELD = "where a meeting was held"  # the reason a venue gives: weak, it names no one's figures
# The reason a district named with a district's word gives (rules/districts.yaml): where the text's
# places lie, no evidence that it reports a province rather than the whole bank.
DISTRICT_NAMED = "a district of it named"
DISTRICT_OFFICE = "the bank's district office"  # the reason the district a text reports from gives
COMMUNE_WORDS = part_list("commune_words")  # the words naming a commune, not a district
VISITS = part_list("visit")  # the words of a visit: the districts after them are where someone went
OTHERS = scope_list("other_institution")  # the marker list of institutions other than the bank
DISTRICT_REFS = part_list("district_ref")  # words speaking of one district without naming it
REGIONS = part_list("regions")  # the country's regions (rules/parts.yaml)


@dataclass(frozen=True)
class Scope:
    """A document's province (canonical name), the rule that decided it, its old-unit code and
    why, in words."""

    province: str | None
    rule: str
    code: str | None = None
    why: str = ""
    by_district: bool = False  # only districts told it (``_by_district``)
    merged: bool = False  # a post-merger text of a unit merged into another (``document_scope``)


# --- the document's province ------------------------------------------------------------------


def document_scope(ctx: Context) -> Scope:
    """The document's province, national, or none, and why (see the module's docstring).

    A province named by the title or with the bank's branch wins. Otherwise the text's words
    decide between the whole bank and one province; a province implied only by the outlet, the
    page's address or how often it is named loses to words about the whole bank.
    """
    scores, reasons = _province_evidence(ctx)
    provincial = _provincial_evidence(ctx)
    named = any(why not in (HELD, DISTRICT_NAMED) for _, whys in reasons.values() for why in whys)
    national = _national_evidence(ctx, provincial=bool(provincial), named=named)
    best = _best(ctx, scores)
    if best is not None and _takes(reasons[best][0], _apart(ctx, scores, reasons, best), best,
                                   provincial=bool(provincial), national=national is not None):
        home = _district_home(ctx, best)
        merger = ctx.linker.gazetteer.merger_date
        # Only a text that may speak from after the merger is read for it (a long scan).
        speaks = ((ctx.published is None or ctx.published >= merger)
                  and ctx.linker.gazetteer.speaks_after_merger(ctx.text))
        on = merger if ctx.published is None and speaks else ctx.published
        if home is not None:
            name = ctx.linker.gazetteer.name_at(home, on, by_district=True)
            return Scope(name, reasons[home][0], home, _because(reasons[home][1]), by_district=True)
        by_district = _by_district(reasons[best][1])
        # A document that speaks from after the merger in its own words (rules/provinces.yaml
        # ``post_merger_cues``), undated or published from the merger on, about a unit merged into
        # another is the new unit's only when the document is one of its district offices (their
        # figures are the new unit's area parts) or names the new unit too (``_new_named``).
        merged = (speaks and on is not None and on >= ctx.linker.gazetteer.merger_date
                  and (_office_of(ctx, best) or _new_named(ctx, best)))
        name = ctx.linker.gazetteer.name_at(best, on, by_district=by_district or merged)
        return Scope(name, reasons[best][0], best, _because(reasons[best][1]), by_district, merged=merged)
    if national is not None:
        return Scope(None, NATIONAL, None, national)
    return Scope(None, "none", None, provincial or "no province could be told")


def _office_of(ctx: Context, best: str) -> bool:
    """Whether the whole document reports from one district (its transaction office) of
    province ``best``: after the merger, an area part of the new province that took ``best`` in,
    even where the text marks ``best`` old (the old province names where the district lay)."""
    if not ctx.district or _commune_only(ctx, ctx.district):
        return False
    return ctx.linker.gazetteer.district_province(ctx.district) == best


def _new_named(ctx: Context, best: str) -> bool:
    """Whether a text speaking from after the 2025 merger (``post_merger_cues``) files province
    ``best``, merged into another, under the new one: only when it names that new province itself
    ("now part of <the new province>") and never marks ``best`` old (``old_markers``). Otherwise a
    merged-away name is the old area with its old boundaries: the old branch's own totals are
    no figures of the whole new province (its district offices' are, as parts: ``_office_of``)."""
    gazetteer = ctx.linker.gazetteer
    new = gazetteer.new[gazetteer.old[best].new]
    if new.name == gazetteer.old[best].name:
        return False
    if any(m.code == best and m.marked_old for m in ctx.mentions):
        return False
    return any(m.code != best and not m.marked_old and gazetteer.old[m.code].new == new.code
               and gazetteer.old[m.code].name == new.name for m in ctx.mentions)


def _district_home(ctx: Context, best: str) -> str | None:
    """The old province of the district the document reports from, when it is not ``best`` but
    the 2025 merger put both into one province: a district office's report on the merged
    province's site (its name, its weather bar) is filed under the district's own old province,
    which each figure then resolves at its date (before the merger the old one, from it on the
    new one, ``Gazetteer.of_district``). Only on a page published from the merger on (or of no
    known date): before it, the other province's paper is another province's, not the merged
    one's."""
    if not ctx.district or _commune_only(ctx, ctx.district):
        return None
    gazetteer = ctx.linker.gazetteer
    if ctx.published is not None and ctx.published < gazetteer.merger_date:
        return None
    home = gazetteer.district_province(ctx.district)
    if home is None or home == best or gazetteer.old[home].new != gazetteer.old[best].new:
        return None
    return home


def _apart(ctx: Context, scores: dict[str, float], reasons: dict[str, tuple[str, list[str]]],
           best: str) -> dict[str, float]:
    """The scores a title or a branch of province ``best`` is weighed against (``_takes``): in a
    text published from the 2025 merger on, no province merged into the same new one as ``best``
    (the old provinces a merged branch was made of are its own parts); and when the title
    decides, none at all unless the title names another province too (a headline naming one
    province keeps it, however often the body compares it with neighbours; a headline naming
    several, a weather bar, singles none out when the body names others as often)."""
    rule = reasons[best][0]
    if rule not in ("title", "branch"):
        return scores
    gazetteer = ctx.linker.gazetteer
    merged = ctx.published is not None and ctx.published >= gazetteer.merger_date
    kept = {code: score for code, score in scores.items()
            if code == best or not merged or gazetteer.old[code].new != gazetteer.old[best].new}
    if rule == "title" and not any(code != best and "the title" in reasons[code][1] for code in kept):
        return {best: scores[best]}
    return kept


def _takes(rule: str, scores: dict[str, float], best: str, *, provincial: bool, national: bool) -> bool:
    """Whether the best-supported province is the document's (see ``document_scope``); a title or
    a branch is weighed only against the provinces ``_apart`` keeps."""
    if rule in ("title", "branch"):
        return not _shared(scores, best, others=2)
    if national:
        return provincial and scores[best] >= OUTLET
    if rule == "frequency" and _shared(scores, best):
        return False
    return provincial or scores[best] >= 2


def _shared(scores: dict[str, float], best: str, *, others: int = 1) -> bool:
    """Whether ``others`` other provinces (one, or more) are each named twice or more and at
    least half as often as the best-supported one: a story of several provinces alike (a
    regional office's four) has no one province for its subject, and counting names alone, an
    unfiled figure is better than one filed under the wrong province. A neighbour named once
    beside it ("Hà Tĩnh giáp Quảng Bình") shares nothing. The counting rule asks it of one other
    province; a branch named with its province, or a title naming it with another, asks it of two
    (a meeting of four provinces' branches, each named as often, one of them once as "… branch";
    a headline listing four provinces hit by floods), so a province compared with one neighbour
    keeps its branch or its headline (``_takes``, weighing only what ``_apart`` keeps)."""
    alike = [code for code, score in scores.items() if code != best and score >= 2 and score * 2 >= scores[best]]
    return len(alike) >= others


def _best(ctx: Context, scores: dict[str, float]) -> str | None:
    """The province with the most evidence (the one named first wins a tie)."""
    if not scores:
        return None
    return max(scores, key=lambda code: (scores[code], -_first(ctx, code)))


def _because(reasons: list[str]) -> str:
    return "province from " + ", ".join(dict.fromkeys(reasons))


def _province_evidence(ctx: Context) -> tuple[dict[str, float], dict[str, tuple[str, list[str]]]]:
    """Each province's weight of evidence, with the strongest rule and the reasons in words."""
    scores: dict[str, float] = {}
    reasons: dict[str, tuple[str, list[str]]] = {}

    def add(code: str | None, weight: float, rule: str, why: str) -> None:
        if not code:
            return
        scores[code] = scores.get(code, 0.0) + weight
        kept = reasons.get(code)
        if kept is None:
            reasons[code] = (rule, [why])
            return
        # The reasons grow in place: a province named a thousand times is one list, not a
        # thousand copies of it.
        kept[1].append(why)
        if _rank(kept[0]) > _rank(rule):
            reasons[code] = (rule, kept[1])

    outlet = _outlet(ctx)
    if outlet is not None and outlet.code:
        add(outlet.code, OUTLET, "outlet", outlet.reason)
    for code in _title_codes(ctx):
        add(code, TITLE, "title", "the title")
    for code in _address_codes(ctx):
        add(code, ADDRESS, "address", "the page's address")
    for code in _branch_mentions(ctx):
        add(code, BRANCH, "branch", "the bank's branch named with it")
    gazetteer = ctx.linker.gazetteer
    if ctx.district and not _commune_only(ctx, ctx.district):
        add(gazetteer.district_province(ctx.district), BRANCH, "branch",
            f"{DISTRICT_OFFICE} ({ctx.district}, rules/districts.yaml)")
    for area in _districts(ctx):
        add(gazetteer.district_province(area.name), 1.0, "frequency", DISTRICT_NAMED)
    for office in ctx.offices:
        if office != ctx.district:
            add(gazetteer.district_province(office), 1.0, "frequency", DISTRICT_NAMED)
    for code in _communes_agreeing(ctx):
        add(code, 1.0, "frequency", DISTRICT_NAMED)
    held = meeting_venues(ctx)
    for m in ctx.mentions:
        add(m.code, 0.5 if m.marked_old else 1.0, "frequency", HELD if m.start in held else "how often it is named")
    return scores, reasons


def _districts(ctx: Context) -> list[Area]:
    """The areas the text names as districts: no commune's, none only visited."""
    return [area for area in ctx.areas if not is_commune(ctx, area) and not _visited(ctx, area)]


def _district_places(ctx: Context) -> dict[str, str]:
    """The province of each district the text names, of each bank office and of the district it
    reports from, by the name's key: the places a commune may back up."""
    gazetteer = ctx.linker.gazetteer
    names = [area.name for area in _districts(ctx)] + list(ctx.offices)
    if ctx.district and not _commune_only(ctx, ctx.district):
        names.append(ctx.district)
    found = {key_of(name): gazetteer.district_province(name) for name in names}
    return {key: code for key, code in found.items() if code is not None}


def _communes_agreeing(ctx: Context) -> list[str]:
    """The provinces a commune's name backs up, once per commune: a commune bearing the name of a
    district of a province that a district or an office the text names already points to ("the
    Tan Ky transaction office" and "Nghia Dong commune" of the same province; since the 2025
    map many communes keep an old district's name). Alone a commune's name tells no province (one
    of another province may share it, ``is_commune``); beside a district of the same province it
    is a second place of that province, not chance. Only a district's or an office's province
    counts (not one the outlet, title or address gave), and a commune of the same name as such a
    district or office ("Krong Bong commune" beside the Krong Bong office) is no second place."""
    places = _district_places(ctx)
    gazetteer, codes = ctx.linker.gazetteer, set(places.values())
    found: dict[str, str] = {}
    for area in ctx.areas:
        key = key_of(area.name)
        if key in places or not is_commune(ctx, area) or _visited(ctx, area):
            continue
        code = gazetteer.district_province(area.name)
        if code is not None and code in codes:
            found.setdefault(key, code)
    return list(found.values())


def _visited(ctx: Context, area: Area) -> bool:
    """Whether a visit's words stand before the area in its sentence, with no figure between
    ("đoàn đã đến học tập kinh nghiệm tại huyện …"): where someone went, not where the text's
    figures lie."""
    s0, _ = ctx.stops.around(area.start, area.end)
    visit = ctx.last_mark(VISITS, s0, area.start)
    return visit is not None and not ctx.figures.within(visit[1], area.start)


def districts_named(ctx: Context) -> tuple[str, ...]:
    """The districts the text names with a district's word or by their bank offices, as the
    gazetteer knows them (rules/districts.yaml), each once, in order: what told a province that
    only they told (``Scope.by_district``)."""
    names = [area.name for area in _districts(ctx)] + list(ctx.offices)
    known = [name for name in names if ctx.linker.gazetteer.district_province(name)]
    firsts: dict[str, str] = {}
    for name in known:
        firsts.setdefault(key_of(name), name)
    return tuple(firsts.values())


def _by_district(whys: list[str]) -> bool:
    """Whether only the districts a text names told its province: a district lies in today's
    province after the merger, where a province's own name speaks of its old area."""
    return all(why == DISTRICT_NAMED or why.startswith(DISTRICT_OFFICE) for why in whys)


def is_commune(ctx: Context, area: Area) -> bool:
    """Whether a commune's word names the area ("xã Yên Phong", "Yen Phong commune"): a commune may
    share its name with a district of another province, so its name tells no province. The
    commune's word opens or closes the area's words, or stands in the area word after the name
    that closes them ("Yen Phong is the commune with …")."""
    after = [hit for hit in ctx.marks(part_list("area_after"), area.start, area.end) if hit[1] == area.end]
    return any(hit[0] == area.start or hit[1] == area.end or any(a[0] <= hit[0] for a in after)
               for hit in ctx.marks(COMMUNE_WORDS, area.start, area.end))


def _commune_only(ctx: Context, name: str) -> bool:
    """Whether every mention of the area ``name`` is a commune's (``_commune``)."""
    named = [area for area in ctx.areas if area.name == name]
    return bool(named) and all(is_commune(ctx, area) for area in named)


_RANKS = ("branch", "title", "outlet", "address", "frequency")


def _rank(rule: str) -> int:
    return _RANKS.index(rule) if rule in _RANKS else len(_RANKS)


def _outlet(ctx: Context) -> Outlet | None:
    """What the outlet says: the source's host, a source credit line's address, a dateline code."""
    doc, outlets = ctx.ex.document, ctx.linker.outlets
    for url in (doc.source, doc.meta.get("source_url", ""), doc.meta.get("requested_url", "")):
        found = outlets.of_host(url) if url else None
        if found is not None and found.code:
            return found
    for url in _credited_urls(ctx.text):
        found = outlets.of_host(url)
        if found is not None and found.code:
            return found
    return outlets.of_dateline(ctx.text)


def told_outside_text(ctx: Context) -> set[str]:
    """The provinces the outlet or the page's address tells, outside the text's own words: a
    provincial station writing "thành phố <its province's name>" means the city, the province
    being told already (``parts.seat_areas``)."""
    outlet = _outlet(ctx)
    return {*([outlet.code] if outlet is not None and outlet.code else []), *_address_codes(ctx)}


def _credited_urls(text: str) -> list[str]:
    """The addresses of the text's source credit: a line that is an address alone, perhaps after
    a label ("Source: https://…"), among its last ``CREDIT_LINES`` lines (a copied story ends
    with where it came from; an address in a sentence is no credit)."""
    lines = text.rstrip().rsplit("\n", CREDIT_LINES)[-CREDIT_LINES:]
    return [m.group(1) for m in map(_CREDIT_LINE.fullmatch, lines) if m is not None]


def _title_codes(ctx: Context) -> list[str]:
    """Provinces the title names (the document's title and its first lines), datelines and the
    venue of a meeting in the lead not (``meeting_venues``)."""
    doc = ctx.ex.document
    t0, t1 = ctx.title
    named = ctx.linker.gazetteer.find(doc.title) if doc.title and doc.title not in ctx.text[:t1] else []
    held = meeting_venues(ctx)
    t1 = _headline_end(ctx, t0, t1)
    return [m.code for m in named] + [m.code for m in ctx.mentions.within(t0, t1) if m.start not in held]


def _headline_end(ctx: Context, t0: int, t1: int) -> int:
    """Where the title lines of the span ``[t0, t1)`` end: after its first paragraph of
    sentences (``_PARAGRAPH``), an excerpt that opens with its lead and no headline: the line
    after that lead is the body, whose provinces are the report's examples, not its subject."""
    for line in _LINE.finditer(ctx.text, t0, t1):
        if _PARAGRAPH.search(line.group()) and not ctx.linker.chrome(line.group()):
            return line.end() if _national_lead(ctx, line.start(), line.end()) else t1
    return t1


def _national_lead(ctx: Context, start: int, end: int) -> bool:
    """Whether the line ``[start, end)`` is a lead of the whole bank: prose of ``national_lead``
    letters or more (a reach of rules/linking.yaml; no byline, date or "follow us" furniture)
    holding words of the whole bank or country ("nationwide", "63 provinces"). Another lead's
    next line may be the story's own subject."""
    if sum(map(str.isalpha, ctx.text[start:end])) < ctx.reach("national_lead"):
        return False
    return any(ctx.starts_in(name, start, end) for name in ("national", scope_list("whole_bank")))


def _address_codes(ctx: Context) -> list[str]:
    """Provinces the page's address names in its path ("…/gia-lai-tin-dung-chinh-sach-…")."""
    doc = ctx.ex.document
    for url in (doc.source, doc.meta.get("source_url", "")):
        if "//" in url:
            path = unquote(urlparse(url).path)
            # Slugs are lower case; names are found capitalised ("an-giang" → "An Giang").
            words = " ".join(w.capitalize() for w in _ASCII_WORD.findall(_SLUG_WORDS.sub(" ", path)))
            return list(dict.fromkeys(m.code for m in ctx.linker.gazetteer.find(words)))
    return []


def _branch_mentions(ctx: Context) -> list[str]:
    """Provinces named with the bank: right after the bank, its branch or its credit ("NHCSXH
    tỉnh Lạng Sơn", "Social Policy Bank of Nghe An", "policy credit capital in Lai Chau"), after a
    district named with the bank ("VBSP Yen Thanh district (Nghe An)", ``_served``), or right
    before a branch word ("Nghe An branch")."""
    gap = ctx.linker.scope_gaps[ctx.lang]
    ends = sorted(end for name in (scope_list("branch"), "bank", scope_list("bank_topic"))
                  for _, end, _ in ctx.hits[name])
    ends += [area.end for area in ctx.areas if _served(ctx, area, ends)]
    found = []
    for end in ends:
        after = ctx.mentions.within(end, end + 40)
        if after and gap.fullmatch(ctx.text, end, after[0].start):
            found.append(after[0].code)
    for start, _, _ in ctx.hits[scope_list("branch_after")]:
        before = ctx.mentions.within(max(0, start - 40), start)
        if before and not ctx.text[before[-1].end : start].strip():
            found.append(before[-1].code)
    return found


def _served(ctx: Context, area: Area, bank_ends: list[int]) -> bool:
    """Whether an area is named with the bank, its branch or its credit (``bank_ends``, sorted):
    right after it or taking it into its capitalised name ("VBSP Yen Thanh district"), the
    district office's area. A district where a borrower lives ("the family of …, Kim Son
    district, Ninh Binh province") names no branch of the bank."""
    before = bisect.bisect_right(bank_ends, area.end)
    if not before:
        return False
    end = bank_ends[before - 1]
    return end >= area.start or ctx.linker.scope_gaps[ctx.lang].fullmatch(ctx.text, end, area.start) is not None


def _provincial_evidence(ctx: Context) -> str:
    """Words saying the document reports one province's branch ("" when there are none)."""
    for name in (scope_list("branch"), "province_ref"):
        hits = ctx.hits[name]
        if hits:
            return f"the text speaks of one province ({ctx.text[hits[0][0] : hits[0][1]]!r})"
    return ""


def _national_evidence(ctx: Context, *, provincial: bool, named: bool) -> str | None:
    """Words saying the document reports the whole bank, or None: "nationwide", "63 provinces",
    an amount no province reaches, or the bank named where no branch, no province and no district
    or commune is (in a text that reports figures)."""
    said = national_words(ctx)
    if said is not None:
        return said
    bank = ctx.hits["bank"]
    # Naming the bank says whose figures a text reports only when it reports some, and not when
    # it names a district or commune (``ctx.areas``) before its last figure, or speaks of one
    # ("toàn huyện") by the end of its first figure's sentence: a report from a district office
    # ("the Cai Ba branch", "xã Tân Lập") need not name its province, and is no report of the
    # whole bank (a commune or "the whole district" in a later anecdote of a national report is).
    last = ctx.figures.items[-1].start if ctx.figures else 0
    lead = ctx.stops.around(ctx.figures.items[0].start, ctx.figures.items[0].end)[1] if ctx.figures else 0
    local = ctx.areas.within(0, last) or ctx.marks(DISTRICT_REFS, 0, lead)
    # Nor when the headline names a region of the country: the bank's figures of that region.
    if bank and ctx.figures and not provincial and not named and not local and headline_region(ctx) is None:
        return f"the bank is named with no branch and no province ({ctx.text[bank[0][0] : bank[0][1]]!r})"
    return None


def national_words(ctx: Context) -> str | None:
    """Words or an amount saying the text speaks of the whole bank or country ("nationwide",
    "cả nước", "63 provinces", an amount no province reaches, but not a comparison's baseline),
    or None."""
    for name in ("national", scope_list("whole_bank")):
        hit = next((h for h in ctx.hits[name] if not national_baseline(ctx, ctx.stops.around(h[0], h[0])[0], h[0])),
                   None)
        if hit is not None:
            return f"the text speaks of the whole bank or country ({ctx.text[hit[0] : hit[1]]!r})"
    whole = national_amount(ctx, 0, len(ctx.text), document=True)
    if whole is not None:
        return f"an amount no province reaches ({whole.text!r})"
    return None


def national_baseline(ctx: Context, start: int, pos: int) -> bool:
    """Whether the national marker at ``pos`` is a comparison's baseline: a comparison word
    (``national_baseline``) stands before it in its clause, after ``start`` and within
    ``reaches.baseline`` ("the overdue rate was 0.12%, lower than the region's average (0.35%)
    and the whole country's"): a province's figure measured against the country's, neither the
    whole bank's report nor the place of the figure compared. A comparison that opens the
    sentence in a clause of its own ("So với đầu năm, dư nợ toàn quốc tăng …") compares a time,
    and the marker after it is the sentence's scope."""
    marks = ctx.marks(scope_list("national_baseline"), max(start, pos - ctx.reach("baseline")), pos)
    return bool(marks) and not CLAUSE_BREAK.search(ctx.text, marks[-1][1], pos)


def national_amount(ctx: Context, start: int, end: int, *, document: bool = False) -> Figure | None:
    """The first level of the bank starting inside ``[start, end)`` that no province reaches
    (``national_scale``): the whole bank's, or None. Another institution's amount says nothing
    of the bank's scope (the credit of all banks in a region or a province is far larger). For
    the ``document``'s scope the counts of ``national_scale_document`` count too, and the amounts
    of ``national_scale_bank`` in a sentence that names the bank."""
    scale = ctx.linker.scope.national_scale
    named = ctx.linker.scope.national_scale_bank if document else {}
    if document:
        scale = {**scale, **ctx.linker.scope.national_scale_document}
    for fig in ctx.figures.within(start, end):
        limit = scale.get(fig.unit)
        if limit is None and fig.unit in named and _bank_in_sentence(ctx, fig):
            limit = named[fig.unit]
        if (limit is not None and fig.change is None and fig.value >= Decimal(limit)
                and not other_institutions_figure(ctx, fig)):
            return fig
    return None


def _bank_in_sentence(ctx: Context, fig: Figure) -> bool:
    """Whether the figure is the bank's own amount: its sentence names the bank, the bank, a cue
    of its indicators or a word of its money (credit, loans, capital: ``bank_money``) stands in
    the figure's clause before it, and the sentence does not speak of a province ("the province
    drew USD 3 billion of investment", ``province_ref``), whose economy's sums are larger."""
    s0, s1 = ctx.stops.around(fig.start, fig.end)
    if not ctx.marks("bank", s0, s1) or ctx.marks("province_ref", s0, s1):
        return False
    c0 = max([s0] + [s0 + m.end() for m in CLAUSE_BREAK.finditer(ctx.text[s0 : fig.start])])
    if ctx.cues.within(c0, fig.start) or ctx.marks("bank", c0, fig.start):
        return True
    words = getattr(ctx.linker.scope.bank_money, ctx.lang)
    clause = ctx.text[c0 : fig.start].casefold()
    return any(re.search(rf"(?<!\w){re.escape(w.casefold())}(?!\w)", clause) for w in words)


def meeting_venues(ctx: Context) -> frozenset[int]:
    """Starts of the mentions that name where a meeting was held, not whose figures are told
    ("held a conference in Hanoi on Friday", "Tại Hà Nội, NHCSXH tổ chức hội nghị"): read once."""
    held = ctx.state.venues
    if held is None:
        held = ctx.state.venues = frozenset(m.start for m in ctx.mentions if held_in(ctx, m.start, m.end))
    return held


def held_in(ctx: Context, start: int, end: int) -> bool:
    """Whether the place at ``[start, end)`` names where a meeting was held: it follows a
    ``venue_gap`` word ("in", "tại") right after a ``meeting`` word ("held a conference in Hanoi",
    "hội nghị tổng kết … tại Hà Nội"), or opens its sentence before one ("Tại Hà Nội, NHCSXH tổ
    chức hội nghị …", after a day at most), with no figure, indicator cue, reporting verb or stop between the two
    ("Speaking at the conference, the director said that in Ha Tinh, 12,000 households …" names
    Ha Tinh's figures); and its sentence names no provincial branch (whose meeting is held in its
    province). Every look is bounded (``reaches.venue``): a text without stops costs no more."""
    binder = ctx.linker.venue_gaps[ctx.lang].search(ctx.text, max(0, start - ctx.reach("venue_gap")), start)
    if binder is None or _after_the_bank(ctx, binder.start()):
        return False
    reach, meeting = ctx.reach("venue"), scope_list("meeting")
    before = ctx.last_mark(meeting, max(0, binder.start() - reach), binder.start())
    if before is not None and _hosted_or_scoped(ctx, before, binder.start()):
        return False
    if before is None or not _plain(ctx, before[1], binder.start()):
        after = ctx.first_mark(meeting, end, end + reach)
        if after is None or not opens_sentence(ctx, binder.start()) or not _plain(ctx, end, after[0]):
            return False
    s0, s1 = ctx.stops.around(start, end)
    return not ctx.marks(scope_list("branch"), max(s0, start - 4 * reach), min(s1, end + 4 * reach))


def _hosted_or_scoped(ctx: Context, meeting: tuple[int, int, str], binder: int) -> bool:
    """Whether a meeting word's sentence makes the place after it no venue: a branch holds the
    meeting (``venue_host`` before the meeting word in its sentence: "the bank's branch held a
    ceremony in <city>" is that province's own), or the words between speak of lending or of
    whom it reaches (``venue_scoped``: "a review of lending to poor households in <province>"
    names whose lending)."""
    s0, _ = ctx.stops.around(meeting[0], meeting[1])
    scope = ctx.linker.scope
    host = getattr(scope.venue_host, ctx.lang)
    scoped = getattr(scope.venue_scoped, ctx.lang)
    return bool((host and _whole_words(tuple(host)).search(ctx.text, s0, meeting[0]))
                or (scoped and _whole_words(tuple(scoped)).search(ctx.text, meeting[1], binder)))


@lru_cache(maxsize=16)
def _whole_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, any case (compiled once per list)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _plain(ctx: Context, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds no figure, indicator cue, reporting verb or sentence stop:
    a meeting word and a place with such between are no meeting and its venue."""
    return not (ctx.figures.within(start, end) or ctx.cues.within(start, end)
                or ctx.marks("reporting", start, end) or ctx.stops.between(start, end))


def opens_sentence(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` opens its sentence, after a day at most ("Ngày 8/1, tại Hà Nội, …": a
    short stretch with no figure, cue or reporting verb)."""
    s0, _ = ctx.stops.around(pos, pos)
    return pos - s0 <= ctx.reach("sentence_opener") and _plain(ctx, s0, pos)


def _after_the_bank(ctx: Context, pos: int) -> bool:
    """Whether the bank, its branch or its credit ends right before ``pos`` on its line: "the VBSP
    branch in Ninh Binh held a conference" names the branch's province, not a venue (a headline
    ending in "policy credit" is no part of the lead's first words)."""
    for name in (scope_list("branch"), scope_list("branch_after"), "bank", scope_list("bank_topic")):
        hit = ctx.last_mark(name, max(0, pos - ctx.reach("branch_venue")), pos)
        if hit is not None and not ctx.text[hit[1] : pos].strip() and "\n" not in ctx.text[hit[1] : pos]:
            return True
    return False


def _first(ctx: Context, code: str) -> int:
    """Offset of the first mention of ``code`` (earlier wins a tie)."""
    return next((m.start for m in ctx.mentions if m.code == code), len(ctx.text))


# --- whose figure -----------------------------------------------------------------------------


def about_the_bank(ctx: Context) -> bool:
    """False for a document that names neither the bank nor its credit but names another
    institution (``other_institution``, or a body of ``other_document`` that only decides this):
    it yields no observations of the bank."""
    if ctx.hits[scope_list("bank_topic")] or _named_outside_text(ctx):
        return True
    return not (ctx.hits[OTHERS] or ctx.hits[scope_list("other_document")])


def _named_outside_text(ctx: Context) -> bool:
    """Whether the title or the page's address names the bank or its credit."""
    doc = ctx.ex.document
    path = unquote(urlparse(doc.source).path) if "//" in doc.source else ""
    words = " ".join([doc.title or "", _SLUG_WORDS.sub(" ", path)])
    index = ctx.linker.index[ctx.lang]
    return bool(words.strip() and index.scan(words)[scope_list("bank_topic")])


def other_institutions_figure(ctx: Context, fig: Figure) -> bool:
    """Whether the institution that governs the figure is not the bank: the one named last before
    it in its sentence, else first after it there, else last in the sentences before it on its
    line (its paragraph)."""
    if not ctx.hits[OTHERS]:
        return False  # a document that names no other institution: every figure is the bank's
    s0, s1 = sentence_span(ctx, fig)
    named = _institution(ctx, s0, fig.start, last=True)
    if named:
        return named == "other"
    # From inside the figure: a name may begin with its counted noun ("86 căn nhà đại đoàn kết").
    after = _institution(ctx, fig.start + 1, s1, last=False)
    if after:
        return after == "other"
    p0, _ = ctx.line(fig.start, fig.end)
    return _institution(ctx, p0, s0, last=True) == "other"


INSTITUTIONS = (("bank_topic", "bank"), ("branch", "bank"), ("other_institution", "other"))


def _institution(ctx: Context, start: int, end: int, *, last: bool) -> str | None:
    """Whether the institution named last (or first) inside ``[start, end)`` is the bank
    ("bank") or "other", None when none is named (two named at one offset: the last is "other",
    the first "bank"): found by offset, as the span may be a long paragraph. The bank named as
    the borrower of another's loans (``bank_borrows``: "ADB's loans to the VBSP") names a lender's
    figure: "other"."""
    named = ctx.state.institutions
    if named is None:
        borrows = _borrower_words(tuple(ctx.linker.scope.bank_borrows.phrases(ctx.lang)))
        named = ctx.state.institutions = Labelled(
            (hit[0], "other" if kind == "bank" and _borrows(ctx, hit[0], borrows) else kind, hit[1])
            for name, kind in INSTITUTIONS for hit in ctx.hits[scope_list(name)])
    return named.last(start, end) if last else named.first(start, end)


@lru_cache(maxsize=4)
def _borrower_words(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Any of ``words`` as whole words, then an article perhaps, ending where it is searched up
    to (right before a name of the bank); None for no words."""
    if not words:
        return None
    return re.compile(r"(?i)(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:the\s+)?\Z")


def _borrows(ctx: Context, start: int, words: re.Pattern[str] | None) -> bool:
    """Whether the name of the bank at ``start`` follows a word that makes it a borrower (within
    ``bank_borrows`` of rules/linking.yaml's reaches), after a lender named earlier in its clause
    ("ADB's loans to the VBSP"): with no lender named there, the loans are the bank's borrowers'
    ("households repaid their loans to the VBSP")."""
    found = words.search(ctx.text, max(0, start - ctx.reach("bank_borrows")), start) if words is not None else None
    if found is None:
        return False
    c0, _ = piece(found.start(), ctx.stops.around(found.start(), start), ctx.breaks.clause)
    return any(ctx.marks(scope_list(name), c0, found.start()) for name, kind in INSTITUTIONS if kind == "other")


def headline_region(ctx: Context) -> tuple[int, int] | None:
    """Where the headline (the text's first line of content) names a region of the country
    ("… in the Central Highlands"), when it names no province: the text's topic."""
    line = ctx.head
    if line is None:
        return None
    named = ctx.marks(REGIONS, line.start, line.end)
    if not named or ctx.mentions.within(line.start, line.end) or ctx.marks("national", line.start, line.end) \
            or names_province(ctx, named[0][1]):
        return None
    return named[0][0], named[0][1]


def names_province(ctx: Context, end: int) -> bool:
    """Whether a province's word follows the region that ends at ``end`` ("a Mekong Delta
    province"): it names one of its provinces, not the region."""
    words = ctx.text[end : end + 40].split(None, 1)
    return bool(words) and key_of(words[0].strip(".,;:!?'\"()")) in ctx.linker.gazetteer.suffix_keys
