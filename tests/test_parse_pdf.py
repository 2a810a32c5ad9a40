"""PDF parsing on the generated fixture PDFs: pages, boxes, tables, header, OCR, garbled pages, freshness.

The fixture PDFs are committed and made by scripts/make_fixture_pdfs.py; the freshness test
regenerates them into a temporary folder and compares their text page by page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import random
from decimal import Decimal
from itertools import pairwise
from pathlib import Path
from types import ModuleType

import pdfplumber
import pytest

from extractor.errors import ExtractorError, InputError
from extractor.models import Document, Extraction, Figure
from extractor.parse import Loaded, attach_layout, load_bytes, load_path
from extractor.parse import pdf as pdf_module
from extractor.parse.pdf import garble_reason, ocr_available
from extractor.parse.pdf import ocr as pdf_ocr
from extractor.parse.text import clean
from extractor.registry.bundle import bundled
from helpers.sites import PDFS, ROOT, SITE

REPORT = PDFS / "bao-cao-tin-dung.pdf"
PLAN = PDFS / "ke-hoach-ninh-binh.pdf"
SCAN = PDFS / "scan-thong-bao.pdf"
LEGACY = PDFS / "ma-cu-tcvn3.pdf"
SITE_TABLE_PAGE = SITE / "baotinh/ninh-binh-tin-dung-chinh-sach.html"
needs_ocr = pytest.mark.skipif(
    not ocr_available(), reason="tesseract with Vietnamese data is not installed"
)


def generator() -> ModuleType:
    """scripts/make_fixture_pdfs.py as a module."""
    spec = importlib.util.spec_from_file_location(
        "make_fixture_pdfs", ROOT / "scripts" / "make_fixture_pdfs.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def span_of(loaded: Loaded, needle: str, *, after: int = 0) -> tuple[int, int]:
    """Char offsets of the first ``needle`` in the loaded text at or after ``after``."""
    start = loaded.text.index(needle, after)
    return start, start + len(needle)


def figure(loaded: Loaded, needle: str, *, after: int = 0) -> Figure:
    """A hand-made figure over ``needle`` (the pipeline's figures carry the same span fields)."""
    start, end = span_of(loaded, needle, after=after)
    return Figure(
        text=needle, start=start, end=end, kind="count", value=Decimal(1), unit="households"
    )


def extraction(loaded: Loaded, *figures: Figure) -> Extraction:
    """An extraction over the loaded text holding ``figures``."""
    return Extraction(
        document=Document(id="d", source=loaded.source, text=loaded.text), figures=figures
    )


@pytest.fixture(scope="module")
def report() -> Loaded:
    return load_path(registry=bundled(), path=REPORT)


@pytest.fixture(scope="module")
def plan() -> Loaded:
    return load_path(registry=bundled(), path=PLAN)


# --- pages and boxes ------------------------------------------------------------------------


def test_pages_cover_the_text_in_order(report: Loaded) -> None:
    assert [p.number for p in report.pages] == [1, 2, 3]
    assert report.pages[0].start == 0 and report.pages[-1].end == len(report.text)
    assert all(a.end < b.start for a, b in pairwise(report.pages))
    page2 = report.text[report.pages[1].start : report.pages[1].end]
    assert "Bảng 1" in page2 and "13.374" not in page2
    assert report.text == clean(report.text)


def test_every_word_box_holds_its_word(report: Loaded) -> None:
    with pdfplumber.open(REPORT) as pdf:
        for needle in ("13.374", "234.414", "8,57%", "0,09%"):
            start, end = span_of(report, needle)
            (box,) = [b for b in report.boxes if b.start <= start and end <= b.end]
            crop = pdf.pages[box.page - 1].crop(box.bbox).extract_text()
            assert needle in crop


def test_figure_gets_page_and_bbox(report: Loaded) -> None:
    done = attach_layout(
        extraction(report, figure(report, "234.414"), figure(report, "0,09%")), report
    )
    first, second = done.figures
    assert (first.page, second.page) == (1, 2)
    with pdfplumber.open(REPORT) as pdf:
        assert first.bbox is not None and "234.414" in pdf.pages[0].crop(first.bbox).extract_text()
    assert first.row_header is None and not first.ocr


def test_span_over_several_words_gets_their_union(report: Loaded) -> None:
    (fig,) = attach_layout(extraction(report, figure(report, "13.374 tỷ đồng")), report).figures
    boxes = [b for b in report.boxes if b.start < fig.end and b.end > fig.start]
    assert len(boxes) == 3 and fig.bbox == (
        min(b.bbox[0] for b in boxes),
        min(b.bbox[1] for b in boxes),
        max(b.bbox[2] for b in boxes),
        max(b.bbox[3] for b in boxes),
    )


# --- tables ---------------------------------------------------------------------------------


def test_table_rows_are_lines_with_cells_apart(report: Loaded) -> None:
    lines = report.text.splitlines()
    assert "Chương trình | Dư nợ (tỷ đồng) | Số khách hàng" in lines
    assert "Cho vay hộ nghèo | 2.345.678 | 41.250" in lines


def test_table_cell_figure_gets_row_and_column_header(report: Loaded) -> None:
    table_at = report.text.index("Chương trình |")
    done = attach_layout(
        extraction(report, figure(report, "2.345.678"), figure(report, "52.903", after=table_at)),
        report,
    )
    poor, jobs = done.figures
    assert (poor.row_header, poor.column_header, poor.page) == (
        "Cho vay hộ nghèo",
        "Dư nợ (tỷ đồng)",
        2,
    )
    assert (jobs.row_header, jobs.column_header) == ("Cho vay giải quyết việc làm", "Số khách hàng")
    with pdfplumber.open(REPORT) as pdf:
        assert poor.bbox and "2.345.678" in pdf.pages[1].crop(poor.bbox).extract_text()


# --- duplicate characters -------------------------------------------------------------------


def test_duplicate_characters_are_removed(report: Loaded) -> None:
    assert "Phấn đấu đến năm 2030 nguồn vốn ủy thác đạt 2.500 tỷ đồng." in report.text
    assert "22..550000" not in report.text and "PPhh" not in report.text


# --- administrative header ------------------------------------------------------------------


def test_administrative_header(plan: Loaded) -> None:
    assert plan.meta["issuer"] == "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH"
    assert plan.meta["doc_number"] == "12/KH-UBND"
    assert plan.meta["place"] == "Ninh Bình"
    assert plan.published == dt.date(2025, 9, 18)  # not 30/10/2024 or 04/01/2023 cited below it
    assert plan.meta["doc_type"] == "KẾ HOẠCH"
    assert plan.title == (
        "KẾ HOẠCH Thực hiện Chỉ thị số 39-CT/TW ngày 30/10/2024 của Ban Bí thư "
        "về nâng cao hiệu quả tín dụng chính sách xã hội"
    )
    assert plan.meta["signer"] == "Nguyễn Cao Sơn"
    assert plan.meta["signer_title"] == "TM. ỦY BAN NHÂN DÂN; KT. CHỦ TỊCH; PHÓ CHỦ TỊCH"
    assert plan.language == "vi"


def test_header_columns_are_kept_apart(plan: Loaded) -> None:
    assert "Số: 12/KH-UBND\tNinh Bình, ngày 18 tháng 9 năm 2025" in plan.text.splitlines()


def test_report_without_header_has_no_header_meta(report: Loaded) -> None:
    assert not {"issuer", "doc_number", "signer"} & set(report.meta) and report.published is None
    assert (
        report.title == "Báo cáo kết quả tín dụng chính sách 9 tháng năm 2025"
    )  # the PDF's own title


# --- scanned pages and OCR ------------------------------------------------------------------


@needs_ocr
def test_image_only_page_is_ocrd_and_marked() -> None:
    loaded = load_path(registry=bundled(), path=SCAN)
    assert loaded.pages[0].ocr
    assert "13.357" in loaded.text and "234.414" in loaded.text
    assert any("OCR" in w for w in loaded.warnings)
    done = attach_layout(extraction(loaded, figure(loaded, "13.357")), loaded)
    assert done.figures[0].ocr and done.figures[0].page == 1 and done.figures[0].bbox is not None


def test_image_only_page_without_ocr_is_reported_not_silent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pdf_ocr, "ocr_available", lambda lang="vie": False)
    loaded = load_path(registry=bundled(), path=SCAN)
    assert loaded.text == "Trang 1" and not loaded.pages[0].ocr  # only the stamped page number
    assert any(
        "page 1: scanned image without a usable text layer" in w and "tesseract-ocr-vie" in w
        for w in loaded.warnings
    )


def test_ocr_can_be_turned_off() -> None:
    loaded = load_path(registry=bundled(), path=SCAN, ocr="never")
    assert any("OCR turned off" in w for w in loaded.warnings)


# --- garbled text ---------------------------------------------------------------------------


def test_legacy_font_page_is_reported() -> None:
    loaded = load_path(registry=bundled(), path=LEGACY, ocr="never")
    assert len(loaded.warnings) == 1 and loaded.warnings[0].startswith(
        "page 2: garbled text (legacy TCVN3"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(cid:12)(cid:45)(cid:7) (cid:99)(cid:3)", "cid"),
        ("Ng\ufffd\ufffdn h\ufffdng ch\ufffdnh s\ufffdch", "U+FFFD"),
        ("Ng©n hµng ChÝnh s¸ch x· héi tØnh Ninh B×nh ®· gi¶i ng©n", "TCVN3"),
        ("Ngaân haøng Chính saùch xaõ hoäi ñaõ giaûi ngaân voán vay cho hoä ngheøo", "VNI"),
    ],
)
def test_garbled_text_detected(text: str, expected: str) -> None:
    reason = garble_reason(text, bundled().pdf.legacy_encodings)
    assert reason is not None and expected in reason


@pytest.mark.parametrize(
    "text",
    [
        "Ngân hàng Chính sách xã hội tỉnh Ninh Bình đã giải ngân 1.250 tỷ đồng, đạt 27°C, « trích dẫn ».",
        "Outstanding loans at the VBSP reached VND 375.6 trillion © 2025.",
        "Ủy ban nhân dân tỉnh Thừa Thiên Huế; Nguyễn Ngọc Ánh; Đặng Thị Ấu; Ỷ Lan; Ợ",
    ],
)
def test_clean_text_not_flagged(text: str) -> None:
    assert garble_reason(text, bundled().pdf.legacy_encodings) is None


# --- broken files ---------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["truncated", "junk"])
def test_corrupt_pdf_names_the_file(damage: str) -> None:
    raw = (
        PLAN.read_bytes()[:1500]
        if damage == "truncated"
        else b"%PDF-1.7\n" + bytes(range(256)) * 20
    )
    with pytest.raises(InputError) as caught:
        loaded = load_bytes(registry=bundled(), raw=raw, source="broken/ke-hoach.pdf")
        assert loaded.text.strip(), "a corrupt PDF must not load as empty without an error"
    assert "broken/ke-hoach.pdf" in str(caught.value) and caught.value.hint


# --- freshness of the committed fixtures ----------------------------------------------------


def page_texts(path: Path) -> list[str]:
    """Each page's text as pdfplumber reads it."""
    with pdfplumber.open(path) as pdf:
        return [page.extract_text() for page in pdf.pages]


def image_digests(path: Path) -> list[str]:
    """SHA-256 of each embedded image stream."""
    with pdfplumber.open(path) as pdf:
        return [
            hashlib.sha256(img["stream"].get_data()).hexdigest()
            for page in pdf.pages
            for img in page.images
        ]


def test_committed_pdfs_are_fresh(tmp_path: Path) -> None:
    built = generator().build_all(tmp_path)
    assert sorted(built) == sorted(p.name for p in PDFS.glob("*.pdf"))
    for name, path in built.items():
        assert page_texts(path) == page_texts(PDFS / name), (
            f"{name} is stale: run scripts/make_fixture_pdfs.py"
        )
        assert image_digests(path) == image_digests(PDFS / name), f"{name} images are stale"


# --- with the real pipeline -----------------------------------------------------------------


def pipeline_figures(path: Path) -> tuple[Loaded, Extraction]:
    """Load a file and run the NLP pipeline on it with layout attached."""
    from extractor.pipeline import process

    loaded = load_path(registry=bundled(), path=path)
    return loaded, process(registry=bundled(), loaded=loaded)


@pytest.mark.parametrize("path", [REPORT, PLAN])
def test_pipeline_figures_carry_page_and_box(path: Path) -> None:
    _, done = pipeline_figures(path)
    assert done.figures, "the pipeline should find figures in the fixture"
    with pdfplumber.open(path) as pdf:
        for fig in done.figures:
            assert fig.page is not None and fig.bbox is not None, fig
            page = pdf.pages[fig.page - 1].dedupe_chars()
            digits = "".join(ch for ch in page.crop(fig.bbox).extract_text() if ch.isdigit())
            assert "".join(ch for ch in fig.text if ch.isdigit()) in digits, fig


@needs_ocr
def test_pipeline_figures_from_ocr_are_marked() -> None:
    _, done = pipeline_figures(SCAN)
    assert done.figures and all(f.ocr and f.page == 1 for f in done.figures)
    assert any("OCR" in w for w in done.warnings)


def test_pipeline_figures_in_html_table_cells_get_headers() -> None:
    loaded, done = pipeline_figures(SITE_TABLE_PAGE)
    for fig in done.figures:
        cells = [
            c
            for c in loaded.cells
            if c.start < fig.end
            and fig.start < c.end
            and any(
                ch.isdigit() for ch in loaded.text[max(c.start, fig.start) : min(c.end, fig.end)]
            )
        ]
        if cells:
            assert (fig.row_header, fig.column_header) == (
                cells[0].row_header,
                cells[0].column_header,
            ), fig
        else:
            assert fig.row_header is None and fig.column_header is None
        assert fig.page is None and not fig.ocr


# --- two columns ----------------------------------------------------------------------------

COLUMNS = PDFS / "ban-tin-hai-cot.pdf"


def test_two_columns_read_column_by_column() -> None:
    loaded = load_path(registry=bundled(), path=COLUMNS)
    text = loaded.text
    assert text.startswith("BẢN TIN TÍN DỤNG CHÍNH SÁCH QUẢNG TRỊ NĂM 2025\n\n")
    assert (
        "Nguồn vốn ủy thác từ ngân sách địa phương đạt 812 tỷ đồng," in text
    )  # a left-column sentence, whole: lines the margin wrapped are joined
    assert text.rindex("so với năm trước.") < text.index("Tỷ lệ nợ quá hạn giảm còn 0,11%")
    start, end = span_of(loaded, "0,11%")
    (box,) = [b for b in loaded.boxes if b.start <= start and end <= b.end]
    assert box.bbox[0] > loaded.pages[0].width / 2  # the right column's figure keeps its own box


def words_line(*spans: tuple[str, float, float], top: float) -> pdf_module.Line:
    """A line of words at ``top`` from (text, x0, x1) triples."""
    words = [pdf_module.Word(t, x0, top, x1, top + 10) for t, x0, x1 in spans]
    return pdf_module.Line(segments=pdf_module.split_segments(words))


def test_label_and_number_columns_are_not_two_columns_of_text() -> None:
    lines = [
        words_line(
            ("Cho", 60, 80),
            ("vay", 82, 100),
            ("hộ", 102, 115),
            ("nghèo", 117, 150),
            ("2.345", 480, 530),
            top=100 + 14 * i,
        )
        for i in range(10)
    ]
    assert pdf_module.gutter(lines, width=595) is None


def test_single_column_text_has_no_gutter(report: Loaded) -> None:
    with pdfplumber.open(REPORT) as pdf:
        page = pdf.pages[0].dedupe_chars()
        lines = pdf_module.group_lines(pdf_module.page_words(page))
    assert pdf_module.gutter(lines, width=float(page.width)) is None


# --- damaged inputs never crash ------------------------------------------------------------


def mutated(raw: bytes, rng: random.Random) -> bytes:
    """``raw`` with a few bytes flipped, cut out or inserted."""
    data = bytearray(raw)
    for _ in range(rng.randint(1, 12)):
        if not data:
            break
        pos = rng.randrange(len(data))
        choice = rng.random()
        if choice < 0.4:
            data[pos] = rng.randrange(256)
        elif choice < 0.7:
            del data[pos : pos + rng.randint(1, 400)]
        else:
            data[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 40)))
    return bytes(data)


@pytest.mark.parametrize("seed", range(40))
def test_damaged_documents_load_or_fail_with_an_input_error(seed: int) -> None:
    rng = random.Random(seed)
    originals = sorted(PDFS.glob("*.pdf")) + sorted(SITE.rglob("*.html"))
    raw = mutated(rng.choice(originals).read_bytes(), rng)
    try:
        loaded = load_bytes(registry=bundled(), raw=raw, source=f"damaged-{seed}", ocr="never")
    except ExtractorError as exc:
        assert f"damaged-{seed}" in str(exc)
    else:
        assert loaded.text == clean(loaded.text)


def test_table_without_ruling_lines_gets_headers() -> None:
    loaded = load_path(registry=bundled(), path=COLUMNS)
    assert "Triệu Phong | 5.907 | 287,2" in loaded.text.splitlines()
    done = attach_layout(extraction(loaded, figure(loaded, "287,2")), loaded)
    (fig,) = done.figures
    assert (fig.row_header, fig.column_header, fig.page) == ("Triệu Phong", "Dư nợ (tỷ đồng)", 2)
    with pdfplumber.open(COLUMNS) as pdf:
        assert fig.bbox and "287,2" in pdf.pages[1].crop(fig.bbox).extract_text()


def test_administrative_header_is_not_taken_for_a_table(plan: Loaded) -> None:
    assert plan.cells == ()
