"""Every command has help and appears in the README (sqlite-utils' test_docs.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from extractor.cli import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_has_help(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0 and "Usage" in result.stdout
    assert get_command(app).commands[command].help  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", COMMANDS)
def test_command_is_in_the_readme(command: str) -> None:
    assert re.search(rf"extractor {command}\b", README), f"README does not show `extractor {command}`"


def test_readme_starts_with_the_two_commands() -> None:
    block = README.split("```")[1]
    lines = [line for line in block.splitlines() if line.strip() and not line.startswith("bash")]
    assert len(lines) == 2
    assert lines[0].startswith("pip install") and "extractor" in lines[0]
    assert "pytest" in lines[1]
