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
    since: bool = False  # ``date`` starts a period the text gives no end ("since 2002"): compared with periods so open


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
