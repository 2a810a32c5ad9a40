"""Extractions written by hand in a small markup, for testing the linker on its own.

The figures, dates and legal references the extraction pipeline would find are spelled out:

    [[VND 5,000 billion|VND|5000000000000]]     a figure: text | unit | value | change
    {{June 30, 2024|2024-06-30}}                a date: a day, or start..end (either may be empty),
    {{the end of 2018|2018-12-31|year}}         and optionally its granularity
    <<Directive 40-CT/TW|40-CT/TW|2014-11-22>>  a legal reference: text | id | issue date

The observation checked is the one of the figure marked ``[[*…]]`` (else the first figure).
``tests/test_link.py`` and ``tests/test_rule_examples.py`` read their sentences with it; the
examples of ``rules/linking.yaml`` and ``rules/indicators.yaml`` are written in it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from extractor.link import link as link_with
from extractor.link.rules import MarkerExample
from extractor.models import DateMention, Document, Extraction, Figure, LegalRef, Observation
from extractor.nlp.drafts import VAGUE_NOTE
from extractor.nlp.rules import phrase_alternation
from extractor.registry.bundle import bundled, bundled_lexicon


def link(ex: Extraction) -> Extraction:
    """The bundled linker on ``ex``."""
    return link_with(ex, linker=bundled().linker)


PUB = dt.date(2025, 10, 26)
_MARK = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}|<<(.+?)>>")
# A vague amount's words, whose figure the pipeline marks with ``VAGUE_NOTE`` ("thousands of
# households"): the ``vague`` phrases of both languages' lexicons, as whole words.
_VAGUE = re.compile(r"(?i)(?<!\w)(?:" + phrase_alternation(
    v.phrase for lang in ("en", "vi") for v in bundled_lexicon(lang).vague) + r")(?!\w)")
_SENTENCE = re.compile(r"\n+|(?<=[.!?])(?<!\bMs\.)(?<!\bMr\.)(?<!\bMrs\.)\s+(?=[A-ZĐÀ-Ỹ])")


def _kind(unit: str) -> str:
    if unit.startswith(("VND", "USD")):
        return "money"
    return {"%": "percent", "times": "ratio"}.get(unit, "count")


def _sentence(text: str, pos: int) -> tuple[str, int]:
    starts = [0] + [m.end() for m in _SENTENCE.finditer(text)]
    start = max(s for s in starts if s <= pos)
    ends = [s for s in starts if s > start]
    end = (ends[0] if ends else len(text))
    return text[start:end].rstrip(), start


def _figure(body: str, start: int, text: str) -> Figure:
    parts = body.lstrip("*").split("|")
    raw, unit = parts[0], parts[1]
    # Distinct by default: two equal facts in one document are one observation.
    value = Decimal(parts[2]) if len(parts) > 2 and parts[2] else Decimal(1000 + start)
    change = parts[3] if len(parts) > 3 else None
    sentence, s0 = _sentence(text, start)
    notes = (VAGUE_NOTE,) if _VAGUE.search(raw) else ()
    return Figure(text=raw, start=start, end=start + len(raw), sentence=sentence, sentence_start=s0,
                  kind=_kind(unit), value=value, unit=unit, change=change, notes=notes)


def _date(body: str, start: int, text: str) -> DateMention:
    raw, when, *grain = body.split("|")
    sentence, s0 = _sentence(text, start)
    if ".." not in when:
        return DateMention(text=raw, start=start, end=start + len(raw), sentence=sentence,
                           sentence_start=s0, value=dt.date.fromisoformat(when),
                           granularity=grain[0] if grain else "day")
    a, b = when.split("..")
    return DateMention(text=raw, start=start, end=start + len(raw), sentence=sentence, sentence_start=s0,
                       granularity="year", period_start=dt.date.fromisoformat(a) if a else None,
                       period_end=dt.date.fromisoformat(b) if b else None)


def _legal(body: str, start: int, text: str) -> LegalRef:
    raw, ident, issued = body.split("|")
    sentence, s0 = _sentence(text, start)
    return LegalRef(text=raw, start=start, end=start + len(raw), sentence=sentence, sentence_start=s0,
                    id=ident, kind="directive", number=ident.split("-")[0], type_code="CT",
                    issuer_code="TW", issued=dt.date.fromisoformat(issued) if issued else None)


def build(markup: str, *, lang: str = "en", published: dt.date | None = PUB,
          source: str = "<test>") -> tuple[Extraction, int]:
    """An extraction from markup, and the start offset of the figure to check."""
    pieces, spans, pos = [], [], 0
    for m in _MARK.finditer(markup):
        pieces.append(markup[pos : m.start()])
        offset = sum(map(len, pieces))
        body = next(g for g in m.groups() if g is not None)
        raw = body.lstrip("*").split("|")[0]
        spans.append((m.lastindex, body, offset))
        pieces.append(raw)
        pos = m.end()
    pieces.append(markup[pos:])
    text = "".join(pieces)
    makers = {1: _figure, 2: _date, 3: _legal}
    records = [(kind, makers[kind](body, offset, text)) for kind, body, offset in spans]
    figures = [r for k, r in records if k == 1]
    starred = [offset for kind, body, offset in spans if kind == 1 and body.startswith("*")]
    focus = starred[0] if starred else (figures[0].start if figures else -1)
    doc = Document(id="t", source=source, text=text, language=lang, published=published)
    return Extraction(document=doc, figures=tuple(figures),
                      dates=tuple(r for k, r in records if k == 2),
                      legal_refs=tuple(r for k, r in records if k == 3)), focus


def observe(markup: str, **kwargs: Any) -> Observation | None:
    """The observation linked from the focus figure of ``markup`` (None if it yields none)."""
    ex, focus = build(markup, **kwargs)
    found = [o for o in link(ex).observations if o.start == focus]
    return found[0] if found else None


def check(obs: Observation | None, expected: dict[str, Any]) -> None:
    """Compare the fields named in ``expected``; ``indicator: None`` means no observation."""
    if expected.get("indicator", "") is None:
        assert obs is None, obs
        return
    assert obs is not None
    for key, want in expected.items():
        got = obs.rules.get(key.removeprefix("rule_")) if key.startswith("rule_") else getattr(obs, key)
        if isinstance(want, str) and key in ("as_of", "period_start", "period_end", "change_baseline"):
            want = dt.date.fromisoformat(want)
        if key == "change_value" and want is not None:
            want = Decimal(str(want))
        assert got == want, (key, got, want)


# --- documents the examples are read in ------------------------------------------------------------

NGHE = "Nghe An news\n"  # a title naming the document's province
VI_NGHE = "Tin Nghệ An\n"
TITLE = {"en": NGHE, "vi": VI_NGHE}  # the document an example is read in, unless it gives a title
HEAD = "News in brief\nBy staff\n"  # a title and byline naming no province


def example_document(example: MarkerExample, lang: str) -> str:
    """The markup of the document an example of rules/linking.yaml is read in."""
    return f"{example.title}\n{example.text}" if example.title else TITLE[lang] + example.text
