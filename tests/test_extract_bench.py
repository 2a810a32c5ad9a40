"""Smoke test of bench/extract_speed.py on a few thousand words.

It checks that the benchmark runs and reports what the README and the issues quote; it asserts
no speed (timed tests are not ours: the real run is by hand, see README "Speed").
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).parent.parent / "bench" / "extract_speed.py"


def test_extract_bench_reports_ratios_checks_and_stages(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("extract_speed", BENCH)
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    code = bench.main(["--words", "1500", "--repeat", "1", "--quantulum-words", "300", "--stages", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == (0 if all(report["checks"].values()) else 1)
    for lang in ("en", "vi"):
        r = report[lang]
        assert r["words"] >= 1500
        assert r["bare_tokeniser_wps"] > 0 and r["extraction_wps"] > 0 and r["with_linking_wps"] > 0
        assert r["peak_memory_mb"] > 0
        assert set(report["stages_vs_tokeniser"][lang]) == {
            "document metadata", "spaCy + rules", "assemble records", "link"}
    assert set(report["checks"]) == {
        "en extraction >= 0.4x bare tokeniser", "en extraction >= 30x quantulum3",
        "vi extraction >= 0.5x en extraction"}
