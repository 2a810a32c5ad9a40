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
from typing import Any

from extractor.folding import fold
from extractor.nlp.drafts import LegalDraft, Match, group
from extractor.nlp.rules import CompiledRule, LegalCodes, RuleSet, fold_phrase
from extractor.registry.files import Strict, load_model

SPLIT = re.compile(r"[-/]")
YEAR = re.compile(r"^(?:19|20)\d{2}$")


class TypeCode(Strict):
    """A type code ("CT") and the kind of document it marks."""

    code: str
    kind: str


class IssuerCode(Strict):
    """An issuer code ("TTg") and the issuer's name."""

    code: str
    name: str


class LegalCodeFile(Strict):
    """``rules/legal_codes.yaml``."""

    types: list[TypeCode]
    issuers: list[IssuerCode]


def code_key(code: str) -> str:
    """Look-up key of a code: ASCII, upper case, trailing digits dropped (QH15 → QH)."""
    return fold(code).upper().rstrip("0123456789")


def load_legal_codes(path: Path) -> LegalCodes:
    """The type and issuer code tables, validated (bad entries reported as file:line)."""
    codes = load_model(path, LegalCodeFile)
    return LegalCodes(types={code_key(t.code): t.kind for t in codes.types},
                      issuers={code_key(i.code): i.name for i in codes.issuers})


def parse_code(code: str, word_kind: str | None, tables: LegalCodes) -> dict[str, Any] | None:
    """Split a document number into number, year, type and issuer; None if no code is known."""
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
        fields = {"number": match.group("num"), "kind": word_kind}
        return [LegalDraft(match.start(), match.end(), rule.id, rule.rule.priority, fields, True)]
    fields = parse_code(code, word_kind, rs.legal_codes)
    if fields is None:
        return []
    return [LegalDraft(match.start(), match.end(), rule.id, rule.rule.priority, fields)]


def resolve_short(drafts: list[LegalDraft]) -> list[LegalDraft]:
    """Give short forms the fields of the full reference with the same kind and number."""
    full = {(d.fields["kind"], d.fields["number"].lstrip("0")): d.fields for d in drafts if not d.short}
    out = []
    for draft in drafts:
        if not draft.short:
            out.append(draft)
            continue
        target = full.get((draft.fields["kind"], draft.fields["number"].lstrip("0")))
        if target is not None:
            out.append(LegalDraft(draft.start, draft.end, draft.rule, draft.priority,
                                  dict(target), short=True))
    return out
