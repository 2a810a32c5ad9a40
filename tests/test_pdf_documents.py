"""Administrative PDFs as provinces publish them, parsed: a Word-exported header, headers of two
rows with merged cells, tables that run onto the next page (header repeated or not), a landscape
appendix, the closing (recipients and signature), a scanned page, wrapped lines.

Expected values come from the fixture generator's strings (scripts/make_fixture_pdfs.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from extractor.parse import Loaded, load_path
from extractor.parse.layout import header_rows, is_numbering_row, label_column, render_table_part
from extractor.parse.pdf import ocr_available
from extractor.parse.pdf.tables import merged_cells
from extractor.registry.bundle import bundled
from helpers.sites import PDFS

needs_ocr = pytest.mark.skipif(not ocr_available(), reason="tesseract with Vietnamese data is not installed")


@pytest.fixture(scope="module")
def lang_son() -> Loaded:
    return load_path(PDFS / "ke-hoach-lang-son.pdf", registry=bundled())


@pytest.fixture(scope="module")
def cao_bang() -> Loaded:
    return load_path(PDFS / "bao-cao-cao-bang.pdf", registry=bundled())


# --- the header Word exports ---------------------------------------------------------------------


def test_word_header_read_although_its_columns_sit_apart(lang_son: Loaded) -> None:
    """Word sets "Số: 215/KH-UBND" and the place and date at different heights: two lines."""
    assert "Số: 215/KH-UBND" in lang_son.text.splitlines()
    assert lang_son.meta["issuer"] == "ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN"
    assert lang_son.meta["doc_number"] == "215/KH-UBND" and lang_son.meta["doc_type"] == "KẾ HOẠCH"
    assert lang_son.published == dt.date(2025, 10, 20)
    assert lang_son.title == ("KẾ HOẠCH Thực hiện Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư về nâng cao "
                              "hiệu quả tín dụng chính sách xã hội giai đoạn 2026 - 2030")
    assert lang_son.meta["pdf_creator"].startswith("Microsoft")


def test_landscape_page_keeps_its_size(lang_son: Loaded) -> None:
    appendix = lang_son.pages[-1]
    assert appendix.width > appendix.height and lang_son.pages[0].width < lang_son.pages[0].height


def test_closing_block_is_a_region(lang_son: Loaded) -> None:
    (region,) = lang_son.regions
    closing = lang_son.text[region.start : region.end]
    assert closing.startswith("Nơi nhận:") and "- 11 Phòng giao dịch NHCSXH cấp huyện;" in closing
    assert "Đoàn Thu Hà" in closing and "Phụ lục" not in closing  # the appendix starts a new page


def test_wrapped_lines_are_joined(lang_son: Loaded) -> None:
    assert ("Đến 30/6/2025, tổng nguồn vốn tín dụng chính sách xã hội trên địa bàn tỉnh đạt 7.215 tỷ đồng, trong "
            "đó nguồn vốn ngân sách địa phương ủy thác đạt 486 tỷ đồng.") in lang_son.text
    assert "- Tỷ lệ nợ quá hạn dưới 0,3% tổng dư nợ." in lang_son.text.splitlines()  # a list item stands alone


# --- headers of two rows ----------------------------------------------------------------------------


def test_merged_header_cells_head_every_column_they_span(lang_son: Loaded) -> None:
    cells = [c for c in lang_son.cells if c.row == 3]  # the 2026 row
    headers = [c.column_header for c in cells]
    assert headers == ["Năm", "Tổng nguồn vốn", "Trong đó / Vốn ngân sách địa phương ủy thác",
                       "Trong đó / Vốn Trung ương", "Tổng dư nợ", "Doanh số cho vay", "Tỷ lệ nợ quá hạn (%)"]
    assert [c.role for c in cells] == ["label"] + ["data"] * 6 and cells[1].row_header == "2026"
    spans = cells[2].column_header_spans
    assert [lang_son.text[a:b] for a, b in spans] == ["Trong đó", "Vốn ngân sách địa phương ủy thác"]


def test_header_rows_and_numbering() -> None:
    assert header_rows([["Năm", "Dư nợ"], ["", "Trong đó"], ["2026", "7.900"]]) == 2
    assert header_rows([["Chỉ tiêu", "2023", "2024"], ["Dư nợ", "12.480", "13.120"]]) == 1
    assert header_rows([["a", "b"], ["c", "d"]]) == 0
    assert is_numbering_row(["(1)", "(2)", "(3)", "(4)"]) and is_numbering_row(["A", "B", "1", "2", "3"])
    assert not is_numbering_row(["2026", "7.900", "560"])
    assert label_column([["1", "Tổng nguồn vốn", "Tỷ đồng", "4.215"], ["2", "Tổng dư nợ", "Tỷ đồng", "4.198"]]) == 1


def test_merged_cells_from_boxes() -> None:
    """A label two rows high and a header two columns wide, as pdfplumber gives their boxes."""
    boxes = [[(0, 0, 10, 20), (10, 0, 30, 10), None], [None, (10, 10, 20, 20), (20, 10, 30, 20)]]
    columns = [(0, 10), (10, 20), (20, 30)]
    assert merged_cells(boxes, columns) == {(0, 2): (0, 1), (1, 0): (0, 0)}


def test_numbering_row_is_header_not_data() -> None:
    rows = [["TT", "Chỉ tiêu", "Năm 2024"], ["(1)", "(2)", "(3)"], ["1", "Tổng dư nợ", "5.560"]]
    _, cells, _ = render_table_part(rows, offset=0, table=0)
    assert [c.role for c in cells if c.row == 1] == ["header"] * 3
    assert [c.column_header for c in cells if c.row == 2] == ["TT", "Chỉ tiêu", "Năm 2024"]


# --- tables that run onto the next page --------------------------------------------------------------


def test_repeated_header_continues_the_table(cao_bang: Loaded) -> None:
    programmes = [c for c in cao_bang.cells if c.table == 1]
    assert {c.page for c in programmes} == {1, 2}
    repeated = [c for c in programmes if c.page == 2 and c.role == "header"]
    assert [cao_bang.text[c.start : c.end] for c in repeated] == ["TT", "Chương trình", "Dư nợ (tỷ đồng)",
                                                                  "Số khách hàng còn dư nợ"]
    (last,) = [c for c in programmes if cao_bang.text[c.start : c.end] == "12,4"]
    assert last.column_header == "Dư nợ (tỷ đồng)" and last.row_header == "Cho vay người chấp hành xong án phạt tù"


def test_table_continued_without_its_header(cao_bang: Loaded) -> None:
    districts = [c for c in cao_bang.cells if c.table == 2]
    assert {c.page for c in districts} == {2, 3}
    assert not [c for c in districts if c.page == 3 and c.role == "header"]
    (total,) = [c for c in districts if cao_bang.text[c.start : c.end] == "6.369"]
    assert (total.page, total.column_header, total.row_header) == (3, "Nợ quá hạn", "Toàn tỉnh")
    rows = sorted({c.row for c in districts})
    assert rows == list(range(len(rows)))  # rows numbered on across the page break


def test_two_rows_of_header_over_years(cao_bang: Loaded) -> None:
    (cell,) = [c for c in cao_bang.cells if c.table == 0 and cao_bang.text[c.start : c.end] == "5.578"]
    assert cell.column_header == "Thực hiện / Năm 2024" and cell.row_header == "Tổng nguồn vốn"


# --- a scanned page ------------------------------------------------------------------------------------


@needs_ocr
def test_scanned_page_is_read_by_ocr() -> None:
    loaded = load_path(PDFS / "thong-bao-dien-bien-scan.pdf", registry=bundled())
    assert not loaded.pages[0].ocr and loaded.pages[1].ocr
    assert "Tổng dư nợ đạt 6.870 tỷ đồng với 91.204 khách hàng còn dư nợ;" in loaded.text
    assert loaded.meta["issuer"] == "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"
