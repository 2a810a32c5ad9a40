"""Ingesting files into the store and re-extracting stored documents from their raw bytes.

A batch never stops at a bad file: each file gets an outcome (new, unchanged, replaced,
reextracted or failed with its reason) and the caller shows progress from a callback.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from extractor.errors import ExtractorError, InputError
from extractor.models import Extraction
from extractor.parse import Loaded, load_bytes, load_path
from extractor.store.copies import link_copies
from extractor.store.write import save_extraction

OutcomeStatus = Literal["new", "unchanged", "replaced", "reextracted", "skipped", "failed"]
ExtractLoaded = Callable[[Loaded], Extraction]
SUFFIXES = frozenset({".txt", ".html", ".htm", ".pdf"})


@dataclass(frozen=True)
class Outcome:
    """What happened to one input."""

    path: str
    status: OutcomeStatus
    document_id: str | None = None
    reason: str = ""


@dataclass
class IngestReport:
    """Every outcome of a batch, with counts per status."""

    outcomes: list[Outcome] = field(default_factory=list)
    copies: list[tuple[str, str, float]] = field(default_factory=list)  # (copy, original, similarity)

    def counts(self) -> dict[str, int]:
        """How many inputs ended in each status (every status present, zero or not)."""
        found = Counter(o.status for o in self.outcomes)
        return {s: found.get(s, 0) for s in ("new", "unchanged", "replaced", "reextracted", "skipped", "failed")}

    @property
    def failures(self) -> list[Outcome]:
        """The inputs that failed, with their reasons."""
        return [o for o in self.outcomes if o.status == "failed"]


def default_extract() -> ExtractLoaded:
    """The parse stage's ``extract_loaded`` (imported late: spaCy is slow to load, queries skip it)."""
    from extractor.parse import extract_loaded

    return extract_loaded


def discover(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named, and .txt/.html/.pdf files inside folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def load_file(path: Path) -> Loaded:
    """Read one file with the parser; its source is the absolute path, so any cwd finds it again."""
    return load_path(path).model_copy(update={"source": str(path.resolve())})


def ingest_file(conn: sqlite3.Connection, path: Path, *, extract: ExtractLoaded) -> Outcome:
    """Load, extract and store one file; any problem becomes a failed outcome with its reason."""
    try:
        loaded = load_file(path)
        result = save_extraction(conn, extract(loaded), raw=loaded.raw)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return Outcome(str(path), "failed", reason=_reason(exc))
    return Outcome(str(path), result.status, result.document_id)


def _reason(exc: Exception) -> str:
    """A one-line reason for a failure (library errors carry their code; others their type)."""
    if isinstance(exc, ExtractorError):
        return f"[{exc.code}] {exc.message}"
    return f"{type(exc).__name__}: {exc}"


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Sequence[Path],
    *,
    extract: ExtractLoaded | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Ingest files and folders one document at a time (each in its own transaction)."""
    run = extract or default_extract()
    report = IngestReport()
    for path in discover(paths):
        outcome = ingest_file(conn, path, extract=run)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    fresh = [o.document_id for o in report.outcomes if o.status in ("new", "replaced") and o.document_id]
    report.copies = link_copies(conn, fresh)
    return report


def stored_documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Id, source, content type, publication date and raw bytes key of every stored document."""
    return conn.execute(
        "SELECT id, source, content_type, published, raw_sha256 FROM documents ORDER BY pk").fetchall()


def load_raw(conn: sqlite3.Connection, row: sqlite3.Row) -> Loaded:
    """A stored document parsed again, offline, from its raw bytes."""
    blob = conn.execute("SELECT content FROM raw_blobs WHERE sha256 = ?", (row["raw_sha256"],)).fetchone()
    if blob is None:
        raise InputError(f"document {row['id']}: raw bytes are missing", hint="Ingest the source again.")
    loaded = load_bytes(bytes(blob[0]), source=row["source"], content_type=row["content_type"])
    if loaded.published is None and row["published"]:
        # The date may have come from outside the bytes (a feed, HTTP headers): keep it.
        loaded = loaded.model_copy(update={"published": dt.date.fromisoformat(row["published"])})
    return loaded


def reextract(
    conn: sqlite3.Connection,
    *,
    extract: ExtractLoaded | None = None,
    document_ids: Iterable[str] | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Run extraction again on stored raw bytes (after the rules improve), replacing the records."""
    run, wanted = extract or default_extract(), set(document_ids or ())
    report = IngestReport()
    for row in stored_documents(conn):
        if wanted and row["id"] not in wanted:
            continue
        outcome = _reextract_one(conn, row, extract=run)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return report


def _reextract_one(conn: sqlite3.Connection, row: sqlite3.Row, *, extract: ExtractLoaded) -> Outcome:
    """Re-extract one stored document; failures leave its old records in place."""
    try:
        loaded = load_raw(conn, row)
        result = save_extraction(conn, extract(loaded), raw=loaded.raw, force=True)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return Outcome(row["source"], "failed", row["id"], reason=_reason(exc))
    return Outcome(row["source"], result.status, result.document_id)
