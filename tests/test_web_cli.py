"""``extractor serve``: registered, documented, and starting the app on the database it is given."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app


def test_serve_has_help_with_every_option() -> None:
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--write-token"):
        assert option in result.output


def test_serve_runs_the_app_on_the_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    started: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app, **kw))
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "w.sqlite"), "--port", "8123",
                                      "--write-token", "t0ken"])
    assert result.exit_code == 0, result.output
    assert started["port"] == 8123 and started["host"] == "127.0.0.1"
    assert started["app"].state.write_token == "t0ken" and (tmp_path / "w.sqlite").exists()


def test_serve_is_read_only_without_a_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    started: dict[str, Any] = {}
    monkeypatch.delenv("VBSP_WRITE_TOKEN", raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(app=app))
    CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "r.sqlite")])
    assert started["app"].state.write_token is None


def test_serve_reports_a_bad_database_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "missing" / "x.sqlite")])
    assert result.exit_code == 1 and "does not exist" in result.output
