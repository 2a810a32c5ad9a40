"""A furniture string's day read without dateparser (``parse.dates.plain_day``) is the day
dateparser reads, and a string it cannot read alone is left to dateparser."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from dateparser.search import search_dates

from extractor.parse import dates
from extractor.parse.dates import plain_day, stated_date

BEFORE = ["", "Thứ Hai, ", "Updated: ", "Cập nhật: ", "(", "Thứ Sáu, ngày ", "Posted ", "Ngày ",
          "Báo Tin", "date ", "- ", "Monday, "]
AFTER = ["", " - 07:30", " 08:40:11", " | 21:51", ")", " (GMT+7)", " 08:30 GMT+7", " Thu Hà",
         " Để tín dụng", " UTC+07:00", " 10:05 AM", " - Tuesday"]


def furniture(rng: random.Random) -> str:
    """A date line as sites write them: a day in figures (day first, or ISO) or after an English
    month's name, words and a clock time around it; some days do not exist and some are month
    first."""
    day, month, year, sep = rng.randint(1, 31), rng.randint(1, 12), rng.randint(2012, 2026), rng.choice("/-.")
    name = dt.date(2000, month, 1).strftime("%B")
    core = rng.choice([f"{day}{sep}{month}{sep}{year}", f"{day:02d}{sep}{month:02d}{sep}{year}",
                       f"{year}-{month:02d}-{day:02d}", f"{month}{sep}{day}{sep}{year}",
                       f"{name} {day}, {year}", f"{name} {day} {year}"])
    return rng.choice(BEFORE) + core + rng.choice(AFTER)


def dateparser_day(text: str) -> dt.date | None:
    """What ``stated_date`` answered before it read plain days itself."""
    candidate = dates._GLUED.sub(" ", dates._ABBREVIATION_STOP.sub("", text))
    found = search_dates(candidate, languages=dates.LANGUAGES, settings=dates.SETTINGS) or []
    stated = [when for words, when in found if str(when.year) in words]
    return stated[0].date() if stated else None


@pytest.mark.parametrize("seed", range(4))
def test_a_plain_day_is_the_day_dateparser_reads(seed: int) -> None:
    rng = random.Random(seed)
    answered = 0
    for _ in range(80):
        text = furniture(rng)
        plain = plain_day(dates._GLUED.sub(" ", dates._ABBREVIATION_STOP.sub("", text)))
        if plain is not None:
            answered += 1
            assert plain == dateparser_day(text), text
    assert answered > 40  # most date lines are read without dateparser


@pytest.mark.parametrize("text", [
    "Số 15 ngày 12/8/2024",           # another number beside the day
    "12/8/2024 và 13/8/2024",          # two days
    "31/02/2024",                      # no such day
    "17 June 2021 | 21:51",            # a day before a month's name
    "Kon Tum: dư nợ tăng 9,2% năm 2023",
])
def test_strings_left_to_dateparser(text: str) -> None:
    assert plain_day(text) is None


def test_stated_date_reads_plain_days_and_the_rest_alike() -> None:
    stated_date.cache_clear()
    assert stated_date("Thứ Hai, 03/11/2025 - 15:45 Thu Hà") == dt.date(2025, 11, 3)
    assert stated_date("05/07/2025 08:30 GMT+7") == dt.date(2025, 7, 5)
    assert stated_date("June 28, 2021 | 14:05") == dt.date(2021, 6, 28)
    assert stated_date("Số liệu đến ngày 31/12/2025, tăng 8%") == dt.date(2025, 12, 31)
