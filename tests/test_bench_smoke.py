"""Smoke tests of bench/extract_speed.py, bench/ingest_speed.py and bench/startup.py in their
quickest mode on a tiny input: each runs and reports what the README and the issues quote.

They assert no speed (timed tests are not ours: the real runs are by hand, see README "Speed"),
only that every figure of the report is there.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).parent.parent / "bench"


def bench(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """A bench script loaded as a module (registered while the test runs: dataclasses look
    their module up)."""
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, name, module)
    spec.loader.exec_module(module)
    return module


def test_extract_bench_reports_ratios_to_the_paragraph_fed_baselines(capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["--quick", "--words", "400", "--repeat", "1", "--quantulum-words", "60", "--stages", "--json"]
    code = bench("extract_speed", monkeypatch).main(args)
    report = json.loads(capsys.readouterr().out)
    assert code == (0 if all(report["checks"].values()) else 1)
    for lang in ("en", "vi"):
        r = report[lang]
        assert r["words"] >= 400 and r["paragraphs"] > 0
        assert {"tokeniser_wps", "extraction_wps", "with_linking_wps", "extraction_vs_tokeniser",
                "with_linking_vs_tokeniser", "peak_memory_mb"} <= set(r)
        assert set(r["stages_vs_tokeniser"]) == {"read text", "pipeline tokeniser", "spaCy + rules",
                                                 "rest of extraction", "linking"}
    assert {"quantulum3_wps", "with_linking_vs_quantulum3", "extraction_vs_quantulum3"} <= set(report["en"])
    assert "quantulum3_wps" not in report["vi"]
    assert "vi_vs_en_with_linking" in report
    assert set(report["checks"]) == {"en with linking >= 0.25x paragraph-fed tokeniser",
                                     "en with linking >= 50x quantulum3", "vi with linking >= 0.5x en with linking"}


@pytest.mark.slow  # two runs of `extractor ingest` in a child process, each loading every rule
def test_ingest_bench_reports_rates_stages_memory_and_storage(capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              tmp_path: Path) -> None:
    module = bench("ingest_speed", monkeypatch)
    code = module.main(["--quick", "--pages", "3", "--pdfs", "1", "--stage-pages", "2", "--json",
                        "--tmp", str(tmp_path)])
    report = json.loads(capsys.readouterr().out)
    assert code == (0 if all(report["checks"].values()) else 1)
    assert report["workers_option"] == module.workers_option()
    counts = {"1", str(report["workers"])} if report["workers_option"] else {"1"}
    for kind in ("html", "pdf"):
        r = report[kind]
        assert r["pages"] >= (3 if kind == "html" else 1) and r["documents"] >= 1
        assert set(r["workers"]) == counts
        for run in r["workers"].values():
            assert {"pages_per_s", "wall_s", "cpu_ms_per_page", "peak_rss_mb", "peak_pss_mb"} <= set(run)
            assert run["peak_rss_mb"] > 0
        assert {"n_vs_1", "cpu_vs_baseline", "baseline_pages_per_s", "bytes_per_document", "copies_linked",
                "observations"} <= set(r)
        assert set(r["stages_cpu_ms_per_page"]) == {"parse", "extract+link", "store", "copy links", "other"}
    assert report["html"]["page_kb"] > 40 and "copies_planted" in report["html"]
    assert len(report["checks"]) == 5


def test_startup_bench_times_each_command_against_the_interpreter(capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    module = bench("startup", monkeypatch)
    code = module.main(["--quick", "--rounds", "1", "--json", "--db", str(tmp_path / "startup.sqlite")])
    report = json.loads(capsys.readouterr().out)
    assert code == (0 if all(report["checks"].values()) else 1)
    assert report["rows"] == 2000 and report["build_s"] > 0
    assert set(report["commands"]) == {*module.BASELINES, *module.COMMANDS}
    for run in report["commands"].values():
        assert {"wall_s", "cpu_s", "wall_vs_python", "cpu_vs_python", "stdout_bytes"} <= set(run)
        assert run["wall_s"] > 0
    assert report["commands"]["extractor table"]["stdout_bytes"] > 0
    assert report["commands"][f"extractor extract {module.SHORT_ARTICLE.name}"]["stdout_bytes"] > 0
    assert set(report["full_scans"]) == {"search (words)", "search (number)", "query", "table"}
    assert len(report["checks"]) == 4 and all("under 0.3 s wall" in c for c in report["checks"])


@pytest.mark.parametrize("one_line", [False, True])
def test_scaling_bench_builds_texts_of_the_rule_files_examples(monkeypatch: pytest.MonkeyPatch, one_line: bool) -> None:
    scaling = bench("scaling", monkeypatch)
    for lang in ("en", "vi"):
        sentences = scaling.example_sentences(lang)
        assert len(sentences) > 1000 and not any(mark in s for s in sentences for mark in ("[[", "{{", "<<"))
        text = scaling.examples_text(lang, 30_000, one_line=one_line)
        head, body = text.split("\n\n", 2)[:2], text.split("\n\n", 2)[2]
        assert len(text.encode("utf-8")) >= 30_000 and head[0] in ("Nghe An news", "Tin Nghệ An")
        assert ("\n" in body) is not one_line and body.startswith(sentences[0])


@pytest.mark.slow  # a 200 kB text extracted with linking
def test_scaling_bench_reports_each_size_against_the_200k_text(capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    code = bench("scaling", monkeypatch).main(["--sizes", "100k", "--repeat", "1", "--lang", "vi",
                                               "--text", "examples-one-line", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["text"] == "examples-one-line" and report["checks"] == {}
    rows = report["sizes"]["vi"]
    assert set(rows) == {"200k", "100k"} and rows["200k"]["time_vs_200k"] == 1
    assert {"bytes", "seconds", "per_100k", "per_100k_vs_200k"} <= set(rows["100k"])


def test_scaling_bench_counts_read_callgrinds_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """``--counted``: the events of callgrind's closing summary by name; the cache given to it has
    a power of two of sets; and the child extracts the text through ``operator.call``, the one
    call counted (valgrind itself is too slow for a test)."""
    scaling = bench("scaling", monkeypatch)
    summary = ("==7== Events    : Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw\n"
               "==7== Collected : 4464 900 400 3 70 20 1 26 9\n==7== \n==7== I   refs:      4,464\n")
    assert scaling.callgrind_counts(summary) == {"Ir": 4464, "Dr": 900, "Dw": 400, "I1mr": 3, "D1mr": 70,
                                                  "D1mw": 20, "ILmr": 1, "DLmr": 26, "DLmw": 9}
    with pytest.raises(RuntimeError, match="no callgrind summary"):
        scaling.callgrind_counts("valgrind: command not found")
    size, ways, line = map(int, scaling.last_level_cache().split(","))
    sets = size // (ways * line)
    assert line == 64 and sets > 0 and sets & (sets - 1) == 0
    called: list[object] = []
    real_call = scaling.operator.call
    monkeypatch.setattr(scaling.operator, "call", lambda f, *a, **k: called.append(real_call(f, *a, **k)))
    monkeypatch.setattr(scaling, "TEXTS", {"generated": lambda lang, size, sources: scaling.text_of(lang, 3_000)})
    scaling.counted_child("vi", "3k", "generated", scaling.EXAMPLE_SOURCES)
    assert len(called) == 1 and called[0].figures  # type: ignore[attr-defined]


def test_dense_bench_reports_the_growth_per_copy_of_each_sentence(capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """bench/dense.py at tiny sizes: a row per sentence and layout, with both sizes' seconds and
    copies and the per-copy ratio; the sentences file holds both languages."""
    dense = bench("dense", monkeypatch)
    assert len(dense.sentences("vi")) > 20 and len(dense.sentences("en")) > 20
    text, copies = dense.dense_text("Dư nợ đạt 5 tỷ đồng.", "vi", 2_000, "one-line")
    assert copies > 50 and "\n" not in text.partition("\n")[2]
    run, _ = dense.dense_text("Dư nợ đạt 5 tỷ đồng.", "vi", 2_000, "run")  # no stop: one cut sentence
    assert "." not in run.partition("\n")[2] and run.count("Dư nợ đạt 5 tỷ đồng, ") > 50
    code = dense.main(["--lang", "vi", "--only", "0,7", "--sizes", "2k,6k", "--limit", "100", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["checks"] == {"every per-copy ratio under the limit": True}
    assert [(row["place"], row["layout"]) for row in report["rows"]] == [
        (0, "one-line"), (0, "run"), (0, "paragraphs"), (7, "one-line"), (7, "run"), (7, "paragraphs")]
    for row in report["rows"]:
        assert row["copies"][1] > row["copies"][0] > 0 and row["per_copy_ratio"] > 0
