"""Remembered ETag / Last-Modified per URL, so a re-crawl asks "changed since?"."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict


class Validators(BaseModel):
    """What a server told us about a URL's version last time."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None

    def headers(self) -> dict[str, str]:
        """The conditional request headers these validators allow."""
        out: dict[str, str] = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


class ValidatorCache(Protocol):
    """Anything that can remember validators by URL (the store implements this too)."""

    def get(self, url: str) -> Validators | None:
        """Validators remembered for ``url``, if any."""
        ...

    def put(self, url: str, validators: Validators) -> None:
        """Remember validators for ``url``."""
        ...


class MemoryCache:
    """A validator cache in a dict: enough for one run and for tests."""

    def __init__(self) -> None:
        self._data: dict[str, Validators] = {}
        self._lock = threading.Lock()

    def get(self, url: str) -> Validators | None:
        """Validators remembered for ``url``, if any."""
        with self._lock:
            return self._data.get(url)

    def put(self, url: str, validators: Validators) -> None:
        """Remember validators for ``url``."""
        with self._lock:
            self._data[url] = validators


class JsonFileCache(MemoryCache):
    """A validator cache persisted as one JSON file, rewritten atomically on each put."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = Path(path)
        if self.path.exists():
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            self._data = {url: Validators(**v) for url, v in raw.items()}

    def put(self, url: str, validators: Validators) -> None:
        """Remember validators for ``url`` and write the file."""
        super().put(url, validators)
        with self._lock:
            payload = {u: v.model_dump(exclude_none=True) for u, v in self._data.items()}
        tmp = self.path.with_suffix(self.path.suffix + ".tmp")
        tmp.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(self.path)
