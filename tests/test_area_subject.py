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
