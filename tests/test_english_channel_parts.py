"""English names all the unions the bank entrusts its loans to together as "organizations and
unions": the balance entrusted through them is their channel's part, beside the branch's own
total. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2023, 10, 12)

REPORT = (
    "Credit for the coast\n"
    "At the end of September the office had VND 4,460 billion in outstanding loans, and its "
    "outstanding balance entrusted through {unions} stood at VND 4,390 billion.\n"
)


@pytest.mark.parametrize("unions", ["organizations and unions", "the organisations and unions"])
def test_the_balance_entrusted_through_organisations_and_unions_is_a_channel_part(unions: str) -> None:
    found = {o.value: o for o in extract_text(REPORT.format(unions=unions), lang="en",
                                             published=PUBLISHED).observations}
    whole, entrusted = found[Decimal(4_460_000_000_000)], found[Decimal(4_390_000_000_000)]
    assert whole.part_of is None
    assert entrusted.indicator == "outstanding_loans"
    assert entrusted.part_of == "channel", entrusted.rules


def test_organisations_and_unions_named_apart_from_the_balance_leave_it_the_total() -> None:
    text = ("Credit for the coast\n"
            "Outstanding loans of the office came to VND 4,460 billion at the end of September, while "
            "organizations and unions checked how the borrowers used them.\n")
    found = {o.value: o for o in extract_text(text, lang="en", published=PUBLISHED).observations}
    assert found[Decimal(4_460_000_000_000)].part_of is None
