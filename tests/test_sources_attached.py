"""Sources stay attached to downloaded files (issue 14): ``extract FILE --source URL`` and
``ingest --manifest FILE`` read a saved page as the page it came from (its outlet names its
province), with the publication date and title the manifest gives. Written for this test."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from extractor.cli import app
from extractor.store import connect

ARTICLE = ("Tín dụng chính sách sáu tháng đầu năm\n"
           "Đến ngày 30/6/2024, tổng dư nợ của Ngân hàng Chính sách xã hội tỉnh đạt 5.120 tỷ đồng, "
           "với 98.400 khách hàng còn dư nợ.\n")
OUTLET = "https://baohatinh.vn/kinh-te/tin-dung-chinh-sach-123.html"
runner = CliRunner()


def _saved(folder: Path, name: str = "saved.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _provinces(result_json: str) -> set[str | None]:
    return {o["province"] for o in json.loads(result_json)["observations"]}


def test_extract_with_source_reads_the_outlet(tmp_path: Path) -> None:
    path = _saved(tmp_path)
    without = runner.invoke(app, ["extract", str(path)])
    with_source = runner.invoke(app, ["extract", str(path), "--source", OUTLET])
    assert without.exit_code == 0 and with_source.exit_code == 0, with_source.output
    assert _provinces(without.stdout) == {None}  # "the province", named nowhere: never guessed
    assert _provinces(with_source.stdout) == {"Hà Tĩnh"}
    document = json.loads(with_source.stdout)["document"]
    assert document["source"] == OUTLET and document["meta"]["file"] == str(path)


def test_extract_source_needs_one_file(tmp_path: Path) -> None:
    _saved(tmp_path, "a.txt"), _saved(tmp_path, "b.txt")
    result = runner.invoke(app, ["extract", str(tmp_path), "--source", OUTLET])
    assert result.exit_code == 1 and "one downloaded file" in result.output


def test_ingest_manifest_attaches_source_date_and_title(tmp_path: Path) -> None:
    _saved(tmp_path / "saved", "a.txt")
    (tmp_path / "saved" / "b.txt").write_text("Một trang không có số liệu về ngân hàng.\n", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,url,published,title\n"
                        f"saved/a.txt,{OUTLET},2024-07-10,Hà Tĩnh: tín dụng chính sách\n"
                        "saved/b.txt,,,\n", encoding="utf-8")
    db = tmp_path / "t.sqlite"
    result = runner.invoke(app, ["ingest", "--manifest", str(manifest), "--db", str(db)])
    assert result.exit_code == 0, result.output
    conn = connect(db)
    doc = conn.execute("SELECT source, published, title, meta FROM documents WHERE source = ?", (OUTLET,)).fetchone()
    assert doc is not None and doc["published"] == "2024-07-10"
    assert json.loads(doc["meta"])["file"].endswith("a.txt")
    provinces = {r[0] for r in conn.execute("SELECT province FROM observations")}
    assert provinces == {"Hà Tĩnh"}


def test_a_bad_manifest_names_its_rows(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text('{"path": "a.txt", "published": "yesterday"}\n{"url": "https://x.vn/a"}\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", "--manifest", str(manifest), "--db", str(tmp_path / "t.sqlite")])
    assert result.exit_code == 1
    assert f"{manifest}:1" in result.output and f"{manifest}:2" in result.output
