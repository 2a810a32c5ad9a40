"""The options of every command that downloads (``extract``, ``ingest``): one bundle, so a fetch
error's hint ("--allow-private", "--deadline") names options the command has."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from extractor.settings import setting

if TYPE_CHECKING:
    from extractor.fetch import FetchOptions

_DEADLINE = setting("fetch_deadline")
DelayOpt = Annotated[float, typer.Option("--delay", min=0, help="Seconds between two requests to one host.")]
AllowPrivateOpt = Annotated[bool, typer.Option(
    "--allow-private", help="Allow private and loopback addresses (intranets, tests); link-local and "
                            "cloud-metadata addresses stay refused.")]
DeadlineOpt = Annotated[float | None, typer.Option(
    "--deadline", min=0.001, envvar=_DEADLINE.env, show_envvar=True,
    help=f"{_DEADLINE.help} [default: {_DEADLINE.default}]")]


def fetch_options(*, delay: float, allow_private: bool, deadline: float | None) -> FetchOptions:
    """The fetcher's options from the command line (the deadline: option, else the setting)."""
    from extractor.fetch import FetchOptions
    from extractor.fetch.options import configured_deadline

    return FetchOptions(delay=delay, allow_private=allow_private,
                        deadline=configured_deadline() if deadline is None else deadline)
