"""The fact-check in words: the library's verdicts (``extractor.check``) as the page's and the
JSON API's records, each with one sentence saying why and how far a different claim is."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from extractor.check.claims import Extract, default_extract
from extractor.check.claims import check_text as check
from extractor.check.records import Checked, CheckedText, Claim, Verdict
from extractor.link.scope import NATIONAL
from extractor.store.records import StoredObservation
from extractor.web.formatting import format_date, format_difference, format_value
from extractor.web.schemas import ClaimCheck, FactCheck

__all__ = ["check_text", "default_extract", "view_of"]


def check_text(conn: sqlite3.Connection, text: str, *, extract: Extract = default_extract) -> FactCheck:
    """Every figure of ``text`` compared with the table, as the page and the API show it."""
    return view_of(check(conn, text, extract=extract))


def view_of(checked: CheckedText) -> FactCheck:
    """The page's record of a checked text."""
    return FactCheck(text=checked.text, language=checked.language, retrieved=checked.retrieved,
                     checks=[_check_view(c) for c in checked.checks])


def _check_view(checked: Checked) -> ClaimCheck:
    """One verdict with its reason, and how far a different claim is from the value shown."""
    difference = (format_difference(checked.claim.value, checked.matches[0].value)
                  if checked.verdict == "different" and checked.matches else "")
    return ClaimCheck(claim=checked.claim, verdict=checked.verdict, matches=checked.matches, others=checked.others,
                      nearest=checked.nearest, latest=checked.latest, difference=difference,
                      reason=reason(checked.verdict, checked.claim, checked.matches))


def reason(verdict: Verdict, claim: Claim, matches: Sequence[StoredObservation]) -> str:
    """One sentence saying why, for readers."""
    when = f"{'since' if claim.since else 'on'} {format_date(claim.date)}" if claim.date else ""
    place = _place_of(claim)
    where = " ".join(p for p in (f"for {place}" if place else "", when) if p)
    if verdict == "supported":
        sources = len({m.document_id for m in matches})
        written = "; ".join(dict.fromkeys(format_value(m.value, m.unit, m.qualifier)
                                          for m in matches if m.value != claim.value))
        return (f"{sources} source(s) record this value" + (f" {where}" if where else "")
                + (f" (recorded as {written})" if written else ""))
    if verdict == "different":
        recorded = "; ".join(dict.fromkeys(format_value(m.value, m.unit, m.qualifier) for m in matches))
        return f"The table records {recorded}" + (f" {where}" if where else "")
    if claim.indicator is None:
        return "No recorded value equals this figure, and what it measures was not recognised"
    return "The table has no value of this indicator" + (f" {where}" if where else "")


def _place_of(claim: Claim) -> str | None:
    """Where the claim was checked, in words: a claim of a known indicator that names no province
    is checked against the national figures (``cell_observations``); one of no known indicator
    against every province's equal values (None: no one place)."""
    if claim.province == NATIONAL or (claim.province is None and claim.indicator is not None):
        return "the whole country"
    return claim.province
