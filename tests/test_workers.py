"""The batch's worker pool (``extractor.pipeline.workers``, ``--workers N``): documents read in
worker processes are stored as one process stores them, a bad or crashing document fails
alone, the command's budget reaches the workers, and the documents in flight stay bounded."""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.fetch import Fetcher
from extractor.models import Extraction
from extractor.parse import Loaded
from extractor.pipeline import process
from extractor.pipeline.batch import Job, file_jobs, ingest_paths, load_file, reextract, run_batch
from extractor.pipeline.budget import Budget
from extractor.pipeline.crawl import StoreValidators, ingest_sources, validators_path
from extractor.pipeline.workers import Pool, Read
from extractor.registry.bundle import bundled
from extractor.store import connect
from helpers.sites import Site, fixture_options
from helpers.store import Fact, doc_text, fake_extract_loaded
from helpers.workers import CRASH, crash_or_fake, stored_records

runner = CliRunner()
CORPUS = Path(__file__).resolve().parents[1] / "corpus"
GOLD, PAGES, PDFS = CORPUS / "gold", CORPUS / "fixtures" / "site" / "baotinh", CORPUS / "fixtures" / "pdf"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Gold texts and pages of both languages, fixture PDFs, and a republished copy of one."""
    folder = tmp_path_factory.mktemp("pages")
    chosen = [*sorted(GOLD.glob("en/*.txt"))[:2], *sorted(GOLD.glob("vi/*.txt"))[:2],
              *sorted(PAGES.glob("*.html"))[:2], *sorted(PDFS.glob("*.pdf"))[:2]]
    for path in chosen:
        shutil.copy(path, folder / path.name)
    first = chosen[0]
    (folder / f"copy-of-{first.name}").write_text(first.read_text(encoding="utf-8") + "\nRepublished.\n",
                                                  encoding="utf-8")
    return folder


def _facts(n: int) -> list[str]:
    return [doc_text(Fact(f"Loans in province {i} reached 12 billion.", "12 billion", "Nghệ An",
                          "outstanding_loans", str(12_000_000_000 + i))) for i in range(n)]


def _folder(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_two_workers_store_what_one_stores(tmp_path: Path, pages: Path) -> None:
    registry = bundled()
    one, two = connect(tmp_path / "one.sqlite"), connect(tmp_path / "two.sqlite")
    first = ingest_paths(one, [pages], registry=registry, workers=1)
    second = ingest_paths(two, [pages], registry=registry, workers=2)
    assert first.counts() == second.counts() and first.counts()["new"] == len(list(pages.iterdir()))
    assert sorted(o.path for o in first.outcomes) == sorted(o.path for o in second.outcomes)
    assert len(first.copies) == len(second.copies) >= 1  # the republished copy is linked either way
    assert stored_records(one) == stored_records(two)


def test_reextract_with_two_workers_stores_what_one_stores(tmp_path: Path, pages: Path) -> None:
    registry = bundled()
    conn = connect(tmp_path / "db.sqlite")
    ingest_paths(conn, [pages], registry=registry, workers=1)
    before = stored_records(conn)
    report = reextract(conn, registry=registry, workers=2)
    assert report.counts()["reextracted"] == len(list(pages.iterdir()))
    assert stored_records(conn) == before


def test_a_crawl_with_two_workers_stores_what_one_stores(site: Site, tmp_path: Path) -> None:
    snapshots = []
    for workers in (1, 2):
        path = tmp_path / f"crawl-{workers}.sqlite"
        conn = connect(path)
        with Fetcher(fixture_options(), cache=StoreValidators(conn, validators_path(path)),
                     sleep=lambda _: None) as fetcher:
            report = ingest_sources(conn, [site.url("/sitemap.xml"), site.url("/aggregator/rss.xml")],
                                    registry=bundled(), fetcher=fetcher, workers=workers)
        snapshots.append((report.counts(), stored_records(conn)))
    assert snapshots[0][0]["new"] >= 5
    assert snapshots[0] == snapshots[1]


def test_a_failing_document_fails_alone_with_its_reason(tmp_path: Path) -> None:
    texts = dict(zip(("a.txt", "b.txt", "c.txt"), _facts(3), strict=True)) | {"bad.txt": "FAIL here\n"}
    folder = _folder(tmp_path, texts)
    reports = [ingest_paths(connect(tmp_path / f"{n}.sqlite"), [folder], registry=bundled(),
                            extract=fake_extract_loaded, workers=n) for n in (1, 2)]
    assert reports[0].counts() == reports[1].counts() == reports[0].counts() | {"new": 3, "failed": 1}
    assert [f.reason for f in reports[0].failures] == [f.reason for f in reports[1].failures]


def test_a_worker_that_dies_fails_only_its_document(tmp_path: Path) -> None:
    # The batch's first document too: no document is read by the process that stores them.
    texts = dict(zip("abcdef", _facts(6), strict=True))
    texts = {f"{k}.txt": v for k, v in texts.items()} | {"0-first.txt": f"{CRASH}\n", "e2.txt": f"{CRASH}\n"}
    conn, before = connect(tmp_path / "db.sqlite"), set(multiprocessing.active_children())
    report = ingest_paths(conn, [_folder(tmp_path, texts)], registry=bundled(), extract=crash_or_fake,
                          workers=2)
    assert report.counts()["new"] == 6
    assert sorted(Path(f.path).name for f in report.failures) == ["0-first.txt", "e2.txt"]
    assert all(f.reason.startswith("[E009]") and "exit code 3" in f.reason for f in report.failures)
    assert set(multiprocessing.active_children()) <= before  # every worker, replaced ones too, ended


def test_the_command_line_budget_reaches_the_workers(tmp_path: Path, pages: Path) -> None:
    db = tmp_path / "db.sqlite"
    result = runner.invoke(app, ["ingest", str(pages), "--db", str(db), "--workers", "2", "--max-chars", "100"])
    assert "Traceback" not in result.output
    assert result.output.count("[E008]") == len(list(pages.iterdir()))
    assert "--workers" in runner.invoke(app, ["reextract", "--help"]).output


def test_a_single_document_is_read_in_this_process(tmp_path: Path) -> None:
    readers = []

    def extract(loaded: Loaded) -> Extraction:
        readers.append(os.getpid())  # a worker appends to its own copy of the list
        return fake_extract_loaded(loaded)

    folder = _folder(tmp_path, {"a.txt": _facts(1)[0]})
    report = ingest_paths(connect(tmp_path / "db.sqlite"), [folder], registry=bundled(), extract=extract, workers=2)
    assert report.counts()["new"] == 1 and readers == [os.getpid()]


def test_documents_in_flight_never_exceed_the_workers(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {f"{i:02}.txt": text for i, text in enumerate(_facts(12))})
    taken, stored, in_flight = [0], [0], []

    def counted(jobs: Iterator[Job]) -> Iterator[Job]:
        for job in jobs:
            taken[0] += 1
            in_flight.append(taken[0] - stored[0])
            yield job

    def on_outcome(_: object) -> None:
        stored[0] += 1

    report = run_batch(connect(tmp_path / "db.sqlite"), counted(file_jobs([folder])), registry=bundled(),
                       extract=fake_extract_loaded, on_outcome=on_outcome, workers=3)
    assert report.counts()["new"] == 12
    # One in each worker, and at most one read by each but not yet stored: never more.
    assert 3 <= max(in_flight) <= 2 * 3


def test_an_interrupted_batch_ends_its_workers_and_keeps_what_it_stored(tmp_path: Path) -> None:
    folder = _folder(tmp_path, {f"{i:02}.txt": text for i, text in enumerate(_facts(8))})
    conn, before = connect(tmp_path / "db.sqlite"), set(multiprocessing.active_children())

    def interrupt(_: object) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest_paths(conn, [folder], registry=bundled(), extract=fake_extract_loaded, on_outcome=interrupt,
                     workers=2)
    assert set(multiprocessing.active_children()) <= before
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1


def test_spawned_workers_read_as_this_process_reads(tmp_path: Path, pages: Path) -> None:
    registry, one = bundled(), sorted(pages.glob("*.txt"))[0]
    extract = partial(process, registry=registry, budget=Budget(max_chars=10_000_000, seconds=0))
    with Pool(1, registry=registry, extract=extract, method="spawn") as pool:
        [(_, result)] = list(pool.results(file_jobs([one])))
    assert isinstance(result, Read)
    here = extract(load_file(one, registry=registry))
    assert result.extraction == here and result.extraction.observations
