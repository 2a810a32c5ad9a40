"""HTML parsing on every fixture page: body without boilerplate, metadata, captions, tables, encodings."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import pytest

from extractor.errors import InputError, UnsupportedFormat
from extractor.fetch import Fetcher
from extractor.parse import Loaded, load_bytes, load_path, sniff
from extractor.parse.dates import stated_date
from extractor.parse.text import clean
from extractor.registry.bundle import bundled
from helpers.pages import numbers, regions
from helpers.sites import PDFS, SITE, Site

ARTICLE_PAGES = [
    "/baotinh/ninh-binh-tin-dung-chinh-sach.html",
    "/baotinh/nghe-an-10-nam-chi-thi-40.html",
    "/baotinh/ha-nam-viec-lam.html",
    "/baotinh/ha-nam-viec-lam-undeclared.html",
    "/baotinh/gia-vien-cho-vay-xss.html",
    "/aggregator/news/vbsp-outstanding-loans.html",
    "/aggregator/news/ninh-binh-tin-dung-chinh-sach.html",
    "/aggregator/news/conclusion-06-kl-tw.html",
    "/tinnhanh/kinh-doanh/ha-tinh-von-vay-uu-dai.html",
    "/baocu/tin-ben-tre-2019.html",
]


def served(site: Site, fetcher: Fetcher, path: str) -> tuple[bytes, Loaded]:
    """The bytes the server sends for a page and the parse of them."""
    result = fetcher.fetch(site.url(path))
    return result.body, load_bytes(registry=bundled(), raw=result.body, source=result.url,
                                   content_type=result.content_type)


@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_boilerplate_numbers_never_reach_the_body(
    site: Site, site_fetcher: Fetcher, path: str
) -> None:
    raw, loaded = served(site, site_fetcher, path)
    found = regions(raw)
    forbidden = (found["chrome"] | found["caption"]) - found["outside"]
    assert forbidden, "the fixture page should carry numbers in its chrome"
    leaked = forbidden & numbers(loaded.text)
    assert not leaked, f"boilerplate numbers in the body: {sorted(leaked)}"


@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_every_body_number_is_kept(site: Site, site_fetcher: Fetcher, path: str) -> None:
    raw, loaded = served(site, site_fetcher, path)
    missing = regions(raw)["body"] - numbers(loaded.text)
    assert not missing, f"body numbers lost: {sorted(missing)}"


@pytest.mark.parametrize("path", ARTICLE_PAGES)
def test_text_is_clean_nfc_and_has_title_and_date(
    site: Site, site_fetcher: Fetcher, path: str
) -> None:
    _, loaded = served(site, site_fetcher, path)
    assert loaded.text == clean(loaded.text) == unicodedata.normalize("NFC", loaded.text)
    assert loaded.title and loaded.published and loaded.content_type == "text/html"


def test_publication_date_from_visible_byline_not_from_body() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "baotinh/ninh-binh-tin-dung-chinh-sach.html")
    assert (
        "22/11/2014" in loaded.text and "30/9/2025" in loaded.text
    )  # cited dates stay in the body
    assert loaded.published == dt.date(2025, 10, 26)  # "Thứ Bảy, 26/10/2025 - 07:30"
    assert loaded.meta["date_source"] == "byline"  # not the "today" widget above the headline


def test_byline_above_the_headline_in_its_container() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "tinnhanh/kinh-doanh/ha-tinh-von-vay-uu-dai.html")
    assert loaded.published == dt.date(2025, 10, 15)  # not the header's "Thứ Hai, 23/11/2026"
    assert (
        loaded.title == "Hà Tĩnh dành thêm vốn vay ưu đãi cho hộ mới thoát nghèo"
    )  # " - Tin Nhanh" cut
    assert loaded.captions and "4.321" not in loaded.text


def test_old_layout_table_template() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "baocu/tin-ben-tre-2019.html")
    assert (
        loaded.title == "Bến Tre: hơn 2.100 tỷ đồng vốn chính sách đến với người dân"
    )  # <h2 class="tieude">
    assert loaded.published == dt.date(2019, 3, 14)  # "Cập nhật: 14/03/2019 08:15" in td.ngaydang
    assert (
        "Hộ nghèo | 402,6 | 14.205" in loaded.text.splitlines()
    )  # the data table inside the layout table
    assert "Thời sự" not in loaded.text and " | Tiêu" not in loaded.text


def test_title_falls_back_to_the_longest_part_of_title() -> None:
    from extractor.parse.html import longest_part

    assert (
        longest_part("Báo Bến Tre điện tử - Bến Tre: vốn chính sách") == "Bến Tre: vốn chính sách"
    )
    assert longest_part("VBSP lends more | VNS") == "VBSP lends more"
    assert longest_part("Chỉ thị 40-CT/TW") == "Chỉ thị 40-CT/TW"


@pytest.mark.parametrize(
    ("path", "lead"),
    [
        (
            "baotinh/ninh-binh-tin-dung-chinh-sach.html",
            "Tín dụng chính sách tiếp tục là trụ cột giảm nghèo bền vững",
        ),
        (
            "tinnhanh/kinh-doanh/ha-tinh-von-vay-uu-dai.html",
            "Tỉnh bổ sung vốn ủy thác để hộ mới thoát nghèo",
        ),
    ],
)
def test_the_lead_under_the_headline_is_kept(path: str, lead: str) -> None:
    text = load_path(registry=bundled(), path=SITE / path).text
    assert text.count(lead) == 1 and text.index(lead) < 200  # once, at the top


def test_publication_date_from_json_ld() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "baotinh/nghe-an-10-nam-chi-thi-40.html")
    assert loaded.published == dt.date(2024, 7, 12)
    assert loaded.meta["date_source"] == "json-ld datePublished"
    assert loaded.meta["author"] == "Hải An"


def test_publication_date_from_article_published_time() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "aggregator/news/conclusion-06-kl-tw.html")
    assert loaded.published == dt.date(2021, 6, 17)
    assert loaded.meta["date_source"] == "meta article:published_time"


def test_no_date_when_only_the_body_has_dates() -> None:
    page = (
        "<html><head><title>Ninh Bình</title></head><body><h1>Tín dụng chính sách</h1>"
        "<div class='content'><p>Ngày 22/11/2014, Ban Bí thư ban hành Chỉ thị số 40-CT/TW về tăng cường sự lãnh đạo "
        "của Đảng đối với tín dụng chính sách xã hội. Đến ngày 30/6/2024, tổng nguồn vốn đạt 13.374 tỷ đồng.</p>"
        "<p>Tỉnh đã bố trí thêm 400 tỷ đồng cho vay giai đoạn 2023 - 2025 theo Đề án ban hành ngày 15/3/2023 "
        "của Ủy ban nhân dân tỉnh về đầu tư tín dụng chính sách.</p></div></body></html>"
    )
    loaded = load_bytes(registry=bundled(), raw=page.encode(), source="inline.html")
    assert loaded.published is None and "22/11/2014" in loaded.text
    assert (
        loaded.title == "Tín dụng chính sách"
    )  # the <h1>, read before trafilatura prunes the tree


def test_metadata_og_canonical_language(site: Site, site_fetcher: Fetcher) -> None:
    _, loaded = served(site, site_fetcher, "/aggregator/news/vbsp-outstanding-loans.html")
    assert loaded.language == "en" and loaded.title == "VBSP outstanding loans top VND 375 trillion"
    assert loaded.meta["canonical_url"] == site.url("/aggregator/news/vbsp-outstanding-loans.html")
    assert (
        loaded.meta["og:site_name"] == "Vietnam Policy News" and loaded.meta["author"] == "Thanh Ha"
    )
    assert loaded.meta["section"] == "Economy"


def test_captions_are_kept_apart() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "baotinh/ninh-binh-tin-dung-chinh-sach.html")
    assert loaded.captions == (
        "Cán bộ NHCSXH giải ngân cho 1.818 hộ vay tại xã Gia Viễn. Ảnh: Minh Đức",
    )
    assert loaded.meta["captions"] == loaded.captions[0]
    assert "1.818" not in loaded.text


def test_tables_stay_tables_with_headers() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "baotinh/ninh-binh-tin-dung-chinh-sach.html")
    assert "Hộ nghèo được vay vốn (hộ) | 2.345 | 2.517" in loaded.text.splitlines()
    assert "Doanh số cho vay (tỷ đồng) | 3.412,5 | 2.876,4" in loaded.text.splitlines()
    cell = next(c for c in loaded.cells if loaded.text[c.start : c.end] == "2.876,4")
    assert (cell.row_header, cell.column_header) == (
        "Doanh số cho vay (tỷ đồng)",
        "9 tháng năm 2025",
    )
    assert not re.search(r"\)\d", loaded.text)  # no label glued to a number


def test_english_table_keeps_thousands_separators_apart() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "aggregator/news/vbsp-outstanding-loans.html")
    assert "Poor households | 1,204,556 | 58,713" in loaded.text.splitlines()
    cell = next(c for c in loaded.cells if loaded.text[c.start : c.end] == "61,904")
    assert (cell.row_header, cell.column_header) == ("Job creation", "Outstanding (VND billion)")


@pytest.mark.parametrize(
    "path", ["/baotinh/ha-nam-viec-lam.html", "/baotinh/ha-nam-viec-lam-undeclared.html"]
)
def test_windows_1258_page_is_correct_vietnamese(
    site: Site, site_fetcher: Fetcher, path: str
) -> None:
    raw, loaded = served(site, site_fetcher, path)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert b"\xcc" in raw or b"\xde" in raw or b"\xf2" in raw  # combining tone marks on the wire
    assert loaded.meta["encoding"] == "cp1258"
    assert (
        "Chi nhánh Ngân hàng Chính sách xã hội tỉnh Hà Nam đã giải ngân 1.250 tỷ đồng"
        in loaded.text
    )
    assert loaded.title == "Hà Nam: vốn vay ưu đãi tạo việc làm cho hơn 21 nghìn lao động"
    assert not any(unicodedata.combining(ch) for ch in loaded.text)


@pytest.mark.parametrize(
    "path",
    ["/aggregator/tag/vbsp.html", "/baotinh/tin-tuc/index.html", "/baotinh/tin-tuc/trang-2.html"],
)
def test_page_that_is_not_an_article(site: Site, site_fetcher: Fetcher, path: str) -> None:
    with pytest.raises(InputError) as caught:
        served(site, site_fetcher, path)
    assert site.url(path) in str(caught.value) and "not an article" in str(caught.value)
    assert "follow" in caught.value.hint


def test_script_and_onerror_do_not_reach_the_text() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "baotinh/gia-vien-cho-vay-xss.html")
    assert "666.666" not in loaded.text and "xss-1" not in loaded.text  # <script> content dropped
    assert (
        "onerror" not in loaded.text
        and "xss-2" not in loaded.text
        and "javascript:" not in loaded.text
    )
    assert (
        '<script>alert("xss-3")</script>' in loaded.text
    )  # escaped text in the article is content
    assert (
        loaded.title == "Gia Viễn giải ngân vốn vay <ưu đãi> & hỗ trợ"
    )  # unescaped: escaping is the web layer's job


def test_pdf_served_as_octet_stream_is_read_as_pdf(site: Site, site_fetcher: Fetcher) -> None:
    result = site_fetcher.fetch(site.url("/docs/ke-hoach-ninh-binh.bin"))
    assert result.content_type == "application/octet-stream"
    loaded = load_bytes(registry=bundled(), raw=result.body, source=result.url, content_type=result.content_type)
    assert loaded.content_type == "application/pdf" and loaded.meta["doc_number"] == "12/KH-UBND"


@pytest.mark.parametrize(
    ("raw", "content_type", "kind"),
    [
        (b"%PDF-1.7\n...", "application/octet-stream", "pdf"),
        (b"\n\n%PDF-1.4\n", None, "pdf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "application/octet-stream", "html"),
        (b"\xef\xbb\xbf<html><p>x</p></html>", None, "html"),
        (b"<!-- c --><html lang=vi>", "text/plain", "html"),
        (b"Ninh Binh\nDu no dat 1.250 ty dong", None, "text"),
        ("Dư nợ đạt 1.250 tỷ đồng".encode(), "text/plain; charset=utf-8", "text"),
    ],
)
def test_sniff(raw: bytes, content_type: str | None, kind: str) -> None:
    assert sniff(raw, content_type=content_type, source="x") == kind


@pytest.mark.parametrize(
    ("raw", "source", "error"),
    [
        (b"PK\x03\x04zipzip", "a.docx", UnsupportedFormat),
        (b"\x89PNG\r\n\x1a\n", "a.png", UnsupportedFormat),
        (b"<html>not really a pdf</html>"[6:], "report.pdf", InputError),
        (b"   ", "empty.html", InputError),
    ],
)
def test_unreadable_inputs_name_the_source(raw: bytes, source: str, error: type[Exception]) -> None:
    with pytest.raises(error) as caught:
        load_bytes(registry=bundled(), raw=raw, source=source)
    assert source in str(caught.value)


def test_text_files_delegate_to_parse_text() -> None:
    loaded = load_bytes(registry=bundled(), raw=
        "Nghệ An: 10 năm Chỉ thị 40\nDư nợ đạt 13.357 tỷ đồng.\n".encode(), source="a.txt"
    )
    assert loaded.content_type == "text/plain" and loaded.title == "Nghệ An: 10 năm Chỉ thị 40"


def test_pdf_files_load_by_path() -> None:
    assert load_path(registry=bundled(), path=PDFS / "ke-hoach-ninh-binh.pdf").content_type == "application/pdf"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thứ Bảy, 26/10/2025 - 07:30", dt.date(2025, 10, 26)),
        ("Chủ nhật, 2/3/2025 15:00 (GMT+7)", dt.date(2025, 3, 2)),
        ("26-10-2025 | 07:30", dt.date(2025, 10, 26)),
        ("Cập nhật ngày 5 tháng 11 năm 2025", dt.date(2025, 11, 5)),
        ("October 27, 2025 - 09:15 | Economy", dt.date(2025, 10, 27)),
        ("Published 27 Oct 2025", dt.date(2025, 10, 27)),
        ("Sept. 3, 2024", dt.date(2024, 9, 3)),
    ],
)
def test_byline_dates(text: str, expected: dt.date) -> None:
    assert stated_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Hotline 0229.3871.999", "31/02/2025", "Mayor 12, 2025", "Lượt xem: 15.662", "By Hai An"],
)
def test_byline_non_dates(text: str) -> None:
    assert stated_date(text) is None


# --- regressions, named after their cause ---------------------------------------------------

FILLER = (
    "<p>"
    + "Ngân hàng Chính sách xã hội tỉnh tiếp tục cho vay ưu đãi hộ nghèo và hộ cận nghèo. " * 3
    + "</p>"
)


def inline_page(body: str) -> Loaded:
    """Parse a small article page around ``body``."""
    page = f"<html><head><title>T</title></head><body><h1>Tiêu đề</h1><article>{body}{FILLER}</article></body></html>"
    return load_bytes(registry=bundled(), raw=page.encode(), source="inline.html")


def test_br_never_glues_numbers() -> None:
    loaded = inline_page("<p>Dư nợ đạt 1.234 tỷ đồng<br>Số hộ vay: 567 hộ<br/>Nợ xấu: 0,12%</p>")
    assert "Dư nợ đạt 1.234 tỷ đồng\nSố hộ vay: 567 hộ\nNợ xấu: 0,12%" in loaded.text


def test_br_and_paragraphs_inside_cells_never_glue_numbers() -> None:
    table = "<table><tr><td>Dư nợ<br>(tỷ đồng)</td><td>1.234<br>5</td><td><p>4</p><p>5</p></td></tr></table>"
    assert "Dư nợ (tỷ đồng) | 1.234 5 | 4 5" in inline_page(table).text.splitlines()


def test_control_characters_do_not_lose_the_article() -> None:
    loaded = inline_page("<p>Dư nợ đạt 1.234 tỷ đồng\x07\x00.</p>")
    assert "Dư nợ đạt 1.234 tỷ đồng." in loaded.text and loaded.text == clean(loaded.text)


def test_extraction_never_dates_an_html_page_from_its_body() -> None:
    from extractor.pipeline import process

    page = (
        "<html><head><title>T</title></head><body><article><p>12/7/2024</p>"
        f"<p>Ngày 12/7/2024 tỉnh giải ngân 1.234 tỷ đồng cho hộ nghèo.</p>{FILLER}</article></body></html>"
    )
    loaded = load_bytes(registry=bundled(), raw=page.encode(), source="inline.html")
    assert loaded.published is None
    assert process(registry=bundled(), loaded=loaded).document.published is None


def test_extraction_keeps_html_metadata() -> None:
    from extractor.pipeline import process

    page = SITE / "baotinh/ninh-binh-tin-dung-chinh-sach.html"
    done = process(registry=bundled(), loaded=load_path(registry=bundled(), path=page))
    assert done.document.published == dt.date(2025, 10, 26) and done.document.language == "vi"
    assert (
        done.document.meta["declared_language"] == "vi"
        and done.document.content_type == "text/html"
    )
    assert "1.818" not in {f.text for f in done.figures}


def test_credited_line_under_an_image_is_a_caption() -> None:
    loaded = inline_page(
        '<p><img src="a.jpg"></p><p><em>Hộ vay nuôi 1.500 con gà. Ảnh: Hoàng Táo</em></p>'
    )
    assert (
        loaded.captions == ("Hộ vay nuôi 1.500 con gà. Ảnh: Hoàng Táo",)
        and "1.500" not in loaded.text
    )


def test_credited_line_without_an_image_stays_in_the_body() -> None:
    loaded = inline_page("<p>Ông Tuấn cho biết tỉnh giải ngân 1.500 tỷ đồng. Ảnh: Hoàng Táo</p>")
    assert not loaded.captions and "1.500" in loaded.text


def test_article_with_inline_links_is_still_an_article() -> None:
    body = (
        '<p>Thực hiện <a href="/ct40">Chỉ thị số 40-CT/TW của Ban Bí thư</a>, tỉnh đã ủy thác thêm '
        '45 tỷ đồng qua <a href="/nhcsxh">Ngân hàng Chính sách xã hội</a> trong năm 2025.</p>'
    )
    loaded = inline_page(body)
    assert "45 tỷ đồng" in loaded.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-07-12T10:20:00+07:00", dt.date(2024, 7, 12)),
        ("2025-10-26T20:00:00Z", dt.date(2025, 10, 27)),  # 03:00 next morning in Viet Nam
        ("2025-10-26T16:59:00+00:00", dt.date(2025, 10, 26)),
        ("2025-10-26", dt.date(2025, 10, 26)),
        ("Sun, 26 Oct 2025 18:30:00 GMT", dt.date(2025, 10, 27)),
        ("26/10/2025 15:02", dt.date(2025, 10, 26)),
        ("not a date", None),
    ],
)
def test_metadata_dates_on_vietnam_time(value: str, expected: dt.date | None) -> None:
    from extractor.parse.html import parse_date

    assert parse_date(value) == expected


# --- trafilatura's fast path first, its full extraction only when the fast one finds too little ---

STORY = [
    f"In the first {i} months the Bank for Social Policies lent {i * 10} billion VND to "
    f"{i * 1000} poor households, and the overdue debt fell to {i / 10} percent of its loans."
    for i in range(1, 9)
]
NEXT_STEPS = (
    "The branch asked the provincial People's Committee to add to the budget it entrusts to the "
    "bank and to keep working with the associations that take on entrusted loans, so that the "
    "savings and loan groups meet every month."
)


def body_of(page: str) -> tuple[str, str]:
    """(which extraction found the body, the body) of a page."""
    from lxml import html as lxml_html

    from extractor.parse.html.body import article_body

    writer = article_body(lxml_html.document_fromstring(page), source="inline.html")
    return writer.path, writer.text


def test_a_whole_article_takes_the_fast_path() -> None:
    paragraphs = "".join(f"<p>{s}</p>" for s in STORY)
    menu = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(12))
    path, text = body_of(f"<html><body><div class='menu'><ul>{menu}</ul></div>"
                         f"<article><h1>Policy credit</h1>{paragraphs}</article></body></html>")
    assert path == "fast" and all(s in text for s in STORY) and "Section 3" not in text


def test_a_page_whose_fast_extraction_finds_too_little_falls_back_and_gets_the_body() -> None:
    from lxml import html as lxml_html

    from extractor.parse.html.body import trafilatura_xml

    loose = "\n\n".join(STORY)  # the story as loose text in <body>, a last block in a <p>
    page = (f"<html><body>{loose}<div class='story'><h3>Next steps</h3><p>{NEXT_STEPS}</p>"
            "</div></body></html>")
    fast = trafilatura_xml(lxml_html.document_fromstring(page), source="inline.html", fast=True)
    assert fast is not None and STORY[3] not in "".join(fast.itertext())  # the fast one misses it
    path, text = body_of(page)
    assert path.startswith("full: ") and "characters of prose" in path
    assert all(s in text for s in STORY)


@pytest.mark.parametrize(
    ("main", "why"),
    [
        (None, "nothing found"),
        ("<doc><main><p>" + "x" * 300 + "</p></main></doc>", "300 characters of prose"),
        ("<doc><main><p>" + "x" * 1200 + "</p><p>y</p></main></doc>", "2 paragraphs"),
        ("<doc><main>" + ("<p>" + "x" * 400 + "</p>") * 3
         + "<table><row><cell>1</cell></row></table>" * 4 + "</main></doc>", "mostly tables"),
        ("<doc><main>" + ("<p>" + "x" * 400 + "</p>") * 3 + "</main></doc>", None),
    ],
)
def test_when_the_fast_extraction_is_not_enough(main: str | None, why: str | None) -> None:
    from lxml import etree

    from extractor.parse.html.body import too_little

    assert too_little(None if main is None else etree.fromstring(main)) == why


def test_names_xml_cannot_write_go_wherever_they_repeat() -> None:
    """Each name is matched once a page: a bad one must still go from every element."""
    from lxml import etree
    from lxml import html as lxml_html

    from extractor.parse.html.meta import drop_bad_names

    tree = lxml_html.document_fromstring(
        '<html><body><p class="a" id="x">one</p><p class="a" d"e="3">two</p>'
        '<p class="b" d"e="4">three</p><l">four</l"><div><l">five</l"></div></body></html>'
    )
    drop_bad_names(tree)
    names = {el.tag for el in tree.iter()} | {name for el in tree.iter() for name in el.attrib}
    assert names == {"html", "body", "p", "div", "class", "id"}
    assert [p.get("class") for p in tree.iter("p")] == ["a", "a", "b"]
    assert etree.tostring(tree, method="text", encoding="unicode") == "onetwothreefourfive"


def test_the_headline_is_the_first_line_and_cells_move_with_the_body() -> None:
    loaded = load_path(registry=bundled(), path=SITE / "baocu/tin-ben-tre-2019.html")
    assert loaded.text.startswith(f"{loaded.title}\n\n")  # its figure ("hơn 2.100 tỷ đồng") is read
    headed = load_path(registry=bundled(), path=SITE / "baotinh/ninh-binh-tin-dung-chinh-sach.html")
    assert headed.title and headed.text.startswith(headed.title) and headed.cells
    for cell in headed.cells:
        line = headed.text[headed.text.rfind("\n", 0, cell.start) + 1 : headed.text.find("\n", cell.end)]
        assert headed.text[cell.start : cell.end].strip() and " | " in line
        if cell.row_header_span:
            assert headed.text[slice(*cell.row_header_span)] == cell.row_header


def test_a_headline_the_body_holds_is_not_written_twice() -> None:
    page = (b"<html><head><title>D\xc6\xb0 n\xe1\xbb\xa3 \xc4\x91\xe1\xba\xa1t 5.000 t\xe1\xbb\xb7</title></head>"
            b"<body><article><h1>D\xc6\xb0 n\xe1\xbb\xa3 \xc4\x91\xe1\xba\xa1t 5.000 t\xe1\xbb\xb7</h1>"
            + FILLER.encode() + b"</article></body></html>")
    loaded = load_bytes(registry=bundled(), raw=page, source="inline.html")
    assert loaded.title == "Dư nợ đạt 5.000 tỷ" and loaded.text.count("5.000") == 1


def _short_story_in_a_busy_page() -> bytes:
    """A page whose article (four paragraphs, under 3,000 characters) is a small share of its
    text: menus and link lists of other stories around it, as on most news sites."""
    story = "".join(
        f"<p>Paragraph {n} of the story: the branch in the province lent to households of the"
        f" district this year, and the groups met every month to collect the savings.</p>"
        for n in range(1, 5))
    links = "".join(f"<li><a href='/s{n}'>Another story number {n} about something else entirely</a></li>"
                    for n in range(300))
    return (f"<html><head><title>A story</title></head><body><nav><ul>{links}</ul></nav>"
            f"<article><h1>A story</h1>{story}</article><aside><ul>{links}</ul></aside>"
            "</body></html>").encode()


def test_the_fast_extraction_runs_without_trafilaturas_recall_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    """trafilatura retries a short extraction covering little of the page in recall mode; the
    fast pass leaves that to ``too_little`` (a retry there cost a third of reading a page), the
    full pass keeps it, and the setting is as it was afterwards."""
    import trafilatura.core
    from lxml import html as lxml_html

    from extractor.parse.html import body

    assert hasattr(trafilatura.core, body.RETRY_SETTING), "trafilatura renamed its retry setting"
    before = getattr(trafilatura.core, body.RETRY_SETTING)
    retries: list[bool] = []
    real = trafilatura.core._recall_retry

    def counted(*args: object, **kwargs: object) -> object:
        retries.append(True)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura.core, "_recall_retry", counted)
    tree = lxml_html.fromstring(_short_story_in_a_busy_page())
    fast = body.trafilatura_xml(tree, source="busy.html", fast=True)
    assert fast is not None and "Paragraph 4 of the story" in "".join(fast.itertext())
    assert retries == []
    body.trafilatura_xml(tree, source="busy.html", fast=False)
    assert retries, "the full extraction keeps the retry"
    assert getattr(trafilatura.core, body.RETRY_SETTING) == before


@pytest.mark.parametrize("css", ["PHOTO-DESC", "IMAGE-DESC", "ExpNoEdit"])
def test_a_caption_class_in_capitals_is_a_caption(css: str) -> None:
    """A caption's class is matched in any case: a line classed "PHOTO-DESC" is kept apart from
    the story as one classed "photo-desc" is (no image or credit beside it to tell it otherwise),
    and its figure stays out of the text."""
    story = " ".join(["Ngân hàng Chính sách xã hội tỉnh Hà Giang đã giải ngân vốn cho hộ nghèo."] * 8)
    page = (f"<html><head><title>Tin Hà Giang</title></head><body><article><h1>Tin Hà Giang</h1>"
            f"<p>{story}</p><div class='{css}'>Cán bộ xã giải ngân cho 2.905 hộ vay vốn</div>"
            f"<p>{story}</p></article></body></html>")
    loaded = load_bytes(page.encode(), source="caption.html", registry=bundled())
    assert loaded.captions == ("Cán bộ xã giải ngân cho 2.905 hộ vay vốn",)
    assert "2.905" not in loaded.text
