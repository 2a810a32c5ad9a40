"""Ingesting files into the store and re-extracting stored documents from their raw bytes.

A batch never stops at a bad file: each file gets an outcome (new, unchanged, replaced,
reextracted or failed with its reason) and the caller shows progress from a callback.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol

from extractor.errors import InputError, UnsupportedFormat
from extractor.models import Extraction
from extractor.store.write import save_extraction

OutcomeStatus = Literal["new", "unchanged", "replaced", "reextracted", "failed"]


class Extract(Protocol):
    """The pipeline's entry point: ``extract_text(text, *, source, lang, published, raw)``."""

    def __call__(self, text: str, *, source: str, lang: str = ..., published: dt.date | None = ...,
                 raw: bytes | None = ...) -> Extraction: ...


@dataclass(frozen=True)
class Loaded:
    """A file read for extraction: clean text, metadata and the raw bytes kept for later."""

    text: str
    raw: bytes
    title: str | None = None
    published: dt.date | None = None
    content_type: str = "text/plain"


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

    def counts(self) -> dict[str, int]:
        """How many inputs ended in each status (every status present, zero or not)."""
        found = Counter(o.status for o in self.outcomes)
        return {s: found.get(s, 0) for s in ("new", "unchanged", "replaced", "reextracted", "failed")}

    @property
    def failures(self) -> list[Outcome]:
        """The inputs that failed, with their reasons."""
        return [o for o in self.outcomes if o.status == "failed"]


def default_extract() -> Extract:
    """The extraction pipeline (imported late: spaCy is slow to load and not needed to query)."""
    from extractor.nlp.pipeline import extract_text  # noqa: PLC0415

    return extract_text  # type: ignore[no-any-return]


def _parser_load_path() -> Callable[[Path], Any] | None:
    """``extractor.parse.load_path`` once the parse stage exists, else None (plain text only)."""
    try:
        from extractor.parse import load_path  # noqa: PLC0415
    except ImportError:
        return None
    return load_path  # type: ignore[no-any-return]


def supported_suffixes() -> frozenset[str]:
    """File types a folder is scanned for: text always, HTML and PDF once the parser exists."""
    return frozenset({".txt", ".html", ".htm", ".pdf"} if _parser_load_path() else {".txt"})


def discover(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named, and supported files inside folders named, in a stable order."""
    suffixes = supported_suffixes()
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)
        else:
            yield path


def load_file(path: Path) -> Loaded:
    """Read one file for extraction (via the parser when present, else as UTF-8 text)."""
    if not path.exists():
        raise InputError(f"{path}: no such file", hint="Check the path.")
    parser = _parser_load_path()
    if parser is not None:
        got = parser(path)
        return Loaded(text=got.text, raw=got.raw, title=getattr(got, "title", None),
                      published=getattr(got, "published", None),
                      content_type=getattr(got, "content_type", "text/plain"))
    if path.suffix.lower() != ".txt":
        raise UnsupportedFormat(f"{path}: only .txt files can be read until the HTML/PDF parser lands")
    return _plain_text(path.read_bytes(), name=str(path))


def _plain_text(raw: bytes, *, name: str) -> Loaded:
    """Raw bytes as UTF-8 text (a BOM is dropped); refuses empty or undecodable files."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})",
                         hint="Convert the file to UTF-8.") from exc
    if not text.strip():
        raise InputError(f"{name}: the file is empty", hint="Remove it or give a file with text.")
    return Loaded(text=text, raw=raw)


def extract_loaded(loaded: Loaded, *, source: str, extract: Extract) -> Extraction:
    """Run the pipeline on a loaded file, keeping the title and type the loader found."""
    extraction = extract(loaded.text, source=source, lang="auto", published=loaded.published, raw=loaded.raw)
    updates: dict[str, Any] = {"content_type": loaded.content_type}
    if loaded.title and not extraction.document.title:
        updates["title"] = loaded.title
    document = extraction.document.model_copy(update=updates)
    return extraction.model_copy(update={"document": document})


def ingest_file(conn: sqlite3.Connection, path: Path, *, extract: Extract) -> Outcome:
    """Load, extract and store one file; any problem becomes a failed outcome with its reason."""
    try:
        loaded = load_file(path)
        extraction = extract_loaded(loaded, source=str(path.resolve()), extract=extract)
        result = save_extraction(conn, extraction, raw=loaded.raw)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
        return Outcome(str(path), "failed", reason=_reason(exc))
    return Outcome(str(path), result.status, result.document_id)


def _reason(exc: Exception) -> str:
    """A one-line reason for a failure (library errors carry their code; others their type)."""
    from extractor.errors import ExtractorError  # noqa: PLC0415

    if isinstance(exc, ExtractorError):
        return f"[{exc.code}] {exc.message}"
    return f"{type(exc).__name__}: {exc}"


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Sequence[Path],
    *,
    extract: Extract | None = None,
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
    return report


def stored_documents(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """Id, source, content type, publication date and raw bytes key of every stored document."""
    return conn.execute(
        "SELECT id, source, content_type, published, raw_sha256 FROM documents ORDER BY pk").fetchall()


def load_raw(conn: sqlite3.Connection, row: sqlite3.Row) -> Loaded:
    """A stored document's raw bytes, parsed again offline (text directly, HTML/PDF via the parser)."""
    blob = conn.execute("SELECT content FROM raw_blobs WHERE sha256 = ?", (row["raw_sha256"],)).fetchone()
    if blob is None:
        raise InputError(f"document {row['id']}: raw bytes are missing", hint="Ingest the source again.")
    raw = bytes(blob[0])
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    if row["content_type"] == "text/plain" or _parser_load_path() is None:
        loaded = _plain_text(raw, name=row["source"])
    else:
        loaded = _parse_bytes(raw, content_type=row["content_type"])
    return Loaded(text=loaded.text, raw=raw, title=loaded.title, published=published,
                  content_type=row["content_type"])


def _parse_bytes(raw: bytes, *, content_type: str) -> Loaded:
    """Run the file parser on stored bytes through a temporary file of the right type."""
    suffix = ".pdf" if "pdf" in content_type else ".html"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"document{suffix}"
        path.write_bytes(raw)
        return load_file(path)


def reextract(
    conn: sqlite3.Connection,
    *,
    extract: Extract | None = None,
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


def _reextract_one(conn: sqlite3.Connection, row: sqlite3.Row, *, extract: Extract) -> Outcome:
    """Re-extract one stored document; failures leave its old records in place."""
    try:
        loaded = load_raw(conn, row)
        extraction = extract_loaded(loaded, source=row["source"], extract=extract)
        result = save_extraction(conn, extraction, raw=loaded.raw, force=True)
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return Outcome(row["source"], "failed", row["id"], reason=_reason(exc))
    return Outcome(row["source"], result.status, result.document_id)
