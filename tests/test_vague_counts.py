"""A vague count of one vague word ("hundreds of students", "hàng nghìn hộ") says "many": a figure,
no level (``observe._vague_many``); one that names an order on a scale word ("tens of thousands of
households") may be a level, and vague money keeps its level. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2022, 5, 17)


def _observed(text: str, lang: str = "en") -> dict[Decimal, str]:
    found = extract_text(text, lang=lang, published=PUBLISHED, source="<text>")
    assert any(f.value in (100, 1000, 10000) for f in found.figures), "the vague figure is read"
    return {o.value: o.indicator for o in found.observations}


def test_hundreds_of_students_is_a_figure_only() -> None:
    text = ("Loans reach the uplands\n"
            "In 2021 the branch of VBSP in Yen Bai lent VND 810 billion, "
            "helping hundreds of students stay in school and 2,350 workers find jobs.\n")
    found = _observed(text)
    assert Decimal(100) not in found
    assert found[Decimal(2_350)] == "jobs_created"


def test_thousands_of_houses_is_a_figure_only_in_vietnamese_too() -> None:
    text = ("Vốn vay về bản\n"
            "Năm 2021, Chi nhánh NHCSXH tỉnh Yên Bái đã giúp xây dựng hàng nghìn căn nhà cho hộ nghèo.\n")
    assert Decimal(1000) not in _observed(text, lang="vi")


def test_tens_of_thousands_of_households_stays_a_level() -> None:
    text = ("Loans reach the uplands\n"
            "Since 2012, loans of VBSP in Yen Bai have helped tens of "
            "thousands of households escape poverty.\n")
    assert _observed(text)[Decimal(10_000)] == "households_escaped_poverty"


def test_millions_in_a_provinces_report_are_no_level_of_the_province() -> None:
    # rules/linking.yaml vague_orders: millions are the whole country's, in general words
    for lang, text in (
            ("en", "Loans reach the uplands\nBy the end of 2021, outstanding loans of the VBSP branch in "
                   "Yen Bai reached VND 4,900 billion. Over two decades policy credit has helped "
                   "millions of households escape poverty.\n"),
            ("vi", "Vốn vay về bản\nĐến cuối năm 2021, dư nợ tại Chi nhánh NHCSXH tỉnh Yên Bái đạt "
                   "4.900 tỷ đồng. Hai mươi năm qua, nhờ nguồn vốn ưu đãi, hàng triệu hộ "
                   "đã thoát nghèo.\n")):
        found = extract_text(text, lang=lang, published=PUBLISHED, source="<text>")  # type: ignore[arg-type]
        assert any(f.value == 1_000_000 for f in found.figures), "the vague figure is read"
        assert {o.value for o in found.observations} == {Decimal(4_900_000_000_000)}
