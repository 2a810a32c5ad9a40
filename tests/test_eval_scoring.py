"""How the evaluation reads gold and compares records: attributes, parts, sources, absent texts.

Built on small hand-written documents in a temporary folder (never a real article): each test
names the behaviour it pins.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from extractor import evaluation as ev
from extractor.cli import app
from extractor.models import Document, Extraction, Figure, Observation

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"
TEXT = "Loans\nBy June 30, 2025, outstanding loans reached VND 5,000 billion, up VND 400 billion.\n"
runner = CliRunner()


class PartObservation(Observation):
    """An observation carrying the breakdown field the record gains in its own issue."""

    part_of: str | None = None


def _case(tmp_path: Path, gold: dict[str, Any], text: str = TEXT) -> ev.GoldCase:
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    (tmp_path / "doc.yaml").write_text(yaml.safe_dump({"language": "en", **gold}), encoding="utf-8")
    return ev.load_case(tmp_path / "doc.yaml")


def _observation(**fields: Any) -> Observation:
    base: dict[str, Any] = {"indicator": "outstanding_loans", "province": "Nghệ An",
                            "value": 5000000000000, "unit": "VND", "text": "VND 5,000 billion",
                            "start": 0, "end": 1, "sentence": ""}
    base.update(fields)
    kind = PartObservation if "part_of" in fields else Observation
    return kind(**base)


def _extraction(*observations: Observation, figures: tuple[Figure, ...] = ()) -> Extraction:
    doc = Document(id="x", source="doc.txt", text=TEXT, language="en")
    return Extraction(document=doc, observations=observations, figures=figures)


GOLD_OBSERVATION = {"indicator": "outstanding_loans", "province": "Nghệ An", "boundaries": "2025",
                    "value": 5000000000000, "unit": "VND", "as_of": "2025-06-30",
                    "status": "actual", "change_value": 400000000000, "change_unit": "VND",
                    "change_baseline": "2025-01-01"}


def test_each_wrong_attribute_of_a_matched_observation_is_counted(tmp_path: Path) -> None:
    case = _case(tmp_path, {"observations": [GOLD_OBSERVATION]})
    found = _observation(boundaries=None, as_of=dt.date(2025, 6, 30), status="target", unit="USD",
                         change_value=400000000000, change_unit="VND",
                         change_baseline=dt.date(2024, 12, 31))
    report = ev.Report()
    ev.score_case(report, case, _extraction(found))
    scores = report.scores()
    assert scores["observations.f1"] == 1.0
    assert scores["observations.status_accuracy"] == 0.0
    assert scores["observations.boundaries_accuracy"] == 0.0
    assert scores["observations.unit_accuracy"] == 0.0
    assert scores["observations.as_of_field_accuracy"] == 1.0
    assert scores["observations.change_accuracy"] == 1.0  # a baseline one day off is the same edge
    assert "observations.period_accuracy" not in scores  # neither side gives a period


def test_a_period_is_compared_where_the_gold_gives_one(tmp_path: Path) -> None:
    flow = {**GOLD_OBSERVATION, "indicator": "lending_turnover", "as_of": None,
            "period_start": "2025-01-01", "period_end": "2025-06-30", "change_value": None,
            "change_unit": None, "change_baseline": None}
    case = _case(tmp_path, {"observations": [flow]})
    found = _observation(indicator="lending_turnover", boundaries="2025",
                         period_end=dt.date(2025, 6, 30))
    report = ev.Report()
    ev.score_case(report, case, _extraction(found))
    assert report.scores()["observations.period_accuracy"] == 0.0
    assert report.scores()["observations.as_of_accuracy"] == 1.0  # the old measure missed it


def test_equivalent_spellings_of_a_counted_noun_are_one_unit() -> None:
    assert ev.same_unit("laborers", "labourers") and ev.same_unit("workers", "labourers")
    assert not ev.same_unit("turns", "customers")


def test_a_figure_is_a_change_where_an_observation_says_so(tmp_path: Path) -> None:
    case = _case(tmp_path, {
        "figures": [{"text": "VND 5,000 billion", "kind": "money", "value": 5000000000000, "unit": "VND"},
                    {"text": "VND 400 billion", "kind": "money", "value": 400000000000, "unit": "VND"}],
        "observations": [GOLD_OBSERVATION]})
    figures = tuple(Figure(text=t, start=TEXT.index(t), end=TEXT.index(t) + len(t), kind="money",
                           value=Decimal(v), unit="VND", change=None)
                    for t, v in (("VND 5,000 billion", 5000000000000), ("VND 400 billion", 400000000000)))
    report = ev.Report()
    ev.score_case(report, case, _extraction(figures=figures))
    change = report.accuracy["figures.change_accuracy"]
    assert (change.right, change.total) == (0, 1)  # only the stated change is scored


def test_parts_are_scored_apart_only_where_the_gold_has_parts(tmp_path: Path) -> None:
    part = _observation(part_of="programme", value=1000000000000)
    total = _observation(boundaries="2025", as_of=dt.date(2025, 6, 30))
    with_parts = _case(tmp_path, {"observations": [GOLD_OBSERVATION], "parts": [
        {**GOLD_OBSERVATION, "value": 1000000000000, "part_of": "programme", "part": "job creation",
         "change_value": None, "change_unit": None, "change_baseline": None}]})
    report = ev.Report()
    ev.score_case(report, with_parts, _extraction(total, part))
    assert (report.observations.tp, report.observations.fp) == (1, 0)
    assert (report.parts.tp, report.parts_documents) == (1, 1)
    assert report.scores()["observations.parts.f1"] == 1.0

    without = ev.Report()
    ev.score_case(without, _case(tmp_path, {"observations": [GOLD_OBSERVATION]}), _extraction(total, part))
    assert without.observations.fp == 0 and "observations.parts.f1" not in without.scores()


def test_the_kind_of_a_matched_part_is_scored(tmp_path: Path) -> None:
    gold_part = {**GOLD_OBSERVATION, "value": 1000000000000, "part_of": "channel", "part": "Farmers' Union",
                 "change_value": None, "change_unit": None, "change_baseline": None}
    case = _case(tmp_path, {"observations": [GOLD_OBSERVATION], "parts": [gold_part]})
    right, wrong = ev.Report(), ev.Report()
    ev.score_case(right, case, _extraction(_observation(part_of="channel", value=1000000000000)))
    ev.score_case(wrong, case, _extraction(_observation(part_of="programme", value=1000000000000)))
    assert right.parts.tp == wrong.parts.tp == 1  # the value and indicator match either way
    assert right.scores()["observations.parts.kind_accuracy"] == 1.0
    assert wrong.scores()["observations.parts.kind_accuracy"] == 0.0


def test_the_gold_url_is_the_documents_source(tmp_path: Path) -> None:
    case = _case(tmp_path, {"url": "https://baonghean.vn/en/some-page.html"})
    assert ev.extract_case(case).document.source == "https://baonghean.vn/en/some-page.html"


def test_a_title_is_scored_where_the_gold_states_it(tmp_path: Path) -> None:
    report = ev.Report()
    ev.score_case(report, _case(tmp_path, {"title": "Another title"}), _extraction())
    assert report.scores()["title.accuracy"] == 0.0
    untitled = ev.Report()
    ev.score_case(untitled, _case(tmp_path, {}), _extraction())
    assert "title.accuracy" not in untitled.scores()


def test_html_and_pdf_gold_go_through_the_parser() -> None:
    cases = ev.read_gold(GOLD).cases
    html = next(c for c in cases if c.format == "html")
    pdf = next(c for c in cases if c.format == "pdf")
    assert ev.extract_case(html).document.content_type == "text/html"
    assert ev.extract_case(pdf).document.content_type == "application/pdf"
    assert {c.group for c in cases} == {"en", "vi", "html", "pdf"}


def test_load_gold_gives_plain_texts_unless_asked() -> None:
    assert all(c.format == "text" for c in ev.load_gold(GOLD))
    assert {c.format for c in ev.load_gold(GOLD, formats=("text", "html", "pdf"))} == {
        "text", "html", "pdf"}
    html = next(c for c in ev.load_gold(GOLD, formats=("html",)))
    with pytest.raises(ev.GoldError):
        html.text()


def test_a_misspelt_status_is_an_error_when_the_gold_loads(tmp_path: Path) -> None:
    with pytest.raises(ev.GoldError, match="status"):
        _case(tmp_path, {"observations": [{**GOLD_OBSERVATION, "status": "planned"}]})


# --- absent documents (corpus/real keeps its excerpts out of git) ------------------------------


def _real_set(tmp_path: Path, *, present: bool) -> Path:
    gold, texts = tmp_path / "gold", tmp_path / "texts"
    gold.mkdir()
    texts.mkdir()
    for name in ("r01_present", "r02_absent"):
        data = {"file": f"../texts/{name}.txt", "url": f"https://example.org/{name}",
                "language": "en", "figures": [], "observations": [], "parts": []}
        (gold / f"{name}.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    if present:
        (texts / "r01_present.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def test_absent_documents_are_named_and_the_rest_scored(tmp_path: Path) -> None:
    folder = _real_set(tmp_path, present=True)
    gold_set = ev.read_gold(folder)
    assert [c.name for c in gold_set.cases] == ["gold/r01_present"]
    assert [m.text_path.name for m in gold_set.missing] == ["r02_absent.txt"]
    result = runner.invoke(app, ["eval", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "r02_absent.txt" in result.stderr and "search tool" in result.stderr
    assert json.loads(result.stdout)["en"]["documents"] == 1


def test_eval_fails_when_no_document_is_present(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(_real_set(tmp_path, present=False))])
    assert result.exit_code == 1
    assert "r01_present.txt" in result.stderr and "corpus/real/texts" in result.stderr


def test_floors_are_never_pinned_on_a_partial_set(tmp_path: Path) -> None:
    folder = _real_set(tmp_path, present=True)
    result = runner.invoke(app, ["eval", str(folder), "--update-baseline"])
    assert result.exit_code == 1 and "r02_absent.txt" in result.stderr
    assert not (folder / "baseline.json").exists()


def test_eval_shows_the_attribute_accuracies() -> None:
    result = runner.invoke(app, ["eval", str(GOLD), "--lang", "vi"])
    assert result.exit_code == 0, result.output
    for metric in ("figures.unit_accuracy", "observations.status_accuracy",
                   "observations.boundaries_accuracy", "observations.period_accuracy",
                   "observations.change_accuracy"):
        assert metric in result.stdout


def test_eval_lists_part_misses_beside_observation_misses(tmp_path: Path) -> None:
    folder = _real_set(tmp_path, present=True)
    gold_file = folder / "gold" / "r01_present.yaml"
    data = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    data["parts"] = [{"indicator": "borrowers_outstanding", "province": "Nghệ An",
                      "value": 777, "unit": "households"}]
    gold_file.write_text(yaml.safe_dump(data), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(folder), "--errors", "50"])
    assert result.exit_code == 0, result.output
    assert "part miss: gold/r01_present: borrowers_outstanding Nghệ An 777" in result.stdout
