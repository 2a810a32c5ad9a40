"""Settings are declared once: names unique, env vars namespaced, precedence option > env > default."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.settings import SETTINGS, db_path, resolve, setting


def test_settings_are_well_formed() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names)) and "db" in names
    assert all(s.env.startswith("VBSP_") and s.help.endswith(".") for s in SETTINGS)


def test_precedence_option_env_default() -> None:
    assert db_path(environ={}) == Path("vbsp.sqlite")
    assert db_path(environ={"VBSP_DB": "/data/x.sqlite"}) == Path("/data/x.sqlite")
    assert db_path("/tmp/y.sqlite", environ={"VBSP_DB": "/data/x.sqlite"}) == Path("/tmp/y.sqlite")


def test_integer_settings_are_parsed() -> None:
    assert resolve("max_page_size", environ={"VBSP_MAX_PAGE_SIZE": "20"}) == 20
    assert resolve("page_size", environ={}) == setting("page_size").default


def test_unknown_setting_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="db"):
        setting("nope")


def test_page_limit_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.store.query import page_limit

    monkeypatch.setenv("VBSP_MAX_PAGE_SIZE", "10")
    assert page_limit(5000) == 10 and page_limit(None) == 10 and page_limit(3) == 3
