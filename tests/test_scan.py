"""The scanner tries each rule only where a match can start; its matches must be the rule's own.

Reference: a rule anchored on strings gives what its ``finditer`` gives (every position tried);
a digit-anchored rule gives what matching it wherever a number starts gives, left to right
without overlaps (a number never starts inside another number: the documented rule).
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from extractor.evaluation import load_gold
from extractor.nlp.engine import paragraphs
from extractor.nlp.firstchars import first_chars, pattern_starts, required_prefixes
from extractor.nlp.hits import WINDOW
from extractor.nlp.rules import CompiledRule, build_macros, expand
from extractor.nlp.scan import DIGIT_RUN, digit_anchored, inner_starts, start_strings
from extractor.registry.bundle import bundled
from extractor.registry.phrases import trie_regex

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


def reference(rule: CompiledRule, text: str) -> list[tuple[int, int]]:
    if not rule.digit_anchored:
        return [m.span() for m in rule.regex.finditer(text)]
    spans: list[tuple[int, int]] = []
    end = 0
    for run in DIGIT_RUN.finditer(text):
        if run.start() >= end and (match := rule.regex.match(text, run.start())):
            spans.append(match.span())
            end = max(match.end(), run.start() + 1)
    return spans


def scanned(lang: str, text: str) -> list[list[tuple[int, int]]]:
    found = {rule.id: [m.span() for m in matches]
             for rule, matches in bundled().ruleset(lang).scanner.matches(text)}
    assert all(found.values())
    return [found.get(rule.id, []) for rule in bundled().ruleset(lang).rules]


def expected(lang: str, text: str) -> list[list[tuple[int, int]]]:
    return [reference(rule, text) for rule in bundled().ruleset(lang).rules]


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_scanner_matches_every_rule_on_the_gold_texts(lang: str) -> None:
    cases = load_gold(GOLD, language=lang)
    assert cases
    compared = 0
    for case in cases:
        text = case.text()
        for start, end in paragraphs(text):
            paragraph = text[start:end]
            assert scanned(lang, paragraph) == expected(lang, paragraph), (case.name, paragraph)
            compared += 1
    assert compared > 100


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "On JUNE 10, 2024 the İstanbul-style DIRECTIVE No. 40 gave VND 5 billion in H1 2025."),
    ("en", "Q3/2025: US$932.17 million, or 5.5%; up by 7 times; endend of the year 2024"),
    ("vi", "Đến HẾT THÁNG 6/2025, tổng nguồn vốn đạt 13.374 TỶ ĐỒNG, İ tăng gấp 2 lần."),
    ("vi", "Quyết định 1560/QĐ-TTg; Chỉ thị 40; từ đầu năm 2025 đến nay 92,5 nghìn lượt"),
])
def test_scanner_on_odd_case_and_overlaps(lang: str, text: str) -> None:
    # Upper case, a character whose lower case is longer ("İ"), triggers inside other words.
    assert scanned(lang, text) == expected(lang, text)
    assert any(scanned(lang, text))


def test_start_strings_read_through_groups_and_small_classes() -> None:
    assert start_strings(r"\bH(?P<half>[12])\s*\d", re.IGNORECASE) == ("h1", "h2")
    assert start_strings(r"(?:b(?:illion|n))\s", 0) == ("billion", "bn")
    assert start_strings(r"(?:over\s+)?x", 0) is None
    assert start_strings(r"\w+", 0) is None
    assert required_prefixes(r"(?:x|ab)\s", 0) is None  # "x" is too short for a gate
    assert required_prefixes(r"(?:x|ab)\s", 0, min_length=1) == ("ab", "x")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_one_parse_gives_what_the_separate_readings_give(lang: str) -> None:
    # A rule's pattern is parsed once as it is compiled (``pattern_starts``): its first
    # characters, its scanner strings and its ``before`` gate are those each reading gives alone.
    ruleset = bundled().ruleset(lang)
    macros = build_macros(ruleset.lexicon)
    for rule in ruleset.rules:
        flags = rule.regex.flags
        expanded = expand(rule.rule.pattern, macros)
        starts = pattern_starts(expanded, flags)
        assert starts == (first_chars(expanded, flags), required_prefixes(expanded, flags, min_length=1))
        assert rule.start_strings == start_strings(rule.regex.pattern, flags), rule.id
        assert rule.digit_anchored == digit_anchored(expanded, flags)
        gate = required_prefixes(expand(rule.rule.before, macros), flags) if rule.rule.before else None
        assert (rule.before_gate and rule.before_gate.pattern) == (gate and "|".join(map(re.escape, gate)))


@pytest.mark.parametrize("phrases", [
    ["bn", "billion", "billions", "b"],
    ["tens of thousands", "tens", "ten"],
    ["US$", "USD", "us"],
])
def test_trie_prefers_the_longest_phrase_like_a_sorted_alternation(phrases: list[str]) -> None:
    alternation = "|".join(r"\s+".join(map(re.escape, p.split()))
                           for p in sorted(phrases, key=lambda p: (-len(p), p)))
    plain = re.compile(f"(?:{alternation})", re.IGNORECASE)
    trie = re.compile(trie_regex(phrases, gap=r"\s+"), re.IGNORECASE)
    for text in ["billions of", "bn.", "tens  of thousands", "tens of", "ten", "US$ 5", "usd", "x"]:
        expected_match = plain.match(text)
        got = trie.match(text)
        assert (got and got.group()) == (expected_match and expected_match.group())


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_every_bundled_rule_is_anchored(lang: str) -> None:
    # A rule the scanner cannot anchor runs over the whole text (slow): keep optional words
    # in ``before`` so its pattern starts with a digit or a literal word (CONTRIBUTING.md).
    scanner = bundled().ruleset(lang).scanner
    assert [scanner.rules[i].id for i in scanner.free_rules] == []
    copies = sum(len(same) for _, same in scanner.twins)
    assert len(scanner.chain_rules) + len(scanner.string_rules) + copies == len(scanner.rules)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_regex_shared_by_rules_is_tried_once(lang: str) -> None:
    # "2030" is both a year and a plan's horizon: the two rules have one regex, which the
    # scanner tries once, each rule getting its matches.
    rules = bundled().ruleset(lang).rules
    scanner = bundled().ruleset(lang).scanner
    tried = [rules[i].regex for i in (*scanner.chain_rules, *scanner.string_rules, *scanner.free_rules)]
    assert len({(r.pattern, r.flags) for r in tried}) == len(tried)
    assert len(tried) < len(rules)  # the bundled rules do share one
    text = "Outstanding loans by 2030 reached VND 5 billion; the plan to 2025-2030 holds."
    assert scanned(lang, text) == expected(lang, text)


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_context_patterns_carry_a_start_hint_and_find_the_same(lang: str) -> None:
    # ``before`` and ``not_before`` are searched at every position of the window before a
    # match; with the hint a position that cannot start them is rejected at once.
    ruleset = bundled().ruleset(lang)
    macros = build_macros(ruleset.lexicon)
    windows = [text[max(0, run.start() - WINDOW):run.start()]
               for case in load_gold(GOLD, language=lang) for text in [case.text()]
               for run in DIGIT_RUN.finditer(text)]
    hinted = 0
    for rule in ruleset.rules:
        for compiled, source in ((rule.before, rule.rule.before), (rule.not_before, rule.rule.not_before)):
            if compiled is None:
                continue
            plain = re.compile(f"(?:{expand(source, macros)})\\Z", compiled.flags)
            hinted += compiled.pattern.startswith("(?=[")
            for window in windows:
                got, want = compiled.search(window), plain.search(window)
                assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))
    assert hinted >= 10


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_trigger_scan_finds_every_occurrence_overlaps_included(lang: str) -> None:
    # The scan skips over each string it finds, but for the offsets where another may start
    # inside it ("us" in "thousands"): on texts glued from the strings and their tails, it finds
    # what the trie in a lookahead finds at every position.
    scanner = bundled().ruleset(lang).scanner
    assert scanner.triggers is not None
    strings = sorted(scanner.starters)
    rng = random.Random(18)
    for _ in range(3000):
        parts = [rng.choice(strings) for _ in range(rng.randint(1, 6))]
        text = "".join(p[rng.randrange(len(p)):] if rng.random() < 0.3 else p for p in parts)
        text = text.upper() if rng.random() < 0.2 else text
        every = [(m.start(), m.group(1)) for m in scanner.triggers.finditer(text.lower())]
        expected = [(start, tuple(scanner.starters[string])) for start, string in every]
        assert [(start, tuple(rules)) for start, rules in scanner._at_triggers(text)] == expected, text


def test_inner_starts_by_look_ups_as_by_comparing_every_pair() -> None:
    # ``inner_starts`` looks beginnings up in sets; the plain reading compares each rest with
    # every string. Seeded strings over three letters overlap in every way.
    def plain(strings: list[str]) -> dict[str, tuple[int, ...]]:
        found = {}
        for string in strings:
            offsets = tuple(k for k in range(1, len(string))
                            if any(u.startswith(string[k:]) or string[k:].startswith(u) for u in strings))
            if offsets:
                found[string] = offsets
        return found

    rng = random.Random(40)
    for _ in range(2000):
        strings = sorted({"".join(rng.choice("abc") for _ in range(rng.randint(1, 6)))
                          for _ in range(rng.randint(1, 12))})
        assert inner_starts(strings) == plain(strings), strings
    for lang in ("en", "vi"):
        strings = sorted(bundled().ruleset(lang).scanner.starters)
        assert inner_starts(strings) == plain(strings)
