"""A programme, channel or group named in the clause of an area's figure is the figure's part
(``parts._narrower``): a district's report lists its programmes, and each programme's amount is
that programme's, in that district (the part's words name both). Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from extractor.pipeline import extract_text
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 7, 10)

VI_DISTRICT = (
    "Vốn chính sách ở huyện Tân Lạc\n"
    "Đến 30/6/2024, tổng dư nợ của Phòng giao dịch NHCSXH huyện Tân Lạc đạt 612 tỷ đồng. "
    "Chương trình cho vay giải quyết việc làm có dư nợ 41 tỷ đồng và 950 khách hàng còn dư nợ; "
    "trong đó 310 hộ DTTS.\n"
)
EN_DISTRICT = (
    "Policy credit in Tan Lac district\n"
    "By the end of June 2024, outstanding loans of the VBSP Tan Lac district transaction office "
    "reached VND 612 billion. Of this, outstanding loans for job creation stood at VND 41 billion.\n"
)


def _by_value(text: str, lang: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang=lang, published=PUBLISHED)


@pytest.mark.parametrize(("text", "lang"), [(VI_DISTRICT, "vi"), (EN_DISTRICT, "en")])
def test_a_programme_of_a_district_is_the_programmes_part(text: str, lang: str) -> None:
    found = _by_value(text, lang)
    whole, programme = found[Decimal(612_000_000_000)], found[Decimal(41_000_000_000)]
    assert whole.part_of == "area"  # the district's own total names no programme
    assert programme.part_of == "programme", programme.rules
    assert programme.part is not None and programme.part.endswith("Tân Lạc" if lang == "vi" else "Tan Lac")
    assert programme.rules["part"].endswith("area:district-document") or "area:" in programme.rules["part"]


def test_the_items_after_a_programme_of_a_district_still_break_it_down() -> None:
    """The programme's borrowers and the group among them: a breakdown of the programme's count
    keeps its item, as it did when the count was the district's."""
    found = _by_value(VI_DISTRICT, "vi")
    assert found[Decimal(950)].part_of == "programme"
    assert found[Decimal(310)].part_of == "group"


def test_a_headline_stating_a_districts_programme_amount_is_one_fact_with_the_body() -> None:
    text = ("Huyện Tân Lạc giải ngân 41 tỷ đồng cho vay giải quyết việc làm\n"
            "Năm 2024, Phòng giao dịch NHCSXH huyện Tân Lạc giải ngân cho vay giải quyết việc làm 41 tỷ đồng.\n")
    found = [o for o in extract_text(text, lang="vi", published=PUBLISHED).observations
             if o.value == Decimal(41_000_000_000)]
    assert len(found) == 1 and found[0].part_of == "programme", [(o.part_of, o.part) for o in found]


VI_UNIONS = (
    "Phòng giao dịch NHCSXH huyện Quế Phong họp giao ban\n"
    "Sáng 12/6, phiên giao dịch tại xã Châu Kim đã giải ngân 2,4 tỷ đồng cho 58 hộ vay vốn.\n"
    "Dư nợ của xã Châu Kim lên 38,5 tỷ đồng, trong đó Đoàn Thanh niên 6,3 tỷ đồng, "
    "Hội Nông dân 11,9 tỷ đồng, Hội Phụ nữ 13,2 tỷ đồng, Hội Cựu chiến binh 7,1 tỷ đồng.\n"
)


def test_each_union_of_a_breakdown_by_union_is_its_own_channel() -> None:
    """A commune's loans broken down by the unions named bare, parted by commas: every item is
    that union's outstanding loans (the first item's union labels none of the others, and the
    lending stated before the breakdown gives none of them its indicator)."""
    found = _by_value(VI_UNIONS, "vi")
    items = {Decimal(13_200_000_000): "Hội Phụ nữ", Decimal(11_900_000_000): "Hội Nông dân",
             Decimal(7_100_000_000): "Hội Cựu chiến binh", Decimal(6_300_000_000): "Đoàn Thanh niên"}
    for value, union in items.items():
        obs = found[value]
        assert (obs.indicator, obs.part_of) == ("outstanding_loans", "channel"), obs.rules
        assert obs.part is not None and obs.part.startswith(union), obs.part


def test_a_districts_amount_and_borrowers_followed_by_their_programme_are_the_programmes() -> None:
    """In a district's report the programme named right after an amount and the borrowers it
    went to makes both that programme's part in the district, as it does in a province's."""
    text = ("Phòng giao dịch NHCSXH huyện Kỳ Sơn sơ kết quý III\n"
            "Từ đầu năm, Phòng giao dịch NHCSXH huyện Kỳ Sơn đã giải ngân 1,9 tỷ đồng cho 26 người "
            "mãn hạn tù để làm ăn.\n")
    found = _by_value(text, "vi")
    for value in (Decimal(1_900_000_000), Decimal(26)):
        obs = found[value]
        assert obs.part_of == "programme", obs.rules
        assert obs.part is not None and obs.part.endswith("Kỳ Sơn"), obs.part


def test_a_union_of_a_comma_list_labels_only_the_figure_it_heads() -> None:
    """In a breakdown by union parted by commas, a union names the figure of its own clause only:
    a later clause of the list (an overdue amount, the whole district's borrowers, a direct loan)
    is no item of the last union, and two unions joined by "và" share their figure."""
    text = ("Phòng giao dịch NHCSXH huyện Thanh Chương tổng kết năm\n"
            "Dư nợ toàn huyện Thanh Chương là 860 tỷ đồng, trong đó Đoàn Thanh niên 95 tỷ đồng, "
            "Hội Cựu chiến binh 170 tỷ đồng, nợ quá hạn còn 0,4 tỷ đồng.\n"
            "Huyện có 212 tổ tiết kiệm và vay vốn, trong đó Hội Phụ nữ 81 tổ, Hội Nông dân 66 tổ, "
            "với 6.340 hộ đang vay vốn.\n"
            "Dư nợ ủy thác là 790 tỷ đồng, trong đó Hội Nông dân huyện và Hội Phụ nữ huyện cùng "
            "quản lý 520 tỷ đồng.\n")
    found = _by_value(text, "vi")
    assert found[Decimal(170_000_000_000)].part == "Hội Cựu chiến binh, Thanh Chương"
    for value in (Decimal(400_000_000), Decimal(6_340), Decimal(520_000_000_000)):
        obs = found[value]
        assert obs.part_of != "channel", (value, obs.part, obs.rules)


def test_the_loans_entrusted_to_all_unions_said_twice_are_one_fact() -> None:
    """The unions' entrusted loans as a whole, named in other words in a later sentence ("qua các
    hội" and plain "dư nợ ủy thác"), are the same fact: one observation."""
    text = ("Tin Nghệ An\n"
            "Hết tháng 6, dư nợ ủy thác qua các tổ chức hội là 3.450 tỷ đồng, bằng 99,2% tổng dư nợ.\n"
            "Hết tháng 6, dư nợ ủy thác là 3.450 tỷ đồng, cao hơn đầu năm 205 tỷ đồng.\n")
    found = [o for o in extract_text(text, lang="vi", published=PUBLISHED).observations
             if o.value == Decimal(3_450_000_000_000)]
    assert len(found) == 1 and found[0].part_of == "channel", [(o.part_of, o.part) for o in found]


def test_loans_entrusted_from_the_local_budget_are_no_unions_channel() -> None:
    """"Ủy thác" of the province's budget (its capital entrusted to the bank) is no channel."""
    text = ("Tin Nghệ An\n"
            "Dư nợ cho vay ủy thác từ ngân sách huyện là 84 tỷ đồng, với 2.150 hộ còn dư nợ.\n")
    obs = _by_value(text, "vi")[Decimal(84_000_000_000)]
    assert obs.part_of != "channel", (obs.part, obs.rules)


def test_a_programme_after_one_amount_does_not_name_an_amount_joined_after_it() -> None:
    """"… 1,5 tỷ đồng cho 22 người mãn hạn tù và 7 tỷ đồng cho …": the programme names whom the
    first amount went to; the amount joined after it by "và" is not that programme's."""
    text = ("Phòng giao dịch NHCSXH huyện Quỳ Hợp sơ kết 6 tháng\n"
            "Từ đầu năm, huyện Quỳ Hợp giải ngân 1,5 tỷ đồng cho 22 người mãn hạn tù và 7 tỷ đồng "
            "cho vay nhà ở.\n")
    found = _by_value(text, "vi")
    assert found[Decimal(1_500_000_000)].part_of == "programme"
    later = found[Decimal(7_000_000_000)]
    assert later.part is None or "mãn hạn tù" not in later.part, (later.part, later.rules)


def test_the_items_of_a_programme_list_in_a_districts_report_are_programme_parts() -> None:
    """A list of programmes after a colon in a district office's report: each item is that
    programme's, in the district (``list_item`` read by ``_narrower``), not the district's total."""
    text = ("Phòng giao dịch NHCSXH huyện Kim Bôi sơ kết quý II\n"
            "Đến 30/6/2024, tổng dư nợ của Phòng giao dịch NHCSXH huyện Kim Bôi đạt 455 tỷ đồng. "
            "Dư nợ tập trung ở các chương trình: hộ nghèo 97 tỷ đồng, giải quyết việc làm 58 tỷ đồng, "
            "nước sạch và vệ sinh môi trường nông thôn 44 tỷ đồng.\n")
    found = _by_value(text, "vi")
    assert found[Decimal(455_000_000_000)].part_of == "area"
    for value in (97, 58, 44):
        item = found[Decimal(value * 1_000_000_000)]
        assert item.part_of == "programme", (value, item.part_of, item.part, item.rules)
        assert item.part is not None and item.part.endswith("Kim Bôi")


def test_the_items_of_a_breakdown_of_a_districts_total_are_its_programmes() -> None:
    """The items after "Trong đó" that break down the district office's own total, each named by
    its programme, are programmes in the district, as the same breakdown of a province's total is
    the province's programmes."""
    text = ("Tín dụng chính sách ở Văn Chấn\n"
            "Phòng giao dịch NHCSXH huyện Văn Chấn cho biết, hết tháng 9/2023, tổng dư nợ của phòng giao dịch "
            "là 705 tỷ đồng, với 14.800 hộ còn dư nợ. Trong đó, cho vay giải quyết việc làm 214 tỷ đồng; "
            "cho vay nhà ở xã hội 27 tỷ đồng; vốn cho hộ mới thoát nghèo gần 96 tỷ đồng.\n")
    found = _by_value(text, "vi")
    assert found[Decimal(705_000_000_000)].part_of == "area"
    for value in (214_000_000_000, 27_000_000_000, 96_000_000_000):
        item = found[Decimal(value)]
        assert item.part_of == "programme", (value, item.rules)
        assert item.part is not None and "Văn Chấn" in item.part


def test_a_funding_source_of_a_districts_total_is_the_sources_part() -> None:
    """A district's loans of one funding source (``source`` of rules/parts.yaml) are a source part
    in the district, not the district's own total nor a programme."""
    text = ("Tín dụng chính sách ở Văn Chấn\n"
            "Hết tháng 9/2023, Phòng giao dịch NHCSXH huyện Văn Chấn có tổng dư nợ 705 tỷ đồng; "
            "riêng dư nợ bằng nguồn vốn cân đối là 652 tỷ đồng.\n")
    balanced = _by_value(text, "vi")[Decimal(652_000_000_000)]
    assert balanced.part_of == "source", balanced.rules
    assert balanced.part is not None and "Văn Chấn" in balanced.part


@pytest.mark.parametrize(("text", "lang"), [
    ("Tin Thanh Hóa\n\nHết tháng 3/2024, dư nợ của Ngân hàng CSXH tỉnh là 6.430 tỷ đồng, được quản lý qua "
     "1.870 tổ tiết kiệm và vay vốn với 88.900 hộ vay.\n", "vi"),
    ("Thanh Hoa news\n\nAt the end of March 2024, the provincial branch's outstanding loans were VND 6,430 "
     "billion, managed through 1,870 savings and loan groups with 88,900 borrowers.\n", "en"),
])
def test_the_borrowers_after_the_groups_an_amount_goes_through_hold_that_amount(text: str, lang: str) -> None:
    """A count of borrowers a pair binder joins on after the groups the loans go through pairs with
    the amount across the groups' count; members of the groups are no borrowers of it."""
    found = _by_value(text, lang)
    assert found[Decimal(88_900)].indicator == "borrowers_outstanding", found[Decimal(88_900)].rules
    members = _by_value(text.replace("hộ vay", "thành viên").replace("borrowers", "members"), lang)
    assert Decimal(88_900) not in members or members[Decimal(88_900)].indicator != "borrowers_outstanding"


def test_the_borrowers_paired_with_a_districts_channel_amount_are_the_channels() -> None:
    text = ("Vốn ủy thác ở huyện Văn Chấn\n"
            "Hết tháng 3/2024, dư nợ Phòng giao dịch NHCSXH huyện Văn Chấn ủy thác qua Hội Phụ nữ đạt "
            "186 tỷ đồng, được quản lý qua 74 tổ tiết kiệm và vay vốn với 4.950 hộ vay.\n")
    found = _by_value(text, "vi")
    loans, borrowers = found[Decimal(186_000_000_000)], found[Decimal(4_950)]
    assert loans.part_of == "channel", loans.rules
    assert (borrowers.indicator, borrowers.part_of, borrowers.part) == ("borrowers_outstanding", "channel", loans.part)


# A programme's name with a comma of its own ("học sinh, sinh viên") cuts the clause of the
# figure after it: the name is still the figure's (``parts._cut_cue_start``); a programme
# named in an earlier clause that ends before the figure's clause is not.
VI_CUT_BY_COMMA = (
    "Tín dụng chính sách ở huyện Mường Lát\n"
    "Đến 30/6/2024, tổng dư nợ của Phòng giao dịch NHCSXH huyện Mường Lát đạt 408 tỷ đồng. "
    "Dư nợ cho vay học sinh, sinh viên là 2 tỷ đồng. "
    "Sau khi rà soát cho vay học sinh, sinh viên, dư nợ quá hạn của phòng là 96 triệu đồng.\n"
)


def test_a_programme_cut_by_its_own_comma_is_the_figures_part() -> None:
    found = _by_value(VI_CUT_BY_COMMA, "vi")
    programme = found[Decimal(2_000_000_000)]
    assert programme.part_of == "programme", programme.rules
    assert programme.rules["part"].startswith("programme:cho vay học sinh, sinh viên")


def test_a_programme_whose_name_ends_before_the_clause_is_not_its_part() -> None:
    found = _by_value(VI_CUT_BY_COMMA, "vi")
    overdue = found[Decimal(96_000_000)]
    assert overdue.part_of != "programme", overdue.rules
