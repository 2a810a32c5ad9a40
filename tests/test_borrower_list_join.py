"""A count's list of borrowers goes on over its last kind joined by "and" after a comma ("…,
policy households, and newly escaped from poverty households borrowed …"): the cue after the list
governs the count, and the words of that last kind name whom it counts, not households that left
poverty (``context._more_borrowers``, ``indicator._names_borrowers``). Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.pipeline import extract_text

HEAD = "Gia Lai policy credit\nBy the end of May 2026, outstanding loans reached VND 6,240 billion. "


@pytest.mark.parametrize("listed", [
    "near-poor households, policy households, and newly escaped from poverty households",
    "poor households, policy households and newly escaped from poverty households",
    "poor households, and near-poor households",
])
def test_the_cue_after_a_list_ending_with_and_governs_the_count(listed: str) -> None:
    text = HEAD + f"The capital let 3,275 {listed} borrow capital to raise pigs.\n"
    found = {o.value: o for o in extract_text(text, lang="en", published=dt.date(2026, 6, 10)).observations}
    assert found[Decimal(3275)].indicator == "borrowers_reached"


def test_a_clause_after_the_count_that_is_no_kind_of_borrower_ends_the_list() -> None:
    text = HEAD + "The capital let 3,275 poor households, and the commune itself, borrow capital to raise pigs.\n"
    found = {o.value: o for o in extract_text(text, lang="en", published=dt.date(2026, 6, 10)).observations}
    assert Decimal(3275) not in found
