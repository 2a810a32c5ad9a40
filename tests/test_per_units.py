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
from extractor.registry.bundle import bundled

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


# A conjunction inside the amount's own noun phrase keeps its per-unit (only a stop word's new
# subject ends it: ``per_unit_stops``).
@pytest.mark.parametrize(("lang", "text"), [
    ("vi", "Đến 30/6/2023, dư nợ bình quân mỗi hộ nghèo và hộ mới thoát nghèo đạt 47 triệu đồng."),
    ("en", "At mid-2023 the average loan per household for farming and trade was VND 46 million."),
])
def test_a_conjunction_in_the_amounts_noun_phrase_keeps_its_per_unit(lang: str, text: str) -> None:
    figures = extract_text(text, lang=lang, published=PUBLISHED, link=False).figures  # type: ignore[arg-type]
    assert [f.unit for f in figures if f.kind == "money"] == ["VND/household"]


# Each word of ``per_unit_stops``: (language, stop, a sentence where it stands between the per-unit
# and the amount, whose amount so has none, and one where it stands before the per-unit, which
# stays the amount's, with that unit).
STOPS = [
    ("vi", "tổng", "Hỗ trợ mỗi hộ vay với tổng số tiền 410 tỷ đồng.",
     "Tổng dư nợ bình quân mỗi hộ đạt 39 triệu đồng.", "VND/household"),
    ("vi", "trong khi", "Thu nhập bình quân đầu người tăng trong khi dư nợ đạt 2.710 tỷ đồng.",
     "Thu nhập tăng trong khi dư nợ bình quân mỗi hộ đạt 44 triệu đồng.", "VND/household"),
    ("vi", "nhưng", "Mỗi xã đều có tổ vay vốn nhưng dư nợ cả tỉnh chỉ đạt 1.930 tỷ đồng.",
     "Nguồn vốn có hạn nhưng dư nợ bình quân mỗi hộ vẫn đạt 41 triệu đồng.", "VND/household"),
    ("vi", "đồng thời", "Thu nhập bình quân đầu người tăng đồng thời nguồn vốn đạt 3.150 tỷ đồng.",
     "Đồng thời dư nợ bình quân mỗi hộ đạt 43 triệu đồng.", "VND/household"),
    ("vi", "và dư nợ", "Thu nhập bình quân đầu người tăng khá và dư nợ toàn tỉnh đạt 4.260 tỷ đồng.",
     "Thu nhập tăng và dư nợ bình quân mỗi hộ đạt 46 triệu đồng.", "VND/household"),
    ("vi", "và nguồn vốn", "Mỗi xã có một điểm giao dịch và nguồn vốn đạt 2.380 tỷ đồng.",
     "Thu nhập tăng và nguồn vốn bình quân mỗi xã đạt 17 tỷ đồng.", "VND/commune"),
    ("vi", "và doanh số", "Thu nhập bình quân đầu người tăng và doanh số cho vay đạt 960 tỷ đồng.",
     "Nợ giảm và doanh số cho vay bình quân mỗi hộ đạt 48 triệu đồng.", "VND/household"),
    ("vi", "và nợ", "Thu nhập bình quân đầu người tăng và nợ quá hạn chỉ còn 3 tỷ đồng.",
     "Vốn tăng và nợ bình quân mỗi hộ là 38 triệu đồng.", "VND/household"),
    ("vi", "và vốn", "Mỗi thôn có tổ vay vốn và vốn ủy thác đạt 140 tỷ đồng.",
     "Thu nhập tăng và vốn vay bình quân mỗi hộ đạt 49 triệu đồng.", "VND/household"),
    ("vi", "và chi nhánh", "Thu nhập bình quân đầu người tăng và chi nhánh giải ngân 870 tỷ đồng.",
     "Thu nhập tăng và chi nhánh cho vay bình quân mỗi hộ 42 triệu đồng.", "VND/household"),
    ("vi", "và ngân hàng", "Thu nhập bình quân đầu người tăng và ngân hàng giải ngân 640 tỷ đồng.",
     "Hộ vay tăng và ngân hàng cho vay bình quân mỗi hộ 45 triệu đồng.", "VND/household"),
    ("vi", "và phòng giao dịch", "Mỗi xã có tổ vay vốn và phòng giao dịch giải ngân 75 tỷ đồng.",
     "Hộ vay tăng và phòng giao dịch cho vay bình quân mỗi hộ 40 triệu đồng.", "VND/household"),
    ("en", "total", "Per borrower the total disbursed came to VND 8 billion.",
     "The total average loan per household was VND 51 million.", "VND/household"),
    ("en", "while", "Income per capita rose while lending reached VND 2,300 billion.",
     "Lending slowed while the average loan per household reached VND 48 million.", "VND/household"),
    ("en", "whereas", "Income per capita rose whereas deposits reached VND 450 billion.",
     "Deposits fell whereas the average loan per household rose to VND 49 million.", "VND/household"),
    ("en", "but", "Income per capita rose but deposits reached VND 450 billion.",
     "Deposits fell but the average loan per household reached VND 47 million.", "VND/household"),
    ("en", "meanwhile", "Income per capita rose meanwhile deposits reached VND 450 billion.",
     "Meanwhile the average loan per household reached VND 47 million.", "VND/household"),
    ("en", "and loans", "Each commune has a transaction point and loans reached VND 5,100 billion.",
     "Deposits rose and loans per household averaged VND 44 million.", "VND/household"),
    ("en", "and outstanding", "Income per capita rose and outstanding loans reached VND 3,700 billion.",
     "Deposits rose and outstanding loans per household averaged VND 44 million.", "VND/household"),
    ("en", "and capital", "Income per capita rose and capital reached VND 3,700 billion.",
     "Deposits rose and capital per commune averaged VND 16 billion.", "VND/commune"),
    ("en", "and lending", "Income per capita rose and lending reached VND 900 billion.",
     "Deposits rose and lending per household averaged VND 43 million.", "VND/household"),
    ("en", "and disbursement", "Income per capita rose and disbursement reached VND 900 billion.",
     "Deposits rose and disbursement per household averaged VND 43 million.", "VND/household"),
    ("en", "and the branch", "Income per capita rose and the branch's loans reached VND 3,300 billion.",
     "Deposits rose and the branch's loan per household averaged VND 41 million.", "VND/household"),
    ("en", "and the bank", "Income per capita rose and the bank lent VND 700 billion.",
     "Deposits rose and the bank's loan per household averaged VND 41 million.", "VND/household"),
    ("en", "and the office", "Income per capita rose and the office lent VND 90 billion.",
     "Deposits rose and the office's loan per household averaged VND 39 million.", "VND/household"),
]


def _money_units(text: str, lang: str) -> list[str]:
    figures = extract_text(text, lang=lang, published=PUBLISHED, link=False).figures  # type: ignore[arg-type]
    return [f.unit for f in figures if f.kind == "money"]


@pytest.mark.parametrize(("lang", "stop", "ends", "keeps", "unit"), STOPS, ids=[f"{s[0]}:{s[1]}" for s in STOPS])
def test_each_stop_ends_a_per_unit_before_it_only(lang: str, stop: str, ends: str, keeps: str, unit: str) -> None:
    assert stop in ends.lower() and stop in keeps.lower()
    assert _money_units(ends, lang) == ["VND"]
    assert _money_units(keeps, lang) == [unit]


def test_every_stop_has_examples() -> None:
    listed = {(lang, stop) for lang in ("en", "vi") for stop in bundled().ruleset(lang).lexicon.per_unit_stops}
    assert listed == {(s[0], s[1]) for s in STOPS}
