"""What the user points the tools at: files, folders and URLs, expanded in a stable order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from extractor.errors import InputError
from extractor.models import Extraction
from extractor.sources import is_url, load_url

LangOption = Literal["en", "vi", "auto"]


def expand(targets: Sequence[str]) -> Iterator[str]:
    """Each URL and file as given, each folder as the readable files below it (sorted)."""
    from extractor.store.ingest import discover

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


def extract_target(target: str, *, lang: LangOption = "auto",
                   published: dt.date | None = None) -> Extraction:
    """Read one file or URL and extract its records (raises InputError/FetchError)."""
    from extractor.parse import extract_loaded, load_path

    loaded = load_url(target) if is_url(target) else load_path(target)
    if published is not None:
        loaded = loaded.model_copy(update={"published": published})
    return extract_loaded(loaded, lang=lang)
