"""Claims read from pasted text and their verdicts against the stored observations.

Each figure of the text is read by the extraction pipeline. When the pipeline linked it to an
observation (indicator, province, date), the claim is compared with the recorded values for
that cell and date: an agreeing value supports it, only other values make it "different". When
the pipeline found the number but not what it measures, the claim is supported only by a
recorded value equal to it for the same province and date; nothing else can be said of it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from decimal import Decimal

from extractor.check.records import Checked, CheckedText, Claim
from extractor.models import DateMention, Extraction, Figure, Observation, unit_kind
from extractor.nlp.dates import month_end
from extractor.pipeline import extract_text
from extractor.registry.bundle import bundled
from extractor.store.lookups import cell_observations, retrieved_dates, value_observations
from extractor.store.query import fold
from extractor.store.records import StoredObservation
from extractor.store.rounding import same_within_rounding

Extract = Callable[[str], Extraction]
APPROX_TOLERANCE = Decimal("0.02")  # "about X" agrees with values within 2%
MAX_TEXT = 5000  # characters of pasted text read; the rest is ignored
SHOWN = 20  # recorded observations listed per verdict


def default_extract(text: str) -> Extraction:
    """The extraction pipeline, with the bundled rules, on pasted text."""
    return extract_text(text, source="<fact-check>", lang="auto", link=True, registry=bundled())


def check_text(conn: sqlite3.Connection, text: str, *, extract: Extract = default_extract) -> CheckedText:
    """Compare every figure of ``text`` (its first ``MAX_TEXT`` characters) with the recorded
    observations."""
    extraction = extract(text[:MAX_TEXT])
    claims = [claim_for(f, extraction) for f in extraction.figures]
    checks = [check_claim(conn, c) for c in claims]
    cited = [o.document_id for c in checks for o in (*c.matches, *c.others, *c.nearest, *c.latest)]
    return CheckedText(text=extraction.document.text, language=extraction.document.language, checks=checks,
                       retrieved=retrieved_dates(conn, cited))


# ---- reading the claims -------------------------------------------------------------------------

def claim_for(figure: Figure, extraction: Extraction) -> Claim:
    """What a figure says: from its observation when linked, else from its sentence's province and date."""
    observation = _linked(figure, extraction.observations)
    if observation is not None:
        return _claim(figure, indicator=observation.indicator, province=observation.province,
                      boundaries=observation.boundaries, status=observation.status,
                      date=observation.as_of or observation.period_end or observation.period_start,
                      since=_start_written(observation, extraction.dates))
    date = _nearest_date(figure, extraction.dates)
    province, boundaries = _province_near(figure, extraction.document.text, date)
    return _claim(figure, indicator=None, province=province, boundaries=boundaries, date=date, status="actual")


def _claim(figure: Figure, *, indicator: str | None, province: str | None, boundaries: str | None,
           date: dt.date | None, status: str, since: tuple[dt.date, dt.date] | None = None) -> Claim:
    """A Claim from a figure and what it was read as saying."""
    return Claim(text=figure.text, start=figure.start, end=figure.end, value=figure.value, unit=figure.unit,
                 qualifier=figure.qualifier, indicator=indicator, province=province, boundaries=boundaries,
                 date=date, status=status, since=since)


def _start_written(observation: Observation, dates: Sequence[DateMention]) -> tuple[dt.date, dt.date] | None:
    """For a period the text gives a start and no end ("since 2002", "từ ngày 4/10/2002 đến nay"):
    the days its start may be, those of the date it was read from (a year's, a month's, a day);
    None for any other observation."""
    start = observation.period_start
    if observation.as_of is not None or observation.period_end is not None or start is None:
        return None
    written = next((d for d in dates if (d.period_start or d.value) == start), None)
    if written is None or written.granularity == "day":
        return start, start
    if written.granularity == "year":
        return start, dt.date(start.year, 12, 31)
    if written.granularity == "month":
        return start, month_end(start.year, start.month)
    return start, written.period_end or start


def _linked(figure: Figure, observations: Sequence[Observation]) -> Observation | None:
    """The observation made from this figure (their spans overlap)."""
    return next((o for o in observations if o.start < figure.end and figure.start < o.end), None)


def _nearest_date(figure: Figure, dates: Sequence[DateMention]) -> dt.date | None:
    """The date mentioned closest to the figure in its sentence."""
    same = [d for d in dates if d.sentence_start == figure.sentence_start] or list(dates)
    if not same:
        return None
    best = min(same, key=lambda d: abs(d.start - figure.start))
    return best.value or best.period_end or best.period_start


def _province_near(figure: Figure, text: str, date: dt.date | None) -> tuple[str | None, str | None]:
    """The province named closest before the figure (else anywhere), resolved for the date."""
    places = bundled().gazetteer
    mentions = places.find(text)
    if not mentions:
        return None, None
    before = [m for m in mentions if m.start < figure.start]
    mention = before[-1] if before else mentions[0]
    place = places.resolve(mention.code, on=date, marked_old=mention.marked_old)
    return place.name, place.boundaries


# ---- comparing with the table -------------------------------------------------------------------

def check_claim(conn: sqlite3.Connection, claim: Claim) -> Checked:
    """The verdict on one claim and the recorded values it rests on."""
    if claim.indicator is None:
        return _check_by_value(conn, claim)
    recorded = [o for o in _recorded(conn, claim) if same_kind(o.unit, claim.unit)]
    agreeing = [o for o in recorded if agrees(claim, o)]
    if agreeing:
        others = [o for o in recorded if o not in agreeing and o.obs_date in {a.obs_date for a in agreeing}]
        return Checked(claim=claim, verdict="supported", matches=agreeing, others=others[:SHOWN])
    if recorded:
        return Checked(claim=claim, verdict="different", matches=_latest_date(recorded))
    nearest, latest = _around(conn, claim)
    return Checked(claim=claim, verdict="not_found", matches=[], nearest=nearest, latest=latest)


def _recorded(conn: sqlite3.Connection, claim: Claim) -> list[StoredObservation]:
    """The recorded totals of the claim's cell at its date. A claim "since" a date is a total from
    then to the time of writing: it is compared with the open periods that start when it does, as
    precisely as it writes it ("since 2002" takes "since 4 October 2002"; "since 1 January 2002"
    does not)."""
    assert claim.indicator is not None
    if claim.since is None:
        return cell_observations(conn, province=claim.province, indicator=claim.indicator, date=claim.date,
                                 status=claim.status)
    return cell_observations(conn, province=claim.province, indicator=claim.indicator, date=None,
                             status=claim.status, open_from=claim.since)


def _around(conn: sqlite3.Connection, claim: Claim) -> tuple[list[StoredObservation], list[StoredObservation]]:
    """What is recorded for the claim's indicator and province at other dates: the values at the date
    nearest the claim's, and at the latest date (one list when they are the same date)."""
    assert claim.indicator is not None
    rows = [o for o in cell_observations(conn, province=claim.province, indicator=claim.indicator, date=None,
                                         status=claim.status) if same_kind(o.unit, claim.unit) and o.obs_date]
    if not rows:
        return [], []
    latest = _latest_date(rows)
    if claim.date is None:
        return [], latest
    target = claim.date
    near = min((o.obs_date for o in rows if o.obs_date), key=lambda d: (abs((d - target).days), -d.toordinal()))
    nearest = [o for o in rows if o.obs_date == near][:SHOWN]
    return ([], latest) if near == latest[0].obs_date else (nearest, latest)


def _check_by_value(conn: sqlite3.Connection, claim: Claim) -> Checked:
    """A figure whose indicator is unknown: supported only by an equal value for its province and date."""
    matches = [o for o in value_observations(conn, claim.value) if same_kind(o.unit, claim.unit)
               and _same_place(claim, o) and (claim.date is None or o.obs_date == claim.date)]
    return Checked(claim=claim, verdict="supported" if matches else "not_found", matches=matches[:SHOWN])


def _same_place(claim: Claim, observation: StoredObservation) -> bool:
    """True when the claim names no province or the same one (diacritics ignored)."""
    return claim.province is None or fold(observation.province or "") == fold(claim.province)


def _latest_date(rows: list[StoredObservation]) -> list[StoredObservation]:
    """The recorded values at the latest date among ``rows`` (what a different claim is shown against)."""
    latest = max((o.obs_date for o in rows if o.obs_date), default=None)
    return [o for o in rows if o.obs_date == latest][:SHOWN]


def same_kind(recorded_unit: str, claimed_unit: str) -> bool:
    """Money compares with money, rates with rates, counts with counts."""
    return unit_kind(recorded_unit) == unit_kind(claimed_unit)


def agrees(claim: Claim, recorded: StoredObservation) -> bool:
    """True when the recorded value bears the claim out, reading "more than"/"about" as written
    and an exact value to the precision either side writes it ("VND 4,215 billion" for a recorded
    "4.215,3 tỷ đồng": rounding is no disagreement, as between two sources)."""
    value, claimed = recorded.value, claim.value
    if claim.qualifier == "more_than":
        return value >= claimed
    if claim.qualifier == "less_than":
        return value <= claimed
    if claim.qualifier == "approx" or recorded.qualifier == "approx":
        return abs(value - claimed) <= abs(claimed) * APPROX_TOLERANCE
    return same_within_rounding(value, recorded.text, claimed, claim.text)
