"""Vietnamese reports of one province: the branch's whole network ("toàn hệ thống" after the
provincial branch in its sentence) is the province's, not the whole bank's; and a list whose
colon follows words announcing examples ("… như:") may be opened by the clause's subject, so its
items are parts of that kind. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2015, 4, 17)
HEAD = "Vốn chính sách đến với hộ nghèo Hà Tĩnh\nPV\n"


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(HEAD + text, lang="vi", published=PUBLISHED)


def test_the_branchs_whole_network_is_the_provinces() -> None:
    found = _by_value("Theo Chi nhánh NHCSXH tỉnh Hà Tĩnh, quý I năm 2015, toàn hệ thống cho vay được "
                      "418,7 tỷ đồng tới 9.870 hộ vay.\n")
    lent = found[Decimal("418700000000")]
    assert (lent.indicator, lent.province) == ("lending_turnover", "Hà Tĩnh"), lent.rules


def test_the_whole_network_after_a_figure_of_the_branch_is_the_banks() -> None:
    found = _by_value("Chi nhánh NHCSXH tỉnh Hà Tĩnh có dư nợ 9.350 tỷ đồng; toàn hệ thống thì có dư nợ "
                      "trên 345.000 tỷ đồng.\n")
    assert found[Decimal("345000000000000")].province == "national"
    assert found[Decimal("9350000000000")].province == "Hà Tĩnh"


def test_localities_listed_after_examples_words_are_area_parts() -> None:
    found = _by_value("Quý I năm 2015, doanh số cho vay đạt 418,7 tỷ đồng. Nhiều địa phương trong tỉnh "
                      "cho vay nhanh từ những tuần đầu năm như: Kỳ Anh đạt 41,3 tỷ đồng; Hương Khê đạt 38,9 tỷ "
                      "đồng; Can Lộc đạt 27,1 tỷ đồng.\n")
    for value, name in (("41300000000", "Kỳ Anh"), ("38900000000", "Hương Khê"), ("27100000000", "Can Lộc")):
        item = found[Decimal(value)]
        assert (item.indicator, item.part_of, item.part) == ("lending_turnover", "area", name), item.rules
    assert found[Decimal("418700000000")].part_of is None
