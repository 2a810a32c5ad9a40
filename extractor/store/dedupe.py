"""Near-duplicate detection for republished articles: word-shingle MinHash with an LSH index.

The same story appears on a provincial paper, a national aggregator and elsewhere with a
different header or a "(Theo Báo Ninh Bình)" line; shingled MinHash sees them as near-identical,
so the store can keep one source and link the others as copies.

>>> a = "Tổng dư nợ đạt 13.357 tỷ đồng với 234.414 khách hàng còn dư nợ trên địa bàn tỉnh."
>>> similar(a, a)
1.0
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # pinned: stored fingerprints stay comparable across datasketch versions
SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.7
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


def _restore(fp: Fingerprint, *, num_perm: int) -> MinHash:
    """A datasketch MinHash rebuilt from a fingerprint."""
    return MinHash(
        num_perm=num_perm, seed=SEED, scheme=SCHEME, hashvalues=np.asarray(fp, dtype=np.uint32)
    )


class DuplicateIndex:
    """An in-memory LSH index: ``add`` returns the ids of near-duplicates already added."""

    def __init__(self, *, threshold: float = DEFAULT_THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._prints: dict[str, Fingerprint] = {}

    def __len__(self) -> int:
        return len(self._prints)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._prints

    def _as_print(self, text: str | Fingerprint) -> Fingerprint:
        """A fingerprint for a text (or the fingerprint itself)."""
        return fingerprint(text, num_perm=self.num_perm) if isinstance(text, str) else tuple(text)

    def query(self, text: str | Fingerprint) -> list[tuple[str, float]]:
        """(doc id, similarity) of indexed near-duplicates, most similar first."""
        fp = self._as_print(text)
        if is_empty(fp):
            return []
        mh = _restore(fp, num_perm=self.num_perm)
        scored = [(doc, similar(fp, self._prints[doc])) for doc in self._lsh.query(mh)]
        return sorted((s for s in scored if s[1] >= self.threshold), key=lambda s: (-s[1], s[0]))

    def add(self, doc_id: str, text: str | Fingerprint) -> list[str]:
        """Index a document; return ids of near-duplicates indexed before it (best first)."""
        if doc_id in self._prints:
            raise ValueError(f"document {doc_id!r} is already in the index")
        fp = self._as_print(text)
        found = [doc for doc, _ in self.query(fp)]
        self._prints[doc_id] = fp
        if not is_empty(fp):
            mh = _restore(fp, num_perm=self.num_perm)
            self._lsh.insert(doc_id, mh)
        return found

    def add_many(self, docs: Sequence[tuple[str, str | Fingerprint]]) -> dict[str, list[str]]:
        """Index several documents in order; map each id to the earlier near-duplicates."""
        return {doc_id: self.add(doc_id, text) for doc_id, text in docs}
