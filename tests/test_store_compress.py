"""Raw bytes kept compressed: new writes, the v8 → v9 migration of a database with data, and the
one reader every use of raw bytes goes through (``extractor.store.blobs``)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from extractor.errors import StoreError
from extractor.models import Extraction
from extractor.store import SCHEMA_VERSION, connect, save_extraction, schema_version, search
from extractor.store import write as store_write
from extractor.store.blobs import compress_stored, raw_bytes
from helpers.legacy_store import save_v9
from helpers.store import HA_NOI, NGHE_AN, NGHE_AN_EN, Fact, keep_raw_whole, make_extraction

FACTS = (NGHE_AN, HA_NOI, NGHE_AN_EN)


def page(fact: Fact, number: int) -> bytes:
    """A news page around one fact: markup repeated as a site's menus repeat it, and bytes that
    are not UTF-8 (raw bytes are kept byte for byte, whatever their encoding)."""
    menu = b"".join(b'<li class="menu-item"><a href="/muc/%d">Muc %d</a></li>' % (i, i) for i in range(200))
    return (b"<html><head><title>%d</title></head><body><ul>%s</ul>\xff\xfe<p>%s</p></body></html>"
            % (number, menu, fact.sentence.encode("utf-8")))


def stored_pages(conn: sqlite3.Connection, *, save: Callable[[sqlite3.Connection, Extraction, bytes], str]
                 = lambda conn, extraction, raw: save_extraction(conn, extraction, raw=raw).document_id,
                 ) -> dict[str, bytes]:
    """Three documents saved from their pages (by today's program unless ``save`` says how);
    each page by its document's id."""
    pages = {}
    for number, fact in enumerate(FACTS):
        extraction, _ = make_extraction(fact, source=f"https://example.test/{number}")
        raw = page(fact, number)
        pages[save(conn, extraction, raw)] = raw
    return pages


def blob_rows(conn: sqlite3.Connection) -> dict[str, tuple[str, int, int]]:
    """Codec, stored length and raw size of each raw_blobs row, by key."""
    return {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
        "SELECT sha256, codec, length(content), size FROM raw_blobs")}


def test_new_raw_bytes_are_stored_compressed_under_the_raw_hash(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    pages = stored_pages(conn)
    rows = blob_rows(conn)
    for doc_id, raw in pages.items():
        assert doc_id == hashlib.sha256(raw).hexdigest()
        assert raw_bytes(conn, doc_id) == raw
        codec, stored, size = rows[doc_id]
        assert codec == "zlib" and size == len(raw) and stored < len(raw) / 4


def test_a_v8_database_with_data_is_compressed_in_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "old.sqlite"
    old = connect(path, migrate_to=8)
    with monkeypatch.context() as patch:  # written as a v8 program wrote raw bytes: whole
        patch.setattr(store_write, "keep_raw", keep_raw_whole)
        pages = stored_pages(old, save=save_v9)
    documents = old.execute("SELECT id, raw_sha256 FROM documents ORDER BY id").fetchall()
    assert {bytes(r[0]) for r in old.execute("SELECT content FROM raw_blobs")} == set(pages.values())
    old.close()

    conn = connect(path)
    assert schema_version(conn) == SCHEMA_VERSION
    assert conn.execute("SELECT id, raw_sha256 FROM documents ORDER BY id").fetchall() == documents
    for doc_id, raw in pages.items():
        assert raw_bytes(conn, doc_id) == raw and hashlib.sha256(raw).hexdigest() == doc_id
        assert blob_rows(conn)[doc_id][0] == "zlib"
    assert {h.document_id for h in search(conn, "du no").items} <= set(pages)


def test_compressing_goes_batch_by_batch_over_every_row_kept_whole(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    pages = [page(fact, n) for n, fact in enumerate(FACTS * 3)]
    conn.executemany("INSERT INTO raw_blobs(sha256, content, size) VALUES (?, ?, ?)",
                     [(hashlib.sha256(p).hexdigest(), p, len(p)) for p in pages])
    assert compress_stored(conn, batch=2) == len(pages)
    assert compress_stored(conn, batch=2) == 0
    assert [raw_bytes(conn, hashlib.sha256(p).hexdigest()) for p in pages] == pages


def test_an_unknown_codec_is_a_store_error(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    conn.execute("INSERT INTO raw_blobs(sha256, content, size, codec) VALUES ('k', x'00', 1, 'brotli')")
    with pytest.raises(StoreError, match="unknown codec 'brotli'"):
        raw_bytes(conn, "k")
