"""Near-duplicate detection for republished articles: word-shingle MinHash with an LSH index.

The same story appears on a provincial paper, a national aggregator and elsewhere with a
different header or a "(Theo Báo Ninh Bình)" line; shingled MinHash sees them as near-identical,
so the store can keep one source and link the others as copies. The store keeps each document's
LSH band keys (``band_keys``) in an index and finds a new document's near-duplicates by looking
its own keys up (``extractor.store.copies``).

>>> a = "Tổng dư nợ đạt 13.357 tỷ đồng với 234.414 khách hàng còn dư nợ trên địa bàn tỉnh."
>>> similar(a, a)
1.0
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

import numpy as np

NUM_PERM = 128
SEED = 1
SHINGLE_WORDS = 5
THRESHOLD = 0.7  # two texts whose shingle sets are at least 70% alike (Jaccard) tell one story
# The bands × rows split datasketch's MinHashLSH picks as the one that best separates pairs above
# THRESHOLD from those below for NUM_PERM permutations (tests/test_dedupe.py checks it). Stored band
# keys depend on it: changing THRESHOLD, NUM_PERM or the shingles needs a migration that empties
# ``doc_prints``, so the next run links every document again.
BANDS, ROWS = 14, 9
WORD = re.compile(r"\w+(?:[.,]\d+)*")

Fingerprint = tuple[int, ...]


def tokens(text: str) -> list[str]:
    """Case-folded NFC words (numbers keep their separators: "13.357")."""
    return WORD.findall(unicodedata.normalize("NFC", text).casefold())


def shingles(text: str, *, size: int = SHINGLE_WORDS) -> set[str]:
    """Overlapping runs of ``size`` words; a shorter text is one shingle."""
    words = tokens(text)
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


# MinHash as datasketch 2 computes it with its "affine32" scheme, written out here so that storing
# a document does not import datasketch, whose LSH module loads scipy (half a second of every
# ingest's start-up). Each shingle's hash is the first 4 bytes of its SHA-1 (little-endian),
# mixed by MurmurHash3's 32-bit finalizer; permutation k maps it to a_k·h + b_k mod 2³² (odd a_k,
# drawn with b_k from numpy's RandomState(SEED)); a signature keeps each permutation's minimum.
# Stored fingerprints depend on every step: tests/test_dedupe.py checks them against datasketch.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
EMPTY = (1 << 32) - 1  # the value of every permutation for a text with no words


@cache
def _permutations(num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The permutations' (a, b), as datasketch draws them for ``SEED``."""
    gen = np.random.RandomState(SEED)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _hashes(items: set[str]) -> np.ndarray:
    """Each shingle's 32-bit hash, mixed by the MurmurHash3 finalizer (a column)."""
    hv = np.array([int.from_bytes(hashlib.sha1(item.encode("utf-8")).digest()[:4], "little") for item in items],
                  dtype=np.uint32).reshape(-1, 1)
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def fingerprint(text: str, *, num_perm: int = NUM_PERM) -> Fingerprint:
    """The MinHash signature of a text's shingles, as plain ints (store with ``to_bytes``)."""
    found = shingles(text)
    if not found:
        return (EMPTY,) * num_perm
    a, b = _permutations(num_perm)
    return tuple(int(v) for v in (_hashes(found) * a + b).min(axis=0))


def to_bytes(fp: Fingerprint) -> bytes:
    """A fingerprint as little-endian uint32 bytes, for a BLOB column."""
    return np.asarray(fp, dtype="<u4").tobytes()


def from_bytes(blob: bytes) -> Fingerprint:
    """A fingerprint back from ``to_bytes`` output."""
    return tuple(int(v) for v in np.frombuffer(blob, dtype="<u4"))


def is_empty(fp: Fingerprint) -> bool:
    """True for the fingerprint of a text with no words."""
    return len(set(fp)) <= 1 and (not fp or fp[0] >= EMPTY)


def similar(a: str | Fingerprint, b: str | Fingerprint) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets (0.0 when either is empty)."""
    fa = fingerprint(a) if isinstance(a, str) else a
    fb = fingerprint(b) if isinstance(b, str) else b
    if len(fa) != len(fb):
        raise ValueError(
            f"fingerprints differ in length ({len(fa)} vs {len(fb)}): made with different num_perm"
        )
    if is_empty(fa) or is_empty(fb):
        return 0.0
    return sum(x == y for x, y in zip(fa, fb, strict=True)) / len(fa)


def band_keys(fp: Fingerprint) -> list[tuple[int, int]]:
    """The LSH (band, key) pairs of a fingerprint: two texts at or above ``THRESHOLD`` almost surely
    share one, so a store finds a document's near-duplicates by looking its keys up in an index."""
    if is_empty(fp):
        return []
    values = np.asarray(fp, dtype="<u4")
    return [(band, _band_key(values[band * ROWS : (band + 1) * ROWS])) for band in range(BANDS)]


def _band_key(values: np.ndarray) -> int:
    """One band's values as a signed 64-bit key (an SQLite INTEGER); a collision only adds a candidate."""
    return int.from_bytes(hashlib.blake2b(values.tobytes(), digest_size=8).digest(), "little", signed=True)
