"""The options of every command that extracts (``extract``, ``ingest``, ``reextract``): how much
of one document is read (``extractor.pipeline.budget``), one bundle so each says the same."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from extractor.settings import setting

if TYPE_CHECKING:
    from extractor.pipeline.budget import Budget

_CHARS = setting("document_max_chars")
_SECONDS = setting("document_time_limit")
MaxCharsOpt = Annotated[int | None, typer.Option(
    "--max-chars", min=0, envvar=_CHARS.env, show_envvar=True,
    help=f"{_CHARS.help} [default: {_CHARS.default}]")]
TimeLimitOpt = Annotated[float | None, typer.Option(
    "--time-limit", min=0, envvar=_SECONDS.env, show_envvar=True,
    help=f"{_SECONDS.help} [default: {_SECONDS.default}]")]


def budget(*, max_chars: int | None, time_limit: float | None) -> Budget:
    """The per-document budget from the command line (each limit: option, else the setting)."""
    from extractor.pipeline.budget import Budget

    return Budget.configured(max_chars=max_chars, seconds=time_limit)
