"""Generate the fixture PDFs in corpus/fixtures/pdf/ with fpdf2 and DejaVu (Vietnamese glyphs).

Run ``python scripts/make_fixture_pdfs.py`` after changing this file and commit the PDFs;
``tests/test_parse_pdf.py`` regenerates them into a temporary folder and checks the text is
the same as the committed files' (freshness).

- ``bao-cao-tin-dung.pdf``: a three-page report with a bordered table on page 2 and a line drawn
  twice (fake bold: duplicate characters) on page 3.
- ``ke-hoach-ninh-binh.pdf``: a Vietnamese administrative document (plan) with the standard
  header (issuer, "Số:", place and date, title) and a signature block.
- ``scan-thong-bao.pdf``: one scanned page (text rendered with Pillow as an image) whose only
  text layer is a stamped page number.
- ``ma-cu-tcvn3.pdf``: one normal page and one page of legacy TCVN3-font mojibake.
- ``ban-tin-hai-cot.pdf``: a headline over two columns of text (reading order), and a page with
  a table drawn without ruling lines.
- ``ke-hoach-lang-son.pdf``: a provincial plan as Word exports it (serif font, the header's two
  columns set at different heights, metadata of Word), a report section and a target section, a
  recipients list with numbers in it, and a landscape appendix: "Đơn vị tính: tỷ đồng" above a
  table whose header spans two rows ("Trong đó" over two columns), one row per plan year, a
  row of actuals, a "Cộng" row, "< 0,5" ceilings and a note under it.
- ``bao-cao-cao-bang.pdf``: a provincial report with a table of years as columns under
  "Thực hiện" beside a "Kế hoạch năm 2025" column and a "ĐVT" column; a table of programmes that
  runs onto the next page with its header repeated; a table of districts, "ĐVT: triệu đồng",
  that runs onto the next page without it; a target section and a signature block.
- ``quang-ninh-unit-caption.pdf``: an English summary with "Unit: VND billion" above a table of
  years as rows.
- ``thong-bao-dien-bien-scan.pdf``: a notice whose first page has a text layer (header, first
  paragraph) and whose second page is a scan (OCR'd where tesseract is installed).
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "corpus" / "fixtures" / "pdf"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT = FONT_DIR / "DejaVuSans.ttf"
FONT_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
SERIF = {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf",
         "BI": "DejaVuSerif-BoldItalic.ttf"}
CREATED = dt.datetime(2025, 9, 18, 8, 0, tzinfo=dt.UTC)


def new_pdf(title: str) -> FPDF:
    """An A4 document with DejaVu fonts and fixed metadata, so output is reproducible."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(CREATED)
    pdf.set_title(title)
    pdf.set_producer("make_fixture_pdfs.py")
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.add_font("DejaVu", "B", str(FONT_BOLD))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(20, 20, 20)
    return pdf


def para(pdf: FPDF, text: str, *, size: float = 12, style: str = "", align: str = "J") -> None:
    """A paragraph of body text, full width."""
    pdf.set_font("DejaVu", style, size)
    pdf.multi_cell(0, 7, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)


def report(path: Path) -> None:
    """Three pages: prose with figures, a table with row and column headers, a doubled line."""
    pdf = new_pdf("Báo cáo kết quả tín dụng chính sách 9 tháng năm 2025")
    pdf.add_page()
    para(
        pdf,
        "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG TÍN DỤNG CHÍNH SÁCH 9 THÁNG NĂM 2025",
        size=14,
        style="B",
        align="C",
    )
    para(
        pdf,
        "Đến ngày 30/9/2025, tổng nguồn vốn tín dụng chính sách xã hội của chi nhánh đạt 13.374 tỷ đồng, "
        "tăng 1.029 tỷ đồng so với đầu năm, tốc độ tăng trưởng 8,34%.",
    )
    para(
        pdf,
        "Nguồn vốn ngân sách địa phương ủy thác đạt 1.146 tỷ đồng, chiếm 8,57% tổng nguồn vốn. "
        "Tổng dư nợ đạt 13.357 tỷ đồng với 234.414 khách hàng còn dư nợ.",
    )
    para(pdf, "Chi tiết kết quả cho vay theo chương trình được trình bày tại bảng ở trang sau.")
    pdf.add_page()
    para(pdf, "Bảng 1. Kết quả cho vay một số chương trình", style="B")
    pdf.set_font("DejaVu", "", 11)
    rows = [
        ("Chương trình", "Dư nợ (tỷ đồng)", "Số khách hàng"),
        ("Cho vay hộ nghèo", "2.345.678", "41.250"),
        ("Cho vay hộ cận nghèo", "1.987,5", "35.112"),
        ("Cho vay giải quyết việc làm", "3.120,4", "52.903"),
        ("Nước sạch và vệ sinh môi trường", "1.402,9", "61.488"),
    ]
    with pdf.table(
        col_widths=(80, 45, 45), text_align=("LEFT", "RIGHT", "RIGHT"), first_row_as_headings=True
    ) as table:
        for row in rows:
            table.row(row)
    pdf.ln(4)
    para(pdf, "Tỷ lệ nợ quá hạn chiếm 0,09% tổng dư nợ, giảm 0,02 điểm phần trăm so với đầu năm.")
    pdf.add_page()
    para(pdf, "Kết luận", style="B")
    y = pdf.get_y()
    for _ in range(2):  # the same line drawn twice: pdfplumber sees every character doubled
        pdf.set_xy(20, y)
        pdf.set_font("DejaVu", "", 12)
        pdf.cell(0, 7, "Phấn đấu đến năm 2030 nguồn vốn ủy thác đạt 2.500 tỷ đồng.")
    pdf.set_xy(20, y + 10)
    para(pdf, "Chi nhánh tiếp tục triển khai các giải pháp nâng cao chất lượng tín dụng.")
    pdf.output(str(path))


def two_columns(
    pdf: FPDF, left: str, right: str, *, style_left: str = "", style_right: str = ""
) -> None:
    """One header row: left block (issuer) and right block (national motto, place and date)."""
    y = pdf.get_y()
    pdf.set_font("DejaVu", style_left, 11)
    pdf.set_xy(15, y)
    pdf.cell(75, 6, left, align="C")
    pdf.set_font("DejaVu", style_right, 11)
    pdf.set_xy(95, y)
    pdf.cell(100, 6, right, align="C")
    pdf.set_y(y + 6)


def recipients_and_signer(pdf: FPDF, y: float, recipients: list[str], signer: list[str]) -> None:
    """A typed report's closing block at ``y``: recipients on the left, the signer on the right."""
    for i, line in enumerate(recipients):
        pdf.set_font("DejaVu", "", 10)
        pdf.set_xy(20, y + i * 6)
        pdf.cell(70, 6, line)
    for i, line in enumerate(signer):
        pdf.set_font("DejaVu", "B", 11)
        pdf.set_xy(110, y + i * 6)
        pdf.cell(80, 6, line, align="C")


def plan(path: Path) -> None:
    """A provincial plan with the standard administrative header and signature block."""
    pdf = new_pdf("Kế hoạch 12/KH-UBND")
    pdf.add_page()
    two_columns(pdf, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style_right="B")
    two_columns(
        pdf, "TỈNH NINH BÌNH", "Độc lập - Tự do - Hạnh phúc", style_left="B", style_right="B"
    )
    pdf.ln(4)
    two_columns(pdf, "Số: 12/KH-UBND", "Ninh Bình, ngày 18 tháng 9 năm 2025")
    pdf.ln(8)
    para(pdf, "KẾ HOẠCH", size=13, style="B", align="C")
    para(
        pdf,
        "Thực hiện Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư\n"
        "về nâng cao hiệu quả tín dụng chính sách xã hội",
        style="B",
        align="C",
    )
    pdf.ln(3)
    para(
        pdf,
        "Căn cứ Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư và Quyết định số 05/QĐ-TTg ngày "
        "04/01/2023 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:",
    )
    para(pdf, "I. MỤC TIÊU", style="B", align="L")
    para(
        pdf,
        "1. Phấn đấu đến năm 2030, nguồn vốn ủy thác từ ngân sách địa phương đạt tối thiểu 1.500 tỷ "
        "đồng, chiếm 15% tổng nguồn vốn tín dụng chính sách trên địa bàn.",
    )
    para(
        pdf,
        "2. Hằng năm bố trí tối thiểu 120 tỷ đồng từ ngân sách tỉnh ủy thác qua Ngân hàng Chính sách "
        "xã hội; tỷ lệ nợ quá hạn dưới 0,3% tổng dư nợ.",
    )
    pdf.add_page()
    para(pdf, "II. NHIỆM VỤ, GIẢI PHÁP", style="B", align="L")
    para(
        pdf,
        "Các sở, ngành và Ủy ban nhân dân cấp xã tổ chức quán triệt Chỉ thị đến 100% chi bộ; "
        "hỗ trợ khoảng 25.000 lượt hộ nghèo, hộ cận nghèo được vay vốn mỗi năm.",
    )
    pdf.ln(6)
    y = pdf.get_y()
    left = ["Nơi nhận:", "- Ban Bí thư (để b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh;", "- Lưu: VT, KT."]
    right = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Nguyễn Cao Sơn"]
    recipients_and_signer(pdf, y, left, right)
    pdf.output(str(path))


SCAN_LINES = [
    "THÔNG BÁO",
    "Ngân hàng Chính sách xã hội tỉnh Ninh Bình",
    "Dư nợ đạt 13.357 tỷ đồng, tăng 1.029 tỷ đồng.",
    "Số hộ vay vốn: 234.414 hộ.",
]


def scan_image() -> Image.Image:
    """A white A4 page at 150 dpi with the notice rendered in black DejaVu text (no text layer)."""
    image = Image.new("L", (1240, 1754), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), 34)
    for i, line in enumerate(SCAN_LINES):
        draw.text((120, 180 + i * 70), line, font=font, fill=0)
    return image


def scan(path: Path) -> None:
    """One image-only page: the scanned notice."""
    pdf = new_pdf("Thông báo (bản quét)")
    pdf.add_page()
    buffer = io.BytesIO()
    scan_image().save(buffer, format="PNG", optimize=False)
    pdf.image(buffer, x=0, y=0, w=210, h=297)
    pdf.set_font("DejaVu", "", 9)  # scanners often stamp a page number as real text
    pdf.set_auto_page_break(auto=False)
    pdf.set_xy(0, 285)
    pdf.cell(210, 5, "Trang 1", align="C")
    pdf.output(str(path))


# Legacy TCVN3 (ABC) bytes shown through a Unicode font: what a PDF with a TCVN3 font yields.
TCVN3_TEXT = (
    "Ng©n hµng ChÝnh s¸ch x· héi tØnh Ninh B×nh ®· gi¶i ng©n 1.250 tû ®ång cho "
    "21.345 lao ®éng, d­ nî ch­¬ng tr×nh häc sinh sinh viªn ®¹t 356,8 tû ®ång."
)


def legacy(path: Path) -> None:
    """Page 1 in Unicode, page 2 in TCVN3 mojibake."""
    pdf = new_pdf("Văn bản phông chữ cũ")
    pdf.add_page()
    para(pdf, "Trang này dùng phông Unicode: dư nợ đạt 1.250 tỷ đồng.")
    pdf.add_page()
    for _ in range(3):
        para(pdf, TCVN3_TEXT)
    pdf.output(str(path))


LEFT_COLUMN = (
    "Năm 2025, chi nhánh Ngân hàng Chính sách xã hội tỉnh Quảng Trị đã giải ngân 4.567 tỷ đồng "
    "cho hơn 61.230 lượt hộ nghèo, hộ cận nghèo và các đối tượng chính sách khác. Nguồn vốn "
    "ủy thác từ ngân sách địa phương đạt 812 tỷ đồng, tăng 96 tỷ đồng so với năm trước."
)
RIGHT_COLUMN = (
    "Tỷ lệ nợ quá hạn giảm còn 0,11% tổng dư nợ. Toàn tỉnh có 1.874 tổ tiết kiệm và vay vốn "
    "hoạt động hiệu quả, trong đó 97% tổ được xếp loại tốt. Chi nhánh phấn đấu năm 2026 tăng "
    "trưởng tín dụng trên 9% và đưa nguồn vốn địa phương đạt 1.000 tỷ đồng."
)


def newsletter(path: Path) -> None:
    """One page: a full-width headline over two columns of running text (reading order test)."""
    pdf = new_pdf("Bản tin tín dụng chính sách")
    pdf.add_page()
    para(pdf, "BẢN TIN TÍN DỤNG CHÍNH SÁCH QUẢNG TRỊ NĂM 2025", size=14, style="B", align="C")
    top = pdf.get_y() + 2
    pdf.set_font("DejaVu", "", 11)
    for x, text in ((20, f"{LEFT_COLUMN} {LEFT_COLUMN}"), (108, f"{RIGHT_COLUMN} {RIGHT_COLUMN}")):
        pdf.set_xy(x, top)
        pdf.multi_cell(82, 6, text, align="J")
    pdf.add_page()
    para(pdf, "Kết quả theo huyện (bảng không kẻ khung):", style="B", align="L")
    rows = [
        ("Huyện", "Số hộ vay", "Dư nợ (tỷ đồng)"),
        ("Hải Lăng", "6.412", "318,5"),
        ("Triệu Phong", "5.907", "287,2"),
        ("Gio Linh", "4.388", "201,9"),
    ]
    for i, (name, count, debt) in enumerate(rows):
        pdf.set_font("DejaVu", "B" if i == 0 else "", 11)
        pdf.set_x(20)
        pdf.cell(70, 7, name)
        pdf.cell(45, 7, count, align="R")
        pdf.cell(55, 7, debt, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)
    para(pdf, "Số liệu do chi nhánh tổng hợp đến ngày 31/12/2025.")
    pdf.output(str(path))


# --- a plan as Word exports it -----------------------------------------------------------------

WORD = "Microsoft® Word for Microsoft 365"


def word_pdf(title: str) -> FPDF:
    """An A4 document in a serif font with the margins of an official document and Word's
    metadata (what a province's plan exported from Word carries)."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(CREATED)
    pdf.set_title(title)
    pdf.set_creator(WORD)
    pdf.set_producer(WORD)
    for style, name in SERIF.items():
        pdf.add_font("Serif", style, str(FONT_DIR / name))
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_margins(30, 20, 20)
    return pdf


def runs(pdf: FPDF, x: float, y: float, parts: list[tuple[str, str, float]], *, width: float) -> None:
    """A line drawn as Word draws it, one run per change of style, centred in ``width`` from ``x``."""
    total = 0.0
    for text, style, size in parts:
        pdf.set_font("Serif", style, size)
        total += pdf.get_string_width(text)
    cursor = x + (width - total) / 2
    for text, style, size in parts:
        pdf.set_font("Serif", style, size)
        pdf.set_xy(cursor, y)
        pdf.cell(pdf.get_string_width(text), 6, text)
        cursor += pdf.get_string_width(text)


def word_header(pdf: FPDF, *, body: list[str], number: str, place_date: tuple[str, str]) -> None:
    """The two-column header of a Word document: a borderless table whose right column sits a
    little lower than the left (the motto's font is smaller), rules drawn under both."""
    left, right = (15.0, 75.0), (90.0, 110.0)
    runs(pdf, left[0], 15, [(body[0], "", 12.5)], width=left[1])
    runs(pdf, right[0], 15.3, [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "B", 12)], width=right[1])
    runs(pdf, left[0], 20.5, [(body[1], "B", 12.5)], width=left[1])
    runs(pdf, right[0], 20.8, [("Độc lập - Tự do - Hạnh phúc", "B", 13)], width=right[1])
    pdf.set_line_width(0.3)
    pdf.line(41, 27, 64, 27)
    pdf.line(117, 27.3, 173, 27.3)
    runs(pdf, left[0], 30, [("Số: ", "", 13), (number, "", 13)], width=left[1])
    runs(pdf, right[0], 32.2, [(place_date[0], "I", 13), (place_date[1], "I", 13)], width=right[1])
    pdf.set_y(44)


def word_para(pdf: FPDF, text: str, *, style: str = "", align: str = "J", size: float = 13) -> None:
    """A paragraph of 13-point serif body text with Word's spacing after it."""
    pdf.set_font("Serif", style, size)
    pdf.multi_cell(0, 6.5, text, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(1.5)


def page_number(pdf: FPDF, number: int) -> None:
    """A page number centred at the top, as official documents number pages from the second."""
    y = pdf.get_y()
    pdf.set_font("Serif", "", 12)
    pdf.set_xy(0, 10)
    pdf.cell(pdf.w, 5, str(number), align="C")
    pdf.set_y(max(y, 20))


def signature(pdf: FPDF, recipients: list[str], signer: list[str], *, x_left: float, x_right: float) -> None:
    """The closing block: recipients on the left, the signer's block on the right."""
    y = pdf.get_y() + 4
    for i, line in enumerate(recipients):
        pdf.set_font("Serif", "BI" if i == 0 else "", 12 if i == 0 else 11)
        pdf.set_xy(x_left, y + i * 5.5)
        pdf.cell(80, 5.5, line)
    for i, line in enumerate(signer):
        pdf.set_font("Serif", "B", 13)
        pdf.set_xy(x_right, y + i * 6)
        pdf.cell(80, 6, line, align="C")
    pdf.set_y(y + max(len(recipients) * 5.5, len(signer) * 6) + 4)


LANG_SON_TARGETS = [
    ("Thực hiện đến 30/6/2025", "7.215", "486", "5.840", "7.182", "1.480", "0,18"),
    ("2026", "7.900", "560", "6.380", "7.850", "3.100", "< 0,5"),
    ("2027", "8.450", "640", "6.800", "8.390", "3.250", "< 0,5"),
    ("2028", "9.050", "720", "7.250", "8.990", "3.400", "< 0,5"),
    ("2029", "9.750", "810", "7.780", "9.690", "3.550", "< 0,5"),
    ("2030", "10.500", "900", "8.350", "10.440", "3.700", "< 0,5"),
    ("Cộng giai đoạn 2026 - 2030", "", "", "", "", "17.000", ""),
]


def lang_son_plan(path: Path) -> None:
    """Lạng Sơn's plan 215/KH-UBND: Word's header, report and target sections, a closing block
    with numbers among its recipients, and a landscape appendix of yearly targets."""
    pdf = word_pdf("Microsoft Word - KH 215 tin dung chinh sach.docx")
    pdf.add_page()
    word_header(pdf, body=["ỦY BAN NHÂN DÂN", "TỈNH LẠNG SƠN"], number="215/KH-UBND",
                place_date=("Lạng Sơn", ", ngày 20 tháng 10 năm 2025"))
    word_para(pdf, "KẾ HOẠCH", style="B", align="C", size=14)
    word_para(pdf, "Thực hiện Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư\nvề nâng cao hiệu quả "
              "tín dụng chính sách xã hội\ngiai đoạn 2026 - 2030", style="B", align="C")
    pdf.line(95, pdf.get_y(), 135, pdf.get_y())
    pdf.ln(4)
    for text, style in LANG_SON_BODY:
        word_para(pdf, text, style=style, align="L" if style else "J")
    signature(pdf, ["Nơi nhận:", "- Ban Bí thư (b/c);", "- Ngân hàng CSXH Việt Nam;", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                    "- 11 Phòng giao dịch NHCSXH cấp huyện;", "- UBND 200 xã, phường, thị trấn;", "- Lưu: VT, KT."],
              ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "", "Đoàn Thu Hà"],
              x_left=30, x_right=110)
    page_number(pdf, 2)
    pdf.add_page(orientation="L")
    page_number(pdf, 3)
    word_para(pdf, "Phụ lục", style="B", align="C")
    word_para(pdf, "MỘT SỐ CHỈ TIÊU TÍN DỤNG CHÍNH SÁCH XÃ HỘI GIAI ĐOẠN 2026 - 2030", style="B", align="C")
    word_para(pdf, "(Kèm theo Kế hoạch số 215/KH-UBND ngày 20/10/2025 của Ủy ban nhân dân tỉnh Lạng Sơn)",
              style="I", align="C")
    word_para(pdf, "Đơn vị tính: tỷ đồng", style="I", align="R", size=12)
    pdf.set_font("Serif", "", 11)
    with pdf.table(col_widths=(50, 32, 42, 32, 32, 32, 27), text_align="CENTER", num_heading_rows=2,
                   line_height=6) as table:
        head = table.row()
        for text in ("Năm", "Tổng nguồn vốn"):
            head.cell(text, rowspan=2)
        head.cell("Trong đó", colspan=2)
        for text in ("Tổng dư nợ", "Doanh số cho vay", "Tỷ lệ nợ quá hạn (%)"):
            head.cell(text, rowspan=2)
        sub = table.row()
        sub.cell("Vốn ngân sách địa phương ủy thác")
        sub.cell("Vốn Trung ương")
        for values in LANG_SON_TARGETS:
            table.row(values)
    pdf.ln(3)
    word_para(pdf, "Ghi chú: Nguồn vốn và dư nợ là số dư tại thời điểm 31/12 hằng năm; doanh số cho vay là số "
              "phát sinh trong năm.", style="I", size=11)
    pdf.output(str(path))


LANG_SON_BODY = [
    ("Căn cứ Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư về nâng cao hiệu quả tín dụng chính sách xã "
     "hội trong giai đoạn mới, Ủy ban nhân dân tỉnh Lạng Sơn ban hành Kế hoạch thực hiện giai đoạn 2026 - 2030 "
     "như sau:", ""),
    ("I. KẾT QUẢ THỰC HIỆN GIAI ĐOẠN 2021 - 2025", "B"),
    ("Đến 30/6/2025, tổng nguồn vốn tín dụng chính sách xã hội trên địa bàn tỉnh đạt 7.215 tỷ đồng, trong đó "
     "nguồn vốn ngân sách địa phương ủy thác đạt 486 tỷ đồng. Tổng dư nợ đạt 7.182 tỷ đồng với 96.540 khách "
     "hàng còn dư nợ; tỷ lệ nợ quá hạn chiếm 0,18% tổng dư nợ.", ""),
    ("II. MỤC TIÊU", "B"),
    ("1. Mục tiêu chung: huy động tối đa các nguồn lực cho tín dụng chính sách xã hội, góp phần thực hiện "
     "giảm nghèo bền vững và xây dựng nông thôn mới.", ""),
    ("2. Mục tiêu cụ thể: phấn đấu đến năm 2030, tổng nguồn vốn tín dụng chính sách xã hội trên địa bàn tỉnh "
     "đạt 10.500 tỷ đồng, trong đó nguồn vốn ngân sách địa phương ủy thác đạt 900 tỷ đồng.", ""),
    ("- Tốc độ tăng trưởng dư nợ hằng năm trên 7%;", ""),
    ("- Tỷ lệ nợ quá hạn dưới 0,3% tổng dư nợ.", ""),
    ("Chỉ tiêu cụ thể từng năm tại Phụ lục kèm theo Kế hoạch này.", ""),
    ("III. NHIỆM VỤ VÀ GIẢI PHÁP", "B"),
    ("Ngân sách tỉnh bố trí vốn ủy thác qua Ngân hàng Chính sách xã hội theo Phụ lục; các huyện, thành phố cân "
     "đối ngân sách địa phương để bổ sung nguồn vốn cho vay.", ""),
    ("IV. TỔ CHỨC THỰC HIỆN", "B"),
    ("Giao Chi nhánh Ngân hàng Chính sách xã hội tỉnh chủ trì, phối hợp với các sở, ngành theo dõi, tổng hợp "
     "kết quả thực hiện, báo cáo Ủy ban nhân dân tỉnh định kỳ hằng năm.", ""),
]


# --- a provincial report: tables of years, tables that run onto the next page ------------------

CAO_BANG_YEARS = [
    ("1", "Tổng nguồn vốn", "Tỷ đồng", "4.215", "4.630", "5.102", "5.578", "6.000"),
    ("", "Trong đó: Vốn ngân sách địa phương ủy thác", "Tỷ đồng", "182", "215", "251", "296", "350"),
    ("2", "Tổng dư nợ", "Tỷ đồng", "4.198", "4.611", "5.085", "5.560", "5.980"),
    ("3", "Doanh số cho vay", "Tỷ đồng", "1.402", "1.515", "1.630", "1.748", "1.800"),
    ("4", "Số khách hàng còn dư nợ", "Khách hàng", "78.412", "80.105", "81.322", "82.970", "84.000"),
    ("5", "Tỷ lệ nợ quá hạn", "%", "0,21", "0,18", "0,15", "0,12", "< 0,2"),
]
CAO_BANG_PROGRAMMES = [
    ("1", "Cho vay hộ nghèo", "812,4", "15.230"),
    ("2", "Cho vay hộ cận nghèo", "1.105,6", "18.420"),
    ("3", "Cho vay hộ mới thoát nghèo", "486,2", "8.105"),
    ("4", "Cho vay học sinh, sinh viên", "95,3", "2.140"),
    ("5", "Cho vay giải quyết việc làm", "702,8", "10.360"),
    ("6", "Cho vay nước sạch và vệ sinh môi trường", "690,5", "14.870"),
    ("7", "Cho vay nhà ở xã hội", "120,7", "310"),
    ("8", "Cho vay hộ nghèo về nhà ở", "58,9", "1.450"),
    ("9", "Cho vay hộ sản xuất kinh doanh vùng khó khăn", "1.210,4", "9.765"),
    ("10", "Cho vay đồng bào dân tộc thiểu số", "402,6", "2.150"),
    ("11", "Cho vay người lao động đi làm việc ở nước ngoài", "35,1", "120"),
    ("12", "Cho vay người chấp hành xong án phạt tù", "12,4", "130"),
    ("13", "Các chương trình khác", "57,1", "100"),
    ("", "Tổng cộng", "5.790,0", "83.150"),
]
CAO_BANG_DISTRICTS = [
    ("Thành phố Cao Bằng", "402.350", "402", "0,10"),
    ("Huyện Bảo Lâm", "712.480", "812", "0,11"),
    ("Huyện Bảo Lạc", "655.920", "705", "0,11"),
    ("Huyện Hà Quảng", "748.310", "1.024", "0,14"),
    ("Huyện Trùng Khánh", "690.140", "780", "0,11"),
    ("Huyện Hạ Lang", "402.760", "398", "0,10"),
    ("Huyện Quảng Hòa", "612.530", "655", "0,11"),
    ("Huyện Hòa An", "598.270", "590", "0,10"),
    ("Huyện Nguyên Bình", "556.890", "601", "0,11"),
    ("Huyện Thạch An", "410.350", "402", "0,10"),
    ("Toàn tỉnh", "5.790.000", "6.369", "0,11"),
]


def two_level_years(pdf: FPDF) -> None:
    """Years as columns under "Thực hiện", the year's plan beside them, a unit column."""
    pdf.set_font("DejaVu", "", 8.5)
    with pdf.table(col_widths=(8, 42, 16, 20, 20, 20, 20, 24), text_align="CENTER", num_heading_rows=2,
                   line_height=5) as table:
        head = table.row()
        for text in ("TT", "Chỉ tiêu", "ĐVT"):
            head.cell(text, rowspan=2)
        head.cell("Thực hiện", colspan=4)
        head.cell("Kế hoạch năm 2025", rowspan=2)
        sub = table.row()
        for year in range(2021, 2025):
            sub.cell(f"Năm {year}")
        for values in CAO_BANG_YEARS:
            table.row(values)


def cao_bang_report(path: Path) -> None:
    """Cao Bằng's report 305/BC-UBND: three tables, two of them running onto the next page."""
    pdf = new_pdf("Báo cáo 305/BC-UBND")
    pdf.add_page()
    two_columns(pdf, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style_right="B")
    two_columns(pdf, "TỈNH CAO BẰNG", "Độc lập - Tự do - Hạnh phúc", style_left="B", style_right="B")
    pdf.ln(4)
    two_columns(pdf, "Số: 305/BC-UBND", "Cao Bằng, ngày 15 tháng 10 năm 2025")
    pdf.ln(8)
    para(pdf, "BÁO CÁO", size=13, style="B", align="C")
    para(pdf, "Kết quả thực hiện tín dụng chính sách xã hội\ngiai đoạn 2021 - 2025", style="B", align="C")
    para(pdf, "I. KẾT QUẢ THỰC HIỆN", style="B", align="L")
    para(pdf, "Đến 30/9/2025, tổng nguồn vốn tín dụng chính sách xã hội trên địa bàn tỉnh đạt 5.812 tỷ đồng, "
         "tăng 234 tỷ đồng so với cuối năm 2024; trong đó nguồn vốn ngân sách địa phương ủy thác đạt 318 tỷ "
         "đồng. Tổng dư nợ đạt 5.790 tỷ đồng với 83.150 khách hàng còn dư nợ; tỷ lệ nợ quá hạn chiếm 0,11% "
         "tổng dư nợ.", size=11)
    para(pdf, "1. Kết quả qua các năm", style="B", align="L", size=11)
    two_level_years(pdf)
    pdf.ln(4)
    para(pdf, "2. Dư nợ theo chương trình tín dụng đến 30/9/2025", style="B", align="L", size=11)
    pdf.set_font("DejaVu", "", 10)
    with pdf.table(col_widths=(10, 100, 30, 30), text_align=("CENTER", "LEFT", "RIGHT", "RIGHT"),
                   line_height=6) as table:
        table.row(("TT", "Chương trình", "Dư nợ (tỷ đồng)", "Số khách hàng còn dư nợ"))
        for values in CAO_BANG_PROGRAMMES:
            table.row(values)
    pdf.ln(4)
    para(pdf, "Cơ cấu dư nợ tập trung vào các chương trình cho vay hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo "
         "và cho vay hộ sản xuất kinh doanh vùng khó khăn, phù hợp với định hướng phát triển kinh tế - xã hội "
         "của tỉnh; nguồn vốn được phân bổ kịp thời cho các huyện có tỷ lệ hộ nghèo cao. Hoạt động ủy thác qua "
         "các tổ chức chính trị - xã hội tiếp tục được củng cố; công tác bình xét cho vay tại thôn, bản được "
         "thực hiện công khai, dân chủ, đúng đối tượng. Chất lượng tín dụng được duy trì ổn định, nợ quá hạn "
         "được kiểm soát chặt chẽ; công tác kiểm tra, giám sát sau cho vay được thực hiện thường xuyên. Các "
         "điểm giao dịch xã duy trì hoạt động ổn định, tạo thuận lợi cho người dân tiếp cận nguồn vốn ưu đãi "
         "ngay tại địa bàn cư trú, giảm chi phí đi lại và thời gian giao dịch.", size=11)
    pdf.set_y(max(pdf.get_y(), 195))  # the districts' table starts low and runs onto the next page
    para(pdf, "3. Dư nợ theo huyện, thành phố đến 30/9/2025", style="B", align="L", size=11)
    para(pdf, "ĐVT: triệu đồng", align="R", size=10)
    pdf.set_font("DejaVu", "", 10)
    with pdf.table(col_widths=(70, 35, 30, 35), text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT"),
                   line_height=9, repeat_headings=0) as table:
        table.row(("Đơn vị", "Dư nợ", "Nợ quá hạn", "Tỷ lệ nợ quá hạn (%)"))
        for values in CAO_BANG_DISTRICTS:
            table.row(values)
    pdf.ln(4)
    para(pdf, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026", style="B", align="L")
    para(pdf, "Phấn đấu đến 31/12/2026, tổng dư nợ đạt 6.450 tỷ đồng; tỷ lệ nợ quá hạn dưới 0,2% tổng dư nợ.",
         size=11)
    if pdf.get_y() > 240:
        pdf.add_page()
    y = pdf.get_y() + 4
    left = ["Nơi nhận:", "- Ngân hàng CSXH Việt Nam (b/c);", "- TT Tỉnh ủy, TT HĐND tỉnh (b/c);",
            "- Các sở, ngành liên quan;", "- Lưu: VT, KT."]
    right = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "", "Lê Hải Hòa"]
    recipients_and_signer(pdf, y, left, right)
    pdf.output(str(path))


# --- an English summary with its unit above the table ---------------------------------------------

QUANG_NINH_YEARS = [
    ("2021", "4,982", "4,955", "1,710", "0.12"),
    ("2022", "5,310", "5,284", "1,845", "0.10"),
    ("2023", "5,746", "5,718", "1,962", "0.09"),
    ("2024", "6,215", "6,190", "2,104", "0.08"),
]


def quang_ninh_summary(path: Path) -> None:
    """An English page: a sentence, then "Unit: VND billion" over a table with a row per year."""
    pdf = new_pdf("Social policy credit in Quang Ninh, 2021-2024")
    pdf.add_page()
    para(pdf, "Social policy credit in Quang Ninh province, 2021-2024", size=14, style="B", align="C")
    para(pdf, "As of December 31, 2024, the total capital of the Quang Ninh branch of the Vietnam Bank for "
         "Social Policies reached VND 6,215 billion and its outstanding loans VND 6,190 billion.")
    para(pdf, "Table 1. Key figures of the branch by year", style="B", align="L")
    para(pdf, "Unit: VND billion", align="R", size=10)
    pdf.set_font("DejaVu", "", 10)
    with pdf.table(col_widths=(25, 35, 40, 35, 35), text_align="CENTER", line_height=6) as table:
        table.row(("Year", "Total capital", "Outstanding loans", "Lending turnover", "Overdue debt ratio (%)"))
        for values in QUANG_NINH_YEARS:
            table.row(values)
    pdf.output(str(path))


# --- a notice whose second page is a scan ------------------------------------------------------

DIEN_BIEN_SCAN = [
    "Tổng dư nợ đạt 6.870 tỷ đồng với 91.204 khách hàng còn dư nợ;",
    "tỷ lệ nợ quá hạn chiếm 0,16% tổng dư nợ.",
    "Doanh số cho vay 9 tháng năm 2025 đạt 1.925 tỷ đồng.",
    "Các huyện tiếp tục rà soát nhu cầu vay vốn của hộ nghèo.",
]
# The text a reader sees on each scanned page (tests/test_gold_html_pdf_files.py reads it).
SCANNED_TEXT = {"scan-thong-bao.pdf": {1: SCAN_LINES}, "thong-bao-dien-bien-scan.pdf": {2: DIEN_BIEN_SCAN}}


def scanned_page(lines: list[str], *, dpi: int = 200, size: int = 38) -> Image.Image:
    """A white A4 page at ``dpi`` with ``lines`` of black DejaVu text from the left margin."""
    image = Image.new("L", (round(8.27 * dpi), round(11.69 * dpi)), color=255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT), size)
    for i, line in enumerate(lines):
        draw.text((round(0.8 * dpi), round(0.9 * dpi) + i * round(size * 1.6)), line, font=font, fill=0)
    return image


def dien_bien_notice(path: Path) -> None:
    """Điện Biên's notice 88/TB-UBND: page 1 typed, page 2 a scan with a stamped page number."""
    pdf = new_pdf("Thông báo 88/TB-UBND")
    pdf.add_page()
    two_columns(pdf, "ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style_right="B")
    two_columns(pdf, "TỈNH ĐIỆN BIÊN", "Độc lập - Tự do - Hạnh phúc", style_left="B", style_right="B")
    pdf.ln(4)
    two_columns(pdf, "Số: 88/TB-UBND", "Điện Biên, ngày 10 tháng 10 năm 2025")
    pdf.ln(8)
    para(pdf, "THÔNG BÁO", size=13, style="B", align="C")
    para(pdf, "Kết quả tín dụng chính sách xã hội 9 tháng năm 2025", style="B", align="C")
    para(pdf, "Đến ngày 30/9/2025, tổng nguồn vốn tín dụng chính sách xã hội trên địa bàn tỉnh đạt 6.912 tỷ "
         "đồng, tăng 388 tỷ đồng so với đầu năm.")
    pdf.add_page()
    buffer = io.BytesIO()
    scanned_page(DIEN_BIEN_SCAN).save(buffer, format="PNG", optimize=False)
    pdf.image(buffer, x=0, y=0, w=210, h=297)
    pdf.set_font("DejaVu", "", 9)
    pdf.set_auto_page_break(auto=False)
    pdf.set_xy(0, 285)
    pdf.cell(210, 5, "2", align="C")
    pdf.output(str(path))


BUILDERS: dict[str, Callable[[Path], None]] = {
    "ban-tin-hai-cot.pdf": newsletter,
    "bao-cao-tin-dung.pdf": report,
    "ke-hoach-ninh-binh.pdf": plan,
    "scan-thong-bao.pdf": scan,
    "ma-cu-tcvn3.pdf": legacy,
    "ke-hoach-lang-son.pdf": lang_son_plan,
    "bao-cao-cao-bang.pdf": cao_bang_report,
    "quang-ninh-unit-caption.pdf": quang_ninh_summary,
    "thong-bao-dien-bien-scan.pdf": dien_bien_notice,
}


def build_all(out: Path = OUT) -> dict[str, Path]:
    """Write every fixture PDF into ``out``; return their paths by name."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, build in BUILDERS.items():
        paths[name] = out / name
        build(paths[name])
    return paths


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    for written in build_all(target).values():
        print(written)
