"""Why an observation is what it is, in words for people: the rules of ``Observation.rules``.

"province from the outlet baonghean.vn", "named in its sentence (Nghệ An)", "date from 'Tính đến
31/3' two sentences before", "indicator from the words 'tổng dư nợ'": what a researcher or a
journalist needs to judge a row, never an internal rule id.
"""

from __future__ import annotations

from extractor.link.context import Context, sentence_span
from extractor.link.place import NATIONAL_AMOUNT, PARAGRAPH_RULE, REGION_RULE, Spot
from extractor.link.rules import rule_id
from extractor.link.when import When
from extractor.models import Figure

_COUNT_WORDS = ("", "one", "two", "three", "four", "five")


# The indicator rule's kind in words, written once (each observation asks for its rule's).
_INDICATOR_WORDS = {
    "unit": "indicator from the counted noun '{detail}'",
    "cue": "indicator from the words '{detail}'{earlier}",
    "cue-after": "indicator from the words '{detail}' after the figure",
    "at-a-date": "indicator from the words '{detail}', read at the date its sentence gives",
    "listed-by-place": "indicator of the level just listed, by place",
    "list-item": "indicator from the words '{detail}' that open its list",
    "listed-by-part": "indicator of the level just listed, by part",
    "respectively": "indicator of the item before it in a list read item by item",
    "respective-cue": "indicator from the words '{detail}', read item by item with the figures",
    "change-of": "a change of outstanding loans, as a growth rate",
    "next-item": "indicator of the item before it in a breakdown ({detail})",
    "breakdown-of": "an item of a breakdown of the total just stated ({detail})",
    "capital-item": "an item of a breakdown naming a source of capital ({detail})",
    "share-of": "indicator of the whole it is stated as a share of ('{detail}')",
    "own-noun": "its own noun before the share of a whole it is stated as ('{detail}')",
}


def indicator_words(ctx: Context, fig: Figure, rule: str) -> str:
    """The indicator rule in words, quoting the words of the text that decided it (as written:
    "indicator from the words 'Tổng nguồn vốn'", not the lexicon's pattern of them)."""
    base = rule_id(rule)
    kind, _, detail = base.partition(":")
    words = _INDICATOR_WORDS.get(kind)
    if words is None:
        return f"indicator: {base}"
    if kind in ("cue", "cue-after", "at-a-date", "list-item", "share-of", "own-noun", "respective-cue"):
        detail = _cue_as_written(ctx, fig, detail, after=kind in ("cue-after", "share-of", "own-noun"))
    elif kind == "unit" and fig.counted:
        detail = fig.counted
    earlier = " in an earlier clause" if rule.endswith("(earlier clause)") else ""
    return words.format(detail=detail, earlier=earlier)


def _cue_as_written(ctx: Context, fig: Figure, phrase: str, *, after: bool) -> str:
    """The words of the cue ``phrase`` that decided the figure's indicator, as the text writes
    them: the nearest match of that phrase in the figure's sentence on the side the rule read,
    before it first unless the rule read after it (a cue after the figure may lie inside it:
    "14,620 clean water works"); the phrase itself when its match lies beyond the sentence."""
    start, end = sentence_span(ctx, fig)
    before = reversed(ctx.cues.within(start, fig.start))
    hits = ctx.cues.within(fig.start, end) if after else [*before, *ctx.cues.within(fig.start, end)]
    hit = next((h for h in hits if h.phrase == phrase), None)
    return ctx.text[hit.start : hit.end] if hit is not None else phrase


def province_words(ctx: Context, place: Spot | None, rule: str) -> str:
    """The province rule in words."""
    if rule.startswith("document:"):
        return ctx.province_why or "the document's province"
    if place is None:
        return "no province could be told"
    named = ctx.text[place[1] : place[2]] if place[1] >= 0 else "the whole country"
    where = {"clause:after": "named right after the figure", "clause": "named in its clause",
             "sentence": "named in its sentence", "sentence:respectively": "named in a list read item by item",
             PARAGRAPH_RULE: "named at the opening of its paragraph",
             REGION_RULE: "a region of the country named for the figure",
             NATIONAL_AMOUNT: "an amount no province reaches in its sentence"}.get(rule, rule)
    return f"{where} ({named!r})"


def date_words(ctx: Context, fig: Figure, when: When) -> str:
    """The date rule in words: which mention, and how far before the figure."""
    base = rule_id(when.rule)
    if base == "published":
        return "date from the publication date (the text states none)"
    if base.startswith("present:"):
        word = base.removeprefix("present:")
        if when.rule.endswith("+undated"):
            return f"no date: '{word}' in a text that states no publication date"
        return f"the publication date, for '{word}'"
    if when.anchor is None:
        return _unanchored_words(base)
    anchor = when.anchor
    if anchor.end <= fig.start:
        gap = ctx.stops.between(anchor.end, fig.start)
        where = "in its sentence" if gap == 0 else f"{_count(gap)} sentence{'s' if gap > 1 else ''} before"
    else:
        where = "in its sentence"
    return f"date from {anchor.text!r} {where}"


def _unanchored_words(base: str) -> str:
    """A date rule that quotes no mention of the text, in words (never its rule id)."""
    kind, _, detail = base.partition(":")
    if kind in ("since", "anniversary"):  # a period from a dated document's issue: "since:40-CT/TW+…"
        return f"date counted from when {detail.split('+')[0]} was issued"
    if kind == "past_years":  # "during 15 years of operation": the years counted back to the report's date
        return f"a period of the years the text counts back ('{detail.split('+')[0]}')"
    if kind == "since_founding":  # "since its establishment": a start the text does not date
        return f"a period from a founding the text does not date ('{detail.split('+')[0]}')"
    if kind in ("last_year", "this_year"):  # "Last year, …": a year named from the publication date
        return f"the year the text names as '{detail}', from the publication date"
    if kind == "year_before":  # "The previous year, …": the year before the report's
        return f"the year before the report's, named as '{detail}'"
    if detail == "target-undated":
        return "a goal with no date of its own: left undated"
    if kind == "frame":
        return "date from the date that governs the text so far"
    if kind == "after-baseline":
        return "no date could be told: the figure is later than the date it is compared with"
    if kind == "old-marker":
        return "no date could be told: a unit named as before the merger, in a later period"
    return "no date could be told" if base == "none" else f"date: {base}"


def _count(n: int) -> str:
    return _COUNT_WORDS[n] if n < len(_COUNT_WORDS) else str(n)
