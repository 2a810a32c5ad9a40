"""One document through the stages after parsing: NLP, table cells, layout, linking.

``process(loaded, registry=…)`` is the only place the stages are chained. ``extract_text`` is
the same for a text held in memory (tests, the gate, the fact-check of a sentence).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from extractor.folding import fold
from extractor.link import link as link_observations
from extractor.models import Extraction
from extractor.nlp.engine import extract_document, make_document
from extractor.nlp.tables import with_table_figures
from extractor.parse import Loaded, attach_layout, with_stated_metadata
from extractor.parse.text import TextRules, clean, read_metadata
from extractor.pipeline.budget import Budget, collector_paused
from extractor.registry.bundle import Registry, bundled

LangOption = Literal["en", "vi", "auto"]


@collector_paused()
def process(loaded: Loaded, *, registry: Registry, lang: LangOption = "auto",
            link: bool = True, budget: Budget | None = None) -> Extraction:
    """The records of a parsed document: figures, dates, legal references, observations (unless
    ``link`` is off), each with its page and box when the document has a layout.

    The language is detected from the text unless given: a page's declared language (kept in
    ``meta["declared_language"]``) is often a site-wide template value. ``budget``: how long a
    text may be (TooLarge beyond) and how long its reading may take (the settings' unless given).
    """
    budget = budget or Budget.configured()
    budget.check_size(loaded.text, source=loaded.source)
    deadline = budget.deadline()
    loaded = first_page_date(loaded, registry.text)
    meta = dict(loaded.meta)
    if loaded.language:
        meta["declared_language"] = loaded.language
    document = make_document(loaded.text, source=loaded.source, lang=lang, cues=registry.language,
                             published=loaded.published, raw=loaded.raw, title=loaded.title,
                             meta=meta, content_type=loaded.content_type)
    rules = registry.ruleset(document.language)
    extraction = without_closing(extract_document(document, rules, deadline=deadline), loaded)
    if loaded.cells:
        extraction = with_table_figures(extraction, loaded.cells, rules=rules, tables=registry.tables,
                                        reading=registry.table_reading)
    extraction = own_number_dated(attach_layout(extraction, loaded), loaded)
    if link:
        extraction = link_observations(extraction, linker=registry.linker, documents=registry.documents,
                                       cells=loaded.cells, deadline=deadline)
    if loaded.warnings:
        extraction = extraction.model_copy(update={"warnings": loaded.warnings + extraction.warnings})
    return extraction


def without_closing(extraction: Extraction, loaded: Loaded) -> Extraction:
    """The extraction without the figures of an official document's closing (its recipients,
    "- 11 Phòng giao dịch NHCSXH cấp huyện;", and signature): a distribution list, not data."""
    if not loaded.regions:
        return extraction
    kept = tuple(f for f in extraction.figures
                 if not any(r.start <= f.start < r.end for r in loaded.regions))
    return extraction if len(kept) == len(extraction.figures) else extraction.model_copy(update={"figures": kept})


def own_number_dated(extraction: Extraction, loaded: Loaded) -> Extraction:
    """The document's own number ("Số: 215/KH-UBND" in its header, "Kế hoạch số 215/KH-UBND" in
    its appendix) issued on the date its header states."""
    number, issued = loaded.meta.get("doc_number"), loaded.meta.get("issued")
    if not number or not issued:
        return extraction
    own = fold(number)
    refs = tuple(r.model_copy(update={"issued": dt.date.fromisoformat(issued)})
                 if r.issued is None and r.id == own else r for r in extraction.legal_refs)
    return extraction.model_copy(update={"legal_refs": refs})


def first_page_date(loaded: Loaded, rules: TextRules) -> Loaded:
    """A PDF states its own date in its header or near the top of its first page: a date line the
    text reader found further on (the last line of a two-page bulletin, "… đến ngày 31/12/2025.")
    is the date of its data, not of the document."""
    if not loaded.pages or loaded.published is None or "date_source" in loaded.meta:
        return loaded
    first = read_metadata(loaded.text[: loaded.pages[0].end], rules).published
    return loaded if first == loaded.published else loaded.model_copy(update={"published": first})


def extract_text(text: str, *, source: str = "<text>", lang: LangOption = "auto",
                 published: dt.date | None = None, raw: bytes | None = None,
                 title: str | None = None, meta: dict[str, str] | None = None,
                 content_type: str = "text/plain", link: bool = True,
                 registry: Registry | None = None, budget: Budget | None = None) -> Extraction:
    """Every record of a text held in memory, read as a plain-text document would be
    (``registry``: the bundled rules unless given; ``budget``: see ``process``)."""
    rules = registry or bundled()
    loaded = Loaded(raw=raw if raw is not None else clean(text).encode("utf-8"), source=source,
                    content_type=content_type, text=text, title=title, published=published,
                    meta=meta or {})
    return process(with_stated_metadata(loaded, rules.text), registry=rules, lang=lang, link=link,
                   budget=budget)
