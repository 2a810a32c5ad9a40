"""Raw bytes kept compressed: every write and read of ``raw_blobs`` goes through this module.

Raw bytes are kept so any document can be re-extracted offline, but an archive's pages are
mostly markup (menus, scripts, comments) that compresses about sevenfold: stored whole they were
two thirds of the database. Each row says how its ``content`` is encoded (``codec``); the key
stays the SHA-256 of the raw bytes, so a document's id and its raw bytes key do not change when
the bytes are compressed, and ``size`` stays the raw length.

zlib (the standard library's) rather than zstd: on generated 80 KB news pages zstd at its
default level was 3% smaller and at level 9 7% smaller than zlib's level 6, not worth a new
dependency; decompressing a page takes about 0.2 ms.

>>> raw = b"<html><body><p>T\\xe1\\xbb\\x95ng d\\xc6\\xb0 n\\xe1\\xbb\\xa3</p></body></html>" * 20
>>> unpack(CODEC, pack(raw)) == raw and len(pack(raw)) < len(raw)
True
"""

from __future__ import annotations

import hashlib
import sqlite3
import zlib
from collections.abc import Callable

from extractor.errors import StoreError

CODEC = "zlib"  # how raw bytes are written now
LEVEL = 6  # zlib's default: level 9 saved 0.5% more for 10% more time on news pages
COMPRESS_BATCH = 200  # rows compressed per step when a database is migrated (memory stays bounded)

_DECODERS: dict[str, Callable[[bytes], bytes]] = {
    "identity": bytes,  # written before schema v9, or by a program that leaves the codec unset
    "zlib": zlib.decompress,
}


def raw_sha256(raw: bytes) -> str:
    """The full SHA-256 of the raw bytes: the key raw bytes are kept under."""
    return hashlib.sha256(raw).hexdigest()


def pack(raw: bytes) -> bytes:
    """Raw bytes as ``CODEC`` stores them."""
    return zlib.compress(raw, LEVEL)


def unpack(codec: str, content: bytes) -> bytes:
    """The raw bytes of a stored ``content`` written with ``codec``."""
    decoder = _DECODERS.get(codec)
    if decoder is None:
        raise StoreError(f"raw bytes stored with an unknown codec {codec!r}",
                         hint="Upgrade vbsp-extractor: a newer version wrote this database.")
    try:
        return decoder(bytes(content))
    except zlib.error as exc:
        raise StoreError(f"raw bytes stored with {codec} cannot be read: {exc}",
                         hint="The database is damaged: ingest the source again.") from exc


def keep_raw(conn: sqlite3.Connection, raw: bytes, *, packed: bytes | None = None) -> str:
    """Store raw bytes (once per content) compressed, inside the caller's transaction; their key.
    ``packed``: ``pack(raw)`` when it was worked out before (``store.prepared``)."""
    digest = raw_sha256(raw)
    if conn.execute("SELECT 1 FROM raw_blobs WHERE sha256 = ?", (digest,)).fetchone() is None:
        conn.execute("INSERT INTO raw_blobs(sha256, content, size, codec) VALUES (?, ?, ?, ?)",
                     (digest, pack(raw) if packed is None else packed, len(raw), CODEC))
    return digest


def raw_bytes(conn: sqlite3.Connection, sha256: str) -> bytes | None:
    """The raw bytes stored under ``sha256``, or None when they are missing."""
    row = conn.execute("SELECT codec, content FROM raw_blobs WHERE sha256 = ?", (sha256,)).fetchone()
    return None if row is None else unpack(row[0], row[1])


def compress_stored(conn: sqlite3.Connection, *, batch: int = COMPRESS_BATCH) -> int:
    """Compress every row still stored whole, ``batch`` rows at a time, inside the caller's
    transaction (schema v9's migration); the number of rows compressed."""
    done, after = 0, ""
    while rows := conn.execute(
            "SELECT sha256, content FROM raw_blobs WHERE codec = 'identity' AND sha256 > ? "
            "ORDER BY sha256 LIMIT ?", (after, batch)).fetchall():
        conn.executemany("UPDATE raw_blobs SET content = ?, codec = ? WHERE sha256 = ?",
                         [(pack(bytes(content)), CODEC, sha256) for sha256, content in rows])
        done, after = done + len(rows), rows[-1][0]
    return done
