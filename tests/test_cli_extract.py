"""The `extract` and `eval` commands: the JSON contract, the table view, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli.output import JsonWriter

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "seeds" / "002_1cd5702d082a8530.txt"
runner = CliRunner()

CONTRACT = {
    "document": {"source", "title", "published", "language", "province"},
    "figures": {"kind", "text", "start", "end", "value", "unit", "qualifier", "sentence"},
    "dates": {"text", "start", "end", "value", "period_start", "period_end", "granularity"},
    "legal_refs": {"id", "text", "kind", "issuer", "issued", "start", "end"},
}


def test_files_alone_are_read_without_making_a_fetcher(monkeypatch: pytest.MonkeyPatch) -> None:
    """Making the HTTP client costs a tenth of a second: files need none."""
    import extractor.fetch

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a fetcher was made for files alone")

    monkeypatch.setattr(extractor.fetch, "Fetcher", refused)
    result = runner.invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["figures"]


def test_json_contract() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert CONTRACT["document"] <= set(data["document"])
    assert "text" not in data["document"]
    for key in ("figures", "dates", "legal_refs"):
        assert data[key] and all(CONTRACT[key] <= set(item) for item in data[key])
    assert isinstance(data["observations"], list)
    money = [f for f in data["figures"] if f["text"] == "13,625 billion VND"]
    assert money and money[0]["value"] == 13625000000000 and isinstance(money[0]["value"], int)


def test_published_option_resolves_partial_dates(tmp_path: Path) -> None:
    doc = tmp_path / "note.txt"
    doc.write_text("Title\nOn June 10, the branch disbursed VND 5 billion.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc), "--published", "2023-07-01"])
    assert json.loads(result.stdout)["dates"][0]["value"] == "2023-06-10"


def test_table_format_and_folders() -> None:
    result = runner.invoke(app, ["extract", str(SEED.parent), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "13,625,000,000,000" in result.stdout and "1560/QD-TTg" in result.stdout


def test_missing_file_is_a_clean_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert "nope.txt" in result.stderr and "Traceback" not in result.output + result.stderr


def test_a_long_path_in_an_error_stays_on_one_line(tmp_path: Path) -> None:
    missing = tmp_path / ("deep_folder_" * 12) / "nope.txt"
    result = runner.invoke(app, ["extract", str(missing)])
    assert result.exit_code == 1 and str(missing) in result.stderr


def test_table_format_does_not_read_scraped_text_as_markup(tmp_path: Path) -> None:
    doc = tmp_path / "[red]odd name.txt"
    doc.write_text("[bold]Loans[/bold] in [red]Nghe An :smile:\nLoans reached VND 7 billion.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc), "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "[bold]Loans[/bold] in [red]Nghe An :smile:" in result.stdout  # no markup, no emoji
    result = runner.invoke(app, ["extract", str(tmp_path / "[red]gone :smile:.txt")])
    assert result.exit_code == 1 and "[red]gone :smile:.txt" in result.stderr


def test_a_bad_file_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text("Title\nLoans reached VND 7 billion.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "a_empty.txt" in result.stderr
    assert json.loads(result.stdout)[0]["figures"][0]["value"] == 7000000000


def test_eval_prints_scores_per_kind() -> None:
    result = runner.invoke(app, ["eval", str(ROOT / "corpus" / "gold"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    for label in ("figures: money", "legal references", "dates: day-precise", "qualifier"):
        assert label in result.stdout


FIXTURES = ROOT / "corpus" / "fixtures"


def test_html_gives_the_same_contract_with_page_metadata() -> None:
    page = FIXTURES / "site" / "baotinh" / "ninh-binh-tin-dung-chinh-sach.html"
    data = json.loads(runner.invoke(app, ["extract", str(page)]).stdout)
    assert data["document"]["content_type"].startswith("text/html")
    assert data["document"]["title"] and data["document"]["published"]
    assert data["figures"] and all(CONTRACT["figures"] <= set(f) for f in data["figures"])


def test_pdf_figures_carry_their_page_and_box() -> None:
    pdf = FIXTURES / "pdf" / "bao-cao-tin-dung.pdf"
    result = runner.invoke(app, ["extract", str(pdf)])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)["figures"]
    assert figures and all(f["page"] >= 1 and len(f["bbox"]) == 4 for f in figures)


def test_json_to_a_file_or_pipe_is_written_as_is_each_document_as_it_is_read(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"{n}.txt").write_text(f"Title {n}\nLoans reached VND {n + 7} billion.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path)])
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert [d["figures"][0]["value"] for d in documents] == [7000000000, 8000000000, 9000000000]
    # No colour codes, and the layout of json.dumps(indent=2): what a program reading it expects.
    assert "\x1b[" not in result.stdout
    assert result.stdout == json.dumps(documents, ensure_ascii=False, indent=2) + "\n"


def test_json_writer_streams_an_array_and_writes_nothing_for_none(capsys: pytest.CaptureFixture[str]) -> None:
    writer = JsonWriter(array=True)
    writer.close()
    assert capsys.readouterr().out == ""
    items = [{"a": 1, "b": ["x", {"c": "đồng"}]}, {"a": 2}]
    writer = JsonWriter(array=True)
    for item in items:
        writer.write(item)
    writer.close()
    assert capsys.readouterr().out == json.dumps(items, ensure_ascii=False, indent=2) + "\n"
