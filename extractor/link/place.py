"""Where a figure belongs: the document's province, and the place of each figure.

The document's province comes from its title and outlet first, then from how often a province is
named; ``national`` needs the bank or the whole country named. A figure's place is one bound to
it ("VND 4,612 billion in Tuyen Quang"), else one in its clause, else earlier in its sentence,
else the document's. ``resolve_place`` turns a place into its canonical name and boundaries at a
date (the 63 provinces before 1 July 2025, the 34 after).
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlparse

from extractor.link.context import Context, clause_span, sentence_span
from extractor.models import Boundaries, Figure
from extractor.registry.phrases import new_tone

NATIONAL = "national"
NATIONAL_MARKER = "national_marker"
Spot = tuple[str, int, int, bool]  # old-unit code or "national", start, end, marked old


# --- the document's province ----------------------------------------------------------------------


def _outlet_codes(ctx: Context) -> list[str]:
    """Provinces named by the outlet: the source's host name ("baoninhbinh.org.vn")."""
    doc = ctx.ex.document
    host = urlparse(doc.source).netloc if "//" in doc.source else ""
    named = [m.code for m in ctx.linker.gazetteer.find(doc.meta.get("site_name", ""))]
    return ctx.linker.gazetteer.in_compact(host) + named


def document_province(ctx: Context) -> tuple[str | None, str, str | None]:
    """The document's main province, the rule that found it and its old-unit code: title and
    outlet weigh most, then how often it is named; None with rule ``national`` for a document
    about the whole bank or country (``link`` then reports the province as ``national``)."""
    doc = ctx.ex.document
    scores: dict[str, float] = {}
    title = ctx.linker.gazetteer.find(doc.title) if doc.title else []
    t0, t1 = ctx.title
    title += ctx.mentions.within(t0, t1)
    for code in [m.code for m in title] + _outlet_codes(ctx):
        scores[code] = scores.get(code, 0) + 3
    if not scores and _bank_wide(ctx, t0, t1):
        return None, NATIONAL, None
    for m in ctx.mentions:
        scores[m.code] = scores.get(m.code, 0) + (0.5 if m.marked_old else 1)
    if not scores:
        # No province anywhere, but the text speaks of the whole country: a national document.
        return (None, NATIONAL_MARKER, None) if ctx.hits["national"] else (None, "none", None)
    code, score = max(scores.items(), key=lambda kv: (kv[1], -_first(ctx, kv[0])))
    if score < 2 and not ctx.hits["province_ref"]:
        return None, "none", None
    name = ctx.linker.gazetteer.name_at(code, doc.published)
    return name, "title" if any(m.code == code for m in title) else "frequency", code


def _bank_wide(ctx: Context, t0: int, t1: int) -> bool:
    """A title that names the bank (and no province) in a text that never says "the province"."""
    title = ctx.ex.document.title or ""
    named = ctx.marks("bank", t0, t1) or ctx.marks("national", t0, t1)
    in_title = ctx.linker.index[ctx.lang].scan(new_tone(title))["bank"] if title else []
    return bool(named or in_title) and len(ctx.hits["province_ref"]) < 2


def _first(ctx: Context, code: str) -> int:
    """Offset of the first mention of ``code`` (earlier wins a tie)."""
    return next((m.start for m in ctx.mentions if m.code == code), len(ctx.text))


# --- a figure's place ------------------------------------------------------------------------------


def places(ctx: Context, start: int, end: int) -> list[Spot]:
    """Province mentions and national markers inside ``[start, end)``, in order."""
    found: list[Spot] = [(m.code, m.start, m.end, m.marked_old) for m in ctx.mentions.within(start, end)]
    national = ctx.marks("national", start, end)
    if national:
        found = sorted(found + [(NATIONAL, s, e, False) for s, e, _ in national], key=lambda p: p[1])
    return found


def place_of(ctx: Context, fig: Figure) -> tuple[Spot | None, str]:
    """The place a figure is about: clause, then earlier in the sentence, then the document."""
    c0, c1 = clause_span(ctx, fig)
    s0, s1 = sentence_span(ctx, fig)
    if places(ctx, s0, s1):
        found = _place_in_sentence(ctx, fig, c0, c1, s0)
        if found:
            return found
    if ctx.province is not None:
        return None, f"document:{ctx.province_rule}"
    if ctx.province_rule == NATIONAL:
        return (NATIONAL, -1, -1, False), "document:national"
    later = places(ctx, c1, s1)
    return (later[0], "sentence") if later else (None, "none")


def _place_in_sentence(ctx: Context, fig: Figure, c0: int, c1: int, s0: int) -> tuple[Spot, str] | None:
    """A place bound to the figure, else in its clause, else earlier in its sentence."""
    after = places(ctx, fig.end, c1)
    bound = [p for p in after if _bound_place(ctx, fig.end, p[1])]
    if bound:
        return bound[0], "clause:after"
    before = places(ctx, c0, fig.start)
    if before:
        return before[-1], "clause"
    if after:
        return after[0], "clause"
    earlier = places(ctx, s0, c0)
    return (earlier[-1], "sentence") if earlier else None


def _bound_place(ctx: Context, end: int, start: int) -> bool:
    """A place right after a figure, joined by "in"/"tại" ("VND 4,612 billion in Tuyen Quang")."""
    return any(
        not ctx.text[end : b[0]].strip() and not ctx.text[b[1] : start].strip()
        for b in ctx.marks("place_binders", end, start)
    )


def resolve_place(ctx: Context, place: Spot | None, on: dt.date | None) -> tuple[str | None, Boundaries | None, str]:
    """Canonical province name, boundaries and the boundaries rule for a date."""
    if place is None and ctx.province is None:
        return None, era(ctx, on), "date"
    if place is None:
        code, marked = ctx.province_code or "", False
    else:
        code, _, _, marked = place
    if code == NATIONAL:
        return NATIONAL, era(ctx, on), "date"
    resolved = ctx.linker.gazetteer.resolve(code, on=on, marked_old=marked)
    return resolved.name, resolved.boundaries, resolved.rule


def era(ctx: Context, on: dt.date | None) -> Boundaries | None:
    """Boundaries of a date: before or after the 2025 merger."""
    if on is None:
        return None
    return "pre-2025" if on < ctx.linker.gazetteer.merger_date else "2025"
