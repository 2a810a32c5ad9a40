"""Start-up: the whole `extractor` process for --help, search, query and table on a large database,
and for extracting one short article.

A researcher types `extractor search …` or `extractor table` and waits for the whole process,
imports included: on a database of 1,000,000 observations the queries themselves take
milliseconds, so what a command imports is most of its time. Each command is run as a child
process (``python -m extractor``) and timed whole, wall clock and CPU (user + system of the
child), against two baselines started the same way in the same rounds: ``python -c pass`` (the
interpreter's own start) and ``python -c "import sqlite3"``. Rounds run every command once, one
after the other (a change of load on this shared machine hits them alike); the report gives
medians, in seconds and as ratios to ``python -c pass``. Target (issue 18): search and table
under 0.3 s wall.

``extractor extract`` on the shortest article of ``corpus/seeds`` is timed the same way: what a
journalist checking one article waits for, nearly all of it the rules loaded and compiled
before the first document (the article itself takes a few milliseconds).

The database is built once with the rows of ``bench/query_speed.py`` (documents of 20
observations, their sentences, the FTS indexes) and kept under ``bench/out/`` for the next run.
The report also lists, for each query command, the query plan steps that read a whole table of
the database (``EXPLAIN QUERY PLAN`` ``SCAN`` of observations, sentences or documents without an
index), which at 1M rows would be what grows.

    python bench/startup.py                    # 1,000,000 observations (built once, ~4 min)
    python bench/startup.py --quick --json     # 2,000 observations, 3 rounds
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import query_speed

from extractor.store import ObservationFilter, connect, province_table, query_observations, search

TARGET_S = 0.3
WORDS = "du no Nghe An"  # folded, as most searchers type
NUMBER = "13.357 tỷ"
PROVINCE, INDICATOR = "Nghe An", "outstanding_loans"
BASELINES: dict[str, list[str]] = {"python -c pass": ["-c", "pass"],
                                   "python -c 'import sqlite3'": ["-c", "import sqlite3"]}
# The shortest seed article: extracting it is mostly the start-up of loading the rules.
SHORT_ARTICLE = min((ROOT / "corpus" / "seeds").glob("*.txt"), key=lambda p: (p.stat().st_size, p.name))
COMMANDS: dict[str, list[str]] = {
    "extractor --help": ["--help"],
    f"extractor search '{WORDS}'": ["search", WORDS],
    f"extractor search '{NUMBER}'": ["search", NUMBER],
    f"extractor query --province '{PROVINCE}' --indicator {INDICATOR}": [
        "query", "--province", PROVINCE, "--indicator", INDICATOR],
    "extractor table": ["table"],
    "extractor table --format csv": ["table", "--format", "csv"],
    f"extractor extract {SHORT_ARTICLE.name}": ["extract", str(SHORT_ARTICLE.relative_to(ROOT))],
}
DB_COMMANDS = {"search", "query", "table"}
# Schema v10 keeps observations and sentences in these tables (the views of the old names read them).
BIG_TABLES = ("observation_rows", "sentence_rows", "documents")


# --- the database ----------------------------------------------------------------------------------


def database(path: Path, rows: int) -> tuple[Path, float]:
    """The bench database of ``rows`` observations at ``path``, built unless a complete one is
    there (seconds spent building: 0 when reused)."""
    if path.exists() and _observations(path) == rows:
        return path, 0.0
    for stale in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        stale.unlink(missing_ok=True)
    began = time.perf_counter()
    path.parent.mkdir(parents=True, exist_ok=True)  # bench/out/ is git-ignored: absent from a new clone
    conn = connect(path)
    conn.execute("PRAGMA cache_size = -524288")  # 512 MB while bulk loading: fewer spills to the WAL
    query_speed.generate(conn, rows)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path, time.perf_counter() - began


def _observations(path: Path) -> int:
    """How many observations a bench database holds (0 when it is unreadable or half built)."""
    try:
        with sqlite3.connect(path) as conn:
            return int(conn.execute("SELECT count(*) FROM observations").fetchone()[0])
    except sqlite3.Error:
        return 0


# --- timing whole processes -------------------------------------------------------------------------


def _child_cpu() -> float:
    """CPU seconds (user + system) of this process's finished children."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """One child process: wall seconds, CPU seconds, bytes it wrote to stdout (it must succeed)."""
    cpu, began = _child_cpu(), time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, cwd=ROOT, capture_output=True, check=False)
    wall = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode()[-2000:]}")
    return wall, _child_cpu() - cpu, len(done.stdout)


def timed(db: Path, rounds: int) -> dict[str, dict[str, Any]]:
    """Every baseline and command run once per round, one after the other; medians per run."""
    # Bytecode is cached as an installed package's is (pip compiles it): without it every start
    # would time the compiler on every module (a shell may set PYTHONDONTWRITEBYTECODE).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"PYTHONPATH": str(ROOT), "VBSP_DB": str(db), "COLUMNS": "200"}
    runs = {**BASELINES, **{name: ["-m", "extractor", *args] for name, args in COMMANDS.items()}}
    samples: dict[str, list[tuple[float, float, int]]] = {name: [] for name in runs}
    for args in runs.values():  # a warm-up of each: files in the page cache, .pyc written
        run_once(args, env)
    for _ in range(rounds):
        for name, args in runs.items():
            samples[name].append(run_once(args, env))
    return {name: {"wall_s": round(statistics.median(s[0] for s in got), 4),
                   "cpu_s": round(statistics.median(s[1] for s in got), 4),
                   "stdout_bytes": got[-1][2]} for name, got in samples.items()}


def with_ratios(results: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Each command's medians with ratios to ``python -c pass`` of the same run."""
    base = results["python -c pass"]
    return {name: {**r, "wall_vs_python": round(r["wall_s"] / base["wall_s"], 2),
                   "cpu_vs_python": round(r["cpu_s"] / max(base["cpu_s"], 1e-4), 2)}
            for name, r in results.items()}


# --- query plans ----------------------------------------------------------------------------------


@contextmanager
def statements(conn: sqlite3.Connection) -> Iterator[list[str]]:
    """The SQL statements ``conn`` runs inside the block, as SQLite expands them (values bound)."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        conn.set_trace_callback(None)


def full_scans(conn: sqlite3.Connection, run: Callable[[], Any]) -> list[str]:
    """The plan steps of the statements ``run`` makes that read a large table whole."""
    with statements(conn) as seen:
        run()
    found: list[str] = []
    for sql in dict.fromkeys(s for s in seen if s.lstrip().upper().startswith(("SELECT", "WITH"))):
        for step in conn.execute("EXPLAIN QUERY PLAN " + sql):
            detail = step[-1]
            if detail.startswith("SCAN") and any(detail.split()[1] == t for t in BIG_TABLES) and "INDEX" not in detail:
                found.append(f"{detail}  <- {' '.join(sql.split())[:160]}")
    return list(dict.fromkeys(found))


def plans(db: Path) -> dict[str, list[str]]:
    """For the queries the timed commands make: the whole-table reads of each."""
    conn = connect(db)
    try:
        return {
            "search (words)": full_scans(conn, lambda: search(conn, WORDS)),
            "search (number)": full_scans(conn, lambda: search(conn, NUMBER)),
            "query": full_scans(conn, lambda: query_observations(
                conn, ObservationFilter(province=PROVINCE, indicator=INDICATOR))),
            "table": full_scans(conn, lambda: province_table(conn)),
        }
    finally:
        conn.close()


# --- the report -----------------------------------------------------------------------------------


def checks(results: dict[str, dict[str, Any]]) -> dict[str, bool]:
    """Issue 18's start-up target, per command it names."""
    return {f"{name} under {TARGET_S} s wall": r["wall_s"] < TARGET_S
            for name, r in results.items() if name.split()[1:2] in (["search"], ["table"])}


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) the database, time the commands, print the report (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 observations and 3 rounds (a smoke run).")
    parser.add_argument("--rows", type=int, help="Observations in the database (default 1,000,000).")
    parser.add_argument("--rounds", type=int, help="Rounds of every command (default 7; 3 with --quick).")
    parser.add_argument("--db", type=Path, help="Database file (default bench/out/startup-ROWS.sqlite, kept).")
    parser.add_argument("--json", action="store_true", help="Print the report as JSON.")
    args = parser.parse_args(argv)
    rows = args.rows or (2_000 if args.quick else 1_000_000)
    rounds = args.rounds or (3 if args.quick else 7)
    db, built_s = database(args.db or BENCH / "out" / f"startup-{rows}.sqlite", rows)
    results = with_ratios(timed(db, rounds))
    report = {"rows": rows, "rounds": rounds, "build_s": round(built_s, 1), "commands": results,
              "full_scans": plans(db), "checks": checks(results)}
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else _text(report))
    return 0 if all(report["checks"].values()) else 1


def _text(report: dict[str, Any]) -> str:
    """A readable report."""
    lines = [f"{report['rows']:,} observations, median of {report['rounds']} rounds"
             + (f" (database built in {report['build_s']} s)" if report["build_s"] else "")]
    for name, r in report["commands"].items():
        lines.append(f"{name:66} wall {r['wall_s']:6.3f} s ({r['wall_vs_python']:5.2f}x)  "
                     f"cpu {r['cpu_s']:6.3f} s ({r['cpu_vs_python']:5.2f}x)")
    for name, scans in report["full_scans"].items():
        lines.extend(f"whole-table read in {name}: {scan}" for scan in scans)
        if not scans:
            lines.append(f"{name}: index-backed (no whole-table read of {', '.join(BIG_TABLES)})")
    lines.extend(f"{'ok  ' if ok else 'FAIL'} {check}" for check, ok in report["checks"].items())
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
