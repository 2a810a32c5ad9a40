"""The gate: scores must stay above the floors pinned in ``baseline.json``, per group.

``baseline.json`` holds ``{"corpus_hash": {group: hash}, "floors": {group: {metric: floor}}}``;
the hash keeps a changed gold file from moving a score silently, and lowering a floor takes an
explicit flag (trafilatura's eval_gate.py is the model).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from extractor.errors import GoldError


def read_baseline(path: Path) -> dict[str, Any]:
    """The pinned floors: {"corpus_hash": {group: hash}, "floors": {group: {metric: floor}}}."""
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def check_gate(scores: dict[str, float], floors: dict[str, float]) -> list[str]:
    """Metrics below their floor, as readable lines (empty when the gate passes)."""
    return [f"{metric}: {scores.get(metric, 0.0):.4f} < floor {floor:.4f}"
            for metric, floor in sorted(floors.items()) if scores.get(metric, 0.0) + 1e-9 < floor]


def new_floors(scores: dict[str, float], old: dict[str, float], *,
               allow_lower: bool) -> dict[str, float]:
    """Floors at the current scores (a hair below, never below zero); lowering one needs
    ``allow_lower``."""
    lowered = [m for m, f in old.items() if scores.get(m, 0.0) < f]
    if lowered and not allow_lower:
        raise GoldError(f"these scores are below their floors: {', '.join(sorted(lowered))}",
                        hint="Fix the regression, or pass --allow-lower to lower the floors.")
    return {m: round(max(v - 0.00005, 0.0), 4) for m, v in sorted(scores.items())}
