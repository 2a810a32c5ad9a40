"""The indicator lexicon: the spec's codes, the loader and the phrase index.

Every cue's examples (shown deciding and not) live in rules/indicators.yaml and are run by
tests/test_rule_examples.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from extractor.errors import RuleError
from extractor.link.indicators import load_lexicon
from extractor.link.rules import CUES_AFTER, CUES_BEFORE, marker_lists
from extractor.registry.bundle import bundled
from extractor.registry.phrases import (
    _OLD_TONE,
    _OLD_TONE_RE,
    PhraseIndex,
    _order,
    caseless,
    first_word,
    new_tone,
    phrase_regex,
)
from helpers.goldcontract import SHARED_SPEC, SPEC

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "rules" / "indicators.yaml"


# --- the lexicon against the public contract -------------------------------------------------------


def _spec_rows() -> dict[str, str]:
    """code → kind from the table of the contract (docs/spec/indicators.md)."""
    rows = re.findall(r"^\| (\w+) \| (money|count|percent) \|", SPEC.read_text("utf-8"), re.MULTILINE)
    return dict(rows)


def test_the_vendored_contract_is_the_shared_one() -> None:
    if not SHARED_SPEC.exists():
        pytest.skip("../shared/spec/indicators.md is not beside this checkout")
    assert SPEC.read_bytes() == SHARED_SPEC.read_bytes(), "copy ../shared/spec/indicators.md to docs/spec/"


def test_every_spec_code_is_in_the_lexicon_with_its_kind() -> None:
    spec = _spec_rows()
    assert len(spec) >= 20
    ours = {code: rule.kind for code, rule in bundled().indicators.indicators.items()}
    assert {c: ours.get(c) for c in spec} == spec


def test_every_indicator_can_be_reached() -> None:
    """An indicator no cue or counted noun leads to would never be observed."""
    lex = bundled().indicators
    reached = {c for codes in lex.by_phrase.values() for c in codes} | set(lex.by_unit.values())
    assert reached == set(lex.indicators)


# --- the loader --------------------------------------------------------------------------------------


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = LEXICON.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "indicators.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def test_every_bad_entry_is_reported_with_its_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "    kind: percent\n    measure: stock\n    name: overdue debt as",
                   "    kind: ratio\n    measure: stock\n    colour: red\n    name: overdue debt as")
    path.write_text(path.read_text("utf-8").replace("measure: flow\n    name: amount lent",
                                                    "measure: sometimes\n    name: amount lent"), "utf-8")
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    problems = err.value.problems
    assert len(problems) == 3
    assert any(p.startswith(f"rules/indicators.yaml:{_line(path, 'kind: ratio')}:") or
               f"indicators.yaml:{_line(path, 'kind: ratio')}:" in p for p in problems)
    assert any(f"indicators.yaml:{_line(path, 'colour: red')}:" in p for p in problems)
    assert any(f"indicators.yaml:{_line(path, 'measure: sometimes')}:" in p for p in problems)


@pytest.mark.parametrize(("cue", "message"), [
    ("[total] capital", "the first word of '[total] capital' is optional"),
    # Words are split at spaces: "[policy credit]" would be the words "[policy" and "credit]",
    # which no text holds, and the cue would never match.
    ("total [policy credit] capital", "'[policy' in 'total [policy credit] capital' is no whole optional word"),
])
def test_a_cue_that_cannot_compile_names_its_line(tmp_path: Path, cue: str, message: str) -> None:
    path = _broken(tmp_path, '"total [policy] [credit] capital [sources|source]"', f'"{cue}"')
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    line = _line(path, cue)
    assert all(f"indicators.yaml:{line}:" in p for p in err.value.problems)
    assert any(message in p for p in err.value.problems)


def test_a_cue_claimed_by_two_indicators_of_one_kind_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, '- phrase: "thu hồi nợ"', '- phrase: "giải ngân"')
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    assert len(err.value.problems) == 1
    assert "already governs lending_turnover" in err.value.problems[0]
    assert f"indicators.yaml:{_line(path, 'Chi nhánh thu hồi nợ [[300') - 3}:" in err.value.problems[0]


def test_a_stock_reading_that_is_no_stock_of_the_cues_kind_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, "at_a_date: borrowers_outstanding", "at_a_date: outstanding_loans")
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    line = _line(path, "at_a_date: outstanding_loans")
    assert err.value.problems == [f"{path}:{line}: 'outstanding_loans' is no stock indicator of kind count"]


def test_missing_or_malformed_cue_examples_name_their_line(tmp_path: Path) -> None:
    """A cue or counted noun without both kinds of example (or a counted noun's without their
    language) is reported with the line of its examples."""
    path = _broken(tmp_path, '''            neg:
              - {text: "The associations mobilised [[1,726 members|members]].", indicator: null}
''', "")
    for old, new in [('          lang: en\n          pos:\n            - "Loans created',
                      '          pos:\n            - "Loans created'),
                     ('- phrase: "mobilized"\n          examples:\n            pos:\n              - "The branch',
                      '- phrase: "mobilized"\n          examples:\n            pos: []\n            old:\n'
                      '              - "The branch')]:
        text = path.read_text("utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), "utf-8")
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    found = "\n".join(err.value.problems)
    mobilised, mobilized = _line(path, 'phrase: "mobilised"'), _line(path, 'phrase: "mobilized"')
    assert f"indicators.yaml:{mobilised + 2}: indicators.0.before.en.1.examples.neg: Field required" in found
    assert (f"indicators.yaml:{mobilized + 2}: indicators.0.before.en.2.examples.pos: "
            "List should have at least 1 item") in found
    assert (f"indicators.yaml:{mobilized + 4}: indicators.0.before.en.2.examples.old: "
            "Extra inputs are not permitted") in found
    counted = _line(path, 'Loans created [[5,000 jobs') - 1
    assert f"indicators.yaml:{counted}: indicators.14.counted.0.examples.lang: Field required" in found


def test_a_counterexample_naming_no_indicator_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, "indicator: households_escaped_poverty}", "indicator: households_out_of_poverty}")
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    line = _line(path, "households_out_of_poverty")
    message = "example links to 'households_out_of_poverty', which is no indicator code of this file"
    assert err.value.problems == [f"{path}:{line}: {message}"]


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, "  - code: overdue_debt\n", "  - code: [overdue_debt\n")
    with pytest.raises(RuleError) as err:
        load_lexicon(path)
    assert "YAML syntax" in err.value.problems[0]
    assert re.search(r"indicators\.yaml:\d+:", err.value.problems[0])


def test_new_tone_keeps_length() -> None:
    for text in ["uỷ thác", "Hoà Bình", "khoẻ", "thuỷ lợi"]:
        assert len(new_tone(text)) == len(text)
    assert new_tone("uỷ thác") == "ủy thác"


def test_typographic_apostrophe_matches_a_plain_one() -> None:
    # Half of English outlets write "\u2019" where the rules write "'": the same cue.
    text = new_tone("Loans via the district Farmers\u2019 Association rose; the bank\u2019s total grew.")
    assert len(text) == 72 and "\u2019" not in text
    found = PhraseIndex({"cue": ["Farmers' Association", "the bank's"]}).scan(text)
    assert [text[start:end] for start, end, _ in found["cue"]] == ["Farmers' Association", "the bank's"]


def test_apostrophe_look_alikes_match_a_plain_one() -> None:
    # An opening quote or the letter apostrophe typed for an apostrophe: the same cue, same length.
    text = new_tone("Credit via the Youth\u2018s desk and the Veterans\u02bc Association grew.")
    assert len(text) == 63 and "\u2018" not in text and "\u02bc" not in text
    found = PhraseIndex({"cue": ["Youth's desk", "Veterans' Association"]}).scan(text)
    assert [text[start:end] for start, end, _ in found["cue"]] == ["Youth's desk", "Veterans' Association"]


def test_old_tone_pattern_matches_exactly_the_old_spellings() -> None:
    """The grouped pattern stands for the list of old spellings it was built from."""
    pairs = {a + b for a in "oOuUaA" for b in map(chr, range(0x41, 0x1EFA))}
    assert {p for p in pairs if _OLD_TONE_RE.fullmatch(p)} == set(_OLD_TONE)


def _scan_word_by_word(sets: dict[str, list[str]], text: str) -> dict[str, list[tuple[int, int, str]]]:
    """What ``PhraseIndex.scan`` must find, the slow way: at every word, each set's phrases
    starting with that word are tried in the set's matching order; within a set, matches do
    not overlap."""
    compiled = {name: [(first_word(p), re.compile(phrase_regex(p) + r"(?!\w)", re.IGNORECASE), p)
                       for p in _order(phrases)] for name, phrases in sets.items()}
    found: dict[str, list[tuple[int, int, str]]] = {name: [] for name in sets}
    busy = dict.fromkeys(sets, 0)
    for word in re.finditer(r"\w+", text):
        for name, tries in compiled.items():
            for first, rx, phrase in tries:
                if busy[name] > word.start() or first != word.group().lower():
                    continue
                m = rx.match(text, word.start())
                if m:
                    found[name].append((word.start(), m.end(), phrase))
                    busy[name] = m.end()
                    break
    return found


def _linker_sets(lang: str) -> dict[str, list[str]]:
    """Every phrase set the linker indexes for ``lang``: marker lists, scope and parts lists, cues."""
    from extractor.link.rules import (
        load_link_rules,
        load_part_rules,
        load_scope_rules,
        part_lists,
        scope_lists,
    )
    from extractor.resources import rules_dir

    return {**marker_lists(load_link_rules())[lang], **scope_lists(load_scope_rules(rules_dir() / "scope.yaml"), lang),
            **part_lists(load_part_rules(rules_dir() / "parts.yaml"), lang),
            CUES_BEFORE: list(bundled().indicators.phrases[(lang, "before")]),
            CUES_AFTER: list(bundled().indicators.phrases[(lang, "after")])}


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_phrase_index_finds_what_trying_every_word_finds(lang: str) -> None:
    from extractor.evaluation import load_gold

    sets = _linker_sets(lang)
    index = PhraseIndex(sets)
    odd = ["İn Nghe An, OUTSTANDING   LOANS rose; ſince 2020 outstanding\npolicy loans", "in-in to-now TO DATE",
           "Dư Nợ đến   nay; DƯ NỢ CHO VAY, tòan tỉnh, İnan đến hết năm", "outstanding loans will grow by 5%",
           "THE VBSP'S total, the  whole\nprovince; the, province the-branch to",
           "Ngân  hàng\nChính sách; NĂM 2024 năm"]
    texts = odd + [new_tone(case.text()) for case in load_gold(ROOT / "corpus" / "gold", language=lang)]
    assert len(texts) > 10
    for text in texts:
        assert index.scan(text) == _scan_word_by_word(sets, text), text[:60]


# One first word ("the") starting phrases of several sets: alone, with an optional second word,
# glued to what follows it ("the-"), followed by a sign ("the 's"); the index tries a set only
# where the text's next word can go on with one of its phrases.
_SHARED_FIRST_WORD = {
    "alone": ["The"],
    "optional": ["the [whole|entire] Province", "the bank's total"],
    "glued": ["the-branch office", "co-operative [policy] loans"],
    "sign": ["the 's share", "the (VBSP) branch"],
    "longer": ["the province", "the"],
}


@pytest.mark.parametrize("text", [
    "The whole province and the entire\nPROVINCE, the province's the bank's total; THE bank",
    "the-branch office, the -branch office, co-operative policy loans, co-operative  loans",
    "the 's share of the (VBSP) branch, the (vbsp)branch, the( VBSP) branch",
    "thе whole province",  # a Cyrillic "е": no English word "the"
    "the", "The.", "the whole", "wholly the",
])
def test_phrase_index_tries_sets_by_the_next_word(text: str) -> None:
    index = PhraseIndex(_SHARED_FIRST_WORD)
    assert index.scan(text) == _scan_word_by_word(_SHARED_FIRST_WORD, text)


def test_phrase_letters_ignoring_case_match_only_what_lower_case_gives() -> None:
    """The index matches phrases case-sensitively over the text in lower case (``caseless``),
    a pre-selection sound only if every letter of a phrase, ignoring case, matches no character
    whose lower case is another letter (Greek "σ" would match "ς")."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    letters = {ch for lang in ("en", "vi") for phrases in _linker_sets(lang).values() for phrase in phrases
               for ch in caseless(new_tone(phrase)) if ch.isalpha()}
    assert len(letters) > 26
    for letter in sorted(letters):
        assert {caseless(ch) for ch in re.findall(re.escape(letter), every, re.IGNORECASE)} == {letter}, letter


def test_caseless_keeps_length_and_gives_the_ascii_letter_re_would_match() -> None:
    letter = re.compile("[a-z]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        low = caseless(ch)
        assert len(low) == 1, hex(code)
        if letter.fullmatch(ch):
            assert re.fullmatch(low, ch, re.IGNORECASE) and low.isascii() and low.islower(), hex(code)
        elif low.isascii():
            assert not low.isalpha(), hex(code)


def test_phrase_regex_optional_words() -> None:
    pattern = re.compile(phrase_regex("total [policy] [credit] capital [sources|source]"), re.IGNORECASE)
    for text in ["total capital", "Total policy credit capital sources", "total credit capital source"]:
        assert pattern.fullmatch(text)
    assert not pattern.fullmatch("total policy")


def test_doctests_of_the_lexicon_and_gazetteer() -> None:
    import doctest

    import extractor.link.indicators as lexicon_module
    import extractor.link.provinces as provinces_module
    import extractor.registry.phrases as phrases_module

    for module in (lexicon_module, provinces_module, phrases_module):
        assert doctest.testmod(module).failed == 0
