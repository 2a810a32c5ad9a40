"""Errors the library raises. Each has a code and says how to fix the problem.

The library raises; only the CLI and the web layer turn these into messages.
"""

from __future__ import annotations


class ExtractorError(Exception):
    """Base class: ``code`` is stable (E001…), ``hint`` says what to do."""

    code = "E000"
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if hint is not None:
            self.hint = hint

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text}\n  hint: {self.hint}" if self.hint else text


class RuleError(ExtractorError):
    """One or more rule files are malformed; ``problems`` lists every ``file:line: message``."""

    code = "E001"
    hint = "Fix the entries listed above; each line names the file and line of one bad entry."

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        body = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} bad rule entr{'y' if len(problems) == 1 else 'ies'}:\n{body}")


class InputError(ExtractorError):
    """A document could not be read (missing, unreadable, empty, not an article)."""

    code = "E002"


class UnsupportedFormat(InputError):
    """The file type is not one we can read."""

    code = "E003"
    hint = "Give a .txt, .html or .pdf file (or a URL)."


class TooLarge(InputError):
    """An input is beyond a size limit (a page of too many tags, a search of too many terms);
    the hint says how to bring it within, or which setting raises the limit."""

    code = "E008"  # E007 is store.db.QueryTimeout


class FetchError(ExtractorError):
    """A URL could not be fetched."""

    code = "E004"


class WorkerLost(ExtractorError):
    """A worker process ended while it read a document (killed, out of memory, a crash in a
    library); the batch records it for that document and goes on."""

    code = "E009"
    hint = ("Ingest the document alone with --workers 1 to see its error; if the process was "
            "killed for memory, lower --workers or --max-chars.")


class StoreError(ExtractorError):
    """The database could not be opened, migrated or written."""

    code = "E005"


class GoldError(ExtractorError):
    """A gold annotation file is malformed or disagrees with its text."""

    code = "E006"
    hint = "Fix the gold file; gold is written by reading the text, see corpus/gold/GUIDELINES.md."
