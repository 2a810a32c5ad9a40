"""Downloaded articles with their sources: a manifest of path, url, published and title.

A folder of saved pages loses what the web knew of them: where each came from (the outlet is
evidence of whose figures they are), when it was published, its title. A manifest keeps them:
CSV with a header row, or JSON Lines, one document per row::

    path,url,published,title
    saved/baonghean-123.html,https://baonghean.vn/…-123.html,2024-07-12,Nghệ An: …

``path`` is read relative to the manifest's folder; ``url`` becomes the document's source (its
file is kept in ``meta["file"]``); ``published`` (YYYY-MM-DD) and ``title`` fill what the document
does not state. Every bad row is reported as ``file:line``.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path

from pydantic import ValidationError

from extractor.errors import InputError
from extractor.parse import Loaded, load_path, path_source
from extractor.pipeline.batch import (
    ExtractLoaded,
    IngestReport,
    Job,
    Outcome,
    extractor_of,
    run_batch,
)
from extractor.registry.bundle import Registry
from extractor.registry.files import Strict, describe


class ManifestRow(Strict):
    """One document of a manifest."""

    path: str
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None


def read_manifest(path: Path) -> list[tuple[int, ManifestRow]]:
    """The rows of a CSV or JSON Lines manifest with their line numbers; InputError listing every
    bad row as ``file:line`` (the batch never starts on a manifest it cannot fully read)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc.strerror})", hint="Check the path.") from None
    raw = list(_jsonl_rows(text) if path.suffix.lower() in (".jsonl", ".ndjson") else _csv_rows(text))
    rows, problems = [], []
    for line, data in raw:
        try:
            rows.append((line, ManifestRow.model_validate(data)))
        except ValidationError as exc:
            problems.append(f"{path}:{line}: {describe(exc)}")
        except ValueError as exc:
            problems.append(f"{path}:{line}: {exc}")
    if problems:
        raise InputError("bad manifest rows:\n" + "\n".join(f"  {p}" for p in problems),
                         hint="Each row needs a path; url, published (YYYY-MM-DD) and title are optional.")
    return rows


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, str | None]]]:
    reader = csv.DictReader(text.splitlines())
    for row in reader:
        # Empty cells are absent values, not empty strings.
        yield reader.line_num, {k.strip(): (v.strip() or None) if v is not None else None
                                for k, v in row.items() if k is not None}


def _jsonl_rows(text: str) -> Iterator[tuple[int, object]]:
    for line, body in enumerate(text.splitlines(), start=1):
        if body.strip():
            try:
                yield line, json.loads(body)
            except json.JSONDecodeError as exc:
                raise ValueError(f"line {line}: invalid JSON ({exc.msg})") from None


def with_source(loaded: Loaded, *, url: str | None, published: dt.date | None = None,
                title: str | None = None) -> Loaded:
    """A loaded file read as the page it was downloaded from: ``url`` is its source (the file is
    kept in ``meta["file"]``); ``published`` and ``title`` fill what the document does not state."""
    update: dict[str, object] = {}
    if url:
        update["source"] = url
        update["meta"] = loaded.meta | {"file": loaded.source}
    if loaded.published is None and published is not None:
        update["published"] = published
    if not loaded.title and title:
        update["title"] = title
    return loaded.model_copy(update=update) if update else loaded


def load_row(file: Path, row: ManifestRow, *, registry: Registry) -> Loaded:
    """The file of a manifest row, read as the page it was downloaded from."""
    loaded = load_path(file, registry=registry).model_copy(update={"source": path_source(file.resolve())})
    return with_source(loaded, url=row.url, published=row.published, title=row.title)


def manifest_jobs(manifest: Path) -> Iterator[Job]:
    """A job per manifest row (a row whose file cannot be read fails alone)."""
    folder = manifest.parent
    for _, row in read_manifest(manifest):
        file = (folder / row.path) if not Path(row.path).is_absolute() else Path(row.path)
        yield Job(path_source(file), partial(load_row, file, row))


def ingest_manifest(conn: sqlite3.Connection, manifest: Path, *, registry: Registry,
                    extract: ExtractLoaded | None = None,
                    on_outcome: Callable[[Outcome], None] | None = None, workers: int = 1) -> IngestReport:
    """Ingest the downloaded articles a manifest lists, each with its source URL, date and title
    (the whole manifest is read, and every bad row reported, before the first document);
    ``workers``: as ``batch.run_batch``."""
    jobs = list(manifest_jobs(manifest))
    return run_batch(conn, jobs, registry=registry, extract=extractor_of(registry, extract),
                     on_outcome=on_outcome, workers=workers)
