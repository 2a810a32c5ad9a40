"""Chart data for the pages: plain JSON the vendored Chart.js draws (static/app.js builds the config).

Every label is written here in the page's language, and the chart carries the language's
number marks and date pattern, so the script formats ticks and tooltips as the tables do.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from babel.dates import get_month_names

from extractor.store.records import Series
from extractor.web.formatting import (
    QUALIFIER_WORDS,
    boundaries_label,
    chart_number,
    chart_unit,
    format_value,
    unit_words,
)
from extractor.web.i18n import N_, gettext
from extractor.web.schemas import IndicatorRow
from extractor.web.words import span_words


def _locale(lang: str) -> dict[str, Any]:
    """What the script needs to write numbers and dates as the page does (month names from Babel)."""
    months = get_month_names("abbreviated", locale=lang)
    qualifiers = {q: gettext(lang, QUALIFIER_WORDS[q]) + " " for q in ("more_than", "less_than", "approx")}
    return {"lang": lang, "months": [months[m] for m in range(1, 13)], "day_first_numeric": lang == "vi",
            "qualifiers": qualifiers}


def line_chart(series: list[Series], *, lang: str = "en") -> dict[str, Any]:
    """One indicator of a province over time: a line per map (old/new boundaries) and unit."""
    units = {s.unit for s in series}
    return {"kind": "line", "unit": chart_unit(series[0].unit, lang) if len(units) == 1 else "", **_locale(lang),
            "datasets": [{"label": _series_label(s, len(units) > 1, lang), "points": _points(s)} for s in series]}


def _points(series: Series) -> list[list[Any]]:
    """[date, value, qualifier] per point: compact, a big province has thousands of points."""
    return [[p.date.isoformat(), chart_number(p.value, p.unit), p.qualifier] for p in series.points]


def _series_label(series: Series, with_unit: bool, lang: str) -> str:
    """A legend entry naming the boundaries (and the unit when units differ)."""
    parts = [boundaries_label(series.boundaries, lang), _span(series.span, lang),
             unit_words(series.unit, lang) if with_unit else ""]
    return " · ".join(p for p in parts if p)


def trend_chart(series: list[Series], *, lang: str = "en") -> dict[str, Any]:
    """One indicator over time for several provinces: a line per province (and map, and span)."""
    if not series:
        return {"kind": "line", "unit": "", "datasets": [], **_locale(lang)}
    unit = Counter(s.unit for s in series).most_common(1)[0][0]
    shown = [s for s in series if s.unit == unit]
    return {"kind": "line", "unit": chart_unit(unit, lang), **_locale(lang),
            "datasets": [{"label": _trend_label(s, lang), "points": _points(s)} for s in shown]}


def _trend_label(series: Series, lang: str) -> str:
    """A legend entry: the province, with its map and span when it has several series."""
    maps = {"2025": N_("2025 map"), "pre-2025": N_("pre-2025 map")}
    tail = gettext(lang, maps[series.boundaries]) if series.boundaries in maps else ""
    return " · ".join(p for p in (series.province or "", tail, _span(series.span, lang)) if p)


def _span(span: str, lang: str) -> str:
    """"over 6 months" in the page's language."""
    return span_words(span, lang)


def bar_chart(rows: list[IndicatorRow], *, lang: str = "en") -> dict[str, Any]:
    """Provinces side by side, largest first, in the indicator's most common unit."""
    if not rows:
        return {"kind": "bar", "unit": "", "labels": [], "values": [], "texts": [], **_locale(lang)}
    unit = Counter(r.unit for r in rows).most_common(1)[0][0]
    shown = sorted((r for r in rows if r.unit == unit), key=lambda r: r.rank)
    twice = {name for name, n in Counter(r.province for r in shown).items() if n > 1}
    maps = {"2025": N_("2025 map"), "pre-2025": N_("pre-2025 map")}
    labels = [f"{r.province} ({gettext(lang, maps.get(r.boundaries or '', N_('map not stated')))})"
              if r.province in twice else r.province for r in shown]
    return {"kind": "bar", "unit": chart_unit(unit, lang), "labels": labels, **_locale(lang),
            "values": [chart_number(r.value, r.unit) for r in shown],
            "texts": [format_value(r.value, r.unit, lang=lang) for r in shown]}
