"""A total deadline per response: a server trickling one byte at a time is cut off, with a coded
error naming the URL, and the crawl goes on (issue 17, item 2).

The trickling server (``helpers/trickle.py``) pauses far less than the per-read timeout between
bytes, so before the deadline it answered in full after ~10-30 s; now it ends at the deadline.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import FetchError
from extractor.fetch import Fetcher, FetchFailed
from extractor.pipeline.crawl import ingest_sources
from extractor.registry.bundle import bundled
from helpers.sites import Site, fixture_options
from helpers.trickle import Trickler, trickling_server

DEADLINE = 1.0
ARTICLE = "/baotinh/nghe-an-10-nam-chi-thi-40.html"


@pytest.fixture
def trickler() -> Iterator[Trickler]:
    """The trickling server for one test."""
    with trickling_server() as served:
        yield served


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    """An empty store."""
    from extractor.store.db import connect

    connection = connect(tmp_path / "deadline.sqlite")
    yield connection
    connection.close()


@pytest.mark.parametrize("path", ["/headers", "/body"])
def test_a_trickled_response_ends_at_the_deadline(trickler: Trickler, path: str) -> None:
    with (
        Fetcher(fixture_options(deadline=DEADLINE, timeout=5.0, retries=2)) as fetcher,
        pytest.raises(FetchError) as caught,
    ):
        fetcher.fetch(trickler.url(path))
    error = caught.value
    assert isinstance(error, FetchFailed) and error.kind == "deadline" and error.code == "E004"
    assert trickler.url(path) in str(error) and "deadline" in error.message
    assert "--deadline" in error.hint
    assert trickler.requests[path] == 1  # a stalling server is not asked again


def test_the_crawl_goes_on_after_a_stalled_server(
    trickler: Trickler, site: Site, conn: sqlite3.Connection
) -> None:
    stalled, good = trickler.url("/headers"), site.url(ARTICLE)
    with Fetcher(fixture_options(deadline=DEADLINE, timeout=5.0)) as fetcher:
        report = ingest_sources(conn, [stalled, good], registry=bundled(), fetcher=fetcher)
    assert [(o.path, o.status) for o in report.outcomes] == [(stalled, "failed"), (good, "new")]
    assert "deadline" in report.outcomes[0].reason


def test_ingest_takes_the_deadline_option(trickler: Trickler, site: Site, tmp_path: Path) -> None:
    stalled, good = trickler.url("/body"), site.url(ARTICLE)
    args = ["ingest", stalled, good, "--db", str(tmp_path / "cli.sqlite"), "--delay", "0",
            "--allow-private", "--deadline", str(DEADLINE)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "1 new" in result.stdout and "1 failed" in result.stdout
    assert f"failed: {stalled}" in result.stderr and "deadline" in result.stderr


def test_extract_takes_the_deadline_option(trickler: Trickler) -> None:
    url = trickler.url("/headers")
    result = CliRunner().invoke(app, ["extract", url, "--allow-private", "--delay", "0", "--deadline", str(DEADLINE)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)  # no traceback
    assert "[E004]" in result.stderr and url in result.stderr and "deadline" in result.stderr


def test_the_deadline_setting_is_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.fetch import FetchOptions

    monkeypatch.setenv("VBSP_FETCH_DEADLINE", "2.5")
    assert FetchOptions().deadline == 2.5
    monkeypatch.setenv("VBSP_FETCH_DEADLINE", "soon")
    with pytest.raises(FetchError, match="VBSP_FETCH_DEADLINE"):
        FetchOptions()
