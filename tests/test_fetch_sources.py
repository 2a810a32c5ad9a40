"""Crawl sources against the fixture site: list pages with pagination, feeds, sitemaps, folders, batches."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.fetch import Fetcher
from extractor.fetch.sources import (
    Failed,
    RawItem,
    feed_links,
    iter_source,
    iter_urls,
    sitemap_locs,
    xml_shape,
)
from extractor.parse import load_bytes
from extractor.registry.bundle import bundled
from helpers.sites import PDFS, SITE, Site

ARTICLES = {
    "/baotinh/ninh-binh-tin-dung-chinh-sach.html",
    "/baotinh/nghe-an-10-nam-chi-thi-40.html",
    "/baotinh/ha-nam-viec-lam.html",
    "/baotinh/gia-vien-cho-vay-xss.html",
}
FOLLOW = r"/baotinh/[a-z0-9-]+\.html$"


def paths(items: list[RawItem | Failed], base: str) -> list[str]:
    """Server paths of the items, in order."""
    return [i.source.removeprefix(base) for i in items]


def test_list_page_follows_pattern_across_pagination(site: Site, site_fetcher: Fetcher) -> None:
    items = list(
        iter_source(site.url("/baotinh/tin-tuc/index.html"), fetcher=site_fetcher, follow=FOLLOW)
    )
    fetched = [i for i in items if isinstance(i, RawItem)]
    failed = [i for i in items if isinstance(i, Failed)]
    assert set(paths(fetched, site.base)) == ARTICLES
    assert len(fetched) == len(
        ARTICLES
    )  # the article linked from two pages (and with #fragment) once
    assert paths(failed, site.base) == ["/baotinh/bai-da-go.html"] and "404" in failed[0].reason
    assert {
        "/baotinh/tin-tuc/index.html",
        "/baotinh/tin-tuc/trang-2.html",
        "/baotinh/tin-tuc/trang-3.html",
    } <= set(site.log.paths)
    assert not any("chuyen-muc" in p for p in site.log.paths)  # menu links do not match the pattern
    assert all(
        i.found_via and i.found_via.startswith(site.base + "/baotinh/tin-tuc/") for i in items
    )


def test_max_pages_stops_pagination(site: Site, site_fetcher: Fetcher) -> None:
    items = list(
        iter_source(
            site.url("/baotinh/tin-tuc/index.html"),
            fetcher=site_fetcher,
            follow=FOLLOW,
            max_pages=1,
        )
    )
    assert set(paths(items, site.base)) == {
        "/baotinh/ninh-binh-tin-dung-chinh-sach.html",
        "/baotinh/nghe-an-10-nam-chi-thi-40.html",
    }
    assert "/baotinh/tin-tuc/trang-2.html" not in site.log.paths


def test_limit_caps_documents(site: Site, site_fetcher: Fetcher) -> None:
    items = list(
        iter_source(
            site.url("/baotinh/tin-tuc/index.html"), fetcher=site_fetcher, follow=FOLLOW, limit=3
        )
    )
    assert len(items) == 3


def test_rss_feed(site: Site, site_fetcher: Fetcher) -> None:
    items = list(iter_source(site.url("/aggregator/rss.xml"), fetcher=site_fetcher))
    assert paths(items, site.base) == [
        "/aggregator/news/vbsp-outstanding-loans.html",
        "/aggregator/news/ninh-binh-tin-dung-chinh-sach.html",
        "/aggregator/news/conclusion-06-kl-tw.html",  # a relative <link> made absolute
    ]
    assert all(isinstance(i, RawItem) and i.raw for i in items)


def test_atom_feed(site: Site, site_fetcher: Fetcher) -> None:
    items = list(iter_source(site.url("/baotinh/atom.xml"), fetcher=site_fetcher, kind="feed"))
    assert paths(items, site.base) == [
        "/baotinh/gia-vien-cho-vay-xss.html",
        "/baotinh/ha-nam-viec-lam.html",
        "/baotinh/ninh-binh-tin-dung-chinh-sach.html",
    ]


def test_sitemap_every_document_parses(site: Site, site_fetcher: Fetcher) -> None:
    items = list(iter_source(site.url("/sitemap.xml"), fetcher=site_fetcher))
    assert len(items) == 10 and all(isinstance(i, RawItem) for i in items)
    loaded = [
        load_bytes(registry=bundled(), raw=i.raw, source=i.source, content_type=i.content_type)
        for i in items
        if isinstance(i, RawItem)
    ]
    pdf = [doc for doc in loaded if doc.source.endswith(".bin")]
    assert (
        len(pdf) == 1 and pdf[0].content_type == "application/pdf"
    )  # served as application/octet-stream
    assert all(doc.title and doc.published and doc.text for doc in loaded)


def test_a_batch_goes_on_past_every_failure(site: Site, site_fetcher: Fetcher) -> None:
    outcomes = {
        "/aggregator/news/vbsp-outstanding-loans.html": "ok",
        "/baotinh/bai-da-go.html": "http",
        "/fail/500": "http",
        "/fail/429": "ok",
        "/fail/slow": "timeout",
        "/fail/loop-a": "redirect_loop",
        "/fail/big": "too_large",
        "/private/secret.html": "robots",
        "/aggregator/tag/vbsp.html": "ok",  # fetched fine; refused later by the parser
        "/baotinh/ha-nam-viec-lam.html": "ok",
        "/docs/ke-hoach-ninh-binh.bin": "ok",
        "/aggregator/news/conclusion-06-kl-tw.html": "ok",
    }
    with Fetcher(
        site_fetcher.options.model_copy(update={"timeout": 0.5, "retries": 1}), sleep=lambda s: None
    ) as fetcher:
        items = list(iter_urls([site.url(p) for p in outcomes], fetcher=fetcher))
    assert paths(items, site.base) == list(outcomes)
    for item, expected in zip(items, outcomes.values(), strict=True):
        assert (item.kind if isinstance(item, Failed) else "ok") == expected, item
        if isinstance(item, Failed):
            assert item.reason and item.hint
    parsed = {}
    for item in items:
        if isinstance(item, RawItem):
            try:
                parsed[item.source] = load_bytes(registry=bundled(), raw=
                    item.raw, source=item.source, content_type=item.content_type
                ).title
            except InputError as exc:
                parsed[item.source] = exc
    assert isinstance(parsed.pop(site.url("/aggregator/tag/vbsp.html")), InputError)
    assert all(isinstance(title, str) and title for title in parsed.values())


def test_folder_source(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(
        (SITE / "baotinh/nghe-an-10-nam-chi-thi-40.html").read_bytes()
    )
    (tmp_path / "b.pdf").write_bytes((PDFS / "ke-hoach-ninh-binh.pdf").read_bytes())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Tiêu đề\nDư nợ đạt 1.250 tỷ đồng.", encoding="utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (tmp_path / ".hidden.html").write_text("<p>x</p>")
    items = list(iter_source(str(tmp_path)))
    assert [Path(i.source).name for i in items] == ["a.html", "b.pdf", "photo.jpg", "c.txt"]
    assert [i.content_type for i in items if isinstance(i, RawItem)] == [
        "text/html",
        "application/pdf",
        "text/plain",
    ]
    skipped = [i for i in items if isinstance(i, Failed)]
    assert len(skipped) == 1 and skipped[0].kind == "skipped"


def test_missing_path_is_a_failure_not_an_exception(tmp_path: Path) -> None:
    (item,) = iter_source(str(tmp_path / "nope.pdf"))
    assert isinstance(item, Failed) and item.kind == "missing"


def test_url_list_file(site: Site, site_fetcher: Fetcher, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# sources\n{site.url('/baotinh/atom.xml')}\n\n{site.url('/fail/500')}\n", encoding="utf-8"
    )
    items = list(iter_source(str(listing), fetcher=site_fetcher, kind="urls"))
    assert [type(i).__name__ for i in items] == ["RawItem", "Failed"]


@pytest.mark.parametrize(
    ("raw", "shape"),
    [
        (
            b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://a/</loc></url></urlset>',
            "sitemap",
        ),
        (
            b"<rss version='2.0'><channel><item><link>http://a/1</link></item></channel></rss>",
            "feed",
        ),
        (
            b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://a/2"/></entry></feed>',
            "feed",
        ),
        (b"<!doctype html><html><body><p>x</p></body></html>", "other"),
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>',
            "sitemap",
        ),
    ],
)
def test_xml_shapes(raw: bytes, shape: str) -> None:
    assert xml_shape(raw) == shape


def test_external_entities_are_not_resolved() -> None:
    raw = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><urlset><url><loc>&e;</loc></url></urlset>'
    pages, _ = sitemap_locs(raw)
    assert not any("root:" in p for p in pages)


def test_feed_links_skip_self_links() -> None:
    raw = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><link rel="self" href="/feed"/>'
        b'<entry><link rel="enclosure" href="/a.mp3"/><link rel="alternate" href="/a.html"/></entry></feed>'
    )
    assert feed_links(raw, base="http://example.org/") == ["http://example.org/a.html"]


def test_sitemap_index_walks_child_sitemaps(site: Site, site_fetcher: Fetcher) -> None:
    items = list(iter_source(site.url("/sitemap-index.xml"), fetcher=site_fetcher))
    fetched = [i for i in items if isinstance(i, RawItem)]
    failed = [i for i in items if isinstance(i, Failed)]
    assert len(fetched) == 10 and all(i.found_via == site.url("/sitemap.xml") for i in fetched)
    assert paths(failed, site.base) == ["/sitemap-2019.xml"] and failed[0].kind == "http"


def test_plain_page_url_is_the_document(site: Site, site_fetcher: Fetcher) -> None:
    (item,) = iter_source(
        site.url("/aggregator/news/conclusion-06-kl-tw.html"), fetcher=site_fetcher
    )
    assert isinstance(item, RawItem) and item.status == 200 and item.etag


def test_unchanged_page_on_recrawl(site: Site, site_fetcher: Fetcher) -> None:
    url = site.url("/aggregator/news/conclusion-06-kl-tw.html")
    list(iter_source(url, fetcher=site_fetcher))
    (again,) = iter_source(url, fetcher=site_fetcher)
    assert isinstance(again, RawItem) and again.not_modified and again.raw == b""


def test_load_url_keeps_the_final_url_and_records_the_requested_one(site: Site, site_fetcher: Fetcher) -> None:
    from extractor.pipeline.crawl import load_url

    loaded = load_url(site.url("/moved/ninh-binh"), registry=bundled(), fetcher=site_fetcher)
    assert loaded.source == site.url("/baotinh/ninh-binh-tin-dung-chinh-sach.html")
    assert loaded.meta["requested_url"] == site.url("/moved/ninh-binh") and loaded.published is not None


def test_load_url_refuses_private_addresses_by_default(site: Site) -> None:
    from extractor.errors import FetchError
    from extractor.pipeline.crawl import load_url

    with pytest.raises(FetchError):
        load_url(site.url("/baotinh/atom.xml"), registry=bundled())


@pytest.mark.parametrize(
    ("links", "number", "expected"),
    [
        ([("u/1", "1", ""), ("u/2", "2", ""), ("u/n", "trang sau »", "")], 1, "u/n"),
        ([("u/x", "xem", "next"), ("u/2", "2", "")], 1, "u/x"),
        ([("u/1", "1", ""), ("u/2", "2", ""), ("u/3", "3", "")], 2, "u/3"),  # numbered pager only
        ([("u/1", "1", ""), ("u/2", "2", "")], 2, None),
        ([("u/a", "tin tức", ""), ("u/b", "kinh tế", "")], 1, None),
    ],
)
def test_next_page(links: list[tuple[str, str, str]], number: int, expected: str | None) -> None:
    from extractor.fetch.sources import next_page

    assert (
        next_page(links, seen={"u/1"} if number == 1 else {"u/1", "u/2"},
                  words=bundled().html.next_page_words, number=number) == expected
    )


def test_gzipped_sitemap() -> None:
    import gzip

    raw = gzip.compress(
        b'<?xml version="1.0"?><urlset><url><loc>http://a.vn/1.html</loc></url></urlset>'
    )
    assert xml_shape(raw) == "sitemap" and sitemap_locs(raw) == (["http://a.vn/1.html"], [])


def test_feed_dates_travel_with_the_items(site: Site, site_fetcher: Fetcher) -> None:
    import datetime as dt

    items = list(iter_source(site.url("/aggregator/rss.xml"), fetcher=site_fetcher, kind="feed"))
    assert [i.published for i in items if isinstance(i, RawItem)] == [
        dt.date(2025, 10, 27),
        dt.date(2025, 10, 26),
        dt.date(2021, 6, 17),
    ]


def test_recrawled_feed_lists_its_entries_again_and_they_are_unchanged(
    site: Site, site_fetcher: Fetcher
) -> None:
    list(iter_source(site.url("/baotinh/atom.xml"), fetcher=site_fetcher, kind="feed"))
    again = list(iter_source(site.url("/baotinh/atom.xml"), fetcher=site_fetcher, kind="feed"))
    assert len(again) == 3 and all(isinstance(i, RawItem) and i.not_modified for i in again)
    assert (
        "if-none-match" not in site.log.headers["/baotinh/atom.xml"]
    )  # the feed itself is always fetched fresh


def test_recrawled_list_pages_still_lead_to_articles(site: Site, site_fetcher: Fetcher) -> None:
    first = list(
        iter_source(site.url("/baotinh/tin-tuc/index.html"), fetcher=site_fetcher, follow=FOLLOW)
    )
    again = list(
        iter_source(site.url("/baotinh/tin-tuc/index.html"), fetcher=site_fetcher, follow=FOLLOW)
    )
    assert paths(again, site.base) == paths(first, site.base)
    assert all(i.not_modified for i in again if isinstance(i, RawItem))


@pytest.mark.parametrize("follow", ["(unclosed", "*.html"])
def test_bad_follow_pattern_is_one_clear_failure(
    site: Site, site_fetcher: Fetcher, follow: str
) -> None:
    (item,) = iter_source(
        site.url("/baotinh/tin-tuc/index.html"), fetcher=site_fetcher, follow=follow
    )
    assert isinstance(item, Failed) and item.kind == "usage" and "regular expression" in item.reason


def test_missing_url_list_is_a_failure(site_fetcher: Fetcher, tmp_path: Path) -> None:
    (item,) = iter_source(str(tmp_path / "none.txt"), fetcher=site_fetcher, kind="urls")
    assert isinstance(item, Failed) and item.kind == "missing"
