"""A fetch error's hint names only options the command that met it has (issue 17, item 7).

``extractor extract URL`` fetched, and its refusal of a private address said "--allow-private",
an option only ``ingest`` had. Every command that downloads now takes the same fetch options.
"""

from __future__ import annotations

import re

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from extractor.cli import app
from extractor.fetch.client import DEADLINE_HINT
from extractor.fetch.guard import NEVER_HINT, PRIVATE_HINT
from helpers.sites import Site

FETCHING_COMMANDS = ("extract", "ingest")
ARTICLE = "/baotinh/nghe-an-10-nam-chi-thi-40.html"


def options_of(command: str) -> set[str]:
    """Every option string a command accepts."""
    click_command = get_command(app).commands[command]  # type: ignore[attr-defined]
    return {name for param in click_command.params for name in param.opts}


@pytest.mark.parametrize("command", FETCHING_COMMANDS)
@pytest.mark.parametrize("hint", [PRIVATE_HINT, NEVER_HINT, DEADLINE_HINT])
def test_every_option_a_fetch_hint_names_exists(command: str, hint: str) -> None:
    named = set(re.findall(r"--[a-z][a-z-]*", hint))
    assert named and named <= options_of(command), f"{command} lacks {named - options_of(command)}"


def test_extract_follows_its_own_hint(site: Site) -> None:
    url = site.url(ARTICLE)
    refused = CliRunner().invoke(app, ["extract", url, "--delay", "0"])
    assert refused.exit_code == 1 and "--allow-private" in refused.stderr
    followed = CliRunner().invoke(app, ["extract", url, "--delay", "0", "--allow-private"])
    assert followed.exit_code == 0, followed.output
    assert '"figures"' in followed.stdout
