"""Read Vietnam's social policy credit figures out of news and directives, with their sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from extractor.errors import ExtractorError

if TYPE_CHECKING:
    from extractor.models import DateMention, Document, Extraction, Figure, LegalRef, Observation

__all__ = [
    "DateMention",
    "Document",
    "Extraction",
    "ExtractorError",
    "Figure",
    "LegalRef",
    "Observation",
]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """The records, imported when first asked for: pydantic takes a tenth of a second to build
    them, which ``extractor --help`` need not wait for (``import extractor.cli`` imports this)."""
    if name in __all__:
        from extractor import models

        return getattr(models, name)
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
