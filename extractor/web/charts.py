"""Chart data for the pages: plain JSON the vendored Chart.js draws (static/app.js builds the config)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from extractor.store.records import Series
from extractor.web.formatting import boundaries_label, chart_number, chart_unit, format_value
from extractor.web.schemas import IndicatorRow


def line_chart(series: list[Series]) -> dict[str, Any]:
    """One indicator of a province over time: a line per map (old/new boundaries) and unit."""
    units = {s.unit for s in series}
    return {"kind": "line", "unit": chart_unit(series[0].unit) if len(units) == 1 else "",
            "datasets": [{"label": _series_label(s, len(units) > 1),
                          # [date, value, qualifier]: compact, a big province has thousands of points
                          "points": [[p.date.isoformat(), chart_number(p.value, p.unit), p.qualifier]
                                     for p in s.points]}
                         for s in series]}


def _series_label(series: Series, with_unit: bool) -> str:
    """A legend entry naming the boundaries (and the unit when units differ)."""
    parts = [boundaries_label(series.boundaries), series.span, series.unit if with_unit else ""]
    return " · ".join(p for p in parts if p)


def bar_chart(rows: list[IndicatorRow]) -> dict[str, Any]:
    """Provinces side by side, largest first, in the indicator's most common unit."""
    if not rows:
        return {"kind": "bar", "unit": "", "labels": [], "values": [], "texts": []}
    unit = Counter(r.unit for r in rows).most_common(1)[0][0]
    shown = [r for r in rows if r.unit == unit]
    twice = {name for name, n in Counter(r.province for r in shown).items() if n > 1}
    labels = [f"{r.province} ({r.boundaries or 'map not stated'})" if r.province in twice else r.province
              for r in shown]
    return {"kind": "bar", "unit": chart_unit(unit), "labels": labels,
            "values": [chart_number(r.value, r.unit) for r in shown],
            "texts": [format_value(r.value, r.unit) for r in shown]}
