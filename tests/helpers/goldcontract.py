"""The gold annotation contract, shared by the English and Vietnamese gold checkers.

The vocabularies of ``corpus/gold/GUIDELINES.md`` and the helpers both checkers use to read a
gold file, its document and the indicator table of the shared spec.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from pathlib import Path
from typing import Any, get_args

import yaml

from extractor.models import (
    Boundaries,
    FigureKind,
    Granularity,
    Language,
    LegalKind,
    Qualifier,
    Status,
)

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "corpus" / "gold"
# The public contract, vendored so a lone checkout can test against it; tests/test_indicators.py
# checks the copy is byte-identical to ../shared/spec/indicators.md when that is beside it.
SPEC = ROOT / "docs" / "spec" / "indicators.md"
SHARED_SPEC = ROOT.parent / "shared" / "spec" / "indicators.md"

# The records' own literal types: the gold cannot drift from what the extractor may output.
FIGURE_KINDS = set(get_args(FigureKind))
QUALIFIERS = set(get_args(Qualifier))
GRANULARITIES = set(get_args(Granularity))
BOUNDARIES = set(get_args(Boundaries))
STATUSES = set(get_args(Status))
LANGUAGES = set(get_args(Language))
LEGAL_KINDS = set(get_args(LegalKind))
MONEY_UNITS = {"VND", "USD", "VND/year", "VND/household", "VND/person", "VND/month"}
# The counted nouns of the guidelines, in their plural English form.
COUNT_UNITS = {
    "households", "customers", "borrowers", "beneficiaries", "people", "persons", "turns",
    "workers", "labourers", "laborers", "employees", "staff", "students", "pupils",
    "savings and loan groups", "transaction points", "transaction offices", "communes", "wards",
    "villages", "hamlets", "houses", "homes", "works", "programmes", "programs", "projects",
    "loans", "jobs", "members", "associations",
}
UNITS = {"money": MONEY_UNITS, "count": COUNT_UNITS, "percent": {"%"}, "ratio": {"times"}}
CHANGE_UNITS = MONEY_UNITS | COUNT_UNITS | {"%", "times"}


@functools.cache
def load(path: Path) -> dict[str, Any]:
    """The gold file as a mapping (safe_load reads ``2024-06-30`` as a date); read once."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path}: not a YAML mapping"
    return data


def document(path: Path, data: dict[str, Any]) -> Path:
    """The text a gold file annotates: ``file:`` relative to it, else the same stem ``.txt``."""
    return (path.parent / data["file"]) if data.get("file") else path.with_suffix(".txt")


def indicator_kinds() -> dict[str, str]:
    """Indicator code → kind, read from the shared spec's table (new codes need no change)."""
    kinds: dict[str, str] = {}
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) > 2 and cells[0] != "code" and re.fullmatch(r"[a-z][a-z_]*", cells[0]):
            kinds[cells[0]] = cells[1]
    return kinds


def is_number(value: Any) -> bool:
    """An int or float, never a bool (YAML's yes/no) or a string."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_date(value: Any) -> bool:
    """A plain calendar date, as safe_load reads an unquoted ISO date."""
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)
