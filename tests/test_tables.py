"""Figures in table cells: the unit from the column header, the headers and box on the figure."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from extractor.nlp.tables import unit_phrase
from extractor.parse import load_bytes, load_path
from extractor.pipeline import process
from extractor.registry.bundle import bundled

PDF = Path(__file__).resolve().parent.parent / "corpus" / "fixtures" / "pdf" / "bao-cao-tin-dung.pdf"

HTML = """<html><head><title>Kết quả cho vay</title>
<meta property="article:published_time" content="2025-10-20T08:00:00+07:00"></head><body>
<article><h1>Kết quả cho vay chính sách 9 tháng năm 2025</h1>
<p>Ngân hàng Chính sách xã hội tỉnh Ninh Bình báo cáo kết quả cho vay các chương trình tín dụng
chính sách trong 9 tháng năm 2025 như sau, theo số liệu tổng hợp của chi nhánh tỉnh.</p>
<table><tr><th>Chương trình</th><th>Dư nợ (tỷ đồng)</th><th>Số hộ</th></tr>
<tr><td>Cho vay hộ nghèo</td><td>1.250</td><td>18.400</td></tr>
<tr><td>Cho vay hộ cận nghèo</td><td>980,5</td><td>12.115</td></tr></table>
<p>Tỷ lệ nợ quá hạn của toàn chi nhánh được kiểm soát ở mức thấp, chỉ chiếm 0,09% tổng dư nợ.</p>
</article></body></html>"""


def test_unit_phrase() -> None:
    assert unit_phrase("Dư nợ (tỷ đồng)", "vi", bundled().tables) == "tỷ đồng"
    assert unit_phrase("Số khách hàng", "vi", bundled().tables) == "khách hàng"
    assert unit_phrase("Number of households", "en", bundled().tables) == "households"


def test_pdf_table_cells_become_figures_with_headers_page_and_box() -> None:
    figures = process(load_path(PDF, registry=bundled()), registry=bundled()).figures
    cell = [f for f in figures if f.text == "1.987,5"]
    assert len(cell) == 1
    f = cell[0]
    assert (f.kind, f.value, f.unit) == ("money", Decimal("1987500000000"), "VND")
    assert f.row_header == "Cho vay hộ cận nghèo" and f.column_header == "Dư nợ (tỷ đồng)"
    assert f.page == 2 and f.bbox is not None
    counts = [f for f in figures if f.text == "41.250"]
    assert counts and counts[0].value == 41250 and counts[0].column_header == "Số khách hàng"


def test_html_table_cells_become_figures_with_headers() -> None:
    loaded = load_bytes(registry=bundled(), raw=HTML.encode(), source="https://example.vn/bang.html",
                        content_type="text/html")
    by_text = {f.text: f for f in process(loaded, registry=bundled()).figures}
    assert by_text["980,5"].value == Decimal("980500000000")
    assert by_text["980,5"].row_header == "Cho vay hộ cận nghèo"
    assert by_text["18.400"].value == 18400 and by_text["18.400"].unit == "households"
    assert "Chương trình" not in by_text  # labels are not figures
