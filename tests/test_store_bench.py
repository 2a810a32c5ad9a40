"""Smoke test of bench/query_speed.py on a small database (the real run is 1,000,000 rows, by hand)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench" / "query_speed.py"


def test_query_bench_runs_on_a_small_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("query_speed", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--rows", "2000", "--repeat", "5", "--json", "--db", str(tmp_path / "b.sqlite")]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["rows"] == 2000
    timed = [v for v in report.values() if isinstance(v, dict)]
    assert len(timed) >= 4 and all(v["p95_ms"] >= v["p50_ms"] > 0 for v in timed)
