"""The store commands through Typer's CliRunner: options, formats, errors, the real pipeline."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli.store_cmd import COMMANDS
from extractor.store import connect, save_extraction
from helpers.store import HA_NOI, NGHE_AN, NGHE_AN_EN, make_extraction, two_document_store

SEEDS = Path(__file__).parent.parent / "corpus" / "seeds"
QUERY_LIKE = ("query", "search", "table", "conflicts", "factcheck")
runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return two_document_store(tmp_path / "t.sqlite")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", [c.__name__ for c in COMMANDS])
def test_every_command_has_help_and_db(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "--db" in out and "VBSP_DB" in out
    if command in QUERY_LIKE:
        assert "--format" in out and "table" in out and "csv" in out and "json" in out


def test_query_json_and_csv(db: Path) -> None:
    code, out, _ = run("query", "--province", "Nghe An", "--format", "json", "--db", str(db))
    rows = json.loads(out)
    assert code == 0 and {r["value"] for r in rows} == {13357000000000}
    assert {r["sentence"] for r in rows} == {NGHE_AN.sentence, NGHE_AN_EN.sentence}
    code, out, _ = run("query", "--indicator", "overdue_debt_rate", "-f", "csv", "--db", str(db))
    assert [(r["value"], r["date"], r["obs_date"]) for r in csv.DictReader(io.StringIO(out))] == [
        ("0.14", "2024-06-30", "2024-06-30")]


def test_query_date_and_boundaries_filters(db: Path) -> None:
    code, out, _ = run("query", "--from", "2024-07-01", "-f", "json", "--db", str(db))
    assert code == 0 and json.loads(out) == []
    code, out, _ = run("query", "--boundaries", "pre-2025", "--to", "2024-06-30", "-f", "json", "--db", str(db))
    assert len(json.loads(out)) == 3
    code, _, err = run("query", "--from", "30/6/2024", "--db", str(db))
    assert code == 2 and "--from" in err


def test_env_var_chooses_the_database(db: Path) -> None:
    code, out, _ = run("table", "-f", "json", env={"VBSP_DB": str(db)})
    assert code == 0 and {c["province"] for c in json.loads(out)} == {"Nghệ An", "Hà Nội"}


def test_search_numbers_and_words(db: Path) -> None:
    code, out, _ = run("search", "13.357 tỷ", "-f", "json", "--db", str(db))
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = run("search", "ha noi", "-f", "csv", "--db", str(db))
    assert [r["sentence"] for r in csv.DictReader(io.StringIO(out))] == [HA_NOI.sentence]


def test_factcheck_gives_a_verdict_and_the_sources_of_each_figure(db: Path) -> None:
    code, out, _ = run("factcheck", "By June 30, 2024, outstanding loans in Nghe An reached VND 13,357 billion.",
                       "-f", "json", "--db", str(db))
    [row] = json.loads(out)
    assert code == 0 and row["verdict"] == "supported" and row["indicator"] == "outstanding_loans"
    assert len(row["observation_ids"]) == 2 and set(row["sources"]) == {"https://example.test/0", "https://example.test/1"}
    code, out, _ = run("factcheck", "By June 30, 2024, outstanding loans in Nghe An reached VND 13,000 billion.",
                       "-f", "json", "--db", str(db))
    [row] = json.loads(out)
    assert code == 0 and row["verdict"] == "different" and "13,357" in row["reason"]
    code, out, _ = run("factcheck", "Outstanding loans in Nghe An reached VND 13,357 billion.", "--db", str(db))
    assert code == 0 and "supported" in out


def test_table_output_does_not_read_scraped_text_as_markup(tmp_path: Path) -> None:
    from helpers.store import Fact

    path = tmp_path / "m.sqlite"
    evil = Fact("[bold red]Dư nợ[/] :fire: <script>x</script> đạt 5 đồng.", "5 đồng", "Hà Nội",
                "outstanding_loans", "5")
    extraction, raw = make_extraction(evil)
    save_extraction(connect(path), extraction, raw=raw)
    code, out, _ = run("query", "--db", str(path))
    assert code == 0 and "[bold red]Dư nợ[/] :fire:" in out  # no markup, no emoji


def test_conflicts_and_export(db: Path, tmp_path: Path) -> None:
    code, out, _ = run("conflicts", "-f", "json", "--db", str(db))
    assert code == 0 and json.loads(out) == []
    target = tmp_path / "out.parquet"
    code, _, err = run("export", "--format", "parquet", "--output", str(target), "--db", str(db))
    assert code == 0 and target.stat().st_size > 0 and "wrote 3" in err
    code, _, err = run("export", "--format", "parquet", "--db", str(db))
    assert code == 2 and "--output" in err


def test_errors_go_to_stderr_without_traceback(tmp_path: Path) -> None:
    code, out, err = run("table", "--db", str(tmp_path / "missing" / "x.sqlite"))
    assert code == 1 and "[E005]" in err and "Traceback" not in err + out
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"no database here" * 64)
    code, _, err = run("query", "--db", str(junk))
    assert code == 1 and "cannot open" in err


def test_ingest_seeds_twice_with_the_real_pipeline(tmp_path: Path) -> None:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("*.md"))
    (folder / "broken.pdf").write_bytes(b"not a pdf at all")
    path = str(tmp_path / "s.sqlite")
    code, out, err = run("ingest", str(folder), "--db", path)
    assert code == 0 and "3 new" in out and "1 failed" in out and "broken.pdf" in err, (out, err)
    code, out, err = run("ingest", str(folder), "--db", path)
    assert code == 0 and "3 unchanged" in out, (out, err)
    code, out, _ = run("query", "--province", "Nghệ An", "--indicator", "outstanding_loans", "-f", "json", "--db", path)
    assert [(r["value"], r["as_of"]) for r in json.loads(out)] == [(13357000000000, "2024-06-30")]
    code, out, _ = run("reextract", "--db", path)
    assert code == 0 and "3 reextracted" in out


def test_roll_up_with_the_gazetteer_mapping(tmp_path: Path) -> None:
    from helpers.store import Fact

    path = tmp_path / "r.sqlite"
    conn = connect(path)
    for i, old in enumerate(("Ninh Bình", "Hà Nam", "Nam Định")):
        fact = Fact(f"{old}: dư nợ {i + 1} đồng.", f"{i + 1} đồng", old, "outstanding_loans", str(i + 1),
                    date="2024-12-31")
        extraction, raw = make_extraction(fact, source=f"r{i}")
        save_extraction(conn, extraction, raw=raw)
    conn.close()
    code, out, _ = run("table", "--roll-up", "-f", "json", "--db", str(path))
    cells = json.loads(out)
    assert code == 0 and [(c["province"], c["value"], c["rolled_up"]) for c in cells] == [("Ninh Bình", 6, True)]
    code, out, _ = run("query", "--province", "ninh binh", "--roll-up", "-f", "json", "--db", str(path))
    rolled = [r for r in json.loads(out) if r["rolled_up"]]
    assert [(r["boundaries"], r["value"]) for r in rolled] == [("2025", 6)]
    assert "sum of Hà Nam + Nam Định + Ninh Bình" in rolled[0]["rules"]


def test_ingest_of_an_empty_folder_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    code, _, err = run("ingest", str(tmp_path / "empty"), "--db", str(tmp_path / "e.sqlite"))
    assert code == 1 and "no .txt" in err


def test_table_writes_a_date_column_on_screen_and_the_period_in_files(db: Path) -> None:
    code, shown, _ = run("table", "--db", str(db))
    assert code == 0 and "date" in shown.splitlines()[1] and "as_of" not in shown
    code, out, _ = run("table", "--db", str(db), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows and all(r["date"] == r["as_of"] and r["period_start"] == "" for r in rows)


def test_table_writes_an_open_period_as_an_interval(tmp_path: Path) -> None:
    """A total "since 2002" in an undated article: the screen shows the interval, files its ends."""
    extraction, raw = make_extraction(NGHE_AN)
    since = tuple(o.model_copy(update={"as_of": None, "period_start": dt.date(2002, 10, 4), "period_end": None})
                  for o in extraction.observations)
    db = tmp_path / "open.sqlite"
    save_extraction(connect(db), extraction.model_copy(update={"observations": since}), raw=raw)
    code, shown, _ = run("table", "--db", str(db))
    assert code == 0 and "2002-10-04/.." in shown
    code, out, _ = run("table", "--db", str(db), "--format", "csv")
    (row,) = csv.DictReader(io.StringIO(out))
    assert (row["date"], row["period_start"], row["period_end"]) == ("2002-10-04/..", "2002-10-04", "")
