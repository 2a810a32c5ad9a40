"""Every coded error of the package has its own code: a user quoting "E008" means one thing."""

from __future__ import annotations

import importlib
import pkgutil

import extractor
from extractor.errors import ExtractorError


def _every_error_class() -> list[type[ExtractorError]]:
    for module in pkgutil.walk_packages(extractor.__path__, "extractor."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    found, todo = [], [ExtractorError]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def test_error_codes_are_unique_per_meaning() -> None:
    by_code: dict[str, list[str]] = {}
    for cls in _every_error_class():
        # A subclass that keeps its parent's code is the same error, told apart for callers only.
        if cls is ExtractorError or "code" in vars(cls):
            by_code.setdefault(cls.code, []).append(f"{cls.__module__}.{cls.__qualname__}")
    clashes = {code: names for code, names in by_code.items() if len(names) > 1}
    assert not clashes, clashes
    assert all(code.startswith("E") and code[1:].isdigit() for code in by_code), sorted(by_code)
