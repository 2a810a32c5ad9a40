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
    pdf.set_font("DejaVu", "", 10)
    for i, line in enumerate(left):
        pdf.set_xy(20, y + i * 6)
        pdf.cell(70, 6, line)
    for i, line in enumerate(right):
        pdf.set_font("DejaVu", "B", 11)
        pdf.set_xy(110, y + i * 6)
        pdf.cell(80, 6, line, align="C")
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


BUILDERS: dict[str, Callable[[Path], None]] = {
    "ban-tin-hai-cot.pdf": newsletter,
    "bao-cao-tin-dung.pdf": report,
    "ke-hoach-ninh-binh.pdf": plan,
    "scan-thong-bao.pdf": scan,
    "ma-cu-tcvn3.pdf": legacy,
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
