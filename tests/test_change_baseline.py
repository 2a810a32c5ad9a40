"""A change's baseline and its level, through the whole pipeline (dates read by the rules, then
linked): a baseline whose year the text leaves out is a date before the level's own, and the
words right after a rate are its denominator, not another indicator.

Sentences written for these tests, in the shape provincial reports use.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from extractor.parse import load_bytes
from extractor.pipeline import process
from extractor.registry.bundle import bundled


def _observations(text: str) -> list[Observation]:
    registry = bundled()
    loaded = load_bytes(text.encode("utf-8"), source="report.txt", registry=registry)
    return list(process(loaded, registry=registry).observations)


def _one(text: str, indicator: str, value: str) -> Observation:
    found = [o for o in _observations(text) if o.indicator == indicator and o.value == Decimal(value)]
    assert len(found) == 1, [(o.indicator, o.value) for o in _observations(text)]
    return found[0]


@pytest.mark.parametrize(("text", "indicator", "value", "change", "baseline"), [
    # "năm trước" in a report of 2025 that also names its 2026 goal: the year before the level's.
    ("Kết quả tín dụng chính sách tỉnh Quảng Trị năm 2025\n\n"
     "Đến ngày 31/12/2025, nguồn vốn ủy thác từ ngân sách địa phương đạt 812 tỷ đồng, tăng 96 tỷ đồng "
     "so với năm trước. Chi nhánh phấn đấu năm 2026 đưa nguồn vốn ủy thác đạt 1.000 tỷ đồng.",
     "local_entrusted_capital", "812000000000", "96000000000", dt.date(2024, 12, 31)),
    # "the beginning of the year" beside a level at the end of 2018, in a text that goes on to 2019.
    ("Ben Tre reviews policy credit\n\n"
     "As of December 31, 2018, outstanding loans reached VND 2,147 billion, up VND 186 billion "
     "compared to the beginning of the year. In 2019, the branch plans to lend VND 500 billion more.",
     "outstanding_loans", "2147000000000", "186000000000", dt.date(2018, 1, 1)),
    # The words after a rate ("0,09% tổng dư nợ") are its denominator: the change is the rate's.
    ("Báo cáo kết quả 9 tháng năm 2025\n\n"
     "Đến ngày 30/9/2025, tỷ lệ nợ quá hạn chiếm 0,09% tổng dư nợ, giảm 0,02 điểm phần trăm so với "
     "đầu năm.",
     "overdue_debt_rate", "0.09", "-0.02", dt.date(2025, 1, 1)),
    # … and so are the words right after a share between a level and its change.
    ("Báo cáo kết quả 11 tháng năm 2022\n\n"
     "Đến ngày 30/11/2022, nguồn vốn ủy thác từ ngân sách địa phương đạt 350 tỷ đồng, chiếm 9,8% tổng "
     "nguồn vốn, gấp 3 lần so với năm 2016.",
     "local_entrusted_capital", "350000000000", "3", dt.date(2016, 12, 31)),
])
def test_a_change_is_measured_from_a_date_before_its_level(
        text: str, indicator: str, value: str, change: str, baseline: dt.date) -> None:
    obs = _one(text, indicator, value)
    assert obs.change_value == Decimal(change)
    assert obs.change_baseline == baseline


@pytest.mark.parametrize(("text", "indicator", "value", "change", "baseline"), [
    # A change without a comparison of its own, in a paragraph whose next change compares with
    # the end of the last year: the same baseline.
    ("Kết quả hoạt động 9 tháng năm 2023\n\n"
     "Đến ngày 30/9/2023, nguồn vốn nhận ủy thác từ ngân sách địa phương đạt 6.240 tỷ đồng, tăng "
     "815 tỷ đồng. Tổng dư nợ đạt 88.400 tỷ đồng, tăng 4.120 tỷ đồng so với cuối năm 2022.",
     "local_entrusted_capital", "6240000000000", "815000000000", dt.date(2022, 12, 31)),
    # The headline and the body state one level: the one kept carries the body's change.
    ("Dư nợ chính sách của chi nhánh hơn 9.700 tỷ đồng\n\n"
     "Đến ngày 31/8/2023, tổng dư nợ đạt hơn 9.700 tỷ đồng, tăng 436 tỷ đồng so với cuối năm 2022.",
     "outstanding_loans", "9700000000000", "436000000000", dt.date(2022, 12, 31)),
])
def test_a_change_takes_the_baseline_its_report_states(
        text: str, indicator: str, value: str, change: str, baseline: dt.date) -> None:
    obs = _one(text, indicator, value)
    assert obs.change_value == Decimal(change)
    assert obs.change_baseline == baseline


def _one_line_report(blocks: int) -> str:
    """A report whose body is one line of ``blocks`` blocks of four levels, each with a change:
    the first and third compare with the end of a year, the second and fourth name no comparison
    and take the baseline of the nearest change that does (the next one; the last block's fourth
    change has none after it, so the one before)."""
    sentences = []
    for block in range(blocks):
        level, change = 2000 + 10 * block, 20 + block % 70
        sentences += [f"Nguồn vốn ủy thác đạt {level + 1} tỷ đồng, tăng {change} tỷ đồng so với cuối năm 2020.",
                      f"Dư nợ cho vay hộ nghèo đạt {level + 2} tỷ đồng, tăng {change + 1} tỷ đồng.",
                      f"Tổng dư nợ đạt {level + 3} tỷ đồng, tăng {change + 2} tỷ đồng so với cuối năm 2021.",
                      f"Tổng nguồn vốn đạt {level + 4} tỷ đồng, tăng {change + 3} tỷ đồng."]
    return "Kết quả tín dụng chính sách 6 tháng năm 2022\n\nĐến ngày 30/6/2022, " + " ".join(sentences)


def _blocks(text: str) -> list[list[tuple[str, dt.date | None]]]:
    """Each block's observations as (indicator, change baseline), in text order."""
    found = [(o.indicator, o.change_baseline) for o in sorted(_observations(text), key=lambda o: o.start)]
    return [found[i : i + 4] for i in range(0, len(found), 4)]


def test_a_one_line_report_of_many_changes_takes_its_neighbours_baselines() -> None:
    """2,000 changes on one line (a long report's paragraph) are dated as in a line of three
    blocks: the first block as the first, a middle one as the middle one, the last as the last
    (bench/scaling.py times them; the line's changes are sorted once, not once per change)."""
    small, large = _blocks(_one_line_report(3)), _blocks(_one_line_report(500))
    assert len(large) == 500 and all(change is not None for block in large for _, change in block)
    assert small[1][3] != small[2][3]  # the nearest change decides: the last block's is before it
    assert [large[0], large[1], large[250], large[-1]] == [small[0], small[1], small[1], small[2]]


@pytest.mark.parametrize("text", [
    ("Lao Cai reviews policy credit in 2023\n\n"
     "By the end of 2023, outstanding loans stood at VND 5,310 billion, with nearly 96 thousand "
     "households with outstanding loans, rising by VND 512 billion (up 10.7%) against the end "
     "of the previous year."),
    ("Kết quả tín dụng chính sách năm 2023\n\n"
     "Đến ngày 31/12/2023, tổng dư nợ đạt 5.310 tỷ đồng, với gần 96 nghìn hộ còn dư nợ, tăng 512 tỷ "
     "đồng (tăng 10,7%) so với ngày 31/12/2022."),
])
def test_a_percent_in_a_bracket_after_a_change_moves_what_that_change_moves(text: str) -> None:
    """The borrowers between the level and its change do not take the bracketed percent: it
    restates the amount's change, so it is the growth of outstanding loans."""
    loans = _one(text, "outstanding_loans", "5310000000000")
    assert (loans.change_value, loans.change_unit) == (Decimal("512000000000"), "VND")
    assert _one(text, "borrowers_outstanding", "96000").change_value is None
    assert _one(text, "outstanding_growth_rate", "10.7").change_value is None


@pytest.mark.parametrize(("text", "indicator", "value", "baseline"), [
    # An amount at a year's close whose change names no baseline: over that year.
    ("Tín dụng chính sách tỉnh Hòa Bình\n\nĐến ngày 31/12/2023, tổng nguồn vốn của chi nhánh đạt 6.320 tỷ "
     "đồng, tăng 515 tỷ đồng.", "total_capital", "6320000000000", dt.date(2022, 12, 31)),
    ("Hoa Binh policy credit\n\nBy the end of 2023, total capital of the branch reached VND 6,320 billion, "
     "an increase of VND 515 billion.", "total_capital", "6320000000000", dt.date(2022, 12, 31)),
    # Not at a close: no baseline the text gives.
    ("Tín dụng chính sách tỉnh Hòa Bình\n\nĐến ngày 30/9/2023, tổng nguồn vốn của chi nhánh đạt 6.320 tỷ "
     "đồng, tăng 515 tỷ đồng.", "total_capital", "6320000000000", None),
    # A rate's fall in points may span years: no baseline.
    ("Hoa Binh policy credit\n\nBy the end of 2023, the overdue debt ratio of the branch had fallen by 2.15 "
     "percentage points to 0.31%.", "overdue_debt_rate", "0.31", None),
])
def test_a_change_at_a_years_close_naming_no_baseline_is_over_that_year(
        text: str, indicator: str, value: str, baseline: dt.date | None) -> None:
    obs = _one(text, indicator, value)
    assert obs.change_value is not None
    assert obs.change_baseline == baseline


@pytest.mark.parametrize(("text", "value"), [
    # The same indicator stated within the year: the change may run from that level, not from
    # the close of the year before.
    ("Tín dụng chính sách tỉnh Yên Bái\n\nTổng nguồn vốn của chi nhánh đạt 4.180 tỷ đồng vào ngày 30/9/2024. "
     "Tới ngày 31/12/2024, tổng nguồn vốn đạt 4.260 tỷ đồng, tăng thêm 80 tỷ đồng.", "4260000000000"),
    # A span of years in the sentence: the change may run over all of it.
    ("Tín dụng chính sách tỉnh Yên Bái\n\nTrong cả giai đoạn 2020-2024, tính tới ngày 31/12/2024, tổng nguồn vốn "
     "đạt 4.260 tỷ đồng, tăng 1.350 tỷ đồng.", "4260000000000"),
    ("Yen Bai policy credit\n\nFive years after the scheme began, by the end of 2024, the branch's total "
     "capital reached VND 4,260 billion, an increase of VND 1,350 billion.", "4260000000000"),
])
def test_a_years_close_change_near_another_span_names_no_baseline(text: str, value: str) -> None:
    obs = _one(text, "total_capital", value)
    assert obs.change_value is not None
    assert obs.change_baseline is None


@pytest.mark.parametrize(("text", "indicator", "value", "as_of", "change", "baseline"), [
    # A change, its own baseline ("year-on-year") and "to" before the level: the level is the
    # figure after "to", dated by the date after it, a year back for its baseline.
    ("Dong Thap policy lending up\n\nDong Thap (VNA) – Total capital of the Dong Thap branch of the "
     "Vietnam Bank for Social Policies rose 7.8% year-on-year to VND 11.2 trillion as of September 30, 2025.",
     "total_capital", "11200000000000", dt.date(2025, 9, 30), "7.8", dt.date(2024, 9, 30)),
    # The change's comparison with its date between the change and "lên": the level after "lên".
    ("Tín dụng chính sách tỉnh Đồng Tháp\n\nĐến ngày 30/9/2025, tổng dư nợ của Chi nhánh NHCSXH tỉnh "
     "Đồng Tháp tăng 700 tỷ đồng so với đầu năm lên 9.100 tỷ đồng.",
     "outstanding_loans", "9100000000000", dt.date(2025, 9, 30), "700000000000", dt.date(2025, 1, 1)),
])
def test_a_level_a_change_brought_about_past_its_comparison(text: str, indicator: str, value: str,
                                                           as_of: dt.date, change: str, baseline: dt.date) -> None:
    level = _one(text, indicator, value)
    assert (level.as_of, level.change_value, level.change_baseline) == (as_of, Decimal(change), baseline)


def test_a_baseline_after_compared_to_stays_no_level() -> None:
    """Near miss: the figure after "compared to" is the baseline, not a level brought about."""
    text = ("Dong Thap policy lending\n\nBy September 30, 2025, outstanding loans of the Dong Thap branch of "
            "the Vietnam Bank for Social Policies reached VND 11,050 billion, compared to VND 10,410 billion "
            "a year earlier.")
    assert [o.value for o in _observations(text) if o.indicator == "outstanding_loans"] == [Decimal("11050000000000")]
