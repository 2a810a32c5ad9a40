"""``engine.read`` runs what the spaCy pipeline's components do on each paragraph's text without
making a Doc (issue 18: tokenising, which no rule reads, cost as much as the rules). It must read
what the pipeline reads, and must not tokenise."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc

from extractor.evaluation import load_gold
from extractor.nlp import engine
from extractor.nlp.engine import PIECE_CHARS, paragraphs, read
from extractor.nlp.spacy_pipeline import build_nlp
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


def draft_key(draft: engine.Draft, shift: int = 0) -> tuple[Any, ...]:
    """What a draft says, comparable (a date draft's resolver is a new closure each time)."""
    # Drafts are slotted dataclasses: no ``__dict__`` for ``vars``.
    fields = {f.name: getattr(draft, f.name) for f in dataclasses.fields(draft) if f.name != "resolve"}
    return (type(draft).__name__, draft.start + shift, draft.end + shift,
            sorted((k, repr(v)) for k, v in fields.items() if k not in ("start", "end")))


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_read_finds_what_the_spacy_pipeline_finds(lang: str) -> None:
    rules = bundled().ruleset(lang)
    nlp = build_nlp(rules)
    texts = [case.text() for case in load_gold(GOLD) if case.gold.language == lang]
    assert texts
    for text in texts:
        reading = read(text, rules)
        drafts, starts, ends = [], [], []
        for start, end in paragraphs(text):
            doc = nlp(text[start:end])
            drafts += [draft_key(d, start) for d in doc.user_data["vbsp_drafts"]]
            sentences = doc.user_data["vbsp_sentences"]
            starts += [s + start for s in sentences.starts]
            ends += [e + start for e in sentences.ends]
        assert [draft_key(d) for d in reading.drafts] == drafts
        assert (list(reading.sentences.starts), list(reading.sentences.ends)) == (starts, ends)


def test_extraction_makes_no_spacy_doc(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    rules = bundled().ruleset("en")
    nlp = build_nlp(rules)
    tokenizer = nlp.tokenizer

    def tokenise(text: str) -> Doc:
        made.append(text)
        return tokenizer(text)

    monkeypatch.setattr(nlp, "tokenizer", tokenise)
    extraction = extract_text("Outstanding loans reached VND 13,374 billion by June 30, 2024.\n"
                              "Under Directive No. 40-CT/TW, 234,414 poor households borrowed.", lang="en")
    assert [f.text for f in extraction.figures] == ["VND 13,374 billion", "234,414 poor households"]
    assert made == []


def test_pieces_are_as_long_as_spacy_takes() -> None:
    """A piece of a long paragraph is one Doc for the spaCy pipeline too (spaCy's E088 beyond)."""
    assert build_nlp(bundled().ruleset("en")).max_length == PIECE_CHARS


def test_extracting_a_text_imports_no_spacy() -> None:
    """Importing spaCy was most of a short run's start-up, for tokens nothing read."""
    code = ("import sys\nfrom extractor.pipeline import extract_text\n"
            "extract_text('Loans reached VND 13,374 billion.', lang='en')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc')))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
