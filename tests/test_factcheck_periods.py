"""The fact-check of a claim about a period the text gives no end ("since 2002"), through the real
pipeline on both sides: the stored article and the pasted claim."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from extractor.check.claims import check_text
from extractor.pipeline import extract_text
from extractor.store import connect, save_extraction
from extractor.web.factcheck import view_of

STORED = ("Ngân hàng Chính sách xã hội tỉnh Hà Giang\n"
          "Từ ngày 4/10/2002 đến nay, Chi nhánh NHCSXH tỉnh Hà Giang đã cho vay 8.150 tỷ đồng.\n")


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    conn = connect(tmp_path / "t.sqlite")
    save_extraction(conn, extract_text(STORED, source="https://example.test/ha-giang"), raw=STORED.encode())
    return conn


@pytest.mark.parametrize(("claim", "verdict"), [
    ("Since 2002, the Ha Giang branch of the VBSP has lent more than VND 8,000 billion.", "supported"),
    ("Since October 4, 2002, the Ha Giang branch of the VBSP has lent VND 8,150 billion.", "supported"),
    ("Since October 5, 2002, the Ha Giang branch of the VBSP has lent VND 8,150 billion.", "not_found"),
    ("Since January 1, 2002, the Ha Giang branch of the VBSP has lent VND 8,150 billion.", "not_found"),  # a day
    ("Since 2002, the Ha Giang branch of the VBSP has lent VND 9,400 billion.", "different"),
    ("Since 2010, the Ha Giang branch of the VBSP has lent VND 8,150 billion.", "not_found"),  # another start
    ("In 2002, the Ha Giang branch of the VBSP lent VND 8,150 billion.", "not_found"),  # a year is no open period
])
def test_a_claim_since_a_date_is_compared_with_the_total_since_then(conn: sqlite3.Connection, claim: str,
                                                                    verdict: str) -> None:
    checked = check_text(conn, claim)
    (check,) = [c for c in checked.checks if c.claim.indicator == "lending_turnover"]
    assert check.verdict == verdict
    if verdict != "not_found":
        assert [m.value for m in check.matches] == [8_150_000_000_000]
        assert check.claim.since is not None and "since" in view_of(checked).checks[0].reason
