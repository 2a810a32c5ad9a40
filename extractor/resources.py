"""Where the bundled rules live: inside the installed package, or in a source checkout."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


@cache
def rules_dir() -> Path:
    """The rules folder: ``extractor/rules`` in a wheel, ``<checkout>/rules`` in a source tree."""
    packaged = Path(str(resources.files("extractor"))) / "rules"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "rules"
