"""What the user points the tools at: files, folders and URLs, expanded in a stable order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Literal

from extractor.errors import InputError
from extractor.models import Extraction

SUFFIXES = (".txt", ".html", ".htm", ".pdf")
LangOption = Literal["en", "vi", "auto"]


def is_url(target: str) -> bool:
    return target.startswith(("http://", "https://"))


def expand(targets: Sequence[str]) -> Iterator[str]:
    """Each URL and file as given, each folder as the readable files below it (sorted)."""
    for target in targets:
        path = Path(target)
        if is_url(target) or not path.is_dir():
            yield target
            continue
        found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        if not found:
            raise InputError(f"{target}: no .txt, .html or .pdf files in this folder",
                             hint="Point at a folder of documents, or at the files themselves.")
        yield from (str(p) for p in found)


def extract_target(target: str, *, lang: LangOption = "auto",
                   published: dt.date | None = None) -> Extraction:
    """Read one file or URL and extract its records (raises InputError/FetchError)."""
    from extractor.parse import extract_loaded, load_bytes, load_path

    if is_url(target):
        from extractor.fetch import Fetcher

        with Fetcher() as fetcher:
            response = fetcher.fetch(target)
        loaded = load_bytes(response.body, source=response.final_url,
                            content_type=response.content_type)
    else:
        loaded = load_path(target)
    if published is not None:
        loaded = loaded.model_copy(update={"published": published})
    return extract_loaded(loaded, lang=lang)
