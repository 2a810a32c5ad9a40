"""Layering: the store owns the SQL, the shells (web, CLI) call its public functions.

Two checks read the source with ``ast``: no module of ``extractor/web/`` or ``extractor/cli/``
holds SQL (a string literal naming SELECT/INSERT/UPDATE/DELETE, or a call to ``execute``), and
no module imports an underscore name from another package of ``extractor`` (``store`` may
share its privates between its own modules; ``web`` may not borrow them).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extractor"
SHELLS = ("web", "cli")
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b")  # case-sensitive: prose says "select"
SQL_CALLS = {"execute", "executemany", "executescript"}


def module_name(path: Path) -> str:
    """The dotted name of a module file under the repository root."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str) -> str:
    """The package of ``extractor`` a module belongs to (``extractor.store``; ``extractor.crawl`` is its own)."""
    return ".".join(module.split(".")[:2])


def _docstrings(tree: ast.AST) -> set[int]:
    """The ids of the docstring nodes of a module, its classes and functions."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def sql_in(source: str) -> list[str]:
    """Each SQL string literal (docstrings aside) and ``execute`` call of a module, with its line."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            if SQL_WORDS.search(node.value):
                found.append(f"line {node.lineno}: SQL text {node.value.strip()[:60]!r}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
            found.append(f"line {node.lineno}: .{node.func.attr}(…) runs SQL")
    return found


def _imported_module(node: ast.ImportFrom, module: str, *, is_package: bool) -> str:
    """The absolute name of the module a ``from … import`` reads (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    base = module.split(".")
    base = base[:len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _private(name: str) -> bool:
    """An underscore name that is not a dunder (``__version__`` is public)."""
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_imports(source: str, module: str, *, is_package: bool = False) -> list[str]:
    """Each underscore name (or module) this module imports from another package of ``extractor``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            origin = _imported_module(node, module, is_package=is_package)
            if not origin.startswith("extractor") or package_of(origin) == package_of(module):
                continue
            names = [a.name for a in node.names if _private(a.name)]
            names += [origin] if any(_private(p) for p in origin.split(".")) else []
            found += [f"line {node.lineno}: {name} from {origin}" for name in names]
        elif isinstance(node, ast.Import):
            found += [f"line {node.lineno}: {a.name}" for a in node.names if a.name.startswith("extractor.")
                      and package_of(a.name) != package_of(module) and any(_private(p) for p in a.name.split("."))]
    return found


def _modules(*folders: str) -> list[Path]:
    """The Python files under ``extractor/<folder>`` (all of ``extractor`` when none given)."""
    roots = [PACKAGE / f for f in folders] or [PACKAGE]
    return sorted(p for root in roots for p in root.rglob("*.py"))


def _id(path: Path) -> str:
    """A test id: the path under extractor/."""
    return str(path.relative_to(PACKAGE))


@pytest.mark.parametrize("path", _modules(*SHELLS), ids=_id)
def test_the_shells_hold_no_sql(path: Path) -> None:
    found = sql_in(path.read_text("utf-8"))
    assert not found, f"{_id(path)}: move the query into extractor/store/ as a public function:\n" + "\n".join(found)


@pytest.mark.parametrize("path", _modules(), ids=_id)
def test_no_module_imports_another_packages_private_names(path: Path) -> None:
    found = private_imports(path.read_text("utf-8"), module_name(path), is_package=path.name == "__init__.py")
    assert not found, f"{_id(path)}: give these a public name in their package:\n" + "\n".join(found)


# ---- the checks themselves catch what they are for --------------------------------------------

@pytest.mark.parametrize("source, caught", [
    ('rows = conn.execute("SELECT id FROM observations")', True),
    ('sql = f"SELECT {cols} FROM documents WHERE id = ?"', True),
    ('DROP = "DELETE FROM cells"', True),
    ("run(conn.executemany, rows)", False),
    ("conn.executemany(text, rows)", True),
    ('def f() -> None:\n    """SELECT-free: reads the records the store returns."""', False),
    ('label = "Select a province"', False),
    ("from extractor.store.overview import document_briefs", False),
])
def test_sql_check(source: str, caught: bool) -> None:
    assert bool(sql_in(source)) is caught


@pytest.mark.parametrize("source, module, caught", [
    ("from extractor.store.query import _OBS_SELECT", "extractor.web.views", True),
    ("from extractor.store.query import _OBS_SELECT", "extractor.store.lookups", False),
    ("from extractor.store.export import json_value", "extractor.cli.store_cmd", False),
    ("from extractor.store._private import thing", "extractor.web.views", True),
    ("import extractor.store._private", "extractor.cli.output", True),
    ("from ..store.query import _date", "extractor.web.views", True),
    ("from .query import _date", "extractor.store.lookups", False),
    ("from extractor import __version__", "extractor.cli.output", False),
    ("from re import _parser", "extractor.nlp.assemble", False),
])
def test_private_import_check(source: str, module: str, caught: bool) -> None:
    assert bool(private_imports(source, module)) is caught
