"""Score the extractor against the hand-made gold in ``corpus/gold`` (see GUIDELINES.md there).

Figures match on (kind, value), legal references on id, dates on their value or period,
observations on (indicator, province, value); each as a multiset per document, so a figure
written twice must be found twice. ``check_gate`` compares the scores with the floors pinned
in ``baseline.json``, whose corpus hash keeps a changed gold file from moving a score silently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from extractor.errors import GoldError
from extractor.models import Extraction

AS_OF_TOLERANCE = dt.timedelta(days=7)


class _Gold(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class GoldFigure(_Gold):
    text: str
    kind: str
    value: Decimal
    unit: str
    qualifier: str = "exact"
    note: str | None = None


class GoldDate(_Gold):
    text: str
    value: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    granularity: str = "day"
    note: str | None = None


class GoldLegal(_Gold):
    text: str
    id: str
    kind: str
    issued: dt.date | None = None
    short_form: bool = False
    note: str | None = None


class GoldObservation(_Gold):
    indicator: str
    province: str | None = None
    boundaries: str | None = None
    value: Decimal
    unit: str
    qualifier: str = "exact"
    as_of: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    status: str = "actual"
    change_value: Decimal | None = None
    change_unit: str | None = None
    change_baseline: dt.date | None = None
    part_of: str | None = None
    part: str | None = None
    text: str | None = None
    note: str | None = None


class GoldDocument(_Gold):
    file: str | None = None
    url: str | None = None
    language: str
    published: dt.date | None = None
    context_published: dt.date | None = None
    province: str | None = None
    pair: str | None = None
    figures: list[GoldFigure] = []
    dates: list[GoldDate] = []
    legal_refs: list[GoldLegal] = []
    observations: list[GoldObservation] = []
    parts: list[GoldObservation] | None = None


@dataclass(frozen=True)
class GoldCase:
    """A gold file with the text it annotates."""

    path: Path
    text_path: Path
    gold: GoldDocument

    @property
    def name(self) -> str:
        return f"{self.path.parent.name}/{self.path.stem}"

    def text(self) -> str:
        return self.text_path.read_text(encoding="utf-8")


def load_case(path: Path) -> GoldCase:
    """Read one gold YAML file and find its text; GoldError says what is wrong."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        gold = GoldDocument.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise GoldError(f"{path}: {exc}") from exc
    text_path = (path.parent / gold.file) if gold.file else path.with_suffix(".txt")
    if not text_path.exists():
        raise GoldError(f"{path}: its text {text_path} does not exist")
    return GoldCase(path, text_path.resolve(), gold)


def load_gold(folder: Path, *, language: str | None = None) -> list[GoldCase]:
    """Every gold case under ``folder`` (optionally of one language), in name order."""
    cases = [load_case(p) for p in sorted(folder.rglob("*.yaml"))]
    return [c for c in cases if language is None or c.gold.language == language]


def corpus_hash(cases: Sequence[GoldCase]) -> str:
    """A hash of every gold file and text, so a changed fixture cannot move a score silently."""
    digest = hashlib.sha256()
    for case in sorted(cases, key=lambda c: c.name):
        digest.update(case.name.encode())
        digest.update(case.path.read_bytes())
        digest.update(case.text_path.read_bytes())
    return digest.hexdigest()[:16]


# --- counting -----------------------------------------------------------------------------


@dataclass
class Tally:
    """True positives, false positives and false negatives, with the examples behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, name: str, gold: Iterable[tuple[Hashable, str]],
            predicted: Iterable[tuple[Hashable, str]]) -> None:
        """Multiset-match (key, label) pairs of one document."""
        gold_keys = Counter(k for k, _ in gold)
        pred_keys = Counter(k for k, _ in predicted)
        matched = gold_keys & pred_keys
        self.tp += sum(matched.values())
        self.fn += sum((gold_keys - pred_keys).values())
        self.fp += sum((pred_keys - gold_keys).values())
        self.misses += _examples(name, gold, gold_keys - pred_keys)
        self.false_positives += _examples(name, predicted, pred_keys - gold_keys)


def _examples(name: str, items: Iterable[tuple[Hashable, str]], left: Counter) -> list[str]:
    remaining = Counter(left)
    out = []
    for key, label in items:
        if remaining[key] > 0:
            remaining[key] -= 1
            out.append(f"{name}: {label}")
    return out


@dataclass
class Accuracy:
    """Share of matched items on which an attribute agrees."""

    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool, label: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.wrong.append(label)


# --- keys -----------------------------------------------------------------------------------


def _num(value: Decimal | int | float) -> Decimal:
    return Decimal(str(value)).normalize()


def pair_in_order(gold: Sequence[Any], predicted: Sequence[Any], key: Callable[[Any], Hashable],
                  text: str) -> list[tuple[Any, Any]]:
    """Matched (gold, predicted) pairs with equal keys, in reading order within each key."""
    by_key: dict[Hashable, list[Any]] = defaultdict(list)
    for item in _in_text_order(gold, text):
        by_key[key(item)].append(item)
    pairs = []
    seen: Counter = Counter()
    for item in predicted:
        k = key(item)
        if seen[k] < len(by_key.get(k, [])):
            pairs.append((by_key[k][seen[k]], item))
            seen[k] += 1
    return pairs


def _in_text_order(gold: Sequence[Any], text: str) -> list[Any]:
    cursor: dict[str, int] = {}
    placed = []
    for item in gold:
        label = getattr(item, "text", None) or ""
        at = text.find(label, cursor.get(label, 0)) if label else -1
        cursor[label] = at + 1 if at >= 0 else 0
        placed.append((at if at >= 0 else len(text), item))
    return [item for _, item in sorted(placed, key=lambda p: p[0])]


# --- scoring --------------------------------------------------------------------------------


@dataclass
class Report:
    """All scores of one evaluation run."""

    documents: int = 0
    figures: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    legal: Tally = field(default_factory=Tally)
    dates: Tally = field(default_factory=Tally)
    day_dates: Tally = field(default_factory=Tally)
    observations: Tally = field(default_factory=Tally)
    qualifier: Accuracy = field(default_factory=Accuracy)
    issued: Accuracy = field(default_factory=Accuracy)
    as_of: Accuracy = field(default_factory=Accuracy)
    published: Accuracy = field(default_factory=Accuracy)
    province: Accuracy = field(default_factory=Accuracy)

    def figures_all(self) -> Tally:
        total = Tally()
        for tally in self.figures.values():
            total.tp += tally.tp
            total.fp += tally.fp
            total.fn += tally.fn
        return total

    def scores(self) -> dict[str, float]:
        """Flat metric name → score, as pinned in baseline.json."""
        out = {
            "figures.f1": self.figures_all().f1,
            "legal_refs.f1": self.legal.f1,
            "dates.day_recall": self.day_dates.recall,
            "dates.f1": self.dates.f1,
            "qualifier.accuracy": self.qualifier.score,
            "legal_refs.issued_accuracy": self.issued.score,
            "published.accuracy": self.published.score,
            "observations.f1": self.observations.f1,
            "observations.as_of_accuracy": self.as_of.score,
            "document.province_accuracy": self.province.score,
        }
        for kind, tally in sorted(self.figures.items()):
            out[f"figures.{kind}.f1"] = tally.f1
        return {k: round(v, 4) for k, v in out.items()}


def score_case(report: Report, case: GoldCase, result: Extraction) -> None:
    """Add one document's comparison to the report."""
    name, gold, text = case.name, case.gold, result.document.text
    report.documents += 1
    _score_figures(report, name, gold, result, text)
    _score_legal(report, name, gold, result, text)
    _score_dates(report, name, gold, result)
    _score_observations(report, name, gold, result, text)
    report.published.add(result.document.published == gold.published,
                         f"{name}: published {result.document.published} != {gold.published}")
    if gold.province is not None or result.document.province is not None:
        report.province.add(result.document.province == gold.province,
                            f"{name}: province {result.document.province} != {gold.province}")


def _score_figures(report: Report, name: str, gold: GoldDocument, result: Extraction,
                   text: str) -> None:
    for kind in {f.kind for f in gold.figures} | {f.kind for f in result.figures}:
        report.figures[kind].add(
            name,
            [((f.kind, _num(f.value)), f"{f.kind} {f.value} {f.text!r}") for f in gold.figures
             if f.kind == kind],
            [((f.kind, _num(f.value)), f"{f.kind} {f.value} {f.text!r} ({f.rule})")
             for f in result.figures if f.kind == kind],
        )
    pairs = pair_in_order(gold.figures, result.figures, lambda f: (f.kind, _num(f.value)), text)
    for g, p in pairs:
        if g.qualifier != "exact" or p.qualifier != "exact":
            report.qualifier.add(g.qualifier == p.qualifier,
                                 f"{name}: {p.text!r} qualifier {p.qualifier} != {g.qualifier}")


def _score_legal(report: Report, name: str, gold: GoldDocument, result: Extraction,
                 text: str) -> None:
    report.legal.add(name, [(r.id, f"{r.id} {r.text!r}") for r in gold.legal_refs],
                     [(r.id, f"{r.id} {r.text!r}") for r in result.legal_refs])
    for g, p in pair_in_order(gold.legal_refs, result.legal_refs, lambda r: r.id, text):
        if g.issued is not None or p.issued is not None:
            report.issued.add(g.issued == p.issued, f"{name}: {g.id} issued {p.issued} != {g.issued}")


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


def _obs_key(o: Any) -> tuple[Any, ...]:
    return (o.indicator, o.province, _num(o.value))


def _score_observations(report: Report, name: str, gold: GoldDocument, result: Extraction,
                        text: str) -> None:
    report.observations.add(
        name,
        [(_obs_key(o), f"{o.indicator} {o.province} {o.value}") for o in gold.observations],
        [(_obs_key(o), f"{o.indicator} {o.province} {o.value} {o.text!r}")
         for o in result.observations],
    )
    for g, p in pair_in_order(gold.observations, result.observations, _obs_key, text):
        expected = g.as_of or g.period_end
        found = p.as_of or p.period_end
        ok = (expected is None and found is None) or (
            expected is not None and found is not None and abs(expected - found) <= AS_OF_TOLERANCE)
        report.as_of.add(ok, f"{name}: {g.indicator} {g.value} date {found} != {expected}")


def evaluate(cases: Sequence[GoldCase],
             extract: Callable[[GoldCase], Extraction]) -> Report:
    """Run ``extract`` on every case and score it."""
    report = Report()
    for case in cases:
        score_case(report, case, extract(case))
    return report


def extract_case(case: GoldCase) -> Extraction:
    """The extractor's output for a gold case, with the language and context date it states."""
    from extractor.nlp.pipeline import extract_text

    raw = case.text_path.read_bytes()
    return extract_text(raw.decode("utf-8"), source=str(case.text_path), raw=raw,
                        lang=case.gold.language,  # type: ignore[arg-type]
                        published=case.gold.context_published)


# --- the gate -------------------------------------------------------------------------------


def read_baseline(path: Path) -> dict[str, Any]:
    """The pinned floors: {"corpus_hash": {...}, "floors": {lang: {metric: floor}}}."""
    return json.loads(path.read_text(encoding="utf-8"))


def check_gate(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Metrics below their floor, as readable lines (empty when the gate passes)."""
    return [f"{metric}: {scores.get(metric, 0.0):.4f} < floor {floor:.4f}"
            for metric, floor in sorted(floors.items()) if scores.get(metric, 0.0) + 1e-9 < floor]


def new_floors(scores: dict[str, float], old: dict[str, float], *,
               allow_lower: bool) -> dict[str, float]:
    """Floors at the current scores; lowering one needs ``allow_lower``."""
    lowered = [m for m, f in old.items() if scores.get(m, 0.0) < f]
    if lowered and not allow_lower:
        raise GoldError(f"these scores are below their floors: {', '.join(sorted(lowered))}",
                        hint="Fix the regression, or pass --allow-lower to lower the floors.")
    return {m: round(v - 0.00005, 4) for m, v in sorted(scores.items())}
