"""A city named like its province ("thành phố Yên Bái" in Yên Bái province, "Yen Bai City") is a
district-level area: where the outlet tells the province, a story about the city reports the
city's office, and its figures are area parts of the province, even where the provincial branch
lends "across the city". A centrally run city ("thành phố Cần Thơ") is a province: its branch's
words stay its own. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from helpers.linking import observations_by_value

PUBLISHED = dt.date(2023, 3, 2)
PAPER = "https://baoyenbai.com.vn/12/300123/tin.aspx"  # the province's own paper: its host spells it

VI = ("Vốn chính sách tiếp sức hộ nghèo thành phố\n\n"
      "Năm 2022, hoạt động tín dụng của NHCSXH trên địa bàn thành phố Yên Bái có nhiều chuyển biến.\n\n"
      "Ngân hàng Chính sách xã hội thành phố đã tập trung giải ngân kịp thời. Đến cuối năm 2022, tổng dư nợ "
      "đạt 612 tỷ đồng. NHCSXH tỉnh cũng đã giải ngân 87 tỷ đồng cho hộ nghèo trên địa bàn thành phố.\n")
EN = ("Policy capital helps poor families in the city\n\n"
      "In 2022, policy lending in Yen Bai City made good progress.\n\n"
      "The City Social Policy Bank disbursed loans on time. By the end of 2022, outstanding loans reached "
      "VND 612 billion. The provincial Social Policy Bank also lent VND 87 billion to poor households "
      "across the city.\n")


def test_a_city_story_on_its_provinces_paper_reports_the_citys_office() -> None:
    found = observations_by_value(VI, lang="vi", published=PUBLISHED, source=PAPER)
    for value in (612, 87):
        obs = found[Decimal(value * 10**9)]
        assert obs.province == "Yên Bái"
        assert (obs.part_of, obs.part) == ("area", "Yên Bái"), obs.rules


def test_english_city_story_reports_the_citys_office() -> None:
    found = observations_by_value(EN, lang="en", published=PUBLISHED, source=PAPER)
    for value in (612, 87):
        obs = found[Decimal(value * 10**9)]
        assert obs.province == "Yên Bái"
        assert (obs.part_of, obs.part) == ("area", "Yen Bai"), obs.rules


def test_the_provincial_branch_lending_across_the_province_is_the_provinces() -> None:
    text = VI.replace("hộ nghèo trên địa bàn thành phố", "hộ nghèo trên địa bàn tỉnh")
    found = observations_by_value(text, lang="vi", published=PUBLISHED, source=PAPER)
    assert found[Decimal(87 * 10**9)].part_of is None


def test_a_centrally_run_citys_branch_is_the_province() -> None:
    found = observations_by_value(VI.replace("Yên Bái", "Cần Thơ"), lang="vi", published=PUBLISHED)
    for value in (612, 87):
        obs = found[Decimal(value * 10**9)]
        assert (obs.province, obs.part_of) == ("Cần Thơ", None), obs.rules


def test_the_city_alone_telling_the_province_stays_the_provinces_report() -> None:
    # No outlet, no other mention: the city's name is all that tells the province.
    found = observations_by_value(VI, lang="vi", published=PUBLISHED)
    assert found[Decimal(612 * 10**9)].province == "Yên Bái"
    assert found[Decimal(612 * 10**9)].part_of is None
