"""How values and dates read on the pages: "13,374 billion VND", "30 Jun 2024".

Pure functions, used as Jinja filters and by the CSV writers; nothing here touches the database.
Indicator names and source sites are the store's (``store.labels.indicator_label``, the ``name``
values of ``rules/indicators.yaml``; ``store.facets.source_host``, what the search facets count).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit

QUALIFIER_WORDS: dict[str, str] = {"exact": "", "approx": "about", "more_than": "more than", "less_than": "less than"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BILLION = Decimal(10) ** 9
MILLION = Decimal(10) ** 6


def group_digits(value: Decimal) -> str:
    """A decimal with thousands commas and no trailing zeros.

    >>> group_digits(Decimal("13374")), group_digits(Decimal("0.140")), group_digits(Decimal("1234.5"))
    ('13,374', '0.14', '1,234.5')
    """
    text = format(value.normalize(), "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-') or 0):,}"
    return sign + grouped + (f".{fraction}" if fraction else "")


def is_money(unit: str | None) -> bool:
    """True for amounts in đồng."""
    return bool(unit) and str(unit).upper().startswith("VND")


def is_percent(unit: str | None) -> bool:
    """True for shares and rates."""
    return unit in ("%", "percent", "percentage_points")


def format_amount(value: Decimal | float, unit: str | None) -> str:
    """A value with its unit as a reader expects it.

    >>> format_amount(Decimal("13374000000000"), "VND"), format_amount(Decimal("0.14"), "%")
    ('13,374 billion VND', '0.14%')
    >>> format_amount(Decimal("213000"), "households")
    '213,000 households'
    """
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if is_money(unit):
        if abs(number) >= BILLION:
            return f"{group_digits(number / BILLION)} billion VND"
        if abs(number) >= MILLION:
            return f"{group_digits(number / MILLION)} million VND"
        return f"{group_digits(number)} VND"
    if is_percent(unit):
        return f"{group_digits(number)}%"
    return f"{group_digits(number)} {unit or ''}".strip()


def format_value(value: Decimal | float, unit: str | None, qualifier: str | None = "exact") -> str:
    """A value with its qualifier: "more than 213,000 households"."""
    words = QUALIFIER_WORDS.get(qualifier or "exact", "")
    return f"{words} {format_amount(value, unit)}".strip()


def chart_number(value: Decimal, unit: str | None) -> float:
    """The number plotted: billions for money (axes read "billion VND"), as is otherwise."""
    return float(value / BILLION) if is_money(unit) else float(value)


def chart_unit(unit: str | None) -> str:
    """The axis label matching ``chart_number``."""
    return "billion VND" if is_money(unit) else ("%" if is_percent(unit) else (unit or ""))


def format_date(value: dt.date | str | None) -> str:
    """Day-month-year in words, unambiguous in both languages: "30 Jun 2024"."""
    if value is None or value == "":
        return ""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_period(as_of: dt.date | None, start: dt.date | None, end: dt.date | None) -> str:
    """"at 30 Jun 2024", "1 Jan 2024 – 30 Jun 2024" or "" for an undated value."""
    if as_of:
        return format_date(as_of)
    if start and end:
        return f"{format_date(start)} – {format_date(end)}"
    return format_date(end or start)


def is_link(source: str | None) -> bool:
    """True when a source is a web address a reader can open."""
    return bool(source) and urlsplit(str(source)).scheme in ("http", "https")


def boundaries_label(boundaries: str | None) -> str:
    """Which map a province name refers to, in words."""
    return {"2025": "2025 boundaries (34 provinces)", "pre-2025": "pre-2025 boundaries (63 provinces)"}.get(
        boundaries or "", "boundaries not stated")
