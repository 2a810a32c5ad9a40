"""The head of a text (``extractor.parse.head``): page chrome before the headline (language
links, section labels, date stamps, captions, widgets, credits) is skipped wherever the head is
read: the plain-text title, the title span of linking and a story's subject. Texts are our own."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from extractor.link.context import title_span
from extractor.models import Document
from extractor.parse import text as text_module
from extractor.parse.head import Chrome, ChromeLine, first_line, head_lines
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled

CHROME = bundled().linker.chrome

CHROMED = (
    "Vietnamese\n"
    "Follow us:\n\n"
    "News & Events\n\n"
    "Updated: 2024-02-03 09:12:44\n\n"
    "Clean water loans change life in a highland district\n\n"
    "Over the past five years, some 3,100 households in the highland district of Que Phong (Nghe An) "
    "have borrowed to build water tanks and latrines.\n\n"
    "A farmer in Tri Le commune checks the water tank he built with a preferential loan\n\n"
    "Each household borrowed up to VND 25 million for the works.\n"
)


@pytest.mark.parametrize("line", [
    "Share | Print | Email", "Trang chủ » Kinh tế", "Monday, March 3, 2025 08:10 GMT+7", "12/05/2023",
    "Illustrative photo (Source: VNA)", "Photo: Bank officers visit a fish farm", "Related news",
])
def test_chrome_lines(line: str) -> None:
    assert CHROME(line)


@pytest.mark.parametrize("line", [
    "Clean water loans change life in a highland district",
    "Some 4,200 households borrow to build homes",
    "News of the branch's new office opens the year",
    "By June 30, 2024, outstanding loans reached VND 900 billion.",
    # Headlines that look like a piece of chrome in one respect only: each must stay a headline
    # (a temperature in a headline or lead, a date after a short headline, a "report" or "data"
    # after "theo"/"according to", a kind of photo story in brackets, a "follow" that is no widget).
    "Giữa đợt rét 6°C, NHCSXH Hà Giang vẫn đưa 250 tỷ đồng về xã",
    "Despite a 4°C frost, Cao Bang branch lends VND 180 billion",
    "Trời chỉ còn 7°C nhưng tổ tiết kiệm ở Bát Xát vẫn họp đủ 35 thành viên.",
    "Điện Biên cho vay nước sạch - 18/9/2023",
    "Hội nghị giao ban quý III - 05/10/2023",
    "Farmers Gain New Credit - 7/8/2023",
    "Vốn ưu đãi lên nương - 21/04/2023 - 08:40",
    "Theo báo cáo tổng kết, nợ quá hạn giảm còn 0,1%",
    "Theo trang tin huyện số hộ vay tăng gấp đôi",
    "According to VNA figures credit grew 11 percent",
    "Source VNA lending to students climbs",
    "Nghề dệt thổ cẩm hồi sinh nhờ vốn vay (Photo essay)",
    "Credit turns around a fishing village (Photo story)",
    "Quảng Bình: Hộ cận nghèo vay 200 tỷ đồng (Ảnh phóng sự)",
    "Follow a credit officer as she travels on",
    "Theo dõi tiến độ trả nợ trên",
])
def test_headlines_and_leads_are_no_chrome(line: str) -> None:
    assert not CHROME(line)


def test_head_lines_skip_the_chrome() -> None:
    lines = head_lines(CHROMED, CHROME)
    assert [CHROMED[a:b] for a, b in lines] == [
        "Clean water loans change life in a highland district",
        CHROMED.split("\n")[9],
    ]
    first = first_line(CHROMED, CHROME)
    assert first is not None and CHROMED[first.start:first.end].startswith("Clean water")


def test_text_opening_on_its_headline_is_read_as_before() -> None:
    text = "Loans reach 900 households\nBy June 2024, 900 households borrowed.\nBody."
    assert title_span(Document(id="t", source="t", text=text, language="en"), CHROME) == (0, text.index("\nBody"))


def test_plain_text_title_skips_the_chrome() -> None:
    doc = text_module.read_metadata(CHROMED, bundled().text, dated=False)
    assert doc.title == "Clean water loans change life in a highland district"


def test_district_story_behind_chrome_keeps_its_area() -> None:
    ex = extract_text(CHROMED, lang="en", published=dt.date(2025, 10, 26), title="Nghe An news")
    households = [o for o in ex.observations if o.indicator == "borrowers_reached"]
    assert [(o.part_of, o.part) for o in households] == [("area", "Que Phong")]


def test_chrome_pattern_examples_are_checked() -> None:
    with pytest.raises(ValidationError):
        ChromeLine.model_validate({"pattern": "news", "examples": {"pos": ["News"], "neg": ["news"]}})
    assert not Chrome()("Any headline")


@pytest.mark.parametrize("line", [
    "Cần Thơ 31°C", "Huế, 22°C - 27°C", "Hải Phòng 25°C/ 29°C Icon thời tiết nắng",
    "NGỌC LAN | 14/07/2023 - 16:05", "Hoài Thu - 3/6/2023", "By Tran Quang Huy - 9/10/2023",
    "Theo báo Cà Mau", "(Theo TTXVN)", "According to VOV", "Theo Báo điện tử Đồng Nai",
    "Một tổ viên ghi sổ tiết kiệm (Ảnh: Quang Vinh)", "Officers check a shrimp pond (Photo: VNA)",
    "Hộ vay kiểm tra ruộng dâu (Ảnh minh họa)",
    "Follow us on Zalo", "Theo dõi báo Bình Phước trên Google News",
])
def test_chrome_shapes_still_match(line: str) -> None:
    assert CHROME(line)


def test_image_number_line_is_chrome_only_after_its_own_headline() -> None:
    echoed = "Credit reaches the islands\nCredit reaches the islands - Photo 1\nSome 700 households borrowed.\n"
    assert [echoed[a:b] for a, b in head_lines(echoed, CHROME)] == [
        "Credit reaches the islands", "Some 700 households borrowed."]
    alone = "Vốn về với ngư dân - Ảnh 1\nHơn 700 hộ đã vay vốn.\n"
    assert [alone[a:b] for a, b in head_lines(alone, CHROME, 1)] == ["Vốn về với ngư dân - Ảnh 1"]


def test_plain_text_title_and_linking_title_agree_after_long_chrome() -> None:
    caption = "Photo: Officers of the district branch meet borrowers at a fish pond in commune {} on a market day"
    chrome = "\n".join(caption.format(n) for n in range(1, 9))
    assert len(chrome) > 600
    text = chrome + "\nWater loans reach 300 villages\nThe branch lent VND 40 billion.\n"
    doc = text_module.read_metadata(text, bundled().text, dated=False)
    lines = head_lines(text, CHROME, 1)
    linking = text[lines[0].start:lines[0].end] if lines else None
    assert doc.title == linking == "Water loans reach 300 villages"
