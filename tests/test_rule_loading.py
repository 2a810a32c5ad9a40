"""Malformed rule files fail when loaded, with every bad entry reported as file:line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from extractor.errors import RuleError
from extractor.nlp.rules import load_lexicon, load_ruleset
from extractor.registry.words import read_lexicon_words
from extractor.resources import rules_dir


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "en"
    shutil.copytree(rules_dir() / "en", folder)
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(RuleError) as info:
        load_ruleset(folder, "en")
    return info.value.problems


def test_bundled_rules_load() -> None:
    for lang in ("en", "vi"):
        assert load_ruleset(rules_dir() / lang, lang).rules


EXAMPLES = {"pos": [{"text": "It cost VND 5 billion.", "value": "5000000000"}], "neg": ["None."]}


def _rule_line(rule_id: str, kind: str, pattern: str, **extra: object) -> str:
    """A JSONL rule line with examples, so only what a test breaks is wrong with it."""
    return json.dumps({"id": rule_id, "kind": kind, "pattern": pattern, **extra, "examples": EXAMPLES})


def test_every_bad_pattern_line_is_reported(rules_copy: Path) -> None:
    path = rules_copy / "money.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = _rule_line("money.en.broken", "money", "(unclosed")
    lines.append(_rule_line("money.en.extra", "money", "x", colour="red"))
    lines.append("not json at all")
    lines.append(_rule_line("money.en.macro", "money", "<NO_SUCH_MACRO>"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _problems(rules_copy)
    where = [p.split(": ")[0] for p in problems]
    n = len(lines)
    assert where == [f"{path}:2", f"{path}:{n - 2}", f"{path}:{n - 1}", f"{path}:{n}"]
    assert "bad pattern" in problems[0]
    assert "Extra inputs are not permitted" in problems[1]
    assert "invalid JSON" in problems[2]
    assert "unknown macro <NO_SUCH_MACRO>" in problems[3]


def test_a_window_out_of_bounds_is_reported(rules_copy: Path) -> None:
    """A rule's ``window`` (how far before its match the ``before`` context may start) is bounded:
    long windows are read for every match."""
    path = rules_copy / "money.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(_rule_line("money.en.tiny_window", "money", "x", window=2))
    lines.append(_rule_line("money.en.huge_window", "money", "x", window=5000))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _problems(rules_copy)
    n = len(lines)
    assert [p.split(": ")[0] for p in problems] == [f"{path}:{n - 1}", f"{path}:{n}"]
    assert "greater than or equal to 8" in problems[0]
    assert "less than or equal to 200" in problems[1]


def test_duplicate_and_mislabelled_ids_are_reported(rules_copy: Path) -> None:
    path = rules_copy / "percent.jsonl"
    first = path.read_text(encoding="utf-8").splitlines()[0]
    path.write_text(path.read_text(encoding="utf-8") + first + "\n"
                    + _rule_line("percent.vi.wrong_lang", "percent", "x") + "\n",
                    encoding="utf-8")
    problems = "\n".join(_problems(rules_copy))
    assert "duplicate rule id" in problems
    assert "must carry the language 'en'" in problems


def test_missing_or_malformed_examples_name_their_line(rules_copy: Path) -> None:
    """A rule without both kinds of example, or with a value its kind cannot give, is a bad line."""
    path = rules_copy / "count.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    bad = {
        "count.en.no_examples": None,
        "count.en.no_negative": {"pos": [{"text": "It has 5 households.", "value": "5"}], "neg": []},
        "count.en.no_value": {"pos": [{"text": "It has 5 households."}], "neg": ["None."]},
        "count.en.bad_value": {"pos": [{"text": "It has 5 households.", "value": "five"}], "neg": ["None."]},
        "count.en.bad_key": {"pos": [{"text": "It has 5 households.", "value": "5"}], "neg": ["None."], "maybe": []},
    }
    for rule_id, examples in bad.items():
        rule = {**first, "id": rule_id, "examples": examples}
        if examples is None:
            del rule["examples"]
        lines.append(json.dumps(rule, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    problems = _problems(rules_copy)
    n = len(lines)
    assert [p.split(": ")[0] for p in problems] == [f"{path}:{line}" for line in range(n - 4, n + 1)]
    assert "examples: Field required" in problems[0]
    assert "examples.neg: List should have at least 1 item" in problems[1]
    assert "examples.pos.0.value: Field required" in problems[2]
    assert "example value 'five' is not what a count rule gives" in problems[3]
    assert "examples.maybe: Extra inputs are not permitted" in problems[4]


def test_bad_lexicon_entries_name_their_yaml_line(rules_copy: Path) -> None:
    path = rules_copy / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - {phrase: thousand, power: 3}\n",
                        "  - {phrase: thousand, power: 99}\n  - {phrase: lakh}\n")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - {phrase: thousand, power: 99}") + 1
    problems = _problems(rules_copy)
    assert any(p.startswith(f"{path}:{line}: scales") for p in problems), problems
    assert any(p.startswith(f"{path}:{line + 1}: scales") for p in problems), problems


def test_a_rate_size_band_upside_down_names_its_line(rules_copy: Path) -> None:
    path = rules_copy / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    assert "rate_size_band: {least: 0.5, most: 2}\n" in text
    text = text.replace("rate_size_band: {least: 0.5, most: 2}\n", "rate_size_band: {least: 2, most: 0.5}\n")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("rate_size_band: {least: 2, most: 0.5}") + 1
    assert any(p.startswith(f"{path}:{line}: rate_size_band") and "below least" in p for p in _problems(rules_copy))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_stores_reading_of_a_lexicon_gives_the_full_readings_words(lang: str) -> None:
    """A search reads a lexicon's scales, currencies and legal types alone (``read_lexicon_words``):
    the same entries as the lexicon the pipeline loads whole."""
    problems: list[str] = []
    full = load_lexicon(rules_dir() / lang / "lexicon.yaml", problems)
    words = read_lexicon_words(rules_dir() / lang / "lexicon.yaml")
    assert full is not None and not problems
    assert (words.scales, words.currencies, words.legal_types) == (full.scales, full.currencies, full.legal_types)
    assert words.scales and words.currencies and words.legal_types


def test_the_stores_reading_reports_a_bad_entry_as_the_full_reading_does(rules_copy: Path) -> None:
    path = rules_copy / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  - {phrase: thousand, power: 3}\n", "  - {phrase: thousand, power: 99, note: x}\n")
    text = text.replace("currencies:\n", "currencies:\n  - {phrase: yen, unit: JPY}\n", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        read_lexicon_words(path)
    full: list[str] = []
    load_lexicon(path, full)
    assert len(info.value.problems) == 3  # power, the unknown key, the unit
    assert set(info.value.problems) <= set(full)
    assert all(p.startswith(f"{path}:") for p in info.value.problems)


def test_the_stores_reading_leaves_the_other_sections_to_the_pipeline(rules_copy: Path) -> None:
    path = rules_copy / "lexicon.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "change_cues:\n", "change_cues:\n  - {pattern: '(unclosed', value: increase}\n")
    path.write_text(text, encoding="utf-8")
    assert read_lexicon_words(path).scales  # checked when the pipeline loads the rules (above)


def test_yaml_syntax_error_names_the_line(rules_copy: Path) -> None:
    path = rules_copy / "lexicon.yaml"
    path.write_text("number: {decimal_separator: '.'\nscales: [\n", encoding="utf-8")
    problems = _problems(rules_copy)
    assert problems and problems[0].startswith(f"{path}:") and "YAML syntax error" in problems[0]


def test_a_bad_cue_regex_is_reported_with_its_line(rules_copy: Path) -> None:
    path = rules_copy / "lexicon.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "change_cues:\n", "change_cues:\n  - {pattern: '(unclosed', value: increase}\n")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - {pattern: '(unclosed', value: increase}") + 1
    assert any(p.startswith(f"{path}:{line}: change_cues") and "bad regular expression" in p
               for p in _problems(rules_copy))


def test_a_bad_token_match_is_reported(rules_copy: Path) -> None:
    path = rules_copy / "lexicon.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("token_match:")
    path.write_text(text[:start] + "token_match: '(unclosed'\n", encoding="utf-8")
    assert any("token_match" in p and "bad regular expression" in p for p in _problems(rules_copy))


def test_whole_file_rules_report_the_bad_entry_line(tmp_path: Path) -> None:
    from extractor.parse.text import TextRules
    from extractor.registry.files import load_model

    text = (rules_dir() / "text_metadata.yaml").read_text(encoding="utf-8")
    path = tmp_path / "text_metadata.yaml"
    path.write_text(text.replace("  - {pattern: '^(?:Source",
                                 "  - {pattern: '(unclosed', x: 1}\n  - {pattern: '^(?:Source", 1),
                    encoding="utf-8")
    line = path.read_text(encoding="utf-8").splitlines().index("  - {pattern: '(unclosed', x: 1}") + 1
    with pytest.raises(RuleError) as info:
        load_model(path, TextRules)
    assert info.value.problems and all(p.startswith(f"{path}:{line}: source_line.0") for p in info.value.problems)
    assert any("bad regular expression" in p for p in info.value.problems)


def test_yaml_data_is_what_pyyamls_constructor_builds() -> None:
    # ``node_data`` builds strings, lists and string-keyed mappings itself and leaves the rest
    # to the loader: every bundled file, and a text holding each other kind of node, read as
    # PyYAML's own constructor reads it (over libyaml's parser, which reads the files).
    import yaml

    from extractor.registry.files import parse_yaml

    odd = ("a: 1\nb: [true, null, 2.5, 0x1f, '7', 2024-06-30]\n3: three\n"
           "base: &base {x: 1, y: [a, b]}\nmerged: {<<: *base, y: c}\nset: !!set {p, q}\n"
           "long: |\n  two\n  lines\n")
    texts = [path.read_text(encoding="utf-8") for path in sorted(rules_dir().rglob("*.yaml"))]
    assert len(texts) > 10
    for text in [*texts, odd]:
        root, data = parse_yaml(text)
        assert root is not None
        expected = yaml.load(text, Loader=yaml.CSafeLoader)
        assert data == expected
        assert repr(data) == repr(expected)  # the same types and key order too
