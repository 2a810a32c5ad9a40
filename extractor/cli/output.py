"""The consoles every command prints through: results to stdout, messages to stderr.

Rich resolves ``sys.stdout``/``sys.stderr`` when it prints, so test runners that swap them
still capture the output. Piped output is wide, so tables keep whole numbers and sentences on
one line instead of wrapping at 80 columns.
"""

from __future__ import annotations

from rich.console import Console

err = Console(stderr=True)
out = Console()
if not out.is_terminal:
    out = Console(width=220)
