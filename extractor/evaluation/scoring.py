"""Score one extraction against its gold: matches per record kind, then attributes of the matches.

Figures match on (kind, value), legal references on id, dates on their value or period,
observations on (indicator, province, value); each as a multiset per document, so a figure
written twice must be found twice. Matching alone would pass an output whose units were all
wrong: every attribute the contract promises is then compared over the matched pairs (unit,
qualifier, change of figures; status, boundaries, dates, unit, qualifier and change of
observations) and reported as an accuracy the gate pins like an F1.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from extractor.evaluation.counting import (
    Accuracy,
    Tally,
    close,
    num,
    pair_in_order,
    same_unit,
    unit_key,
)
from extractor.evaluation.gold import GoldCase, GoldDocument, GoldFigure, GoldObservation
from extractor.models import Extraction, Figure, Observation

# Accuracy metrics in display order, with what each compares (over matched pairs).
ACCURACIES: dict[str, str] = {
    "qualifier.accuracy": "figure qualifier (pairs where either is not exact)",
    "figures.unit_accuracy": "figure unit",
    "figures.change_accuracy": "figure change (where the gold marks one)",
    "legal_refs.issued_accuracy": "legal issue date",
    "published.accuracy": "published",
    "title.accuracy": "title (where the gold states it)",
    "document.province_accuracy": "document province",
    "observations.as_of_accuracy": "observation as_of or period end ±7 days",
    "observations.as_of_field_accuracy": "observation as_of ±7 days (where either gives it)",
    "observations.period_accuracy": "observation period start and end ±7 days (where either gives one)",
    "observations.status_accuracy": "observation status (actual/target)",
    "observations.boundaries_accuracy": "observation boundaries (where either gives them)",
    "observations.unit_accuracy": "observation unit",
    "observations.qualifier_accuracy": "observation qualifier (pairs where either is not exact)",
    "observations.change_accuracy": "observation change value, unit and baseline ±7 days",
    "observations.parts.kind_accuracy": "part kind (programme, area, channel…) of matched parts",
}


@dataclass
class Report:
    """All scores of one evaluation run."""

    documents: int = 0
    figures: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    legal: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    day_dates: Tally = field(default_factory=Tally)
    observations: Tally = field(default_factory=Tally)
    parts: Tally = field(default_factory=Tally)
    parts_documents: int = 0
    accuracy: dict[str, Accuracy] = field(default_factory=lambda: defaultdict(Accuracy))

    def figures_all(self) -> Tally:
        total = Tally()
        for tally in self.figures.values():
            total.merge(tally)
        return total

    def scores(self) -> dict[str, float]:
        """Flat metric name → score, as pinned in baseline.json (accuracies measured at least once)."""
        out = {
            "figures.f1": self.figures_all().f1,
            "legal_refs.f1": self.legal.f1,
            "dates.day_recall": self.day_dates.recall,
            "dates.f1": self.dates.f1,
            "observations.f1": self.observations.f1,
        }
        if self.parts_documents:
            out["observations.parts.f1"] = self.parts.f1
        for kind, tally in sorted(self.figures.items()):
            out[f"figures.{kind}.f1"] = tally.f1
        for metric in ACCURACIES:
            if self.accuracy[metric].total:
                out[metric] = self.accuracy[metric].score
        return {k: round(v, 4) for k, v in out.items()}

    def check(self, metric: str, ok: bool, label: str) -> None:
        """Count one comparison of an attribute."""
        self.accuracy[metric].add(ok, label)


def score_case(report: Report, case: GoldCase, result: Extraction) -> None:
    """Add one document's comparison to the report."""
    name, gold, text = case.name, case.gold, result.document.text
    report.documents += 1
    _score_figures(report, name, gold, result, text)
    _score_legal(report, name, gold, result, text)
    _score_dates(report, name, gold, result)
    _score_observations(report, name, gold, result, text)
    _score_document(report, name, gold, result)


def _score_document(report: Report, name: str, gold: GoldDocument, result: Extraction) -> None:
    doc = result.document
    report.check("published.accuracy", doc.published == gold.published,
                 f"{name}: published {doc.published} != {gold.published}")
    if gold.province is not None or doc.province is not None:
        report.check("document.province_accuracy", doc.province == gold.province,
                     f"{name}: province {doc.province} != {gold.province}")
    if gold.title is not None:
        report.check("title.accuracy", _words(doc.title) == _words(gold.title),
                     f"{name}: title {doc.title!r} != {gold.title!r}")


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


# --- figures ----------------------------------------------------------------------------------


def _figure_key(f: GoldFigure | Figure) -> tuple[str, Decimal]:
    return (f.kind, num(f.value))


def _score_figures(report: Report, name: str, gold: GoldDocument, result: Extraction,
                   text: str) -> None:
    for kind in {f.kind for f in gold.figures} | {f.kind for f in result.figures}:
        report.figures[kind].add(
            name,
            [(_figure_key(f), f"{f.kind} {f.value} {f.text!r}") for f in gold.figures
             if f.kind == kind],
            [(_figure_key(f), f"{f.kind} {f.value} {f.text!r} ({f.rule})")
             for f in result.figures if f.kind == kind],
        )
    changes = _changes_of_observations(gold)
    for g, p in pair_in_order(gold.figures, result.figures, _figure_key, text):
        _compare_figure(report, name, g, p, changes)


def _compare_figure(report: Report, name: str, g: GoldFigure, p: Figure,
                    changes: Counter[tuple[str | None, Decimal, str]]) -> None:
    label = f"{name}: {p.text!r}"
    report.check("figures.unit_accuracy", same_unit(g.unit, p.unit), f"{label} unit {p.unit} != {g.unit}")
    if g.qualifier != "exact" or p.qualifier != "exact":
        report.check("qualifier.accuracy", g.qualifier == p.qualifier,
                     f"{label} qualifier {p.qualifier} != {g.qualifier}")
    expected = _expected_change(g, changes)
    if expected is not False:
        report.check("figures.change_accuracy", p.change == expected,
                     f"{label} change {p.change} != {expected}")


def _changes_of_observations(gold: GoldDocument) -> Counter[tuple[str | None, Decimal, str]]:
    """(unit, size, direction) of every change the gold writes on an observation: the figure
    that states it is a change even where the figure itself carries no ``change`` mark."""
    return Counter((unit_key(o.change_unit), abs(num(o.change_value)),
                    "decrease" if o.change_value < 0 else "increase")
                   for o in gold.observations + (gold.parts or []) if o.change_value is not None)


def _expected_change(g: GoldFigure, changes: Counter[tuple[str | None, Decimal, str]]) -> str | bool | None:
    """The change a gold figure states (None: explicitly none); False when the gold is silent."""
    if "change" in g.model_fields_set:
        return g.change
    for direction in ("increase", "decrease"):
        key = (unit_key(g.unit), num(g.value), direction)
        if changes[key] > 0:
            changes[key] -= 1
            return direction
    return False


# --- legal references and dates ----------------------------------------------------------------


def _score_legal(report: Report, name: str, gold: GoldDocument, result: Extraction,
                 text: str) -> None:
    report.legal.add(name, [(r.id, f"{r.id} {r.text!r}") for r in gold.legal_refs],
                     [(r.id, f"{r.id} {r.text!r}") for r in result.legal_refs])
    for g, p in pair_in_order(gold.legal_refs, result.legal_refs, lambda r: r.id, text):
        if g.issued is not None or p.issued is not None:
            report.check("legal_refs.issued_accuracy", g.issued == p.issued,
                         f"{name}: {g.id} issued {p.issued} != {g.issued}")


def _score_dates(report: Report, name: str, gold: GoldDocument, result: Extraction) -> None:
    report.dates.add(
        name,
        [((d.value, d.period_start, d.period_end), f"{d.text!r}") for d in gold.dates],
        [((d.value, d.period_start, d.period_end), f"{d.text!r} ({d.rule})")
         for d in result.dates],
    )
    report.day_dates.add(
        name,
        [(d.value, f"{d.text!r} {d.value}") for d in gold.dates
         if d.value is not None and d.granularity == "day"],
        [(d.value, f"{d.text!r} {d.value}") for d in result.dates
         if d.value is not None and d.granularity == "day"],
    )


# --- observations -------------------------------------------------------------------------------


def _obs_key(o: Any) -> tuple[Hashable, ...]:
    return (o.indicator, o.province, num(o.value))


def is_part(o: Observation) -> bool:
    """A breakdown (one programme, area, channel…), scored apart from the totals. Read with
    getattr: the record gains ``part_of`` in its own issue."""
    return getattr(o, "part_of", None) is not None


def _obs_pairs(name: str, gold: list[GoldObservation], found: list[Observation]
               ) -> tuple[list[tuple[Hashable, str]], list[tuple[Hashable, str]]]:
    return ([(_obs_key(o), f"{o.indicator} {o.province} {o.value}") for o in gold],
            [(_obs_key(o), f"{o.indicator} {o.province} {o.value} {o.text!r}") for o in found])


def _score_observations(report: Report, name: str, gold: GoldDocument, result: Extraction,
                        text: str) -> None:
    totals = [o for o in result.observations if not is_part(o)]
    report.observations.add(name, *_obs_pairs(name, gold.observations, totals))
    for g, p in pair_in_order(gold.observations, totals, _obs_key, text):
        _compare_observation(report, f"{name}: {g.indicator} {g.value}", g, p)
    if gold.parts is not None:
        report.parts_documents += 1
        parts = [o for o in result.observations if is_part(o)]
        report.parts.add(name, *_obs_pairs(name, gold.parts, parts))
        for g, p in pair_in_order(gold.parts, parts, _obs_key, text):
            report.check("observations.parts.kind_accuracy", g.part_of == _kind(p.part_of),
                         f"{name}: {g.indicator} {g.value} part_of {_kind(p.part_of)} != {g.part_of}")


def _kind(part_of: Any) -> str | None:
    """The part kind's name, whether the record holds the enum or its value."""
    kind = getattr(part_of, "value", part_of)
    return None if kind is None else str(kind)


def _compare_observation(report: Report, label: str, g: GoldObservation, p: Observation) -> None:
    report.check("observations.as_of_accuracy", close(g.as_of or g.period_end, p.as_of or p.period_end),
                 f"{label} date {p.as_of or p.period_end} != {g.as_of or g.period_end}")
    if g.as_of is not None or p.as_of is not None:
        report.check("observations.as_of_field_accuracy", close(g.as_of, p.as_of),
                     f"{label} as_of {p.as_of} != {g.as_of}")
    if any(d is not None for d in (g.period_start, g.period_end, p.period_start, p.period_end)):
        report.check("observations.period_accuracy",
                     close(g.period_start, p.period_start) and close(g.period_end, p.period_end),
                     f"{label} period {p.period_start}..{p.period_end} != {g.period_start}..{g.period_end}")
    report.check("observations.status_accuracy", g.status == p.status, f"{label} status {p.status} != {g.status}")
    if g.boundaries is not None or p.boundaries is not None:
        report.check("observations.boundaries_accuracy", g.boundaries == p.boundaries,
                     f"{label} boundaries {p.boundaries} != {g.boundaries}")
    report.check("observations.unit_accuracy", same_unit(g.unit, p.unit), f"{label} unit {p.unit} != {g.unit}")
    if g.qualifier != "exact" or p.qualifier != "exact":
        report.check("observations.qualifier_accuracy", g.qualifier == p.qualifier,
                     f"{label} qualifier {p.qualifier} != {g.qualifier}")
    if g.change_value is not None or p.change_value is not None:
        report.check("observations.change_accuracy", _same_change(g, p),
                     f"{label} change {p.change_value} {p.change_unit} from {p.change_baseline} != "
                     f"{g.change_value} {g.change_unit} from {g.change_baseline}")


def _same_change(g: GoldObservation, p: Observation) -> bool:
    if g.change_value is None or p.change_value is None:
        return False
    return (num(g.change_value) == num(p.change_value) and same_unit(g.change_unit, p.change_unit)
            and close(g.change_baseline, p.change_baseline))
