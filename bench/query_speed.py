"""Query speed at scale: p50/p95 of a filtered query, an FTS search and the province table.

Generates ``--rows`` observations (default 1,000,000) in documents of 20, bulk-inserts them
through the store's own column lists, rebuilds the FTS indexes once, then times each query
against a baseline measured in the same run (``SELECT count(*) FROM observations``), so the
ratios mean something on any machine. Target: p95 under 100 ms for each query at 1M rows.

    python bench/query_speed.py                 # 1,000,000 rows in a temporary database
    python bench/query_speed.py --rows 2000 --json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from extractor.store import (
    ObservationFilter,
    conflicts,
    connect,
    province_table,
    query_observations,
    search,
    search_documents,
    transaction,
)
from extractor.store.numeric import value_columns
from extractor.store.write import OBSERVATION_COLS, OWN_SENTENCE, rebuild_derived

PROVINCES = [
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Nghệ An", "Hà Tĩnh", "Thanh Hóa",
    "Ninh Bình", "Hà Nam", "Nam Định", "Thái Bình", "Hưng Yên", "Bắc Ninh", "Bắc Giang", "Quảng Ninh",
    "Lạng Sơn", "Cao Bằng", "Hà Giang", "Tuyên Quang", "Lào Cai", "Yên Bái", "Điện Biên", "Lai Châu",
    "Sơn La", "Hòa Bình", "Phú Thọ", "Vĩnh Phúc", "Thái Nguyên", "Bắc Kạn", "Quảng Bình", "Quảng Trị",
    "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum",
    "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Bình Dương", "Đồng Nai",
    "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp",
    "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau", "national",
]
INDICATORS = [
    ("outstanding_loans", "tổng dư nợ", "VND"), ("total_capital", "tổng nguồn vốn", "VND"),
    ("lending_turnover", "doanh số cho vay", "VND"), ("debt_collection_turnover", "doanh số thu nợ", "VND"),
    ("overdue_debt_rate", "tỷ lệ nợ quá hạn", "%"), ("borrowers_outstanding", "số hộ còn dư nợ", "households"),
    ("borrowers_reached", "lượt hộ vay", "households"), ("savings_loan_groups", "Tổ tiết kiệm và vay vốn", "groups"),
    ("jobs_created", "tạo việc làm cho lao động", "workers"), ("houses_supported", "căn nhà", "houses"),
    ("local_entrusted_capital", "vốn ngân sách địa phương ủy thác", "VND"),
    ("students_supported", "học sinh, sinh viên", "students"),
]
DATES = [dt.date(year, month, day) for year in range(2015, 2026)
         for month, day in ((3, 31), (6, 30), (9, 30), (12, 31))]
PER_DOC = 20


def _value(rng: random.Random, unit: str) -> tuple[Any, str]:
    """A random value and how an article would write it."""
    if unit == "VND":
        billions = rng.randint(50, 20_000)
        return billions * 10**9, f"{billions:,}".replace(",", ".") + " tỷ đồng"
    if unit == "%":
        hundredths = rng.randint(1, 300)
        from decimal import Decimal

        value = Decimal(hundredths) / 100
        return value, f"{value}".replace(".", ",") + "%"
    count = rng.randint(10, 500_000)
    return count, f"{count:,}".replace(",", ".") + " " + unit


def _document(rng: random.Random, n: int) -> tuple[tuple[Any, ...], list[tuple[Any, ...]]]:
    """One generated document row and its observations as (sentence, observation row) pairs."""
    province = rng.choice(PROVINCES)
    boundaries = rng.choice(("pre-2025", "2025"))
    doc_id = f"{n:064x}"
    items, lines, offset = [], [], 0
    for _ in range(PER_DOC):
        indicator, cue, unit = rng.choice(INDICATORS)
        date = rng.choice(DATES)
        value, shown = _value(rng, unit)
        sentence = f"Tính đến {date.day}/{date.month}/{date.year}, {cue} của {province} đạt {shown}."
        start = offset + sentence.index(shown)
        items.append((offset, sentence, (doc_id, indicator, province, boundaries, *value_columns(_dec(value)),
                      unit, "exact", date.isoformat(), None, None, 0, "actual", None, None, None, shown, start,
                      start + len(shown), sentence)))
        lines.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(lines)
    doc = (n + 1, doc_id, f"bench://{n}", f"Tin dụng chính sách {province}", "2025-10-01", "vi", province,
           doc_id, doc_id, text, "2025-11-01T00:00:00+00:00")
    return doc, items


def _dec(value: Any) -> Any:
    """Values as Decimal, as the store expects."""
    from decimal import Decimal

    return value if isinstance(value, Decimal) else Decimal(value)


def generate(conn: sqlite3.Connection, rows: int, *, seed: int = 7) -> tuple[float, float]:
    """Bulk-insert ``rows`` observations (plus documents and sentences); seconds to load and to index."""
    rng = random.Random(seed)
    began = time.perf_counter()
    names = ", ".join('"' + c + '"' for c in OBSERVATION_COLS)
    obs_sql = f"INSERT INTO observation_rows ({names}) VALUES ({', '.join('?' * len(OBSERVATION_COLS))})"
    with transaction(conn):
        conn.execute("INSERT OR IGNORE INTO raw_blobs(sha256, content, size) VALUES ('bench', x'', 0)")
        sentence_id = 0
        for n in range(max(1, rows // PER_DOC)):
            doc, items = _document(rng, n)
            conn.execute(
                "INSERT INTO documents(pk, id, source, title, published, language, province, raw_sha256, "
                "text_sha256, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?, ?)",
                doc[:7] + doc[8:])
            sentence_rows, obs_rows = [], []
            for offset, sentence, row in items:
                sentence_id += 1
                sentence_rows.append((sentence_id, doc[0], offset, offset + len(sentence), sentence))
                # keyed by the document's pk, the sentence linked, no reasons (schema v10)
                obs_rows.append((doc[0], *row[1:-1], OWN_SENTENCE, sentence_id, "", None, None))
            conn.executemany('INSERT INTO sentence_rows(id, doc, start, "end", text) VALUES (?, ?, ?, ?, ?)',
                             sentence_rows)
            conn.executemany(obs_sql, obs_rows)
    loaded = time.perf_counter()
    rebuild_derived(conn)
    conn.execute("ANALYZE")
    return loaded - began, time.perf_counter() - loaded


def timings(run: Callable[[random.Random], Any], *, repeat: int, seed: int = 11) -> list[float]:
    """Milliseconds per call of ``run`` over ``repeat`` calls (after one warm-up)."""
    rng = random.Random(seed)
    run(rng)
    out = []
    for _ in range(repeat):
        began = time.perf_counter()
        run(rng)
        out.append((time.perf_counter() - began) * 1000)
    return out


def summary(ms: list[float], baseline_p50: float) -> dict[str, float]:
    """p50/p95 in ms and the p95 as a ratio of the baseline's p50. Kept to 0.1 µs: the baseline
    on a small database takes a few microseconds, which two decimals of a millisecond round to 0."""
    q = statistics.quantiles(ms, n=20)
    p50, p95 = statistics.median(ms), q[18]
    return {"p50_ms": round(p50, 4), "p95_ms": round(p95, 4), "p95_vs_baseline": round(p95 / baseline_p50, 2)}


def queries(conn: sqlite3.Connection) -> Iterator[tuple[str, Callable[[random.Random], Any]]]:
    """The timed queries: baseline first, then the three the target is about, then harder searches."""
    yield "baseline: SELECT count(*) FROM observations", lambda rng: conn.execute(
        "SELECT count(*) FROM observations").fetchone()
    yield "filtered query (province + indicator, page of 50 + total)", lambda rng: query_observations(
        conn, ObservationFilter(province=rng.choice(PROVINCES), indicator=rng.choice(INDICATORS)[0]), limit=50)
    yield "filtered query (indicator + date range, page of 50 + total)", lambda rng: query_observations(
        conn, ObservationFilter(indicator=rng.choice(INDICATORS)[0], date_from=dt.date(2024, 1, 1),
                                date_to=dt.date(2024, 12, 31)), limit=50)
    yield "FTS search (province + cue words, folded, page of 20)", lambda rng: search(
        conn, f"{_plain(rng.choice(PROVINCES))} {_plain(rng.choice(INDICATORS)[1])}", limit=20)
    yield "numeric search ('13.374 tỷ')", lambda rng: search(
        conn, f"{rng.randint(50, 20000):,} tỷ".replace(",", "."), limit=20)
    yield "province table (all cells)", lambda rng: province_table(conn)
    yield "document search (province name, folded)", lambda rng: search_documents(
        conn, _plain(rng.choice(PROVINCES)), limit=20)
    yield "conflicts page (20 conflicting cell-dates, all their pairs)", lambda rng: conflicts(
        conn, indicator=rng.choice(INDICATORS)[0], limit=20)
    yield "FTS search, one very common word ('dư nợ')", lambda rng: search(conn, "dư nợ", limit=20)


def _plain(text: str) -> str:
    """A name typed without diacritics, as most searchers do."""
    from extractor.store.query import fold

    return fold(text)


def main(argv: list[str] | None = None) -> int:
    """Build the database, time the queries, print a report (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--db", type=Path, help="Database file (default: a temporary one, removed after).")
    parser.add_argument("--json", action="store_true", help="Print the results as JSON.")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        conn = connect(args.db or Path(folder) / "bench.sqlite")
        conn.execute("PRAGMA cache_size = -524288")  # 512 MB while bulk loading: fewer spills to the WAL
        load_s, rebuild_s = generate(conn, args.rows)
        conn.execute("PRAGMA cache_size = -65536")  # back to the store's own setting for the timings
        results = _measure(conn, args.repeat)
        conn.close()
    report = {"rows": args.rows, "load_s": round(load_s, 1), "fts_rebuild_s": round(rebuild_s, 1), **results}
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else _text(report))
    return 0


def _measure(conn: sqlite3.Connection, repeat: int) -> dict[str, Any]:
    """Time every query; the first is the baseline the others are compared with."""
    out: dict[str, Any] = {}
    baseline_p50 = 0.0
    for name, run in queries(conn):
        ms = timings(run, repeat=repeat)
        baseline_p50 = baseline_p50 or statistics.median(ms)
        out[name] = summary(ms, baseline_p50)
    return out


def _text(report: dict[str, Any]) -> str:
    """A readable report."""
    lines = [f"rows {report['rows']:,}: bulk load {report['load_s']} s, FTS rebuild + keys {report['fts_rebuild_s']} s"]
    for name, value in report.items():
        if isinstance(value, dict):
            verdict = "" if name.startswith("baseline") else ("  ok" if value["p95_ms"] < 100 else "  OVER 100 ms")
            lines.append(f"{name:62} p50 {value['p50_ms']:8.2f} ms  p95 {value['p95_ms']:8.2f} ms  "
                         f"p95/baseline {value['p95_vs_baseline']:6.2f}{verdict}")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
