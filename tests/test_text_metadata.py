"""Plain-text metadata: the title and a publication date the text itself states."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.nlp.language import detect
from extractor.parse import text as text_module
from extractor.registry.bundle import bundled

RULES = bundled().text


def read_metadata(text: str) -> text_module.TextDocument:
    return text_module.read_metadata(text, RULES)


def read_text(raw: bytes, *, source: str) -> text_module.TextDocument:
    return text_module.read_text(raw, source=source, rules=RULES)

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


@pytest.mark.parametrize(("text", "published"), [
    ("Title here\n\nJune 17, 2021 | 21:51\nBody text about loans.", dt.date(2021, 6, 17)),
    ("Outlet.vn - Banner\n\nTitle\n\nBáo Ninh BìnhBáo Ninh Bình26/10/2025\n\nBody.", dt.date(2025, 10, 26)),
    ("Tiêu đề\nThứ Bảy, 26/10/2025 - 07:30\nNội dung.", dt.date(2025, 10, 26)),
    ("Title\nBody cites Directive 40 issued on November 22, 2014, by the Secretariat of the Party Central "
     "Committee in Hanoi.", None),
    ("Title\nBody.\nSource: https://news.example.vn/2024/07/12/article.html", dt.date(2024, 7, 12)),
    ("Title\nJuly 20, 2024 - The Nghe An branch of the bank reported its half-year results.", dt.date(2024, 7, 20)),
    ("Tiêu đề\nHÀ NỘI, 26/10/2025 – Ngân hàng Chính sách xã hội tổ chức hội nghị tổng kết.", dt.date(2025, 10, 26)),
    ("Title\nThe plan was approved on July 20, 2024 - a key step for the bank and the province.", None),
])
def test_publication_date(text: str, published: dt.date | None) -> None:
    assert read_metadata(text).published == published


def test_title_skips_the_outlet_banner() -> None:
    meta = read_metadata("Vietnam.vn - Nền tảng quảng bá Việt Nam\n\nNinh Binh: solutions\nBody.")
    assert meta.title == "Ninh Binh: solutions"


def test_windows_line_ends_and_nfd_are_normalised() -> None:
    doc = read_text("Tie\u0302u \u0111e\u0302\u0300\r\nNo\u0302\u0323i dung.".encode(), source="x.txt")
    assert doc.text == "Tiêu đề\nNội dung." and doc.title == "Tiêu đề"


def test_empty_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"empty\.txt"):
        read_text(b"   \n", source="empty.txt")


@pytest.mark.parametrize(("text", "lang"), [
    ("Tổng dư nợ của Ngân hàng Chính sách xã hội tỉnh đạt 13.374 tỷ đồng, tăng 7,52% so với cuối năm.", "vi"),
    ("The total outstanding loans of the VBSP branch reached VND 13,374 billion by June 30.", "en"),
    ("Ms. Nguyễn Thị Như of Hải Xuân commune received a loan from the bank and expanded her farm.", "en"),
])
def test_language_detection(text: str, lang: str) -> None:
    assert detect(text, bundled().language)[0] == lang
