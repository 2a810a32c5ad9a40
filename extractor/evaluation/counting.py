"""Counting matches: multiset tallies, attribute accuracies, and how two values compare."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

DATE_TOLERANCE = dt.timedelta(days=7)
# Counted nouns the guidelines list as one ("labourers/laborers/workers"): a unit written with
# another spelling of the same noun is the same unit. Each maps to the group's first spelling.
UNIT_SPELLINGS = {
    "laborers": "labourers",
    "workers": "labourers",
    "persons": "people",
    "staff": "employees",
    "pupils": "students",
    "wards": "communes",
    "hamlets": "villages",
    "homes": "houses",
    "programs": "programmes",
}


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
        gold, predicted = list(gold), list(predicted)
        gold_keys = Counter(k for k, _ in gold)
        pred_keys = Counter(k for k, _ in predicted)
        self.tp += sum((gold_keys & pred_keys).values())
        self.fn += sum((gold_keys - pred_keys).values())
        self.fp += sum((pred_keys - gold_keys).values())
        self.misses += _examples(name, gold, gold_keys - pred_keys)
        self.false_positives += _examples(name, predicted, pred_keys - gold_keys)

    def merge(self, other: Tally) -> None:
        """Add another tally's counts (not its examples)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


def _examples(name: str, items: Iterable[tuple[Hashable, str]], left: Counter[Hashable]) -> list[str]:
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


def num(value: Decimal | float) -> Decimal:
    """A number as a normalised Decimal, so 1.50 and 1.5 are one key."""
    return Decimal(str(value)).normalize()


def unit_key(unit: str | None) -> str | None:
    """A unit with the guidelines' equivalent spellings of a counted noun made one.

    >>> unit_key("laborers") == unit_key("workers") == "labourers"
    True
    """
    return UNIT_SPELLINGS.get(unit, unit) if unit is not None else None


def same_unit(gold: str | None, found: str | None) -> bool:
    """Two units name the same thing."""
    return unit_key(gold) == unit_key(found)


def close(gold: dt.date | None, found: dt.date | None) -> bool:
    """Both dates absent, or both present and at most a week apart.

    >>> close(dt.date(2023, 12, 31), dt.date(2024, 1, 1)), close(None, dt.date(2024, 1, 1))
    (True, False)
    """
    if gold is None or found is None:
        return gold is None and found is None
    return abs(gold - found) <= DATE_TOLERANCE


def pair_in_order(gold: Sequence[Any], predicted: Sequence[Any], key: Callable[[Any], Hashable],
                  text: str) -> list[tuple[Any, Any]]:
    """Matched (gold, predicted) pairs with equal keys, in reading order within each key."""
    by_key: dict[Hashable, list[Any]] = defaultdict(list)
    for item in _in_text_order(gold, text):
        by_key[key(item)].append(item)
    pairs = []
    seen: Counter[Hashable] = Counter()
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
