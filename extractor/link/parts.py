"""Parts versus totals: a figure of one programme, area, channel, group, source, or an average.

``rules/parts.yaml`` holds the words. A part is kept as a breakdown observation (``part_of`` and
``part``), never as its place's total. A part cue counts in the figure's clause before the figure,
unless a total word ("tổng", "total") stands between it and the figure, or ends the list of
borrowers a count counts ("…, near-poor households and other policy beneficiaries"); after a
breakdown word ("of which", "trong đó") it counts anywhere in the clause, or earlier in the figure's
item of the list (its sentence part, from a semicolon); a programme named just after a count of
borrowers in its clause counts too ("1,150 households received loans from the social housing
programmes"). An area is a district, town or commune named beside an area word ("Thang Binh
district", "huyện Hương Sơn"), before the figure in its sentence or joined to it right after ("320
customers in Tam Chung commune"); a document reporting from the bank's district office reports a
district, unless a sentence speaks of the whole province, or of one commune, by its name or by
words that refer back to it ("dư nợ của xã", "the commune's"): that commune's. An item of a list opened by a colon ("các
chương trình cho vay: hộ cận nghèo … tỷ đồng; …", ``link.lists``) is a part of the kind its opener
names. An amount stated as a share of a whole of its own indicator ("…, accounting for 18.6% of
total outstanding loans", "…, chiếm 97,4% tổng dư nợ") is a part of it. A sentence that names no
part, total or place of its own, right after one whose every level is a part of one topic ("Loans
for Khmer households reached …, with … borrowers. The overdue rate was 0.2%."), goes on with that
topic's figures of other indicators.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, dropwhile, takewhile
from operator import itemgetter

from extractor.link.context import (
    BLANK,
    CLAUSE_BREAK,
    Area,
    Context,
    Offsets,
    borrowers_end,
    clause_span,
    segment_span,
    sentence_span,
    spaces_start,
)
from extractor.link.indicators import CueHit
from extractor.link.lists import list_item, unglued
from extractor.link.place import NATIONAL_DOCUMENT, REGION_RULE, Spot, bound_place
from extractor.link.provinces import Mention, key_of
from extractor.link.rules import (
    LIST_GLUE_AFTER,
    PART_KINDS,
    list_opener,
    part_list,
    scope_list,
    topic_list,
    topic_ref_list,
)
from extractor.link.scope import NATIONAL, held_in, is_commune, national_words, told_outside_text
from extractor.link.when import list_joined, respective_date, respective_index, respective_run
from extractor.models import Figure, PartKind
from extractor.parse.head import head_lines
from extractor.registry.phrases import APOSTROPHES, Hit, caseless, new_tone

MIN_NAME_WORDS = 2  # a district's name has two syllables or more: "The district" names none
MAX_NAME_WORDS = 4
ITEM_NAME_WORDS = 2  # a breakdown's item is named by two words or more ("hộ nghèo", "for students")
# The index names of the part cue lists, asked per figure: named once.
KIND_LISTS = tuple((kind, part_list(kind)) for kind in PART_KINDS)
# Kinds of part narrower than an area: a figure of an area that its own clause names by one of
# these is a part of that kind (``_narrower``); a funding source too (a district's report giving
# "riêng phần cho vay bằng nguồn vốn ngân sách huyện …": the district's loans of that source).
NARROWER_KINDS = ("programme", "channel", "group", "source")
GROUPS, SOURCES, TOTALS, RANKS = part_list("group"), part_list("source"), part_list("total"), part_list("rank")
SHARES, REGIONS, PROGRAMMES = part_list("share"), part_list("regions"), part_list("programme")
SHARE_WHOLE_REFS = part_list("share_whole_refs")  # "of the total": a share naming no whole
DISTRICT_REFS, COUNTED_KINDS = part_list("district_ref"), part_list("counted_kinds")
CITY_REFS, GROUP_SUBJECTS = part_list("city_ref"), part_list("group_subject")
PART_OPENERS = part_list("part_openers")  # "Đối với <part>, …": the part of every figure of the sentence
OPENER_WHOLE, OPENER_SUBJECTS = part_list("opener_whole"), part_list("opener_subjects")  # … up to these
OPENER_PROGRAMMES = part_list("opener_programmes")  # "Đối với các chương trình …": programmes, whoever they serve
COUNTED_KIND = "counted-kind"  # a breakdown's item named by its count's own noun, no total before it
DISTRICT_UNIT_REFS, DISTRICT_UNIT_REFS_NOT = part_list("district_unit_ref"), part_list("district_unit_ref_not")
OUTCOME_KINDS, SPLIT_OPENERS, SPLIT_JOINS = (part_list(name) for name in ("outcome_kinds", "split_openers",
                                                                          "split_joins"))
OUTCOME_KINDS_PAIRED = part_list("outcome_kinds_paired")
AREA_WORDS = (part_list("area_before"), part_list("area_after"))
COMMUNE_REFS = part_list("commune_ref")
COMMUNE_REFS_NOT = part_list("commune_ref_not")
CHANNEL_NAMES = part_list("channel_names")  # the unions' own names (rules/parts.yaml ``channel_names``)
NAMED_PART_LISTS = (*(name for _, name in KIND_LISTS), CHANNEL_NAMES)  # every list of words naming a part
CHANNEL_ENTRUSTED = part_list("channel_entrusted")  # the loans entrusted to the unions as a whole
CHANNEL_ENTRUSTED_NOT = part_list("channel_entrusted_not")  # the budget entrusting its capital to the bank
UNION_HOLDS = part_list("union_holds")  # words after a union's name saying it holds the loans that follow
COMMUNE_NAMED, COMMUNE_REF = "area:commune", "area:commune-ref"
OFFICE_NAMED = "area:office"  # the part rule of a figure a district office named before it reports
RESPECTIVE_AREA = "area:respectively"  # … of a figure a "respectively" list of places gives its area
RESPECTIVE_PROGRAMME = "programme:respectively"  # … and a list of programmes its programme
AREA_KIND = "area:kind:"  # the part rule of a kind of area named without a name ("các huyện nghèo")
ITEM_OF_TOTAL = "item-of-total"  # in the rule of an item of its sentence's total (``_item_of_total``)
GRADED_ITEM = "graded-item:"  # the indicator rule of a graded item of a total (``indicator._graded_item``)
LABEL_CHARS = 60  # how much of an item's words a part's label keeps (a label, not the sentence)


@dataclass(frozen=True)
class Part:
    """What a figure is a part of, the words that name it, and the rule that found it."""

    kind: str
    words: str
    rule: str


def find_areas(ctx: Context) -> list[Area]:
    """Every capitalised name an area word marks ("Thang Binh district", "huyện Hương Sơn"), but a
    province's ("Ho Chi Minh City": the province, no area of it)."""
    found = []
    for start, end, _ in ctx.hits[part_list("area_before")]:
        words = _capitalised_near(ctx, end)
        # "thành phố Cần Thơ": the province (its mention takes the area word in), no area of it.
        if len(words) >= MIN_NAME_WORDS and not ctx.mentions.within(start, words[-1][1]):
            found.append(Area(start, words[-1][1], _name(ctx.text, words)))
    for start, end, _ in ctx.hits[part_list("area_numbered")]:
        # A unit's name is capitalised ("Quận 8", "District 8"): "các quận 2 năm qua" counts years.
        number = _AREA_NUMBER.match(ctx.text, end) if ctx.text[start].isupper() else None
        if number is not None:
            found.append(Area(start, number.end(), ctx.text[start : number.end()]))
    in_bank = _inside(sorted((hit[0], hit[1]) for hit in ctx.hits["bank"]))
    banks = {hit[0] for hit in ctx.hits["bank"]}
    for start, end, _ in ctx.hits[part_list("office_after")]:
        # "the Tan Phu branch of the VBSP": a name of its own (no bank's words, no short form in
        # brackets, no area word: ``area_after`` reads those) right before the office's words, the
        # bank's name right after them.
        words = _capitalised_near(ctx, start, backwards=True)
        blanks = _BLANKS.match(ctx.text, end)  # not a copy of the rest of the text per office
        after = blanks.end() if blanks else end
        if (after in banks and len(words) >= MIN_NAME_WORDS and not any(in_bank(w[0]) for w in words)
                and "(" not in ctx.text[words[0][0] : words[-1][1]]
                and not ctx.marks(part_list("area_after"), words[0][0], words[-1][1])  # "Thai Hoa City …"
                and not _organisation_named(ctx, words)
                and not _province_named(ctx, _dash_joined_start(ctx, words[0][0]), words[-1][1])):
            found.append(Area(words[0][0], end, _name(ctx.text, words)))
    for start, end, _ in ctx.hits[part_list("area_after")]:
        # "VBSP Tan Mieu district": the bank's name before the area's is who reports from it, no
        # word of the name; after it, a name of one word is an office's area too ("VBSP Vinh City").
        near = _capitalised_near(ctx, start, backwards=True)
        words = list(dropwhile(lambda w: in_bank(w[0]), near))
        least = 1 if len(words) < len(near) else MIN_NAME_WORDS
        if len(words) >= least and not _province_named(ctx, words[0][0], words[-1][1]):
            found.append(Area(words[0][0], end, _name(ctx.text, words)))
    for start, end, _ in ctx.hits[part_list("area_plural_after")]:
        named = _names_before(ctx, start)
        if len(named) > 1:  # "Tan Ky and Con Cuong districts": one name alone is no plural's
            first = named[0][0][0]
            found.append(Area(first, end, ctx.text[first : named[-1][-1][1]], tuple(_name(ctx.text, w) for w in named)))
    return sorted(found, key=lambda a: a.start)


def _names_before(ctx: Context, pos: int) -> list[list[tuple[int, int]]]:
    """The names (each its capitalised words, two at least) listed right before ``pos``, joined by
    commas or a ``split_joins`` word, in the text's order: "Tan Ky and Con Cuong" before
    "districts"; none of them a province's."""
    names: list[list[tuple[int, int]]] = []
    while True:
        words = _capitalised_near(ctx, pos, backwards=True)
        if len(words) < MIN_NAME_WORDS or _province_named(ctx, words[0][0], words[-1][1]) or (
                names and not list_joined(ctx, words[-1][1], names[0][0][0])):
            return names
        names.insert(0, words)
        pos = _join_before(ctx, words[0][0])
        if pos < 0:
            return names


def _join_before(ctx: Context, pos: int) -> int:
    """Where the name before a listed name would end: past the comma or ``split_joins`` word
    right before ``pos`` ("Tan Ky, Con Cuong", "Tan Ky and Con Cuong"); -1 when none stands there."""
    s0 = max(0, pos - ctx.reach("area"))
    joins = [hit for hit in ctx.marks(SPLIT_JOINS, s0, pos) if not ctx.text[hit[1] : pos].strip()]
    if joins:
        return joins[-1][0]
    gap = ctx.text[s0:pos].rstrip()
    return s0 + len(gap) - 1 if gap.endswith(",") else -1


def _names_after(ctx: Context, area: Area, stop: int) -> tuple[str, ...]:
    """The names of ``area`` and those listed right after it, before ``stop``, joined by commas
    or a ``split_joins`` word with no area word of their own: "huyện Hương Khê và Vũ Quang"."""
    names, pos = [area.name], area.end
    while True:
        joins = [hit for hit in ctx.marks(SPLIT_JOINS, pos, min(stop, pos + ctx.reach("area")))
                 if not ctx.text[pos : hit[0]].strip(" ,")]
        after = joins[0][1] if joins else (pos + 1 if ctx.text[pos : pos + 1] == "," else -1)
        words = _capitalised_near(ctx, after) if after >= 0 else []
        if len(words) < MIN_NAME_WORDS or words[-1][1] > stop or _province_named(ctx, words[0][0], words[-1][1]):
            return tuple(names)
        names.append(_name(ctx.text, words))
        pos = words[-1][1]


def respective_area(ctx: Context, fig: Figure) -> Part | None:
    """The area a "respectively" list of places gives the figure: the i-th name listed for the
    i-th figure of its run (``when.respective_run``) that no run of dates reads ("Tan Ky and Con
    Cuong districts had VND 640 billion and VND 910 billion respectively", "Hai huyện Hương Khê và
    Vũ Quang … lần lượt đạt 1.150 tỷ đồng và 540 tỷ đồng"): the last area named in its sentence
    before the run, with the names listed with it."""
    run = respective_run(ctx, fig)
    if not run or respective_date(ctx, fig) is not None:
        return None
    s0, _ = sentence_span(ctx, fig)
    areas = [a for a in ctx.areas.within(s0, run[0].start) if a.end <= run[0].start]
    if not areas:
        return None
    names = areas[-1].names or _names_after(ctx, areas[-1], run[0].start)
    if len(names) != len(run):
        return None
    return Part("area", names[next(i for i, f in enumerate(run) if f is fig)], RESPECTIVE_AREA)


def respective_programme(ctx: Context, fig: Figure) -> Part | None:
    """The programme a "respectively" list of programmes gives the figure: the i-th name of the
    run of programme names (``programme`` of rules/parts.yaml, joined as ``when.list_joined``
    joins) that ends last before the run of figures in its sentence, for the i-th figure ("Dư nợ
    cho vay hộ nghèo và cho vay hộ cận nghèo lần lượt đạt 2.600 tỷ đồng và 2.500 tỷ đồng"); none
    when a run of dates or places reads the list, or the runs differ in length."""
    run = respective_run(ctx, fig)
    if not run or respective_date(ctx, fig) is not None or respective_area(ctx, fig) is not None:
        return None
    s0, _ = sentence_span(ctx, fig)
    near = max(s0, run[0].start - ctx.reach("respective_list"))
    names = ctx.marks(PROGRAMMES, near, run[0].start) or _cue_items(ctx, near, run[0].start)
    if names:
        # The later items may name their programmes by whom they lend to alone ("loans for poor
        # households, near-poor households and students"), a name inside a longer one none.
        items = [hit for hit in ctx.marks(part_list("programme_items"), names[0][1], run[0].start)
                 if not any(n[0] <= hit[0] and hit[1] <= n[1] for n in names)]
        names = sorted(names + items)
    index = respective_index(ctx, run, fig, [(start, end) for start, end, _ in names])
    if index is None:
        return None
    return Part("programme", ctx.text[names[index][0] : names[index][1]], RESPECTIVE_PROGRAMME)


def _cue_items(ctx: Context, start: int, end: int) -> list[Hit]:
    """The first of a list of programmes named by whom they lend to (``programme_items``) right
    after an indicator's cue, a joining word at most between (``list_glue_after``: "lending
    turnover for job creation and clean water"): the cue names the loans, the item the programme.
    Empty otherwise: "job creation" alone in a sentence names no programme of ours."""
    items = ctx.marks(part_list("programme_items"), start, end)
    cue = ctx.cues.last_before(items[0][0] + 1) if items else None
    if cue is None or cue.end > items[0][0] or cue.start < start:
        return []
    first = items[0][0]
    gap = ctx.text[cue.end : first].strip()
    joined = not gap or any(ctx.text[hit[0] : hit[1]] == gap for hit in ctx.marks(LIST_GLUE_AFTER, cue.end, first))
    return items[:1] if joined else []


_BLANKS = re.compile(" *")  # spaces (no other white space), maybe none: it always matches
# The number of a numbered area, one or two digits and no more of a figure ("Quận 12", "District
# 7,": not "huyện 30a", "xã 135", "district 2.5").
_AREA_NUMBER = re.compile(r"[ \t]+\d{1,2}(?![\w%/]|[.,]\d)")


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset lies inside one of ``spans`` (sorted by start), answered by
    bisection: the spans starting at or before it reach past it when the farthest end among
    them does (a long text has thousands of spans and of offsets to test)."""
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))

    def inside(at: int) -> bool:
        i = bisect.bisect_right(starts, at) - 1
        return i >= 0 and reach[i] > at

    return inside


def offices_named_as_provinces(ctx: Context) -> list[Area]:
    """The transaction offices named with a province's name right after the office's words
    ("Phòng giao dịch NHCSXH Hà Giang", past a bracketed short form): since the 2025 merger an
    old province's branch reports as a transaction office of the new one, and a city's office
    bears the city's name ("PGD NHCSXH thành phố Vinh"). The name is that office's area, no
    province of the figures after it (``build_context`` drops the mention)."""
    found = []
    for begin, end, _ in ctx.hits[part_list("district_bank")]:
        if _offices_many(ctx, begin):
            continue  # "các Phòng giao dịch NHCSXH <tỉnh>": all the offices of that province
        start = past_short_form(ctx.text, end)
        named = ctx.mentions.within(start, start + ctx.reach("area"))
        if named and not ctx.text[start : named[0].start].strip():
            found.append(Area(named[0].start, named[0].end, named[0].text))
    # Only where another mention tells the document's province: a text naming a province only
    # after the office's words has no other place to report from (the offices may be all of it).
    named_at = {a.start for a in found}
    if not any(m.start not in named_at for m in ctx.mentions):
        return []
    return found


def seat_cities(ctx: Context) -> list[tuple[Mention, Area, tuple[int, int]]]:
    """The mentions of a province's name that name a city, town, district or commune of the same
    name, with that area: an area word of ``area_words`` opens the mention ("TP Hòa Bình"), closes
    it ("Ha Tinh city", "Quang Tri town"), or, in Vietnamese, stands right before a mention with no
    province's word of its own ("thị xã Quảng Trị", "huyện Điện Biên"; English "district of X" also
    says where an area lies), and the province is no centrally-run city ("thành phố Cần Thơ" is the
    province). Each comes with where its words, the unit's word with them, start and end."""
    gazetteer = ctx.linker.gazetteer
    before, after = part_list("area_before"), part_list("area_after")
    reach = ctx.reach("area")
    found = []
    for m in ctx.mentions:
        if not gazetteer.has_seat_city(m.code):
            continue
        # Only the area words starting near the mention are read (a bisect, not every one of a
        # long text's for each of its mentions).
        opens = next((hit for hit in _starting(ctx, before, m.start, m.start + 1) if m.start < hit[1] < m.end), None)
        precedes = None if ctx.lang != "vi" or _own_word(ctx, m) else next((
            hit for hit in _starting(ctx, before, m.start - reach, m.start + 1) if hit[1] <= m.start
            and not ctx.text[hit[1] : m.start].strip() and _one_unit(ctx, hit)), None)
        closes = next((hit for hit in _starting(ctx, after, m.start + 1, m.end + 2) if (
            hit[1] == m.end or (hit[0] >= m.end and not ctx.text[m.end : hit[0]].strip()))), None)
        if opens is None and closes is None and precedes is None:
            continue
        start = m.start if opens is None else opens[1]
        start += len(ctx.text[start : m.end]) - len(ctx.text[start : m.end].lstrip())
        end = spaces_start(ctx.text, closes[0]) if closes is not None and closes[1] == m.end else m.end
        whole = (m.start if precedes is None else precedes[0], max(m.end, closes[1] if closes is not None else 0))
        found.append((m, Area(start, end, ctx.text[start:end]), whole))
    return found


def _starting(ctx: Context, name: str, start: int, end: int) -> list[Hit]:
    """The hits of marker list ``name`` that start inside ``[start, end)``, wherever they end."""
    starts = ctx.hit_starts[name]
    return ctx.hits[name][bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]


def _one_unit(ctx: Context, hit: Hit) -> bool:
    """Whether the area word ``hit`` before a province's name names one unit of that name: a bare
    kind of unit ("thị xã", "huyện"), not one qualified by what it is like ("huyện miền núi", a
    longer phrase of its list opening with a shorter one: "the mountain districts of" the
    province), nor made many by a word or number before it (``_offices_many``: "các huyện")."""
    words = ctx.text[hit[0] : hit[1]].split()
    index = ctx.linker.index[ctx.lang]
    for size in range(1, len(words)):
        head = " ".join(words[:size])
        if any(found[:2] == (0, len(head)) for found in index.scan(new_tone(head))[part_list("area_before")]):
            return False
    return not _offices_many(ctx, hit[0])


def seat_areas(ctx: Context) -> tuple[set[int], list[Area]]:
    """The cities named like their province (``seat_cities``): where another mention names that
    province, the starts of their mentions, which are no province's (``find_areas`` then reads the
    city); else their areas, the mention staying too, the only place the province is told by."""
    seats = seat_cities(ctx)
    dropped = {m.start for m, _, _ in seats}
    told = {m.code for m in ctx.mentions if m.start not in dropped} | (told_outside_text(ctx) if seats else set())
    # Told by no other mention, the city is an area only as the bank's unit there ("Phòng giao
    # dịch NHCSXH thành phố …"), not as where a provincial branch meets ("tại TP …, Chi nhánh
    # NHCSXH tỉnh …"): its name then tells the province alone.
    return ({m.start for m, _, _ in seats if m.code in told},
            [area for m, area, whole in seats if m.code not in told and _bank_unit(ctx, *whole)])


def _bank_unit(ctx: Context, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` name the bank's unit there: the bank's name
    stands right before them ("NHCSXH thành phố …", "VBSP Ha Giang City …") or right after them
    ("Ha Giang City VBSP"), only spaces between. Found past those spaces by offset, among the
    bank's mentions by where they end and where they start: a pass over every mention, each
    reading the text up to the words, made a long text of such cities quadratic."""
    text = ctx.text
    before = spaces_start(text, start)
    spaces = BLANK.match(text, end)
    after = spaces.end() if spaces else end
    if ctx.state.bank_ends is None:
        ctx.state.bank_ends = Offsets(ctx.hits["bank"], key=itemgetter(1))
    return bool(ctx.state.bank_ends.within(before, start + 1)) or ctx.starts_in("bank", end, after + 1)


def _own_word(ctx: Context, mention: Mention) -> bool:
    """Whether a mention holds a province's word of its own ("tỉnh Lâm Đồng")."""
    key = key_of(mention.text)
    return any(key.startswith(key_of(word) + " ") for word in ctx.linker.gazetteer.model.affixes.prefixes)


_SHORT_FORM = re.compile(r"[ \t]*\n?[ \t]*\([^()\n]{1,12}\)")


def past_short_form(text: str, end: int) -> int:
    """Where the name after the office's words starts, past a bracketed short form of the bank
    that may open the next line of a hard-wrapped text ("Phòng giao dịch NHCSXH (CSXH) Kỳ Sơn",
    "…Ngân hàng Chính sách xã hội\n(NHCSXH) Kỳ Sơn"); ``end`` itself when there is none."""
    found = _SHORT_FORM.match(text, end)
    return found.end() if found is not None else end


def _offices_many(ctx: Context, start: int) -> bool:
    """Whether the office's words at ``start`` follow a number or a word that makes them many
    (``office_plural`` in rules/scope.yaml: "9 Phòng giao dịch", "các Phòng giao dịch")."""
    before = ctx.text[max(0, start - 40) : start].split()
    if not before:
        return False
    word = before[-1].strip(",;:(").casefold()
    plural = {w.casefold() for w in getattr(ctx.linker.scope.office_plural, ctx.lang)}
    return word.replace(".", "").isdigit() or word in plural


def _organisation_named(ctx: Context, words: list[tuple[int, int]]) -> bool:
    """Whether a capitalised name holds a word of one of the bank's own units (``bank_unit_words``:
    "the Internal Audit Office of the …"), no area's name."""
    return bool(ctx.marks(part_list("bank_unit_words"), words[0][0], words[-1][1]))


_DASH_BEFORE = re.compile(r"[^\S\n]*[\u2013\u2014-][^\S\n]*$")


def _dash_joined_start(ctx: Context, start: int) -> int:
    """Where a name starting at ``start`` begins when a dash joins capitalised words before it
    ("Ba Ria - Vung Tau": one province's name, whose end alone is no area)."""
    dash = _DASH_BEFORE.search(ctx.text, max(0, start - 4), start)
    if dash is None:
        return start
    before = _capitalised_near(ctx, dash.start(), backwards=True)
    return before[0][0] if before else start


def _province_named(ctx: Context, start: int, end: int) -> bool:
    """Whether the name from ``start`` to ``end`` is a province's ("Ho Chi Minh City", "Can Tho
    city": the province, no area of it)."""
    return any(m.end >= end for m in ctx.mentions.within(start, start + 1))


_WORD = re.compile(r"\S+")


def _channel_name(words: str) -> str:
    """A channel's label: the union's own name, the capitalised words its cue ends with, with a
    plain apostrophe ("through the district Veterans\u2019 Association" → "Veterans' Association"),
    so one union has one label however its level or apostrophe is written; a cue ending in a word
    of no capital ("through mass organisations", "qua Hội Nông dân") is its own label."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(words)]
    own = list(takewhile(lambda span: words[span[0]].isupper(), reversed(spans)))
    return (words[own[-1][0] :] if own else words).translate(APOSTROPHES)


def _name(text: str, words: list[tuple[int, int]]) -> str:
    return " ".join(text[s:e].strip(",.;:()") for s, e in words)


def _capitalised_near(ctx: Context, pos: int, *, backwards: bool = False) -> list[tuple[int, int]]:
    """The capitalised words (spans, in the text's order) right after ``pos``, or right before it
    ``backwards``, within an area's reach: the name an area word or a district office's words
    stand beside ("huyện Hương Sơn", "Thang Binh district", "PGD NHCSXH Anh Sơn")."""
    if not backwards:
        return _capitalised([(m.start(), m.end()) for m in _WORD.finditer(ctx.text, pos, pos + ctx.reach("area"))], ctx)
    before = [(m.start(), m.end()) for m in _WORD.finditer(ctx.text, max(0, pos - ctx.reach("area")), pos)]
    return _capitalised(before[::-1], ctx, backwards=True)[::-1]


def _capitalised(words: list[tuple[int, int]], ctx: Context, *, backwards: bool = False) -> list[tuple[int, int]]:
    """The words (spans) next to an area word that start with a capital letter, up to a word
    that ends a clause or a function word opening a sentence ("In", "The"), reading away from
    the area word, and never across a line break (a headline ending in a capitalised word is no
    part of the name opening the next line: "…in Nghe An\nYen Thanh District Social Policy Bank")."""
    text = ctx.text
    function_words = ctx.linker.function_words.get(ctx.lang, frozenset())  # of the text's language
    out: list[tuple[int, int]] = []
    for start, end in words[:MAX_NAME_WORDS]:
        if out and "\n" in (text[out[-1][1] : start] if not backwards else text[end : out[-1][0]]):
            break
        word = text[start:end]
        bare = word.strip(",.;:()")
        if not backwards and word.startswith("("):
            break  # "huyện Anh Sơn (Nghệ An)": the bracket names the area's province
        if not bare[:1].isupper() or not bare[:1].isalpha() or bare.lower() in function_words:
            break
        if backwards and word != word.rstrip(",.;:"):
            break  # "…, Thang Binh district": a comma ends the name reading backwards
        out.append((start, start + len(word.rstrip(",.;:)"))))
        if not backwards and bare != word.strip("("):
            break
    return out


DISTRICT_DOCUMENT = "area:district-document"  # the part rule of every level of a district's report
# The part rule of a figure of the one district a text names, when only districts told its province
# (``observe``).
DISTRICT_NAMED_PART = "area:district-named"


def district_document(ctx: Context) -> str | None:
    """The district a document reports from: the first time its title, or its body before it
    reports any figure, names the bank, it names the bank's district office ("NHCSXH huyện Hương
    Sơn", "the Social Policy Bank of Thang Binh district", "Thai Hoa City branch of Social Policy
    Bank", "the Krong Pa Social Policy Bank"), and it never names a provincial branch (None otherwise).
    The text's areas are looked up in ``ctx.area_index``."""
    areas = ctx.area_index.areas
    # "NHCSXH thành phố Phổ Yên": a branch's words that end inside an area's name the office of
    # that city inside a province, no provincial branch.
    district = ctx.hits[part_list("district_bank")]
    # "NHCSXH thành phố" in a text naming "thành phố Kon Tum" and no centrally run city: the
    # city's office, no provincial branch (``_unit_office``).
    cities = {hit: name for hit in ctx.hits[scope_list("branch")] if (name := _unit_office(ctx, hit))}
    # English names an office by the bank's name and its area's ("the Bank for Social Policies –
    # Tan Phu District Branch"): such a mention is an office as much as the office's own words.
    units = _Units(ctx, sorted([*district, *_joined_offices(ctx), *cities]))
    if any(_provincial_branch_reports(ctx, hit, units) for hit in ctx.hits[scope_list("branch")]
           if hit not in cities):
        return _portal_district(ctx, areas)
    if any(_branch_reports(ctx, hit, units) for hit in _provinces_branches(ctx)):
        return _portal_district(ctx, areas)
    banks = sorted([*ctx.hits["bank"], *district])
    city_at = {hit[0]: name for hit, name in cities.items()}
    # The headline may name the bank alone and its lead the office ("…nhờ vốn NHCSXH\n\nPhòng
    # giao dịch NHCSXH huyện …"): every mention of the title's span counts, in order.
    title = [bank for bank in banks if bank[1] <= ctx.title[1]]
    body = [bank for bank in banks if bank[0] >= ctx.title[1]][:1]
    offices = (city_at.get(bank[0]) or _office(ctx, bank)
               for bank in (*title, *body) if not _reported_before(ctx, bank[0]))
    return (next((name for name in offices if name is not None), None) or _lead_area(ctx, areas)
            or _portal_district(ctx, areas))


def _provincial_branch_reports(ctx: Context, branch: Hit, units: _Units) -> bool:
    """Whether a branch's words (``branch`` of rules/scope.yaml) name the provincial branch as
    who reports, so the document is no district's: they end inside no area's name ("NHCSXH thành
    phố Phổ Yên" is that city's office), refer back to no district office named before
    (``_office_back``), report (``_branch_reports``), and their sentence does not say the branch
    lends in the one district or city the text is about (``_acts_in_district``)."""
    return (not ctx.area_index.covers(branch[1]) and not _office_back(ctx, branch, units)
            and _branch_reports(ctx, branch, units) and not _acts_in_district(ctx, branch))


def _level_areas(ctx: Context, start: int, end: int) -> list[Area]:
    """The areas, no commune, that the text names with the area word standing in ``[start, end)``
    (a branch's or a reference's words: "NHCSXH thành phố", "toàn thành phố" → "thành phố Kon
    Tum"). None (an empty list) where the text names a centrally run city (a unit of type
    ``city`` in rules/provinces.yaml): "thành phố" is then that city, a province. The areas of
    each word are read once per document (``State.level_areas``): a long text asks it of every
    figure whose sentence speaks of a city by its word, and they are the same for each."""
    # The word closing the words ("NHCSXH thành phố", "toàn thành phố") or opening them ("City
    # Social Policy Bank"): not one inside another word ("xã" of "xã hội").
    edges = [hit for name in AREA_WORDS for hit in ctx.marks(name, start, end) if hit[1] == end or hit[0] == start]
    level = max(edges, key=lambda hit: hit[1] - hit[0])[2].lower() if edges else None
    gazetteer = ctx.linker.gazetteer
    if level is None or any(gazetteer.old[m.code].type == "city" for m in ctx.mentions):
        return []
    found = ctx.state.level_areas.get(level)
    if found is None:
        found = ctx.state.level_areas[level] = [a for a in _areas_worded(ctx, level) if not is_commune(ctx, a)]
    return found


def _unit_office(ctx: Context, branch: Hit) -> str | None:
    """The area whose office a branch's words name by an area's word ("NHCSXH thành phố", "the
    City Social Policy Bank"), when the text names one area with that word (``_level_areas``:
    "thành phố Kon Tum" in Kon Tum province): that city's office, no province's branch."""
    names = {key_of(a.name): a.name for a in _level_areas(ctx, branch[0], branch[1])}
    return next(iter(names.values())) if len(names) == 1 else None


def city_refs(ctx: Context, start: int, end: int) -> list[Hit]:
    """The words in ``[start, end)`` speaking of a city without its name (``city_ref``: "toàn
    thành phố") where they speak of one area the text names (``_level_areas``), no province."""
    return [hit for hit in ctx.marks(CITY_REFS, start, end) if _level_areas(ctx, hit[0], hit[1])]


def _acts_in_district(ctx: Context, branch: Hit) -> bool:
    """Whether the provincial branch's sentence, after it, speaks of the one district or city the
    text is about ("NHCSXH tỉnh đã giải ngân … cho hộ nghèo trên địa bàn huyện"): the branch lends
    there, and the figures stay that area's."""
    _, s1 = ctx.stops.around(branch[0], branch[1])
    return bool(ctx.marks(DISTRICT_REFS, branch[1], s1) or city_refs(ctx, branch[1], s1))


def _portal_district(ctx: Context, areas: list[Area]) -> str | None:
    """The district whose own portal published the page (``Outlets.portal_district``:
    "<district>.<province>.gov.vn"), else the district a Vietnamese headline names by its bare
    name as its subject (``_headline_district``), when the text speaks nowhere of the whole
    province ("toàn tỉnh") and names the provincial branch in no sentence that states a figure:
    a district portal's story (a provincial board's working visit to the district, the district's
    report), or a story headed by a district, gives the district's figures even when it names the
    district's office only late or never.

    Also tried where ``_branch_reports`` finds that the provincial branch may be who reports: that
    reading holds whenever no district office stands on a figure's line, which is the rule on a
    district's portal or in a district-headed story (they name the district, rarely its bank
    office; a provincial board's visit names the branch). The check that tells the branch's
    report there is this one: the branch named in a sentence that states a figure, or the whole
    province spoken of. Returning None there instead moves no dev score but loses such visits."""
    doc = ctx.ex.document
    urls = (doc.source, doc.meta.get("source_url", ""), doc.meta.get("requested_url", ""))
    name = next((found for url in urls if url and (found := ctx.linker.outlets.portal_district(url))), None)
    name = name or _headline_district(ctx, areas)
    if name is None or ctx.first_mark("province_ref", 0, len(ctx.text)):
        return None
    branches = [*ctx.hits[scope_list("branch")], *_provinces_branches(ctx)]
    if any(not any(a.start < hit[1] <= a.end for a in areas) and ctx.figures.within(*ctx.stops.around(hit[0], hit[1]))
           for hit in branches):
        return None
    return name


TOPIC_KINDS = ("programme", "channel", "group")  # what a whole document may be about (``topic`` of rules/parts.yaml)
TOPIC_WHOLE = part_list("topic_whole")
TOPIC_OWNER = part_list("topic_owner")
_NEXT_PUNCT = " \t\n.;:!?\"'“”()*-"
# The part cues a sentence may name of its own, by their kind: its figures may be no longer the topic's.
OTHER_PARTS = (*((kind, cue_list) for kind, cue_list in KIND_LISTS if kind != "average"),
               *((kind, topic_list(kind)) for kind in TOPIC_KINDS))
# The part cues that, in a headline or lead, make a document no one programme's or channel's.
OTHER_KINDS = tuple(cue_list for kind, cue_list in KIND_LISTS if kind not in (*TOPIC_KINDS, "average"))


def document_topic(ctx: Context) -> tuple[str, str, tuple[str, ...], tuple[int, ...]] | None:
    """The one programme or channel a document is about (its kind, its words, every name the
    headline and lead give it and where they name it): its headline and its lead (the body's first sentence) each name
    at most one, by a cue of its kind or by its ``topic`` words ("Student loans reach …", "Hội
    Nông dân tỉnh … ủy thác"), both of one kind, and name no group, area or source; they name no
    breakdown ("including", "trong đó") and state no figure before the cue outside its clause;
    and no word of the branch's or bank's whole (``topic_whole``: "tổng dư nợ các chương trình",
    "all programmes") stands before the body's first figure. None otherwise: a province's report,
    or one that names a programme among its results or purposes."""
    title_end, end = _subject_span(ctx)
    body = ctx.figures.within(title_end, len(ctx.text))
    if ctx.first_mark("breakdown", 0, end) or any(ctx.first_mark(name, 0, end) for name in OTHER_KINDS):
        return None
    hits = sorted(((kind, hit) for kind in TOPIC_KINDS
                   for hit in (*ctx.marks(part_list(kind), 0, end), *ctx.marks(topic_list(kind), 0, end))
                   if kind != "programme" or _goes_on(ctx, hit)), key=lambda pair: pair[1][0])
    if not hits or len({kind for kind, _ in hits}) != 1 or _whole_stated_first(ctx, hits[0]):
        return None
    # A group of borrowers stays the subject across every programme (its households borrow from
    # all of them): only words of the whole before its name make it one item of the whole's
    # report; and the bank must lend to it there (``_group_lent``).
    whole_end = hits[0][1][0] if hits[0][0] == "group" else max(end, body[0].start if body else end)
    if ctx.first_mark(TOPIC_WHOLE, 0, whole_end) or (hits[0][0] == "group" and not _group_lent(ctx, hits, end)):
        return None
    words = [ctx.text[hit[0] : hit[1]] for _, hit in hits]
    # A headline and its lead may name one programme in two ways ("mãn hạn tù", "chấp hành xong án
    # phạt tù"), but neither names two.
    for lo, hi in ((0, title_end), (title_end, end)):
        if len(_distinct([word for word, (_, hit) in zip(words, hits, strict=True) if lo <= hit[0] < hi])) > 1:
            return None
    return hits[0][0], max(words, key=len), tuple(_distinct(words)), tuple(hit[0] for _, hit in hits)


def _group_lent(ctx: Context, hits: list[tuple[str, Hit]], end: int) -> bool:
    """Whether the headline and lead (ending at ``end``) name the bank or its credit and name a
    group as the borrowers they report on: a ``group_subject`` word right before its name
    ("cho vay hộ DTTS", "khách hàng là hộ DTTS", "lending to ethnic minority households"). A
    group the province, a fund or another body lends to, or that the bank's credit only helps
    ("giúp đồng bào DTTS thoát nghèo"), is no group topic."""
    if not (ctx.first_mark("bank", 0, end) or ctx.first_mark(scope_list("bank_topic"), 0, end)):
        return False
    subjects = ctx.marks(GROUP_SUBJECTS, 0, end)
    return any(not ctx.text[subject[1] : hit[0]].strip() for _, hit in hits for subject in subjects)


def _subject_span(ctx: Context) -> tuple[int, int]:
    """Where the headline and the lead that decide a document's subject end: the title's and the
    body's first sentence's; or, when the first line of content (past the page's chrome,
    ``parse.head``) is no headline but a paragraph (longer than
    ``headline`` of rules/linking.yaml, or ending a sentence), where its first sentence ends, for
    both: an excerpt that opens with its lead ("Over the past year, the farmers' union of the
    province has …") has its subject there, and the next paragraph is the body. Read once."""
    if ctx.state.subject_span is None:
        ctx.state.subject_span = _read_subject_span(ctx)
    return ctx.state.subject_span


def _read_subject_span(ctx: Context) -> tuple[int, int]:
    """``_subject_span``, read from the text."""
    text = ctx.text
    first = ctx.head
    if first is None:
        return ctx.title[1], _lead_end(ctx)
    start, line_end = first
    line = text[start:line_end].rstrip()
    if len(line) <= ctx.reach("headline") and line[-1:] not in (".", "!", "?"):
        return ctx.title[1], _lead_end(ctx)
    i = bisect.bisect_left(ctx.stops.starts, start)
    stop = ctx.stops.starts[i] if i < len(ctx.stops.starts) else line_end
    return min(stop, line_end), min(stop, line_end)


def _distinct(words: list[str]) -> set[str]:
    """The names among ``words`` that no longer one holds ("Hội Nông dân" in "qua Hội Nông dân")."""
    keys = {word.casefold() for word in words}
    return {key for key in keys if not any(key != other and key in other for other in keys)}


def _topic_document_part(ctx: Context, fig: Figure, code: str) -> Part | None:
    """A figure of a document about one programme or channel (``document_topic``): a part of it,
    when it measures lending (``topic_indicators``), its sentence refers back to the topic
    (``_refers_to_topic``: the default is the whole's), tells no one borrower's story
    (``anecdote``), the next sentence opens with no breakdown, and its sentence names no part of another kind
    (a group, area, source…), nor another of the topic's kind after the figure, nor a breakdown
    after it ("…, of which …": the figure before is the whole), nor a word of the branch's or
    bank's whole (``topic_whole``), nor a ``total`` word that makes it a total (``_totalled``,
    ``every_borrower``). One of the topic's kind the sentence names before the figure
    by other words than the headline's is what the figure is of ("the Farmers' Association's
    overdue ratio" in a report on farmer members' loans). The sentence that names the topic in
    the headline or lead is left to its own cues."""
    if ctx.topic is None or not _topic_measures(ctx, ctx.topic[0], code):
        return None
    s0, s1 = sentence_span(ctx, fig)
    if ctx.first_mark(TOPIC_WHOLE, s0, s1) or ctx.first_mark("breakdown", fig.end, s1):
        return None
    kind, words, names, named_at = ctx.topic
    # The sentence naming the topic right before the figure (the lead: "the province's farmers'
    # union lent …", ``_names_for``) states the topic's figures; any other sentence naming it is
    # left to its own cues and totals.
    named_before = any(_names_for(ctx, at, fig) for at in named_at if s0 <= at < fig.start)
    if any(s0 <= at < s1 for at in named_at) and not named_before:
        return None
    # "Loans for X and other programmes lifted total outstanding loans to …", "N poor households,
    # near-poor households and other policy beneficiaries": a total word after a part's cue in the
    # figure's clause, or ending the borrowers a count counts, makes it a total, as in any sentence.
    c0, _ = clause_span(ctx, fig)
    if every_borrower(ctx, fig) or any(_totalled(ctx, hit, borrowers_end(ctx, fig))
                                        for _, name in OTHER_PARTS for hit in ctx.marks(name, c0, fig.start)):
        return None
    named = sorted((hit, other) for other, name in OTHER_PARTS for hit in ctx.marks(name, s0, s1)
                   if not any(a in b or b in a for a in names for b in (ctx.text[hit[0] : hit[1]].casefold(),)))
    # A group named after the figure in other words is the same group ("… 2.000 học sinh là con em
    # hộ DTTS" in a report on ethnic-minority borrowers), not another programme's or channel's.
    if any(other != kind or (hit[0] >= fig.start and kind != "group") for hit, other in named):
        return None
    if (ctx.marks("anecdote", s0, s1) or (_breakdown_next(ctx, s1) and not named_before)
            or not _refers_to_topic(ctx, fig, (s0, s1), [hit[0] for hit, _ in named])):
        return None
    if named and kind != "group":
        words = ctx.text[named[-1][0][0] : named[-1][0][1]]
    return Part(kind, (_channel_name(words) if kind == "channel" else words)[:LABEL_CHARS], f"{kind}:document")


def _topic_measures(ctx: Context, kind: str, code: str) -> bool:
    """Whether a document about one part of ``kind`` files a figure of indicator ``code`` as that
    part's: its lending (``topic_indicators``), and for a group of borrowers what the loans did
    for it too (``group_topic_outcomes``: households out of poverty, jobs, houses…)."""
    return code in ctx.linker.topic_indicators or (kind == "group" and code in ctx.linker.group_topic_outcomes)


def _names_for(ctx: Context, at: int, fig: Figure) -> bool:
    """Whether the topic named at ``at``, before the figure in its sentence, is what the figure
    states: no semicolon, reporting verb ("…, the director said: …"), branch or word by which the
    union only reports (``channel_subject.reported``) stands between them (the clause after such
    a word is the speaker's or the branch's own)."""
    if ";" in ctx.text[at : fig.start] or ctx.marks("reporting", at, fig.start):
        return False
    if ctx.marks(scope_list("branch"), at, fig.start):
        return False
    # A word by which the union only reports or the branch states the figure
    # (``channel_subject.reported``: "… ghi nhận chi nhánh đã cho vay …") makes it theirs.
    rule = ctx.linker.channel_subject
    words = tuple(getattr(rule.reported, ctx.lang)) if rule is not None else ()
    return not (words and _words_regex(words).search(caseless(new_tone(ctx.text[at : fig.start]))))


def _refers_to_topic(ctx: Context, fig: Figure, sentence: tuple[int, int], named: list[int]) -> bool:
    """Whether the figure's sentence refers back to the document's programme or channel: it names
    it (by the headline's words or another of its kind's cues) or speaks of it (``topic_ref``:
    "this programme", "hội viên", "qua Hội"), after any word before the figure that makes it the
    branch's or bank's whole (a ``total`` word, ``topic_owner``: "its", "của chi nhánh", "across
    the province", or a province's name: "VBSP Binh Duong's outstanding loans"); and no word
    anywhere in it speaks of the whole bank or country. Any other figure is the whole's."""
    assert ctx.topic is not None
    s0, s1 = sentence
    kind, _, names, _ = ctx.topic
    if any(ctx.marks(name, s0, s1) for name in ("national", scope_list("whole_bank"))):
        return False
    low = ctx.text[s0:s1].casefold()
    said = [(s0 + m.start(), s0 + m.end()) for name in names for m in re.finditer(re.escape(name), low)]
    refs = sorted([*named, *(start for start, _ in said), *(hit[0] for hit in ctx.marks(topic_ref_list(kind), s0, s1)),
                   *_group_paragraph(ctx, kind, s0)])
    # A province's name right by a reference names the channel's own office ("Hội Phụ nữ tỉnh …").
    # So does an owner word right after its name ("Hội Phụ nữ trên địa bàn tỉnh": the union's
    # offices across the province).
    ends = {end for _, end in said}
    wholes = [*(hit[0] for hit in ctx.marks(TOTALS, s0, fig.start)),
              *(hit[0] for hit in ctx.marks(TOPIC_OWNER, s0, fig.start)
                if not any(end <= hit[0] and not ctx.text[end : hit[0]].strip() for end in ends)),
              *(m.start for m in ctx.mentions.within(s0, fig.start)
                if not any(abs(m.start - ref) <= ctx.reach("topic_name") for ref in refs))]
    # A reference after the figure counts in the figure's own clause only: past it, it names what
    # a later figure is ("disbursed … to all programmes, raising this programme's loans to …").
    refs = [ref for ref in refs if ref < fig.start or ref < clause_span(ctx, fig)[1]]
    if not refs:
        return False
    return not wholes or any(max(wholes) < ref < fig.start for ref in refs)


def _group_paragraph(ctx: Context, kind: str, s0: int) -> list[int]:
    """Where the paragraph of a group's document names a group before the sentence at ``s0``: a
    paragraph that names the group goes on with the group's figures ("Đến nay, 12.000 hộ DTTS còn dư
    nợ. Doanh số cho vay trong năm đạt …"); a programme or channel is named in each sentence."""
    if kind != "group":
        return []
    p0, _ = ctx.line(s0, s0)
    return [hit[0] for hit in (*ctx.marks(GROUPS, p0, s0), *ctx.marks(topic_list(kind), p0, s0))]


def _breakdown_next(ctx: Context, end: int) -> bool:
    """Whether the sentence after the one ending at ``end`` opens with a breakdown word ("Of
    which …", "Trong đó …"): the figures before it are the whole it breaks down."""
    hit = ctx.first_mark("breakdown", end, min(len(ctx.text), end + ctx.reach("sentence_opener")))
    return hit is not None and not ctx.text[end : hit[0]].strip(_NEXT_PUNCT)


def _whole_stated_first(ctx: Context, cue: tuple[str, Hit]) -> bool:
    """Whether the headline or lead states a figure before it names its programme or channel: in
    another clause ("Branch lends VND 4,000 billion in 2024, student loans up"), or an amount or
    rate ("The branch lent VND 650 billion in labour export loans"): a report of the whole that
    names a programme among its results. A count in the cue's own clause counts its borrowers
    ("2,000 ex-prisoners get loans"), and an amount a programme's name follows right away in its
    clause (``_programme_next``: "VND 90 billion for student loans", "90 tỷ đồng cho vay nước
    sạch") is that programme's own."""
    kind, hit = cue
    return any(not clause_span(ctx, fig)[0] <= hit[0] < clause_span(ctx, fig)[1]
               or not (fig.kind == "count" or (fig.kind == "money" and kind == "programme"
                                               and _programme_next(ctx, fig, hit)))
               for fig in ctx.figures.within(0, hit[0]))


def _provinces_branches(ctx: Context) -> list[Hit]:
    """The branch words right after a province's name ("the Social Policy Bank, Quang Tri
    branch", "the Ha Giang Bank for Social Policies"; ``branch_after`` of rules/scope.yaml): a
    provincial branch, as one named before its province is."""
    found = []
    for hit in ctx.hits[scope_list("branch_after")]:
        before = ctx.mentions.within(max(0, hit[0] - ctx.reach("area")), hit[0])
        if before and not ctx.text[before[-1].end : hit[0]].strip():
            found.append(hit)
    return found


def _joined_offices(ctx: Context) -> list[Hit]:
    """The bank's mentions joined to an area's name right after them ("the Bank for Social
    Policies – Tan Phu District Branch", "VBSP Yen Thanh district"; as ``_office`` reads them):
    a district office named in English by the bank's name."""
    found, index = [], ctx.area_index
    for hit in ctx.hits["bank"]:
        # The join is on one line (``scope_gaps``, ``_DASH_GAP``) and of the characters a gap
        # holds: only the areas after the bank's name that start within them are read.
        reach = min(ctx.line(hit[1], hit[1])[1], _gap_end(ctx, hit[1]))
        if any(_joins_after(ctx, hit[1], index.areas[i]) for i in index.starting(hit[1], reach + 1)):
            found.append(hit)
    return found


# A dash between the bank's name and its office's ("Bank for Social Policies – Tan Phu District
# Branch"), on one line.
_DASH_GAP = re.compile(r"[^\S\n]*[\u2013\u2014-][^\S\n]*")


@lru_cache(maxsize=4)
def _gap_run(words: tuple[str, ...]) -> re.Pattern[str]:
    """A run of the characters a gap between the bank's name and an area's may hold (the scope's
    gap words' letters, spaces but a line break, commas, colons, brackets and dashes): every join
    ``scope_gaps`` or ``_DASH_GAP`` matches lies inside such a run, so the areas past its end are
    no candidates (on a text of one line, every area after the name would be)."""
    letters = "".join(sorted({c for word in words for c in word if not c.isspace()}))
    return re.compile(rf"(?:[^\S\n]|[,:(\u2013\u2014\-{re.escape(letters)}])*", re.IGNORECASE)


def _gap_end(ctx: Context, end: int) -> int:
    """Where the run of gap characters (``_gap_run``) after ``end`` ends."""
    run = _gap_run(tuple(getattr(ctx.linker.scope.branch_gap, ctx.lang))).match(ctx.text, end)
    return run.end() if run else end


def _gap_start(ctx: Context, start: int) -> int:
    """Where the run of gap characters (``_gap_run``) ending at ``start`` starts."""
    run, text = _gap_run(tuple(getattr(ctx.linker.scope.branch_gap, ctx.lang))), ctx.text
    while start and run.fullmatch(text, start - 1, start):
        start -= 1
    return start


def _joins_after(ctx: Context, end: int, area: Area) -> bool:
    """Whether an area's name follows the bank's name ending at ``end``, joined by the scope's gap
    words or by a dash."""
    return area.start >= end and bool(ctx.linker.scope_gaps[ctx.lang].fullmatch(ctx.text, end, area.start)
                                      or _DASH_GAP.fullmatch(ctx.text, end, area.start))


_BACK_BRANCH = "the branch"  # English's bare back-reference to the bank's unit named before


class _Units:
    """The district offices a text names (``district_document``'s units: sorted), read once for
    what it asks about each mention of a branch: where they start, and those on lines that state
    a figure (no photo's caption) by where they end. A long text naming the branch and offices
    again and again asked each mention about every office."""

    def __init__(self, ctx: Context, hits: list[Hit]) -> None:
        self.starts = [hit[0] for hit in hits]
        self.stating = Offsets([hit for hit in hits if ctx.figures.within(*ctx.line(hit[0], hit[1]))],
                               key=itemgetter(1))

    def first_from(self, pos: int) -> int | None:
        """Where the first office starting at or after ``pos`` starts."""
        i = bisect.bisect_left(self.starts, pos)
        return self.starts[i] if i < len(self.starts) else None

    def last_stating_by(self, pos: int) -> Hit | None:
        """The office on a figure's line that ends last at or before ``pos`` (the first of the
        list's order among those ending there)."""
        ends = self.stating.keys
        i = bisect.bisect_right(ends, pos)
        return self.stating.items[bisect.bisect_left(ends, ends[i - 1])] if i else None


def _office_back(ctx: Context, branch: Hit, offices: _Units) -> bool:
    """Whether a branch's words are English's bare "the branch" after a district office was
    named: that office, referred back to, no provincial branch ("… – Tan Phu District Branch
    handed out loans. The branch has lent …")."""
    if ctx.lang != "en" or ctx.text[branch[0] : branch[1]].casefold() != _BACK_BRANCH:
        return False
    # Offices on lines that state a figure (no photo's caption), the nearest before the branch.
    last = offices.last_stating_by(branch[0])
    if last is None:
        return False
    # Another mention of the bank between them ("… said the VBSP Nghe An director: the branch …")
    # is who "the branch" is, but in the office's own sentence (the province's branch that gave it
    # capital).
    s0, s1 = ctx.stops.around(last[0], last[1])
    return not (ctx.starts_in("bank", last[1], min(branch[0], s0))
                or ctx.starts_in("bank", max(last[1], s1), branch[0]))


def _branch_reports(ctx: Context, branch: Hit, district: _Units) -> bool:
    """Whether the provincial branch named at ``branch`` may be who reports, so no district office
    is: the district offices the text names stand only on lines that state no figure (a photo's
    caption), or no district office is named before the branch in its sentence ("Đến 30/6,
    NHCSXH chi nhánh tỉnh có tổng dư nợ …", "Chi nhánh tỉnh cùng PGD … tổ chức hội nghị"). A
    sentence where a district office gets capital from the branch ("Phòng giao dịch … được
    NHCSXH chi nhánh tỉnh giao thêm … vốn") is the office's report."""
    if not district.stating:
        return True
    s0, _ = ctx.stops.around(branch[0], branch[1])
    first = district.first_from(s0)
    return first is None or first >= branch[0]


def district_offices(ctx: Context) -> tuple[str, ...]:
    """The districts whose bank offices the text names by their own words ("Phòng giao dịch NHCSXH
    Quỳ Châu", "the Quy Chau Social Policy Bank Transaction Office"), whoever reports: where its
    places lie (``scope``), even in a provincial branch's report whose caption shows an office."""
    names = (_office(ctx, bank) for bank in ctx.hits[part_list("district_bank")])
    return tuple(dict.fromkeys(name for name in names if name is not None))


def _headline_district(ctx: Context, areas: list[Area]) -> str | None:
    """The district a Vietnamese headline names by its bare name ("Quý III, Yên Định giải ngân cho
    900 hộ"), naming no province, when the body names that district again with a district's word
    ("huyện Yên Định"): the story is the district's. None otherwise (English: ``subject_districts``)."""
    if ctx.lang != "vi":
        return None
    t0, t1 = ctx.title
    end = ctx.line(t0, t0)[1] if t1 > t0 else t1
    if ctx.mentions.within(t0, end):
        return None
    body = {key_of(area.name) for area in areas if area.start >= end and not is_commune(ctx, area)}
    return next((area.name for area in _bare_districts(ctx, t0, end, placed=False) if key_of(area.name) in body), None)


def _lead_area(ctx: Context, areas: list[Area]) -> str | None:
    """The area the headline or the lead (the body's first sentence) names ("Huyện Yên Thành có …",
    "… trên địa bàn huyện Anh Sơn (Nghệ An) …"), when they name no province but in brackets
    (where the area lies) and do not speak of the whole province: the document reports on it."""
    end = _lead_end(ctx)
    # Not where a meeting was held ("Sáng 5/3, tại huyện …, NHCSXH tổ chức hội nghị", scope.held_in).
    named = [a for a in areas if a.start < end and not held_in(ctx, a.start, a.end)]
    named = named or [a for a in _bare_districts(ctx, 0, end) if not held_in(ctx, a.start, a.end)
                      and _backed(ctx, a)]
    if not named or ctx.marks("province_ref", 0, end):
        return None
    if _province_outside_brackets(ctx, 0, end):
        return None
    return named[0].name


def _backed(ctx: Context, area: Area) -> bool:
    """Whether the text backs up a district the headline or lead names by its name alone: after
    it, the text names the district again, speaks of "the whole district" (``district_ref``) or
    of a district office, and nowhere of the whole bank or country (a national report may open
    on one district's borrowers)."""
    if national_words(ctx) is not None:
        return False
    offices = ctx.hits[part_list("district_bank")]  # in order: the last starts last
    return (ctx.text.find(area.name, area.end) >= 0 or ctx.starts_in(DISTRICT_REFS, area.end, len(ctx.text))
            or bool(offices and offices[-1][0] >= area.end))


_NAME_PUNCT = ",.;:()\"'“”!?"


def _bare_districts(ctx: Context, start: int, end: int, *, placed: bool = True) -> list[Area]:
    """The districts of ``rules/districts.yaml`` named in ``[start, end)`` by their own name
    alone, with no district's word, right after a place's word ("… ở Krông Pa", "living in Mang
    Yang, a highland district"; ``venue_gap`` of rules/scope.yaml): a run of capitalised words on
    one line, two or more (a one-word name may be a person's), that is exactly a district's name
    (a longer run is a person's name ending with one: "Deputy Minister Tran Kim Son")."""
    gazetteer = ctx.linker.gazetteer
    runs: list[list[tuple[int, int]]] = [[]]
    for match in _WORD.finditer(ctx.text, start, end):
        word = match.group()
        bare = word.strip(_NAME_PUNCT)
        capitalised = bare[:1].isupper() and bare[:1].isalpha()
        run = runs[-1]
        broken = bool(run) and "\n" in ctx.text[run[-1][1] : match.start()]
        if not capitalised or bare != word.rstrip(_NAME_PUNCT) or broken:
            runs.append([])  # a small word, an opening bracket or quote, a line break: no name goes on
        if capitalised:
            at = match.start() + word.index(bare)
            runs[-1].append((at, at + len(bare)))
            if bare != word.lstrip(_NAME_PUNCT):
                runs.append([])  # a comma, a stop or a closing bracket ends the name
    found = []
    venue = ctx.linker.venue_gaps[ctx.lang]
    for run in runs:
        if not MIN_NAME_WORDS <= len(run) <= MAX_NAME_WORDS:
            continue
        first, end_ = run[0][0], run[-1][1]
        name = ctx.text[first:end_]
        if (key_of(name) in gazetteer.districts and gazetteer.district_province(name)
                and (not placed or venue.search(ctx.text, max(0, first - ctx.reach("venue_gap")), first))
                and not ctx.mentions.within(first, end_)):
            found.append(Area(first, end_, name))
    return found


# A run of two or three capitalised words opening a sentence (after a line break or a stop), and
# the lower-case word after it: a name as the sentence's subject ("Tu Son ranks second, …").
# The break before it is matched, not looked behind for: ``re`` then skips in C to each line
# break or stop (a third of the time over a text), and group 1 is the same.
_SUBJECT_NAME = re.compile(r"(?:\A|\n|[.!?] )[ \t]*(\w+(?: \w+){1,2}?)(?= [a-z])")


_CAPITALISED_RUN = re.compile(r"(?<!\w)[A-Z]\w*(?: [A-Z]\w*)+")


def _district_named_before(ctx: Context, fig: Figure, s0: int) -> str | None:
    """English: the last district of ``rules/districts.yaml`` the figure's sentence names by its
    capitalised name before the figure ("like A, the B transaction office also lent …": B), in
    any form ("B district", "the B transaction office"): in a district's story, a sentence that
    names another district last states that district's figure."""
    if ctx.lang != "en":
        return None
    gazetteer = ctx.linker.gazetteer
    last = None
    for run in _CAPITALISED_RUN.finditer(ctx.text, s0, fig.start):
        words = run.group().split(" ")
        for size in (3, 2):  # the name closes the run ("Like Anh Son": "Anh Son")
            name = " ".join(words[-size:])
            if len(words) >= size and key_of(name) in gazetteer.districts:
                last = name
                break
    return last


_SENTENCE_STOP = re.compile(r"[.!?](?=\s|\Z)")
_VERB_AFTER = re.compile(r" (\w+)")  # the word right after a subject name


def subject_districts(ctx: Context) -> list[Area]:
    """English districts of ``rules/districts.yaml`` named by their name alone as a sentence's
    subject (the capitalised words opening it, a lower-case word after them: "Kim Son is the
    locality with …", "Yen Thanh ranks second, with …"), in a text that names the district's
    province: the sentence is about that district. Vietnamese names its districts with their
    word ("huyện …"), and a capitalised run opening a sentence is mostly a person or a body."""
    if ctx.lang != "en":
        return []
    gazetteer = ctx.linker.gazetteer
    named = {m.code for m in ctx.mentions}
    found = []
    verbs = {word.lower() for word in ctx.linker.scope.subject_verbs.en}
    for match in _SUBJECT_NAME.finditer(ctx.text):
        name = match.group(1)
        if not all(word[:1].isupper() for word in name.split()) or ctx.mentions.within(match.start(1), match.end(1)):
            continue
        verb = _VERB_AFTER.match(ctx.text, match.end(1))  # not a copy of the rest of the text
        if verb is None or verb.group(1).lower() not in verbs:
            continue  # "A and B each …", "A was visited by …": no ranking of A's own
        line_end = ctx.line(match.start(1), match.start(1))[1]
        stop = _SENTENCE_STOP.search(ctx.text, match.end(1), line_end)
        if _other_body(ctx, match.end(1), stop.start() if stop is not None else line_end, province=False):
            continue  # the sentence goes on to the branch's figures ("leads the province" ranks it)
        if key_of(name) in gazetteer.districts and gazetteer.district_province(name) in named:
            found.append(Area(match.start(1), match.end(1), name))
    return found


def _lead_end(ctx: Context) -> int:
    """Where the body's first sentence ends: the first line of content after the title (page
    chrome, a credit or a "related news" header, is none: ``parse.head``); the text's end when it
    has no line at all after the title, the title's when it has only chrome. Read once."""
    if ctx.state.lead_end is None:
        ctx.state.lead_end = _read_lead_end(ctx)
    return ctx.state.lead_end


def _read_lead_end(ctx: Context) -> int:
    """``_lead_end``, read from the text."""
    body = _TEXT.search(ctx.text, ctx.title[1])
    if body is None:
        return len(ctx.text)
    lines = head_lines(ctx.text[body.start():], ctx.linker.chrome, 1, len(ctx.text))
    if not lines:
        return ctx.title[1]
    body = _TEXT.search(ctx.text, body.start() + lines[0].start)
    assert body is not None  # a line of content holds a letter
    i = bisect.bisect_right(ctx.stops.starts, body.start())
    return ctx.stops.starts[i] if i < len(ctx.stops.starts) else len(ctx.text)


_TEXT = re.compile(r"\S")


def _province_outside_brackets(ctx: Context, start: int, end: int) -> bool:
    """Whether ``[start, end)`` names a province other than in brackets after an area (where the
    area lies, ``_own_province``): a place of a figure's own."""
    return any(not _own_province(ctx, m) for m in ctx.mentions.within(start, end))


def _own_province(ctx: Context, mention: Mention) -> bool:
    """Whether a province is named in brackets ("huyện Anh Sơn (Nghệ An)", "NHCSXH Yên Thành
    (Nghệ An)"), or right after an area's word ("Ky Son district of Nghe An", ``_area_seat``):
    where the area before it lies, no place of a figure's own."""
    if ctx.text.endswith("(", 0, mention.start) and ctx.text.startswith(")", mention.end):
        return True
    # A city named like its province, the only mention of it ("NHCSXH thành phố Yên Bái"): the
    # city's name (``seat_cities``).
    return _area_seat(ctx, mention.start) or bool(ctx.areas.within(mention.start, mention.end))


def _area_seat(ctx: Context, start: int) -> bool:
    """Whether the place at ``start`` follows an area's word with only the glue words of
    ``area_seat_gap`` (rules/scope.yaml: "of", ",") between."""
    words = getattr(ctx.linker.scope.area_seat_gap, ctx.lang)
    if not words:
        return False
    gap = _seat_gap(tuple(words)).search(ctx.text, max(0, start - ctx.reach("area_seat")), start)
    return gap is not None and ctx.ends_at(part_list("area_after"), gap.start())


@lru_cache(maxsize=4)
def _seat_gap(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` with the spaces around them, ending where the search ends."""
    alternatives = "|".join(rf"(?<!\w){re.escape(w)}" if w[:1].isalpha() else re.escape(w)
                            for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alternatives})\s*\Z", re.IGNORECASE)


def _office(ctx: Context, bank: Hit) -> str | None:
    """The district whose office the bank's mention names: an area joined to it ("VBSP Yen Thanh
    District", "Thai Hoa City branch of Social Policy Bank"), or the name a district office's
    words stand beside ("Phòng giao dịch NHCSXH Quỳnh Lưu"); None for a mention of the bank
    alone. A join stays on one line (``scope_gaps``, ``_DASH_GAP``) and within a run of the
    characters a gap holds (``_gap_run``), so only the areas there are read: those starting
    after the mention up to the run's end, those ending before it from the run's start."""
    start, end, _ = bank
    gap, index = ctx.linker.scope_gaps[ctx.lang], ctx.area_index
    areas = index.areas
    line_start, line_end = ctx.line(start, start)[0], ctx.line(end, end)[1]
    after, before = min(line_end, _gap_end(ctx, end)), max(line_start, _gap_start(ctx, start))
    on_line = sorted({*index.starting(end, after + 1), *index.ending(before, start + 1)})
    joined = [a for a in (areas[i] for i in on_line) if _joins_after(ctx, end, a)
              or (a.end <= start and gap.fullmatch(ctx.text, a.end, start) and not held_in(ctx, a.start, a.end))]
    district_starts = ctx.hit_starts[part_list("district_bank")]
    office = ctx.hits[part_list("district_bank")][bisect.bisect_left(district_starts, start) :
                                                 bisect.bisect_right(district_starts, start)]
    if not office:
        return joined[0].name if joined else _district_before(ctx, start)
    reach = ctx.reach("near_office")
    near = [areas[i] for i in index.starting(start - reach + 1, start + reach)]
    return next((a.name for a in (*near, *joined)), None) or _office_name(ctx, max(office)) or "a district"


def _office_name(ctx: Context, bank: Hit) -> str | None:
    """The capitalised name right after a district office's words ("PGD NHCSXH Anh Sơn", past
    a bracketed short form: "(CSXH)"), or right before them ("the Yen Thanh Social Policy Bank
    Transaction Office"), when it is no province's."""
    end = past_short_form(ctx.text, bank[1])
    for words in (_capitalised_near(ctx, end), _capitalised_near(ctx, bank[0], backwards=True)):
        if len(words) >= MIN_NAME_WORDS and not ctx.mentions.within(words[0][0], words[-1][1]):
            return _name(ctx.text, words)
    return None


def _district_before(ctx: Context, bank_start: int) -> str | None:
    """The district named right before the bank, as English names its district office ("the
    Krong Pa Social Policy Bank"): the capitalised words before it, when they end with a district
    of ``rules/districts.yaml`` (None otherwise). The name starts on the bank's line ("…\nTan Ky
    Social Policy Bank has …": the line before ends no name of it)."""
    if bank_start == 0 or ctx.text[bank_start - 1] != " ":
        return None
    line_start, _ = ctx.line(bank_start, bank_start)
    words = ctx.text[max(line_start, bank_start - ctx.reach("district_name")) : bank_start - 1].split(" ")
    run = " ".join(reversed(list(takewhile(lambda w: w.isalpha() and w[:1].isupper(), reversed(words)))))
    return run if run and ctx.linker.gazetteer.district_province(run) else None


def _reported_before(ctx: Context, bank_start: int) -> bool:
    """Whether the text reports a figure before it names the bank: in the body (the title aside),
    or earlier on the title's line; a district office named after that (where a borrower got a
    loan, which office led the province) is not who reports."""
    start = ctx.title[1] if bank_start >= ctx.title[1] else ctx.line(bank_start, bank_start)[0]
    return bool(ctx.figures.within(start, bank_start))


def part_of(ctx: Context, fig: Figure, code: str, indicator_rule: str, *,
            place: tuple[Spot | None, str] = (None, "")) -> Part | None:
    """What the figure (an observation of ``code``, found by ``indicator_rule``, at ``place``:
    ``place.place_of``'s answer) is a part of, or None for a total of its place."""
    spot, place_rule = place
    if spot is not None and place_rule == REGION_RULE:
        return Part("area", ctx.text[spot[1] : spot[2]], "area:region")
    if indicator_rule.startswith(GRADED_ITEM):
        return _graded_share(ctx, fig)
    respective = respective_area(ctx, fig) or respective_programme(ctx, fig)
    if respective is not None:
        return respective
    # An amount per household or customer with an average cue is an average, wherever it is
    # ("the district's average loan per household"): no area's total, even in a district's report.
    if "/" in fig.unit:
        average = _cued_part(ctx, fig, indicator_rule, only="average")
        if average is not None:
            return average
    s0, _ = sentence_span(ctx, fig)
    # A text filed under the whole bank reports no district: the commune of its closing story is
    # none of its figures' own.
    if ctx.district and place_rule != NATIONAL_DOCUMENT and not _whole_province(ctx, fig):
        # An office its own sentence names reports the figure, whatever area the lead named.
        office = _office_before(ctx, fig, s0) or _district_named_before(ctx, fig, s0)
        other = Part("area", office, OFFICE_NAMED) if office is not None and office not in ctx.district else None
        area_part = (_listed_area(ctx, fig) or _commune_named(ctx, fig, s0) or _commune_referred(ctx, fig, s0)
                     or other or Part("area", ctx.district, DISTRICT_DOCUMENT))
        return _narrower(ctx, fig, code, indicator_rule, area_part) or area_part
    area = _area_before(ctx, fig, s0) or _area_bound(ctx, fig)
    if area is not None and not _whole_province(ctx, fig):
        area_part = Part("area", area.name, "area:named")
        return _narrower(ctx, fig, code, indicator_rule, area_part) or area_part
    office = _office_before(ctx, fig, s0, national=spot is not None and spot[0] == NATIONAL)
    if office is not None and not _whole_province(ctx, fig):
        area_part = Part("area", office, OFFICE_NAMED)
        return _narrower(ctx, fig, code, indicator_rule, area_part) or area_part
    commune = _commune_referred(ctx, fig, s0, unnamed=False)
    if commune is not None and not _whole_province(ctx, fig):
        return commune
    spoken = _district_spoken(ctx, fig, s0)
    if spoken is not None:
        return Part("area", spoken, "area:district-ref")
    item = list_item(ctx, fig)
    if item is not None:
        return Part(item[0].kind, item[1], f"list:{item[0].phrase}")
    funded = _funded_source(ctx, fig, code)
    if funded is not None:
        return funded
    _, c1 = clause_span(ctx, fig)
    sibling = _sibling_item(ctx, fig, code, indicator_rule, s0)
    if sibling is not None:
        return sibling
    # What stands before a reporting verb is who reports and where ("Tại hội nghị sơ kết … của
    # Chỉ thị 40-CT/TW, Giám đốc chi nhánh … nêu rõ, dư nợ cho vay …"), not the figure's part.
    reported = [hit[1] for hit in ctx.marks("reporting", s0, fig.start)]
    shares = [hit for hit in ctx.marks("programme", max([s0, *reported]), c1) if _goes_on(ctx, hit)]
    if shares:
        return Part("programme", _programme_label(ctx, shares[-1], s0), f"programme:{shares[-1][2]}")
    trailing = _trailing_programme(ctx, fig, code, c1)
    if trailing is not None:
        return trailing
    if not ctx.linker.lexicon.indicators[code].cued_parts:
        # An outcome ("jobs created") of one programme is the indicator itself, but an item of
        # the outcome's own total broken down in its sentence is a part of it, and so is an
        # outcome counted by a group's own noun ("9,000 Khmer households escaped poverty").
        return (_outcome_kind(ctx, fig) or _group_counted(ctx, fig) or _opener_part(ctx, fig)
                or _item_of_total(ctx, fig, code) or _topic_document_part(ctx, fig, code))
    return (_cued_part(ctx, fig, indicator_rule, capital=code in ctx.linker.funded_capital)
            or _opener_part(ctx, fig) or _listed_item(ctx, fig, code, indicator_rule)
            or _paired_part(ctx, fig, indicator_rule) or _share_part(ctx, fig, code)
            or _topic_part(ctx, fig, code) or _item_of_total(ctx, fig, code)
            or _topic_document_part(ctx, fig, code))


def _sibling_item(ctx: Context, fig: Figure, code: str, indicator_rule: str, s0: int) -> Part | None:
    """An item of a breakdown that follows one the words of a part name, parted from it by a comma
    or a joining word and named by its own words before its figure, none of them a part cue
    ("Trong đó, dư nợ cho vay hộ nghèo 620 tỷ đồng, hộ cận nghèo 710 tỷ đồng"; "Of this, loans
    for poor households accounted for VND 620 billion, near-poor households VND 710 billion"): a
    part of the same kind named by those words, not the first item's part, which the cue before
    them would give every item. The item states its figure's indicator by no cue of its own: the
    breakdown's, or the first item's ("…, trong đó dư nợ cho vay hộ nghèo đạt 620 tỷ đồng và hộ
    cận nghèo đạt 710 tỷ đồng")."""
    if not indicator_rule.startswith(("breakdown-of:", "cue:")):
        return None
    mark = ctx.last_mark("breakdown", s0, fig.start)
    # The figure right before this one (a bisect: a long sentence is not listed per figure).
    prev = ctx.figure_ends.last_before(fig.start + 1)
    if mark is None or prev is None or prev.start < mark[1] or (prev.kind, prev.unit) != (fig.kind, fig.unit):
        return None
    before = ctx.state.last_part.get(fig.kind)
    if before is None or before[:2] != (code, prev.end) or before[2] not in NARROWER_KINDS:
        return None
    start = _unjoined(ctx, prev.end, fig.start)
    if start == prev.end and ctx.text[start : fig.start].lstrip()[:1] not in (",", ";"):
        return None
    end = unglued(ctx, start, fig.start)
    name = ctx.text[start:end].strip(" ,;:(")
    if (len(name.split()) < ITEM_NAME_WORDS and not _abbreviation(name)) or len(name) > ctx.reach("item_name"):
        return None
    if (ctx.dates.within(start, end) or ctx.areas.within(start, end) or ctx.mentions.within(start, end)
            or any(cue.position == "before" for cue in ctx.cues.within(start, end))
            or any(ctx.marks(kind_list, start, end) for kind_list in NAMED_PART_LISTS)):
        return None
    return Part(before[2], name[:LABEL_CHARS], f"{before[2]}:{mark[2]}+sibling")


def _programme_label(ctx: Context, hit: Hit, s0: int) -> str:
    """The words naming the programme a marker names: the marker's own, or, for a lead-in to a
    decree or decision (``programme_lead_in``: "theo Nghị định") right after a programme's own
    name, that name with the lead-in and its number ("cho vay nhà ở xã hội theo Nghị định
    100/2024/NĐ-CP"): the lead-in alone names no programme."""
    if not ctx.marks("programme_lead_in", hit[0], hit[1]):
        return ctx.text[hit[0] : hit[1]]
    named = [m for m in ctx.marks(PROGRAMMES, max(s0, hit[0] - ctx.reach("item_name")), hit[0])
             if not ctx.text[m[1] : hit[0]].strip()]
    if not named:
        return ctx.text[hit[0] : hit[1]]
    # The decree's number: the legal reference the lead-in opens ("Nghị định 100/2024/NĐ-CP"),
    # else a bare number after it.
    refs = [r for r in ctx.refs.within(hit[0], hit[1] + 1) if r.end > hit[1]]
    number = _NUMBERED.match(ctx.text, hit[1])
    end = refs[0].end if refs else number.end() if number else hit[1]
    return ctx.text[named[-1][0] : end][:LABEL_CHARS]


# A resolution's or decision's number right after a programme marker ("No. 15", "15/NQ-CP",
# "15"): the marker names one programme, not a council's resolution in general.
_NUMBERED = re.compile(r"\s*(?:No\.?\s*)?\d+(?:/[A-Z][A-Z-]*)?\b")


def _trailing_programme(ctx: Context, fig: Figure, code: str, clause_end: int) -> Part | None:
    """English: the programme a sentence's closing clause puts its lending under ("The bank lent
    VND 75 billion to 640 firms in the first half, under Resolution No. 15 on …"), the closing
    clauses stating no figure: the numbered programme (``programme``) qualifies every flow of
    the sentence, not only its own clause's; a stock (outstanding loans) keeps its own clause's."""
    if ctx.lang != "en" or ctx.linker.lexicon.indicators[code].measure == "stock":
        return None
    s0, s1 = sentence_span(ctx, fig)
    if ctx.figures.within(clause_end, s1):
        return None
    hits = [hit for hit in ctx.marks("programme", clause_end, s1)
            if _goes_on(ctx, hit) and _opens_clause(ctx, s0, hit[0]) and _NUMBERED.match(ctx.text, hit[1])]
    if not hits:
        return None
    return Part("programme", ctx.text[hits[0][0] : hits[0][1]], f"programme-closing:{hits[0][2]}")


def _opens_clause(ctx: Context, s0: int, start: int) -> bool:
    """Whether only spaces stand between the last comma or semicolon of the sentence before
    ``start`` and it: the words at ``start`` open their clause (", under …"), no subject's or
    verb's words before them (", and the lending programme for … grew")."""
    mark = max(ctx.text.rfind(",", s0, start), ctx.text.rfind(";", s0, start))
    return mark >= 0 and not ctx.text[mark + 1 : start].strip()


def _funded_source(ctx: Context, fig: Figure, code: str) -> Part | None:
    """ "Its outstanding loans of provincial budget capital stood at VND 236 billion": a capital
    cue that a ``funded_from`` word ("of", "from", "từ nguồn") puts after another cue of the amount's
    clause names where the loans or lending came from (``indicator._funded_from`` gave the figure
    the earlier cue's indicator, no capital's): that source's part. English only: Vietnamese
    "dư nợ ủy thác bằng vốn ngân sách" is read as the entrusted loans' whole."""
    gap = ctx.linker.funded_from.get(ctx.lang)
    capital = ctx.linker.funded_capital
    if ctx.lang != "en" or fig.kind != "money" or gap is None or code in capital:
        return None
    c0, _ = clause_span(ctx, fig)
    cues = [cue for cue in ctx.cues.within(c0, fig.start) if cue.position == "before"]
    cands = [set(ctx.linker.lexicon.candidates(cue, lang=ctx.lang)) for cue in cues]
    only_capital = [found <= capital for found in cands]
    for i, cue in enumerate(cues):
        if not cands[i] or not only_capital[i]:
            continue
        if gap.search(ctx.text, c0, cue.start) and not all(only_capital[:i]):
            return Part("source", ctx.text[cue.start : cue.end], "source:funded-from")
    return None


def _graded_share(ctx: Context, fig: Figure) -> Part | None:
    """A graded item of the total before it (``indicator._graded_item``): a share of that total,
    named by its grade ("classified as strong"), checked against the total's date, status and
    province as any item of a total is (``ITEM_OF_TOTAL``); none when its clause names no grade."""
    _, c1 = clause_span(ctx, fig)
    grade = ctx.marks("graded", fig.end, c1)
    words = ctx.text[grade[0][0] : c1].split("(")[0].strip(" ,;.") if grade else ""
    return Part("share", words[:LABEL_CHARS], f"share:{ITEM_OF_TOTAL}+graded") if words else None


def _narrower(ctx: Context, fig: Figure, code: str, indicator_rule: str, area: Part) -> Part | None:
    """A part of an area's figure that its own clause names more narrowly: one programme, channel
    or group of borrowers ("the district lent VND 20 billion for job creation", a union's loans in
    a district's report). The narrower kind is what the figure measures; its words name the area
    too ("job creation, Tan Lac"), and its rule ends with the area's ("programme:…+area:…"), so the
    area is not lost. None when the clause names none."""
    if not ctx.linker.lexicon.indicators[code].cued_parts:
        return None
    for kind in NARROWER_KINDS:
        own = _cued_part(ctx, fig, indicator_rule, only=kind)
        if own is None and kind == "programme" and code not in ctx.linker.funded_capital:
            # The programme the district's borrowers or amount went to, named right after them
            # ("giải ngân 3 tỷ đồng cho 40 người mãn hạn tù"), as in a province's report.
            own = _programme_borrowed(ctx, fig, clause_span(ctx, fig)[1])
        if own is not None:
            return Part(own.kind, f"{own.words}, {area.words}"[:LABEL_CHARS], f"{own.rule}+{area.rule}")
    # An item of a list of programmes, unions or groups in the area's report ("…, trong đó một số
    # chương trình như: hộ nghèo 40 tỷ đồng, …"): the item's kind, as in a province's report.
    item = list_item(ctx, fig)
    if item is not None and item[0].kind in NARROWER_KINDS:
        return Part(item[0].kind, f"{item[1]}, {area.words}"[:LABEL_CHARS], f"list:{item[0].phrase}+{area.rule}")
    paired = _paired_narrower(ctx, fig, indicator_rule, area)
    if paired is not None:
        return paired
    # An item of a list that breaks down the area's own total (the district office's loans, then
    # "gồm: cho vay giải quyết việc làm …, cho vay nước sạch …"): a programme within the area, as
    # the same breakdown of a province's total is the province's programmes.
    listed = _listed_item(ctx, fig, code, indicator_rule)
    if listed is not None and listed.kind in NARROWER_KINDS:
        return Part(listed.kind, f"{listed.words}, {area.words}"[:LABEL_CHARS], f"{listed.rule}+{area.rule}")
    return None


def _paired_narrower(ctx: Context, fig: Figure, indicator_rule: str, area: Part) -> Part | None:
    """The borrowers paired with the area's amount of one programme, channel, group or source
    ("dư nợ ủy thác qua Hội Nông dân … là 240 tỷ đồng, qua 95 tổ … với 5.100 hộ vay"): that
    part's, as the amount's (its words name the area already). The amount is the last level of
    the other kind linked so far (``state.last_level``: figures are linked in text order), and its
    part the one recorded as ending where that level ends."""
    if not indicator_rule.startswith("paired-with:"):
        return None
    other = "money" if fig.kind == "count" else "count"
    level = ctx.state.last_level.get(other)
    if level is None:
        return None
    ends = ctx.state.part_ends  # in text order
    at = bisect.bisect_right(ends, level[1], key=lambda end: end[0])
    if not at or ends[at - 1][0] != level[1] or ends[at - 1][1] not in NARROWER_KINDS:
        return None
    _, kind, words = ends[at - 1]
    return Part(kind, words, f"paired-with:{kind}+{area.rule}")


def _outcome_kind(ctx: Context, fig: Figure) -> Part | None:
    """An outcome counted by the kind its programme built ("1.200 căn nhà ở xã hội", ``outcome_kinds``):
    that programme's part; so is a count of the same unit coordinated with it ("4.300 căn nhà cho hộ
    nghèo, 650 căn nhà ở xã hội": houses split by kind, no total of houses stated), see
    ``_coordinated``."""
    if fig.kind != "count":
        return None
    own = _kind_named(ctx, fig)
    if own is not None:
        return Part("programme", ctx.text[own[0] : own[1]], f"programme:{own[2]}")
    s0, s1 = sentence_span(ctx, fig)
    for other in ctx.figures.within(s0, s1):
        if other is fig or other.unit != fig.unit or _kind_named(ctx, other) is None:
            continue
        if _coordinated(ctx, *sorted((fig, other), key=lambda f: f.start)):
            _, c1 = clause_span(ctx, fig)
            later = ctx.figures.within(fig.end, c1)
            end = later[0].start if later else c1
            # Its words end before the word joining it to its sibling ("… cho hộ nghèo và").
            end = min([hit[0] for hit in ctx.marks(SPLIT_JOINS, fig.end, end) if not ctx.text[hit[1] : end].strip()],
                      default=end)
            words = ctx.text[fig.start : end].strip(" ,:;.")
            return Part("programme", words[:LABEL_CHARS], "programme:outcome-split")
    return None


def _coordinated(ctx: Context, first: Figure, second: Figure) -> bool:
    """Whether two counts of one unit are items of one list joined to each other: between them only
    the first one's words and a comma or one joining word ending them ("4.300 căn nhà cho hộ nghèo
    và 640 …"), no other figure, breakdown word, list opener (``split_openers``: "gồm", "comprising":
    the first count is the whole the second is of), date or province; and no date after the second
    in its clause ("620 storm-proof houses and 410 houses in 2023": a comparison)."""
    gap = ctx.text[first.end : second.start]
    if any(c in gap for c in ";:.()") or "," in gap.rstrip().rstrip(","):
        return False  # a comma inside starts another clause ("…, while the budget built 500 …")
    joined = gap.rstrip().endswith(",") or any(
        not ctx.text[hit[1] : second.start].strip() for hit in ctx.marks(SPLIT_JOINS, first.end, second.start))
    _, c1 = clause_span(ctx, second)
    return joined and not (
        ctx.figures.within(first.end + 1, second.start) or ctx.marks("breakdown", first.end, second.start)
        or ctx.marks(SPLIT_OPENERS, first.end, second.start) or ctx.mentions.within(first.end, second.start)
        or ctx.free_dates.within(first.end, c1))


def _kind_named(ctx: Context, fig: Figure) -> Hit | None:
    """The ``outcome_kinds`` cue that opens within the count's words or right after them (an
    ``outcome_kinds_paired`` one only beside another count of the same unit in the sentence: the
    outcome split by kind); none when the count's words go on with another kind joined to them
    with no count of its own (``_covers_joined``: the count covers both kinds, the total)."""
    end = fig.end + ctx.reach("programme")
    cues = [c for c in ctx.marks(OUTCOME_KINDS, fig.start, end) if c[0] < fig.end]
    if not cues and _count_beside(ctx, fig):
        cues = [c for c in ctx.marks(OUTCOME_KINDS_PAIRED, fig.start, end) if c[0] < fig.end]
    return cues[0] if cues and not _covers_joined(ctx, fig) else None


def _count_beside(ctx: Context, fig: Figure) -> bool:
    """Whether another count of the figure's unit stands in its sentence."""
    s0, s1 = sentence_span(ctx, fig)
    return any(other is not fig and other.kind == "count" and other.unit == fig.unit
               for other in ctx.figures.within(s0, s1))


def _covers_joined(ctx: Context, fig: Figure) -> bool:
    """Whether the count's words go on, right after a joining word (``split_joins``), with a bare
    noun phrase that ends the clause ("… and standard latrines."): a second kind with no count of
    its own, one count of both kinds. A joining word that opens a new predicate ("… and created
    jobs for …", "… and was praised"), words of quantity ("and thousands of …"), a figure, or more
    words than a short noun phrase holds before the clause ends leave the count its kind."""
    joins = [hit for hit in ctx.marks(SPLIT_JOINS, fig.end, fig.end + ctx.reach("programme"))
             if not ctx.text[fig.end : hit[0]].strip()]
    if not joins:
        return False
    rest = _CLAUSE_REST.match(ctx.text, joins[0][1])
    words = rest.group(0).split() if rest else []
    not_a_kind = {word.lower() for word in getattr(ctx.linker.scope.joined_not_kind, ctx.lang)}
    return 0 < len(words) <= _JOINED_KIND_WORDS and not any(
        any(c.isdigit() for c in word) or word.lower() in not_a_kind or word.lower().endswith(("ed", "ing"))
        for word in words)


_CLAUSE_REST = re.compile(r"[^,;:.()\n]*")  # the words after a joining word up to its clause's end
_JOINED_KIND_WORDS = 4  # the most words a second kind's bare noun phrase runs to


def _item_of_total(ctx: Context, fig: Figure, code: str) -> Part | None:
    """A count after a breakdown word whose sentence states, before that word, the total of the
    same indicator ("có 260 hộ thoát nghèo, trong đó 75 hộ dân tộc thiểu số ở hai xã vùng cao"), no
    date between the word and the count: an item of that total when the breakdown's items name an
    area (a district or commune, by name or by its kind's word) or a group of people (a group's or a
    programme's words: "people who served prison sentences"); every item of the breakdown gets the
    same kind. An item naming neither (a venue, a status, another year, a plan) is no part this rule
    tells, nor is one whose date, status or province differs from the total's (``observe``
    compares them: "trong đó năm 2024 có …", "the plan for 2025 is …", another province's).
    Counts only: an amount's item may name the debt's quality or term ("trong đó dư nợ khoanh …"),
    which is no part of this kind."""
    if fig.kind != "count":
        return None
    s0, s1 = sentence_span(ctx, fig)
    marks = ctx.marks("breakdown", s0, fig.start)
    total = ctx.state.total_ends.get(code)
    if not marks or total is None or not s0 <= total[0] <= marks[-1][0]:
        return None
    if ctx.free_dates.within(marks[-1][1], fig.start):
        return None  # "trong đó năm 2024 có …": another period's figure
    start = max(segment_span(ctx, fig)[0], marks[-1][1])
    # The breakdown's items: the clauses of the counts of the same unit after its word.
    clauses = [clause_span(ctx, other) for other in ctx.figures.within(marks[-1][1], s1)
               if other.kind == "count" and other.unit == fig.unit]
    spans = [(max(c0, marks[-1][1]), c1) for c0, c1 in clauses]
    # "xã hội" (social) begins like a commune's word and names none.
    social = {hit[0] for a, b in spans for hit in ctx.marks(COMMUNE_REFS_NOT, a, b)}
    areal = any(ctx.areas.within(a, b) or any(
        hit[0] not in social for name in _AREA_KIND_WORDS if name in ctx.hits for hit in ctx.marks(name, a, b))
        for a, b in spans)
    grouped = any(ctx.marks(GROUPS, a, b) or ctx.marks(PROGRAMMES, a, b) for a, b in spans)
    kind = "area" if areal else "group" if grouped else None
    if kind is None:
        return None
    return Part(kind, _item_words(ctx, fig, start)[:LABEL_CHARS], f"{kind}:{ITEM_OF_TOTAL}+{marks[-1][2]}")


def _goes_on(ctx: Context, hit: Hit) -> bool:
    """Whether a programme marker names a programme: a lead-in to a name (``programme_lead_in``:
    "theo Quyết định", "theo Nghị định", perhaps with the issuer after it: "theo Quyết định của
    Chính phủ") opening its clause that the clause ends right after ("Theo quyết định, năm nay …":
    according to a decision) names none; one with words before it in its clause names the
    programme there ("For the X programme alone, …"), and a marker holding the programme's own
    name ("Under the … recovery programme, …") names it."""
    ends = [end for start, end, _ in ctx.marks("programme_lead_in", hit[0], hit[1] + ctx.reach("lead_in_issuer"))
            if start < hit[1] <= end]
    if not ends or ctx.text[max(ends) : max(ends) + 3].lstrip()[:1] not in (",", ";", ":", "."):
        return True
    line, _ = ctx.line(hit[0], hit[0])  # a bisect: a long paragraph is not read back per hit
    opening = max(ctx.text.rfind(mark, line, hit[0]) for mark in (",", ";", ":", "."))
    return bool(ctx.text[max(line, opening + 1) : hit[0]].strip())


def _listed_area(ctx: Context, fig: Figure) -> Part | None:
    """An item of a list of areas ("Một số xã có dư nợ cao: Phúc Thành 64 tỷ đồng; …"): in a district
    document, a commune's figure, a part of the district."""
    item = list_item(ctx, fig)
    return Part("area", item[1], f"list:{item[0].phrase}") if item and item[0].kind == "area" else None


def _above_commune(ctx: Context, start: int, end: int) -> bool:
    """Whether words of a district or a province stand in ``[start, end)`` ("toàn huyện", "the
    district's", "toàn tỉnh", a district named, the district office: "dư nợ của NHCSXH huyện"):
    what follows them is no longer the commune's."""
    return bool(ctx.marks(DISTRICT_REFS, start, end) or ctx.marks("province_ref", start, end)
                or ctx.marks(part_list("district_bank"), start, end)
                or any(not is_commune(ctx, a) for a in ctx.areas.within(start, end)))


def _commune_named(ctx: Context, fig: Figure, s0: int) -> Part | None:
    """In a district's report, the commune named in the figure's sentence before it ("Tại xã Yên
    Hòa, dư nợ đạt …") or joined right after it ("… 320 customers in Yen Hoa commune"), with no
    district's or province's words between: the commune's figure, not the district's."""
    named = [a for a in ctx.areas.within(s0, fig.start) if a.end <= fig.start]
    if named and is_commune(ctx, named[-1]) and not _above_commune(ctx, named[-1].end, fig.start):
        return Part("area", named[-1].name, COMMUNE_NAMED)
    after = _area_bound(ctx, fig)
    return Part("area", after.name, COMMUNE_NAMED) if after is not None and is_commune(ctx, after) else None


def _commune_referred(ctx: Context, fig: Figure, s0: int, *, unnamed: bool = True) -> Part | None:
    """The commune the figure's clause speaks of, before or after it, without
    naming it ("dư nợ của xã", "the commune's outstanding loans", "… in the commune"), with no
    district's or province's words between: the commune named last before those words, else the
    words themselves when ``unnamed`` (in a district's report: a commune's figure all the same, no
    total of the district; elsewhere a commune the text never names tells nothing)."""
    c0, c1 = clause_span(ctx, fig)
    # Before the figure, only in its own clause: "Nhờ sự quan tâm của xã, dư nợ …" thanks the
    # commune for the district's figure.
    refs = [hit for hit in (*ctx.marks(COMMUNE_REFS, max(s0, c0), fig.start), *ctx.marks(COMMUNE_REFS, fig.end, c1))
            if not any(hit[0] < other[0] < hit[1] for other in ctx.marks(COMMUNE_REFS_NOT, hit[0], hit[1] + 40))]
    before = [hit for hit in refs if hit[1] <= fig.start and not _above_commune(ctx, hit[1], fig.start)]
    after = [hit for hit in refs if hit[0] >= fig.end and not _above_commune(ctx, fig.end, hit[0])]
    ref = before[-1] if before else (after[0] if after else None)
    if ref is None:
        return None
    named = _communes(ctx).last_before(ref[0])
    if named is not None:
        return Part("area", named.name, COMMUNE_REF)
    return Part("area", ctx.text[ref[0] : ref[1]], COMMUNE_REF) if unnamed else None


def _whole_province(ctx: Context, fig: Figure) -> bool:
    """Whether the figure's clause speaks of the whole province ("the average of the whole
    province (7.2%)", "toàn tỉnh") or names a province, but as an area's own (``_own_province``):
    a district document's figure that is not the district's."""
    c0, c1 = clause_span(ctx, fig)
    spans = [*((h[0], h[1]) for h in ctx.marks("province_ref", c0, c1)),
             *((m.start, m.end) for m in ctx.mentions.within(c0, c1) if not _own_province(ctx, m))]
    return any(not _ranked(ctx, c0, start) for start, _ in spans) or _province_closes_sentence(ctx, fig)


# What may stand after the province that closes a sentence: its own word, the stop, a quote.
_CLOSING = " \t.!?;:\"'”)"


def _province_closes_sentence(ctx: Context, fig: Figure) -> bool:
    """English: whether the figure's sentence ends on the province its results are of, after a
    venue word and after the figure, with no area named anywhere in it ("The loans financed 310
    latrines, kept 95 pupils in school and repaired 60 homes in Lao Cai."): a place closing a
    list of results scopes every item of it, not the last alone; a meeting's venue (``held_in``)
    scopes none."""
    if ctx.lang != "en":
        return False
    s0, s1 = sentence_span(ctx, fig)
    after = ctx.mentions.within(fig.end, s1)
    if not after or ctx.areas.within(s0, s1):
        return False
    last = after[-1]
    rest = ctx.text[last.end : s1].strip(_CLOSING).casefold()
    if rest and rest not in ctx.linker.place_kind_after[ctx.lang]:
        return False
    if _own_province(ctx, last) or held_in(ctx, last.start, last.end):
        return False
    return ctx.linker.venue_gaps[ctx.lang].search(ctx.text, max(0, last.start - ctx.reach("venue_gap")),
                                                  last.start) is not None


def _ranked(ctx: Context, c0: int, start: int) -> bool:
    """Whether a rank word stands just before the province named at ``start`` in its clause, with
    no figure or indicator cue between ("the first transaction office in the province with loans
    above …"): the clause ranks the district among the province's, and gives no figure of the
    province ("in the first quarter outstanding loans of the whole province" does)."""
    rank = ctx.last_mark(RANKS, max(c0, start - ctx.reach("rank")), start)
    return rank is not None and not ctx.figures.within(rank[1], start) and not ctx.cues.within(rank[1], start)


def _district_spoken(ctx: Context, fig: Figure, s0: int) -> str | None:
    """The district the figure's sentence speaks of before it without naming it ("Toàn huyện có
    …", "The district's outstanding loans …"), with no province named between: the area named
    last before those words, else the words themselves."""
    unit = ctx.last_mark(DISTRICT_UNIT_REFS, s0, fig.start)
    refs = [hit for hit in (ctx.last_mark(DISTRICT_REFS, s0, fig.start),
                            *city_refs(ctx, s0, fig.start)[-1:]) if hit is not None]
    ref = max(refs) if refs else None
    if unit is not None and (ref is None or unit[0] > ref[0]):
        return _district_unit(ctx, fig, s0, unit)
    if ref is None or ctx.marks("province_ref", ref[1], fig.start):
        return None
    if _province_outside_brackets(ctx, ref[1], fig.start):
        return None
    # The district the document reports from, else the last area of the level the words speak
    # of ("huyện …", not a borrower's "xã …"), else the words themselves.
    if ctx.district:
        return ctx.district
    named = _areas_worded(ctx, _area_word(ctx, ref[0], ref[1])).last_before(ref[0])
    return named.name if named is not None else ctx.text[ref[0] : ref[1]]


def _areas_worded(ctx: Context, word: str | None) -> Offsets[Area]:
    """The text's areas whose names hold the area word ``word`` (``_area_word``; None: none),
    gathered once per document and word: a long text asks for the last one before each figure
    that speaks of its district by the word alone."""
    found = ctx.state.areas_worded.get(word)
    if found is None:
        found = ctx.state.areas_worded[word] = Offsets(a for a in ctx.areas
                                                       if _area_word(ctx, a.start, a.end) == word)
    return found


def _communes(ctx: Context) -> Offsets[Area]:
    """The text's areas that are communes (``is_commune``), gathered once per document: a long
    text asks for the last one before each figure that speaks of its commune by the word alone."""
    if ctx.state.communes is None:
        ctx.state.communes = Offsets(a for a in ctx.areas if is_commune(ctx, a))
    return ctx.state.communes


def _district_unit(ctx: Context, fig: Figure, s0: int, unit: Hit) -> str | None:
    """The district whose bank unit the figure's sentence names without its name ("the district
    VBSP", ``district_unit_ref``): the district the document reports from, else a district named
    in that sentence or the one before it. No district when the words go on into another noun
    phrase (``district_unit_ref_not``: "… transaction offices", "… level"), when the sentence
    speaks of the province or its branch, or when no district stands that near (a borrower's home
    district or a meeting's venue earlier in the text is no unit's). A name right after the words
    ("… in <name>") is the district when the gazetteer knows it, else no district's."""
    if any(hit[0] <= unit[1] + 1 for hit in ctx.marks(DISTRICT_UNIT_REFS_NOT, unit[1], fig.start)):
        return None
    if (ctx.marks("province_ref", s0, fig.start) or ctx.marks(scope_list("branch"), s0, fig.start)
            or _province_outside_brackets(ctx, s0, fig.start)):
        return None
    if ctx.district:
        return ctx.district
    # "the district VBSP in <name>": the district named right after the words.
    after = [a for a in ctx.areas.within(unit[1], fig.start) if a.start - unit[1] <= ctx.reach("district_name")]
    if after:
        return after[0].name
    words = ctx.text[unit[1] : fig.start].split()[1:3]
    run = " ".join(takewhile(lambda w: w.isalpha() and w[:1].isupper(), words))
    if run:
        return run if ctx.linker.gazetteer.district_province(run) else None
    previous = ctx.stops.around(max(0, s0 - 2), max(0, s0 - 2))[0] if s0 > 1 else s0
    named = [a for a in ctx.areas.within(previous, unit[0]) if _area_word(ctx, a.start, a.end) == "district"]
    return named[-1].name if named else None


def _area_word(ctx: Context, start: int, end: int) -> str | None:
    """The first area word in ``[start, end)``, lower-cased: an area's level ("huyện", "xã",
    "thị xã", "district"), and the level that "toàn huyện" or "the whole district" speak of."""
    hits = [hit for name in AREA_WORDS for hit in ctx.marks(name, start, end)]
    return min(hits)[2].lower() if hits else None


def _area_before(ctx: Context, fig: Figure, s0: int) -> Area | None:
    """An area named in the figure's sentence before it, with no province named after it (but its
    own, ``_own_province``)."""
    named = [a for a in ctx.areas.within(s0, fig.start) if a.end <= fig.start]
    if not named:
        return None
    area = named[-1]
    return None if _province_outside_brackets(ctx, area.end, fig.start) else area


def _office_before(ctx: Context, fig: Figure, s0: int, *, national: bool = False) -> str | None:
    """The district office named by its own name in the figure's sentence before it ("the Binh
    Son Social Policy Bank Transaction Office manages …", "PGD NHCSXH Quỳ Châu có …"), one office
    (no "các Phòng giao dịch"), or two joined ("PGD A và PGD B có …": both named), when the
    office reports the figure: an area's, not the province's total. Not when the figure is the
    whole bank's (``national``, or "nationwide" between), a province or the provincial branch is
    named between, the office's own clause makes it a venue, an addressee, a companion or a
    comparison (``office_aside`` in rules/scope.yaml: "tại PGD …", "together with the … Office"),
    or another body of the bank takes over after a clause break (``office_other``: "…, chi nhánh
    cho biết …")."""
    offices = ctx.marks(part_list("district_bank"), s0, fig.start)
    if not offices or national:
        return None
    office = offices[-1]
    joined = _joined_office(ctx, offices[-2], office) if len(offices) > 1 else None
    first = offices[-2] if joined is not None else office
    if _offices_many(ctx, first[0]) or _province_outside_brackets(ctx, office[1], fig.start):
        return None
    if ctx.starts_in(scope_list("branch"), office[1], fig.start):
        return None
    if ctx.marks("national", office[1], fig.end) or ctx.marks("province_ref", office[1], fig.start):
        return None
    if _office_aside(ctx, first[0], s0) or _other_body_after(ctx, office[1], fig.start):
        return None
    return joined if joined is not None else _office_name(ctx, office)


_CLAUSE_MARKS = ",;:"


def _scope_words(ctx: Context, name: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the words of the plain word list ``name`` of rules/scope.yaml stand, as whole words,
    in ``[start, end)``."""
    words = getattr(getattr(ctx.linker.scope, name), ctx.lang)
    if not words:
        return []
    return [(m.start(), m.end()) for m in _whole_words(tuple(words)).finditer(ctx.text, start, end)]


def _scope_word_in(ctx: Context, name: str, start: int, end: int) -> bool:
    """Whether ``_scope_words(ctx, name, start, end)`` finds a word: where a word of the list may
    start is read once per document (``State.scope_word_starts``) and looked up by bisection, where
    the search read the whole span for each question (a span that may run from a figure back to
    its line's first sentence, on a long line). A word starting within the list's longest word of
    ``end`` is sought there as the search seeks it (the search's text ends at ``end``, so a word
    cut there counts); one starting before ends before ``end`` and counts the same either way."""
    words = tuple(getattr(getattr(ctx.linker.scope, name), ctx.lang))
    if not words:
        return False
    starts = ctx.state.scope_word_starts.get(name)
    if starts is None:
        anywhere = re.compile(f"(?={_whole_words(words).pattern})", re.IGNORECASE)
        starts = ctx.state.scope_word_starts[name] = [m.start() for m in anywhere.finditer(ctx.text)]
    tail = max(start, end - max(map(len, words)))
    i = bisect.bisect_left(starts, start)
    if i < len(starts) and starts[i] < tail:
        return True
    return _whole_words(words).search(ctx.text, tail, end) is not None


@lru_cache(maxsize=64)
def _whole_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word, any case: compiled once per word list, not per figure."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _office_aside(ctx: Context, office_start: int, s0: int) -> bool:
    """Whether the office's own clause, before its words, makes it no one who reports: a venue, a
    visit, an addressee, a companion or a comparison (``office_aside``: "tại", "at", "cùng với",
    "like"), but for the words of ``office_aside_not`` ("hiện tại": now; "as at": a date). The
    clause opens after a clause mark, at the line's start or at its sentence's (``s0``): a venue
    of the sentence before ("Hội nghị diễn ra tại Hà Nội. PGD NHCSXH …") is not the office's."""
    c0 = max(*(ctx.text.rfind(mark, s0, office_start) for mark in _CLAUSE_MARKS),
             ctx.line(office_start, office_start)[0] - 1, s0 - 1) + 1
    spared = _scope_words(ctx, "office_aside_not", c0, office_start)
    return any(not any(a <= start < b for a, b in spared)
               for start, _ in _scope_words(ctx, "office_aside", c0, office_start))


def _other_body_after(ctx: Context, office_end: int, fig_start: int) -> bool:
    """Whether, after a clause break past the office, another body of the bank (``office_other``:
    "chi nhánh", "NHCSXH", "the bank", "the delegation") speaks before the figure: the office
    no longer reports it."""
    breaks = [i for i in (ctx.text.find(mark, office_end, fig_start) for mark in _CLAUSE_MARKS) if i >= 0]
    return bool(breaks) and bool(_scope_words(ctx, "office_other", min(breaks), fig_start))


def _joined_office(ctx: Context, before: Hit, office: Hit) -> str | None:
    """Both offices' names when the office's words follow another office's, joined by a joining
    word ("PGD NHCSXH A và PGD NHCSXH B", "the A … Office and the B … Office"): the figure
    after them is theirs together."""
    names = [_office_name(ctx, before), _office_name(ctx, office)]
    if None in names or names[0] == names[1]:
        return None
    rest = ctx.text[before[1] : office[0]]
    for name in names:
        rest = rest.replace(str(name), " ", 1)
    joins = ctx.marks(part_list("split_joins"), before[1], office[0])
    if not joins:
        return None
    join = ctx.text[joins[0][0] : joins[0][1]].casefold()
    function_words = ctx.linker.function_words.get(ctx.lang, frozenset())  # "the A Office and the B Office"
    if any((bare := w.strip(",&").casefold()) and bare != join and bare not in function_words for w in rest.split()):
        return None
    return f"{names[0]} {ctx.text[joins[0][0] : joins[0][1]]} {names[1]}"


def _area_bound(ctx: Context, fig: Figure) -> Area | None:
    """An area joined to the figure right after it by "in"/"tại" ("320 customers in Tam Chung
    commune"), in its clause."""
    after = ctx.areas.within(fig.end, clause_span(ctx, fig)[1])
    return after[0] if after and bound_place(ctx, fig.end, after[0].start) else None


def _opener_part(ctx: Context, fig: Figure) -> Part | None:
    """The part a sentence's opening words put its figures under ("Đối với <part>, …", "For
    <part>, …": ``part_openers``): the first part cue between the opener and the last comma
    before the sentence's first figure, its own words naming it; a programme when the opener's
    words open with programmes (``opener_programmes``), whoever another kind's cue says they serve. The opener
    governs the sentence as far as ``_opener_reaches`` says, a total word in it too ("tổng dư nợ đạt
    …" is that part's)."""
    s0, s1 = sentence_span(ctx, fig)
    opener = ctx.first_mark(PART_OPENERS, s0, s0 + ctx.reach("sentence_opener"))
    if opener is None or ctx.text[s0 : opener[0]].strip(_NEXT_PUNCT):
        return None
    first = ctx.figures.within(opener[1], s1)
    comma = ctx.text.rfind(",", opener[1], first[0].start if first else s1)
    if comma < 0 or not _opener_reaches(ctx, comma, fig):
        return None
    cues = sorted((hit, kind) for kind, cue_list in KIND_LISTS if kind != "average"
                  for hit in ctx.marks(cue_list, opener[1], comma))
    if not cues:
        return None
    (start, end, phrase), kind = cues[0]
    head = ctx.first_mark(OPENER_PROGRAMMES, opener[1], start) if kind != "programme" else None
    if head is not None and not ctx.text[opener[1] : head[0]].strip():
        # What the opener names is programmes; the group or place after is whom they serve.
        return Part("programme", ctx.text[head[0] : end][:LABEL_CHARS], f"programme:opener:{head[2]}")
    return Part(kind, ctx.text[start:end], f"{kind}:opener:{phrase}")


def _opener_reaches(ctx: Context, comma: int, fig: Figure) -> bool:
    """Whether an opener whose clause ends at ``comma`` governs the figure: no word of the
    branch's or province's whole (``topic_whole``, ``opener_whole``: "dư nợ toàn chi nhánh",
    "across the province") stands before it in its sentence part, and no sentence part between
    them opens a subject of its own (the bank's name, ``opener_subjects``: "…; chi nhánh có tổng
    dư nợ …"). A sentence part with neither goes on about the opener's part ("…; tổng dư nợ …")."""
    g0 = max(comma, segment_span(ctx, fig)[0])
    if ctx.first_mark(TOPIC_WHOLE, g0, fig.start) or ctx.first_mark(OPENER_WHOLE, g0, fig.start):
        return False
    semicolon = ctx.text.find(";", comma, fig.start)
    return semicolon < 0 or not (ctx.first_mark("bank", semicolon, fig.start)
                                 or ctx.first_mark(OPENER_SUBJECTS, semicolon, fig.start))


def _cued_part(ctx: Context, fig: Figure, indicator_rule: str, *, only: str | None = None,
               capital: bool = False) -> Part | None:
    """A part named by a cue of ``rules/parts.yaml`` (see the module's docstring): before the
    figure in its clause, or in its sentence part (between semicolons) when the figure borrowed
    its indicator from an earlier clause there, with no total word from the cue on; after a
    breakdown word, anywhere in its clause or earlier in its item of the list ("Trong đó, …; qua
    Hội Phụ nữ là 1.870 tỷ đồng, với 36.200 khách hàng còn dư nợ"). ``only``: that kind's cues alone.
    An amount of ``capital`` (``funded_from.indicators`` of rules/linking.yaml) funds loans: a
    programme named right after it is what the money is for ("the budget adds VND 40 billion to
    lend for job creation"), not a programme whose loans it was."""
    c0, c1 = clause_span(ctx, fig)
    g0 = segment_span(ctx, fig)[0] if indicator_rule.endswith("(earlier clause)") else c0
    g0 = min(g0, _labelled_from(ctx, fig, c0))
    s0, _ = sentence_span(ctx, fig)
    breakdown = ctx.last_mark("breakdown", s0, fig.start)
    if breakdown is not None:
        # The figure's item: from the breakdown word, or from the semicolon that opens the item.
        g0 = min(g0, max(segment_span(ctx, fig)[0], breakdown[1]))
    # After a breakdown word, a cue that opens in the clause counts whole, though a comma of its
    # own cuts it ("95 khách hàng vay vốn chương trình cho vay học sinh, sinh viên").
    end = segment_span(ctx, fig)[1] if breakdown else fig.start
    for kind, cue_list in KIND_LISTS:
        if only is not None and kind != only:
            continue
        cues = [c for c in ctx.marks(cue_list, _cut_cue_start(ctx, cue_list, s0, g0, fig.start), end)
                if (c[1] <= fig.start or c[0] >= c0) and c[0] < c1]
        if kind == "average":
            cues = [c for c in cues if not _averages_a_rate(ctx, fig, c)]
        if kind == "area":
            cues = [c for c in cues if not _leads_in(ctx, c, fig)]
        if kind == "programme":
            cues = [c for c in cues if not _trails_joined(ctx, c, fig, c0)]
        if kind == "channel":
            cues = [c for c in cues if _channel_acts(ctx, c, fig)]
            named = ctx.marks(CHANNEL_NAMES, max(g0, breakdown[1]), min(end, fig.start)) if breakdown else []
            if named:  # a union of the list named later than a cue leaves that cue's item behind
                cues = [c for c in cues if c[1] > named[-1][0]]
            cues = sorted(cues + _own_words(cues, [*_unions_listed(ctx, fig, breakdown, g0, end),
                                                   *_entrusted(ctx, fig, g0, end)]))
        own_cues = ctx.cues.within(c0, fig.start) if kind == "source" else []
        if own_cues and _capital_last(ctx, fig):
            # An item of the capital's breakdown naming its own capital ("…, vốn nhận ủy thác từ
            # ngân sách … 250 tỷ đồng") is no item of the source named in the clause before it,
            # nor of one named before the figure ahead of its own words ("capital from the central
            # budget accounted for VND 3,910 billion and capital entrusted by the budgets VND 402 billion").
            ahead = [f for f in ctx.figures.within(c0, own_cues[-1].start) if f.end <= own_cues[-1].start]
            cues = [c for c in cues if c[0] >= (ahead[-1].end if ahead else c0)]
        cue = _item_cue(ctx, cues, fig, breakdown)
        if cue is not None and not _totalled(ctx, cue, borrowers_end(ctx, fig)):
            rule = f"{AREA_KIND}{cue[2]}" if kind == "area" else f"{kind}:{cue[2]}"
            words = ctx.text[cue[0] : cue[1]]
            return Part(kind, _channel_name(words) if kind == "channel" else words, rule)
    if only is not None:
        return None
    own = _group_counted(ctx, fig)
    if own is not None:
        return own
    return _named_after(ctx, fig, c1) or (None if capital else _programme_borrowed(ctx, fig, c1))


def _cut_cue_start(ctx: Context, cue_list: str, s0: int, g0: int, before: int) -> int:
    """Where to look for the cues of ``cue_list`` before a figure whose clause opens at ``g0``:
    there, or at the start of a cue that runs across that opening, the clause cut by a comma of
    the cue's own ("Dư nợ cho vay học sinh, sinh viên là 52 tỷ đồng")."""
    crossing = [c for c in ctx.marks(cue_list, s0, before) if c[0] < g0 < c[1]]
    return crossing[0][0] if crossing else g0


def _trails_joined(ctx: Context, cue: Hit, fig: Figure, c0: int) -> bool:
    """Whether a programme's cue before the figure trails an earlier figure of its clause, and a
    joining word comes between it and the figure ("giải ngân 2 tỷ đồng cho 30 người mãn hạn tù và
    8 tỷ đồng cho hộ nghèo"): it names whom the earlier amount went to, not the amount joined after."""
    if cue[1] > fig.start or not ctx.figures.within(c0, cue[0]):
        return False
    joins = ctx.marks(SPLIT_JOINS, cue[1], fig.start)
    return bool(joins) and not ctx.text[joins[-1][1] : fig.start].strip()


def _entrusted(ctx: Context, fig: Figure, start: int, end: int) -> list[Hit]:
    """The words of loans entrusted to the unions as a whole (``channel_entrusted``) between
    ``start`` and ``end``; none in a document about one union, whose entrusted loans are its own
    (``_topic_document_part``): its headline or lead names one (``topic`` words of a channel).
    Words after them in the figure's clause that name the capital entrusted to the bank
    (``channel_entrusted_not``: "dư nợ ủy thác từ ngân sách tỉnh") make them a source's, no channel."""
    if ctx.marks(topic_list("channel"), 0, _subject_span(ctx)[1]):
        return []
    c1 = clause_span(ctx, fig)[1]
    return [h for h in ctx.marks(CHANNEL_ENTRUSTED, start, end) if not ctx.marks(CHANNEL_ENTRUSTED_NOT, h[1], c1)]


def _own_words(cues: list[Hit], others: list[Hit]) -> list[Hit]:
    """The hits of ``others`` that overlap none of ``cues``: a longer cue holding their words
    ("qua Hội Nông dân", "dư nợ ủy thác qua các hội") names the part itself."""
    return [o for o in others if not any(o[0] < c[1] and c[0] < o[1] for c in cues)]


def _unions_listed(ctx: Context, fig: Figure, breakdown: Hit | None, start: int, end: int) -> list[Hit]:
    """The union named by its own name (``channel_names``) after a breakdown word that heads the
    figure's item, from ``start``: the items of a breakdown by union ("trong đó, Hội Nông dân quản
    lý 410 tỷ đồng; Hội Phụ nữ 380 tỷ đồng"), each the part of the union it names. In a list parted
    by commas the union heads only the figures of its own clause, none before it there a union
    joined to it without a figure between (their figure is joint: "Hội A và Hội B cùng quản lý …");
    a clause after it ("…, nợ quá hạn …", "…, với 5.000 hộ đang vay") is no longer the union's. An
    item between semicolons that names one union alone is that union's throughout. Outside a
    breakdown a union's name alone names who speaks or acts, no part."""
    if breakdown is None:
        return []
    lo, stop = max(start, breakdown[1]), min(end, fig.start)
    s0, s1 = segment_span(ctx, fig)
    sentence = sentence_span(ctx, fig)
    if (s0, s1) != sentence:  # the sentence's items are parted by semicolons
        item = ctx.marks(CHANNEL_NAMES, max(s0, breakdown[1]), s1)
        if len(item) == 1:
            return [h for h in item if lo <= h[0] and h[1] <= stop]
    names = list(ctx.marks(CHANNEL_NAMES, max(lo, clause_span(ctx, fig)[0]), stop))
    if len(names) > 1 and not ctx.figures.within(names[-2][1], names[-1][0]):
        return []
    return names[-1:]


def _channel_acts(ctx: Context, cue: Hit, fig: Figure) -> bool:
    """Whether a channel phrase that names the union only as who acts (``channel_subject`` of
    rules/parts.yaml: "các cấp Hội …") has it lend or manage the loans: one of the rule's verbs
    follows it before the figure, with no reporting verb or bank as the subject between them.
    Every other channel phrase names its channel itself."""
    rule = ctx.linker.channel_subject
    if rule is None or cue[2] not in rule.phrases or cue[1] >= fig.start:
        return True
    between = caseless(new_tone(ctx.text[cue[1] : fig.start]))
    verb = _words_regex(tuple(getattr(rule.verbs, ctx.lang))).search(between)
    if verb is None:
        return False
    return _words_regex(tuple(getattr(rule.not_between, ctx.lang))).search(between, 0, verb.start()) is None


@lru_cache(maxsize=16)
def _words_regex(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` (in their new tone placement, lower case) as whole words; never matches
    when there are none."""
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(caseless(new_tone(w))) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def _capital_last(ctx: Context, fig: Figure) -> bool:
    """Whether the last total of the figure's kind is the branch's whole capital: a breakdown
    after it lists the capital's sources, each item of its own (a programme's money split by
    source is that programme's, its items no capital of their own)."""
    total = ctx.state.last_total.get(fig.kind)
    return total is not None and total[0] == "total_capital"


def _leads_in(ctx: Context, cue: Hit, fig: Figure) -> bool:
    """Whether a kind of area's words stand in a lead-in before the indicator's noun rather than in
    its noun phrase: an indicator cue starts between them and the figure, with no breakdown word
    between. They then describe the place or where its money is aimed ("Tỉnh X có 4 huyện nghèo
    nên dư nợ …", "Ưu tiên vốn cho vùng sâu, …, dư nợ …"): the figure is its place's total. In
    the noun phrase ("dư nợ tại các huyện nghèo là …") or after a breakdown word, a part."""
    if cue[1] > fig.start or _placed_opener(ctx, cue):
        return False
    return bool(ctx.cues.within(cue[1], fig.start)) and ctx.last_mark("breakdown", cue[1], fig.start) is None


def _placed_opener(ctx: Context, cue: Hit) -> bool:
    """Whether a place binder opens the clause of a kind of area's words, within the reach of
    ``clause_opener`` (an article, a count between: "Tại các huyện nghèo, dư nợ …", "In the 74 poor districts,
    …"): the clause places the figures that follow, as a breakdown would."""
    for b in ctx.marks("place_binders", max(0, cue[0] - ctx.reach("clause_opener")), cue[0]):
        gap = ctx.text[b[1] : cue[0]]
        before = ctx.text[ctx.line(b[0], b[0])[0] : b[0]]
        if not re.search(r"[,;:]", gap) and re.search(r"(^|[,;:.])\s*$", before):
            return True
    return False


def _averages_a_rate(ctx: Context, fig: Figure, cue: Hit) -> bool:
    """An average word that averages a rate over the years ("tăng trưởng bình quân 9%/năm", "grew
    at an average of 9% a year"): the figure is that percent, or a percent stands between the
    word and the figure, and the word governs the percent: it stands right before it, or a
    yearly word (``per_year``) does between them. The rate and the level it leads to are the
    total's, no average per borrower. A word averaging per borrower is followed by the borrower
    ("bình quân mỗi hộ tăng 7%, lên 49 triệu đồng"), or the figure is an amount per borrower."""
    if "/" in fig.unit:
        return False
    between = ctx.figures.within(cue[1], fig.start)
    rates = [fig] if fig.kind == "percent" else [f for f in between if f.kind == "percent"]
    if not rates:
        return False
    rate = rates[0]
    words = ctx.text[cue[1] : rate.start]
    if not re.search(r"\w", words) or ctx.marks("per_year", cue[1], rate.start):
        return True
    # A yearly word right after the rate, one word (its verb) at most between the average word
    # and the rate ("bình quân tăng 10% mỗi năm"); a borrower named between is a per-borrower
    # average ("bình quân mỗi hộ tăng 7% mỗi năm").
    yearly = ctx.first_mark("per_year", rate.end, rate.end + ctx.reach("rate_year"))
    return (yearly is not None and not ctx.text[rate.end : yearly[0]].strip(" %")
            and len(words.split()) <= 1)



def _item_cue(ctx: Context, cues: list[Hit], fig: Figure, breakdown: Hit | None) -> Hit | None:
    """The cue that names the figure's part. A breakdown's items name their parts before their
    figures ("trong đó, cho vay hộ nghèo 3 tỷ đồng, cho vay nhà ở 750 triệu đồng"): the last cue
    before the figure, else the first after it. Its items may instead give their figures first
    (the first figure after the breakdown word has no cue before it: "of which VND 3 billion for
    poor households, VND 750 million for housing"): the first cue after the figure and before the
    next figure; when its item names no part this list knows, the last before it still tells
    that it is a part (after a breakdown word, no total), if not which."""
    before = [c for c in cues if c[1] <= fig.start]
    after = [c for c in cues if c[0] >= fig.end]
    if (breakdown is not None and after and _figures_first(ctx, breakdown, fig)
            and not ctx.figures.within(fig.end, after[0][1])):
        return after[0]
    if before:
        return before[-1]
    return after[0] if after and not _labels_later_item(ctx, fig, after[0]) else None


def _labels_later_item(ctx: Context, fig: Figure, cue: Hit) -> bool:
    """Whether a cue after the figure opens a later item of its list, one with a figure of the
    figure's own kind after the cue in the sentence part ("…; cho vay hộ ở vùng cao 900 tỷ đồng
    với 12.000 hộ và cho vay HSSV 300 tỷ đồng với 7.000 hộ": the students' programme names the
    last two figures, not the first two, whose item names a part the list does not know)."""
    _, g1 = segment_span(ctx, fig)
    return any(later.kind == fig.kind for later in ctx.figures.within(cue[1], g1))


def _figures_first(ctx: Context, breakdown: Hit, fig: Figure) -> bool:
    """Whether the breakdown's first figure (up to ``fig``) has no part cue between the breakdown
    word and it: its items give their figures before the names of their parts."""
    first = ctx.figures.within(breakdown[1], fig.start + 1)
    if not first:
        return False
    return not any(ctx.marks(cue_list, breakdown[1], first[0].start) for _, cue_list in KIND_LISTS)


def _labelled_from(ctx: Context, fig: Figure, c0: int) -> int:
    """Where the label of the figure's item starts when its sentence part opens with a short label
    and a colon before the figure ("Cho vay giải quyết việc làm: dư nợ 420 tỷ đồng, …; cho vay
    nước sạch: …"): the label names what the figures after the colon are of; else ``c0`` (the
    figure's clause opens its own part). A label is one clause of at most ``item_name``
    characters, with no figure and no reporting word ("Giám đốc … cho biết: …" quotes a speaker,
    whose preamble may name a programme the figures are not of), and no total word between the
    colon and the figure ("…: tổng dư nợ đạt …")."""
    g0 = segment_span(ctx, fig)[0]
    colon = ctx.text.rfind(":", g0, c0)
    if (colon < 0 or colon - g0 > ctx.reach("item_name") or CLAUSE_BREAK.search(ctx.text, g0, colon)
            or ctx.figures.within(g0, colon) or ctx.marks("reporting", g0, colon + 1)
            or ctx.marks(TOTALS, colon, fig.start)):
        return c0
    return g0


def _named_after(ctx: Context, fig: Figure, clause_end: int) -> Part | None:
    """A group of borrowers or a source of capital named right after the figure in its clause:
    "… VND 28,410 billion for ethnic minority households", "mobilised VND 1,020 billion in
    deposits" (what was mobilised is that source, not the whole capital)."""
    kinds: tuple[tuple[PartKind, str, int], ...] = (("group", GROUPS, ctx.reach("group")),
                                                    ("source", SOURCES, ctx.reach("source")))
    for kind, cue_list, reach in kinds:
        after = [c for c in ctx.marks(cue_list, fig.end, clause_end) if c[0] <= fig.end + reach]
        if after:
            return Part(kind, ctx.text[after[0][0] : after[0][1]], f"{kind}:{after[0][2]}")
    return None


GROUP_NOUN_REACH = 60  # how far a group's name written right after a counted noun may run


def _group_counted(ctx: Context, fig: Figure) -> Part | None:
    """A count whose own counted noun names a group of borrowers ("12,000 ethnic minority
    households received loans"), as the amount lent to them is ("VND 500 billion to 12,000 ethnic
    minority households"): that group's part, unless its list goes on to every other borrower. A
    counted noun the figure's span stops at ("3.900 hộ") reads on into the group's name written
    right after it, with nothing but a space between ("hộ Khmer", "hộ đồng bào …")."""
    if fig.kind != "count":
        return None
    named = [hit for hit in ctx.marks(GROUPS, fig.start, fig.end + GROUP_NOUN_REACH)
             if hit[0] < fig.end or not ctx.text[fig.end : hit[0]].strip()]
    if not named or every_borrower(ctx, fig):
        return None
    return Part("group", ctx.text[named[0][0] : named[0][1]], f"group:{named[0][2]}")


def _programme_borrowed(ctx: Context, fig: Figure, clause_end: int) -> Part | None:
    """A count of borrowers whose clause goes on with the programme they borrowed from ("1,150
    households received loans from the social housing programmes"), or whose own counted noun
    names it ("1,870 production and business households in disadvantaged areas"): that
    programme's part. An amount followed right away by the one programme's loans it was ("disbursed
    VND 700 billion in labour export loans", "giải ngân 700 tỷ đồng cho vay xuất khẩu lao động") is
    that programme's too (``_amount_programme``)."""
    if fig.kind == "money":
        return _amount_programme(ctx, fig, clause_end)
    if fig.kind != "count":
        return None
    # A second recipient joined before the name ("… households and to 90 firms to pay wages") is the
    # one the programme is named for.
    named = [c for c in ctx.marks(PROGRAMMES, fig.start, clause_end) if c[0] <= fig.end + ctx.reach("programme")
             and not _second_recipient(ctx).search(ctx.text, fig.end, max(fig.end, c[0]))]
    return Part("programme", ctx.text[named[0][0] : named[0][1]], f"programme:{named[0][2]}") if named else None


AMOUNT_PROGRAMME = "programme-after:"  # the part rule of an amount its programme follows


def _amount_programme(ctx: Context, fig: Figure, clause_end: int) -> Part | None:
    """The programme whose loans an amount was, named right after it with no figure between, when
    nothing after that name up to the next figure or the sentence's end goes on to list other
    programmes or borrowers ("cho vay hộ nghèo, cho vay giải quyết việc làm …", "… and other
    policy beneficiaries", "… và các chương trình khác": the amount is all of theirs)."""
    named = [c for c in ctx.marks(PROGRAMMES, fig.end, clause_end) if _programme_next(ctx, fig, c)]
    if not named:
        return None
    cue = named[0]
    _, s1 = sentence_span(ctx, fig)
    later = ctx.figures.within(cue[1], s1)
    end = later[0].start if later else s1
    if any(ctx.marks(name, cue[1], end) for name in (PROGRAMMES, COUNTED_KINDS, TOTALS, "borrower_list")):
        return None
    return Part("programme", ctx.text[cue[0] : cue[1]], f"{AMOUNT_PROGRAMME}{cue[2]}")


def _programme_next(ctx: Context, fig: Figure, cue: Hit) -> bool:
    """Whether a programme's name follows the amount right away, or right after the one count of
    borrowers it went to ("giải ngân 86 tỷ đồng cho 9.400 hộ từ chương trình cho vay nước sạch"),
    with no breakdown word between, nor a second recipient joined to the first ("… to 5,200 households
    and to 90 firms to pay wages": the amount went to both, the programme names the last one's)."""
    between = ctx.figures.within(fig.end, cue[0])
    if len(between) > 1 or (between and between[0].kind != "count") or ctx.marks("breakdown", fig.end, cue[0]):
        return False
    if _second_recipient(ctx).search(ctx.text, fig.end, cue[0]):
        return False
    return cue[0] <= (between[0].end if between else fig.end) + ctx.reach("programme")


def _second_recipient(ctx: Context) -> re.Pattern[str]:
    """The words of ``second_recipient`` (rules/scope.yaml) of the text's language, as a pattern
    (one that never matches when the language has none)."""
    return _joining_words(tuple(getattr(ctx.linker.scope.second_recipient, ctx.lang)))


@lru_cache(maxsize=4)
def _joining_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` as whole words, any run of spaces between them, a space after."""
    if not words:
        return re.compile(r"(?!)")
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s", re.IGNORECASE)


def _totalled(ctx: Context, cue: tuple[int, int, str], clause_end: int) -> bool:
    """Whether a total word from the part cue to the end of the figure's clause (for a count, of the
    list of borrowers it counts: ``borrowers_end``) makes the figure a total ("… and other
    programmes reached X in total", "N poor households, near-poor households and other policy
    beneficiaries": every borrower); one right after the cue qualifies the part ("dư nợ cho vay
    hộ nghèo toàn tỉnh": the programme's loans across the province), and one right after a
    percent names the whole of a share ("…, accounting for 12% of total outstanding loans")."""
    return any(ctx.text[cue[1] : start].strip() and not _after_percent(ctx, start)
               for start, _, _ in ctx.marks(TOTALS, cue[0], clause_end))


def _after_percent(ctx: Context, pos: int) -> bool:
    """Whether a percent ends right before ``pos`` (" of the " at most between)."""
    return any(f.kind == "percent" for f in ctx.figure_ends.within(pos - ctx.reach("whole"), pos))


def _listed_item(ctx: Context, fig: Figure, code: str, indicator_rule: str) -> Part | None:
    """An item of a breakdown ("Trong đó, cho vay nước sạch 9.420 lượt hộ; …"): a figure after a
    breakdown word in its sentence whose indicator is that of the level broken down (the last
    total of its kind, before the breakdown word), or, when the text states no such total, that
    of the breakdown's item before it (a part of the same kind), borrowed from an earlier clause
    or given by a cue of its own in a later item of the list ("…; cho vay 730 lượt hộ mới thoát
    nghèo")."""
    s0, _ = sentence_span(ctx, fig)
    marks = ctx.marks("breakdown", s0, fig.start)
    if not marks:
        return None
    g0, _ = segment_span(ctx, fig)
    areal = _opens_unplaced_clause(ctx, fig, marks[-1])
    if not (indicator_rule.endswith("(earlier clause)") or indicator_rule.startswith("breakdown-of:")
            or g0 > marks[-1][1] or _opens_unplaced(ctx, fig, marks[0]) or _kind_counted(ctx, fig) or areal):
        return None
    words = _item_words(ctx, fig, max(g0, marks[-1][1]))[:LABEL_CHARS]
    level = ctx.state.last_total.get(fig.kind)
    if level is not None and level[1] <= marks[-1][0] and level[0] == code:
        if areal:
            return Part("area", words, f"area:breakdown+{marks[-1][2]}")
        return Part("programme", words, f"programme:{marks[-1][2]}")
    broken = part_broken_down(ctx, fig, marks[-1][0])
    if broken is not None and broken[0] == code:
        # A part's own breakdown ("dư nợ qua Hội Nông dân …, trong đó: hộ nghèo …"): its items
        # name the programmes (or areas) within that part.
        if areal:
            return Part("area", words, f"area:breakdown+{broken[2]}")
        return Part("programme", words, f"programme:{marks[-1][2]}+{broken[2]}")
    # No total stated before the breakdown: an item is a part as the item before it was
    # ("Trong đó, dư nợ ủy thác qua Hội Nông dân …; Hội Cựu chiến binh là 2.340 tỷ đồng").
    sibling = ctx.state.last_part.get(fig.kind)
    if sibling is None or sibling[1] < marks[-1][1] or sibling[0] != code or sibling[2] not in PART_KINDS:
        # The first item, a count of one kind of household ("Of which, 2,300 near-poor households
        # …"): the breakdown word says it is a portion of borrowers the text counts before, in
        # words no cue reads ("the loans reached many families").
        if not _first_kind_counted(ctx, fig, marks[-1]):
            return None
        return Part("programme", _kind_counted(ctx, fig)[:LABEL_CHARS], f"programme:{marks[-1][2]}+{COUNTED_KIND}")
    return Part(sibling[2], words, f"{sibling[2]}:{marks[-1][2]}")


def _first_kind_counted(ctx: Context, fig: Figure, mark: Hit) -> bool:
    """Whether a count opens an English breakdown's list of kinds of household (the Vietnamese
    lists' first items are read by their own cues): its own noun names one
    (``_kind_counted``), only counts of its unit stand between the breakdown word and it, and its
    list does not end with every other borrower (then it counts them all: "…, hộ cận nghèo và các
    đối tượng chính sách khác")."""
    if ctx.lang != "en" or not _kind_counted(ctx, fig) or every_borrower(ctx, fig):
        return False
    return all(other.kind == "count" and other.unit == fig.unit for other in ctx.figures.within(mark[1], fig.start))


def part_broken_down(ctx: Context, fig: Figure, mark: int) -> tuple[str, int, str, str] | None:
    """The level a breakdown word at ``mark`` breaks down when it is a part, not a total: the last
    level of the figure's kind, stated in the breakdown's sentence before the word and later than
    the last total, a channel's, group's or area's part ("Dư nợ qua Hội Cựu chiến binh đạt …,
    trong đó: …"), as (indicator, end, kind, words)."""
    part, total = ctx.state.last_whole_part.get(fig.kind), ctx.state.last_total.get(fig.kind)
    if part is None or (total is not None and total[1] > part[1]):
        return None
    s0, _ = sentence_span(ctx, fig)
    if s0 <= part[1] <= mark or _unions_of_channel(ctx, fig, part, mark):
        return part
    return None


def _unions_of_channel(ctx: Context, fig: Figure, part: tuple[str, int, str, str], mark: int) -> bool:
    """Whether a breakdown opening the sentence right after a channel's level lists the unions it is
    entrusted to ("Dư nợ ủy thác đạt 6.900 tỷ đồng. Cụ thể, Đoàn Thanh niên quản lý 1.150 tỷ đồng;
    …"): each union's share is an item of that level, as in its own sentence."""
    if part[2] != "channel" or not ctx.marks(CHANNEL_NAMES, mark, fig.start):
        return False
    s0, _ = sentence_span(ctx, fig)
    level = ctx.figures.last_before(part[1])  # figures do not overlap: the one ending there
    if level is None or level.end != part[1]:
        return False
    _, p1 = sentence_span(ctx, level)
    return (p1 <= s0 and not ctx.text[p1:s0].strip() and not ctx.text[s0:mark].strip(" ,:")
            and _union_holds(ctx, fig, mark))


def _union_holds(ctx: Context, fig: Figure, mark: int) -> bool:
    """Whether the figure's union holds it: between the last union named before the figure and the
    figure stand nothing or a word of ``union_holds`` (rules/parts.yaml: "quản lý"), no verb of
    giving or supporting ("Hội Phụ nữ tỉnh hỗ trợ 150 triệu đồng" is the union's gift)."""
    union = ctx.marks(CHANNEL_NAMES, mark, fig.start)[-1]
    rest = ctx.text[union[1] : fig.start]
    for start, end, _ in reversed(ctx.marks(UNION_HOLDS, union[1], fig.start)):
        rest = rest[: start - union[1]] + " " + rest[end - union[1] :]
    return not rest.strip(" ,:")


_AREA_KIND_WORDS = (part_list("commune_words"), list_opener("area"))  # words naming a kind of area


def _opens_unplaced(ctx: Context, fig: Figure, breakdown: Hit) -> bool:
    """Whether the breakdown word opens the figure's sentence, which names no place or area: the
    whole sentence is an item of the breakdown ("Of which, the bank lent above VND 50 million each
    to 310 households"); one that names a place states that place's own level ("Trong đó, dư nợ
    trên địa bàn Hà Nam (cũ) là …")."""
    s0, s1 = sentence_span(ctx, fig)
    return not (ctx.text[s0 : breakdown[0]].strip() or ctx.mentions.within(s0, s1) or ctx.areas.within(s0, s1))


def _opens_unplaced_clause(ctx: Context, fig: Figure, breakdown: Hit) -> bool:
    """Whether the breakdown word opens a clause of the figure's sentence part, after the total in
    the same sentence ("Tổng dư nợ đạt 3.100 tỷ đồng, trong đó dư nợ tại các xã khó khăn là 610 tỷ
    đồng"), and its item, to the figure, names a kind of area by a commune's or district's word
    (``commune_words``, the ``area`` list openers) but no named place: the item names an area
    part with the total's own cue, still a part of that total. An item naming no such area (a
    debt's quality, its term, its change) is no part this rule can tell."""
    g0, _ = segment_span(ctx, fig)
    _, c1 = clause_span(ctx, fig)
    if breakdown[0] < g0 or ctx.text[g0 : breakdown[0]].rstrip()[-1:] not in (",", ";", ":"):
        return False
    if ctx.mentions.within(breakdown[1], c1) or ctx.areas.within(breakdown[1], c1):
        return False
    return any(name in ctx.hits and ctx.marks(name, breakdown[1], fig.start) for name in _AREA_KIND_WORDS)


def _item_words(ctx: Context, fig: Figure, start: int) -> str:
    """The words naming a breakdown's item: those from ``start`` to the item's first figure, or
    those after the figure in its clause when the figure opens its clause ("…, 415 lượt hộ cận
    nghèo")."""
    c0, c1 = clause_span(ctx, fig)
    opens = start < c0 and not ctx.text[c0 : fig.start].strip()
    first = ctx.figures.within(start, fig.start + 1)[0]
    later = ctx.figures.within(fig.end, c1)
    after = ctx.text[fig.end : later[0].start if later else c1].strip(" ,:;.")
    # A figure opening its clause with no words after it is named by those of its item before
    # it ("…; near-poor households, VND 710 billion; …").
    opens = opens and bool(after)
    before = ctx.text[_unjoined(ctx, start, first.start) : unglued(ctx, start, first.start)]
    named = after if opens else before.strip(" ,:;.")
    # A word or none before it ("trong đó có 21.406 hộ nghèo", "of which VND 900 billion for
    # students") names nothing: a counted noun naming a kind of household does ("hộ nghèo"), or
    # one abbreviation before it ("HSSV 640 tỷ đồng": a programme's short name), else the words
    # after it, else the figure's own words.
    if len(named.split()) < ITEM_NAME_WORDS:
        named = _kind_counted(ctx, fig) or (named if _abbreviation(named) else after)
    return named if len(named.split()) >= ITEM_NAME_WORDS or _abbreviation(named) else fig.text


def _unjoined(ctx: Context, start: int, end: int) -> int:
    """Where an item's name starts: past a joining word (``split_joins``: "and", "và") opening
    the words from ``start`` ("…; and students, VND 450 billion"): it joins the item to the one
    before, it names nothing."""
    hit = ctx.first_mark(SPLIT_JOINS, start, end)
    return hit[1] if hit is not None and not ctx.text[start : hit[0]].strip(" ,;:") else start


def _abbreviation(words: str) -> bool:
    """Whether ``words`` are one word of capitals, maybe with "&" ("HSSV", "NS&VSMT"): a
    programme's short name (an item named by another body's, "UBND", is rare in a breakdown)."""
    return len(words) > 1 and len(words.split()) == 1 and words.isupper()


def _kind_counted(ctx: Context, fig: Figure) -> str:
    """The kind of household a count's own counted noun names ("1,300 near-poor households", "420
    hộ mới thoát nghèo", ``counted_kinds``), its counted noun: in a breakdown, that kind is the
    item; else ""."""
    kinds = ctx.marks(COUNTED_KINDS, fig.start, fig.end) if fig.kind == "count" else []
    if not kinds or _total_counts_kind(ctx, kinds[0][2]):
        return ""
    return fig.counted or ctx.text[kinds[0][0] : fig.end]


def household_kind(ctx: Context, start: int, end: int) -> str | None:
    """The kind of household (``counted_kinds``) the count at ``[start, end)`` counts, by its own
    noun: inside it ("2,300 near-poor households") or opened by its last word and going on past it
    ("12.500 lượt hộ cận nghèo": Vietnamese puts the kind after "hộ"); None otherwise."""
    hits = [hit for hit in ctx.marks(COUNTED_KINDS, start, end + ctx.reach("counted_kind")) if hit[0] < end]
    return ctx.text[hits[0][0] : hits[0][1]] if hits else None


def _total_counts_kind(ctx: Context, kind: str) -> bool:
    """Whether the count the breakdown breaks down names that kind of household too ("3.100 hộ
    nghèo được vay vốn, trong đó 900 hộ nghèo ở vùng cao"): then the kind names no item."""
    total = ctx.state.last_total.get("count")
    if total is None:
        return False
    return any(hit[2] == kind for other in ctx.figure_ends.within(total[1], total[1] + 1)
               for hit in ctx.marks(COUNTED_KINDS, other.start, other.end))


def share_of(ctx: Context, fig: Figure) -> tuple[Hit, CueHit] | None:
    """``_share_of``, found once per figure: its indicator, its pairing and its part ask for it."""
    shares = ctx.state.shares
    if id(fig) not in shares:
        shares[id(fig)] = _share_of(ctx, fig)
    return shares[id(fig)]


def _stated_share(ctx: Context, fig: Figure) -> tuple[Hit, Figure] | None:
    """The share word right after a figure (past a comma or a bracket) and the percent right
    after the word, in the figure's sentence ("VND 640 billion, accounting for 7%"), or None."""
    _, s1 = sentence_span(ctx, fig)
    share = ctx.first_mark(SHARES, fig.end, s1)
    if share is None or not _right_after(ctx, fig, share[0]):
        return None
    later = ctx.figures.within(share[1], s1)
    if not later or later[0].kind != "percent" or ctx.text[share[1] : later[0].start].strip():
        return None
    return share, later[0]


def _share_of(ctx: Context, fig: Figure) -> tuple[Hit, CueHit] | None:
    """The share word and the indicator cue naming the whole when a figure is stated as a share
    of a whole ("VND 1,480 billion, accounting for 18.6% of total outstanding loans", "2.715 tỷ
    đồng, chiếm 97,4% tổng dư nợ"): the word right after the figure (past a comma or a bracket)
    or opening the clause after the figure's ("VND 640 billion for Khmer households, accounting
    for …"), its percent right after the word, the cue right after the percent in its clause.
    None when the whole is the whole country's or system's: a province's total is its share of
    the bank, no part of it (nor of a region's or another province's)."""
    stated = _stated_share(ctx, fig)
    if stated is None:
        return None
    share, percent = stated
    _, p1 = clause_span(ctx, percent)  # the whole is named in the percent's clause, not the next one's
    reach = min(p1, percent.end + ctx.reach("whole") + 1)
    cues = [c for c in ctx.cues.within(percent.end, reach) if c.position == "before"]
    if not cues or _whole_of_places(ctx, cues[0].start, p1):
        return None
    return share, cues[0]


def bare_share(ctx: Context, fig: Figure) -> tuple[Hit, str] | None:
    """The share word and the indicator of the whole when an amount is stated as a share that
    names no whole ("Loans for students came to VND 2.1 trillion, accounting for 7%, and …"): the
    percent right after the word ends its clause or a joining word follows it (``split_joins``,
    ``pair_binders``), and the whole is the last total of the amount's kind, stated in the
    amount's paragraph or the one before, whose indicator the amount can measure. A share word
    the whole follows is ``share_of``'s; a change ("up VND 280 billion or 7%") none."""
    if fig.kind != "money" or fig.change is not None or "/" in fig.unit:
        return None
    stated = _stated_share(ctx, fig)
    if stated is None:
        return None
    share, percent = stated
    if not _ends_bare(ctx, percent) or _names_a_numerator(ctx, fig):
        return None
    total = ctx.state.last_total.get(fig.kind)
    if total is None or total[1] < paragraph_before(ctx, fig):
        return None
    if not ctx.linker.lexicon.accepts(total[0], kind=fig.kind, unit=fig.unit):
        return None
    return share, total[0]


def _names_a_numerator(ctx: Context, fig: Figure) -> bool:
    """Whether the amount's sentence names, before it, what a rate counts (a blocker, or a cue of
    ``rate_numerators``: "overdue debt … VND 9 billion (accounting for 0.2%)"): the share is that
    rate, the amount no part of a total."""
    s0, _ = sentence_span(ctx, fig)
    numerators = ctx.linker.rate_numerators
    return bool(ctx.marks("blockers", s0, fig.start)) or any(
        numerators & set(ctx.linker.lexicon.candidates(cue, lang=ctx.lang)) for cue in ctx.cues.within(s0, fig.start))


def _ends_bare(ctx: Context, percent: Figure) -> bool:
    """Whether nothing names a whole after a share's percent: its clause or sentence ends right
    after it (".", ";", the line's end) or after words speaking of the whole without naming it
    (``share_whole_refs``: "of the total"), or a joining word or a pair binder opens what follows."""
    _, p1 = clause_span(ctx, percent)
    if not ctx.text[percent.end : p1].strip(" ).;"):
        return True
    # "… accounting for 5.9% of the total": words speaking of the whole without naming it.
    if any(not ctx.text[percent.end : ref[0]].strip() and not ctx.text[ref[1] : p1].strip(" ).;")
           for ref in ctx.marks(SHARE_WHOLE_REFS, percent.end, p1)):
        return True
    return any(not ctx.text[percent.end : hit[0]].strip(" ,)")
               for name in (SPLIT_JOINS, "pair_binders") for hit in ctx.marks(name, percent.end, p1))


def paragraph_before(ctx: Context, fig: Figure) -> int:
    """Where the paragraph before the figure's begins (its own when it is the first)."""
    l0, _ = ctx.line(fig.start, fig.start)
    return ctx.line(l0 - 1, l0 - 1)[0] if l0 else 0


def _whole_of_places(ctx: Context, start: int, end: int) -> bool:
    """Whether the whole's words name the country, the bank's system, a region or a province
    ("… of total outstanding loans across the country", "… in the Mekong Delta"): a total of
    its place is a share of theirs, no part of its own place."""
    return bool(ctx.marks("national", start, end) or ctx.marks(REGIONS, start, end)
                or ctx.mentions.within(start, end))


def _right_after(ctx: Context, fig: Figure, pos: int) -> bool:
    """Whether ``pos`` follows the figure with only a comma or a bracket between, or opens the
    clause after the figure's with no figure between."""
    _, c1 = clause_span(ctx, fig)
    start = fig.end if pos < c1 else c1
    return not ctx.text[start:pos].strip(" ,(") and not ctx.figures.within(fig.end, pos)


def _paired_part(ctx: Context, fig: Figure, indicator_rule: str) -> Part | None:
    """A count of borrowers paired with a part's amount (or an amount with a part's count: "VND
    640 billion for Khmer households, with 18,300 borrowers"), which took its indicator from that
    pairing, or which a pair binder joins on later in the amount's sentence part ("…, tăng 1.050
    tỷ đồng so với đầu năm với 98.400 khách hàng còn dư nợ"), counts the same part."""
    other = "money" if fig.kind == "count" else "count"
    level, part = ctx.state.last_level.get(other), ctx.state.last_part.get(other)
    if level is None or part is None or part[1] != level[1]:
        return None
    joined = ctx.marker_before("pair_binders", fig.start) is not None and level[1] >= segment_span(ctx, fig)[0]
    # "… là 410 tỷ đồng/12.900 hộ": a slash right after the part's amount writes the pair.
    slashed = ctx.text[level[1] : fig.start].strip() == "/"
    if not (indicator_rule.startswith("paired-with:") or joined or slashed) or every_borrower(ctx, fig):
        return None
    return Part(part[2], part[3], f"paired-with:{part[2]}")


def every_borrower(ctx: Context, fig: Figure) -> bool:
    """Whether a total word ends the list of borrowers a count counts ("…, near-poor households and
    other policy beneficiaries"): it counts every borrower, whatever amount it is paired with."""
    return fig.kind == "count" and bool(ctx.marks(TOTALS, fig.end, borrowers_end(ctx, fig)))


def _share_part(ctx: Context, fig: Figure, code: str) -> Part | None:
    """A figure stated as a share of a whole of its own indicator (``share_of``), or of the total
    before it when the share names no whole (``bare_share``), is a part of it: of the kind a part
    cue earlier in its sentence names, else of a programme."""
    found = share_of(ctx, fig)
    if found is None:
        bare = bare_share(ctx, fig)
        if bare is None or bare[1] != code:
            return None
        return Part(_named_kind(ctx, fig), _bare_share_label(ctx, fig), f"share:{bare[0][2]}")
    if code not in ctx.linker.lexicon.candidates(found[1], lang=ctx.lang):
        return None
    share, whole = found
    return Part(_named_kind(ctx, fig), ctx.text[share[0] : whole.end], f"share:{share[2]}")


def _named_kind(ctx: Context, fig: Figure) -> str:
    """The kind of part a part cue earlier in the figure's sentence names, else a programme."""
    s0, _ = sentence_span(ctx, fig)
    named = [(cue[0], kind) for kind, cue_list in KIND_LISTS for cue in ctx.marks(cue_list, s0, fig.start)]
    return max(named)[1] if named else "programme"


def _bare_share_label(ctx: Context, fig: Figure) -> str:
    """What a part stated as a bare share is: the last programme its sentence names before it,
    else the words of its clause before it ("Loans for students were")."""
    s0, _ = sentence_span(ctx, fig)
    c0, _ = clause_span(ctx, fig)
    named = ctx.marks(PROGRAMMES, s0, fig.start)
    words = ctx.text[named[-1][0] : named[-1][1]] if named else ctx.text[c0 : fig.start].strip(" ,:;")
    return words[:LABEL_CHARS] or fig.text


def _topic_part(ctx: Context, fig: Figure, code: str) -> Part | None:
    """A figure of another indicator in the sentence right after one whose every level is a part
    of one programme, group, channel… ("Loans for Khmer households reached VND 640 billion, with
    18,300 borrowers. The overdue rate was 0.2%."): the sentence goes on with that topic's figures
    without naming it again, when it names no part, total, place or area of its own. A level of
    the same indicator is no such figure: it may be the total, or another part."""
    topic = _previous_topic(ctx, fig)
    if topic is None or code in topic[0] or _names_its_own(ctx, *sentence_span(ctx, fig)):
        return None
    kind, words = topic[1]
    return Part(kind, words, f"{kind}:topic")


def _previous_topic(ctx: Context, fig: Figure) -> tuple[set[str], tuple[str, str]] | None:
    """The indicators and the one part (kind, words) of the paragraph before the figure's
    sentence, when the paragraph opens with a sentence stating figures (a paragraph that opens on
    one topic goes on with it, sentence after sentence; one that lists several parts in turn may
    go on with the whole), the last level of each kind of figure stated since it began is a part,
    all of them the same one, and no total has been stated since (None otherwise)."""
    s0, _ = sentence_span(ctx, fig)
    l0 = ctx.line(s0, s0)[0]
    first = ctx.figures.first_within(l0, s0)  # not every figure before: a paragraph may be the text
    if first is None:
        return None
    p0, p1 = sentence_span(ctx, first)
    if ctx.text[l0:p0].strip() or any(l0 <= end for _, end in ctx.state.last_total.values()):
        return None
    if _other_body(ctx, p1, fig.start):
        return None  # a later sentence about the branch or the province: not the part's
    levels = [end for _, end in ctx.state.last_level.values() if l0 <= end]
    topic = [part for part in ctx.state.last_part.values() if l0 <= part[1]]
    if not topic or len(topic) != len(levels) or len({(part[2], part[3]) for part in topic}) != 1:
        return None
    # The parts stated since the paragraph began, read from the last back (they are stated in text
    # order, and a long report states thousands).
    since = takewhile(lambda part: l0 <= part[0], reversed(ctx.state.part_ends))
    if any((kind, words) != (topic[0][2], topic[0][3]) for _, kind, words in since):
        return None  # the paragraph lists several parts in turn
    return {part[0] for part in topic}, (topic[0][2], topic[0][3])


def _other_body(ctx: Context, start: int, end: int, *, province: bool = True) -> bool:
    """Whether ``[start, end)`` names a body other than a part: the provincial branch
    (``branch``, ``subject_other`` of rules/scope.yaml: "the branch", "chi nhánh") or, with
    ``province``, the province (``province_ref``): a sentence about it states its figures, no
    district's or ward's."""
    return (ctx.first_mark(scope_list("branch"), start, end) is not None
            or _scope_word_in(ctx, "subject_other", start, end)
            or (province and ctx.first_mark("province_ref", start, end) is not None))


# What makes a sentence name its own topic: a part (an average is a way to state a figure of the
# topic, no other topic), a total, the whole country.
OWN_TOPIC = (*(cue_list for kind, cue_list in KIND_LISTS if kind != "average"), TOTALS, "national")


def _names_its_own(ctx: Context, start: int, end: int) -> bool:
    """Whether a sentence names a topic of its own: a part, a total, a place, an area, the whole
    country (``OWN_TOPIC``)."""
    return (any(ctx.first_mark(name, start, end) for name in OWN_TOPIC)
            or bool(ctx.mentions.within(start, end) or ctx.areas.within(start, end)))
