"""Writing extractions: idempotent re-ingest, replacement in one transaction, exact values kept."""

from __future__ import annotations

import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from extractor.models import DateMention, LegalRef, Observation
from extractor.store import ObservationFilter, connect, query_observations, save_extraction
from extractor.store import write as store_write
from extractor.store.blobs import raw_bytes
from extractor.store.write import document_id_for
from helpers.store import HA_NOI, NGHE_AN, NGHE_AN_EN, make_extraction, snapshot


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "t.sqlite")


def test_same_document_twice_changes_nothing(conn: sqlite3.Connection) -> None:
    extraction, raw = make_extraction(NGHE_AN, HA_NOI)
    assert save_extraction(conn, extraction, raw=raw).status == "new"
    before = snapshot(conn)
    assert save_extraction(conn, extraction, raw=raw).status == "unchanged"
    assert snapshot(conn) == before
    assert len(before["observations"]) == 2


def test_document_id_is_the_raw_bytes_hash(conn: sqlite3.Connection) -> None:
    extraction, raw = make_extraction(NGHE_AN)
    result = save_extraction(conn, extraction, raw=raw)
    assert result.document_id == document_id_for(raw)
    stored = query_observations(conn).items[0]
    assert stored.document_id == result.document_id
    assert raw_bytes(conn, result.document_id) == raw


def test_changed_document_replaces_its_old_records(conn: sqlite3.Connection) -> None:
    old, old_raw = make_extraction(NGHE_AN, HA_NOI, source="https://example.test/x")
    new, new_raw = make_extraction(NGHE_AN_EN, source="https://example.test/x")
    save_extraction(conn, old, raw=old_raw)
    result = save_extraction(conn, new, raw=new_raw)
    assert result.status == "replaced" and result.replaced == (document_id_for(old_raw),)
    rows = query_observations(conn).items
    assert [(r.document_id, r.sentence) for r in rows] == [(document_id_for(new_raw), NGHE_AN_EN.sentence)]
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'tong'").fetchone()[0] == 0


def test_failed_replacement_leaves_the_old_document_whole(conn: sqlite3.Connection,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    old, old_raw = make_extraction(NGHE_AN, HA_NOI, source="https://example.test/x")
    new, new_raw = make_extraction(NGHE_AN_EN, source="https://example.test/x")
    save_extraction(conn, old, raw=old_raw)
    before = snapshot(conn)

    def broken_sync(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error (simulated after the old rows were deleted)")

    monkeypatch.setattr(store_write, "sync_fts", broken_sync)
    with pytest.raises(sqlite3.OperationalError):
        save_extraction(conn, new, raw=new_raw)
    assert snapshot(conn) == before


def test_observation_fields_round_trip_exactly(conn: sqlite3.Connection) -> None:
    extraction, raw = make_extraction(NGHE_AN, HA_NOI)
    obs = extraction.observations[1].model_copy(update={
        "period_start": dt.date(2024, 1, 1), "period_end": dt.date(2024, 6, 30), "date_inferred": True,
        "status": "target", "change_value": Decimal("0.02"), "change_unit": "%",
        "change_baseline": dt.date(2023, 12, 31), "rules": {"date": "sentence", "indicator": "cue"}})
    extraction = extraction.model_copy(update={"observations": (extraction.observations[0], obs)})
    save_extraction(conn, extraction, raw=raw)
    got = query_observations(conn, ObservationFilter(indicator="overdue_debt_rate")).items[0]
    expected = obs.model_copy(update={"document_id": document_id_for(raw)})
    assert Observation(**got.model_dump(include=set(Observation.model_fields))) == expected
    assert isinstance(got.value, Decimal) and got.value == Decimal("0.14")


def test_money_is_an_integer_column(conn: sqlite3.Connection) -> None:
    extraction, raw = make_extraction(NGHE_AN)
    save_extraction(conn, extraction, raw=raw)
    value_int, kind = conn.execute("SELECT value_int, typeof(value_int) FROM observations").fetchone()
    assert (value_int, kind) == (13_357_000_000_000, "integer")


def test_dates_and_legal_refs_are_stored_with_sentences(conn: sqlite3.Connection) -> None:
    extraction, raw = make_extraction(NGHE_AN)
    text = extraction.document.text
    sentence = NGHE_AN.sentence
    s0 = text.index(sentence)
    date = DateMention(text="30/6/2024", start=text.index("30/6/2024"), end=text.index("30/6/2024") + 9,
                       sentence=sentence, sentence_start=s0, rule="d", value=dt.date(2024, 6, 30))
    ref = LegalRef(text="Chỉ thị 40-CT/TW", start=0, end=5, id="40-CT/TW", kind="directive", number="40",
                   type_code="CT", issuer_code="TW")
    extraction = extraction.model_copy(update={"dates": (date,), "legal_refs": (ref,)})
    save_extraction(conn, extraction, raw=raw)
    assert conn.execute("SELECT value, sentence_id IS NOT NULL FROM dates").fetchone()[:] == ("2024-06-30", 1)
    assert conn.execute("SELECT ref_id, sentence_id FROM legal_refs").fetchone()[:] == ("40-CT/TW", None)
    # The figure, the date and the observation share one sentence row, at its real offsets.
    assert conn.execute('SELECT count(*), min(start), min("end") FROM sentences').fetchone()[:] == (
        1, s0, s0 + len(sentence))
