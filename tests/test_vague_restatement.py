"""A vague amount beside an exact one of the same fact is that fact said again
(corpus/gold/GUIDELINES.md: a fact stated again in a document is one observation), so the linker
keeps the exact one (extractor/link/observe.py); out of the vague amount's reach it is a fact of
its own.

Sentences written for these tests, in the shape outlets use.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2025, 10, 26)


@pytest.mark.parametrize(("text", "lang", "kept"), [
    # A headline's "thousands of families" restates the body's 4,350 households.
    ("Policy loans lift thousands of poor families in Nghe An out of poverty\n\n"
     "Over ten years, loans lifted 4,350 poor households in Nghe An out of poverty.", "en", [4350]),
    ("Vốn vay giúp hàng nghìn hộ ở Nghệ An thoát nghèo\n\n"
     "Mười năm qua, vốn vay đã giúp 2.150 hộ ở Nghệ An thoát nghèo.", "vi", [2150]),
    # 120 households lie below "tens of thousands": two facts.
    ("Policy loans lift tens of thousands of poor families in Nghe An out of poverty\n\n"
     "Over ten years, loans lifted 120 poor households in Nghe An out of poverty.", "en", [120, 10000]),
    # "thousands" alone says many, no level of its own (rules/linking.yaml vague_orders): one fact.
    ("Policy loans lift thousands of poor families in Nghe An out of poverty\n\n"
     "Over ten years, loans lifted 120 poor households in Nghe An out of poverty.", "en", [120]),
], ids=["headline-en", "headline-vi", "out-of-reach", "no-order-word"])
def test_a_vague_amount_restating_an_exact_one_is_one_fact(text: str, lang: str, kept: list[int]) -> None:
    ex = extract_text(text, lang=lang, published=PUBLISHED)
    found = sorted(o.value for o in ex.observations if o.indicator == "households_escaped_poverty")
    assert found == [Decimal(v) for v in kept]
