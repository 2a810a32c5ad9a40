"""English reports that never name their province: a district office quoted at the end and a
commune of the same province (one bearing an old district's name, as many do since the 2025
map) tell the province together; the figures stated before the district is ever named are the
province's, not the district's; a related-article line above the report dates none of them.
Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 11, 5)

REPORT = ("• In 2023, hill farmers borrowed 310 billion VND to start new trades\n"
          "  • Savings groups meet in the hill villages\n\n"
          "The bank reports outstanding loans of 8,460 billion VND in the area so far, held by some "
          "196,000 borrowers. Lending turnover over the period comes to 735 billion VND.\n\n"
          "Families in {commune} commune use their loans to plant pepper.\n\n"
          "Mr. Tran Van Binh works at the Krong Bong Social Policy Bank Transaction Office. \"Entrusted "
          "capital from the district budget now tops 6.45 billion VND,\" he says.\n")


def _by_value(commune: str) -> dict[Decimal, Observation]:
    return observations_by_value(REPORT.format(commune=commune), lang="en", published=PUBLISHED)


def test_a_commune_named_as_a_district_of_the_offices_province_backs_it() -> None:
    found = _by_value("Ea Kar")  # a district's name in Đắk Lắk, as is Krong Bong
    loans = found[Decimal(8_460_000_000_000)]
    assert (loans.province, loans.part_of) == ("Đắk Lắk", None), loans.rules
    office = found[Decimal(6_450_000_000)]
    assert (office.province, office.part_of, office.part) == ("Đắk Lắk", "area", "Krong Bong"), office.rules


def test_a_commune_of_another_provinces_district_name_backs_nothing() -> None:
    found = _by_value("Thanh Chuong")  # a district's name in Nghệ An
    assert found[Decimal(8_460_000_000_000)].province is None


def test_a_commune_named_as_the_offices_own_district_is_no_second_place() -> None:
    # "Krong Bong commune" beside the Krong Bong office names one place twice: the office alone
    # tells no province, as a commune of another province's district name tells none.
    found = _by_value("Krong Bong")
    assert found[Decimal(8_460_000_000_000)].province is None


def test_a_related_article_line_dates_none_of_the_reports_figures() -> None:
    lending = _by_value("Ea Kar")[Decimal(735_000_000_000)]
    assert lending.period_start is None or lending.period_start.year != 2023, lending.rules
    assert lending.period_end == PUBLISHED, lending.rules
