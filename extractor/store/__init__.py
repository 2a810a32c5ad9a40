"""The indicator table in SQLite: schema and migrations, writing, search, queries and exports.

The public API (the CLI and the web call only these)::

    conn = connect(path_or_None)                      # --db / $VBSP_DB / ./vbsp.sqlite, migrated, WAL
    save_extraction(conn, extraction, raw=bytes)      # -> SaveResult(status new|unchanged|replaced)
    ingest_paths(conn, [Path(...)], extract=...)      # -> IngestReport
    reextract(conn)                                   # -> IngestReport
    query_observations(conn, ObservationFilter(...), limit=, offset=)  # -> Page[StoredObservation]
    search(conn, "dư nợ 13.357 tỷ", limit=, offset=)  # -> Page[SearchHit]
    search_documents(conn, "Ha Noi")                  # -> Page[DocumentHit]
    province_table(conn, boundaries="2025", as_of=date) # -> list[TableCell]
    province_table_rolled_up(conn)                    # -> list[TableCell] (2025 map, rolled-up cells flagged)
    get_observation(conn, id) / get_document(conn, doc_id) / disagreeing(conn, observation_id)
    conflicts(conn)                                   # -> Page[Conflict]
    rolled_up_observations(conn, mapping={...})       # -> list[StoredObservation]
    export_observations(conn, "csv", output=Path(...))
"""

from __future__ import annotations

from extractor.store.copies import link_copies
from extractor.store.db import (
    QueryTimeout,
    connect,
    migrate,
    schema_version,
    time_limit,
    transaction,
)
from extractor.store.documents import copies_of, disagreeing, get_document
from extractor.store.export import export_observations
from extractor.store.ingest import IngestReport, Outcome, ingest_paths, reextract
from extractor.store.query import (
    conflicts,
    get_observation,
    iter_observations,
    province_table,
    query_observations,
    quote_fts,
    search,
    search_documents,
)
from extractor.store.records import (
    Conflict,
    DocumentCopy,
    DocumentHit,
    ObservationFilter,
    Page,
    SearchHit,
    StoredDocument,
    StoredObservation,
    TableCell,
)
from extractor.store.rollup import province_table_rolled_up, roll_up, rolled_up_observations
from extractor.store.schema import SCHEMA_VERSION
from extractor.store.write import SaveResult, bulk_save, mark_copy, rebuild_derived, save_extraction

__all__ = [
    "SCHEMA_VERSION",
    "Conflict",
    "DocumentCopy",
    "DocumentHit",
    "IngestReport",
    "ObservationFilter",
    "Outcome",
    "Page",
    "QueryTimeout",
    "SaveResult",
    "SearchHit",
    "StoredDocument",
    "StoredObservation",
    "TableCell",
    "bulk_save",
    "conflicts",
    "connect",
    "copies_of",
    "disagreeing",
    "export_observations",
    "get_document",
    "get_observation",
    "ingest_paths",
    "iter_observations",
    "link_copies",
    "mark_copy",
    "migrate",
    "province_table",
    "province_table_rolled_up",
    "query_observations",
    "quote_fts",
    "rebuild_derived",
    "reextract",
    "roll_up",
    "rolled_up_observations",
    "save_extraction",
    "schema_version",
    "search",
    "search_documents",
    "time_limit",
    "transaction",
]
