"""What the issue promises the three seed articles yield (values read from the articles)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.models import Extraction
from extractor.pipeline import extract_text

SEEDS = Path(__file__).resolve().parent.parent / "corpus" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Extraction]:
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_bytes()
        out[path.name[:3]] = extract_text(raw.decode("utf-8"), source=str(path), raw=raw)
    return out


def test_total_capital_over_13374_billion(seeds: dict[str, Extraction]) -> None:
    hits = [f for f in seeds["000"].figures if f.value == Decimal("13374000000000")]
    assert [(f.kind, f.unit, f.qualifier) for f in hits] == [("money", "VND", "more_than")]


def test_borrowers_and_overdue_rate(seeds: dict[str, Extraction]) -> None:
    assert any(f.kind == "count" and f.value == 234414 for f in seeds["000"].figures)
    assert any(f.kind == "percent" and f.value == Decimal("0.14") for f in seeds["002"].figures)


def test_legal_references_and_issue_dates(seeds: dict[str, Extraction]) -> None:
    refs = {r.id: r for r in seeds["002"].legal_refs}
    assert refs["1560/QD-TTg"].issued == dt.date(2025, 7, 18)
    assert refs["1560/QD-TTg"].kind == "decision"
    conclusion = {r.id: r for r in seeds["000"].legal_refs}["06-KL/TW"]
    assert conclusion.issued == dt.date(2021, 6, 10)


def test_publication_dates(seeds: dict[str, Extraction]) -> None:
    assert seeds["000"].document.published is None
    assert seeds["001"].document.published == dt.date(2021, 6, 17)
    assert seeds["002"].document.published == dt.date(2025, 10, 26)


def test_every_record_points_back_into_the_text(seeds: dict[str, Extraction]) -> None:
    for extraction in seeds.values():
        text = extraction.document.text
        for record in (*extraction.figures, *extraction.dates, *extraction.legal_refs):
            assert text[record.start:record.end] == record.text
            assert record.sentence in text and record.rule
            assert record.sentence_start <= record.start < record.sentence_start + len(record.sentence)
