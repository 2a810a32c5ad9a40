"""The web layer's pure helpers: number formatting, highlighting pieces, CSV cells, period labels."""

from __future__ import annotations

import datetime as dt
import doctest
from decimal import Decimal

import pytest

from extractor.registry.bundle import bundled
from extractor.store import facets, labels, series
from extractor.web import formatting, render, tables
from extractor.web.render import Mark, pieces, word_marks


@pytest.mark.parametrize("module", [formatting, render, tables, facets, labels, series])
def test_doctests(module: object) -> None:
    failures, _ = doctest.testmod(module)  # type: ignore[arg-type]
    assert failures == 0


@pytest.mark.parametrize("value, unit, qualifier, lang, shown", [
    ("13374000000000", "VND", "exact", "en", "VND 13,374 billion"),
    ("13374000000000", "VND", "more_than", "en", "more than VND 13,374 billion"),
    ("100000000000000", "VND", "exact", "en", "VND 100,000 billion"),
    ("500000000", "VND", "approx", "en", "about VND 500 million"),
    ("0.14", "%", "exact", "en", "0.14%"),
    ("213000", "households", "more_than", "en", "more than 213,000 households"),
    ("1095500000000", "VND", "exact", "en", "VND 1,095.5 billion"),
    ("13927000000000", "VND", "exact", "vi", "13.927 tỷ đồng"),
    ("13374000000000", "VND", "more_than", "vi", "hơn 13.374 tỷ đồng"),
    ("500000000", "VND", "approx", "vi", "khoảng 500 triệu đồng"),
    ("0.14", "%", "exact", "vi", "0,14%"),
    ("213000", "households", "exact", "vi", "213.000 hộ"),
    ("1095500000000", "VND", "exact", "vi", "1.095,5 tỷ đồng"),
])
def test_values_read_as_people_write_them(value: str, unit: str, qualifier: str, lang: str, shown: str) -> None:
    assert formatting.format_value(Decimal(value), unit, qualifier, lang=lang) == shown


@pytest.mark.parametrize("lang, shown", [("vi", "30/6/2024"), ("en", "30 Jun 2024")])
def test_dates_read_as_each_language_writes_them(lang: str, shown: str) -> None:
    assert formatting.format_date(dt.date(2024, 6, 30), lang) == shown


def test_pieces_never_lose_or_reorder_text() -> None:
    text = "Dư nợ đạt 13.357 tỷ đồng, tăng 7,52%."
    marks = [Mark(10, 24, 0), Mark(31, 36, 1), Mark(12, 14, 2), Mark(30, 99, 3)]  # overlap and overflow dropped
    cut = pieces(text, marks, (0, 25))
    assert "".join(p.text for p in cut) == text
    assert [p.text for p in cut if p.figure is not None] == ["13.357 tỷ đồng", "7,52%"]
    assert "".join(p.text for p in cut if p.selected) == text[:25]


def test_word_marks_ignore_diacritics_and_numbers() -> None:
    text = "Tổng dư nợ của Nghệ An đạt 13.357 tỷ"
    found = [text[m.start:m.end] for m in word_marks(text, "du no nghe an 13.357")]
    assert found == ["dư", "nợ", "Nghệ", "An"]


@pytest.mark.parametrize("raw, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("@SUM(A1)", "'@SUM(A1)"), ("+1", "'+1"),
    ("-cmd", "'-cmd"), ("- a bullet", "- a bullet"), ("-5", "-5"), ("Nghệ An", "Nghệ An"),
])
def test_csv_cells_that_would_run_as_formulas_are_defused(raw: str, safe: str) -> None:
    assert tables.cell(raw) == safe


@pytest.mark.parametrize("as_of, start, end, label", [
    ("2024-06-30", None, None, ""), (None, "2024-01-01", "2024-06-30", "over 6 months"),
    (None, "2024-01-01", "2024-12-31", "over 12 months"), (None, "2024-06-01", "2024-06-10", "over 10 days"),
])
def test_span_labels(as_of: str | None, start: str | None, end: str | None, label: str) -> None:
    assert series.span_label(as_of, start, end) == label


@pytest.mark.parametrize("source, site", [
    ("https://www.vbsp.org.vn/tin/a.html", "vbsp.org.vn"), ("http://baonghean.vn/x", "baonghean.vn"),
    ("/home/me/a.txt", "local file"), ("", ""),
])
def test_source_sites(source: str, site: str) -> None:
    assert facets.source_host(source) == site


@pytest.mark.parametrize("code", sorted(bundled().indicators.indicators))
def test_indicator_names_are_written_once_in_the_lexicon(code: str) -> None:
    name = bundled().indicators.indicators[code].name
    label = labels.indicator_label(code)
    assert label.lower() == name.lower() and label[:1].isupper()  # the YAML's name, no second list
    assert len(name) <= 40, f"{code}: {name!r} is too long for a facet or a column heading"


def test_bar_labels_name_the_map_when_a_province_is_on_both() -> None:
    from extractor.web.charts import bar_chart
    from extractor.web.schemas import IndicatorRow

    def row(province: str, boundaries: str, value: int) -> IndicatorRow:
        return IndicatorRow(province=province, boundaries=boundaries, value=Decimal(value), unit="VND", as_of=None,
                            sources=1, conflict=False, observation_id=1, document_id="d", rank=1)

    chart = bar_chart([row("Ninh Bình", "2025", 9 * 10**12), row("Hà Nam", "pre-2025", 4 * 10**12),
                       row("Ninh Bình", "pre-2025", 3 * 10**12)])
    assert chart["labels"] == ["Ninh Bình (2025 map)", "Hà Nam", "Ninh Bình (pre-2025 map)"]
    assert chart["values"] == [9000.0, 4000.0, 3000.0] and chart["unit"] == "VND billion"


@pytest.mark.parametrize("start, end, lang, shown", [
    (dt.date(2002, 10, 4), None, "en", "since 4 Oct 2002"),  # an open period is no date of its start
    (dt.date(2002, 10, 4), None, "vi", "từ 4/10/2002"),
    (None, dt.date(2025, 12, 10), "vi", "đến 10/12/2025"),
    (dt.date(2024, 1, 1), dt.date(2024, 6, 30), "vi", "1/1/2024 – 30/6/2024"),
    (None, None, "en", ""),
])
def test_periods_say_which_end_they_lack(start: dt.date | None, end: dt.date | None, lang: str, shown: str) -> None:
    assert formatting.format_period(None, start, end, lang) == shown
