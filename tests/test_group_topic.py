"""A document about one group of borrowers (ethnic-minority households, Khmer people…): where its
headline or lead names the group as whom the bank lends to, the group's lending and what the loans
did for it (households out of poverty, jobs, houses…) are the group's parts, in the paragraphs that
name it; the bank's own totals ("toàn chi nhánh", a breakdown "trong đó …") stay observations. A
sentence opening "Đối với <part>, …" / "For <part>, …" is that part's. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 4, 9)

VI = ("NHCSXH tỉnh Lai Châu cho vay hộ dân tộc thiểu số\n\n"
      "Đến cuối năm 2023, chi nhánh có 41.000 khách hàng là hộ dân tộc thiểu số.\n\n"
      "Năm 2023, hộ dân tộc thiểu số được vay thêm nhiều vốn. Doanh số cho vay đạt 910 tỷ đồng, "
      "nguồn vốn giúp 3.700 hộ thoát nghèo và tạo việc làm cho 2.450 lao động.\n\n"
      "Tổng dư nợ toàn chi nhánh đạt 6.200 tỷ đồng.\n")


def test_a_group_documents_lending_and_outcomes_are_the_groups() -> None:
    found = observations_by_value(VI, lang="vi", published=PUBLISHED)
    for value in (910 * 10**9, 3700, 2450):
        obs = found[Decimal(value)]
        assert obs.province == "Lai Châu"
        assert obs.part_of == "group", (value, obs.rules)


def test_the_branchs_own_total_stays_an_observation() -> None:
    found = observations_by_value(VI, lang="vi", published=PUBLISHED)
    total = found[Decimal(6_200 * 10**9)]
    assert (total.indicator, total.part_of) == ("outstanding_loans", None), total.rules


def test_a_group_the_credit_only_helps_makes_no_group_document() -> None:
    text = VI.replace("cho vay hộ dân tộc", "giúp hộ dân tộc").replace("có 41.000 khách hàng là hộ", "giúp nhiều hộ")
    found = observations_by_value(text, lang="vi", published=PUBLISHED)
    assert found[Decimal(910 * 10**9)].part_of is None
    assert found[Decimal(3700)].part_of is None


def test_a_paragraph_that_does_not_name_the_group_is_the_whole() -> None:
    text = VI.replace("Năm 2023, hộ dân tộc thiểu số được vay thêm nhiều vốn.", "Năm 2023, chi nhánh hoạt động tốt.")
    found = observations_by_value(text, lang="vi", published=PUBLISHED)
    assert found[Decimal(910 * 10**9)].part_of is None


EN = ("VBSP lending to Khmer households in Soc Trang\n\n"
      "The provincial branch of the VBSP reviewed its lending to Khmer households in 2023.\n\n"
      "Khmer households repaid their loans on time. Outstanding loans reached VND 1,340 billion at the end of 2023, "
      "and the loans helped 2,900 households escape poverty.\n")


def test_english_group_document() -> None:
    found = observations_by_value(EN, lang="en", published=PUBLISHED)
    for value in (1_340 * 10**9, 2900):
        assert found[Decimal(value)].part_of == "group", found[Decimal(value)].rules


def test_a_province_lending_to_a_group_is_no_bank_group_document() -> None:
    # The lead's lender is the province, and the bank is not named there.
    text = ("Soc Trang province provided loans to Khmer households for farming.\n\n"
            "Khmer households repaid their loans on time. The loans helped 2,900 households escape poverty.\n")
    found = observations_by_value(text, lang="en", published=PUBLISHED)
    assert all(obs.part_of != "group" for obs in found.values())


def test_an_opener_puts_its_sentence_under_its_part() -> None:
    text = ("Tin Điện Biên\n\nNăm 2023 ghi nhận nhiều kết quả. Đối với hộ dân tộc thiểu số ở các xã biên giới, "
            "nguồn vốn được ưu tiên cho sản xuất và chăn nuôi; dư nợ hiện là 385 tỷ đồng với 7.240 hộ còn dư nợ.\n")
    found = observations_by_value(text, lang="vi", published=PUBLISHED)
    for value in (385 * 10**9, 7240):
        obs = found[Decimal(value)]
        assert (obs.part_of, obs.part) == ("group", "hộ dân tộc thiểu số"), obs.rules


def test_an_opener_naming_no_part_leaves_the_total() -> None:
    text = ("Tin Điện Biên\n\nNăm 2023 ghi nhận nhiều kết quả. Đối với công tác kiểm tra, giám sát, "
            "nguồn vốn được ưu tiên cho sản xuất và chăn nuôi; dư nợ hiện là 3.850 tỷ đồng với 72.400 hộ còn dư nợ.\n")
    found = observations_by_value(text, lang="vi", published=PUBLISHED)
    assert found[Decimal(3_850 * 10**9)].part_of is None


# Review finding 2: the opener's reach. It governs its sentence up to a semicolon that opens a
# part with a subject of its own, and never a figure after words of the branch's whole.

def test_an_opener_does_not_reach_past_the_branchs_whole() -> None:
    text = ("Tin Quảng Trị\n\nĐối với chương trình cho vay nước sạch, chi nhánh đã giải ngân 64 tỷ đồng; "
            "dư nợ của toàn chi nhánh đạt 5.130 tỷ đồng, tăng 7,5% so với đầu năm.\n")
    found = observations_by_value(text, lang="vi", published=PUBLISHED)
    assert found[Decimal(64 * 10**9)].part_of == "programme", found[Decimal(64 * 10**9)].rules
    total = found[Decimal(5_130 * 10**9)]
    assert (total.indicator, total.part_of) == ("outstanding_loans", None), total.rules


def test_an_opener_does_not_reach_the_provinces_whole_in_its_own_segment() -> None:
    text = ("Tin Quảng Trị\n\nĐối với hộ dân tộc thiểu số, chi nhánh tập trung nguồn vốn và tổng dư nợ "
            "toàn tỉnh đạt 5.130 tỷ đồng.\n")
    found = observations_by_value(text, lang="vi", published=PUBLISHED)
    assert found[Decimal(5_130 * 10**9)].part_of is None, found[Decimal(5_130 * 10**9)].rules


def test_an_opener_stops_where_a_new_subject_opens_after_a_semicolon() -> None:
    text = ("Tin Quảng Trị\n\nĐối với hộ dân tộc thiểu số, đã có 1.900 lượt hộ được vay vốn; chi nhánh có "
            "tổng dư nợ 5.130 tỷ đồng.\n")
    found = observations_by_value(text, lang="vi", published=PUBLISHED)
    assert found[Decimal(5_130 * 10**9)].part_of is None, found[Decimal(5_130 * 10**9)].rules


def test_english_opener_does_not_reach_the_branchs_whole() -> None:
    text = ("Quang Tri news\n\nFor ethnic minority households, the branch remains the main lender, and its total "
            "outstanding loans across the province reached VND 5,130 billion.\n")
    found = observations_by_value(text, lang="en", published=PUBLISHED)
    assert found[Decimal(5_130 * 10**9)].part_of is None, found[Decimal(5_130 * 10**9)].rules
