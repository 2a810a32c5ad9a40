"""Reading rule files: YAML and JSONL validated by pydantic models, every problem as ``file:line``.

One loader for every file in ``rules/``. A YAML file's data is built from its node tree, so a
validation error's location (``indicators.3.before.en.2``) finds the line of the entry it names.
Problems are collected, never raised one at a time: a broken file reports every bad entry at once.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from extractor.errors import RuleError
from extractor.resources import rules_dir


class Strict(BaseModel):
    """Base of every rule model: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(frozen=True, extra="forbid")


M = TypeVar("M", bound=BaseModel)


def _compiles(value: str) -> str:
    """A regular expression that compiles, so a bad one is reported with its line at load."""
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"bad regular expression: {exc}") from exc
    return value


Pattern = Annotated[str, AfterValidator(_compiles)]


class Regex(Strict):
    """A regular expression entry of a rule list."""

    pattern: Pattern


def display_name(path: Path) -> str:
    """The path as errors show it: ``rules/en/money.jsonl`` for a bundled file, else as given."""
    try:
        return str(path.resolve().relative_to(rules_dir().resolve().parent))
    except ValueError:
        return str(path)


def node_line(node: yaml.Node, loc: Sequence[Any]) -> int:
    """1-based line of the YAML node at ``loc`` (keys and indexes), or of its deepest parent."""
    for key in loc:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == str(key)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            child = node.value[key]
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


@dataclass(frozen=True)
class RuleFile:
    """A parsed YAML rule file: its data, its node tree (for line numbers) and its shown name."""

    path: Path
    name: str
    data: Any
    root: yaml.Node

    def problem(self, loc: Sequence[Any], message: str) -> str:
        """``file:line: message`` for the entry at ``loc``."""
        return f"{self.name}:{node_line(self.root, loc)}: {message}"


# libyaml's parser when PyYAML was built with it: rule files with examples are long, and the
# pure-Python parser is most of the time it takes to load the rules.
_SafeLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of a YAML text, from one parse."""
    loader = _SafeLoader(text)
    try:
        root = loader.get_single_node()
        return root, (node_data(root, loader) if root is not None else None)
    finally:
        loader.dispose()


_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{kind}" for kind in ("str", "seq", "map"))


def node_data(node: yaml.Node, loader: Any) -> Any:
    """The data of a YAML node, as ``loader.construct_document`` builds it (``loader`` being a
    safe loader): strings, lists, and mappings whose keys are strings are built here directly;
    any other node (a number, a boolean, a mapping with another key or a merge key) by
    ``loader``. The rule files are nearly all strings, lists and mappings, which PyYAML's
    constructor builds through several Python calls each (generators, a check that a key can
    be hashed): most of the time reading them took besides parsing.
    """
    tag = node.tag
    if tag == _STR:
        return node.value
    if tag == _SEQ:
        return [node_data(item, loader) for item in node.value]
    if tag == _MAP and all(key.tag == _STR for key, _ in node.value):
        return {key.value: node_data(value, loader) for key, value in node.value}
    return loader.construct_object(node, deep=True)


def read_rule_file(path: Path) -> RuleFile:
    """Parse a YAML rule file; a missing file or a syntax error is a ``RuleError`` with its line."""
    name = display_name(path)
    try:
        root, data = parse_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleError([f"{name}:0: cannot read: {exc.strerror or exc}"]) from exc
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        raise RuleError([f"{name}:{line}: YAML syntax error: {exc.problem}"]) from exc
    if root is None:
        raise RuleError([f"{name}:1: empty rule file"])
    return RuleFile(path, name, data, root)


def describe(exc: ValidationError) -> str:
    """A validation error's messages on one line, each with the field it concerns."""
    return "; ".join(f"{'.'.join(map(str, err['loc'])) or 'entry'}: {err['msg']}" for err in exc.errors())


def check_rule_file(rf: RuleFile, model: type[M], problems: list[str]) -> M | None:
    """``rf`` validated as ``model``; each error goes to ``problems`` as ``file:line`` (None then)."""
    try:
        return model.model_validate(rf.data)
    except ValidationError as exc:
        problems.extend(
            rf.problem(err["loc"], f"{'.'.join(map(str, err['loc'])) or '<root>'}: {err['msg']}")
            for err in exc.errors())
        return None


def validate_rule_file(rf: RuleFile, model: type[M]) -> M:
    """``rf`` validated as ``model``, or a ``RuleError`` listing every bad entry."""
    problems: list[str] = []
    found = check_rule_file(rf, model, problems)
    if found is None:
        raise RuleError(problems)
    return found


def load_model(path: Path, model: type[M]) -> M:
    """A whole YAML rule file read and validated as one model."""
    return validate_rule_file(read_rule_file(path), model)


def read_jsonl(path: Path, model: type[M], problems: list[str]) -> list[tuple[int, M]]:
    """Each line of a JSONL rule file validated as ``model``, with its line number; a bad line
    goes to ``problems`` as ``file:line``. Blank lines and ``//`` comments are skipped."""
    name, out = display_name(path), []
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            out.append((line_no, model.model_validate(json.loads(line))))
        except json.JSONDecodeError as exc:
            problems.append(f"{name}:{line_no}: invalid JSON: {exc.msg}")
        except ValidationError as exc:
            problems.append(f"{name}:{line_no}: {describe(exc)}")
    return out


def raise_problems(problems: list[str]) -> None:
    """Raise one ``RuleError`` listing ``problems`` (sorted by file and line) when there are any."""
    if problems:
        raise RuleError(sorted(problems, key=location))


def location(problem: str) -> tuple[str, int]:
    """Sort key of a ``file:line: message`` problem: by file, then line number."""
    where = problem.split(": ", 1)[0]
    path, _, line = where.rpartition(":")
    return (path, int(line)) if line.isdigit() else (where, 0)
