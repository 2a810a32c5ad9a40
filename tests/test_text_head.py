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
