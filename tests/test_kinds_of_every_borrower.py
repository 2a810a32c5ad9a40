"""A count of some kinds of household ("N hộ nghèo, hộ cận nghèo") beside a larger count whose list
ends with every other borrower ("… và các đối tượng chính sách khác") is a share of it
(``observe._some_kinds_of``), but only when the larger was told at least as firmly: a headline
that names its own province is no share of a body count the title placed. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2025, 1, 12)
BODY = ("Năm 2024, chi nhánh đã giải ngân cho 41.500 hộ nghèo, hộ cận nghèo và các đối tượng chính sách "
        "khác vay vốn.")


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="vi", published=PUBLISHED)


def test_some_kinds_in_the_body_are_a_share_of_every_borrower() -> None:
    found = _by_value("Tín dụng chính sách ở Hà Tĩnh\n" + BODY
                      + " Cũng trong năm, chi nhánh giải ngân cho 39.800 hộ nghèo, hộ cận nghèo vay vốn.\n")
    assert found[Decimal(39_800)].part_of == "share"
    assert found[Decimal(41_500)].part_of is None


def test_a_headline_naming_its_province_is_no_share_of_a_body_the_title_placed() -> None:
    found = _by_value("Hơn 38.000 hộ nghèo ở Hà Tĩnh được vay vốn ưu đãi\n" + BODY + "\n")
    assert found[Decimal(38_000)].part_of is None
    assert found[Decimal(41_500)].part_of is None
