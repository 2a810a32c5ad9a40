"""English stories whose subject is one district, commune or district office: a lead that names
the area with its province after it ("X district of <province>", "X district, <province>
province") reports the area, as one naming the province in brackets does; a figure whose own
sentence names another district's office is that office's. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from extractor.pipeline import extract_text

PUBLISHED = dt.date(2024, 11, 5)


def _by_value(text: str) -> dict[Decimal, Observation]:
    found = extract_text(text, lang="en", published=PUBLISHED).observations
    return {o.value: o for o in found}


@pytest.mark.parametrize("seat", ["Con Cuong district of Nghe An", "Con Cuong district, Nghe An province,",
                                  "Con Cuong district in Nghe An"])
def test_a_lead_naming_an_area_and_where_it_lies_reports_the_area(seat: str) -> None:
    text = (f"Over the past year, {seat} has helped some 1,900 families reach policy loans.\n"
            "Credit has been a lever for poverty reduction in the mountain district.\n"
            "By the end of September 2024, outstanding loans had reached 615 billion VND.\n")
    loans = _by_value(text)[Decimal(615_000_000_000)]
    assert loans.province == "Nghệ An"
    assert (loans.part_of, loans.part) == ("area", "Con Cuong"), loans.rules


def test_a_lead_naming_the_province_first_stays_the_provinces_report() -> None:
    text = ("Over the past year, Nghe An has lent to many families in Con Cuong district.\n"
            "By the end of September 2024, outstanding loans had reached 13,400 billion VND.\n")
    loans = _by_value(text)[Decimal(13_400_000_000_000)]
    assert loans.province == "Nghệ An" and loans.part_of is None, loans.rules


def test_an_office_named_in_the_figures_sentence_reports_it_in_a_districts_story() -> None:
    text = ("Credit news\n"
            "The Con Cuong Social Policy Bank Transaction Office has kept all its communal points open.\n"
            "Its outstanding loans reached 615 billion VND by the end of September 2024.\n"
            "Next door, the Anh Son Social Policy Bank Transaction Office had total capital of 520 billion VND.\n")
    found = _by_value(text)
    assert found[Decimal(615_000_000_000)].part == "Con Cuong"
    capital = found[Decimal(520_000_000_000)]
    assert (capital.part_of, capital.part) == ("area", "Anh Son"), capital.rules


def test_a_ward_is_an_area_and_its_paragraph_goes_on_with_it() -> None:
    """A ward names an area as a commune does; the sentences after the one that opens the
    paragraph on it go on with the ward's figures of other indicators."""
    text = ("Credit news\n"
            "In 2024, the VBSP Vinh Long branch kept lending to poor families across the province.\n"
            "In 2024, Tan Ngai ward mobilised VND 18.4 billion in capital. Loan turnover came to "
            "VND 52.6 billion. Overdue debt stood at VND 0.3 billion. Across the whole province, "
            "outstanding loans reached VND 9,800 billion.\n")
    found = _by_value(text)
    assert found[Decimal(9_800_000_000_000)].part_of is None  # the province's own total
    for value in (18_400_000_000, 52_600_000_000, 300_000_000):
        obs = found[Decimal(value)]
        assert (obs.part_of, obs.part) == ("area", "Tan Ngai"), (value, obs.rules)


def test_a_provincial_branch_named_after_its_province_keeps_a_lead_residence_no_subject() -> None:
    """A lead naming where a borrower lives, in a text whose branch is named after its province
    ("the Social Policy Bank, <province> branch"), is the branch's report, no ward's."""
    text = ("Homes for workers\n"
            "In June 2024, the family of Ms. Le Thi Hoa moved into a flat at a new block, Bai Chay ward.\n"
            "She said the loan mattered most.\n"
            "Under the decree, the Social Policy Bank, Quang Ninh branch, has lent VND 640 billion "
            "for social housing.\n")
    loans = _by_value(text)[Decimal(640_000_000_000)]
    assert loans.province == "Quảng Ninh" and loans.part_of != "area", loans.rules


def test_a_district_named_alone_as_a_sentences_subject_owns_its_figures() -> None:
    """After a province's total, a sentence opening on a district's bare name ("Yen Thanh
    leads, with …") gives that district's figures; the name must be a district of the province
    the text names."""
    text = ("Credit news\n"
            "By the end of 2024, outstanding loans in Nghe An reached VND 14,200 billion.\n"
            "Yen Thanh leads the province, with VND 1,150 billion in outstanding loans. "
            "Quynh Luu comes next, its outstanding loans at VND 980 billion.\n")
    found = _by_value(text)
    assert found[Decimal(14_200_000_000_000)].part_of is None
    assert (found[Decimal(1_150_000_000_000)].part_of, found[Decimal(1_150_000_000_000)].part) == ("area", "Yen Thanh")
    assert (found[Decimal(980_000_000_000)].part_of, found[Decimal(980_000_000_000)].part) == ("area", "Quynh Luu")


def test_a_sentence_opening_on_a_persons_name_names_no_district() -> None:
    text = ("Credit news\n"
            "By the end of 2024, outstanding loans in Nghe An reached VND 14,200 billion.\n"
            "Tran Hung said outstanding loans rose to VND 14,900 billion this year.\n")
    found = _by_value(text)
    assert found[Decimal(14_900_000_000_000)].part_of is None
