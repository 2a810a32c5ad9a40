"""What ``extractor extract`` is pointed at: files, folders and URLs, expanded in a stable order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from extractor.errors import InputError
from extractor.fetch import Fetcher
from extractor.fetch.sources import is_url
from extractor.models import Extraction
from extractor.parse import load_path
from extractor.pipeline.batch import discover
from extractor.pipeline.budget import Budget
from extractor.pipeline.crawl import load_url
from extractor.pipeline.manifest import with_source
from extractor.pipeline.process import LangOption, process
from extractor.registry.bundle import Registry


def expand(targets: Sequence[str]) -> Iterator[str]:
    """Each URL and file as given, each folder as the readable files below it (sorted)."""
    for target in targets:
        path = Path(target)
        if is_url(target) or not path.is_dir():
            yield target
            continue
        found = list(discover([path]))
        if not found:
            raise InputError(f"{target}: no .txt, .html or .pdf files in this folder",
                             hint="Point at a folder of documents, or at the files themselves.")
        yield from (str(p) for p in found)


def extract_target(target: str, *, registry: Registry, lang: LangOption = "auto",
                   published: dt.date | None = None, source: str | None = None,
                   fetcher: Fetcher | None = None, budget: Budget | None = None) -> Extraction:
    """Read one file or URL and extract its records (raises InputError/FetchError). ``source``:
    the page a downloaded file came from, read as a fetched page's address (e.g. its outlet);
    ``fetcher``: the one polite fetcher a command's URLs share (else a default one per URL);
    ``budget``: how much of the document is read (``process``)."""
    if is_url(target):
        loaded = load_url(target, registry=registry, fetcher=fetcher)
    else:
        loaded = load_path(target, registry=registry)
    if published is not None:
        loaded = loaded.model_copy(update={"published": published})
    if source is not None and not is_url(target):
        loaded = with_source(loaded, url=source)
    return process(loaded, registry=registry, lang=lang, budget=budget)
