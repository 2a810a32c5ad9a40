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

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # pinned: stored fingerprints stay comparable across datasketch versions
SHINGLE_WORDS = 5
THRESHOLD = 0.7  # two texts whose shingle sets are at least 70% alike (Jaccard) tell one story
# datasketch picks the bands × rows split that best separates pairs above THRESHOLD from those below
# (14 × 9 for 128 permutations at 0.7). Stored band keys depend on it: changing THRESHOLD, NUM_PERM or
# the shingles needs a migration that empties ``doc_prints``, so the next run links every document again.
_LSH = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r
WORD = re.compile(r"\w+(?:[.,]\d+)*")
EMPTY = (1 << 32) - 1  # datasketch's value for a MinHash that saw nothing (affine32 scheme max)

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


def _minhash(text: str, *, num_perm: int = NUM_PERM) -> MinHash:
    """A datasketch MinHash of a text's shingles (fixed seed, so fingerprints are comparable)."""
    mh = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    mh.update_batch([s.encode("utf-8") for s in shingles(text)])
    return mh


def fingerprint(text: str, *, num_perm: int = NUM_PERM) -> Fingerprint:
    """The MinHash signature of a text, as plain ints (store with ``to_bytes``)."""
    return tuple(int(v) for v in _minhash(text, num_perm=num_perm).hashvalues)


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
