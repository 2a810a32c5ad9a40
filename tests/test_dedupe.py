"""Near-duplicate detection: a republished article is found, different articles are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.parse import load_path
from extractor.registry.bundle import bundled
from extractor.store.dedupe import (
    BANDS,
    NUM_PERM,
    ROWS,
    SEED,
    THRESHOLD,
    band_keys,
    fingerprint,
    from_bytes,
    shingles,
    similar,
    to_bytes,
)
from helpers.sites import SITE

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"
ORIGINAL = SITE / "baotinh/ninh-binh-tin-dung-chinh-sach.html"
REPUBLISHED = SITE / "aggregator/news/ninh-binh-tin-dung-chinh-sach.html"
OTHERS = [
    SITE / "baotinh/nghe-an-10-nam-chi-thi-40.html",
    SITE / "aggregator/news/vbsp-outstanding-loans.html",
    SITE / "aggregator/news/conclusion-06-kl-tw.html",
    SITE / "baotinh/gia-vien-cho-vay-xss.html",
]


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    """Body texts of the fixture articles by file stem (with the site folder)."""
    return {
        f"{p.parent.name}/{p.stem}": load_path(registry=bundled(), path=p).text
        for p in [ORIGINAL, REPUBLISHED, *OTHERS]
    }


def test_republished_article_is_similar(texts: dict[str, str]) -> None:
    assert (
        similar(
            texts["baotinh/ninh-binh-tin-dung-chinh-sach"],
            texts["news/ninh-binh-tin-dung-chinh-sach"],
        )
        >= 0.8
    )


def test_different_articles_are_not(texts: dict[str, str]) -> None:
    names = list(texts)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if {a, b} != {
                "baotinh/ninh-binh-tin-dung-chinh-sach",
                "news/ninh-binh-tin-dung-chinh-sach",
            }:
                assert similar(texts[a], texts[b]) < 0.3, (a, b)


def test_only_the_republished_pair_shares_a_band_key(texts: dict[str, str]) -> None:
    keys = {name: set(band_keys(fingerprint(text))) for name, text in texts.items()}
    sharing = {frozenset((a, b)) for a in keys for b in keys if a < b and keys[a] & keys[b]}
    assert sharing == {frozenset(("baotinh/ninh-binh-tin-dung-chinh-sach", "news/ninh-binh-tin-dung-chinh-sach"))}


def test_case_and_whitespace_do_not_matter() -> None:
    text = "Tổng dư nợ đạt 13.357 tỷ đồng với 234.414 khách hàng còn dư nợ trên địa bàn tỉnh Ninh Bình."
    assert similar(text, "  " + text.upper().replace(" ", "\n  ")) == 1.0


def test_numbers_stay_whole_in_shingles() -> None:
    assert "đạt 13.357 tỷ đồng với" in shingles(
        "Tổng dư nợ đạt 13.357 tỷ đồng với 234.414 khách hàng"
    )


def test_a_changed_figure_lowers_similarity_but_keeps_a_near_duplicate() -> None:
    base = " ".join(f"Câu số {i} nói về nguồn vốn tín dụng chính sách của tỉnh." for i in range(40))
    changed = base.replace("Câu số 7 ", "Câu số 7 mới ")
    assert 0.7 <= similar(base, changed) < 1.0


def test_empty_texts_are_never_duplicates() -> None:
    assert band_keys(fingerprint("")) == [] and similar("", "") == 0.0


def test_fingerprints_are_stable_and_round_trip() -> None:
    fp = fingerprint("Ngân hàng Chính sách xã hội tỉnh Ninh Bình giải ngân 1.250 tỷ đồng")
    assert fp == fingerprint("Ngân hàng Chính sách xã hội tỉnh Ninh Bình giải ngân 1.250 tỷ đồng")
    assert from_bytes(to_bytes(fp)) == fp and len(fp) == 128


def test_stored_fingerprints_give_the_same_band_keys(texts: dict[str, str]) -> None:
    fp = fingerprint(texts["baotinh/ninh-binh-tin-dung-chinh-sach"])
    assert band_keys(from_bytes(to_bytes(fp))) == band_keys(fp) and len(band_keys(fp)) > 1


# --- the signature is datasketch's: fingerprints stored before stay comparable ---------------------

SAMPLES = ["", "một hai", "Tổng dư nợ đạt 13.357 tỷ đồng với 234.414 khách hàng còn dư nợ.",
           *(" ".join(f"w{(i * 7 + j) % 97}" for j in range(200)) for i in range(3))]


@pytest.mark.parametrize("text", SAMPLES + [path.read_text(encoding="utf-8") for path in
                                            sorted((GOLD / "vi").glob("*.txt"))[:5]])
def test_fingerprint_is_datasketchs_affine32_minhash(text: str) -> None:
    datasketch = pytest.importorskip("datasketch")
    expected = datasketch.MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")
    expected.update_batch([s.encode("utf-8") for s in shingles(text)])
    assert fingerprint(text) == tuple(int(v) for v in expected.hashvalues)


def test_bands_and_rows_are_datasketchs_split_at_the_threshold() -> None:
    datasketch = pytest.importorskip("datasketch")
    lsh = datasketch.MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    assert (lsh.b, lsh.r) == (BANDS, ROWS)
