"""Reading a search query: the province and indicator it names become filters, the rest stays words.

"tổng dư nợ Nghệ An" is the outstanding loans of Nghệ An, not four words to find in one sentence:
a province named in the query (any spelling the gazetteer knows, with or without diacritics, in
any case) and an indicator named by its name or one of its cues (``rules/indicators.yaml``) are
taken out of the words and returned as filters. What is left goes to full text.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import sqlite3

from extractor.folding import fold_key, fold_lower
from extractor.models import Record
from extractor.registry.bundle import bundled
from extractor.store.labels import meaning_order

PRE_2025 = dt.date(2025, 6, 30)  # a day on the old map, to name a province as it was
# Words that only say what kind of unit follows ("tỉnh Nghệ An", "Nghe An province"): they go with it.
PLACE_WORDS = ("tinh", "thanh pho", "tp", "province", "city")
MAX_EXPANSIONS = 64


class QueryReading(Record):
    """What a query names: a province, an indicator (with the words that named them) and the rest."""

    words: str
    province: str | None = None
    province_words: str = ""
    indicator: str | None = None
    indicator_words: str = ""


def _expand(phrase: str) -> list[str]:
    """Every reading of a cue phrase with optional words ("total [policy] capital [sources|source]").

    >>> _expand("total [policy] capital")
    ['total capital', 'total policy capital']
    """
    parts = re.split(r"(\[[^\]]*\])", phrase)
    options = [["", *p[1:-1].split("|")] if p.startswith("[") else [p] for p in parts]
    if functools.reduce(lambda n, o: n * len(o), options, 1) > MAX_EXPANSIONS:
        return [" ".join(p for p in parts if not p.startswith("["))]
    return sorted({" ".join("".join(combo).split()) for combo in itertools.product(*options)} - {""})


@functools.cache
def indicator_phrases() -> dict[str, str]:
    """Folded phrase → indicator code: names in both languages and every 'before' cue, first code
    in the order of meaning when a phrase belongs to several ("dư nợ" is outstanding loans)."""
    table: dict[str, str] = {}
    rules = sorted(bundled().indicators.indicators.values(), key=lambda r: meaning_order(r.code))
    for rule in rules:  # names first: a name is what a reader types
        for name in (rule.name, rule.name_vi):
            table.setdefault(fold_key(name), rule.code)
    for rule in rules:
        for phrase in [*rule.before.phrases("vi"), *rule.before.phrases("en")]:
            for reading in _expand(phrase):
                table.setdefault(fold_key(reading), rule.code)
    return {k: v for k, v in table.items() if len(k) > 2}


def _pattern(phrases: list[str]) -> re.Pattern[str] | None:
    """A regex finding any of ``phrases`` as whole words in folded text, longest first."""
    if not phrases:
        return None
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


@functools.cache
def _indicator_pattern() -> re.Pattern[str] | None:
    return _pattern(list(indicator_phrases()))


def _stored_provinces(conn: sqlite3.Connection) -> list[str]:
    """Province names the table holds (not "national")."""
    return [r[0] for r in conn.execute("SELECT DISTINCT province FROM cell_keys") if r[0] != "national"]


def _find_province(query: str, stored: list[str]) -> tuple[str, int, int] | None:
    """The stored province the query names, and where: folded spellings first, then the gazetteer's
    (English and older spellings: "Hanoi", "HCMC"), named as the table stores it."""
    folded = fold_lower(query)
    by_key = {fold_key(name): name for name in stored}
    pattern = _pattern(list(by_key))
    match = pattern.search(folded) if pattern else None
    if match:
        return by_key[fold_key(match.group(0))], match.start(), match.end()
    places = bundled().gazetteer
    for mention in places.find(query.title()):
        for on in (PRE_2025, None):
            name = places.name_at(mention.code, on)
            if name in stored:
                return name, mention.start, mention.end
    return None


def _cut(query: str, start: int, end: int) -> tuple[str, str]:
    """The query without ``[start, end)`` and a place word just before or after it; and what was cut."""
    folded = fold_lower(query)
    words = "|".join(r"\s+".join(w.split()) for w in PLACE_WORDS)
    before = re.search(rf"(?<!\w)(?:{words})\s*$", folded[:start])
    after = re.match(rf"\s*(?:{words})(?!\w)", folded[end:])
    start = before.start() if before else start
    end = end + after.end() if after else end
    return " ".join((query[:start] + " " + query[end:]).split()), query[start:end].strip()


def read_query(conn: sqlite3.Connection, query: str) -> QueryReading:
    """The province and indicator a query names, taken out of its words.

    Only names the table holds become filters; a query naming two provinces keeps the second as words.
    """
    rest, province, province_words = query, None, ""
    found = _find_province(rest, _stored_provinces(conn))
    if found:
        province = found[0]
        rest, province_words = _cut(rest, found[1], found[2])
    indicator, indicator_words = None, ""
    pattern = _indicator_pattern()
    match = pattern.search(fold_lower(rest)) if pattern else None
    if match:
        indicator = indicator_phrases()[fold_key(match.group(0))]
        indicator_words = rest[match.start():match.end()]
        rest = " ".join((rest[:match.start()] + " " + rest[match.end():]).split())
    return QueryReading(words=rest, province=province, province_words=province_words, indicator=indicator,
                        indicator_words=indicator_words)
