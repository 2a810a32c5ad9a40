"""The fixture articles of ``helpers/web_corpus.py`` all reach the database the web tests use."""

from __future__ import annotations

from pathlib import Path

from extractor.store import connect
from helpers.web_corpus import ARTICLES, SEEDS, build_database


def test_every_fixture_article_is_ingested(tmp_path: Path) -> None:
    build_database(tmp_path / "web.sqlite")
    conn = connect(tmp_path / "web.sqlite")
    titles = [r[0] for r in conn.execute("SELECT title FROM documents")]
    assert len(titles) == len(ARTICLES) + len(list(SEEDS.glob("*.txt")))
