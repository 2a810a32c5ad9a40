"""`crawl.ingest_sources`: the fixture site, end to end into the store, through the library
function the CLI uses (against the local fixture server; nothing leaves 127.0.0.1)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.fetch import Fetcher
from extractor.pipeline.crawl import StoreValidators, ingest_sources, validators_path
from extractor.registry.bundle import bundled
from helpers.sites import Site, fixture_options

FOLLOW = r"/baotinh/[a-z0-9-]+\.html$"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[tuple[sqlite3.Connection, Path]]:
    from extractor.store.db import connect

    path = tmp_path / "crawl.sqlite"
    conn = connect(path)
    yield conn, path
    conn.close()


def _fetcher(conn: sqlite3.Connection, path: Path) -> Fetcher:
    return Fetcher(fixture_options(), cache=StoreValidators(conn, validators_path(path)),
                   sleep=lambda _: None)


def test_every_source_kind_lands_once(site: Site, db) -> None:
    conn, path = db
    with _fetcher(conn, path) as fetcher:
        listed = ingest_sources(conn, registry=bundled(), specs=[site.url("/baotinh/tin-tuc/index.html")],
                                fetcher=fetcher, follow=FOLLOW)
        fed = ingest_sources(conn, registry=bundled(),
                             specs=[site.url("/aggregator/rss.xml"), site.url("/sitemap.xml")], fetcher=fetcher)
    report = listed
    report.outcomes += fed.outcomes
    report.copies += fed.copies
    counts = report.counts()
    stored = conn.execute("SELECT count(*), count(DISTINCT source) FROM documents").fetchone()
    assert stored[0] == stored[1] == counts["new"] >= 8
    assert counts["unchanged"] >= 1  # pages reached through several specs are saved once
    assert any("404" in o.reason or "Not Found" in o.reason for o in report.failures)
    assert report.copies  # the aggregator's republished copy is linked to the original


def test_a_second_crawl_changes_nothing(site: Site, db) -> None:
    conn, path = db
    spec = [site.url("/sitemap.xml")]
    with _fetcher(conn, path) as fetcher:
        first = ingest_sources(conn, registry=bundled(), specs=spec, fetcher=fetcher)
    rows = conn.execute("SELECT id FROM documents ORDER BY id").fetchall()
    with _fetcher(conn, path) as fetcher:
        second = ingest_sources(conn, registry=bundled(), specs=spec, fetcher=fetcher)
    assert first.counts()["new"] >= 1 and second.counts()["new"] == 0
    assert conn.execute("SELECT id FROM documents ORDER BY id").fetchall() == rows


def test_robots_disallowed_pages_are_skipped_not_failed(site: Site, db) -> None:
    conn, path = db
    with _fetcher(conn, path) as fetcher:
        report = ingest_sources(conn, registry=bundled(), specs=[site.url("/private/secret.html")], fetcher=fetcher)
    assert [o.status for o in report.outcomes] == ["skipped"]
    assert "robots" in report.outcomes[0].reason.lower()


def test_a_dead_source_does_not_stop_the_batch(site: Site, db, tmp_path: Path) -> None:
    conn, path = db
    text = tmp_path / "local.txt"
    text.write_text("Ninh Binh loans\nOutstanding loans reached VND 13,612 billion.", "utf-8")
    with _fetcher(conn, path) as fetcher:
        report = ingest_sources(conn, registry=bundled(), specs=[site.url("/does-not-exist.html"), str(text)],
                                fetcher=fetcher)
    assert [o.status for o in report.outcomes] == ["failed", "new"]


def test_cli_crawls_a_list_page_and_summarises(site: Site, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from extractor.cli import app

    db = tmp_path / "cli.sqlite"
    args = ["ingest", site.url("/baotinh/tin-tuc/index.html"), "--follow", FOLLOW, "--db", str(db),
            "--delay", "0", "--allow-private"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "fetched: 4" in result.stdout and "4 new" in result.stdout
    assert "bai-da-go.html" in result.stderr  # the dead link, with its reason
    again = CliRunner().invoke(app, args)
    assert "0 new" in again.stdout and "4 unchanged" in again.stdout


def test_cli_refuses_loopback_without_the_flag(site: Site, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from extractor.cli import app

    result = CliRunner().invoke(app, ["ingest", site.url("/baotinh/ha-nam-viec-lam.html"),
                                      "--db", str(tmp_path / "x.sqlite"), "--delay", "0"])
    assert result.exit_code == 1
    assert "private" in result.stderr.lower() or "loopback" in result.stderr.lower()
    assert not site.log.paths  # nothing was requested
