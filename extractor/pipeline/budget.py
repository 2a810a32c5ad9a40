"""How much of one document the pipeline reads: a budget of characters and of seconds.

Extraction costs time and memory in proportion to a document's text (about 0.3 CPU seconds
per 100 kB here), so one huge or pathological document must not hold up a batch. A
text over ``max_chars`` is refused before it is read, with ``TooLarge`` (the batch records it and
goes on); a reading that outlasts ``seconds`` stops at the next paragraph (the rules) or the next
figure (linking, under the same deadline), and the document is kept with the records of what was
read and a warning saying how far that was. Both come from
the settings (``document_max_chars``, ``document_time_limit``) unless the caller gives them;
0 means no limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from time import monotonic

from extractor.collector import collector_paused
from extractor.errors import TooLarge
from extractor.settings import resolve


@dataclass(frozen=True)
class Budget:
    """Most characters of text one document may have, and most seconds its reading may take
    (0: no limit)."""

    max_chars: int
    seconds: float

    @classmethod
    def configured(cls, *, max_chars: int | None = None, seconds: float | None = None) -> Budget:
        """The budget in force: the values given, else the settings (environment, defaults)."""
        return cls(max_chars=int(resolve("document_max_chars", max_chars)),
                   seconds=float(resolve("document_time_limit", seconds)))

    def check_size(self, text: str, *, source: str) -> None:
        """Refuse a text longer than ``max_chars`` (TooLarge, saying how to get it read)."""
        if self.max_chars and len(text) > self.max_chars:
            raise TooLarge(
                f"{source}: {len(text):,} characters of text, more than the {self.max_chars:,} one "
                "document may have",
                hint="Split the document, or raise the limit with --max-chars or "
                     "$VBSP_DOCUMENT_MAX_CHARS (0: no limit).")

    def deadline(self) -> float | None:
        """When a reading started now must stop (a ``time.monotonic()`` value), if ever."""
        return monotonic() + self.seconds if self.seconds else None


UNLIMITED = Budget(max_chars=0, seconds=0)

__all__ = ["UNLIMITED", "Budget", "collector_paused"]
