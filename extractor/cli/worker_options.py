"""The option of every command that stores documents in bulk (``ingest``, ``reextract``): how
many processes read them (``extractor.pipeline.workers``), the store being written by one."""

from __future__ import annotations

from typing import Annotated

import typer

WorkersOpt = Annotated[int | None, typer.Option(
    "--workers", min=1,
    help="Processes that parse and extract the documents (1: all in this process; the store is "
         "written by this one). [default: the machine's cores]")]


def worker_count(workers: int | None) -> int:
    """The workers asked for, else one per core this process may use."""
    from extractor.pipeline.workers import available_cores

    return workers or available_cores()
