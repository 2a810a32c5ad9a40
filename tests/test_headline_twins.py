"""A headline's count that the body states again with the same value under another noun is one
fact (``observe.without_headline_twins``); a headline count of another value stays its own.
Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2024, 7, 9)
BODY = ("From January to June 2024 the provincial Bank for Social Policies lent VND 295 billion to "
        "more than 8,415 borrowers, most of them near-poor families and students.\n")


@pytest.mark.parametrize(("headline", "expected"), [
    # The same count under another noun: the body's, once.
    ("In six months, more than 8,415 needy households accessed policy loans", [Decimal(8_415)]),
    # Another value: the headline's own figure stays beside the body's.
    ("In six months, more than 7,960 needy households accessed policy loans", [Decimal(7_960), Decimal(8_415)]),
])
def test_a_headline_count_the_body_restates_under_another_noun_is_one_fact(
        headline: str, expected: list[Decimal]) -> None:
    ex = extract_text(f"{headline}\n\n{BODY}", lang="en", published=PUBLISHED, source="https://baohatinh.vn/x.html")
    found = sorted(o.value for o in ex.observations if o.indicator == "borrowers_reached")
    assert found == expected, ex.observations
