"""Issue 17: hostile and unlucky inputs give a record or a coded error, never a traceback.

Each test is the smallest input that failed: number typos (ValueError), a 37-byte broken page
(lxml's XMLSyntaxError), a page of a million tags (minutes and gigabytes), a search of a thousand
numbers or words (SQLite's "Expression tree is too large"), a file name that is not UTF-8
(UnicodeEncodeError), one bad byte in a UTF-8 article (rejected or misread), and formulas in the
CSV the query command writes.
"""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import InputError, TooLarge
from extractor.parse import load_bytes
from extractor.parse.html import parse_html
from extractor.pipeline import extract_text
from extractor.pipeline.batch import ingest_paths
from extractor.registry.bundle import bundled
from extractor.store import connect, save_extraction, search
from helpers.sites import SITE
from helpers.store import NGHE_AN, Fact, make_extraction

GOLD = Path(__file__).parent.parent / "corpus" / "gold"
ARTICLE = SITE / "baotinh" / "ninh-binh-tin-dung-chinh-sach.html"
runner = CliRunner()


# --- number typos -------------------------------------------------------------------------------

# Each raised ValueError (or, for a decimal mark between two kinds of separator, Decimal's error).
TYPOS = [("1,234,5 billion VND", "en"), ("VND2,8.5", "en"), ("VND2,8.5", "vi"), ("0,0,5đ", "vi"),
         ("1,2.345,6 tỷ đồng", "vi"), ("từ 1,2,3 đến 5 tỷ đồng", "vi")]


@pytest.mark.parametrize(("typo", "lang"), TYPOS)
def test_a_number_typo_gives_no_figure_rather_than_an_exception(typo: str, lang: str) -> None:
    extraction = extract_text(typo, lang=lang)
    typo_numbers = {t for t in typo.replace("VND", " ").replace("đ", " ").split() if "," in t}
    assert not any(n in f.text for f in extraction.figures for n in typo_numbers)


def test_a_typo_beside_a_sound_figure_keeps_the_sound_one() -> None:
    extraction = extract_text("Dư nợ đạt 1,234,5 tỷ đồng; cho vay mới 2.345 tỷ đồng.", lang="vi")
    assert [f.value for f in extraction.figures] == [2_345_000_000_000]


# --- HTML ---------------------------------------------------------------------------------------


def test_the_37_byte_broken_page_is_a_coded_error_naming_it() -> None:
    raw = b'<div class="story"><h3><l">></h3><p>T'
    assert len(raw) == 37
    with pytest.raises(InputError) as caught:
        load_bytes(raw, source="story.html", registry=bundled())
    assert "story.html" in str(caught.value) and caught.value.hint


def test_a_tag_xml_cannot_name_is_unwrapped_and_the_article_read() -> None:
    raw = ARTICLE.read_bytes().replace(b'<h1 class="detail-title">', b'<h1 class="detail-title"><l" x"y="1">', 1)
    assert b'<l"' in raw
    loaded = load_bytes(raw, source="article.html", registry=bundled())
    assert loaded.text == load_bytes(ARTICLE.read_bytes(), source="article.html", registry=bundled()).text


def test_a_page_of_a_million_tags_is_refused_before_it_is_read() -> None:
    raw = b"<html><body>" + b"<p>x</p>" * 1_000_000 + b"</body></html>"
    with pytest.raises(TooLarge) as caught:
        load_bytes(raw, source="huge.html", registry=bundled())
    assert "huge.html" in caught.value.message and "VBSP_HTML_MAX_ELEMENTS" in caught.value.hint


def test_the_tag_limit_is_a_setting() -> None:
    raw = ARTICLE.read_bytes()
    tags = raw.count(b"<") - raw.count(b"</") - raw.count(b"<!")
    rules = bundled().html
    assert parse_html(raw, source="a.html", rules=rules, max_elements=tags).text
    with pytest.raises(TooLarge):
        parse_html(raw, source="a.html", rules=rules, max_elements=tags - 1)


def test_the_tag_limit_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VBSP_HTML_MAX_ELEMENTS", "10")
    with pytest.raises(TooLarge):
        load_bytes(ARTICLE.read_bytes(), source="a.html", registry=bundled())


# --- search -------------------------------------------------------------------------------------


def words(count: int) -> str:
    """``count`` different words of letters only (digits after letters would read as numbers)."""
    return " ".join("w" + chr(97 + i % 26) + chr(97 + i // 26 % 26) + chr(97 + i // 676) for i in range(count))


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "t.sqlite")
    extraction, raw = make_extraction(NGHE_AN)
    save_extraction(conn, extraction, raw=raw)
    return conn


@pytest.mark.parametrize("query", [
    " ".join(f"{i}.5" for i in range(1000)),
    words(1000),
])
def test_a_search_of_a_thousand_terms_is_a_coded_error(conn: sqlite3.Connection, query: str) -> None:
    with pytest.raises(TooLarge) as caught:
        search(conn, query)
    assert "at most" in caught.value.message and caught.value.hint


def test_a_long_search_within_the_limit_runs(conn: sqlite3.Connection) -> None:
    query = "13.357 " + " ".join(f"{i}.5" for i in range(150)) + " " + words(150)
    assert search(conn, query).items == []
    assert search(conn, "13.357 tỷ").items


def test_the_search_command_reports_a_huge_search_without_a_traceback(tmp_path: Path, conn: sqlite3.Connection) -> None:
    result = runner.invoke(app, ["search", " ".join(f"{i}.5" for i in range(1000)), "--db", str(tmp_path / "t.sqlite")])
    assert result.exit_code == 1 and "E008" in result.stderr
    assert isinstance(result.exception, SystemExit)  # typer.Exit, not an escaped OperationalError


# --- file names ---------------------------------------------------------------------------------


@pytest.fixture()
def badly_named(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    path = Path(os.fsdecode(os.fsencode(folder) + b"/bad\xffname.txt"))
    try:
        path.write_bytes((GOLD / "vi" / "002_hung_yen_sau_hop_nhat.txt").read_bytes())
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    return folder


def test_a_file_name_that_is_not_utf8_is_ingested_and_stored_escaped(tmp_path: Path, badly_named: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    report = ingest_paths(conn, [badly_named], registry=bundled())
    assert report.counts()["new"] == 1 and not report.failures
    (source,) = [row[0] for row in conn.execute("SELECT source FROM documents")]
    assert source.endswith("bad\\xffname.txt")


def test_the_extract_command_prints_a_name_that_is_not_utf8(badly_named: Path) -> None:
    (path,) = badly_named.iterdir()
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0 and "bad\\\\xffname.txt" in result.stdout


# --- lenient decoding ---------------------------------------------------------------------------


def _with_bad_byte(raw: bytes) -> bytes:
    """``raw`` with one byte that is never valid UTF-8, between two lines."""
    cut = raw.index(b"\n", len(raw) // 2) + 1
    return raw[:cut] + b"\xff" + raw[cut:]


@pytest.mark.parametrize("name", ["vi/002_hung_yen_sau_hop_nhat.txt", "vi/005_quang_binh_quy_1_2018.txt"])
def test_a_utf8_text_with_one_bad_byte_is_read_with_a_warning(name: str) -> None:
    raw = (GOLD / name).read_bytes()
    loaded = load_bytes(_with_bad_byte(raw), source="a.txt", registry=bundled())
    clean = load_bytes(raw, source="a.txt", registry=bundled())
    assert loaded.text.replace("\ufffd", "") == clean.text
    assert loaded.warnings == ("a.txt: 1 byte not valid utf-8 replaced by U+FFFD",)


def test_a_utf8_page_with_bad_bytes_is_read_with_a_warning() -> None:
    raw = ARTICLE.read_bytes()
    loaded = load_bytes(_with_bad_byte(_with_bad_byte(raw)), source="a.html", registry=bundled())
    assert loaded.meta["encoding"] == "utf-8"
    assert loaded.warnings == ("a.html: 2 bytes not valid utf-8 replaced by U+FFFD",)
    assert loaded.text == load_bytes(raw, source="a.html", registry=bundled()).text


def test_the_warning_reaches_the_extraction() -> None:
    from extractor.pipeline.process import process

    raw = _with_bad_byte((GOLD / "vi" / "002_hung_yen_sau_hop_nhat.txt").read_bytes())
    extraction = process(load_bytes(raw, source="a.txt", registry=bundled()), registry=bundled())
    assert "a.txt: 1 byte not valid utf-8 replaced by U+FFFD" in extraction.warnings


def test_one_high_byte_in_ascii_is_a_legacy_letter_not_a_bad_byte() -> None:
    # Without multi-byte characters nothing says UTF-8: "caf\xe9" is windows-1252's "café".
    raw = b"The branch opened a caf\xe9 for the borrowers of the district and their families.\n"
    loaded = load_bytes(raw, source="a.txt", registry=bundled())
    assert "caf\u00e9" in loaded.text and not loaded.warnings


def test_a_legacy_encoding_is_still_detected_not_replaced() -> None:
    text = (GOLD / "vi" / "002_hung_yen_sau_hop_nhat.txt").read_text("utf-8")
    legacy = unicodedata.normalize("NFC", text).encode("cp1258", errors="ignore")
    assert legacy.decode("utf-8", errors="replace").count("\ufffd") > 100
    loaded = load_bytes(legacy, source="a.txt", registry=bundled())
    assert "\ufffd" not in loaded.text and not loaded.warnings


# --- CSV ----------------------------------------------------------------------------------------

FORMULA = Fact('=HYPERLINK("http://x.test","dư nợ") 13.357 tỷ đồng.', "13.357 tỷ đồng", "Nghệ An",
               "outstanding_loans", "13357000000000")


@pytest.mark.parametrize("command", [["query"], ["search", "13.357"]])
def test_the_cli_csv_defuses_formula_cells(tmp_path: Path, command: list[str]) -> None:
    conn = connect(tmp_path / "t.sqlite")
    extraction, raw = make_extraction(FORMULA)
    save_extraction(conn, extraction, raw=raw)
    conn.close()
    result = runner.invoke(app, [*command, "-f", "csv", "--db", str(tmp_path / "t.sqlite")])
    (row,) = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and row["sentence"].startswith("'=HYPERLINK")
