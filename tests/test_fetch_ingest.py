"""End to end on the library: crawl the fixture site, parse, extract, store, link republished copies.

This is the path ``extractor ingest`` takes for URLs; the CLI only adds progress and a summary.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.errors import ExtractorError
from extractor.fetch import Fetcher
from extractor.fetch.sources import Failed, RawItem, iter_source
from extractor.parse import load_bytes
from extractor.pipeline import process
from extractor.registry.bundle import bundled
from helpers.pages import numbers, regions
from helpers.sites import Site

FOLLOW = r"/baotinh/[a-z0-9-]+\.html$"


def crawl(site: Site, fetcher: Fetcher) -> Iterator[RawItem | Failed]:
    """Every source kind over the fixture site, overlapping on purpose (articles appear twice)."""
    yield from iter_source(site.url("/baotinh/tin-tuc/index.html"), fetcher=fetcher, follow=FOLLOW)
    yield from iter_source(site.url("/aggregator/rss.xml"), fetcher=fetcher)
    yield from iter_source(site.url("/sitemap.xml"), fetcher=fetcher)
    yield from iter_source(site.url("/aggregator/tag/vbsp.html"), fetcher=fetcher)


def ingest(
    conn: sqlite3.Connection, items: Iterator[RawItem | Failed]
) -> tuple[Counter[str], dict[str, bytes]]:
    """Store every item (the store links near-duplicates); return outcome counts and raw bytes by document id."""
    from extractor.store.write import save_extraction

    outcomes: Counter[str] = Counter()
    raws: dict[str, bytes] = {}
    for item in items:
        if isinstance(item, Failed):
            outcomes[f"failed:{item.kind}"] += 1
            continue
        if item.not_modified:
            outcomes["unchanged"] += 1
            continue
        try:
            loaded = load_bytes(registry=bundled(), raw=item.raw, source=item.source, content_type=item.content_type)
            result = save_extraction(conn, process(registry=bundled(), loaded=loaded), raw=loaded.raw)
        except ExtractorError as exc:
            outcomes[f"failed:{exc.code}"] += 1
            continue
        outcomes[result.status] += 1
        if result.status == "new":
            raws[result.document_id] = item.raw
    return outcomes, raws


@pytest.fixture
def store(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    from extractor.store.db import connect

    conn = connect(tmp_path / "ingest.db")
    yield conn
    conn.close()


def test_fixture_site_end_to_end(
    site: Site, site_fetcher: Fetcher, store: sqlite3.Connection
) -> None:
    outcomes, _ = ingest(store, crawl(site, site_fetcher))
    documents = store.execute("SELECT id, source, title, published, text FROM documents").fetchall()
    sources = sorted(row[1].removeprefix(site.base) for row in documents)
    assert sources == sorted(
        [
            "/baotinh/ninh-binh-tin-dung-chinh-sach.html",
            "/baotinh/nghe-an-10-nam-chi-thi-40.html",
            "/baotinh/ha-nam-viec-lam.html",
            "/baotinh/gia-vien-cho-vay-xss.html",
            "/aggregator/news/vbsp-outstanding-loans.html",
            "/aggregator/news/ninh-binh-tin-dung-chinh-sach.html",
            "/aggregator/news/conclusion-06-kl-tw.html",
            "/docs/ke-hoach-ninh-binh.bin",
            "/tinnhanh/kinh-doanh/ha-tinh-von-vay-uu-dai.html",
            "/baocu/tin-ben-tre-2019.html",
        ]
    )  # every article once, though the crawl met most of them twice
    assert all(title and published and text for _, _, title, published, text in documents)
    assert outcomes["new"] == 10 and outcomes["unchanged"] >= 5
    assert outcomes["failed:http"] == 1  # the dead link on the list page
    assert outcomes["failed:E002"] == 1  # the tag page: not an article


def test_no_stored_figure_comes_from_page_chrome(
    site: Site, site_fetcher: Fetcher, store: sqlite3.Connection
) -> None:
    _, raws = ingest(store, crawl(site, site_fetcher))
    checked = 0
    for doc_id, raw in raws.items():
        if raw.startswith(b"%PDF"):
            continue
        found = regions(raw)
        forbidden = (found["chrome"] | found["caption"]) - found["outside"]
        figures = [
            r[0] for r in store.execute("SELECT text FROM figures WHERE document_id = ?", (doc_id,))
        ]
        leaked = {n for text in figures for n in numbers(text)} & forbidden
        assert not leaked, (doc_id, leaked)
        checked += bool(figures)
    assert checked >= 8


def test_republished_copy_is_linked(
    site: Site, site_fetcher: Fetcher, store: sqlite3.Connection
) -> None:
    ingest(store, crawl(site, site_fetcher))
    links = store.execute(
        "SELECT a.source, b.source, c.similarity FROM doc_copies c JOIN documents a ON a.id = c.doc_id "
        "JOIN documents b ON b.id = c.copy_of_doc_id"
    ).fetchall()
    assert [(a.removeprefix(site.base), b.removeprefix(site.base)) for a, b, _ in links] == [
        (
            "/aggregator/news/ninh-binh-tin-dung-chinh-sach.html",
            "/baotinh/ninh-binh-tin-dung-chinh-sach.html",
        )
    ]
    assert 0.8 <= links[0][2] < 1.0  # the copy adds a "(Theo Báo Ninh Bình)" line


def test_pdf_figures_in_the_store_carry_page_and_box(
    site: Site, site_fetcher: Fetcher, store: sqlite3.Connection
) -> None:
    from extractor.store.documents import get_document

    _, raws = ingest(
        store, iter_source(site.url("/docs/ke-hoach-ninh-binh.bin"), fetcher=site_fetcher)
    )
    (doc_id,) = raws
    stored = get_document(store, doc_id)
    assert stored is not None and stored.document.published is not None
    assert stored.figures and all(f.page and f.bbox for f in stored.figures)
