"""Rolling figures of the 63 pre-2025 provinces up to the 34 provinces of 1 July 2025.

A 2025 province's value is the sum of its old provinces' values only when every old part
reports the same indicator for the same date (a missing part would make the sum a silent
undercount). Rates are never summed: a share cannot be added up without its denominators, so
a rate carries over only when the new province is exactly one old one. Every rolled-up row is
flagged (``rolled_up``), lists the observations it came from (``parts``) and names its rule.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal

from extractor.registry.bundle import bundled
from extractor.store.query import fold, iter_observations, province_table
from extractor.store.records import ObservationFilter, StoredObservation, TableCell

ProvinceMap = Mapping[str, str]
_DateKey = tuple[object, object, object]

RATE_UNITS = frozenset({"%", "percent", "pct", "percentage_points", "ratio"})


def is_rate(observation: StoredObservation) -> bool:
    """True for shares and rates, which must never be summed."""
    return observation.unit.lower() in RATE_UNITS or observation.indicator.endswith("_rate")


def default_mapping() -> ProvinceMap:
    """Old → 2025 province names from the gazetteer (``rules/provinces.yaml``)."""
    places = bundled().gazetteer
    return {old.name: places.new[old.new].name for old in places.model.pre_2025}


def parts_of(mapping: ProvinceMap) -> dict[str, frozenset[str]]:
    """Each 2025 province with the set of old provinces it was formed from."""
    parts: dict[str, set[str]] = defaultdict(set)
    for old, new in mapping.items():
        parts[new].add(old)
    return {new: frozenset(olds) for new, olds in parts.items()}


def roll_up(rows: Iterable[StoredObservation], mapping: ProvinceMap) -> list[StoredObservation]:
    """2025-province rows made from pre-2025 rows, following the rules in the module docstring."""
    parts = parts_of(mapping)
    groups: dict[tuple[str, str, str, _DateKey], list[StoredObservation]] = defaultdict(list)
    for row in rows:
        if row.province in mapping and row.boundaries == "pre-2025" and row.status == "actual":
            assert row.province is not None
            key = (mapping[row.province], row.indicator, row.unit, (row.as_of, row.period_start, row.period_end))
            groups[key].append(row)
    out = [_combine(key[0], members, parts[key[0]]) for key, members in sorted(groups.items(), key=str)]
    return [row for row in out if row is not None]


def _one_value_per_part(members: Sequence[StoredObservation]) -> dict[str, StoredObservation] | None:
    """One observation per old province, or None when a part's sources disagree."""
    chosen: dict[str, StoredObservation] = {}
    for row in members:
        assert row.province is not None
        held = chosen.setdefault(row.province, row)
        if held.value != row.value:
            return None
    return chosen


def _combine(new: str, members: Sequence[StoredObservation], needed: frozenset[str]) -> StoredObservation | None:
    """The rolled-up row for one 2025 province, indicator and date, if the rules allow one."""
    chosen = _one_value_per_part(members)
    if chosen is None or set(chosen) != needed:
        return None
    rows = [chosen[p] for p in sorted(chosen)]
    if is_rate(rows[0]) and len(rows) > 1:
        return None
    total = sum((r.value for r in rows), Decimal(0))
    rule = "same territory (one pre-2025 province)" if len(rows) == 1 else "sum of " + " + ".join(sorted(chosen))
    return _rolled_row(new, rows, total, rule)


def _rolled_row(new: str, rows: Sequence[StoredObservation], total: Decimal, rule: str) -> StoredObservation:
    """A flagged 2025-boundaries row built from its parts."""
    first = rows[0]
    exact = all(r.qualifier == "exact" for r in rows)
    return first.model_copy(update={
        "id": None, "province": new, "boundaries": "2025", "value": total,
        "qualifier": "exact" if exact else "approx", "document_id": "", "source": "", "title": None,
        "published": None, "language": None, "sentence_id": None, "text": "", "start": 0, "end": 0,
        "sentence": "", "date_inferred": any(r.date_inferred for r in rows),
        "change_value": None, "change_unit": None, "change_baseline": None,
        "rules": {"rollup": rule, "rollup_documents": " ".join(sorted({r.document_id for r in rows}))},
        "rolled_up": True, "parts": tuple(r.id for r in rows if r.id is not None),
    })


def rolled_up_observations(
    conn: sqlite3.Connection,
    *,
    mapping: ProvinceMap | None = None,
    indicator: str | None = None,
    province: str | None = None,
    mapping_source: Callable[[], ProvinceMap] = default_mapping,
) -> list[StoredObservation]:
    """Rolled-up 2025 rows from the stored pre-2025 observations (``province`` is a 2025 one)."""
    table = dict(mapping) if mapping is not None else dict(mapping_source())
    olds = sorted(old for old, new in table.items() if province is None or fold(new) == fold(province))
    rows: list[StoredObservation] = []
    for old in olds:
        wanted = ObservationFilter(province=old, indicator=indicator, boundaries="pre-2025", status="actual",
                                   rows="totals")
        rows.extend(r for r in iter_observations(conn, wanted) if r.province == old)
    return roll_up(rows, table)


def rolled_up_cells(rows: Iterable[StoredObservation]) -> list[TableCell]:
    """Table cells from rolled-up rows: the latest date per 2025 province and indicator."""
    latest: dict[tuple[str, str], StoredObservation] = {}
    for row in rows:
        key = (row.province or "", row.indicator)
        if key not in latest or (row.obs_date or dt.date.min) > (latest[key].obs_date or dt.date.min):
            latest[key] = row
    return [TableCell(province=r.province or "", boundaries="2025", indicator=r.indicator, value=r.value,
                      unit=r.unit, as_of=r.obs_date, period_start=None if r.as_of else r.period_start,
                      period_end=None if r.as_of else r.period_end, sources=len(r.rules["rollup_documents"].split()),
                      rolled_up=True) for _, r in sorted(latest.items())]


def province_table_rolled_up(
    conn: sqlite3.Connection,
    *,
    mapping: ProvinceMap | None = None,
    province: str | None = None,
    indicator: str | None = None,
) -> list[TableCell]:
    """The 2025-boundaries table, filled in with rolled-up cells where they are newer or alone."""
    direct = {(c.province, c.indicator): c for c in province_table(
        conn, province=province, indicator=indicator, boundaries="2025")}
    rolled = rolled_up_cells(rolled_up_observations(conn, mapping=mapping, province=province, indicator=indicator))
    for cell in rolled:
        held = direct.get((cell.province, cell.indicator))
        if held is None or (held.as_of or dt.date.min) < (cell.as_of or dt.date.min):
            direct[(cell.province, cell.indicator)] = cell
    return [direct[k] for k in sorted(direct)]
