"""Vietnamese reports of one province: the branch's whole network ("toàn hệ thống" after the
provincial branch in its sentence) is the province's, not the whole bank's; and a list whose
colon follows words announcing examples ("… như:") may be opened by the clause's subject, so its
items are parts of that kind. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2016, 7, 12)
HEAD = "Hộ nghèo Bình Định tiếp cận vốn ưu đãi\nPV\n"


def _by_value(text: str) -> dict[Decimal, Observation]:
    return observations_by_value(HEAD + text, lang="vi", published=PUBLISHED)


def test_the_branchs_whole_network_is_the_provinces() -> None:
    found = _by_value("Số liệu của Chi nhánh NHCSXH tỉnh Bình Định cho thấy, 6 tháng đầu năm 2016, toàn hệ "
                      "thống đã giải ngân 523,4 tỷ đồng cho 11.260 hộ.\n")
    lent = found[Decimal("523400000000")]
    assert (lent.indicator, lent.province) == ("lending_turnover", "Bình Định"), lent.rules


def test_the_whole_network_after_a_figure_of_the_branch_is_the_banks() -> None:
    found = _by_value("Dư nợ tại Chi nhánh NHCSXH tỉnh Bình Định hiện là 8.740 tỷ đồng, còn dư nợ toàn hệ "
                      "thống đã vượt 290.000 tỷ đồng.\n")
    assert found[Decimal("290000000000000")].province == "national"
    assert found[Decimal("8740000000000")].province == "Bình Định"


def test_localities_listed_after_examples_words_are_area_parts() -> None:
    found = _by_value("Sáu tháng đầu năm 2016, doanh số cho vay đạt 523,4 tỷ đồng. Một số địa phương giải ngân "
                      "sớm ngay trong quý I như: Phù Cát đạt 46,2 tỷ đồng; Tây Sơn đạt 35,8 tỷ đồng; Hoài Nhơn "
                      "đạt 29,5 tỷ đồng.\n")
    for value, name in (("46200000000", "Phù Cát"), ("35800000000", "Tây Sơn"), ("29500000000", "Hoài Nhơn")):
        item = found[Decimal(value)]
        assert (item.indicator, item.part_of, item.part) == ("lending_turnover", "area", name), item.rules
    assert found[Decimal("523400000000")].part_of is None
