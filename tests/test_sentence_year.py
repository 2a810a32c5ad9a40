"""A day or month written without its year, which the publication's year would put after the
publication, takes the year its sentence opens with (lexicon ``year_openers``): "Năm 2025, …;
riêng tháng 6, …" read in January 2026 is June 2025, not the coming June. Only a year opening the
sentence, and the only year it states, governs it; a comparison's baseline or a horizon does not,
nor a year in another sentence; and a date the publication's year already puts in the past stays.
A year's edge without its year ("đầu năm", "the beginning of the year") takes the one year its
sentence states, wherever that stands.

Sentences written for these tests, in the shape outlets use; expectations from reading them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.pipeline import extract_text

JANUARY = dt.date(2026, 1, 10)
OCTOBER = dt.date(2025, 10, 26)

CASES = [
    # The opening year governs the yearless month or quarter later in its sentence.
    ("vi", JANUARY, "Năm 2025, chi nhánh cho vay 5.000 tỷ đồng; riêng tháng 6 giải ngân 600 tỷ đồng.",
     "tháng 6", (dt.date(2025, 6, 1), dt.date(2025, 6, 30))),
    ("vi", JANUARY, "Trong năm 2024, dư nợ tăng 800 tỷ đồng, riêng quý II tăng 260 tỷ đồng.",
     "quý II", (dt.date(2024, 4, 1), dt.date(2024, 6, 30))),
    ("vi", JANUARY, "- Đến hết năm 2024, riêng tháng 3 chi nhánh cho vay 120 tỷ đồng.",
     "tháng 3", (dt.date(2024, 3, 1), dt.date(2024, 3, 31))),
    ("en", JANUARY, "By the end of 2024, the branch had lent VND 5,000 billion, of which VND 1,600 billion "
     "in the second quarter.", "the second quarter", (dt.date(2024, 4, 1), dt.date(2024, 6, 30))),
    # Not governed: the year is a comparison's baseline …
    ("vi", JANUARY, "So với năm 2024, trong tháng 6 dư nợ tăng 300 tỷ đồng.", "tháng 6",
     (dt.date(2026, 6, 1), dt.date(2026, 6, 30))),
    # … a horizon …
    ("vi", JANUARY, "Đến năm 2030, trong tháng 6 hằng năm tỉnh rà soát hộ nghèo.", "tháng 6",
     (dt.date(2026, 6, 1), dt.date(2026, 6, 30))),
    # … does not open the sentence …
    ("vi", JANUARY, "Dư nợ đã tăng mạnh từ năm 2020, riêng tháng 6 giải ngân 600 tỷ đồng.", "tháng 6",
     (dt.date(2026, 6, 1), dt.date(2026, 6, 30))),
    # … is one of two years the sentence states …
    ("vi", JANUARY, "Năm 2023 và năm 2024, chi nhánh tăng trưởng tốt; riêng tháng 6 giải ngân 150 tỷ đồng.",
     "tháng 6", (dt.date(2026, 6, 1), dt.date(2026, 6, 30))),
    # … or stands in the sentence before.
    ("vi", JANUARY, "Năm 2025, dư nợ tăng mạnh. Riêng tháng 6 giải ngân 600 tỷ đồng.", "tháng 6",
     (dt.date(2026, 6, 1), dt.date(2026, 6, 30))),
    # A day the publication's year already puts in the past keeps it: the report's latest day.
    ("vi", OCTOBER, "Đến hết năm 2024, tổng dư nợ đạt 5.800 tỷ đồng; đến ngày 30/9, tổng dư nợ đạt "
     "6.000 tỷ đồng.", "30/9", dt.date(2025, 9, 30)),
    ("en", OCTOBER, "In 2003, when the branch opened, capital was VND 200 billion; by September 30 it had "
     "reached VND 6,200 billion.", "September 30", dt.date(2025, 9, 30)),
    # A year's edge without its year is of the one year its sentence states, wherever it stands:
    # a year-end report read in January compares with the start of the year it reports on.
    ("en", JANUARY, "By December 31, 2025, entrusted capital stood at VND 640 billion, VND 95 billion more "
     "than at the beginning of the year.", "beginning of the year", dt.date(2025, 1, 1)),
    ("vi", JANUARY, "Dư nợ ủy thác đến hết năm 2025 đạt 2.310 tỷ đồng, tăng 4,2% so với đầu năm.", "đầu năm",
     dt.date(2025, 1, 1)),
    # … not when the sentence states two years, nor when its one year is a baseline.
    ("vi", JANUARY, "Năm 2024 và năm 2025, dư nợ tăng đều; so với đầu năm, dư nợ tăng 2%.", "đầu năm",
     dt.date(2026, 1, 1)),
    ("vi", JANUARY, "Dư nợ tăng 310 tỷ đồng so với cuối năm 2024 và tăng 2% so với đầu năm.", "đầu năm",
     dt.date(2026, 1, 1)),
    # … nor when its one year is no day its level is reported at: a founding year, "since", a
    # whole year of another clause.
    ("vi", JANUARY, "Ra đời từ năm 2004, chi nhánh tới nay có dư nợ 7.300 tỷ đồng, đã tăng 390 tỷ đồng kể từ đầu năm.",
     "đầu năm", dt.date(2026, 1, 1)),
    ("en", JANUARY, "Since 2016 the office has grown fast; its loans total VND 4,900 billion, 5% above the "
     "beginning of the year.", "beginning of the year", dt.date(2026, 1, 1)),
    ("vi", JANUARY, "Trong năm 2022, huyện nhận thêm 9 xã; hiện dư nợ tăng 3% so với đầu năm.", "đầu năm",
     dt.date(2026, 1, 1)),
    # a year's end closing the level is such a day
    ("vi", JANUARY, "Tới cuối năm 2025, dư nợ cả tỉnh đạt 5.100 tỷ đồng, đã tăng 270 tỷ đồng kể từ đầu năm.",
     "đầu năm", dt.date(2025, 1, 1)),
    # A month named "this year" in words keeps the publication's year.
    ("vi", JANUARY, "Năm 2025, dư nợ tăng 900 tỷ đồng; đến tháng 1 năm nay đạt 9.900 tỷ đồng.", "tháng 1 năm nay",
     (dt.date(2026, 1, 1), dt.date(2026, 1, 31))),
]


@pytest.mark.parametrize(("lang", "published", "text", "date_text", "expected"), CASES,
                         ids=[f"{c[0]}:{c[2][:40]}" for c in CASES])
def test_a_yearless_date_takes_the_year_its_sentence_opens_with(
        lang: str, published: dt.date, text: str, date_text: str,
        expected: dt.date | tuple[dt.date, dt.date]) -> None:
    dates = extract_text(text, lang=lang, published=published, link=False).dates
    [mention] = [d for d in dates if d.text.endswith(date_text)]
    found = mention.value if isinstance(expected, dt.date) else (mention.period_start, mention.period_end)
    assert found == expected


# (text read without a publication date, the yearless date's text, its day or period end): a text
# whose every year is a comparison's baseline is of the year after it, unless the baseline is a
# part of its year that closes before every yearless date of the text would in that year
BASELINE_YEARS = [
    ("Theo báo cáo, tổng dư nợ đến ngày 30.9 đạt 6.410 tỷ đồng, tăng 175 tỷ đồng so với quý II.2020.",
     "30.9", dt.date(2020, 9, 30)),
    ("Theo báo cáo, đến 31/10, nguồn vốn đạt 6.520 tỷ đồng, cao hơn 95 tỷ đồng so với tháng 7/2022.",
     "31/10", dt.date(2022, 10, 31)),
    # near misses: a whole year, the same part of the year, a year's last quarter as the baseline
    ("Theo báo cáo, tổng dư nợ đến ngày 30.9 đạt 6.410 tỷ đồng, tăng 175 tỷ đồng so với năm 2020.",
     "30.9", dt.date(2021, 9, 30)),
    ("Chiều 18.7, chi nhánh họp. Doanh số cho vay 6 tháng đầu năm đạt 960 tỷ đồng, tăng 8% so với "
     "6 tháng đầu năm 2020.", "6 tháng đầu năm", dt.date(2021, 6, 30)),
    ("Theo báo cáo, tổng dư nợ đến ngày 30.9 đạt 6.410 tỷ đồng, tăng 175 tỷ đồng so với quý IV.2020.",
     "30.9", dt.date(2021, 9, 30)),
]


@pytest.mark.parametrize(("text", "mention", "expected"), BASELINE_YEARS)
def test_a_baseline_earlier_in_its_year_dates_an_undated_text(text: str, mention: str, expected: dt.date) -> None:
    """ "đến ngày 30.9 …, tăng … so với quý II.2020" with no other year: 30 September 2020 (the
    change is measured from a quarter of the same year), where "so với năm 2020" puts it in 2021."""
    ex = extract_text(text, lang="vi", published=None, link=False)
    found = {d.text: d.value or d.period_end for d in ex.dates}
    assert found[mention] == expected, found


# (language, text, the edge's text, its day): read on 10 February 2026, a yearless day or month of
# December is last year's, and so is a year's edge without its year in its sentence
EDGES_OF_MOVED_YEARS = [
    ("vi", "Tính đến hết tháng 12, dư nợ của chi nhánh đạt 7.215 tỷ đồng, tăng 530 tỷ đồng so với đầu năm.",
     "đầu năm", dt.date(2025, 1, 1)),
    ("en", "By the end of December, the branch's loans had reached VND 7,215 billion, up VND 530 billion from "
           "the beginning of the year.", "beginning of the year", dt.date(2025, 1, 1)),
    # near misses: a day the publication's year keeps; another sentence
    ("vi", "Tính đến 31/1, dư nợ của chi nhánh đạt 7.240 tỷ đồng, tăng 25 tỷ đồng so với đầu năm.",
     "đầu năm", dt.date(2026, 1, 1)),
    ("vi", "Tính đến hết tháng 12, dư nợ đạt 7.215 tỷ đồng. Từ đầu năm, chi nhánh đã giải ngân 160 tỷ đồng.",
     "đầu năm", dt.date(2026, 1, 1)),
]


@pytest.mark.parametrize(("lang", "text", "mention", "expected"), EDGES_OF_MOVED_YEARS)
def test_a_years_edge_follows_its_sentences_moved_year(lang: str, text: str, mention: str, expected: dt.date) -> None:
    """ "Tính đến hết tháng 12, …, tăng … so với đầu năm" read in February: the start of the
    year just closed, which the sentence reports, not of the publication's."""
    ex = extract_text(text, lang=lang, published=dt.date(2026, 2, 10), link=False)
    found = {d.text: d.value or d.period_start for d in ex.dates}
    assert found[mention] == expected, found
