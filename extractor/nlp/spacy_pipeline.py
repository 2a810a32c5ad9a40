"""The NLP stage as a blank spaCy pipeline, for a caller who wants Docs: ``spacy.blank(lang)``
tokenises (legal numbers such as "40-CT/TW" kept whole); the ``vbsp_sentences`` component sets
sentence starts from ``sentences.split``; the ``vbsp_mentions`` component leaves the drafts of
``engine.find_drafts`` on the Doc. Extraction itself (``engine.read``) runs the same two steps on
the text without spaCy, which this module alone imports.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import cast

import numpy
import spacy
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_prefix_regex, compile_suffix_regex
from thinc.types import Ints2d

from extractor.nlp.engine import find_drafts
from extractor.nlp.rules import RuleSet
from extractor.nlp.sentences import split


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
