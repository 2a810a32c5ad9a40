"""Dates read from the shape of a report: the year a comparison's closed baseline puts a text
in, the same period of another year after a reporting cut-off, the past months of a report
published right after them, and US-style day stamps (rules/<lang>/date.jsonl, nlp.dates).

Sentences written for these tests; expected dates by reading them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text


def _dates(text: str, lang: str, published: dt.date | None) -> list[tuple[str, object]]:
    ex = extract_text(text, lang=lang, published=published, link=False)  # type: ignore[arg-type]
    return [(d.text, d.value or (d.period_start, d.period_end)) for d in ex.dates]


D = dt.date

CASES = [
    # A text comparing with a whole year or its end is written after it, whatever older year it
    # also states: a yearless day is of the year after the baseline.
    ("vi", "Năm 2017, huyện có 40 tổ vay vốn. Đến ngày 31-3 vừa qua, dư nợ đạt 310 tỷ đồng, nguồn vốn tăng "
           "mạnh so với cuối năm 2020.", None,
     [("Năm 2017", (D(2017, 1, 1), D(2017, 12, 31))), ("31-3", D(2021, 3, 31)), ("cuối năm 2020", D(2020, 12, 31))]),
    # ... a baseline inside its year does not move it
    ("vi", "Năm 2019, dư nợ đạt 384 tỷ đồng. Đến ngày 31-3, nguồn vốn tăng mạnh so với đầu năm 2019.", None,
     [("Năm 2019", (D(2019, 1, 1), D(2019, 12, 31))), ("31-3", D(2019, 3, 31)), ("đầu năm 2019", D(2019, 1, 1))]),
    # The same period of another year after a month's last day as the cut-off: from that year's
    # start to the same day.
    ("vi", "Tính đến cuối tháng 6, doanh số đạt 163 tỷ đồng, bằng 112% so với cùng kỳ năm 2020.", D(2021, 7, 4),
     [("cuối tháng 6", D(2021, 6, 30)), ("cùng kỳ năm 2020", (D(2020, 1, 1), D(2020, 6, 30)))]),
    ("en", "As of March 31, lending rose 6% over the same period of 2022.", D(2023, 4, 6),
     [("March 31", D(2023, 3, 31)), ("the same period of 2022", (D(2022, 1, 1), D(2022, 3, 31)))]),
    # ... a day that closes no month is no cut-off: the whole year
    ("en", "On March 12, lending rose 6% over the same period of 2022.", D(2023, 4, 6),
     [("March 12", D(2023, 3, 12)), ("the same period of 2022", (D(2022, 1, 1), D(2022, 12, 31)))]),
    # The past months of a report published in the last of them or the month after: the year's
    # first months; at any other time a rolling window, no date.
    ("en", "Over the past seven months, the branch lent more.", D(2024, 8, 5),
     [("past seven months", (D(2024, 1, 1), D(2024, 7, 31)))]),
    ("en", "Over the past seven months, the branch lent more.", D(2024, 11, 5), []),
    ("en", "Over the past seven months, the branch lent more.", None, []),
    ("vi", "Trong 7 tháng qua, chi nhánh cho vay thêm.", D(2024, 8, 5),
     [("7 tháng qua", (D(2024, 1, 1), D(2024, 7, 31)))]),
    ("vi", "Trong 7 tháng qua, chi nhánh cho vay thêm.", D(2024, 11, 5), []),
    ("vi", "Bảy tháng qua, chi nhánh cho vay thêm.", None, []),
    ("en", "During the seven-month period, lending rose.", D(2024, 7, 29),
     [("seven-month period", (D(2024, 1, 1), D(2024, 7, 31)))]),
    # From the year's start to the end of a month: one period.
    ("en", "From the start of this year through the end of March 2023, 210 students borrowed.", None,
     [("From the start of this year through the end of March 2023", (D(2023, 1, 1), D(2023, 3, 31)))]),
    # A late month after "as of the": its end.
    ("en", "As of the late April, overdue debts were small.", D(2024, 6, 2), [("late April", D(2024, 4, 30))]),
    # Month first when the day cannot be a month; day first otherwise.
    ("en", "Updated 10:12 AM | 4/23/2024", None, [("4/23/2024", D(2024, 4, 23))]),
    ("en", "Updated on 4/11/2024 by the desk.", None, [("4/11/2024", D(2024, 11, 4))]),
    # A page stamp's date may stand right before a day-month written with a hyphen.
    ("vi", "2024-03-08 Ngày 8-3, huyện tổ chức hội nghị.", None,
     [("2024-03-08", D(2024, 3, 8)), ("8-3", D(2024, 3, 8))]),
]


@pytest.mark.parametrize(("lang", "text", "published", "expected"), CASES, ids=[c[1][:48] for c in CASES])
def test_dates(lang: str, text: str, published: dt.date | None, expected: list[tuple[str, object]]) -> None:
    assert _dates(text, lang, published) == expected
