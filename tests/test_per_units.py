"""Money per some unit named before the amount: the clause's per-unit (``per_unit_before`` of
rules/<lang>/lexicon.yaml) and the change or comparison right after such an amount
(``per_unit_carry``), which is per the same unit (corpus/gold/GUIDELINES.md: "Money with a
per-unit").

Sentences written for these tests, in the shape outlets use.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text

PUBLISHED = dt.date(2025, 10, 26)

# (language, text, the units of its money figures in text order)
CASES = [
    ("en", "The average outstanding loan per household is VND 47 million.", ["VND/household"]),
    ("en", "Average income per capita in 2022 reached 71.3 million VND.", ["VND/person"]),
    # a change or a comparison of a per-unit amount, right after it, is per that unit too
    ("en", "The average loan per borrower is VND 52 million, an increase of VND 3.5 million on last year.",
     ["VND/borrower", "VND/borrower"]),
    ("en", "Income per capita is estimated at 74 million VND, surpassing the yearly goal of 70 million VND.",
     ["VND/person", "VND/person"]),
    ("vi", "Tổng dư nợ đạt 3.950 tỷ đồng; bình quân dư nợ trên mỗi xã là 18,3 tỷ đồng.", ["VND", "VND/commune"]),
    ("vi", "Thu nhập bình quân đầu người đạt 58 triệu đồng, tăng 5 triệu đồng.", ["VND/person", "VND/person"]),
    # not past a number, a comma or a word of a total
    ("en", "Loans of VND 35 million per household and VND 6 billion in all went out.", ["VND/household", "VND"]),
    ("en", "The fee per loan fell, and the branch lent VND 90 billion.", ["VND"]),
    ("en", "Per household the total lent was VND 12 billion.", ["VND"]),
    ("vi", "Hỗ trợ mỗi hộ nghèo với tổng số tiền 620 tỷ đồng.", ["VND"]),
    ("en", "The rate was 4 per cent and capital reached VND 7 billion.", ["VND"]),
    # nor past a conjunction opening another clause: the per-unit is no longer the amount's
    ("vi", "Tại mỗi xã đều có tổ vay vốn và dư nợ của chi nhánh tỉnh Yên Bái đạt 6.120 tỷ đồng.", ["VND"]),
    ("vi", "Thu nhập bình quân đầu người tăng rõ và dư nợ của chi nhánh đạt 5.480 tỷ đồng.", ["VND"]),
    ("en", "Income per capita rose while loans of the Yen Bai branch reached VND 6,120 billion.", ["VND"]),
    ("en", "Income per capita rose while the average loan per household reached VND 55 million.",
     ["VND/household"]),
    ("vi", "Thu nhập bình quân đầu người tăng lên 64 triệu đồng.", ["VND/person"]),
    # a change after a level of no per-unit stays as it is
    ("en", "Capital reached VND 4,100 billion, an increase of VND 230 billion.", ["VND", "VND"]),
]


@pytest.mark.parametrize(("lang", "text", "units"), CASES, ids=[c[1][:48] for c in CASES])
def test_money_per_unit(lang: str, text: str, units: list[str]) -> None:
    figures = extract_text(text, lang=lang, published=PUBLISHED, link=False).figures  # type: ignore[arg-type]
    money = sorted((f for f in figures if f.kind == "money"), key=lambda f: f.start)
    assert [f.unit for f in money] == units
