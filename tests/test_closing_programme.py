"""English may name the programme a sentence's lending falls under in the sentence's closing
clause, after the figures (", under Decree No. 28 on …"): a numbered programme qualifies every
flow before it (``parts._trailing_programme``), unless a closing clause states a figure of its own;
a resolution named by no number, or a stock, keeps its clause's part. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2023, 5, 3)


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="en", published=PUBLISHED)


def test_a_closing_clause_naming_a_numbered_programme_makes_the_sentences_flows_its_parts() -> None:
    text = ("Wage loans in the north\n"
            "The office lent some VND 41.7 billion to about 520 borrowers by the end of March, in "
            "accordance with Resolution 15/NQ-CP on keeping workers in their jobs.\n")
    found = _by_value(text)
    for value in (Decimal(41_700_000_000), Decimal(520)):
        assert found[value].part_of == "programme", found[value].rules


def test_a_closing_clause_with_a_figure_of_its_own_leaves_the_first_the_total() -> None:
    text = ("Wage loans in the north\n"
            "Over the year the office lent VND 7,350 billion, and VND 41 billion of it in accordance "
            "with Resolution No. 15 on jobs.\n")
    assert _by_value(text)[Decimal(7_350_000_000_000)].part_of is None


@pytest.mark.parametrize("sentence", [
    # A council's resolution in general, named by no number: no programme.
    "Over the year the office lent VND 730 billion to 8,100 households, in compliance with the "
    "Resolution of the provincial People's Council on poverty reduction.\n",
    # A stock: the closing clause does not make the whole balance one programme's.
    "Total outstanding loans reached VND 7,300 billion at the end of March, in compliance with "
    "Resolution No. 15 of the Government on jobs.\n",
])
def test_an_unnumbered_resolution_or_a_stock_keeps_the_total(sentence: str) -> None:
    found = _by_value("Wage loans in the north\n" + sentence)
    value = next(v for v in found if v >= 1_000_000_000)
    assert found[value].part_of is None, found[value].rules
