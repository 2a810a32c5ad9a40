"""The Vietnamese gold files and the translation pairs keep the annotation contract.

Checks what ``corpus/gold/GUIDELINES.md`` promises of every hand-made gold file: each quoted
``text`` occurs in the document, values have the right types, kinds, units and qualifiers come
from the guideline sets, indicator codes exist in the shared spec, and both sides of a
translation pair carry the same figures.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from helpers.goldcontract import (
    BOUNDARIES,
    CHANGE_UNITS,
    FIGURE_KINDS,
    GOLD,
    GRANULARITIES,
    LEGAL_KINDS,
    QUALIFIERS,
    STATUSES,
    UNITS,
)
from helpers.goldcontract import document as _text_path
from helpers.goldcontract import indicator_kinds as _indicator_kinds
from helpers.goldcontract import is_date as _is_date
from helpers.goldcontract import is_number as _is_number
from helpers.goldcontract import load as _load


def _gold_files() -> list[Path]:
    """Every Vietnamese gold file and every English side of a translation pair."""
    return sorted((GOLD / "vi").glob("*.yaml")) + sorted((GOLD / "en").glob("pair_*.yaml"))












FILES = _gold_files()
IDS = [str(p.relative_to(GOLD)) for p in FILES]


def test_enough_vietnamese_documents() -> None:
    assert len(list((GOLD / "vi").glob("*.yaml"))) >= 15


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_header(path: Path) -> None:
    data = _load(path)
    assert _text_path(path, data).is_file(), f"{path}: text file missing"
    assert data["language"] == ("vi" if path.parent.name == "vi" else "en")
    for key in ("published", "context_published"):
        assert data.get(key) is None or _is_date(data[key]), f"{path}: {key}"
    assert data.get("province") is None or isinstance(data["province"], str)


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_figures(path: Path) -> None:
    data = _load(path)
    text = _text_path(path, data).read_text(encoding="utf-8")
    for fig in data.get("figures") or []:
        where = f"{path.name}: {fig}"
        assert fig["text"] in text, where
        assert fig["kind"] in FIGURE_KINDS, where
        assert fig["unit"] in UNITS[fig["kind"]], where
        assert fig.get("qualifier", "exact") in QUALIFIERS, where
        if fig["unit"].startswith("VND") or fig["kind"] == "count":
            assert isinstance(fig["value"], int) and not isinstance(fig["value"], bool), where
        else:
            assert _is_number(fig["value"]), where
        assert fig["value"] >= 0, where


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_dates(path: Path) -> None:
    data = _load(path)
    text = _text_path(path, data).read_text(encoding="utf-8")
    for date in data.get("dates") or []:
        where = f"{path.name}: {date}"
        assert date["text"] in text, where
        assert date["granularity"] in GRANULARITIES, where
        fields = [date.get(k) for k in ("value", "period_start", "period_end")]
        assert any(v is not None for v in fields), where
        assert all(v is None or _is_date(v) for v in fields), where
        if date["granularity"] == "day":
            assert date.get("value") is not None, f"a day-precise date needs a value: {where}"
        if date.get("period_start") and date.get("period_end"):
            assert date["period_start"] <= date["period_end"], where


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_legal_refs(path: Path) -> None:
    data = _load(path)
    text = _text_path(path, data).read_text(encoding="utf-8")
    issued: dict[str, Any] = {}
    for ref in data.get("legal_refs") or []:
        where = f"{path.name}: {ref}"
        assert ref["text"] in text, where
        assert ref["id"].isascii() and " " not in ref["id"], where
        assert ref["kind"] in LEGAL_KINDS, where
        assert ref.get("issued") is None or _is_date(ref["issued"]), where
        # Every mention of the same id carries the same issue date.
        assert issued.setdefault(ref["id"], ref.get("issued")) == ref.get("issued"), where


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_observations(path: Path) -> None:
    data = _load(path)
    indicators = _indicator_kinds()
    figures = {(f["value"], f["unit"]) for f in data.get("figures") or []}
    for obs in data.get("observations") or []:
        where = f"{path.name}: {obs}"
        kind = indicators.get(obs["indicator"])
        assert kind is not None, f"unknown indicator: {where}"
        assert obs["unit"] in UNITS[kind], where
        # An observation reads a figure of the same document.
        assert (obs["value"], obs["unit"]) in figures, where
        assert obs.get("qualifier", "exact") in QUALIFIERS, where
        assert obs.get("status", "actual") in STATUSES, where
        assert obs.get("boundaries") in BOUNDARIES, where
        assert obs.get("province") is None or isinstance(obs["province"], str), where
        for key in ("as_of", "period_start", "period_end", "change_baseline"):
            assert obs.get(key) is None or _is_date(obs[key]), where
        assert obs.get("as_of") or obs.get("period_start") or obs.get("period_end"), where
        if obs.get("change_value") is not None:
            assert obs.get("change_unit") in CHANGE_UNITS, where
            assert _is_number(obs["change_value"]), where


def _pairs() -> dict[str, dict[str, Path]]:
    """pair id → {language: gold file}."""
    pairs: dict[str, dict[str, Path]] = {}
    for path in FILES:
        data = _load(path)
        if data.get("pair"):
            side = pairs.setdefault(data["pair"], {})
            assert data["language"] not in side, f"{path}: two {data['language']} sides"
            side[data["language"]] = path
    return pairs


PAIRS = _pairs()


def test_there_are_pairs() -> None:
    assert len(PAIRS) >= 3


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_pair_sides_carry_the_same_figures(pair: str) -> None:
    sides = PAIRS[pair]
    assert set(sides) == {"en", "vi"}, f"{pair}: sides {sorted(sides)}"

    def figures(path: Path) -> Counter[tuple[str, Any]]:
        return Counter((f["kind"], f["value"]) for f in _load(path).get("figures") or [])

    assert figures(sides["en"]) == figures(sides["vi"])


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_pair_sides_carry_the_same_observations(pair: str) -> None:
    sides = PAIRS[pair]
    assert set(sides) == {"en", "vi"}, f"{pair}: sides {sorted(sides)}"

    def rows(path: Path) -> Counter[tuple[Any, ...]]:
        keys = ("indicator", "province", "value", "as_of", "period_start", "period_end", "status")
        return Counter(tuple(o.get(k) for k in keys) for o in _load(path).get("observations") or [])

    assert rows(sides["en"]) == rows(sides["vi"])
    assert _load(sides["en"]).get("published") == _load(sides["vi"]).get("published")
