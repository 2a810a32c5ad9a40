"""The fact-check's records: a claim read from pasted text, its verdict, a checked text."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from extractor.models import Number, Record
from extractor.store.records import StoredObservation

Verdict = Literal["supported", "different", "not_found"]


class Claim(Record):
    """A figure found in pasted text and what it is read as saying."""

    text: str
    start: int
    end: int
    value: Number
    unit: str
    qualifier: str
    indicator: str | None
    province: str | None
    boundaries: str | None
    date: dt.date | None
    status: str
    # A period the text gives a start and no end ("since 2002"): the first and last day its start may
    # be, as precise as the claim writes it (the year 2002; 4 October 2002 alone). None otherwise.
    since: tuple[dt.date, dt.date] | None = None


class Checked(Record):
    """The verdict on one claim and the recorded observations it rests on."""

    claim: Claim
    verdict: Verdict
    matches: list[StoredObservation]
    others: list[StoredObservation] = Field(default_factory=list)  # other values of an agreeing cell and date
    nearest: list[StoredObservation] = Field(default_factory=list)  # not found: the values at the nearest date
    latest: list[StoredObservation] = Field(default_factory=list)  # not found: the values at the latest date


class CheckedText(Record):
    """Every figure of a pasted text compared with the table."""

    text: str
    language: str
    checks: list[Checked]
    retrieved: dict[str, dt.date] = Field(default_factory=dict)  # the day each cited document was read
