"""A breakdown's later items named by their own words: "Trong đó, dư nợ cho vay hộ nghèo 620 tỷ
đồng, hộ cận nghèo 710 tỷ đồng" lists two programmes, and the second item, parted from the first
by a comma or a joining word and naming no part cue of its own, is the programme its words name,
not the first item's (``parts._sibling_item``). An item that opens its clause with its figure
after its name ("…; near-poor households, VND 710 billion") is named by the words before it, past
a joining word ("and students"). Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2025, 10, 15)
HEADS = {"en": "Policy credit in Ha Tinh\nBy a reporter\n", "vi": "Tín dụng chính sách ở Hà Tĩnh\nPV\n"}
BN = 1_000_000_000


def _by_value(text: str, lang: str) -> dict[Decimal, Observation]:
    return observations_by_value(HEADS[lang] + text, lang=lang, published=PUBLISHED)


@pytest.mark.parametrize(("text", "lang", "parts"), [
    ("Tổng dư nợ đạt 8.500 tỷ đồng. Trong đó, dư nợ cho vay hộ nghèo 620 tỷ đồng, hộ cận nghèo 710 tỷ "
     "đồng, hộ mới thoát nghèo 450 tỷ đồng.", "vi",
     {620: "cho vay hộ nghèo", 710: "hộ cận nghèo", 450: "hộ mới thoát nghèo"}),
    # Joined by "và", the item takes the first item's cue for its indicator, but names its own part.
    ("Tổng dư nợ đạt 8.500 tỷ đồng, trong đó dư nợ cho vay hộ nghèo đạt 620 tỷ đồng và hộ cận nghèo "
     "đạt 710 tỷ đồng.", "vi", {620: "cho vay hộ nghèo", 710: "hộ cận nghèo"}),
    # An item naming its own programme by a cue keeps it; a later one with none names its own.
    ("Tổng dư nợ đạt 8.500 tỷ đồng, trong đó cho vay hộ nghèo 620 tỷ đồng, cho vay hộ cận nghèo 710 tỷ "
     "đồng, học sinh sinh viên 450 tỷ đồng.", "vi",
     {620: "cho vay hộ nghèo", 710: "cho vay hộ cận nghèo", 450: "học sinh sinh viên"}),
    ("Outstanding loans reached VND 8,500 billion. Of this, loans for poor households accounted for VND "
     "620 billion, near-poor households VND 710 billion and newly escaped poor households VND 450 billion.",
     "en", {620: "loans for poor households", 710: "near-poor households", 450: "newly escaped poor households"}),
    ("Outstanding loans reached VND 8,500 billion, of which outstanding loans for poor households were VND "
     "620 billion and near-poor households VND 710 billion.", "en",
     {620: "loans for poor households", 710: "near-poor households"}),
    # Semicolons part the items; a name before its figure's comma and one after "and" are the item's.
    ("Outstanding loans reached VND 8,500 billion, of which loans for poor households were VND 620 billion; "
     "near-poor households, VND 710 billion; and poor students, VND 450 billion.", "en",
     {620: "loans for poor households", 710: "near-poor households", 450: "poor students"}),
])
def test_a_later_item_of_a_breakdown_is_the_programme_its_own_words_name(
        text: str, lang: str, parts: dict[int, str]) -> None:
    found = _by_value(text, lang)
    total = found[Decimal(8_500 * BN)]
    assert (total.indicator, total.part_of) == ("outstanding_loans", None), total.rules
    for value, name in parts.items():
        item = found[Decimal(value * BN)]
        assert (item.indicator, item.part_of, item.part) == ("outstanding_loans", "programme", name), item.rules


@pytest.mark.parametrize(("text", "lang", "value"), [
    # The words after the first item date its figure: the same programme a year before, no sibling.
    ("Tổng dư nợ đạt 8.500 tỷ đồng, trong đó dư nợ cho vay hộ nghèo 620 tỷ đồng, năm 2024 là 580 tỷ đồng.",
     "vi", 580),
    # No breakdown word: a list of a sentence's own figures, not items of a total.
    ("Dư nợ cho vay hộ nghèo đạt 620 tỷ đồng, hộ cận nghèo 710 tỷ đồng.", "vi", 710),
])
def test_an_item_with_a_date_or_no_breakdown_names_no_sibling(text: str, lang: str, value: int) -> None:
    found = _by_value(text, lang)
    item = found.get(Decimal(value * BN))
    assert item is None or not (item.rules.get("part") or "").endswith("+sibling"), item.rules


def test_a_change_after_an_item_is_no_sibling() -> None:
    found = _by_value("Outstanding loans reached VND 8,500 billion, of which loans for poor households were VND "
                      "620 billion, up VND 40 billion from the start of the year.", "en")
    assert Decimal(40 * BN) not in found
    assert found[Decimal(620 * BN)].part == "loans for poor households"


@pytest.mark.parametrize(("text", "lang", "indicator"), [
    ("Tổng dư nợ đạt 21.300 tỷ đồng. Dư nợ cho vay hộ nghèo và cho vay hộ cận nghèo lần lượt đạt 2.600 tỷ đồng "
     "và 2.500 tỷ đồng.", "vi", "outstanding_loans"),
    ("Outstanding loans reached VND 21,300 billion. Loans for poor households and loans for near-poor households "
     "stood at VND 2,600 billion and VND 2,500 billion, respectively.", "en", "outstanding_loans"),
])
def test_a_respectively_list_of_programmes_gives_each_figure_its_programme(
        text: str, lang: str, indicator: str) -> None:
    found = _by_value(text, lang)
    first, second = found[Decimal(2_600 * BN)], found[Decimal(2_500 * BN)]
    assert (first.indicator, first.part_of) == (indicator, "programme"), first.rules
    assert (second.indicator, second.part_of) == (indicator, "programme"), second.rules
    # "cho vay" inside the second name names the programme: "Dư nợ" says what both measure.
    near = "cận nghèo" if lang == "vi" else "near-poor"
    assert near in (second.part or "") and near not in (first.part or ""), (first.part, second.part)


def test_a_kind_of_household_listed_after_others_keeps_the_breakdown_s_indicator() -> None:
    """ "hộ mới thoát nghèo" names a kind of borrower in a list of kinds: its "thoát nghèo" is no
    cue of households escaping poverty there (``indicator._kind_listed``)."""
    found = _by_value("Đến nay, toàn tỉnh có 152.300 khách hàng còn dư nợ; trong đó, 21.400 hộ nghèo, 18.200 hộ "
                      "cận nghèo và 9.600 hộ mới thoát nghèo.", "vi")
    for value in (21_400, 18_200, 9_600):
        item = found[Decimal(value)]
        assert (item.indicator, item.part_of) == ("borrowers_outstanding", "programme"), item.rules
    # Outside such a list the words keep their cue: households that escaped poverty.
    escaped = _by_value("Năm 2025, vốn vay giúp 3.000 hộ thoát nghèo; trong đó 1.200 hộ nghèo và 900 hộ mới thoát "
                        "nghèo.", "vi")
    assert escaped[Decimal(900)].indicator == "households_escaped_poverty"
    assert _by_value("Năm nay có 9.600 hộ mới thoát nghèo.", "vi")[Decimal(9_600)].indicator == (
        "households_escaped_poverty")


@pytest.mark.parametrize(("text", "lang"), [
    ("By June 30, 2025, outstanding loans in Thanh Hoa, Nghe An and Ha Tinh were VND 15,200 billion, VND 13,900 "
     "billion and VND 8,100 billion, respectively.", "en"),
    ("Đến 30/6/2025, dư nợ tại Thanh Hóa, Nghệ An và Hà Tĩnh lần lượt đạt 15.200 tỷ đồng, 13.900 tỷ đồng và 8.100 "
     "tỷ đồng.", "vi"),
])
def test_a_respectively_list_of_provinces_gives_each_figure_its_province(text: str, lang: str) -> None:
    found = _by_value(text, lang)
    for value, province in ((15_200, "Thanh Hóa"), (13_900, "Nghệ An"), (8_100, "Hà Tĩnh")):
        level = found[Decimal(value * BN)]
        assert (level.indicator, level.province, level.as_of) == (
            "outstanding_loans", province, dt.date(2025, 6, 30)), level.rules
