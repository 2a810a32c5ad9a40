"""Issue 17: a per-document budget. A text over ``document_max_chars`` is refused with a coded
error and the batch goes on; a reading that outlasts ``document_time_limit`` stops at a
paragraph and the document is kept with what was read and a warning. The clock is a stand-in
that ticks once per look: no test here waits or is timed."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import TooLarge
from extractor.evaluation import load_gold
from extractor.nlp.engine import paragraphs
from extractor.pipeline import extract_text
from extractor.pipeline.batch import ingest_paths
from extractor.pipeline.budget import UNLIMITED, Budget
from extractor.registry.bundle import bundled
from extractor.store import connect
from extractor.store.documents import stored_documents

GOLD = Path(__file__).resolve().parents[1] / "corpus" / "gold"
runner = CliRunner()


@pytest.fixture(scope="module")
def article() -> str:
    """A gold article of several paragraphs with figures in most of them."""
    return max((case.text() for case in load_gold(GOLD, language="en")), key=lambda t: len(paragraphs(t)))


@pytest.fixture
def ticking(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A clock that moves one second each time the budget or the reading looks at it."""
    clock = count()
    monkeypatch.setattr("extractor.pipeline.budget.monotonic", lambda: float(next(clock)))
    monkeypatch.setattr("extractor.nlp.engine.monotonic", lambda: float(next(clock)))
    yield


def test_a_text_over_the_character_limit_is_refused_with_a_coded_error(article: str) -> None:
    with pytest.raises(TooLarge) as refused:
        extract_text(article, source="big.txt", lang="en", budget=Budget(max_chars=len(article) - 1, seconds=0))
    assert refused.value.code == "E008" and "big.txt" in refused.value.message
    assert "--max-chars" in refused.value.hint
    assert extract_text(article, lang="en", budget=Budget(max_chars=len(article), seconds=0)).figures


def test_a_reading_out_of_time_keeps_what_it_read_and_says_so(article: str, ticking: None) -> None:
    whole = extract_text(article, lang="en", link=False, budget=UNLIMITED)
    spans = paragraphs(article)
    first = next(i for i, (start, end) in enumerate(spans) if start <= whole.figures[0].start < end)
    # The deadline is set at tick 0; the reading looks before each paragraph (ticks 1, 2, …):
    # with ``first + 2.5`` seconds it reads the paragraphs up to the one after the first figure's.
    read_to = spans[first + 2][0]
    cut = extract_text(article, lang="en", link=False, budget=Budget(max_chars=0, seconds=first + 2.5))
    assert cut.document.text == article  # the document is kept whole
    assert cut.figures == tuple(f for f in whole.figures if f.end <= read_to)
    assert 0 < len(cut.figures) < len(whole.figures)
    assert any(f"read {read_to:,} of {len(article):,} characters" in w for w in cut.warnings)
    assert not any("characters before the time limit" in w for w in whole.warnings)


def test_linking_out_of_time_keeps_the_observations_it_made_and_says_so(
        article: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Linking reads against the same deadline as the rules: a text whose figures are found in
    # time but whose linking would outlast the budget is kept with the observations made.
    whole = extract_text(article, lang="en", budget=UNLIMITED)
    half = len(whole.figures) // 2
    monkeypatch.setattr("extractor.pipeline.budget.monotonic", lambda: 0.0)
    monkeypatch.setattr("extractor.nlp.engine.monotonic", lambda: 0.0)
    clock = count()  # linking looks before each figure: ticks 0, 1, 2, …
    monkeypatch.setattr("extractor.link.observe.monotonic", lambda: float(next(clock)))
    cut = extract_text(article, lang="en", budget=Budget(max_chars=0, seconds=half - 0.5))
    stop = whole.figures[half].start
    assert cut.figures == whole.figures  # every figure was found
    assert any(f"linked the figures of {stop:,} of {len(article):,} characters" in w for w in cut.warnings)
    key = {(o.start, o.indicator, o.value) for o in whole.observations}
    assert all(o.start < stop and (o.start, o.indicator, o.value) in key for o in cut.observations)
    assert 0 < len(cut.observations) < len(whole.observations)
    assert not any("linked the figures" in w for w in whole.warnings)


def test_the_budget_comes_from_the_settings_unless_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBSP_DOCUMENT_MAX_CHARS", "1234")
    monkeypatch.setenv("VBSP_DOCUMENT_TIME_LIMIT", "0")
    assert Budget.configured() == Budget(max_chars=1234, seconds=0)
    assert Budget.configured(max_chars=10, seconds=2.5) == Budget(max_chars=10, seconds=2.5)
    with pytest.raises(TooLarge):
        extract_text("x" * 1235, lang="en")


def test_a_batch_reports_a_document_too_large_and_goes_on(tmp_path: Path, article: str,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_small.txt").write_text(article, encoding="utf-8")
    (folder / "b_large.txt").write_text(article * 3, encoding="utf-8")
    monkeypatch.setenv("VBSP_DOCUMENT_MAX_CHARS", str(2 * len(article)))
    conn = connect(tmp_path / "db.sqlite")
    report = ingest_paths(conn, [folder], registry=bundled())
    by_name = {Path(o.path).name: o for o in report.outcomes}
    assert by_name["a_small.txt"].status == "new"
    assert by_name["b_large.txt"].status == "failed" and "[E008]" in (by_name["b_large.txt"].reason or "")
    assert len(stored_documents(conn)) == 1


def test_the_commands_take_the_budget_as_options(tmp_path: Path, article: str) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text(article, encoding="utf-8")
    refused = runner.invoke(app, ["extract", str(doc), "--max-chars", "100"])
    assert refused.exit_code == 1 and "E008" in refused.output and "Traceback" not in refused.output
    assert runner.invoke(app, ["extract", str(doc), "--max-chars", "0", "--time-limit", "0"]).exit_code == 0
    db = tmp_path / "db.sqlite"
    ingested = runner.invoke(app, ["ingest", str(doc), "--db", str(db), "--max-chars", "100"])
    assert "E008" in ingested.output and "Traceback" not in ingested.output
    for command in ("extract", "ingest", "reextract"):
        shown = runner.invoke(app, [command, "--help"]).output
        assert "--max-chars" in shown and "--time-limit" in shown


def test_the_cyclic_collector_is_paused_while_a_document_is_extracted(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    from extractor.nlp import engine

    seen: list[bool] = []
    reading = engine.read

    def read(*args: Any, **kwargs: Any) -> engine.Reading:
        seen.append(gc.isenabled())
        return reading(*args, **kwargs)

    monkeypatch.setattr(engine, "read", read)
    assert gc.isenabled()
    extract_text("Outstanding loans reached VND 13,374 billion.", lang="en")
    assert seen == [False] and gc.isenabled()
    with pytest.raises(TooLarge):
        extract_text("x" * 20, lang="en", budget=Budget(max_chars=10, seconds=0))
    assert gc.isenabled()  # resumed after a refusal too
    gc.disable()
    try:
        extract_text("Outstanding loans reached VND 13,374 billion.", lang="en")
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_reading_a_document_pauses_the_collector_and_resumes_it(monkeypatch) -> None:
    """Reading (``load_bytes``) runs with the cyclic collector paused as extraction does: a
    PDF's chars are a dict each, and young collections set off by them were a sixth of its
    reading. It is resumed afterwards, after a refusal too."""
    from extractor import parse
    from extractor.errors import InputError
    from extractor.registry.bundle import bundled

    seen: list[bool] = []
    real = parse.load_text

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(parse, "load_text", spy)
    assert gc.isenabled()
    parse.load_bytes("Tin Hà Nam\nDư nợ đạt 4.200 tỷ đồng.".encode(), source="a.txt", registry=bundled())
    assert seen == [False] and gc.isenabled()
    with pytest.raises(InputError):
        parse.load_bytes(b"   ", source="blank.txt", registry=bundled())
    assert gc.isenabled()
