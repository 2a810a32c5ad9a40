"""A city named like its province ("thành phố Lạng Sơn" in Lạng Sơn province, "Lang Son City") is a
district-level area: where the outlet tells the province, a story about the city reports the
city's office, and its figures are area parts of the province, even where the provincial branch
lends "across the city". A centrally run city ("thành phố Cần Thơ") is a province: its branch's
words stay its own. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 1, 22)
PAPER = "https://baolangson.vn/kinh-te/von-uu-dai-5012.html"  # the province's own paper: its host spells it

VI = ("Hộ nghèo ở thành phố Lạng Sơn vững vàng hơn nhờ vốn ưu đãi\n\n"
      "Cả năm 2023, NHCSXH thành phố Lạng Sơn đã cho hơn một nghìn lượt hộ vay vốn.\n\n"
      "Tính đến hết ngày 31/12/2023, dư nợ đạt 538 tỷ đồng, tăng đều qua từng quý. Bên cạnh đó, "
      "NHCSXH tỉnh giải ngân thêm 64 tỷ đồng cho hộ nghèo trên địa bàn thành phố để làm nhà ở.\n")
EN = ("Preferential loans steady poor families in Lang Son City\n\n"
      "Throughout 2023, the Social Policy Bank of Lang Son City lent to more than a thousand households.\n\n"
      "As of December 31, 2023, outstanding loans reached VND 538 billion, rising every quarter. On top of "
      "that, the provincial Social Policy Bank disbursed VND 64 billion to poor households across the city "
      "for housing.\n")


def test_a_city_story_on_its_provinces_paper_reports_the_citys_office() -> None:
    found = observations_by_value(VI, lang="vi", published=PUBLISHED, source=PAPER)
    for value in (538, 64):
        obs = found[Decimal(value * 10**9)]
        assert obs.province == "Lạng Sơn"
        assert (obs.part_of, obs.part) == ("area", "Lạng Sơn"), obs.rules


def test_english_city_story_reports_the_citys_office() -> None:
    found = observations_by_value(EN, lang="en", published=PUBLISHED, source=PAPER)
    for value in (538, 64):
        obs = found[Decimal(value * 10**9)]
        assert obs.province == "Lạng Sơn"
        assert (obs.part_of, obs.part) == ("area", "Lang Son"), obs.rules


def test_the_provincial_branch_lending_across_the_province_is_the_provinces() -> None:
    text = VI.replace("hộ nghèo trên địa bàn thành phố", "hộ nghèo trên địa bàn tỉnh")
    found = observations_by_value(text, lang="vi", published=PUBLISHED, source=PAPER)
    assert found[Decimal(64 * 10**9)].part_of is None


def test_a_centrally_run_citys_branch_is_the_province() -> None:
    found = observations_by_value(VI.replace("Lạng Sơn", "Cần Thơ"), lang="vi", published=PUBLISHED)
    for value in (538, 64):
        obs = found[Decimal(value * 10**9)]
        assert (obs.province, obs.part_of) == ("Cần Thơ", None), obs.rules


def test_the_city_alone_telling_the_province_stays_the_provinces_report() -> None:
    # No outlet, no other mention: the city's name is all that tells the province.
    found = observations_by_value(VI, lang="vi", published=PUBLISHED)
    assert found[Decimal(538 * 10**9)].province == "Lạng Sơn"
    assert found[Decimal(538 * 10**9)].part_of is None
