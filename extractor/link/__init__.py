"""Linking: each figure becomes an observation (indicator × province × date) or stays a figure.

``link(extraction, linker=…)`` returns a copy with ``observations`` filled and
``document.province`` set. The modules follow the questions asked of each figure: ``context``
(the document read once), ``indicator`` (which cue governs it), ``change`` (does it modify a
level), ``place`` (whose figure), ``when`` (its date or period), ``status`` (target or actual,
or no total at all) and ``observe`` (the rows, in text order). Every word comes from ``rules/``
(``indicators.yaml``, ``linking.yaml``, ``provinces.yaml``) through the ``Linker``.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.link.documents import DocumentRules, in_sections, issuer_scope
from extractor.link.observe import build_context, observations
from extractor.link.rules import Linker
from extractor.link.scope import NATIONAL, NATIONAL_MARKER
from extractor.link.tables import Cell, Linking, in_cell, table_observations
from extractor.models import Extraction

__all__ = ["Linker", "link"]


def link(extraction: Extraction, *, linker: Linker, documents: DocumentRules | None = None,
         cells: Sequence[Cell] = (), deadline: float | None = None) -> Extraction:
    """A copy of ``extraction`` with ``observations`` filled and ``document.province`` set.

    With ``documents`` (``rules/documents.yaml``) an administrative document's issuer, sections
    and tables count too: the figures in table ``cells`` are linked by their table
    (``link.tables``), the rest as prose. The prose's figures are linked until ``deadline`` (a
    ``time.monotonic()`` value) passes, with a warning saying how far that was when it is not
    all of them."""
    if documents is None:
        ctx = build_context(extraction, linker)
        found = observations(ctx, deadline=deadline)
    else:
        prose = _prose(extraction, cells)
        ctx = issuer_scope(build_context(prose, linker), documents)
        tabled = [f for f in extraction.figures if in_cell(cells, f.start, f.end)] if cells else []
        found = in_sections(ctx, observations(ctx, deadline=deadline), documents)
        found += table_observations(Linking(ctx, documents, extraction.dates, cells), tabled)
        found.sort(key=lambda o: (o.start, o.indicator))
    national = ctx.province_rule in (NATIONAL, NATIONAL_MARKER)
    province = ctx.province or (NATIONAL if national else None)
    document = extraction.document.model_copy(update={"province": province})
    update: dict[str, object] = {"document": document, "observations": tuple(found)}
    if ctx.state.linked_until is not None:
        update["warnings"] = (*extraction.warnings,
                              f"linked the figures of {ctx.state.linked_until:,} of {len(extraction.document.text):,} "
                              "characters before the time limit; the figures after are in no observation")
    return extraction.model_copy(update=update)


def _prose(extraction: Extraction, cells: Sequence[Cell]) -> Extraction:
    """The extraction without the figures and dates of table ``cells`` (itself when the
    document has no table: most have none, and asking each record costs a pass)."""
    if not cells:
        return extraction
    return extraction.model_copy(update={
        "figures": tuple(f for f in extraction.figures if not in_cell(cells, f.start, f.end)),
        "dates": tuple(d for d in extraction.dates if not in_cell(cells, d.start, d.end))})
