"""The English gold files keep the annotation contract of ``corpus/gold/GUIDELINES.md``.

Every quoted ``text`` must occur verbatim in its document, values must have the types the
guidelines promise (VND as whole đồng, dates as ISO dates), kinds, units and qualifiers must
come from the guideline sets, and indicator codes must exist in the shared spec's table, which
is parsed at test time so a new code needs no change here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from helpers.goldcontract import (
    BOUNDARIES,
    FIGURE_KINDS,
    GRANULARITIES,
    LANGUAGES,
    LEGAL_KINDS,
    QUALIFIERS,
    ROOT,
    STATUSES,
    UNITS,
)
from helpers.goldcontract import document as _document
from helpers.goldcontract import indicator_kinds as _indicator_kinds
from helpers.goldcontract import is_date as _is_date
from helpers.goldcontract import is_number as _is_number
from helpers.goldcontract import load as _load

GOLD_EN = ROOT / "corpus" / "gold" / "en"

# An ASCII legal id: number, optional year, type-issuer code, with the document's separators.
LEGAL_ID = re.compile(r"\d+(?:/\d{4})?[-/][A-Z][A-Za-z]*\d*(?:[-/][A-Za-z0-9]+)*")


def _gold_files() -> list[Path]:
    """Every English gold file, the translation pairs included."""
    return sorted(GOLD_EN.glob("*.yaml"))












def _optional_date(value: Any) -> bool:
    """Null or an ISO date."""
    return value is None or _is_date(value)


def _money_ok(unit: str, value: Any) -> bool:
    """VND amounts are whole đồng; USD may be a decimal."""
    if unit.startswith("VND"):
        return isinstance(value, int) and not isinstance(value, bool)
    return _is_number(value)


def _figure_problems(fig: dict[str, Any]) -> list[str]:
    """What is wrong with one figure entry."""
    kind, unit, value = fig.get("kind"), fig.get("unit"), fig.get("value")
    problems = []
    if kind not in FIGURE_KINDS:
        return [f"kind {kind!r}"]
    if unit not in UNITS[kind]:
        problems.append(f"unit {unit!r} for {kind}")
    if fig.get("qualifier", "exact") not in QUALIFIERS:
        problems.append(f"qualifier {fig.get('qualifier')!r}")
    if kind == "money" and not _money_ok(str(unit), value):
        problems.append(f"money value {value!r}")
    if kind == "count" and not (isinstance(value, int) and not isinstance(value, bool)):
        problems.append(f"count value {value!r}")
    if kind in {"percent", "ratio"} and not _is_number(value):
        problems.append(f"{kind} value {value!r}")
    return problems


def _date_problems(date: dict[str, Any]) -> list[str]:
    """What is wrong with one date entry."""
    problems = []
    if date.get("granularity") not in GRANULARITIES:
        problems.append(f"granularity {date.get('granularity')!r}")
    fields = ("value", "period_start", "period_end")
    if not all(_optional_date(date.get(f)) for f in fields):
        problems.append("value/period_start/period_end must be ISO dates")
    elif all(date.get(f) is None for f in fields):
        problems.append("needs a value or a period")
    elif (
        date.get("period_start")
        and date.get("period_end")
        and (date["period_start"] > date["period_end"])
    ):
        problems.append("period_start after period_end")
    return problems


def _legal_problems(ref: dict[str, Any]) -> list[str]:
    """What is wrong with one legal-reference entry."""
    problems = []
    ref_id = str(ref.get("id"))
    if not ref_id.isascii() or not LEGAL_ID.fullmatch(ref_id):
        problems.append(f"id {ref_id!r}")
    if ref.get("kind") not in LEGAL_KINDS:
        problems.append(f"kind {ref.get('kind')!r}")
    if not _optional_date(ref.get("issued")):
        problems.append(f"issued {ref.get('issued')!r}")
    return problems


def _observation_problems(obs: dict[str, Any], kinds: dict[str, str]) -> list[str]:
    """What is wrong with one observation entry."""
    code = obs.get("indicator")
    if code not in kinds:
        return [f"indicator {code!r} is not in the spec"]
    kind, unit, value = kinds[code], obs.get("unit"), obs.get("value")
    problems = []
    if unit not in UNITS.get(kind, set()):
        problems.append(f"unit {unit!r} for a {kind} indicator")
    if kind == "money" and not _money_ok(str(unit), value):
        problems.append(f"money value {value!r}")
    if kind == "count" and not (isinstance(value, int) and not isinstance(value, bool)):
        problems.append(f"count value {value!r}")
    if kind == "percent" and not _is_number(value):
        problems.append(f"percent value {value!r}")
    problems += _observation_meta_problems(obs)
    return problems


def _observation_meta_problems(obs: dict[str, Any]) -> list[str]:
    """Qualifier, status, boundaries, dates and change fields of an observation."""
    problems = []
    if obs.get("qualifier", "exact") not in QUALIFIERS:
        problems.append(f"qualifier {obs.get('qualifier')!r}")
    if obs.get("status", "actual") not in STATUSES:
        problems.append(f"status {obs.get('status')!r}")
    if obs.get("boundaries") not in BOUNDARIES | {None}:
        problems.append(f"boundaries {obs.get('boundaries')!r}")
    province = obs.get("province")
    if province is not None and not (isinstance(province, str) and province.strip()):
        problems.append(f"province {province!r}")
    for field in ("as_of", "period_start", "period_end", "change_baseline"):
        if not _optional_date(obs.get(field)):
            problems.append(f"{field} {obs.get(field)!r}")
    if obs.get("change_value") is not None and not _is_number(obs["change_value"]):
        problems.append(f"change_value {obs['change_value']!r}")
    all_units = set().union(*UNITS.values())
    if obs.get("change_unit") is not None and obs["change_unit"] not in all_units:
        problems.append(f"change_unit {obs['change_unit']!r}")
    return problems


GOLD_FILES = _gold_files()
IDS = [p.name for p in GOLD_FILES]


def test_english_gold_exists() -> None:
    """The seeds and the hand-made English documents are all annotated."""
    names = {p.stem for p in GOLD_FILES}
    assert {"seed_000", "seed_001", "seed_002"} <= names
    assert len(names) >= 15


def test_every_document_has_gold() -> None:
    """No English document sits in the gold folder without its annotations."""
    orphans = [t.name for t in GOLD_EN.glob("*.txt") if not t.with_suffix(".yaml").is_file()]
    assert not orphans, f"documents without a .yaml: {orphans}"


def test_indicator_table_parses() -> None:
    """The spec's table yields the codes the gold relies on (guards the parser itself)."""
    kinds = _indicator_kinds()
    assert kinds.get("total_capital") == "money"
    assert kinds.get("overdue_debt_rate") == "percent"
    assert kinds.get("savings_loan_groups") == "count"


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_header(path: Path) -> None:
    """The document exists and the header fields have the right shape."""
    data = _load(path)
    assert _document(path, data).is_file(), f"{path.name}: no document {_document(path, data)}"
    assert data.get("language") in LANGUAGES
    assert _optional_date(data.get("published")), "published must be null or an ISO date"
    assert _optional_date(data.get("context_published"))
    for key in ("figures", "dates", "legal_refs", "observations"):
        assert isinstance(data.get(key) or [], list), f"{key} must be a list"


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_texts_occur_verbatim(path: Path) -> None:
    """Every quoted span is copied exactly from the document."""
    data = _load(path)
    text = _document(path, data).read_text(encoding="utf-8")
    missing = [
        f"{key}: {entry.get('text')!r}"
        for key in ("figures", "dates", "legal_refs")
        for entry in data.get(key) or []
        if not isinstance(entry.get("text"), str) or entry["text"] not in text
    ]
    assert not missing, f"{path.name}: not in the text: {missing}"


def _repeat_problems(entries: list[dict[str, Any]], text: str, *, per_value: bool) -> list[str]:
    """Spans listed more often than they occur (a range's bounds share one span)."""
    listed: dict[str, Counter[Any]] = {}
    for entry in entries:
        key = entry.get("value") if per_value else None
        listed.setdefault(str(entry.get("text")), Counter())[key] += 1
    return [
        f"{span!r} listed {max(counts.values())} times, occurs {text.count(span)}"
        for span, counts in listed.items()
        if max(counts.values()) > text.count(span)
    ]


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_repeated_mentions_exist(path: Path) -> None:
    """A span listed n times (one entry per mention) occurs at least n times in the text."""
    data = _load(path)
    text = _document(path, data).read_text(encoding="utf-8")
    problems = _repeat_problems(data.get("figures") or [], text, per_value=True)
    for key in ("dates", "legal_refs"):
        problems += _repeat_problems(data.get(key) or [], text, per_value=False)
    assert not problems, f"{path.name}: {problems}"


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_entries_follow_guidelines(path: Path) -> None:
    """Figures, dates, legal references and observations use the guideline vocabularies."""
    data = _load(path)
    kinds = _indicator_kinds()
    checks = (
        ("figures", _figure_problems),
        ("dates", _date_problems),
        ("legal_refs", _legal_problems),
        ("observations", lambda entry: _observation_problems(entry, kinds)),
    )
    problems = [
        f"{key}[{i}] {entry.get('text', entry.get('indicator'))!r}: {problem}"
        for key, check in checks
        for i, entry in enumerate(data.get(key) or [])
        for problem in check(entry)
    ]
    assert not problems, f"{path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("path", GOLD_FILES, ids=IDS)
def test_legal_issue_dates_agree(path: Path) -> None:
    """Every mention of one legal document carries the same issue date."""
    issued: dict[str, set[Any]] = {}
    for ref in _load(path).get("legal_refs") or []:
        issued.setdefault(str(ref.get("id")), set()).add(ref.get("issued"))
    disagreeing = {ref_id: dates for ref_id, dates in issued.items() if len(dates) > 1}
    assert not disagreeing, f"{path.name}: issue dates differ: {disagreeing}"
