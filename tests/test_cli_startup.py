"""Fast start: what each command imports, and how long tables print.

The query commands read the store and print: they must not wait for the libraries of the other
stages (spaCy, dateparser, datasketch and scipy, trafilatura, the PDF readers, the web app),
which cost seconds at start-up. Each command runs in a fresh interpreter here and reports the
modules it loaded; no time is measured (``bench/startup.py`` does, against a baseline).
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli.plain import RICH_ROWS, write_plain
from extractor.store import connect, save_extraction
from helpers.store import Fact, make_extraction, two_document_store

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("spacy", "dateparser", "datasketch", "scipy", "numpy", "trafilatura", "pdfplumber", "pypdfium2",
         "fastapi", "starlette", "uvicorn", "extractor.web.app", "extractor.pipeline", "extractor.nlp.engine")
WEB_APP = ("fastapi", "starlette", "uvicorn", "extractor.web.app", "extractor.web.pages")
# Runs the command as `extractor` does, then names the listed modules it loaded, on stderr.
PROBE = """
import json, sys
from extractor.cli import app
watched = json.loads(sys.argv[1])
try:
    app(sys.argv[2:], prog_name="extractor")
except SystemExit:
    pass
sys.stderr.write("LOADED " + json.dumps([m for m in watched if m in sys.modules]) + "\\n")
"""
runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return two_document_store(tmp_path / "t.sqlite")


def loaded(args: list[str], watched: tuple[str, ...]) -> list[str]:
    """The ``watched`` modules a fresh interpreter has loaded after running ``extractor ARGS``."""
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(watched), *args], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=300)
    line = next(x for x in done.stderr.splitlines() if x.startswith("LOADED "))
    return list(json.loads(line.removeprefix("LOADED ")))


@pytest.mark.parametrize("args", [["--help"], ["search", "du no Nghe An"], ["search", "13.357 tỷ"],
                                  ["query", "--province", "Nghe An"], ["table"], ["table", "--format", "csv"]],
                         ids=" ".join)
def test_query_commands_load_no_other_stage(args: list[str], db: Path) -> None:
    assert loaded([*args, *(["--db", str(db)] if args != ["--help"] else [])], HEAVY) == []


@pytest.mark.parametrize("args", [["search", "du no Nghe An"], ["query", "--province", "Nghe An"], ["table"]],
                         ids=" ".join)
def test_query_commands_load_neither_the_writer_nor_the_rule_patterns(args: list[str], db: Path) -> None:
    """The store's modules load as their names are asked for (``extractor.store.__getattr__``), and a
    query with no number reads no rule file at all."""
    watched = ("extractor.store.write", "extractor.store.copies", "extractor.nlp.rules", "yaml")
    assert loaded([*args, "--db", str(db)], watched) == []


def test_a_search_with_a_number_reads_its_words_not_the_patterns(db: Path) -> None:
    got = loaded(["search", "13.357 tỷ", "--db", str(db)], ("extractor.nlp.rules", "extractor.registry.words"))
    assert got == ["extractor.registry.words"]


def test_help_loads_neither_pydantic_nor_the_store() -> None:
    assert loaded(["--help"], ("pydantic", "extractor.models", "extractor.store", "yaml")) == []


@pytest.mark.parametrize("args", [["--help"], ["search", "--help"], ["table", "--help"]], ids=" ".join)
def test_help_is_written_without_rich(args: list[str]) -> None:
    """Help is click's plain text: typer's rich help loaded rich and markdown-it, half of ``--help``'s time."""
    assert loaded(args, ("typer.rich_utils", "rich.console", "markdown_it")) == []


@pytest.mark.parametrize("args", [["table", "--format", "csv"], ["query", "--format", "json"]], ids=" ".join)
def test_csv_and_json_load_no_console(args: list[str], db: Path) -> None:
    assert loaded([*args, "--db", str(db)], ("rich.console",)) == []


def test_the_stores_public_names_are_those_of_its_modules() -> None:
    import importlib

    import extractor.store as store

    assert sorted(store._HOMES) == sorted(store.__all__)
    for name, home in store._HOMES.items():
        assert getattr(store, name) is getattr(importlib.import_module(f"extractor.store.{home}"), name)
    with pytest.raises(AttributeError):
        store.no_such_name  # noqa: B018


@pytest.mark.slow  # loads the rules and spaCy in a child process
def test_factcheck_loads_the_pipeline_not_the_web_app(db: Path) -> None:
    got = loaded(["factcheck", "Tổng dư nợ của Nghệ An đạt 13.357 tỷ đồng.", "--db", str(db)],
                 (*WEB_APP, "extractor.pipeline"))
    assert got == ["extractor.pipeline"]


# ---- long tables ---------------------------------------------------------------------------------

def _db_with(tmp_path: Path, count: int) -> Path:
    """A database of ``count`` Nghệ An observations, each its own value (one row each in ``query``)."""
    facts = [Fact(f"Tổng dư nợ đạt {1000 + i} tỷ đồng.", f"{1000 + i} tỷ đồng", "Nghệ An", "outstanding_loans",
                  f"{1000 + i}000000000") for i in range(count)]
    path = tmp_path / f"{count}.sqlite"
    conn = connect(path)
    extraction, raw = make_extraction(*facts)
    save_extraction(conn, extraction, raw=raw)
    conn.close()
    return path


def _query(db: Path) -> list[str]:
    """The lines ``extractor query`` prints for every row of ``db``."""
    result = runner.invoke(app, ["query", "--province", "Nghe An", "--limit", "1000", "--db", str(db)])
    assert result.exit_code == 0
    return result.stdout.splitlines()


def test_a_long_table_prints_as_plain_aligned_text(tmp_path: Path) -> None:
    lines = _query(_db_with(tmp_path, RICH_ROWS + 1))
    header, rule, rows = lines[0], lines[1], lines[2:]
    assert header.split() == ["id", "province", "boundaries", "indicator", "value", "unit", "qualifier",
                              "date", "status", "document_id", "sentence"]
    assert set(rule) == {"─", " "} and len(rows) == RICH_ROWS + 1
    starts = [0, *(m.start() for m in re.finditer(r"(?<=  )\S", header))]
    for row in rows:  # each column starts where its header does
        assert all(row[s - 2:s] == "  " and row[s] != " " for s in starts[1:-1])
    value = starts[header.split().index("value")]
    assert {row[value:].split()[0] for row in rows} == {f"{1000 + i}000000000" for i in range(RICH_ROWS + 1)}


def test_a_short_table_stays_a_rich_table(tmp_path: Path) -> None:
    lines = _query(_db_with(tmp_path, 3))
    assert lines[0].startswith("┏") and sum(line.startswith("│") for line in lines) == 3


def test_plain_cells_hold_no_control_characters() -> None:
    out = io.StringIO()
    write_plain([["a\x1b[31mred\nline", "x"]], ["sentence", "v"], out, title="t\r")
    assert out.getvalue().splitlines() == ["t", "sentence        v", "──────────────  ─", "a [31mred line  x"]
