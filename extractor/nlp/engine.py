"""The NLP stage's engine: every rule of ``rules/`` run over each paragraph's text.

``read`` splits each paragraph into sentences with one regex pass (``sentences.split``) and runs
every compiled rule over its text (``find_drafts``: a raw-text regex pass is cheaper than token
patterns, see field notes), leaving drafts. No rule reads a token, so no spaCy Doc is made:
tokenising cost as much as the rules, and importing spaCy most of a short run's start-up.
``spacy_pipeline.build_nlp`` gives the same two steps as components of a blank spaCy pipeline,
for a caller who wants Docs. ``extract_document`` then settles overlaps, resolves dates,
ambiguous numbers and short legal forms, and returns the records (figures, dates, legal
references; linking comes after). No model weights; nothing is fetched.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from time import monotonic
from typing import Literal, NamedTuple

from extractor.models import Document, Extraction
from extractor.nlp import counts, dates, legal, money, percent
from extractor.nlp.assemble import assemble
from extractor.nlp.drafts import DateDraft, FigureDraft, LegalDraft
from extractor.nlp.hits import Hit
from extractor.nlp.language import LanguageCues, detect
from extractor.nlp.rules import CompiledRule, RuleSet
from extractor.nlp.sentences import Sentences, split

Draft = FigureDraft | DateDraft | LegalDraft
LangOption = Literal["en", "vi", "auto"]
NORMALISERS: dict[str, Callable[..., Sequence[Draft]]] = {
    "money": money.normalise,
    "count": counts.normalise,
    "percent": percent.normalise,
    "ratio": percent.normalise,
    "date": dates.normalise,
    "legal": legal.normalise,
}
# The longest piece of a paragraph read at once: spaCy's ``max_length``, the longest text it takes
# (its E088), so that a piece is one Doc for the pipeline of ``spacy_pipeline.build_nlp`` too.
PIECE_CHARS = 1_000_000


def find_drafts(text: str, rules: RuleSet) -> list[Draft]:
    """Every rule's hits turned into drafts (overlaps still unsettled), rule by rule."""
    drafts: list[Draft] = []
    for rule, found in rules.scanner.matches(text):
        normalise = NORMALISERS[rule.rule.kind]
        for match in found:
            hit = make_hit(text, match, rule)
            if hit is not None:
                drafts.extend(normalise(hit, rule, rules))
    return drafts


def make_hit(text: str, match: re.Match[str], rule: CompiledRule) -> Hit | None:
    """The hit of a main match with its ``before`` context, or None when a guard rejects it."""
    if rule.before is None and rule.not_before is None:
        return Hit(match, None, 0, groups=rule.main_groups)
    start = max(0, match.start() - rule.rule.window)
    window = text[start:match.start()]
    if rule.not_before is not None and rule.not_before.search(window):
        return None
    possible = rule.before is not None and rule.context_possible(window)
    before = rule.before.search(window) if possible and rule.before is not None else None
    if before is None and rule.rule.before_required:
        return None
    groups = rule.all_groups if before is not None else rule.main_groups
    return Hit(match, before, start, groups=groups, before_in_span=rule.rule.before_in_span)


def document_id(raw: bytes) -> str:
    """A document's id: the SHA-256 of its raw bytes."""
    return hashlib.sha256(raw).hexdigest()


def make_document(text: str, *, source: str, lang: LangOption, cues: LanguageCues,
                  published: dt.date | None = None, raw: bytes | None = None,
                  title: str | None = None, meta: dict[str, str] | None = None,
                  content_type: str = "text/plain") -> Document:
    """The Document record of a parsed text; its language detected unless given."""
    language, evidence = detect(text, cues) if lang == "auto" else (lang, "given")
    return Document(
        id=document_id(raw if raw is not None else text.encode("utf-8")),
        source=source, title=title, published=published, language=language,
        language_evidence=evidence, text=text, content_type=content_type, meta=meta or {})


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line: the unit the rules read, and never cross."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def pieces(text: str, start: int, end: int, *, limit: int,
           abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """The paragraph ``text[start:end]`` as (start, end) pieces of at most ``limit`` characters
    (one piece when it is that short): spaCy refuses a longer text (its E088, a guard for the
    memory of models this pipeline does not run). Each piece ends where a sentence of the
    paragraph starts, else at a space, so a match is rarely cut."""
    if end - start <= limit:
        return [(start, end)]
    starts = [start + s for s in split(text[start:end], abbreviations).starts]
    found = []
    while end - start > limit:
        cut = _cut(text, starts, start, start + limit)
        found.append((start, cut))
        start = cut
    return [*found, (start, end)]


def _cut(text: str, starts: list[int], start: int, stop: int) -> int:
    """Where a piece from ``start`` ends, at most at ``stop``: the last sentence start after
    ``start``, else the last space, else ``stop``."""
    index = bisect.bisect_right(starts, stop) - 1
    if index >= 0 and starts[index] > start:
        return starts[index]
    space = text.rfind(" ", start + 1, stop)
    return space if space > start else stop


class Reading(NamedTuple):
    """What the rules found in a text: drafts and sentences of ``text[:end]`` (``end`` is the
    text's length unless a deadline stopped the reading at a paragraph)."""

    drafts: list[Draft]
    sentences: Sentences
    end: int


def read(text: str, rules: RuleSet, *, deadline: float | None = None) -> Reading:
    """Drafts and sentences of a text, paragraph by paragraph (piece by piece of a very long
    one), until ``deadline`` (a ``time.monotonic()`` value) passes: the paragraphs before it are
    read, the rest are not.

    No spaCy Doc is made: the sentence split and the rules read only the text."""
    abbreviations = frozenset(rules.lexicon.abbreviations)
    drafts: list[Draft] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in paragraphs(text):
        if deadline is not None and monotonic() > deadline:
            return Reading(drafts, Sentences(text, tuple(starts) or (0,), tuple(ends) or (start,)), start)
        for offset, stop in pieces(text, start, end, limit=PIECE_CHARS, abbreviations=abbreviations):
            piece = text[offset:stop]
            local = split(piece, abbreviations)
            for draft in find_drafts(piece, rules):
                draft.start += offset
                draft.end += offset
                drafts.append(draft)
            starts.extend(s + offset for s in local.starts)
            ends.extend(e + offset for e in local.ends)
    return Reading(drafts, Sentences(text, tuple(starts) or (0,), tuple(ends) or (len(text),)), len(text))


def run_pipeline(text: str, rules: RuleSet) -> tuple[list[Draft], Sentences]:
    """Drafts and sentences of a whole text (``read`` without a deadline)."""
    reading = read(text, rules)
    return reading.drafts, reading.sentences


def extract_document(document: Document, rules: RuleSet, *, deadline: float | None = None) -> Extraction:
    """Figures, dates and legal references of a document, with provenance (no observations):
    of the part read before ``deadline`` (a ``time.monotonic()`` value), with a warning saying
    how much was read when that is not all."""
    reading = read(document.text, rules, deadline=deadline)
    extraction = assemble(document, reading.drafts, reading.sentences, rules)
    if reading.end == len(document.text):
        return extraction
    warning = (f"read {reading.end:,} of {len(document.text):,} characters before the time "
               "limit; the rest has no records")
    return extraction.model_copy(update={"warnings": (*extraction.warnings, warning)})
