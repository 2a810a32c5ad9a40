"""Dates stated in page furniture: bylines, date lines, time stamps.

"(09:15 21/04/2021)", "Updated: 2019-05-02 08:40:11", "Thứ Hai, 12/8/2024", "June 17, 2021 |
21:51": dateparser knows these forms in both languages. It only ever reads a short candidate
string that the parser chose (a byline, a date line), never a body: on whole passages it
invents dates (field notes). Day comes before month, and a date needs all three parts.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import functools
import re

LANGUAGES = ["en", "vi"]
SETTINGS = {
    "DATE_ORDER": "DMY",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
}
# An outlet's name glued to its date ("Báo Ninh Bình26/10/2025"): a space lets the date stand.
_GLUED = re.compile(r"(?<=[^\W\d_])(?=\d)")
# An abbreviated month's full stop before the day ("Sept. 3, 2024"), which dateparser refuses.
_ABBREVIATION_STOP = re.compile(r"(?<=[^\W\d_])\.(?=\s*\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
VIETNAM = dt.timezone(dt.timedelta(hours=7))
# dateparser takes milliseconds a string, and a document's date lines are read more than once (a
# PDF's first page again, a plain text's lines before and after it is cleaned): each string is
# read once. A document has a few candidates; the cache holds a batch's worth of recent ones.
STATED_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=STATED_CACHE_SIZE)
def stated_date(text: str) -> dt.date | None:
    """The first full date a short furniture string states, else None.

    >>> stated_date("Thứ Hai, 12/8/2024 - 07:30"), stated_date("(09:15 21/04/2021)")
    (datetime.date(2024, 8, 12), datetime.date(2021, 4, 21))
    >>> stated_date("Báo Ninh Bình26/10/2025"), stated_date("Số lượt xem: 49")
    (datetime.date(2025, 10, 26), None)
    >>> stated_date("date 2021-11 Năm 2021")  # a month, not a day

    """
    if not _YEAR.search(text):
        return None  # no year, no full date: dateparser is not asked
    candidate = _GLUED.sub(" ", _ABBREVIATION_STOP.sub("", text))
    plain = plain_day(candidate)
    if plain is not None:
        return plain
    found = search_dates(candidate, languages=LANGUAGES, settings=SETTINGS) or []
    # dateparser fills what it cannot read ("date 2021-11 Năm" came back as 2015-12-04): a date
    # counts only when the words it was read from write its year.
    stated = [when for words, when in found if str(when.year) in words]
    return stated[0].date() if stated else None


def search_dates(text: str, *, languages: list[str],
                 settings: dict[str, object]) -> list[tuple[str, dt.datetime]] | None:
    """dateparser's ``search_dates``, imported at the first string it must read (a quarter of a
    second): most date lines are read without it (``plain_day``), and a command reading one such
    text need not load it."""
    from dateparser.search import search_dates as search

    return search(text, languages=languages, settings=settings)


# A furniture string that states one day in figures (or an English month's name, its day and
# year) and no other number but a clock time or a time zone ("Thứ Hai, 12/8/2024 - 07:30",
# "Updated: 2023-03-14 09:12:40", "05/07/2025 08:30 GMT+7", "June 17, 2021 | 21:51"): most date
# lines. Its day is read here, as dateparser reads it (day before month), at a thousandth of its
# cost (1-3 ms a string, a sixth of extracting a short article whose date lines are new, as every
# article's are); ``tests/test_parse_dates.py`` checks the two agree.
_DAY_MONTH_YEAR = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2})(?![\d/.-])")
_YEAR_MONTH_DAY = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d/.-])")
# "June 17, 2021", "Friday, January 13, 2023 - 09:41", "Ha Giang, October 8, 2025".
_MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_MONTH_DAY_YEAR = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(\d{1,2}),?\s+((?:19|20)\d{2})(?![\d/.-])")
_CLOCK = re.compile(r"(?<![\d:])\d{1,2}:\d{2}(?::\d{2})?(?![\d:])")
_ZONE = re.compile(r"\b(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?(?!\d)")


def plain_day(text: str) -> dt.date | None:
    """The day a furniture string states in figures when it is its only number besides a clock
    time and a time zone, else None (dateparser is asked then).

    >>> plain_day("Thứ Hai, 12/8/2024 - 07:30"), plain_day("Updated: 2023-03-14 09:12:40")
    (datetime.date(2024, 8, 12), datetime.date(2023, 3, 14))
    >>> plain_day("Friday, January 13, 2023 - 09:41")
    datetime.date(2023, 1, 13)
    >>> plain_day("Số 15 ngày 12/8/2024"), plain_day("31/02/2024")  # another number; no such day
    (None, None)
    """
    found = [(m, (int(m[1]), int(m[3]), int(m[4]))) for m in _DAY_MONTH_YEAR.finditer(text)]
    found += [(m, (int(m[3]), int(m[2]), int(m[1]))) for m in _YEAR_MONTH_DAY.finditer(text)]
    found += [(m, (int(m[2]), _MONTHS[m[1][:3].lower()], int(m[3]))) for m in _MONTH_DAY_YEAR.finditer(text)]
    if len(found) != 1:
        return None
    match, (day, month, year) = found[0]
    rest = _ZONE.sub(" ", _CLOCK.sub(" ", text[: match.start()] + " " + text[match.end() :]))
    if any(ch.isdigit() for ch in rest):
        return None
    return _safe_date(year, month, day)


def parse_date(value: str | None) -> dt.date | None:
    """A date from a metadata string: ISO 8601, RFC 2822, else as furniture (``stated_date``).

    A timestamp with a zone is read on Vietnam's clock (UTC+7): "2025-10-26T20:00:00Z" was
    published on 27 October where the paper is printed.

    >>> parse_date("2025-10-26T20:00:00Z"), parse_date("Sun, 26 Oct 2025 08:00:00 +0700")
    (datetime.date(2025, 10, 27), datetime.date(2025, 10, 26))
    """
    if not value:
        return None
    value = value.strip()
    stamp = _aware(value)
    if stamp is not None:
        return stamp.astimezone(VIETNAM).date()
    iso = _ISO_DAY.match(value)
    if iso:
        return _safe_date(int(iso[1]), int(iso[2]), int(iso[3]))
    return stated_date(value)


def _aware(value: str) -> dt.datetime | None:
    """A timezone-aware datetime from ISO 8601 or RFC 2822 text, else None."""
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            stamp = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return stamp if stamp.tzinfo is not None else None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    """A date, or None when the numbers do not make one."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
