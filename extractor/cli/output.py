"""The consoles every command prints through: results to stdout, messages to stderr.

Rich resolves ``sys.stdout``/``sys.stderr`` when it prints, so test runners that swap them
still capture the output. Piped output is wide, so tables keep whole numbers and sentences on
one line instead of wrapping at 80 columns.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

# Messages soft-wrap: a path or URL in an error stays on one line, so it can be copied.
err = Console(stderr=True, soft_wrap=True)
out = Console()
if not out.is_terminal:
    out = Console(width=220)


def say(label: str, style: str, message: object) -> None:
    """A labelled message on stderr ("error: …", "warning: …"); the message is escaped, as it
    may quote a file name or scraped text that looks like markup."""
    err.print(f"[{style}]{label}:[/{style}] {escape(str(message))}", highlight=False)
