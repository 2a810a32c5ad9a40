"""The NLP stage's engine: rule components built from ``rules/``, as a blank spaCy language.

The ``vbsp_sentences`` component sets sentence starts from one regex pass over the text; the
``vbsp_mentions`` component runs every compiled rule over the text (a raw-text regex pass is
cheaper than token patterns, see field notes) and leaves drafts on the Doc. Neither reads a
token, so ``read`` calls what they do on each paragraph's text without making a Doc (tokenising
cost as much as the rules); ``build_nlp`` gives the same components as a spaCy pipeline for a
caller who wants Docs (tokens with legal numbers such as "40-CT/TW" kept whole, sentences).
``extract_document`` then settles overlaps, resolves dates, ambiguous numbers and short legal
forms, and returns the records (figures, dates, legal references; linking comes after). No
model weights; nothing is fetched.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections.abc import Callable, Sequence
from functools import cache
from time import monotonic
from typing import Literal, NamedTuple, cast

import numpy
import spacy
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex
from thinc.types import Ints2d

from extractor.models import Document, Extraction
from extractor.nlp import counts, dates, legal, money, percent
from extractor.nlp.assemble import assemble
from extractor.nlp.drafts import DateDraft, FigureDraft, LegalDraft
from extractor.nlp.hits import WINDOW, Hit
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


class SentenceStarts:
    """Sentence starts from the language's abbreviation-aware boundary rules."""

    def __init__(self) -> None:
        self.abbreviations: frozenset[str] = frozenset()

    def __call__(self, doc: Doc) -> Doc:
        sentences = split(doc.text, self.abbreviations)
        doc.user_data["vbsp_sentences"] = sentences
        if len(doc) > 1:
            doc.from_array(["SENT_START"], sentence_marks(doc, sentences.starts))
        return doc


def sentence_marks(doc: Doc, starts: Sequence[int]) -> Ints2d:
    """The Doc's SENT_START column with sentences starting at the character offsets ``starts``.

    Marking one token makes the Doc segmented; unmarked tokens continue a sentence, so only the
    first token of each further sentence needs setting. They are set as one column: setting
    ``Token.is_sent_start`` looks through the whole Doc for a parse, once per sentence.
    """
    marks = doc.to_array(["SENT_START"]).astype(numpy.int64).reshape(-1, 1)
    marks[1] = -1
    for start in starts[1:]:
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            marks[span.start] = 1
    # spaCy's columns are unsigned (-1 wraps as it expects); thinc names a 2-d array Ints2d.
    return cast(Ints2d, marks.astype(numpy.uint64))


class Mentions:
    """Run every rule of the language over the text; drafts go to ``doc.user_data``."""

    def __init__(self) -> None:
        self.rules: RuleSet | None = None

    def __call__(self, doc: Doc) -> Doc:
        assert self.rules is not None, "build_nlp hands the component its rules"
        doc.user_data["vbsp_drafts"] = find_drafts(doc.text, self.rules)
        return doc


@Language.factory("vbsp_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceStarts:
    """The sentence component (``build_nlp`` gives it the language's abbreviations)."""
    return SentenceStarts()


@Language.factory("vbsp_mentions")
def make_mentions(nlp: Language, name: str) -> Mentions:
    """The mentions component (``build_nlp`` gives it the language's rules)."""
    return Mentions()


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
    start = max(0, match.start() - WINDOW)
    window = text[start:match.start()]
    if rule.not_before is not None and rule.not_before.search(window):
        return None
    possible = rule.before is not None and rule.context_possible(window)
    before = rule.before.search(window) if possible and rule.before is not None else None
    if before is None and rule.rule.before_required:
        return None
    groups = rule.all_groups if before is not None else rule.main_groups
    return Hit(match, before, start, groups=groups, before_in_span=rule.rule.before_in_span)


def _token_match(rules: RuleSet) -> Callable[[str], object] | None:
    """The lexicon's ``token_match``: strings kept as one token ("40-CT/TW", "1560/QĐ-TTg")."""
    pattern = rules.lexicon.token_match
    return re.compile(pattern).match if pattern else None


def _vietnamese_tokenizer(nlp: Language, rules: RuleSet) -> Tokenizer:
    """Syllables split on white space, with punctuation split off: "đồng," → "đồng" ","."""
    english = English.Defaults
    return Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=compile_prefix_regex(english.prefixes or ()).search,
        suffix_search=compile_suffix_regex(english.suffixes or ()).search,
        token_match=_token_match(rules),
        url_match=None,
    )


@cache
def build_nlp(rules: RuleSet) -> Language:
    """The spaCy pipeline of a language's rules (built once per rule set): blank tokenizer plus
    the rule components."""
    if rules.lang == "vi":
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        nlp.tokenizer = _vietnamese_tokenizer(nlp, rules)
    else:
        nlp = spacy.blank(rules.lang)
        tokenizer: Tokenizer = nlp.tokenizer  # typed as any callable; blank() makes a Tokenizer
        tokenizer.token_match = _token_match(rules)
    sentences = nlp.add_pipe("vbsp_sentences")
    assert isinstance(sentences, SentenceStarts), "make_sentences builds it"
    sentences.abbreviations = frozenset(rules.lexicon.abbreviations)
    mentions = nlp.add_pipe("vbsp_mentions")
    assert isinstance(mentions, Mentions), "make_mentions builds it"
    mentions.rules = rules
    return nlp


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

    Each piece goes through what the pipeline's two components do (``split``, ``find_drafts``),
    called on its text without making a spaCy Doc: both read only the text, and tokenising it
    (which nothing here reads) cost as much as the rules themselves."""
    limit = build_nlp(rules).max_length
    abbreviations = frozenset(rules.lexicon.abbreviations)
    drafts: list[Draft] = []
    starts: list[int] = []
    ends: list[int] = []
    for start, end in paragraphs(text):
        if deadline is not None and monotonic() > deadline:
            return Reading(drafts, Sentences(text, tuple(starts) or (0,), tuple(ends) or (start,)), start)
        for offset, stop in pieces(text, start, end, limit=limit, abbreviations=abbreviations):
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
