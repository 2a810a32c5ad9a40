"""Schema v10 (each thing stored once): a v9 database with data, migrated in place, answers every
query as the same documents stored by today's program do; and the rows it no longer repeats."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from extractor.parse import Loaded
from extractor.pipeline.batch import discover, load_file
from extractor.pipeline.process import process
from extractor.registry.bundle import bundled
from extractor.store import (
    ObservationFilter,
    SearchFilters,
    agreeing,
    cell_observations,
    conflicts,
    connect,
    disagreeing,
    document_briefs,
    export_observations,
    get_document,
    get_observation,
    indicators_with_data,
    link_copies,
    overview_counts,
    province_series,
    province_table,
    province_table_rolled_up,
    provinces_with_data,
    query_observations,
    recent_documents,
    rolled_up_observations,
    save_extraction,
    schema_version,
    search,
    search_documents,
    search_sentences,
    value_observations,
)
from extractor.store.lookups import observations_by_id, sentence_offsets
from extractor.store.overview import sentence_start
from helpers.legacy_store import save_v9
from helpers.store import NGHE_AN, make_extraction
from helpers.web_corpus import SEEDS, write_articles

WORDS = ("du no", "outstanding loans", "Nghe An", "13.357 tỷ", "0,18%", "VND 13,400 billion", "ho ngheo")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> list[Loaded]:
    """The seeds and the web fixture articles, read by the real parser."""
    articles = write_articles(tmp_path_factory.mktemp("articles"))
    return [load_file(path, registry=bundled()) for path in discover([SEEDS, articles])]


def _store(path: Path, loaded: list[Loaded], save: Callable[[sqlite3.Connection, Any, bytes], object], *,
           version: int | None) -> sqlite3.Connection:
    """A database at ``path`` (at schema ``version``, today's when None) holding ``loaded``."""
    conn = connect(path) if version is None else connect(path, migrate_to=version)
    for item in loaded:
        save(conn, process(item, registry=bundled()), item.raw)
    conn.execute("UPDATE documents SET ingested_at = '2025-01-01T00:00:00+00:00'")  # the one field a clock sets
    return conn


def _answers(conn: sqlite3.Connection, tmp: Path) -> dict[str, Any]:
    """What every reader of the store answers on this database, as JSON-ready values."""
    docs = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    observations = list(query_observations(conn, limit=1000).items)
    dates = sorted({o.obs_date for o in observations if o.obs_date})
    out: dict[str, Any] = {
        "query": query_observations(conn, limit=1000),
        "query by document": [query_observations(conn, ObservationFilter(document_id=d)) for d in docs],
        "query totals": query_observations(conn, ObservationFilter(rows="totals", province="Nghe An")),
        "get": [get_observation(conn, o.id) for o in observations if o.id],
        "by id": sorted(observations_by_id(conn, [o.id for o in observations if o.id]).items()),
        "disagreeing": [disagreeing(conn, o.id) for o in observations if o.id],
        "agreeing": [agreeing(conn, o) for o in observations],
        "cell": [cell_observations(conn, province=o.province, indicator=o.indicator, date=o.obs_date,
                                   status=o.status) for o in observations],
        "value": [value_observations(conn, o.value) for o in observations],
        "search": [search(conn, w) for w in WORDS],
        "search documents": [search_documents(conn, w) for w in WORDS],
        "sentences": [search_sentences(conn, SearchFilters(q=w)) for w in WORDS]
        + [search_sentences(conn, SearchFilters(province="Nghệ An"))],
        "table": province_table(conn),
        "table as of": [province_table(conn, as_of=d) for d in dates],
        "rolled up": [province_table_rolled_up(conn), rolled_up_observations(conn)],
        "conflicts": conflicts(conn),
        "documents": [get_document(conn, d) for d in docs],
        "briefs": document_briefs(conn, docs),
        "overview": [overview_counts(conn), provinces_with_data(conn), indicators_with_data(conn),
                     recent_documents(conn)],
        "series": [province_series(conn, [p]) for p in sorted({o.province for o in observations if o.province})],
        "offsets": [(sentence_offsets(conn, o.document_id, o.sentence_id), sentence_start(conn, o.sentence_id))
                    for o in observations if o.sentence_id],
    }
    for fmt in ("csv", "json"):
        target = tmp / f"export.{fmt}"
        export_observations(conn, fmt, output=target)  # type: ignore[arg-type]
        out[f"export {fmt}"] = target.read_text(encoding="utf-8")
    return _plain(out)


def _plain(value: Any) -> Any:
    """Records as their JSON dumps, containers walked (so a difference shows where it is)."""
    if hasattr(value, "model_dump_json"):
        return value.model_dump_json()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value if isinstance(value, str | int | float | None) else str(value)


def test_a_v9_database_migrated_in_place_answers_as_one_stored_today(loaded: list[Loaded], tmp_path: Path) -> None:
    old = _store(tmp_path / "v9.sqlite", loaded, save_v9, version=9)
    assert schema_version(old) == 9 and old.execute("SELECT count(*) FROM observations").fetchone()[0] > 20
    old.close()
    migrated = connect(tmp_path / "v9.sqlite")
    link_copies(migrated)  # what the next batch does: v9's save left the links to it here
    fresh = _store(tmp_path / "v10.sqlite", loaded, lambda c, e, r: save_extraction(c, e, raw=r), version=None)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    got, want = _answers(migrated, tmp_path / "a"), _answers(fresh, tmp_path / "b")
    for key in want:
        assert got[key] == want[key], key
    assert any("why" in o and '"why":{}' not in o for o in want["get"])  # the reasons were compared


def test_a_sentence_a_v9_row_kept_unlinked_survives_the_migration(tmp_path: Path) -> None:
    old = connect(tmp_path / "v9.sqlite", migrate_to=9)
    extraction, raw = make_extraction(NGHE_AN)
    save_v9(old, extraction, raw)
    old.execute("UPDATE observations SET sentence_id = NULL, sentence = 'a sentence of its own'")
    old.execute("UPDATE figures SET sentence_id = NULL")
    old.close()
    conn = connect(tmp_path / "v9.sqlite")
    (obs,) = query_observations(conn).items
    assert (obs.sentence, obs.sentence_id) == ("a sentence of its own", None)
    assert [f.sentence for f in get_document(conn, obs.document_id).figures] == [NGHE_AN.sentence]  # type: ignore[union-attr]
    assert conn.execute("SELECT count(*) FROM figure_rows WHERE sentence IS NOT NULL").fetchone()[0] == 1


def test_rows_keep_the_document_key_and_no_copy_of_their_sentence_or_reasons(tmp_path: Path) -> None:
    conn = connect(tmp_path / "t.sqlite")
    conn.row_factory = None
    extraction, raw = make_extraction(NGHE_AN)
    extraction = extraction.model_copy(update={"observations": tuple(
        o.model_copy(update={"why": {"province": "named in its sentence"}}) for o in extraction.observations)})
    doc_id = save_extraction(conn, extraction, raw=raw).document_id
    pk = conn.execute("SELECT pk FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    for table in ("sentence_rows", "figure_rows", "observation_rows", "doc_prints"):
        assert conn.execute(f"SELECT DISTINCT doc FROM {table}").fetchall() == [(pk,)], table
    assert conn.execute("SELECT sentence FROM observation_rows UNION SELECT sentence FROM figure_rows").fetchall() \
        == [(None,)]
    stored = conn.execute("SELECT kind, name, words FROM reasons ORDER BY id").fetchall()
    assert stored == [("rules", "indicator", "fake"), ("rules", "province", "fake"),
                      ("why", "province", "named in its sentence")]
    conn.row_factory = sqlite3.Row
    (obs,) = query_observations(conn).items
    assert (obs.rules, obs.why) == ({"indicator": "fake", "province": "fake"}, {"province": "named in its sentence"})
    assert obs.sentence == NGHE_AN.sentence and obs.document_id == doc_id
