"""The `extractor` command: a thin Typer shell over the library.

Each command group lives in its own module and registers itself on the one ``app``; the
library does the work and raises, these modules only parse arguments and print.
"""

from __future__ import annotations

import typer

from extractor.cli import extract_cmd, ingest_cmd, store_cmd, web_cmd

app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
    add_completion=False,
    # click's plain help: typer's rich help imported rich and markdown-it, half of --help's time.
    rich_markup_mode=None,
    context_settings={"max_content_width": 120},  # a wide terminal shows whole command summaries
    help="Turn news and directives about Vietnam's social policy credit into a sourced table.",
)

for module in (extract_cmd, store_cmd, ingest_cmd, web_cmd):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
