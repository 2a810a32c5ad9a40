"""Language data lives in ``rules/``, not in Python: no Vietnamese letter in code outside docstrings
and comments, one fold function, and the rule files that took the data report bad entries.

A Vietnamese letter is a non-ASCII letter whose NFD decomposition carries a combining mark (every
toned vowel, and ă â ê ô ơ ư, whose hats and horns are marks too) or đ/Đ, which Unicode does not
decompose. Code is read with ``tokenize`` (a string literal that is no docstring counts, and so
does a name); a ``\\uXXXX`` escape is not a letter in the source, but an escaped Vietnamese letter
is refused too, unless it is a fact about Unicode rather than about a language (the fold's đ).
"""

from __future__ import annotations

import ast
import doctest
import io
import shutil
import tokenize
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from extractor import folding
from extractor.errors import RuleError
from extractor.registry.bundle import load_registry
from extractor.resources import rules_dir
from extractor.store import labels, numeric, query

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "extractor"
# Escapes that state a Unicode fact rather than language data: đ and Đ have no decomposition,
# so the fold names them (combining marks are no letters and need no exemption).
UNICODE_FACTS = frozenset("\u0111\u0110")
# Letters still in code outside this change's files, each with why and what would remove it. An
# entry that no longer matches fails the test, so the list only shrinks.
KNOWN = {
    ("cli/store_cmd.py", "tỷ"): "a sample query in the search command's --help text",
    ("models.py", "đồng"): "an error message naming the unit; 'dong' in English prose would do",
    ("nlp/assemble.py", "đồng"): "a warning naming the unit; 'dong' in English prose would do",
    ("registry/phrases.py", "İ"): "a Unicode fact (re.IGNORECASE's dotted I), to be written \\u0130",
    ("store/schema.py", "đ"): "SQL of the FTS views folding đ to d inside SQLite: SQL, not data",
}


def is_vietnamese_letter(ch: str) -> bool:
    """A non-ASCII letter with a combining mark in its NFD form, or đ/Đ.

    >>> [is_vietnamese_letter(c) for c in "aệđƠ%ø"]
    [False, True, True, True, False, False]
    """
    if ch.isascii() or not ch.isalpha():
        return False
    return ch in "đĐ" or any(map(unicodedata.combining, unicodedata.normalize("NFD", ch)))


def _has_letters(text: str) -> bool:
    return any(map(is_vietnamese_letter, text))


def _docstrings(tree: ast.AST) -> set[tuple[int, int]]:
    """Where the docstrings of a module, its classes and functions start (line, column)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                found.add((first.lineno, first.col_offset))  # indentation is ASCII: bytes = chars
    return found


def written_letters(source: str) -> list[tuple[int, str]]:
    """(line, token) of each token holding a Vietnamese letter, comments and docstrings aside."""
    docs = _docstrings(ast.parse(source))
    return [(tok.start[0], tok.string)
            for tok in tokenize.generate_tokens(io.StringIO(source).readline)
            if tok.type != tokenize.COMMENT and not (tok.type == tokenize.STRING and tok.start in docs)
            and _has_letters(tok.string)]


def escaped_letters(source: str) -> list[tuple[int, str]]:
    """(line, letters) of each string constant holding Vietnamese letters its source spells as
    escapes, Unicode facts (đ) aside."""
    tree = ast.parse(source)
    docs = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                and (node.lineno, node.col_offset) not in docs:
            written = ast.get_source_segment(source, node) or ""
            hidden = {ch for ch in node.value if is_vietnamese_letter(ch) and ch not in written}
            if hidden - UNICODE_FACTS:
                found.append((node.lineno, "".join(sorted(hidden))))
    return found


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _unknown(path: Path) -> list[str]:
    """The letters of a module that ``KNOWN`` does not list, as ``file:line: token``."""
    name = _name(path)
    known = [word for (where, word) in KNOWN if where == name]
    return [f"extractor/{name}:{line}: {token[:80]}"
            for line, token in written_letters(path.read_text("utf-8"))
            if not any(word in token for word in known)]


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_no_vietnamese_letters_in_code(path: Path) -> None:
    found = _unknown(path)
    assert not found, "move the words into rules/ (a validated rule file, passed in):\n" + "\n".join(found)


@pytest.mark.parametrize("path", _modules(), ids=_name)
def test_no_language_data_hidden_in_escapes(path: Path) -> None:
    found = [f"extractor/{_name(path)}:{line}: {letters}" for line, letters in escaped_letters(
        path.read_text("utf-8"))]
    assert not found, "escaped Vietnamese letters are language data: move them into rules/\n" + "\n".join(found)


@pytest.mark.parametrize(("where", "word"), sorted(KNOWN))
def test_every_known_exception_still_exists(where: str, word: str) -> None:
    tokens = [token for _, token in written_letters((PACKAGE / where).read_text("utf-8"))]
    assert any(word in token for token in tokens), f"extractor/{where} no longer holds {word!r}: drop it from KNOWN"


# ---- the checks themselves catch what they are for --------------------------------------------

@pytest.mark.parametrize(("source", "caught"), [
    ('SCALES = ["tỷ", "triệu"]', True),
    ('MOTTO = re.compile(r"CỘNG\\s+HÒA")', True),
    ('message = f"{n} đồng"', True),
    ('VNI = "øûïäëöñåæ"', True),  # mojibake of a Vietnamese encoding is language data too
    ("tỷ = 10**9", True),
    ('def f() -> None:\n    """Reads "13.357 tỷ đồng"."""', False),
    ('class C:\n    """Ngày đăng."""\n    x = 1', False),
    ("x = 1  # ngày đăng", False),
    ('D = "\\u0111"', False),
    ('TCVN3 = "©µ×"', False),
    ('WORDS = ["next", "older", "»"]', False),
])
def test_written_letter_check(source: str, caught: bool) -> None:
    assert bool(written_letters(source)) is caught


@pytest.mark.parametrize(("source", "caught"), [
    ('WORD = "t\\u1ef7"', True),  # "tỷ" spelt in escapes
    ('WORD = "\\N{LATIN SMALL LETTER A WITH BREVE}n"', True),
    ('FOLD = "\\u0111\\u0110"', False),  # đ has no decomposition: the fold must name it
    ('MARKS = "\\u0300\\u0301\\u0303\\u0309\\u0323"', False),  # combining tone marks are no letters
    ('WORD = "tỷ"', False),  # written, not escaped: the other check catches it
])
def test_escaped_letter_check(source: str, caught: bool) -> None:
    assert bool(escaped_letters(source)) is caught


# ---- one fold ------------------------------------------------------------------------------

@pytest.mark.parametrize("module", [folding, numeric, labels, query], ids=lambda m: m.__name__)
def test_doctests(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0


def test_search_folds_with_the_one_fold() -> None:
    text = "Đắk Lắk, Thừa Thiên Huế: İ"
    assert query.fold_chars(text) == folding.fold_lower(text)
    assert len(folding.fold_lower(text)) == len(text)
    assert query.fold("  Nghệ   An ") == folding.fold_key("Nghệ An") == "nghe an"
    assert query.quote_fts("Đắk Lắk") == '"Dak" "Lak"'


def test_no_other_fold() -> None:
    # A hand-made fold names đ or strips combining marks: only the fold may (and the SQL views).
    allowed = {"folding.py", "store/schema.py"}
    folds = [f"extractor/{_name(p)}" for p in _modules() if _name(p) not in allowed
             and any(word in p.read_text("utf-8") for word in ("unicodedata.combining", '"đ"', "'đ'"))]
    assert folds == []


# ---- the rule files that took the data -------------------------------------------------------

@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(rules_dir(), folder)
    return folder


def _problems(folder: Path) -> list[str]:
    with pytest.raises(RuleError) as info:
        load_registry(folder)
    return info.value.problems


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


@pytest.mark.parametrize(("file", "old", "new", "message"), [
    ("pdf.yaml", "(?P<number>\\d+", "(\\d+", "needs the named groups number"),
    ("pdf.yaml", "{pattern: 'BÍ\\s+THƯ'}", "{pattern: 'BÍ\\s+(THƯ'}", "bad regular expression"),
    ("pdf.yaml", "    example: \"Ng©n hµng\"", "    sample: \"Ng©n hµng\"", "Extra inputs"),
    ("html.yaml", "[comment, binh-?luan, disqus]", "[comment, 'binh-?(luan', disqus]", "bad regular"),
    ("html.yaml", "photo_credit: [", "photo_credits: [", "Extra inputs"),
    ("search.yaml", "{phrase: mn, power: 6}", "{phrase: mn, power: 60}", "less than or equal"),
    ("search.yaml", "percent: [percent, per cent, phần trăm]", "percent: []", "at least 1"),
    ("language.yaml", "vi: Tiếng Việt}", "fr: Français}", "Input should be 'en' or 'vi'"),
])
def test_a_bad_entry_is_reported_with_its_line(rules_copy: Path, file: str, old: str, new: str,
                                               message: str) -> None:
    path = rules_copy / file
    _replace(path, old, new)
    line = next(n for n, text in enumerate(path.read_text("utf-8").splitlines(), 1) if new in text)
    problems = _problems(rules_copy)
    assert all(f"/{file}:" in p for p in problems), problems  # no other file is blamed
    assert any(f"/{file}:{line}: " in p and message in p for p in problems), problems


def test_every_new_rule_file_is_read_by_the_registry() -> None:
    registry = load_registry()
    assert registry.pdf.header.number.search("Số: 73/KH-UBND")["number"] == "73/KH-UBND"  # type: ignore[index]
    assert registry.html.page.photo_credit.search("Người dân nhận vốn. Ảnh: Minh Đức")
    assert "trang sau" in registry.html.next_page_words
    assert "phần trăm" in registry.search.percent
    assert registry.language.names["vi"] == labels.language_label("vi")
