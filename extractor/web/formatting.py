"""How values and dates read on the pages, in each language's conventions.

Vietnamese: "13.927 tỷ đồng", "0,18%", "234.414 hộ", "30/6/2024". English: "VND 13,927 billion",
"0.18%", "234,414 households", "30 Jun 2024". Numbers and dates go through Babel with the locale
given explicitly (never guessed); values are never rounded. Pure functions, used as Jinja filters
and by the charts; nothing here touches the database.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from urllib.parse import urlsplit

from babel.dates import format_date as babel_date
from babel.numbers import format_decimal

from extractor.folding import fold_key
from extractor.models import unit_kind
from extractor.web.i18n import N_, gettext

QUALIFIER_WORDS: dict[str, str] = {"exact": "", "approx": N_("about"), "more_than": N_("more than"),
                                   "less_than": N_("less than")}
# Units as the table stores them (rules/indicators.yaml), translated where shown.
UNIT_WORDS: dict[str, str] = {
    "beneficiaries": N_("beneficiaries"), "borrowers": N_("borrowers"), "customers": N_("customers"),
    "households": N_("households"), "houses": N_("houses"), "jobs": N_("jobs"), "labourers": N_("labourers"),
    "loans": N_("loans"), "people": N_("people"), "projects": N_("projects"),
    "savings and loan groups": N_("savings and loan groups"), "students": N_("students"),
    "transaction offices": N_("transaction offices"), "transaction points": N_("transaction points"),
    "turns": N_("turns"), "workers": N_("workers"), "works": N_("works"),
    "households or customers": N_("households or customers"),
}
DATE_PATTERN = {"vi": "d/M/yyyy", "en": "d MMM yyyy"}
MONTH_PATTERN = {"vi": "M/yyyy", "en": "MMM yyyy"}
BILLION = Decimal(10) ** 9
MILLION = Decimal(10) ** 6


def group_digits(value: Decimal, lang: str = "en") -> str:
    """A decimal with the language's thousands and decimal marks, every digit kept.

    >>> group_digits(Decimal("13374")), group_digits(Decimal("0.140")), group_digits(Decimal("1234.5"), "vi")
    ('13,374', '0.14', '1.234,5')
    """
    return format_decimal(value.normalize(), locale=lang, decimal_quantization=False, group_separator=True)


def is_money(unit: str | None) -> bool:
    """True for amounts in đồng."""
    return unit_kind(unit) == "money"


def is_percent(unit: str | None) -> bool:
    """True for shares and rates."""
    return unit_kind(unit) == "percent"


def unit_words(unit: str | None, lang: str = "en") -> str:
    """A count's unit in ``lang`` ("households" → "hộ")."""
    return gettext(lang, UNIT_WORDS[unit]) if unit in UNIT_WORDS else (unit or "")


MONEY = ((BILLION, N_("VND %(n)s billion")), (MILLION, N_("VND %(n)s million")))


def _money(number: Decimal, lang: str) -> str:
    """Đồng in billions or millions as each language writes them (the catalogue's words)."""
    for factor, message in MONEY:
        if abs(number) >= factor:
            return gettext(lang, message) % {"n": group_digits(number / factor, lang)}
    return gettext(lang, N_("VND %(n)s")) % {"n": group_digits(number, lang)}


def format_amount(value: Decimal | float, unit: str | None, lang: str = "en") -> str:
    """A value with its unit as a reader of ``lang`` expects it.

    >>> format_amount(Decimal("13927000000000"), "VND"), format_amount(Decimal("13927000000000"), "VND", "vi")
    ('VND 13,927 billion', '13.927 tỷ đồng')
    >>> format_amount(Decimal("0.18"), "%", "vi"), format_amount(Decimal("213000"), "households")
    ('0,18%', '213,000 households')
    """
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if is_money(unit):
        return _money(number, lang)
    if is_percent(unit):
        return f"{group_digits(number, lang)}%"
    return f"{group_digits(number, lang)} {unit_words(unit, lang)}".strip()


def format_value(value: Decimal | float, unit: str | None, qualifier: str | None = "exact", lang: str = "en") -> str:
    """A value with its qualifier: "more than 213,000 households", "hơn 213.000 hộ"."""
    words = QUALIFIER_WORDS.get(qualifier or "exact", "")
    return f"{gettext(lang, words) if words else ''} {format_amount(value, unit, lang)}".strip()


def format_difference(claimed: Decimal, recorded: Decimal, lang: str = "en") -> str:
    """How far a claimed value is from a recorded one, as a signed percentage of the recorded.

    >>> format_difference(Decimal(120), Decimal(100)), format_difference(Decimal("99.5"), Decimal(100), "vi")
    ('+20.0%', '−0,5%')
    """
    if recorded == 0:
        return ""
    share = (claimed - recorded) / abs(recorded) * 100
    text = format_decimal(abs(share), format="0.0", locale=lang)
    return ("+" if share > 0 else "−" if share < 0 else "±") + text + "%"


def chart_number(value: Decimal, unit: str | None) -> float:
    """The number plotted: billions for money (axes read "billion VND"), as is otherwise."""
    return float(value / BILLION) if is_money(unit) else float(value)


def chart_unit(unit: str | None, lang: str = "en") -> str:
    """The axis label matching ``chart_number``."""
    if is_money(unit):
        return gettext(lang, N_("VND billion"))
    return "%" if is_percent(unit) else unit_words(unit, lang)


def format_date(value: dt.date | str | None, lang: str = "en") -> str:
    """A day as each language writes it: "30/6/2024", "30 Jun 2024"."""
    if value is None or value == "":
        return ""
    day = dt.date.fromisoformat(value) if isinstance(value, str) else value
    return babel_date(day, DATE_PATTERN.get(lang, DATE_PATTERN["en"]), locale=lang)


def format_period(as_of: dt.date | None, start: dt.date | None, end: dt.date | None, lang: str = "en") -> str:
    """"30/6/2024", "1/1/2024 – 30/6/2024", "since 4/10/2002" (a period whose end the text does
    not give: "since the bank was founded" in an undated article), "until 30/6/2024" or "" for an
    undated value. An open period's start alone would read as the date of the value."""
    if as_of:
        return format_date(as_of, lang)
    if start and end:
        return f"{format_date(start, lang)} – {format_date(end, lang)}"
    if start:
        return gettext(lang, N_("since %(date)s")) % {"date": format_date(start, lang)}
    if end:
        return gettext(lang, N_("until %(date)s")) % {"date": format_date(end, lang)}
    return ""


def is_link(source: str | None) -> bool:
    """True when a source is a web address a reader can open."""
    return bool(source) and urlsplit(str(source)).scheme in ("http", "https")


BOUNDARY_WORDS = {"2025": N_("2025 boundaries (34 provinces)"), "pre-2025": N_("pre-2025 boundaries (63 provinces)")}


def boundaries_label(boundaries: str | None, lang: str = "en") -> str:
    """Which map a province name refers to, in words."""
    return gettext(lang, BOUNDARY_WORDS.get(boundaries or "", N_("boundaries not stated")))


def slug(text: str) -> str:
    """A file-name part: lower case ASCII words joined by hyphens ("Nghệ An" → "nghe-an").

    >>> slug("Nghệ An"), slug("Đắk Lắk"), slug("outstanding_loans")
    ('nghe-an', 'dak-lak', 'outstanding_loans')
    """
    words = "".join(c if c.isalnum() or c == "_" else " " for c in fold_key(text)).split()
    return "-".join(words) or "data"
