"""The evaluation gate (trafilatura's eval_gate.py is the model).

Scores on the hand-made gold must not drop below the floors pinned in
``corpus/gold/baseline.json``; the baseline also pins a hash of the gold, so a changed gold
file cannot move a score silently (re-pin with ``extractor eval --update-baseline`` after
reviewing the change; lowering a floor needs ``--allow-lower``). The issue targets are
checked too, as a separate test, so a lowered floor still cannot pass below them.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import pytest

from extractor import evaluation as ev

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
BASELINE = GOLD / "baseline.json"
LANGUAGES = ("en", "vi")

# Done-when targets of the foundation, Vietnamese and indicator-table issues.
TARGETS = {
    "figures.f1": 0.97,
    "figures.money.f1": 0.95,
    "figures.count.f1": 0.95,
    "figures.percent.f1": 0.95,
    "figures.ratio.f1": 0.95,
    "legal_refs.f1": 0.98,
    "dates.day_recall": 0.95,
    "qualifier.accuracy": 0.95,
    "observations.f1": 0.90,
    "observations.as_of_accuracy": 0.90,
    "document.province_accuracy": 0.95,
}


@pytest.fixture(scope="module")
def runs() -> dict[str, tuple[ev.Report, str]]:
    out = {}
    for lang in LANGUAGES:
        cases = ev.load_gold(GOLD, language=lang)
        out[lang] = (ev.evaluate(cases, ev.extract_case), ev.corpus_hash(cases))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_gold_is_the_one_the_floors_were_pinned_on(runs, lang: str) -> None:
    pinned = ev.read_baseline(BASELINE)["corpus_hash"][lang]
    assert runs[lang][1] == pinned, (
        "the gold changed since the floors were pinned: review the scores, then run "
        "`extractor eval --update-baseline`")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scores_stay_above_the_pinned_floors(runs, lang: str) -> None:
    floors = ev.read_baseline(BASELINE)["floors"][lang]
    assert not ev.check_gate(runs[lang][0].scores(), floors)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scores_meet_the_issue_targets(runs, lang: str) -> None:
    assert not ev.check_gate(runs[lang][0].scores(), TARGETS)


def test_a_score_below_its_floor_fails_the_gate() -> None:
    assert ev.check_gate({"figures.f1": 0.5}, {"figures.f1": 0.97}) == [
        "figures.f1: 0.5000 < floor 0.9700"]


def test_lowering_a_floor_needs_permission() -> None:
    with pytest.raises(ev.GoldError):
        ev.new_floors({"figures.f1": 0.9}, {"figures.f1": 0.97}, allow_lower=False)
    assert ev.new_floors({"figures.f1": 0.9}, {"figures.f1": 0.97}, allow_lower=True)


def test_translation_pairs_give_the_same_figures() -> None:
    pairs: dict[str, list[ev.GoldCase]] = defaultdict(list)
    for case in ev.load_gold(GOLD):
        if case.gold.pair:
            pairs[case.gold.pair].append(case)
    assert len(pairs) >= 3
    for name, cases in sorted(pairs.items()):
        assert sorted(c.gold.language for c in cases) == ["en", "vi"], name
        found = [sorted((f.kind, Decimal(f.value).normalize()) for f in ev.extract_case(c).figures)
                 for c in cases]
        assert found[0] == found[1], name


def test_day_precision_counts_only_day_precise_predictions(tmp_path: Path) -> None:
    """An edge date ("the end of 2024") has a value but is no day-precise date: it must not
    count as a false positive of day-precise dates, and a stated day still must count."""
    text = tmp_path / "doc.txt"
    text.write_text("Loans at the end of 2024\nOn June 30, 2024, loans reached VND 5,000 billion; "
                    "by the end of 2024 they reached VND 5,400 billion.\n", encoding="utf-8")
    gold = ev.GoldDocument.model_validate({"language": "en", "dates": [
        {"text": "June 30, 2024", "value": "2024-06-30", "granularity": "day"},
        {"text": "end of 2024", "value": "2024-12-31", "granularity": "year"},
        {"text": "end of 2024", "value": "2024-12-31", "granularity": "year"}]})
    report = ev.evaluate([ev.GoldCase(tmp_path / "doc.yaml", text, gold)], ev.extract_case)
    assert (report.day_dates.tp, report.day_dates.fp, report.day_dates.fn) == (1, 0, 0)
