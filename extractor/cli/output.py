"""The consoles every command prints through: results to stdout (``out``), messages to stderr
(``err``).

Rich resolves ``sys.stdout``/``sys.stderr`` when it prints, so test runners that swap them
still capture the output. Piped output is wide, so tables keep whole numbers and sentences on
one line instead of wrapping at 80 columns. The consoles are made when a command first prints
through them (callers import this module and read ``out`` and ``err`` from it when they print):
importing rich takes a twentieth of a second, which a command writing CSV, JSON or a long plain
table never needs.
"""

from __future__ import annotations

import json
import sys
import textwrap
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    out: Console
    err: Console


@cache
def _consoles() -> dict[str, Console]:
    """``out`` and ``err``, made once."""
    from rich.console import Console

    # Messages soft-wrap: a path or URL in an error stays on one line, so it can be copied.
    # Emoji codes stay as written: scraped text's ":smile:" is text, shown as the source has it
    # (``markup=False`` does not stop rich from replacing them).
    err = Console(stderr=True, soft_wrap=True, emoji=False)
    out = Console(emoji=False)
    if not out.is_terminal:
        out = Console(width=220, emoji=False)
    return {"out": out, "err": err}


if not TYPE_CHECKING:  # mypy reads the declarations above

    def __getattr__(name: str) -> Any:
        """``out`` and ``err``, made at the first print."""
        if name in ("out", "err"):
            return _consoles()[name]
        raise AttributeError(f"module 'extractor.cli.output' has no attribute {name!r}")


def say(label: str, style: str, message: object) -> None:
    """A labelled message on stderr ("error: …", "warning: …"); the message is escaped, as it
    may quote a file name or scraped text that looks like markup."""
    from rich.markup import escape

    _consoles()["err"].print(f"[{style}]{label}:[/{style}] {escape(str(message))}", highlight=False)


# JSON up to this size is coloured on a terminal; longer JSON, and any JSON sent to a file or a
# pipe, is written as it is: rich's highlighting took two minutes for one megabyte of text's
# records, and a program reading the output wants none of it.
PRETTY_JSON_CHARS = 200_000


class JsonWriter:
    """JSON on stdout, indented by two: one value, or documents written as an array one by one
    as they are read (a folder's records are not all held until the end)."""

    def __init__(self, *, array: bool) -> None:
        self.array = array
        self.count = 0

    def write(self, value: object) -> None:
        """One value, or the array's next item."""
        text = json.dumps(value, ensure_ascii=False, indent=2)
        if not self.array:
            write_json_text(text)
            return
        sys.stdout.write(("[\n" if not self.count else ",\n") + textwrap.indent(text, "  "))
        self.count += 1

    def close(self) -> None:
        """End the array (nothing when no item was written)."""
        if self.array and self.count:
            sys.stdout.write("\n]\n")


def write_json_text(text: str) -> None:
    """Indented JSON text on stdout: coloured by rich on a terminal when short, else as it is."""
    out = _consoles()["out"]
    if out.is_terminal and len(text) <= PRETTY_JSON_CHARS:
        out.print_json(text)
    else:
        sys.stdout.write(text + "\n")
