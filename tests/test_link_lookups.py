"""Linking's lookups by offset answer what a pass over the records would: the windows that hold
nothing (most of them) end early, and must end with the same answer. (Speed is
bench/extract_speed.py's: no test here is timed.)"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import random
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluation import load_gold
from extractor.link.context import (
    Area,
    AreaIndex,
    Context,
    Frame,
    Offsets,
    State,
    _line_start,
    clause_span,
    sentence_span,
    spaces_start,
)
from extractor.link.indicator import _ends_funded
from extractor.link.lists import _read_list_item, list_item
from extractor.link.observe import (
    BODY_STATED,
    _branch_named,
    _dated_by_report,
    _on_headline,
    _undated,
    build_context,
)
from extractor.link.outlets import DATELINE_CODE, dateline_codes
from extractor.link.parts import (
    _DASH_GAP,
    AREA_WORDS,
    _area_word,
    _areas_worded,
    _bank_unit,
    _branch_reports,
    _communes,
    _district_before,
    _joined_offices,
    _level_areas,
    _office,
    _office_back,
    _office_name,
    _scope_word_in,
    _scope_words,
    _Units,
)
from extractor.link.place import Spot, _leads, _opens_on_one, any_place, paragraph_place, places
from extractor.link.place import _joined as _place_joined
from extractor.link.rules import decided_by, part_list, scope_list
from extractor.link.scope import NATIONAL, held_in, is_commune
from extractor.link.when import (
    CountedYears,
    _a_baseline,
    _against_same_period,
    _compared_with,
    _count_before,
    _end,
    _in_comparison,
    _opening_end,
    _opens_since,
    _over_years,
    _past_years,
    _previous_paragraph,
    _review_years,
    _reviewed,
    _reviewed_dates,
    _reviewed_year,
    _stale_review,
    _start_compared_later,
    _stated_later,
    _year_so_far,
    opens_since,
    start_edge,
    year_edge,
    year_so_far_lead,
)
from extractor.models import DateMention, Figure, Observation
from extractor.parse.head import first_line
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled
from extractor.registry.phrases import Hit

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"


@settings(max_examples=300, deadline=None)
@given(starts=st.lists(st.integers(0, 60), max_size=25),
       windows=st.lists(st.tuples(st.integers(-5, 70), st.integers(-3, 20)), max_size=20))
def test_a_window_holds_the_records_a_pass_finds(starts: list[int], windows: list[tuple[int, int]]) -> None:
    records = [SimpleNamespace(start=s) for s in starts]
    index = Offsets(records)
    ordered = sorted(records, key=lambda r: r.start)
    for low, width in windows:
        assert index.within(low, low + width) == [r for r in ordered if low <= r.start < low + width]
        before = [r for r in ordered if r.start < low]
        assert index.last_before(low) is (before[-1] if before else None)
        inside = [r for r in ordered if low <= r.start < low + width]
        assert index.first_within(low, low + width) is (inside[0] if inside else None)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_marks_are_those_a_pass_over_the_list_finds(lang: str) -> None:
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang)[:6])
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    size = len(ctx.text)
    for name, found in ctx.hits.items():
        for start in range(-1, size + 2, 97):
            for end in (start, start + 30, start + 400, size + 1):
                assert ctx.marks(name, start, end) == [h for h in found if start <= h[0] < end and h[1] <= end]
                assert ctx.starts_in(name, start, end) == any(start <= h[0] < end for h in found)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_any_place_is_whether_places_finds_one(lang: str) -> None:
    """``any_place`` answers whether ``places`` lists a province or a national marker, in every
    figure's sentence and clause and in windows across the text (venues of meetings left out)."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang)[:12])
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    spans = [span for f in ctx.figures for span in (sentence_span(ctx, f), clause_span(ctx, f))]
    spans += [(start, start + width) for start in range(-1, len(ctx.text) + 2, 53) for width in (0, 1, 25, 300)]
    assert any(places(ctx, *span) for span in spans) and not all(places(ctx, *span) for span in spans)
    for start, end in spans:
        assert any_place(ctx, start, end) is bool(places(ctx, start, end))


LINES = st.sampled_from(["(HB) - a", "Ha (AB) – b", "a (b", "a) (b) -", "", "  (Q)-", "1 (A) -", "((", "ab",
                          "\t(HBĐT) —x", "(a)(b) -"])


@settings(max_examples=500, deadline=None)
@given(lines=st.lists(LINES, max_size=8), head=st.integers(0, 90))
def test_dateline_codes_are_those_a_scan_of_the_head_finds(lines: list[str], head: int) -> None:
    text = "\n".join(lines)
    found = [(m.span(), m.group(1)) for m in dateline_codes(text, head)]
    assert found == [(m.span(), m.group(1)) for m in DATELINE_CODE.finditer(text, 0, head)]


def test_an_amended_context_is_the_copy_replace_makes() -> None:
    ctx = build_context(extract_text("Dư nợ đạt 1.000 tỷ đồng.", lang="vi", link=False), bundled().linker)
    changes = {"province": "Hà Nội", "province_rule": "issuer", "changes": frozenset({3})}
    amended = ctx.amended(**changes)
    assert vars(amended) == vars(replace(ctx, **changes))  # type: ignore[arg-type]
    assert (ctx.province, ctx.province_rule) != ("Hà Nội", "issuer")  # the original is kept
    with pytest.raises(TypeError):
        ctx.amended(provinces="Hà Nội")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_answers_kept_per_document_are_those_read_afresh(lang: str) -> None:
    """The head line, list items and periods opened by a date, each read once per document,
    answer what reading them again from the text does."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang)[6:14])
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    assert ctx.head == first_line(ctx.text, ctx.linker.chrome)
    for _ in range(2):  # read, then kept
        assert [list_item(ctx, f) for f in ctx.figures] == [_read_list_item(ctx, f) for f in ctx.figures]
        assert [opens_since(ctx, d) for d in ctx.dates] == [_opens_since(ctx, d.start) for d in ctx.dates]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_areas_gathered_per_document_are_those_a_pass_finds(lang: str) -> None:
    """The areas of each area word and the communes, gathered once per document, answer what a
    pass over every area of the text does, at every offset."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang))
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    areas = list(ctx.areas)
    words = {_area_word(ctx, a.start, a.end) for a in areas}
    assert len(words) > 2 and any(is_commune(ctx, a) for a in areas)
    for pos in range(0, len(ctx.text) + 1, 211):
        for word in words:
            named = [a for a in areas if a.start < pos and _area_word(ctx, a.start, a.end) == word]
            assert _areas_worded(ctx, word).last_before(pos) is (named[-1] if named else None)
        communes = [a for a in areas if a.start < pos and is_commune(ctx, a)]
        assert _communes(ctx).last_before(pos) is (communes[-1] if communes else None)


def test_the_areas_a_citys_word_speaks_of_are_kept_per_word() -> None:
    """"NHCSXH thành phố", "toàn thành phố": the areas named with that word (no commune), read
    once per document, are those a pass over every area finds, each time they are asked."""
    text = ("Kon Tum: Tín dụng chính sách tại thành phố Kon Tum\n\nĐến nay, dư nợ của NHCSXH thành phố "
            "đạt 1.000 tỷ đồng. Toàn thành phố có 2.000 hộ vay vốn, huyện Đăk Hà có 300 hộ, xã Ia Chim có 40 hộ.")
    ctx = build_context(extract_text(text, lang="vi", link=False), bundled().linker)
    asked = [hit for name in AREA_WORDS for hit in ctx.hits[name]]
    assert len(asked) == 5
    for _ in range(2):  # read, then kept
        for start, end, _ in asked:
            level = _area_word(ctx, start, end)
            expected = [a for a in ctx.areas if _area_word(ctx, a.start, a.end) == level and not is_commune(ctx, a)]
            assert _level_areas(ctx, start, end) == expected
    assert [a.name for a in _level_areas(ctx, asked[1][0], asked[1][1])] == ["Kon Tum"]


def _bank_unit_by_pass(ctx: Context, start: int, end: int) -> bool:
    """``parts._bank_unit`` as a pass over every mention of the bank."""
    for hit in ctx.hits["bank"]:
        if hit[1] <= start and not ctx.text[hit[1] : start].strip():
            return True
        if hit[0] >= end and not ctx.text[end : hit[0]].strip():
            return True
    return False


def _office_by_pass(ctx: Context, areas: list[Area], bank: Hit) -> str | None:
    """``parts._office`` as a pass over every area and every district office's mention."""
    start, end, _ = bank
    gap = ctx.linker.scope_gaps[ctx.lang]

    def joins_after(area: Area) -> bool:
        return area.start >= end and bool(gap.fullmatch(ctx.text, end, area.start)
                                          or _DASH_GAP.fullmatch(ctx.text, end, area.start))

    joined = [a for a in areas if joins_after(a)
              or (a.end <= start and gap.fullmatch(ctx.text, a.end, start) and not held_in(ctx, a.start, a.end))]
    office = [hit for hit in ctx.hits[part_list("district_bank")] if hit[0] == start]
    if not office:
        return joined[0].name if joined else _district_before(ctx, start)
    near = [a for a in areas if abs(a.start - start) < ctx.reach("near_office")]
    return next((a.name for a in (*near, *joined)), None) or _office_name(ctx, max(office)) or "a district"


OFFICES = {
    "en": ("Nghe An news\n\nThe Bank for Social Policies – Tan Phu District Branch lent VND 5 billion. "
           "VBSP Yen Thanh District and the Quy Chau Social Policy Bank Transaction Office reported.\n"
           "Yen Thanh District\nVBSP lent more."),
    "vi": ("Tin Nghệ An\n\nPhòng giao dịch NHCSXH huyện Quỳ Châu cho vay 5 tỷ đồng. Tại huyện Yên Thành, "
           "NHCSXH huyện Yên Thành và Phòng giao dịch NHCSXH Quỳnh Lưu báo cáo.\nhuyện Anh Sơn\n"
           "NHCSXH thành phố Vinh – Phòng giao dịch NHCSXH huyện Anh Sơn."),
}


def _joined_offices_by_pass(ctx: Context, areas: list[Area]) -> list[Hit]:
    """``parts._joined_offices`` reading every area after each mention of the bank."""
    gap = ctx.linker.scope_gaps[ctx.lang]
    return [hit for hit in ctx.hits["bank"] if any(
        a.start >= hit[1] and (gap.fullmatch(ctx.text, hit[1], a.start)
                               or _DASH_GAP.fullmatch(ctx.text, hit[1], a.start)) for a in areas)]


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_offices_and_bank_units_found_by_offset_are_those_a_pass_finds(lang: str, one_line: bool) -> None:
    """The district an office's mention names, the mentions of the bank joined to an area's name,
    and whether words stand right beside the bank's name, read among the areas and mentions near
    the mention by offset, answer what a pass over every area and every mention does (the gold
    texts joined, and an invented text whose offices and areas sit on neighbouring lines; as
    written and on one line)."""
    text = "\n\n".join([OFFICES[lang], *(case.text() for case in load_gold(GOLD, language=lang))])
    if one_line:
        head, _, body = text.partition("\n")
        text = head + "\n" + " ".join(body.split("\n"))
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    joined = _joined_offices(ctx)
    assert joined == _joined_offices_by_pass(ctx, list(ctx.areas)) and joined
    areas = list(ctx.areas)
    banks = sorted({*ctx.hits["bank"], *ctx.hits[part_list("district_bank")]})
    assert len(banks) > 20 and ctx.hits[part_list("district_bank")]
    named = [(_office(ctx, bank), _office_by_pass(ctx, areas, bank)) for bank in banks]
    assert [mine for mine, _ in named] == [theirs for _, theirs in named]
    assert sum(mine is not None for mine, _ in named) > 3
    spans = [(a.start, a.end) for a in areas] + [(pos, pos + 7) for pos in range(0, len(ctx.text), 53)]
    units = [(_bank_unit(ctx, *span), _bank_unit_by_pass(ctx, *span)) for span in spans]
    assert [mine for mine, _ in units] == [theirs for _, theirs in units]
    assert any(mine for mine, _ in units) and not all(mine for mine, _ in units)


def _paragraph_place_by_pass(ctx: Context, s0: int) -> Spot | None:
    """``place.paragraph_place`` as a pass back over every opener of the paragraph."""
    p0 = ctx.line(s0, s0)[0]
    for start, end, _ in reversed(ctx.marks("paragraph_openers", p0, s0)):
        if not _leads(ctx, p0, start):
            continue
        named = [p for p in places(ctx, end, min(s0, end + ctx.reach("paragraph_opener"))) if p[0] != NATIONAL]
        if named and _place_joined(ctx, end, named[0][1]):
            return named[0] if _opens_on_one(ctx, named[0], s0) else None
    return None


OPENERS = {
    "en": ("In Ha Tinh, loans reached VND 5 billion. The overdue rate was 0.2%. In Quang Binh and Nghe An, "
           "groups met. In Nghe An, staff visited 12 groups. By June 30, in Thanh Hoa, loans rose. "
           "The rate was 0.1%.\n- In Ha Tinh, the branch lent VND 3 billion. It served 200 households."),
    "vi": ("Tại Hà Tĩnh, dư nợ đạt 5 tỷ đồng. Tỷ lệ nợ quá hạn 0,2%. Tại tỉnh Quảng Bình và Nghệ An, các tổ họp. "
           "Đến 30/6, tại Thanh Hóa, dư nợ tăng. Tỷ lệ nợ quá hạn 0,1%.\n- Tại Hà Tĩnh, chi nhánh cho vay 3 tỷ đồng."),
}


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_paragraphs_opener_found_once_per_document_is_the_one_a_pass_finds(lang: str, one_line: bool) -> None:
    """The province a paragraph's opener names, for every sentence (openers read once per
    document and the last that names one looked up), is the one a pass back over the
    paragraph's openers finds: the gold texts and an invented text of openers, as written and
    all on one line."""
    text = "\n\n".join([OPENERS[lang], *(case.text() for case in load_gold(GOLD, language=lang)), OPENERS[lang]])
    if one_line:
        head, _, body = text.partition("\n")
        text = head + "\n" + " ".join(body.split("\n"))
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    ends = [end for _, end, _ in ctx.hits["paragraph_openers"]]
    assert ends == sorted(ends) and len(ends) > 10
    sentences = sorted({ctx.stops.around(pos, pos)[0] for pos in range(0, len(ctx.text), 37)})
    found = [(paragraph_place(ctx, s0), _paragraph_place_by_pass(ctx, s0)) for s0 in sentences]
    assert [mine for mine, _ in found] == [theirs for _, theirs in found]
    assert sum(mine is not None for mine, _ in found) >= 4


def _reviewed_year_by_pass(ctx: Context, after: int, before: int) -> tuple[int, DateMention, str] | None:
    """``when._reviewed_year`` as a pass back over every ``reviewed`` phrase of the window."""
    for _, end, phrase in reversed(ctx.marks("reviewed", after + 1, before)):
        for d in ctx.free_dates.within(end, min(before, end + 8)):
            if ctx.marker_before("reviewed", d.start) and not _stale_review(ctx, d):
                return d.start, d, phrase
    return None


REVIEWS = {
    "en": ("The branch met to review the results of 2023 and set its tasks for 2024. Lending reached VND 5 billion. "
           "It reviewed the results of 2019, when loans reached VND 2 billion. The results of the year were good."),
    "vi": ("Hội nghị đánh giá kết quả hoạt động năm 2023 và triển khai nhiệm vụ năm 2024. Doanh số cho vay đạt 5 tỷ "
           "đồng. Tổng kết kết quả hoạt động năm 2019, dư nợ đạt 2 tỷ đồng. Kết quả hoạt động năm qua tốt."),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_reviewed_year_read_among_dated_phrases_is_the_one_a_pass_finds(lang: str) -> None:
    """The year a report reviews, looked for among the ``reviewed`` phrases that have a date
    after them (read once per document), is the one a pass back over every such phrase of the
    window finds, with no date set yet and with one set (older reviews are stale then)."""
    text = "\n\n".join([REVIEWS[lang], *(case.text() for case in load_gold(GOLD, language=lang)), REVIEWS[lang]])
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    # English writes a reviewed year after other words ("the results of the year 2023"): phrases, no dated one.
    assert len(_reviewed_dates(ctx)[0]) >= 4 if lang == "vi" else ctx.hits["reviewed"]
    windows = [(after, before) for after in (-1, 0, 150, len(ctx.text) // 2)
               for before in range(0, len(ctx.text) + 50, 41) if after < before]
    for as_of in (None, dt.date(2024, 12, 31)):
        ctx.state.frame = Frame(as_of=as_of)
        found = [(_reviewed_year(ctx, a, b), _reviewed_year_by_pass(ctx, a, b)) for a, b in windows]
        assert [mine for mine, _ in found] == [theirs for _, theirs in found]
        assert any(mine is not None for mine, _ in found) or lang == "en"


def _past_years_by_pass(ctx: Context, after: int, before: int) -> CountedYears | None:
    """``when._past_years`` as a pass back over every ``past_years`` phrase of the window."""
    for start, _, phrase in reversed(ctx.marks("past_years", after + 1, before)):
        count = _count_before(ctx, start)
        if count is not None and (" " in phrase or ctx.marker_before("past_years_lead", count[0])):
            return start, count[1], phrase, ctx.marker_before("past_years_approx", count[0]) is not None
    return None


def _review_years_by_pass(ctx: Context, after: int, before: int) -> CountedYears | None:
    """``when._review_years`` as a pass back over every ``anniversary`` phrase of the window."""
    for start, end, phrase in reversed(ctx.marks("anniversary", after + 1, before)):
        count = _count_before(ctx, start)
        if count is not None and _reviewed(ctx, start, end) is None:
            return start, count[1], phrase, ctx.marker_before("past_years_approx", count[0]) is not None
    return None


YEARS = {
    "en": ("Over the past five years, the bank lent VND 5 billion. After seven years of implementing Resolution 12, "
           "loans grew.\nIn 10 years, nearly 17 years of operation, a 15-year review of Directive 40-CT/TW dated "
           "November 22, 2014 was held; she is 40 years old."),
    "vi": ("Trong 5 năm qua, ngân hàng cho vay 5 tỷ đồng. Qua 7 năm thực hiện Nghị quyết 12, dư nợ tăng.\nHơn 20 năm "
           "hoạt động, sau 10 năm thực hiện Chỉ thị số 40-CT/TW ngày 22/11/2014 của Ban Bí thư; vay 3 năm."),
}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_counts_of_years_read_once_per_document_are_those_a_pass_finds(lang: str) -> None:
    """The last count of past years and the last review of N years of an undated document in a
    window, each phrase read once per document and the last that counts found by bisection, are
    those a pass back over every phrase of the window finds."""
    text = "\n\n".join([YEARS[lang], *(case.text() for case in load_gold(GOLD, language=lang)), YEARS[lang]])
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    assert ctx.hits["past_years"] and ctx.hits["anniversary"]
    windows = [(after, before) for after in (-1, 0, 150, len(ctx.text) // 2)
               for before in range(0, len(ctx.text) + 50, 29) if after < before]
    for mine, theirs in ((_past_years, _past_years_by_pass), (_review_years, _review_years_by_pass)):
        found = [(mine(ctx, a, b), theirs(ctx, a, b)) for a, b in windows]
        assert [m for m, _ in found] == [t for _, t in found]
        assert any(m is not None for m, _ in found)


def _year_so_far_by_pass(ctx: Context, fig: Figure, end: dt.date, anchor: DateMention | None = None) -> bool:
    """``when._year_so_far`` reading every date before the figure (but the far ones it skips)."""
    first = dt.date(end.year, 1, 1)
    if end == first or _over_years(ctx, fig, end):
        return False
    if _against_same_period(ctx, fig) and (
            anchor is None or anchor.granularity != "day" or ctx.marker_before("until", anchor.start)):
        return True
    near, opening = _previous_paragraph(ctx, fig.start), _opening_end(ctx)
    joined, slack = ctx.reach("year_so_far_joined"), ctx.linker.year_so_far_slack_days
    dates, starts = ctx.dates.items, ctx.dates.keys
    end_at = bisect.bisect_left(starts, fig.start)
    far_from = far_to = end_at
    if opening < near:
        far_from, far_to = bisect.bisect_left(starts, opening), bisect.bisect_left(starts, near)
    for i in itertools.chain(range(min(far_from, end_at)), range(far_to, end_at)):
        d = dates[i]
        if i and d.start - dates[i - 1].end <= joined:
            continue
        if d.value == first and start_edge(d) and d.granularity == "year":
            if year_so_far_lead(ctx, d) or (d.start >= near and _compared_with(ctx, d)):
                return True
        elif (d.value == first - dt.timedelta(days=1) and year_edge(d) and d.granularity == "year"
                and d.start >= near and _compared_with(ctx, d)) or (
                d.period_start == first and d.period_end is not None and abs((d.period_end - end).days) <= slack):
            return True
    return _start_compared_later(ctx, fig, first)


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_year_so_far_read_among_the_years_dates_is_what_a_pass_finds(lang: str, one_line: bool) -> None:
    """Whether the text frames a figure's report as the year so far, read among the dates of the
    year's first day, the day before and periods from it (indexed once per document), is what a
    pass over every date before the figure finds: the gold texts, as written and on one line."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang))
    if one_line:
        head, _, body = text.partition("\n")
        text = head + "\n" + " ".join(body.split("\n"))
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    ends = sorted({d.value for d in ctx.dates if d.value is not None and d.value.month > 1})[::3]
    assert len(ends) > 5
    found = [(_year_so_far(ctx, fig, end), _year_so_far_by_pass(ctx, fig, end))
             for fig in list(ctx.figures)[::2] for end in ends]
    assert [mine for mine, _ in found] == [theirs for _, theirs in found]
    assert any(mine for mine, _ in found) and not all(mine for mine, _ in found)


# Invented sentences with every kind of date that may frame a year so far, and some that do not:
# a bare start of a year (an event's date), a comparison with the year's start or the end of the
# year before, a lead on the year so far, periods from the year's first day.
_YEAR_FRAMES = {
    "vi": ["Đầu năm 2024, hộ anh Tâm được vay 50 triệu đồng để nuôi bò.",
           "Đến 30/6/2024, chi nhánh đã giải ngân 1.200 tỷ đồng cho vay hộ nghèo.",
           "Tổng dư nợ đạt 9.800 tỷ đồng, tăng 520 tỷ đồng so với đầu năm.",
           "Dư nợ tăng 310 tỷ đồng so với cuối năm 2023.",
           "Từ đầu năm 2024 đến nay, doanh số cho vay đạt 2.100 tỷ đồng.",
           "Trong 6 tháng đầu năm 2024, chi nhánh giải ngân 1.150 tỷ đồng.",
           "Năm 2023 và quý I/2024, chi nhánh cho vay 1.900 tỷ đồng."],
    "en": ["Early in 2024, Mr Tam's family borrowed VND 50 million to raise cows.",
           "By June 30, 2024, the branch had disbursed VND 1,200 billion to poor households.",
           "Outstanding loans reached VND 9,800 billion, up VND 520 billion compared to the beginning of the year.",
           "Loans rose by VND 310 billion compared with the end of 2023.",
           "Since the beginning of 2024, lending turnover has reached VND 2,100 billion.",
           "In the first six months of 2024, the branch disbursed VND 1,150 billion.",
           "In 2023 and the first quarter of 2024, the branch lent VND 1,900 billion."],
}


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_year_so_far_on_invented_frames_is_what_a_pass_finds(lang: str, one_line: bool) -> None:
    """The same on invented sentences with every kind of date that may frame a year so far,
    shuffled (seeded) over many paragraphs or on one line, asked at several ends of 2024."""
    rng = random.Random(17)
    sentences = [rng.choice(_YEAR_FRAMES[lang]) for _ in range(120)]
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    text = "Tin tức\n" if lang == "vi" else "News\n"
    text += " ".join(paragraphs) if one_line else "\n\n".join(paragraphs)
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    ends = [dt.date(2024, 3, 31), dt.date(2024, 6, 27), dt.date(2024, 6, 30), dt.date(2024, 12, 31)]
    found = [(_year_so_far(ctx, fig, end), _year_so_far_by_pass(ctx, fig, end)) for fig in ctx.figures for end in ends]
    assert [mine for mine, _ in found] == [theirs for _, theirs in found]
    # On one line a lead read early may frame every later figure; with paragraphs some are not.
    assert any(mine for mine, _ in found) and (one_line or not all(mine for mine, _ in found))


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=" \t\n\u00a0\u3000ab.", max_size=30), pos=st.integers(0, 30))
def test_the_spaces_before_an_offset_end_where_rstrip_ends(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    assert spaces_start(text, pos) == len(text[:pos].rstrip())


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=" \t\n\r\u00a0\u2028ab.", max_size=30), pos=st.integers(0, 30))
def test_a_line_start_read_back_over_spaces_is_what_the_lines_head_says(text: str, pos: int) -> None:
    """Whether only spaces stand before ``pos`` on its line, read back over the spaces alone, is
    what the line's head up to ``pos`` stripped says."""
    pos = min(pos, len(text))
    assert _line_start(text, pos) == (not text[text.rfind("\n", 0, pos) + 1 : pos].strip())


def _stated_later_by_pass(ctx: Context, fig: Figure) -> DateMention | None:
    """``when._stated_later`` reading every free date after the figure's sentence on its line."""
    s0, s1 = sentence_span(ctx, fig)
    if any(not _in_comparison(ctx, d, fig) for d in ctx.dates.within(s0, s1)):
        return None
    _, line_end = ctx.line(fig.start, fig.end)
    for d in ctx.free_dates.within(s1, line_end):
        if _end(d) is not None and ctx.marker_before("until", d.start) and not _a_baseline(ctx, d):
            return d
    return None


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_report_date_stated_later_read_once_per_document_is_what_a_pass_finds(lang: str, one_line: bool) -> None:
    """The report's date stated after a stock's sentence (the first free date after an "until"
    word, no baseline), among such dates read once per document, is what a pass over every date
    after the sentence on its line finds: the gold texts, as written and on one line."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang))
    if one_line:
        head, _, body = text.partition("\n")
        text = head + "\n" + " ".join(body.split("\n"))
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    found = [(_stated_later(ctx, fig), _stated_later_by_pass(ctx, fig)) for fig in ctx.figures]
    assert [mine for mine, _ in found] == [theirs for _, theirs in found]
    assert any(mine is not None for mine, _ in found) and not all(mine is not None for mine, _ in found)


@settings(max_examples=300, deadline=None)
@given(spans=st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=15), pos=st.integers(0, 80))
def test_an_area_covers_an_offset_as_a_pass_finds(spans: list[tuple[int, int]], pos: int) -> None:
    """``AreaIndex.covers``: whether an area starts before the offset and ends at or after it."""
    areas = [Area(start, start + width, "x") for start, width in spans]
    assert AreaIndex(areas).covers(pos) == any(a.start < pos <= a.end for a in areas)


def _office_back_by_pass(ctx: Context, branch: Hit, offices: list[Hit]) -> bool:
    """``parts._office_back`` reading every office for the branch."""
    if ctx.lang != "en" or ctx.text[branch[0] : branch[1]].casefold() != "the branch":
        return False
    before = [hit for hit in offices if hit[1] <= branch[0] and ctx.figures.within(*ctx.line(hit[0], hit[1]))]
    if not before:
        return False
    last = max(before, key=lambda hit: hit[1])
    s0, s1 = ctx.stops.around(last[0], last[1])
    return not (ctx.starts_in("bank", last[1], min(branch[0], s0))
                or ctx.starts_in("bank", max(last[1], s1), branch[0]))


def _branch_reports_by_pass(ctx: Context, branch: Hit, district: list[Hit]) -> bool:
    """``parts._branch_reports`` reading every office for the branch."""
    if not any(ctx.figures.within(*ctx.line(hit[0], hit[1])) for hit in district):
        return True
    s0, _ = ctx.stops.around(branch[0], branch[1])
    return not any(s0 <= hit[0] < branch[0] for hit in district)


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_what_a_branch_mention_asks_of_the_offices_read_once_is_what_a_pass_finds(lang: str, one_line: bool) -> None:
    """Whether a branch's words refer back to an office or may be who reports, asked of the
    offices read once per document (``_Units``), is what a pass over every office finds: the gold
    texts joined, as written and on one line, with every bank mention taken for an office."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang))
    if one_line:
        head, _, body = text.partition("\n")
        text = head + "\n" + " ".join(body.split("\n"))
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    offices = sorted({*ctx.hits["bank"], *ctx.hits[part_list("district_bank")]})
    units = _Units(ctx, offices)
    branches = [*ctx.hits[scope_list("branch")], *ctx.hits["bank"]]
    assert len(branches) > 20 and units.stating
    found = [(_office_back(ctx, b, units), _office_back_by_pass(ctx, b, offices),
              _branch_reports(ctx, b, units), _branch_reports_by_pass(ctx, b, offices)) for b in branches]
    assert [(a, c) for a, _, c, _ in found] == [(b, d) for _, b, _, d in found]
    assert any(c for *_, c, _ in found) and not all(c for *_, c, _ in found)


def _branch_named_by_pass(ctx: Context, fig: Figure, s0: int, s1: int) -> bool:
    """``observe._branch_named`` reading every mention of a branch, area and district office."""
    t1 = ctx.title[1]
    branch = [hit for hit in ctx.hits[scope_list("branch")]
              if (s0 <= hit[0] < s1 or (fig.start < t1 and hit[1] <= t1))
              and not any(a.start < hit[1] <= a.end for a in ctx.areas)]
    headline = ctx.line(0, 0)[1]
    return bool(branch) and not any(hit[1] <= headline for hit in ctx.hits[part_list("district_bank")])


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_branch_named_by_a_figure_read_by_offset_is_what_a_pass_finds(lang: str, one_line: bool) -> None:
    """Whether a figure's sentence (or the title, for a figure there) names the provincial branch,
    read by offset, is what a pass over every branch, area and office finds; and a marker's end
    looked up in the list's ends is one a pass finds: the gold texts, as written and on one line."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang))
    if one_line:
        head, _, body = text.partition("\n")
        text = head + "\n" + " ".join(body.split("\n"))
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    found = [(_branch_named(ctx, fig, *span), _branch_named_by_pass(ctx, fig, *span))
             for fig in ctx.figures for span in [sentence_span(ctx, fig), (0, len(ctx.text))]]
    assert [mine for mine, _ in found] == [theirs for _, theirs in found]
    assert any(mine for mine, _ in found) and not all(mine for mine, _ in found)
    names = [name for name in ("bank", part_list("area_after"), part_list("area_before"), scope_list("branch"))
             if ctx.hits[name]]
    assert len(names) >= 3
    for name in names:
        ends = {hit[1] for hit in ctx.hits[name]}
        assert all(ctx.ends_at(name, pos) == (pos in ends) for pos in range(0, len(ctx.text), 3))


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(["chi nhánh", "the branch", "branch", "tại", "at", "cùng", "cùng với", "với",
                                       "xa", "at the end", "Chi", "hub", "ở"]), min_size=1, max_size=30),
       glue=st.lists(st.sampled_from([" ", "", ",", "x", "\n", " at", "Ở"]), min_size=1, max_size=30),
       windows=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)), min_size=1, max_size=10),
       name=st.sampled_from(["subject_other", "office_aside", "office_aside_not", "office_other"]),
       lang=st.sampled_from(["en", "vi"]))
def test_a_scope_word_found_among_the_texts_places_is_what_the_window_finds(
        words: list[str], glue: list[str], windows: list[tuple[int, int]], name: str, lang: str) -> None:
    """``parts._scope_word_in``: whether a plain scope word stands in a window, read among the
    places its list's words match in the whole text (overlapping ones too) and, near the window's
    end, in the window itself, is whether the window's own search finds one: words glued to
    letters, cut by the window's ends, a shorter word of the list inside a longer one."""
    text = "".join(w + g for w, g in zip(words, itertools.cycle(glue)))
    ctx = SimpleNamespace(text=text, lang=lang, linker=bundled().linker, state=SimpleNamespace(scope_word_starts={}))
    for start, width in windows:
        start, end = min(start, len(text)), min(start + width, len(text))
        assert _scope_word_in(ctx, name, start, end) == bool(_scope_words(ctx, name, start, end))  # type: ignore[arg-type]


# Stop 42, dense pages of other constructs (bench/dense.py): a scope word sought by offset, a
# headline's report read once per line and indicator, a funded-from word sought at a cue's end.

SCOPE_WORD_LISTS = ("subject_other", "office_other", "office_aside", "office_aside_not")


def _gold_context(lang: str, one_line: bool) -> Context:
    """The gold texts of ``lang`` joined, as written or with the body on one line, indexed."""
    text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang))
    if one_line:
        head, _, body = text.partition("\n")
        text = head + "\n" + " ".join(body.split("\n"))
    return build_context(extract_text(text, lang=lang, link=False), bundled().linker)


@pytest.mark.parametrize("one_line", [False, True], ids=["lines", "one line"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_scope_word_sought_by_offset_is_one_the_search_finds(lang: str, one_line: bool) -> None:
    """Whether a word of a plain scope list stands in a span, looked up among the places read once
    per document, is what the search over the span finds: from each figure back to its sentence's
    start, its line's and the text's, the gold texts as written and on one line."""
    ctx = _gold_context(lang, one_line)
    seen = set()
    for name in SCOPE_WORD_LISTS:
        for fig in ctx.figures:
            for start in (sentence_span(ctx, fig)[0], ctx.line(fig.start, fig.end)[0], 0, fig.start - 7):
                found = bool(_scope_words(ctx, name, max(start, 0), fig.start))
                assert _scope_word_in(ctx, name, max(start, 0), fig.start) == found
                seen.add(found)
    assert seen == {False, True}


_SCOPE_PIECES = ["chi nhánh", "Chi Nhánh", "chi", "nhánh", "đoàn công tác", "công tác", "NHCSXH", "hiện tại",
                 "tại", "the branch", "The Branch", "branch", "the bank", "at", "as at", "bank", "x", "ab",
                 " ", "  ", ",", ".", "\n", "\u00a0"]


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.sampled_from(_SCOPE_PIECES), max_size=30), lang=st.sampled_from(["en", "vi"]),
       spans=st.lists(st.tuples(st.integers(0, 120), st.integers(0, 40)), min_size=1, max_size=12))
def test_a_scope_word_sought_by_offset_in_invented_texts_is_one_the_search_finds(
        pieces: list[str], lang: str, spans: list[tuple[int, int]]) -> None:
    """The same on invented texts of the lists' words, parts of them, glued or spaced: words
    overlapping one another ("the branch" and "branch"), cut at a span's end, in any case."""
    base = _invented_context(lang)
    ctx = base.amended(text="".join(pieces), state=State())
    for name in SCOPE_WORD_LISTS:
        for start, width in spans:
            end = min(start + width, len(ctx.text))
            assert _scope_word_in(ctx, name, start, end) == bool(_scope_words(ctx, name, start, end))


_INVENTED: dict[str, Context] = {}


def _invented_context(lang: str) -> Context:
    """A small context of ``lang``, built once, for helpers that read only its text and rules."""
    if lang not in _INVENTED:
        title = {"en": "News\nThe branch lent VND 5 billion.", "vi": "Tin tức\nChi nhánh cho vay 5 tỷ đồng."}
        _INVENTED[lang] = build_context(extract_text(title[lang], lang=lang, link=False), bundled().linker)
    return _INVENTED[lang]


_FUNDED_PIECES = ["từ", "Từ", "từ nguồn", "bằng", "bằng nguồn", "thuộc", "thuộc nguồn", "nguồn", "from", "From",
                  "of", "of the", "from the", "the", "x", "vốn", " ", "  ", "\t", "\n", "\u00a0", "\u2028", ","]


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(st.sampled_from(_FUNDED_PIECES), max_size=25), lang=st.sampled_from(["en", "vi"]),
       start=st.integers(0, 100), end=st.integers(0, 100))
def test_a_funded_word_sought_at_a_cues_end_is_what_the_search_finds(
        pieces: list[str], lang: str, start: int, end: int) -> None:
    """Whether a span ends in a ``funded_from`` word and spaces, sought only over the longest word
    before the spaces ending it, is what the regex's search over the whole span finds."""
    ctx = _invented_context(lang).amended(text="".join(pieces))
    end = min(end, len(ctx.text))
    gap = ctx.linker.funded_from[lang]
    assert _ends_funded(ctx, start, end) == (gap.search(ctx.text, start, end) is not None)


def _dated_by_report_by_pass(ctx: Context, found: list[Observation], headline: Observation) -> Observation:
    """``observe._dated_by_report`` reading every observation after the headline's line for it."""
    _, line_end = ctx.line(headline.start, headline.end)
    reports = [o for o in found if o.start >= line_end and o.status == "actual" and not _undated(o)
               and o.indicator == headline.indicator and (o.as_of or o.period_end) is not None
               and (not o.date_inferred or any(decided_by(o.rules.get("date", ""), rule) for rule in BODY_STATED))]
    if not reports:
        return headline
    report = max(reports, key=lambda o: o.as_of or o.period_end or dt.date.min)
    day = report.as_of or report.period_end
    if ctx.linker.lexicon.indicators[headline.indicator].measure == "stock":
        dates: dict[str, object] = {"as_of": day}
    else:
        dates = {"period_start": report.period_start if report.period_end is not None else None, "period_end": day}
    return headline.model_copy(update={
        **dates, "date_inferred": True, "boundaries": report.boundaries,
        "rules": {**headline.rules, "date": "headline:report"},
        "why": {**headline.why, "date": f"the headline sums up the report the body dates ({report.text!r})"}})


def _on_headline_by_copy(ctx: Context, obs: Observation) -> bool:
    """``observe._on_headline`` reading a copy of the line stripped."""
    line_start, line_end = ctx.line(obs.start, obs.end)
    first = ctx.head
    if first is None or first.start != line_start:
        return False
    return not ctx.text[line_start:line_end].rstrip().endswith((".", "!", "?", ";", ":"))


_HEADLINES = {"vi": ("NHCSXH Nghệ An: Dư nợ vượt {}.{} tỷ đồng, doanh số cho vay {} tỷ đồng",
                     "Đến 30/6/2024, dư nợ đạt 13.900 tỷ đồng; doanh số cho vay đạt 2.100 tỷ đồng."),
              "en": ("VBSP Nghe An: outstanding loans top VND {},{} billion, lending VND {} billion",
                     "As of June 30, 2024, outstanding loans reached VND 13,900 billion."
                     " Lending reached VND 2,100 billion.")}


@pytest.mark.parametrize("text_of", ["gold", "gold on one line", "headlines"])
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_headlines_report_read_once_per_line_and_indicator_is_what_a_pass_finds(lang: str, text_of: str) -> None:
    """Each observation taken as a headline is dated by the body's report as a pass over the
    observations for it dates it, the reports kept by line and indicator; and whether it stands
    on a headline, read back over the line's last spaces, is what a copy of the line says: the
    gold texts, as written and on one line, and an undated text whose headline line repeats one
    without a sentence end (spaces of all kinds after it) over a body that dates it."""
    if text_of == "headlines":
        headline, body = _HEADLINES[lang]
        text = ("News\n" + " ".join(headline.format(14 + i, 100 + i, 500 + i) for i in range(40))
                + " \u00a0\t\n" + body)
    else:
        text = "\n\n".join(case.text() for case in load_gold(GOLD, language=lang))
        if text_of == "gold on one line":
            head, _, body = text.partition("\n")
            text = head + "\n" + " ".join(body.split("\n"))
    ex = extract_text(text, lang=lang)
    ctx = build_context(extract_text(text, lang=lang, link=False), bundled().linker)
    found = ex.observations
    reports: dict[tuple[int, str], Observation | None] = {}
    mine = [_dated_by_report(ctx, found, obs, reports) for obs in found]
    assert mine == [_dated_by_report_by_pass(ctx, found, obs) for obs in found]
    # Some are dated by a report after their line (one line has no line after it).
    assert any(a is not b for a, b in zip(mine, found, strict=True)) == (text_of != "gold on one line")
    on = [_on_headline(ctx, obs) for obs in found]
    assert on == [_on_headline_by_copy(ctx, obs) for obs in found]
    if text_of == "headlines":
        assert sum(on) >= 40 and not all(on)
