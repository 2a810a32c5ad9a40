"""Reading a table's cells: the examples of rules/table_reading.yaml, and the units, ceilings and
year keys of the fixture PDFs' tables as their pages print them.

Expected values are read from the tables the fixture generator draws (scripts/make_fixture_pdfs.py)
and from the rule file's own examples, never from the extractor's output.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from extractor.models import Extraction, Figure
from extractor.nlp.tables import TableReading, header_key
from extractor.parse import load_bytes, load_path
from extractor.pipeline import process
from extractor.registry.bundle import bundled
from helpers.sites import PDFS

READING: TableReading = bundled().table_reading
LANG_SON = PDFS / "ke-hoach-lang-son.pdf"
CAO_BANG = PDFS / "bao-cao-cao-bang.pdf"
QUANG_NINH = PDFS / "quang-ninh-unit-caption.pdf"


# --- the rule file's examples -------------------------------------------------------------------


CAPTIONS = [(c.pattern, e.text, e.unit) for c in READING.unit_captions for e in c.examples.pos]
NOT_CAPTIONS = [(c.pattern, text) for c in READING.unit_captions for text in c.examples.neg]


@pytest.mark.parametrize(("pattern", "text", "unit"), CAPTIONS)
def test_caption_states_its_unit(pattern: str, text: str, unit: str) -> None:
    assert READING.caption_unit(text) == unit


@pytest.mark.parametrize(("pattern", "text"), NOT_CAPTIONS)
def test_line_that_is_no_caption(pattern: str, text: str) -> None:
    assert READING.caption_unit(text) is None


def _words(table: str) -> list[tuple[str, str, str, bool]]:
    entries = getattr(READING, table)
    return [(lang, w.word, text, polarity) for lang, words in entries.items() for w in words
            for polarity, texts in ((True, w.examples.pos), (False, w.examples.neg)) for text in texts]


@pytest.mark.parametrize(("lang", "word", "header", "decides"), _words("unit_columns"))
def test_unit_column_words(lang: str, word: str, header: str, decides: bool) -> None:
    assert READING.is_unit_column(header, lang) is decides


@pytest.mark.parametrize(("lang", "word", "header", "decides"), _words("percent_headers"))
def test_rate_header_words(lang: str, word: str, header: str, decides: bool) -> None:
    """A positive header holds the word; a negative one holds no rate word of the language."""
    if decides:
        assert f" {header_key(word)} " in f" {header_key(header)} " and READING.is_rate(header, lang)
    else:
        assert not READING.is_rate(header, lang)


SIGNS = [(s.sign, s.qualifier, text, polarity) for s in READING.signs
         for polarity, texts in ((True, s.examples.pos), (False, s.examples.neg)) for text in texts]


@pytest.mark.parametrize(("sign", "qualifier", "cell", "decides"), SIGNS)
def test_signs(sign: str, qualifier: str, cell: str, decides: bool) -> None:
    number, found = READING.signed(cell)
    assert (found == qualifier) is decides
    if decides:
        assert sign not in number and number[:1].isdigit()


def test_every_entry_has_examples() -> None:
    """The model refuses an entry without a positive and a negative example."""
    for caption in READING.unit_captions:
        assert caption.examples.pos and caption.examples.neg
    for table in (READING.unit_columns, READING.percent_headers):
        assert all(w.examples.pos and w.examples.neg for words in table.values() for w in words)
    assert all(s.examples.pos and s.examples.neg for s in READING.signs)


# --- the fixtures' tables ---------------------------------------------------------------------


def extracted(path: Path) -> Extraction:
    registry = bundled()
    return process(load_path(path, registry=registry), registry=registry)


@pytest.fixture(scope="module")
def lang_son() -> Extraction:
    return extracted(LANG_SON)


@pytest.fixture(scope="module")
def cao_bang() -> Extraction:
    return extracted(CAO_BANG)


def cell_figures(ex: Extraction, text: str) -> list[Figure]:
    return [f for f in ex.figures if f.text == text and f.rule.startswith("table:")]


def test_caption_unit_reads_bare_numbers(lang_son: Extraction) -> None:
    """ "Đơn vị tính: tỷ đồng" above the appendix: "7.900" is 7,900 billion đồng."""
    (fig,) = cell_figures(lang_son, "7.900")
    assert (fig.kind, fig.value, fig.unit) == ("money", Decimal("7900000000000"), "VND")
    assert fig.column_header == "Tổng nguồn vốn" and fig.row_header == "2026"
    assert fig.page == 3 and fig.bbox is not None


def test_rate_column_is_not_in_the_caption_unit(lang_son: Extraction) -> None:
    (fig,) = cell_figures(lang_son, "0,18")
    assert (fig.kind, fig.value, fig.unit) == ("percent", Decimal("0.18"), "%")


def test_ceiling_is_less_than(lang_son: Extraction) -> None:
    ceilings = cell_figures(lang_son, "< 0,5")
    assert len(ceilings) == 5
    assert {(f.kind, f.value, f.qualifier) for f in ceilings} == {("percent", Decimal("0.5"), "less_than")}


def test_merged_header_levels_head_the_columns(lang_son: Extraction) -> None:
    """ "Trong đó" spans two columns of the header's first row: both columns carry it."""
    (local,) = cell_figures(lang_son, "560")
    (central,) = cell_figures(lang_son, "6.380")
    assert local.column_header == "Trong đó / Vốn ngân sách địa phương ủy thác"
    assert central.column_header == "Trong đó / Vốn Trung ương"


def test_year_keys_are_dates(lang_son: Extraction) -> None:
    years = [d for d in lang_son.dates if d.rule == "table:year"]
    assert [d.text for d in years] == ["2026", "2027", "2028", "2029", "2030"]
    assert all(d.period_start and d.period_end and d.period_start.year == d.period_end.year == int(d.text)
               for d in years)


def test_recipients_state_no_figures(lang_son: Extraction) -> None:
    """ "- 11 Phòng giao dịch NHCSXH cấp huyện;" and "- UBND 200 xã, …" are recipients."""
    closing = lang_son.document.text.index("Nơi nhận")
    assert not [f for f in lang_son.figures if closing <= f.start < closing + 300]


def test_unit_column_gives_each_row_its_unit(cao_bang: Extraction) -> None:
    """Table 1's "ĐVT" column: "Khách hàng" makes its row's numbers customers, "%" rates."""
    (customers,) = cell_figures(cao_bang, "78.412")
    assert (customers.kind, customers.value, customers.unit) == ("count", Decimal("78412"), "customers")
    (rate,) = cell_figures(cao_bang, "0,21")
    assert (rate.kind, rate.unit) == ("percent", "%")
    (plan,) = cell_figures(cao_bang, "< 0,2")
    assert (plan.value, plan.qualifier) == (Decimal("0.2"), "less_than")


def test_numbering_column_holds_no_figures(cao_bang: Extraction) -> None:
    row = cao_bang.document.text.index("3 | Doanh số cho vay")
    assert not [f for f in cao_bang.figures if f.start == row]


def test_million_caption_and_continued_table(cao_bang: Extraction) -> None:
    """ "ĐVT: triệu đồng" above the districts' table holds on its second page too."""
    (first,) = cell_figures(cao_bang, "402.350")
    (total,) = cell_figures(cao_bang, "5.790.000")
    assert first.value == Decimal("402350000000") and total.value == Decimal("5790000000000")
    assert (first.page, total.page) == (2, 3) and total.column_header == "Dư nợ"


def test_english_caption_in_vnd_billion() -> None:
    ex = extracted(QUANG_NINH)
    (fig,) = cell_figures(ex, "4,982")
    assert (fig.kind, fig.value, fig.unit) == ("money", Decimal("4982000000000"), "VND")
    (loans,) = cell_figures(ex, "4,955")
    assert loans.kind == "money"  # "Outstanding loans" names an indicator, not a counted noun


HTML = """<html><head><title>Kết quả</title>
<meta property="article:published_time" content="2025-10-20T08:00:00+07:00"></head><body>
<article><h1>Kết quả tín dụng chính sách tỉnh Ninh Bình qua các năm</h1>
<p>Ngân hàng Chính sách xã hội tỉnh Ninh Bình báo cáo kết quả tín dụng chính sách qua các năm như
sau, theo số liệu tổng hợp của chi nhánh tỉnh gửi Ủy ban nhân dân tỉnh.</p>
<p>Đơn vị tính: tỷ đồng</p>
<table><tr><th>Năm</th><th>Tổng dư nợ</th><th>Tỷ lệ nợ quá hạn</th></tr>
<tr><td>2023</td><td>12.480</td><td>0,12</td></tr>
<tr><td>2024</td><td>13.120</td><td>0,10</td></tr></table>
</article></body></html>"""


def test_html_table_under_a_caption() -> None:
    registry = bundled()
    loaded = load_bytes(HTML.encode(), source="https://example.vn/bang.html", registry=registry,
                        content_type="text/html")
    figures = {f.text: f for f in process(loaded, registry=registry).figures}
    assert figures["12.480"].value == Decimal("12480000000000") and figures["12.480"].unit == "VND"
    assert figures["0,10"].unit == "%"  # "Tỷ lệ …": a rate, not tỷ đồng


def test_a_column_reads_its_cells_one_way() -> None:
    """ "2.345.678" in a column of "1.987,5", "3.120,4" (tỷ đồng): the writer's last dot is the
    column's decimal comma, 2.345,678 tỷ (bao-cao-tin-dung's gold reads it so)."""
    ex = extracted(PDFS / "bao-cao-tin-dung.pdf")
    (odd,) = cell_figures(ex, "2.345.678")
    assert odd.value == Decimal("2345678000000") and "decimal comma" in odd.notes[-1]
    (total,) = cell_figures(extracted(CAO_BANG), "5.790.000")  # a column without decimals: as printed
    assert total.value == Decimal("5790000000000")
