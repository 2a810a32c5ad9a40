"""Test modules stand alone: what two of them share lives in ``helpers/`` or ``conftest.py``.

A test module imported by another is loaded twice under two names, and its tests' setup runs
where nobody asked for it; a fixture in ``conftest.py`` or a module in ``helpers/`` says what is
shared.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
# Code that imports from the tests: the tests themselves, their helpers and the benchmarks.
SCANNED = sorted([*TESTS.rglob("*.py"), *(ROOT / "bench").rglob("*.py")])


def _is_test_module(name: str) -> bool:
    """``test_link``, ``tests.test_link``: a module named like the ones pytest collects."""
    return name.rsplit(".", 1)[-1].startswith("test_")


def _imported_test_modules(source: str) -> list[tuple[int, str]]:
    """(line, module) of every test module ``source`` imports, in any form of import."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            dot = "." if node.module else ""  # "from . import x" is ".x"
            names = [base] if _is_test_module(base) else [f"{base}{dot}{a.name}" for a in node.names]
        else:
            continue
        found += [(node.lineno, name) for name in names if _is_test_module(name)]
    return found


def test_no_module_imports_a_test_module() -> None:
    found = [f"{path.relative_to(ROOT)}:{line} imports {name}"
             for path in SCANNED for line, name in _imported_test_modules(path.read_text("utf-8"))]
    assert not found, "move what is shared to tests/helpers/ or a conftest fixture:\n" + "\n".join(found)


@pytest.mark.parametrize(("source", "name"), [
    ("from test_link import build", "test_link"),
    ("import test_store_factory", "test_store_factory"),
    ("from tests.test_parse_html import numbers", "tests.test_parse_html"),
    ("from tests import test_web_corpus", "tests.test_web_corpus"),
    ("from . import test_link", ".test_link"),
    ("def f():\n    from test_link import build", "test_link"),
])
def test_every_form_of_import_is_seen(source: str, name: str) -> None:
    assert [found for _, found in _imported_test_modules(source)] == [name]


@pytest.mark.parametrize("source", [
    "from helpers.store import make_extraction",
    "import testing",
    "from extractor.link import link",
    "from hypothesis import strategies",
])
def test_other_imports_pass(source: str) -> None:
    assert _imported_test_modules(source) == []
