"""The evaluation gate (trafilatura's eval_gate.py is the model).

Scores on the hand-made gold must not drop below the floors pinned per group (en, vi, html,
pdf) in ``corpus/gold/baseline.json``; the baseline also pins a hash of each group's gold, so a
changed gold file cannot move a score silently (re-pin with ``extractor eval --update-baseline``
after reviewing the change; lowering a floor needs ``--allow-lower``). The issue targets are
checked too, as a separate test, so a lowered floor still cannot pass below them. The gate
reads the whole contract: an output whose units, statuses, boundaries, periods, qualifiers or
changes are wrong fails it (``test_a_broken_attribute_fails_the_gate``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from extractor import evaluation as ev
from extractor.models import Extraction
from extractor.parse.pdf import ocr_available

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
BASELINE = GOLD / "baseline.json"
GROUPS = ("en", "vi", "html", "pdf")
LANGUAGES = ("en", "vi")

# Done-when targets of the foundation, Vietnamese and indicator-table issues (plain texts).
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
def cases() -> dict[str, list[ev.GoldCase]]:
    return ev.by_group(ev.read_gold(GOLD).cases)


@pytest.fixture(scope="module")
def outputs(cases: dict[str, list[ev.GoldCase]]) -> dict[str, Extraction]:
    """The extractor's output for every gold case, computed once for the whole module."""
    return {case.name: ev.extract_case(case) for group in cases.values() for case in group}


@pytest.fixture(scope="module")
def runs(cases: dict[str, list[ev.GoldCase]], outputs: dict[str, Extraction]
         ) -> dict[str, tuple[ev.Report, str]]:
    return ev.evaluate_groups([c for group in cases.values() for c in group],
                              lambda case: outputs[case.name])


def test_every_group_is_scored_and_pinned(runs: dict[str, tuple[ev.Report, str]]) -> None:
    baseline = ev.read_baseline(BASELINE)
    assert tuple(runs) == GROUPS
    assert set(baseline["floors"]) == set(GROUPS) == set(baseline["corpus_hash"])


@pytest.mark.parametrize("group", GROUPS)
def test_gold_is_the_one_the_floors_were_pinned_on(runs: dict[str, tuple[ev.Report, str]],
                                                    group: str) -> None:
    pinned = ev.read_baseline(BASELINE)["corpus_hash"][group]
    assert runs[group][1] == pinned, (
        "the gold changed since the floors were pinned: review the scores, then run "
        "`extractor eval --update-baseline`")


def _read_whole(group: str) -> bool:
    """Whether this machine reads every document of the group as CI does: the PDF gold has an
    image-only page, which only Tesseract with Vietnamese data reads (.ci/run installs it)."""
    return group != "pdf" or ocr_available()


@pytest.mark.parametrize("group", GROUPS)
def test_scores_stay_above_the_pinned_floors(runs: dict[str, tuple[ev.Report, str]],
                                             group: str) -> None:
    if not _read_whole(group):
        pytest.skip("tesseract with Vietnamese data is not installed: the scanned PDF page is unread")
    floors = ev.read_baseline(BASELINE)["floors"][group]
    assert not ev.check_gate(runs[group][0].scores(), floors)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_scores_meet_the_issue_targets(runs: dict[str, tuple[ev.Report, str]], lang: str) -> None:
    assert not ev.check_gate(runs[lang][0].scores(), TARGETS)


@pytest.mark.parametrize("group", GROUPS)
def test_every_attribute_of_the_contract_is_pinned(group: str) -> None:
    """Unit, qualifier and change of figures and the observation attributes all have a floor
    in the text groups, so none of them can break unnoticed."""
    floors = ev.read_baseline(BASELINE)["floors"][group]
    wanted = {"figures.unit_accuracy", "qualifier.accuracy", "observations.status_accuracy",
              "observations.boundaries_accuracy", "observations.unit_accuracy"}
    if group in LANGUAGES:
        # the own gold has no parts, so the part kind is measured on the real set only
        wanted |= set(ev.ACCURACIES) - {"title.accuracy", "observations.parts.kind_accuracy"}
    assert wanted <= set(floors)
    if group == "html":
        assert "title.accuracy" in floors and "published.accuracy" in floors


# --- mutations: a wrong attribute must fail the gate ---------------------------------------


def _records(x: Extraction, figures: dict[str, object], observations: dict[str, object]
             ) -> Extraction:
    return x.model_copy(update={
        "figures": tuple(f.model_copy(update=figures) for f in x.figures),
        "observations": tuple(o.model_copy(update=observations) for o in x.observations),
    })


def units_to_usd(x: Extraction) -> Extraction:
    return _records(x, {"unit": "USD"}, {"unit": "USD"})


def targets_to_actual(x: Extraction) -> Extraction:
    return _records(x, {}, {"status": "actual"})


def boundaries_dropped(x: Extraction) -> Extraction:
    return _records(x, {}, {"boundaries": None})


def period_starts_dropped(x: Extraction) -> Extraction:
    return _records(x, {}, {"period_start": None})


def qualifiers_exact(x: Extraction) -> Extraction:
    return _records(x, {"qualifier": "exact"}, {"qualifier": "exact"})


def changes_dropped(x: Extraction) -> Extraction:
    return _records(x, {"change": None},
                    {"change_value": None, "change_unit": None, "change_baseline": None})


MUTATIONS: dict[str, tuple[Callable[[Extraction], Extraction], str]] = {
    "every unit USD": (units_to_usd, "figures.unit_accuracy"),
    "every target actual": (targets_to_actual, "observations.status_accuracy"),
    "every boundaries dropped": (boundaries_dropped, "observations.boundaries_accuracy"),
    "every period_start dropped": (period_starts_dropped, "observations.period_accuracy"),
    "every qualifier exact": (qualifiers_exact, "qualifier.accuracy"),
    "every change dropped": (changes_dropped, "observations.change_accuracy"),
}


@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("group", GROUPS)
def test_a_broken_attribute_fails_the_gate(cases: dict[str, list[ev.GoldCase]],
                                           outputs: dict[str, Extraction],
                                           group: str, mutation: str) -> None:
    """Matching on kind and value alone would pass these outputs; the gate must not."""
    mutate, metric = MUTATIONS[mutation]
    floors = ev.read_baseline(BASELINE)["floors"][group]
    if group not in LANGUAGES and not floors.get(metric):
        # e.g. the PDFs' flow observations are all missed today: no period is matched to break
        pytest.skip(f"{metric} is not measured above zero in the {group} group yet")
    report = ev.evaluate(cases[group], lambda case: mutate(outputs[case.name]))
    failures = ev.check_gate(report.scores(), floors)
    assert any(line.startswith(f"{metric}:") for line in failures), failures


def test_the_unmutated_output_passes(cases: dict[str, list[ev.GoldCase]],
                                     outputs: dict[str, Extraction]) -> None:
    """The mutation test's own control: the same path without a mutation passes."""
    floors = ev.read_baseline(BASELINE)["floors"]
    for group, members in cases.items():
        if not _read_whole(group):
            continue  # see test_scores_stay_above_the_pinned_floors
        report = ev.evaluate(members, lambda case: outputs[case.name])
        assert not ev.check_gate(report.scores(), floors[group]), group


# --- the gate's mechanics --------------------------------------------------------------------


def test_a_score_below_its_floor_fails_the_gate() -> None:
    assert ev.check_gate({"figures.f1": 0.5}, {"figures.f1": 0.97}) == [
        "figures.f1: 0.5000 < floor 0.9700"]


def test_a_metric_that_disappears_fails_the_gate() -> None:
    assert ev.check_gate({}, {"observations.status_accuracy": 0.99})


def test_lowering_a_floor_needs_permission() -> None:
    with pytest.raises(ev.GoldError):
        ev.new_floors({"figures.f1": 0.9}, {"figures.f1": 0.97}, allow_lower=False)
    assert ev.new_floors({"figures.f1": 0.9}, {"figures.f1": 0.97}, allow_lower=True)
    assert ev.new_floors({"observations.change_accuracy": 0.0}, {},
                         allow_lower=False) == {"observations.change_accuracy": 0.0}


def test_translation_pairs_give_the_same_figures() -> None:
    pairs: dict[str, list[ev.GoldCase]] = defaultdict(list)
    for case in ev.load_gold(GOLD):
        if case.gold.pair:
            pairs[case.gold.pair].append(case)
    assert len(pairs) >= 3
    for name, members in sorted(pairs.items()):
        assert sorted(c.gold.language for c in members) == ["en", "vi"], name
        found = [sorted((f.kind, Decimal(f.value).normalize()) for f in ev.extract_case(c).figures)
                 for c in members]
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
