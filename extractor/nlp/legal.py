"""Legal and party document references: "Directive No. 40-CT/TW", "Quyết định số 1560/QĐ-TTg".

The number's codes say what the document is: a type code (CT directive, QĐ decision…) and an
issuer code (TW, TTg, UBND…); both tables are data in ``rules/legal_codes.yaml``. The
canonical ``id`` is the number as written, folded to ASCII ("1560/QĐ-TTg" → "1560/QD-TTg").
Short forms ("Directive 40", "Chỉ thị 40") are kept only when the same document cites the full
reference, whose id they take.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from extractor.folding import fold
from extractor.nlp.drafts import LegalDraft, Match, group
from extractor.nlp.rules import CompiledRule, LegalCodes, RuleSet, fold_phrase
from extractor.registry.files import Strict, load_model

SPLIT = re.compile(r"[-/]")
YEAR = re.compile(r"^(?:19|20)\d{2}$")


class TypeCode(Strict):
    """A type code ("CT"), the kind of document it marks, and whether its numbers carry a year."""

    code: str
    kind: str
    dated: bool = False


class IssuerWords(Strict):
    """How a text names an issuer in words, per language."""

    en: list[str] = []
    vi: list[str] = []


class IssuerCode(Strict):
    """An issuer code ("TTg"), the issuer's name, how its numbers are written, its names in words."""

    code: str
    name: str
    style: Literal["party", "state"] = "state"
    words: IssuerWords = IssuerWords()


class LegalCodeFile(Strict):
    """``rules/legal_codes.yaml``."""

    types: list[TypeCode]
    issuer_links: IssuerWords = IssuerWords()
    issue_verbs: IssuerWords = IssuerWords()
    issuers: list[IssuerCode]


def code_key(code: str) -> str:
    """Look-up key of a code: ASCII, upper case, trailing digits dropped (QH15 → QH)."""
    return fold(code).upper().rstrip("0123456789")


def load_legal_codes(path: Path) -> LegalCodes:
    """The type and issuer code tables, validated (bad entries reported as file:line)."""
    codes = load_model(path, LegalCodeFile)
    kind_codes: dict[str, str] = {}
    for t in codes.types:
        kind_codes.setdefault(t.kind, t.code)
    return LegalCodes(types={code_key(t.code): t.kind for t in codes.types},
                      issuers={code_key(i.code): i.name for i in codes.issuers},
                      issuer_words=_issuer_regex(codes.issuers, codes.issuer_links), kind_codes=kind_codes,
                      issuer_before=_issuer_before_regex(codes.issuers, codes.issue_verbs),
                      dated=frozenset(t.code for t in codes.types if t.dated),
                      party=frozenset(i.code for i in codes.issuers if i.style == "party"))


def _names(issuers: list[IssuerCode]) -> str:
    """Every issuer's words as named groups (a match's group is its issuer's code), longest first."""
    groups: dict[str, list[str]] = {}
    for words, code in sorted(((w, i.code) for i in issuers for w in [*i.words.en, *i.words.vi]),
                              key=lambda pair: -len(pair[0])):
        groups.setdefault(code, []).append(r"\s+".join(map(re.escape, words.split())))
    ordered = sorted(((max(map(len, ws)), code, ws) for code, ws in groups.items()), reverse=True)
    return "|".join(f"(?P<{code}>{'|'.join(ws)})" for _, code, ws in ordered)


def _issuer_before_regex(issuers: list[IssuerCode], verbs: IssuerWords) -> re.Pattern[str] | None:
    """An issuer named in words and an issue verb, ending the text before a reference."""
    words = sorted([*verbs.en, *verbs.vi], key=len, reverse=True)
    names = _names(issuers)
    if not words or not names:
        return None
    verb = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"(?<!\w)(?:{names})\s+(?:{verb})\s+$")


def _issuer_regex(issuers: list[IssuerCode], links: IssuerWords) -> re.Pattern[str] | None:
    """One regex of every issuer's words after a link word ("of the", "của"), longest first; a
    match's group names its issuer."""
    branches = sorted(((w, i.code) for i in issuers for w in [*i.words.en, *i.words.vi]),
                      key=lambda pair: -len(pair[0]))
    if not branches:
        return None
    groups: dict[str, list[str]] = {}
    for words, code in branches:
        groups.setdefault(code, []).append(r"\s+".join(map(re.escape, words.split())))
    alternatives = sorted(((max(map(len, ws)), code, ws) for code, ws in groups.items()), reverse=True)
    link_words = sorted([*links.en, *links.vi], key=len, reverse=True)
    link = "|".join(r"\s+".join(map(re.escape, w.split())) for w in link_words)
    names = "|".join(f"(?P<{code}>{'|'.join(ws)})" for _, code, ws in alternatives)
    # Case aside: Vietnamese pages write "Ban bí thư" as often as "Ban Bí thư".
    return re.compile(rf"(?<!\w)(?:{link})\s+(?:{names})(?!\w)", re.IGNORECASE)


def parse_code(code: str, word_kind: str | None, tables: LegalCodes) -> dict[str, Any] | None:
    """Split a document number into number, year, type and issuer; None if no code is known. A
    stray space in it ("25/2019 /NQ-HĐND") is no separator of its own and leaves the id."""
    code = "".join(code.split())
    parts = SPLIT.split(code)
    number, rest = parts[0], parts[1:]
    year = int(rest.pop(0)) if rest and YEAR.match(rest[0]) else None
    keys = [code_key(p) for p in rest]
    type_at = next((i for i, k in enumerate(keys) if k in tables.types), None)
    known_issuers = [i for i, k in enumerate(keys) if k in tables.issuers]
    if type_at is None and not known_issuers:
        return None
    if type_at is not None:
        kind = tables.types[keys[type_at]]
        after = [i for i in known_issuers if i > type_at] or known_issuers
    else:
        kind = word_kind or ("official_letter" if len(rest) > 1 else "other")
        after = known_issuers
    issuer_at = after[0] if after else None
    return {
        "id": fold(code),
        "kind": kind,
        "number": number,
        "year": year,
        "type_code": fold(rest[type_at]) if type_at is not None else "",
        "issuer_code": fold(rest[issuer_at]) if issuer_at is not None else "",
        "issuer": tables.issuers[keys[issuer_at]] if issuer_at is not None else None,
    }


def _word_kind(match: Match, rs: RuleSet) -> str | None:
    word = group(match, "word")
    return rs.lookup["legal_types"].get(fold_phrase(word)) if word else None


def normalise(match: Match, rule: CompiledRule, rs: RuleSet) -> list[LegalDraft]:
    """A full reference (with its codes) or a short form awaiting resolution."""
    word_kind = _word_kind(match, rs)
    code = group(match, "code")
    if code is None:
        if word_kind is None:
            return []
        short = {"number": match.group("num"), "kind": word_kind}
        return [LegalDraft(match.start(), match.end(), rule.id, rule.rule.priority, short, True)]
    fields = parse_code(code, word_kind, rs.legal_codes)
    if fields is None:
        return []
    return [LegalDraft(match.start(), match.end(), rule.id, rule.rule.priority, fields)]


def resolve_short(drafts: list[LegalDraft], text: str, codes: LegalCodes) -> list[LegalDraft]:
    """Short forms with the fields of the full reference of the same kind and number cited in
    the document, else of the issuer named in words after them ("Directive 40 of the Party
    Central Committee's Secretariat" → 40-CT/TW), else as short forms: the number as their id."""
    drafts = [_named_issuer(d, text, codes) if not d.short else d for d in drafts]
    full = {(d.fields["kind"], d.fields["number"].lstrip("0")): d.fields for d in drafts if not d.short}
    out = []
    for draft in drafts:
        if not draft.short:
            out.append(draft)
            continue
        key = (draft.fields["kind"], draft.fields["number"].lstrip("0"))
        target = full.get(key)
        fields = dict(target) if target is not None else _completed(draft, text, codes)
        if fields["issuer_code"]:
            full.setdefault(key, fields)  # later mentions of the same short form mean the same
        out.append(LegalDraft(draft.start, draft.end, draft.rule, draft.priority, fields, short=True))
    return out


NAMED_REACH = 80  # how far before a reference the issuer that "issued" it may be named


def _named_issuer(draft: LegalDraft, text: str, codes: LegalCodes) -> LegalDraft:
    """A full reference whose issuer, named just before it as the one that issued it, writes in
    the same style under another code: the named issuer's code (a mistyped suffix)."""
    written = draft.fields.get("issuer_code", "")
    if codes.issuer_before is None or not written:
        return draft
    found = codes.issuer_before.search(text, max(0, draft.start - NAMED_REACH), draft.start)
    named = found.lastgroup if found else None
    if named is None or named == written or (named in codes.party) != (written in codes.party):
        return draft
    fields = dict(draft.fields)
    fields["id"] = re.sub(re.escape(fold(written)) + "$", named, fields["id"])
    fields["issuer_code"], fields["issuer"] = named, codes.issuers.get(code_key(named))
    return LegalDraft(draft.start, draft.end, draft.rule, draft.priority, fields, draft.short)


# Where an issuer named in words may follow a short form: up to the end of its sentence (a stop
# before a capital letter, a semicolon, a line break; "No. 06" ends nothing).
_STOPS = re.compile(r"[.!?]\s+(\S)|[;\n]")
ISSUER_REACH = 120


def _sentence_rest(window: str) -> str:
    """``window`` up to the end of its sentence."""
    for stop in _STOPS.finditer(window):
        if stop.group(1) is None or stop.group(1).isupper():
            return window[: stop.start()]
    return window


def _completed(draft: LegalDraft, text: str, codes: LegalCodes) -> dict[str, Any]:
    """The fields of a short form: completed from the issuer named after it, else the number."""
    number, kind = draft.fields["number"], draft.fields["kind"]
    fields: dict[str, Any] = {"id": number, "kind": kind, "number": number, "year": None,
                              "type_code": "", "issuer_code": "", "issuer": None}
    type_code = codes.kind_codes.get(kind)
    if codes.issuer_words is None or type_code is None or type_code in codes.dated:
        return fields
    found = codes.issuer_words.search(_sentence_rest(text[draft.end : draft.end + ISSUER_REACH]))
    if found is None or found.lastgroup is None:
        return fields
    issuer = found.lastgroup
    ident = f"{number}-{type_code}/{issuer}" if issuer in codes.party else f"{number}/{type_code}-{issuer}"
    return fields | {"id": ident, "type_code": type_code, "issuer_code": issuer,
                     "issuer": codes.issuers.get(code_key(issuer))}
