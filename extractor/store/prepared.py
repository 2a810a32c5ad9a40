"""What storing a document computes from its bytes and text alone, worked out before the write.

The store has one writer (SQLite takes one write transaction at a time), so with ``--workers``
every page's storing runs in the parent, one after another, while the workers read the next
pages. Part of that storing needs no database: packing the raw bytes (``blobs.pack``) and the
text's MinHash fingerprint, word count and band keys (``dedupe``), about a third of the writer's
time on a news page. A worker works them out beside the extraction (``prepare``) and the writer
only writes them (``save_extraction(..., prepared=…)``); what is stored is the same either way,
and a part prepared from other bytes or another text is worked out again, not stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractor.models import Extraction
from extractor.store.blobs import pack, raw_sha256


@dataclass(frozen=True)
class TextPrint:
    """A text's MinHash fingerprint (as stored), word count and LSH band keys, for the text
    whose SHA-256 is ``text_sha256``."""

    text_sha256: str
    fingerprint: bytes
    words: int
    bands: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Prepared:
    """A document's raw bytes packed (for the bytes whose SHA-256 is ``sha256``) and its text's print."""

    sha256: str
    packed: bytes
    text_print: TextPrint


def print_of(text: str) -> TextPrint:
    """The fingerprint, word count and band keys the store keeps for ``text``."""
    from extractor.store import dedupe  # numpy: not for a command that only queries

    fp = dedupe.fingerprint(text)
    return TextPrint(text_sha256=raw_sha256(text.encode("utf-8")), fingerprint=dedupe.to_bytes(fp),
                     words=len(dedupe.tokens(text)), bands=tuple(dedupe.band_keys(fp)))


def prepare(extraction: Extraction, raw: bytes) -> Prepared:
    """The storing work of ``extraction`` (read from ``raw``) that needs no database: the one way
    to make a ``Prepared`` (the writer trusts its packed bytes to unpack to the bytes they were
    packed from, and checks only which bytes those were)."""
    return Prepared(sha256=raw_sha256(raw), packed=pack(raw), text_print=print_of(extraction.document.text))
