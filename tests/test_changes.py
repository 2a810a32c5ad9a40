"""Change cues: a figure after "an increase of", "up", "tăng" is a change, not a level."""

from __future__ import annotations

import pytest

from extractor.nlp.pipeline import extract_text

CASES = [
    ("en", "Capital rose, an increase of VND 7,132 billion compared to 2014.", "increase"),
    ("en", "Total capital was up 8.5% over the end of 2017.", "increase"),
    ("en", "Overdue debt decreased by 0.12 percentage points.", "decrease"),
    ("en", "Frozen debt made up 0.03% of total loans.", None),
    ("en", "Total outstanding loans reached VND 13,357 billion.", None),
    ("vi", "Tổng dư nợ tăng 7,52% so với cuối năm 2024.", "increase"),
    ("vi", "Nợ quá hạn giảm 0,05% so với đầu năm.", "decrease"),
    ("vi", "Tổng dư nợ đạt 13.612 tỷ đồng.", None),
]


@pytest.mark.parametrize(("lang", "text", "change"), CASES)
def test_change_cues(lang: str, text: str, change: str | None) -> None:
    figures = extract_text(text, lang=lang, link=False).figures
    assert [f.change for f in figures] == [change]
