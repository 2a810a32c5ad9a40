"""Read Vietnam's social policy credit figures out of news and directives, with their sources."""

from extractor.errors import ExtractorError
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
