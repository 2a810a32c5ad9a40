"""``capital_item_totals`` of rules/linking.yaml: after a total of loans, a breakdown whose items
name sources of capital lists the capital that funds the loans (the items take ``total_capital``);
after a total the map does not list, the items stay parts of that total. Sentences are invented."""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text

CASES = [
    # a total of outstanding loans (listed): its capital items are the capital's
    ("vi", "Tin Yên Bái\nĐến cuối năm 2023, tổng dư nợ đạt 7.240 tỷ đồng. Cụ thể, nguồn vốn Trung ương "
     "chuyển về đạt 6.180 tỷ đồng.\n", "total_capital"),
    ("en", "Yen Bai news\nBy the end of 2023, total outstanding loans reached VND 7,240 billion. Of which, "
     "central capital transferred reached VND 6,180 billion.\n", "total_capital"),
    # a total of lending over the year (not listed): the items stay its parts
    ("vi", "Tin Yên Bái\nNăm 2023, doanh số cho vay đạt 2.150 tỷ đồng. Cụ thể, nguồn vốn Trung ương "
     "chuyển về đạt 1.870 tỷ đồng.\n", "lending_turnover"),
    ("en", "Yen Bai news\nIn 2023, lending turnover reached VND 2,150 billion. Of which, central capital "
     "transferred reached VND 1,870 billion.\n", "lending_turnover"),
]


@pytest.mark.parametrize(("lang", "text", "indicator"), CASES)
def test_capital_items_follow_only_the_listed_totals(lang: str, text: str, indicator: str) -> None:
    found = extract_text(text, lang=lang, published=dt.date(2025, 10, 26)).observations  # type: ignore[arg-type]
    items = [o for o in found if o.part_of == "source"]
    assert [o.indicator for o in items] == [indicator]



def test_a_capital_item_with_its_own_words_is_no_item_of_the_source_before_it() -> None:
    """The item after the central budget's, named by its own indicator's words (capital the local
    budgets entrust), is that indicator's level, no part of the source named for the item before."""
    text = ("Ha Nam news\nAs at December 31, 2024, total capital stood at VND 4,385 billion, of which capital from "
            "the central budget accounted for VND 3,910 billion and capital entrusted by the provincial and "
            "district budgets VND 402 billion.\n")
    found = extract_text(text, lang="en", published=dt.date(2025, 1, 8)).observations
    entrusted = [(o.value, o.part_of) for o in found if o.indicator == "local_entrusted_capital"]
    assert entrusted == [(402_000_000_000, None)]
    assert [(o.indicator, o.part_of) for o in found if o.value == 3_910_000_000_000] == [("total_capital", "source")]


def test_a_cue_opening_the_next_item_is_not_the_figures_before_it() -> None:
    """ "… 3.910 tỷ đồng và vốn ủy thác … 402 tỷ đồng": the words after "và" open the next amount's
    item; the first stays an item of the capital, of the source named before it."""
    text = ("Tin Hà Nam\nĐến 31/12/2024, tổng nguồn vốn đạt 4.385 tỷ đồng, trong đó nguồn vốn trung ương 3.910 tỷ "
            "đồng và vốn ủy thác từ ngân sách tỉnh 402 tỷ đồng.\n")
    found = extract_text(text, lang="vi", published=dt.date(2025, 1, 8)).observations
    assert [(o.indicator, o.part_of) for o in found if o.value == 3_910_000_000_000] == [("total_capital", "source")]
