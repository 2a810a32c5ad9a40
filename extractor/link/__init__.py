"""Linking: each figure becomes an observation (indicator × province × date) or stays a figure.

``link(extraction, linker=…)`` returns a copy with ``observations`` filled and
``document.province`` set. The modules follow the questions asked of each figure: ``context``
(the document read once), ``indicator`` (which cue governs it), ``change`` (does it modify a
level), ``place`` (whose figure), ``when`` (its date or period), ``status`` (target or actual,
or no total at all) and ``observe`` (the rows, in text order). Every word comes from ``rules/``
(``indicators.yaml``, ``linking.yaml``, ``provinces.yaml``) through the ``Linker``.
"""

from __future__ import annotations

from extractor.link.observe import build_context, observations
from extractor.link.rules import Linker
from extractor.link.scope import NATIONAL, NATIONAL_MARKER
from extractor.models import Extraction

__all__ = ["Linker", "link"]


def link(extraction: Extraction, *, linker: Linker) -> Extraction:
    """A copy of ``extraction`` with ``observations`` filled and ``document.province`` set."""
    ctx = build_context(extraction, linker)
    found = observations(ctx)
    national = ctx.province_rule in (NATIONAL, NATIONAL_MARKER)
    province = ctx.province or (NATIONAL if national else None)
    document = extraction.document.model_copy(update={"province": province})
    return extraction.model_copy(update={"document": document, "observations": tuple(found)})
