"""Legal and party document references: "Directive No. 40-CT/TW", "Quyết định số 1560/QĐ-TTg".

The number's codes say what the document is: a type code (CT directive, QĐ decision…) and an
issuer code (TW, TTg, UBND…); both tables are data in ``rules/legal_codes.yaml``. The
canonical ``id`` is the number as written, folded to ASCII ("1560/QĐ-TTg" → "1560/QD-TTg").
Short forms ("Directive 40", "Chỉ thị 40") are kept only when the same document cites the full
reference, whose id they take.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict

from extractor.errors import RuleError
from extractor.nlp.drafts import LegalDraft, Match, group
from extractor.nlp.rules import CompiledRule, RuleSet, fold_phrase, read_yaml, validate_yaml_list
from extractor.resources import rules_dir

SPLIT = re.compile(r"[-/]")
YEAR = re.compile(r"^(?:19|20)\d{2}$")


class _Code(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    code: str


class TypeCode(_Code):
    kind: str


class IssuerCode(_Code):
    name: str


class LegalCodes(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")
    types: dict[str, str]
    issuers: dict[str, IssuerCode]


def ascii_fold(text: str) -> str:
    """Đ/đ → D/d: the ids of legal references are ASCII."""
    return text.replace("Đ", "D").replace("đ", "d")


def code_key(code: str) -> str:
    """Look-up key of a code: ASCII, upper case, trailing digits dropped (QH15 → QH)."""
    return ascii_fold(code).upper().rstrip("0123456789")


@cache
def legal_codes() -> LegalCodes:
    """The type and issuer code tables, validated (bad entries reported as file:line)."""
    path = rules_dir() / "legal_codes.yaml"
    data = read_yaml(path)
    problems: list[str] = []
    types = validate_yaml_list(path, data, "types", TypeCode, problems)
    issuers = validate_yaml_list(path, data, "issuers", IssuerCode, problems)
    if problems:
        raise RuleError(problems)
    return LegalCodes(
        types={code_key(t.code): t.kind for t in types},
        issuers={code_key(i.code): i for i in issuers},
    )


def parse_code(code: str, word_kind: str | None) -> dict[str, Any] | None:
    """Split a document number into number, year, type and issuer; None if no code is known."""
    tables = legal_codes()
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
        "id": ascii_fold(code),
        "kind": kind,
        "number": number,
        "year": year,
        "type_code": ascii_fold(rest[type_at]) if type_at is not None else "",
        "issuer_code": ascii_fold(rest[issuer_at]) if issuer_at is not None else "",
        "issuer": tables.issuers[keys[issuer_at]].name if issuer_at is not None else None,
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
    fields = parse_code(code, word_kind)
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
