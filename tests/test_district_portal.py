"""A page on a district's own portal ("<district>.<province>.gov.vn") reports the district: its
figures are area parts of the province's branch even when the text names the district late or
only as the venue of a provincial board's visit. The text speaking of the whole province, or a
provincial branch stating figures, keeps the province's totals. Sentences are our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from extractor.models import Observation
from helpers.linking import observations_by_value

PUBLISHED = dt.date(2024, 7, 12)


def _by_value(text: str, source: str) -> dict[Decimal, Observation]:
    return observations_by_value(text, lang="vi", published=PUBLISHED, source=source)


# The figures first, the district named once at the end as the venue of the province's board.
VISIT = ("Sáu tháng, vốn chính sách đến với 1.120 hộ vùng cao\n\n"
         "Tổng dư nợ tín dụng chính sách đến ngày 30/6/2024 là 527,3 tỷ đồng, cao hơn cuối năm 2023 là 19 tỷ "
         "đồng; doanh số cho vay sáu tháng đạt 68,4 tỷ đồng.\n\n"
         "Các kết quả trên được nêu trong buổi giám sát của Ban đại diện HĐQT Ngân hàng CSXH tỉnh tại huyện "
         "Thọ Xuân ngày 2/7.\n")
HEADED = VISIT.replace("Sáu tháng, vốn chính sách", "Sáu tháng, Thọ Xuân đưa vốn chính sách", 1)
LOANS, LENT = Decimal(527_300_000_000), Decimal(68_400_000_000)
PORTAL = "https://{}/tin-tuc/chi-tiet?id=48"
PAPER = "https://baothanhhoa.vn/kinh-te/tin-771.html"


@pytest.mark.parametrize("host", ["thoxuan.thanhhoa.gov.vn", "huyenthoxuan.thanhhoa.gov.vn"])
def test_a_district_portals_story_files_its_figures_as_the_districts(host: str) -> None:
    found = _by_value(VISIT, PORTAL.format(host))
    for value in (LOANS, LENT):
        obs = found[value]
        assert obs.province == "Thanh Hóa", obs.rules
        assert (obs.part_of, obs.part) == ("area", "Thọ Xuân"), (value, obs.rules)


def test_the_provinces_own_portal_keeps_the_provinces_totals() -> None:
    found = _by_value(VISIT, PORTAL.format("thanhhoa.gov.vn"))
    assert found[LOANS].part_of is None


def test_a_portal_story_of_the_whole_province_keeps_its_totals() -> None:
    text = VISIT.replace("Tổng dư nợ tín dụng chính sách đến", "Tổng dư nợ tín dụng chính sách toàn tỉnh đến")
    found = _by_value(text, PORTAL.format("thoxuan.thanhhoa.gov.vn"))
    assert found[LOANS].part_of is None


def test_a_label_of_another_provinces_district_is_no_portal() -> None:
    # Thọ Xuân lies in Thanh Hóa: under another province's host the label names no district of it.
    found = _by_value(VISIT, PORTAL.format("thoxuan.hatinh.gov.vn"))
    assert found[LOANS].part_of is None, found[LOANS].rules


def test_a_provincial_branch_stating_figures_on_a_portal_keeps_the_provinces_totals() -> None:
    text = ("Kết quả tín dụng chính sách năm 2023\n\n"
            "Hết năm 2023, dư nợ của Ngân hàng CSXH tỉnh lên 11.240 tỷ đồng, cao hơn năm 2022 là 730 tỷ đồng.\n")
    found = _by_value(text, PORTAL.format("thoxuan.thanhhoa.gov.vn"))
    assert found[Decimal(11_240_000_000_000)].part_of is None


def test_a_headline_naming_a_district_as_its_subject_files_its_figures_as_the_districts() -> None:
    """On a provincial paper, a headline that names a district by its bare name, which the body
    names again as "huyện …", heads the district's story, as the district's portal would."""
    obs = _by_value(HEADED, PAPER)[LOANS]
    assert (obs.province, obs.part_of, obs.part) == ("Thanh Hóa", "area", "Thọ Xuân"), obs.rules


@pytest.mark.parametrize("change", [
    ("Sáu tháng, Thọ Xuân đưa", "Sáu tháng, Thanh Hóa, Thọ Xuân đưa"),  # the headline names the province
    ("tại huyện Thọ Xuân", "tại Thọ Xuân"),  # the body never names "huyện Thọ Xuân"
])
def test_a_headline_district_without_its_body_or_with_the_province_tells_no_district(change: tuple[str, str]) -> None:
    found = _by_value(HEADED.replace(*change), PAPER)
    assert found[LOANS].part_of is None
