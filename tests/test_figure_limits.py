"""Figures the extractor leaves out rather than report wrong: a number the end of the text may
have cut ("… reached nearly VND 7," closing an excerpt), and a count past the lexicon's
``plausible_max`` (more than the country's people). Each leaves a warning.

Sentences written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2025, 10, 26)

# (language, text, the values of its figures)
CASES = [
    ("en", "The fund entrusted to the bank reached nearly VND 7,", []),
    ("en", "The fund entrusted to the bank reached nearly VND 7", []),
    # a full stop after the digits ends a sentence: whole
    ("en", "Two offices opened, raising the number of transaction points to 173.", [173]),
    # whole figures that close a text are kept
    ("en", "The fund entrusted to the bank reached VND 7 billion.", [7_000_000_000]),
    ("vi", "Nguồn vốn ủy thác đạt 7 tỷ đồng", [7_000_000_000]),
    ("en", "Lending reached 640 households", [640]),
    # a count past the plausible maximum is no figure; the same count without the slip is
    ("en", "Nearly 35,000 million poor households got loans.", []),
    ("en", "Nearly 35,000 poor households got loans.", [35_000]),
    ("vi", "Có 35.000 triệu hộ nghèo được vay vốn.", []),
]


@pytest.mark.parametrize(("lang", "text", "values"), CASES, ids=[c[1][:48] for c in CASES])
def test_figures_left_out(lang: str, text: str, values: list[int]) -> None:
    ex = extract_text(text, lang=lang, published=PUBLISHED, link=False)  # type: ignore[arg-type]
    assert [f.value for f in ex.figures] == values
    if not values:
        assert any("figure skipped" in w for w in ex.warnings)
