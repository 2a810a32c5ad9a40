"""The corpus: seeds identical to the shared originals, and gold that matches its texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import evaluation as ev

ROOT = Path(__file__).resolve().parent.parent
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


def test_seeds_are_byte_identical_to_the_shared_originals() -> None:
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    for original in sorted(SHARED_SEEDS.glob("*.txt")):
        assert (ROOT / "corpus" / "seeds" / original.name).read_bytes() == original.read_bytes()


def test_seed_sources_are_documented() -> None:
    sources = (ROOT / "corpus" / "seeds" / "SOURCES.md").read_text(encoding="utf-8")
    for seed in sorted((ROOT / "corpus" / "seeds").glob("*.txt")):
        assert seed.name in sources


def test_gold_has_enough_documents_of_each_language() -> None:
    cases = ev.load_gold(ROOT / "corpus" / "gold")
    english = [c for c in cases if c.gold.language == "en"]
    vietnamese = [c for c in cases if c.gold.language == "vi"]
    assert len(english) >= 15 and len(vietnamese) >= 15
