"""Many documents into the store: each loaded, processed and saved, each with an outcome.

Every command that stores documents runs ``run_batch`` over ``Job``s (a label and a way to load
the document): ``ingest`` of files and folders, of crawled pages (``pipeline.crawl``), of URLs
from the web's form, and ``reextract`` of stored raw bytes. A bad document becomes a failed
outcome with its reason and the batch goes on; whatever was stored before stays. With
``workers`` above one the fetch-free stages (parse, extract, link) run in worker processes
(``pipeline.workers``) and this process stays the one writer of the store. A document's
near-duplicate links (a story republished elsewhere) are settled in the transaction that stores
it, so a killed batch, a rerun or two batches at once leave the links one clean run would; a
batch first links documents kept without them (by an older version), and ``reextract`` ends by
settling every link again (``extractor.store.copies``).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal, Protocol

from extractor.errors import ExtractorError, InputError
from extractor.models import Extraction
from extractor.parse import Loaded, load_bytes, load_path, path_source
from extractor.pipeline.process import process
from extractor.registry.bundle import Registry
from extractor.store.copies import Link, link_copies, links_of, repair_copies
from extractor.store.db import transaction
from extractor.store.documents import raw_bytes, stored_documents
from extractor.store.prepared import Prepared
from extractor.store.reasons import prune as prune_reasons
from extractor.store.write import save_extraction

ExtractLoaded = Callable[[Loaded], Extraction]
OutcomeStatus = Literal["new", "unchanged", "replaced", "reextracted", "skipped", "failed"]
STATUSES: tuple[OutcomeStatus, ...] = ("new", "unchanged", "replaced", "reextracted", "skipped", "failed")
SUFFIXES = frozenset({".txt", ".html", ".htm", ".pdf"})


@dataclass(frozen=True)
class Outcome:
    """What happened to one input."""

    path: str
    status: OutcomeStatus
    document_id: str | None = None
    reason: str = ""
    copies: tuple[Link, ...] = ()  # near-duplicate links recorded while storing it


@dataclass
class IngestReport:
    """Every outcome of a batch, with counts per status."""

    outcomes: list[Outcome] = field(default_factory=list)
    copies: list[Link] = field(default_factory=list)  # the links the batch recorded, as they ended

    def counts(self) -> dict[str, int]:
        """How many inputs ended in each status (every status present, zero or not)."""
        found = Counter(o.status for o in self.outcomes)
        return {s: found.get(s, 0) for s in STATUSES}

    @property
    def failures(self) -> list[Outcome]:
        """The inputs that failed, with their reasons."""
        return [o for o in self.outcomes if o.status == "failed"]


class Reader(Protocol):
    """How a job's document is loaded with the rules in force: a picklable recipe (a partial of
    a module-level function over paths or bytes) so that a worker process can run it."""

    def __call__(self, *, registry: Registry) -> Loaded: ...


@dataclass(frozen=True)
class Job:
    """One document to store: a label for the outcome, how to load it, and whether to replace
    the records of a document already held (``reextract``). ``done`` is an outcome decided
    without loading (a page not modified since the last crawl, a robots.txt refusal)."""

    label: str
    load: Reader | None = None
    force: bool = False
    document_id: str | None = None
    done: Outcome | None = None


def store_document(conn: sqlite3.Connection, job: Job, *, registry: Registry,
                   extract: ExtractLoaded) -> Outcome:
    """Load, extract and save one document; any problem becomes a failed outcome."""
    if job.done is not None:
        return job.done
    assert job.load is not None, "a job loads its document unless its outcome is decided"
    try:
        loaded = job.load(registry=registry)
        saved = save_extraction(conn, extract(loaded), raw=loaded.raw, force=job.force)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return failed(job, exc)
    return Outcome(job.label, saved.status, saved.document_id, copies=saved.copies)


def save_read(conn: sqlite3.Connection, job: Job, extraction: Extraction, raw: bytes, *,
              prepared: Prepared | None = None) -> Outcome:
    """Save a document a worker read (``pipeline.workers``, with what it ``prepared`` for the
    store); a failure to save is its outcome."""
    try:
        saved = save_extraction(conn, extraction, raw=raw, force=job.force, prepared=prepared)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return failed(job, exc)
    return Outcome(job.label, saved.status, saved.document_id, copies=saved.copies)


def failed(job: Job, exc: Exception) -> Outcome:
    """The outcome of a job that failed with ``exc``."""
    return Outcome(job.label, "failed", job.document_id, reason=reason(exc))


def reason(exc: Exception) -> str:
    """A one-line reason for a failure (library errors carry their code; others their type)."""
    if isinstance(exc, ExtractorError):
        return f"[{exc.code}] {exc.message}"
    return f"{type(exc).__name__}: {exc}"


def extractor_of(registry: Registry, extract: ExtractLoaded | None = None) -> ExtractLoaded:
    """``extract`` when given (tests stand in for the stages), else the pipeline's ``process``."""
    return extract or partial(process, registry=registry)


def run_batch(conn: sqlite3.Connection, jobs: Iterable[Job], *, registry: Registry, extract: ExtractLoaded,
              on_outcome: Callable[[Outcome], None] | None = None, workers: int = 1) -> IngestReport:
    """Link stored documents that lack their links, then store every job's document, each with
    its links in its own transaction, in the order the documents are read. ``workers`` above
    one reads them in that many processes (``pipeline.workers``); one reads them here."""
    report = IngestReport()
    recorded = link_copies(conn)
    for outcome in outcomes(conn, jobs, registry=registry, extract=extract, workers=workers):
        report.outcomes.append(outcome)
        recorded.extend(outcome.copies)
        if on_outcome:
            on_outcome(outcome)
    report.copies = links_of(conn, (copy for copy, _, _ in recorded))
    return report


def outcomes(conn: sqlite3.Connection, jobs: Iterable[Job], *, registry: Registry, extract: ExtractLoaded,
             workers: int) -> Iterator[Outcome]:
    """Each job's outcome once its document is stored: in this process, or read by a pool of
    ``workers`` processes (no more than the jobs, when they are counted) and stored here as
    each is done."""
    if isinstance(jobs, Sized):
        workers = min(workers, len(jobs))
    if workers <= 1:
        return (store_document(conn, job, registry=registry, extract=extract) for job in jobs)
    from extractor.pipeline.workers import pooled_outcomes  # multiprocessing only when asked for

    return pooled_outcomes(conn, jobs, registry=registry, extract=extract, workers=workers)


# --- files and folders -------------------------------------------------------------------------


def discover(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named, and .txt/.html/.pdf files inside folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def load_file(path: Path, *, registry: Registry) -> Loaded:
    """Read one file with the parser; its source is the absolute path, so any cwd finds it again."""
    return load_path(path, registry=registry).model_copy(update={"source": path_source(path.resolve())})


def file_jobs(paths: Sequence[Path]) -> Iterator[Job]:
    """A job per file found under ``paths``."""
    for path in discover(paths):
        yield Job(path_source(path), partial(load_file, path))


def ingest_paths(conn: sqlite3.Connection, paths: Sequence[Path], *, registry: Registry,
                 extract: ExtractLoaded | None = None,
                 on_outcome: Callable[[Outcome], None] | None = None, workers: int = 1) -> IngestReport:
    """Ingest files and folders (read by ``workers`` processes when more than one)."""
    return run_batch(conn, list(file_jobs(paths)), registry=registry, extract=extractor_of(registry, extract),
                     on_outcome=on_outcome, workers=workers)


# --- stored documents ----------------------------------------------------------------------------


def load_stored(raw: bytes, *, source: str, content_type: str | None, published: str | None,
                registry: Registry) -> Loaded:
    """A stored document parsed again, offline, from its raw bytes."""
    loaded = load_bytes(raw, source=source, content_type=content_type, registry=registry)
    if loaded.published is None and published:
        # The date may have come from outside the bytes (a feed, HTTP headers): keep it.
        loaded = loaded.model_copy(update={"published": dt.date.fromisoformat(published)})
    return loaded


def stored_job(conn: sqlite3.Connection, row: sqlite3.Row) -> Job:
    """The job of reading a stored document again: its raw bytes are read here, when the batch
    takes the job (the store has one reader and writer), and parsed by whoever runs the job."""
    raw = raw_bytes(conn, row["raw_sha256"])
    if raw is None:
        missing = InputError(f"document {row['id']}: raw bytes are missing", hint="Ingest the source again.")
        return Job(row["source"], done=Outcome(row["source"], "failed", row["id"], reason=reason(missing)))
    load = partial(load_stored, raw, source=row["source"], content_type=row["content_type"],
                   published=row["published"])
    return Job(row["source"], load, force=True, document_id=row["id"])


def reextract(conn: sqlite3.Connection, *, registry: Registry,
              document_ids: Iterable[str] | None = None, extract: ExtractLoaded | None = None,
              on_outcome: Callable[[Outcome], None] | None = None, workers: int = 1) -> IngestReport:
    """Run extraction again on stored raw bytes (after the rules improve), replacing the records;
    a document that fails keeps its old records. Every near-duplicate link is settled again at
    the end, so lost or stale links are repaired, and the reasons only replaced observations
    named are removed. ``workers``: as ``run_batch``."""
    wanted = set(document_ids or ())
    jobs = (stored_job(conn, row) for row in stored_documents(conn) if not wanted or row["id"] in wanted)
    report = run_batch(conn, jobs, registry=registry, extract=extractor_of(registry, extract),
                       on_outcome=on_outcome, workers=workers)
    repaired = repair_copies(conn)
    report.copies = links_of(conn, (copy for copy, _, _ in [*report.copies, *repaired]))
    with transaction(conn):
        prune_reasons(conn)  # the words the replaced observations quoted
    return report
