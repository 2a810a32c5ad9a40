"""The browser tests' shared set-up: the web app over the test corpus on loopback, and Debian's
Chromium driven by playwright (a test skips when either is missing)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from extractor.web import create_app
from extractor.web.server import background_server
from helpers.web_corpus import build_database

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@contextmanager
def served_corpus(folder: Path) -> Iterator[str]:
    """The web app over the web test corpus (built in ``folder``), served on 127.0.0.1; its URL."""
    db = build_database(folder / "web.sqlite")
    with background_server(create_app(db)) as url:
        yield url


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium; skips the calling test when Chromium or playwright is missing."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()
