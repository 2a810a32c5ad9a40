"""Exporting observations as CSV, JSON or Parquet without losing exactness.

Values are written as exact decimal text in CSV, as JSON numbers whose text is the exact value,
and in Parquet as ``decimal128(38, 6)`` beside the unit (a value with more decimals is an error
rather than a silent rounding).
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Literal

from extractor.errors import StoreError
from extractor.store.numeric import canonical
from extractor.store.query import iter_observations
from extractor.store.records import ObservationFilter, StoredObservation

ExportFormat = Literal["csv", "json", "parquet"]

EXPORT_COLUMNS: tuple[str, ...] = (
    "id", "province", "boundaries", "indicator", "value", "unit", "qualifier", "as_of",
    "period_start", "period_end", "date_inferred", "status", "change_value", "change_unit",
    "change_baseline", "document_id", "source", "title", "published", "language", "text", "start",
    "end", "sentence", "rules", "rolled_up", "parts",
)
_SCALE = 6


def flat_record(row: StoredObservation) -> dict[str, Any]:
    """An observation as one flat dict of export columns (dates ISO, values exact Decimals)."""
    data = row.model_dump(mode="python")
    for key in ("as_of", "period_start", "period_end", "change_baseline", "published"):
        data[key] = data[key].isoformat() if data[key] else None
    data["rules"] = json.dumps(row.rules, ensure_ascii=False, sort_keys=True)
    data["parts"] = " ".join(str(p) for p in row.parts)
    return {c: data[c] for c in EXPORT_COLUMNS}


_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?=[^\s\d]))")


def csv_cell(value: Any) -> Any:
    """A CSV cell: Decimals exact, None empty, scraped text that a spreadsheet would run as a formula
    ("=HYPERLINK(…)", "@SUM(…)") prefixed with an apostrophe (OWASP's CSV injection advice).

    >>> csv_cell(Decimal("13374E9")), csv_cell("=1+1"), csv_cell("- bullet"), csv_cell(None)
    ('13374000000000', "'=1+1", '- bullet', '')
    """
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return canonical(value)
    if isinstance(value, str) and _FORMULA.match(value):
        return "'" + value
    return value


def write_csv(rows: Iterable[StoredObservation], out: IO[str]) -> int:
    """Write rows as CSV with a header (scraped text defused, values exact); returns the count."""
    writer = csv.DictWriter(out, fieldnames=list(EXPORT_COLUMNS))
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({k: csv_cell(v) for k, v in flat_record(row).items()})
        count += 1
    return count


def json_value(value: Any) -> Any:
    """JSON-ready value: integral Decimals as ints, others as floats only when their text is exact."""
    if not isinstance(value, Decimal):
        return value
    if value == value.to_integral_value():
        return int(value)
    as_float = float(value)
    # json writes repr(float): the shortest text that round-trips; keep it only if it is the value.
    return as_float if Decimal(repr(as_float)) == value else canonical(value)


def json_lines(rows: Iterable[StoredObservation]) -> Iterator[str]:
    """The pieces of a JSON array of rows, streamed (exact numbers, UTF-8 text)."""
    yield "["
    for i, row in enumerate(rows):
        body = {k: json_value(v) for k, v in flat_record(row).items()}
        yield ("," if i else "") + "\n" + json.dumps(body, ensure_ascii=False)
    yield "\n]\n"


def write_json(rows: Iterable[StoredObservation], out: IO[str]) -> int:
    """Write rows as one JSON array; returns the number of rows."""
    count = 0
    for piece in json_lines(rows):
        out.write(piece)
        count += piece.startswith(("\n{", ",\n{"))
    return count


def _arrow_schema() -> Any:
    """The Parquet schema: exact decimals for values, strings and dates for the rest."""
    import pyarrow as pa

    types: dict[str, pa.DataType] = {
        "id": pa.int64(), "value": pa.decimal128(38, _SCALE), "change_value": pa.decimal128(38, _SCALE),
        "start": pa.int64(), "end": pa.int64(), "date_inferred": pa.bool_(), "rolled_up": pa.bool_()}
    return pa.schema([(c, types.get(c, pa.string())) for c in EXPORT_COLUMNS])


def _arrow_value(column: str, value: Any) -> Any:
    """A value ready for its Arrow column (decimals checked to fit the scale exactly)."""
    if isinstance(value, Decimal):
        fitted = value.quantize(Decimal(1).scaleb(-_SCALE))
        if fitted != value:
            raise StoreError(f"{column} {value} has more than {_SCALE} decimals",
                             hint="Export as csv or json, which keep every digit.")
        return fitted
    return value


def write_parquet(rows: Iterable[StoredObservation], path: Path, *, batch: int = 50_000) -> int:
    """Write rows to a Parquet file in batches; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema, count, buffer = _arrow_schema(), 0, []
    with pq.ParquetWriter(str(path), schema) as writer:
        for row in rows:
            record = flat_record(row)
            buffer.append({k: _arrow_value(k, v) for k, v in record.items()})
            if len(buffer) >= batch:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                count, buffer = count + len(buffer), []
        writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
    return count + len(buffer)


def export_observations(
    conn: sqlite3.Connection,
    fmt: ExportFormat,
    *,
    output: Path | None = None,
    filters: ObservationFilter | None = None,
    stream: IO[str] | None = None,
) -> int:
    """Export the observations matching ``filters`` to ``output`` (or ``stream`` for csv/json)."""
    rows = iter_observations(conn, filters)
    if fmt == "parquet":
        if output is None:
            raise StoreError("parquet needs an output file", hint="Pass --output table.parquet.")
        return write_parquet(rows, output)
    writer = write_csv if fmt == "csv" else write_json
    if output is None:
        return writer(rows, stream if stream is not None else io.StringIO())
    with output.open("w", encoding="utf-8", newline="") as handle:
        return writer(rows, handle)
