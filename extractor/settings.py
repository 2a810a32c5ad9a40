"""Settings declared once, as data: the CLI options, the docs and a test are all driven by ``SETTINGS``.

Each setting has a name, a default, the environment variable that overrides it and a help
line (datasette's ``SETTINGS = (Setting(name, default, help), …)``). An explicit value (a
command-line option) beats the environment, which beats the default.

The database defaults to ``vbsp.sqlite`` in the current directory rather than a platform data
directory: the table is a project artefact people pass around, open with ``sqlite3`` and
commit to analysis folders, so it should sit where the user works and be visible; tests and
CI never touch the home directory. Set ``VBSP_DB`` to keep one database for every folder.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Setting:
    """One setting: its name, default, overriding environment variable and help line."""

    name: str
    default: str | int | float
    env: str
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "vbsp.sqlite", "VBSP_DB", "SQLite database file holding the indicator table."),
    Setting("page_size", 50, "VBSP_PAGE_SIZE", "Rows per page when a query gives no limit."),
    Setting("max_page_size", 1000, "VBSP_MAX_PAGE_SIZE", "Largest page a query may ask for."),
    Setting(
        "query_time_limit_ms",
        1000,
        "VBSP_QUERY_TIME_LIMIT_MS",
        "Longest time one read query may run before it is stopped (web and API).",
    ),
    Setting(
        "html_max_elements",
        50_000,
        "VBSP_HTML_MAX_ELEMENTS",
        "Most HTML tags a page may have; a larger one is refused before it is read (an article "
        "page has a few thousand; each costs ~50 µs to read).",
    ),
    Setting(
        "document_max_chars",
        5_000_000,
        "VBSP_DOCUMENT_MAX_CHARS",
        "Most characters of text one document may have; a longer one is refused with a coded "
        "error and the batch goes on (0: no limit).",
    ),
    Setting(
        "document_time_limit",
        60.0,
        "VBSP_DOCUMENT_TIME_LIMIT",
        "Seconds the reading of one document may take; the text not read by then gives no "
        "records, the document is stored with a warning saying how far it was read, and "
        "assembling and linking what was read take about as long again (0: no limit).",
    ),
    Setting(
        "fetch_deadline",
        120.0,
        "VBSP_FETCH_DEADLINE",
        "Seconds one downloaded response may take in all (connect, headers and body); a server "
        "sending slower is given up and the crawl goes on to the next URL.",
    ),
)


def setting(name: str) -> Setting:
    """The declared setting called ``name`` (KeyError names the known ones)."""
    for item in SETTINGS:
        if item.name == name:
            return item
    raise KeyError(f"unknown setting {name!r}; known: {', '.join(s.name for s in SETTINGS)}")


def resolve(
    name: str, override: str | int | float | None = None, *, environ: Mapping[str, str] | None = None
) -> str | int | float:
    """The value in force: ``override``, else the environment variable, else the default."""
    item = setting(name)
    env = os.environ if environ is None else environ
    raw = override if override is not None else env.get(item.env) or None
    if raw is None:
        return item.default
    if isinstance(item.default, (int, float)):
        return type(item.default)(raw)
    return str(raw)


def db_path(override: str | Path | None = None, *, environ: Mapping[str, str] | None = None) -> Path:
    """The database file to open: ``--db``, else ``$VBSP_DB``, else ``./vbsp.sqlite``."""
    value = resolve("db", None if override is None else str(override), environ=environ)
    return Path(str(value)).expanduser()
