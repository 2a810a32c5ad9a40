"""The indicator table in SQLite: schema and migrations, writing, search, queries and exports.

The public API (the CLI and the web call only these; every result is a frozen pydantic record
or a ``Page`` of them, ready to render and paginate)::

    conn = connect(path_or_None)                       # --db / $VBSP_DB / ./vbsp.sqlite; migrated; WAL
    save_extraction(conn, extraction, raw=bytes)       # -> SaveResult(status new|unchanged|replaced)
    query_observations(conn, ObservationFilter(province=, indicator=, date_from=, date_to=,
                       boundaries=, status=, document_id=), limit=, offset=)   # -> Page[StoredObservation]
    get_observation(conn, id) / disagreeing(conn, id)  # -> StoredObservation | None / list
    search(conn, "du no 13.357 tỷ", limit=, offset=, locale=, province=, indicator=, language=)
                                                       # -> Page[SearchHit] (total None: ranked window)
    search_documents(conn, "Ha Noi", limit=, offset=)  # -> Page[DocumentHit]
    get_document(conn, doc_id)                         # -> StoredDocument | None (text, figures, copies)
    province_table(conn, province=, indicator=, boundaries=, as_of=)         # -> list[TableCell]
    province_table_rolled_up(conn, province=, indicator=)  # -> list[TableCell], 2025 map, flagged
    rolled_up_observations(conn, province=, indicator=)    # -> list[StoredObservation], flagged
    conflicts(conn, province=, indicator=, limit=, offset=)  # -> Page[Conflict] (pairs a, b)
    export_observations(conn, "csv"|"json"|"parquet", output=Path, filters=ObservationFilter(...))
    with time_limit(conn, ms): ...                     # raises QueryTimeout (E007)

Page sizes are capped by the ``max_page_size`` setting (``extractor.settings``).
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
    "ObservationFilter",
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
    "iter_observations",
    "link_copies",
    "mark_copy",
    "migrate",
    "province_table",
    "province_table_rolled_up",
    "query_observations",
    "quote_fts",
    "rebuild_derived",
    "roll_up",
    "rolled_up_observations",
    "save_extraction",
    "schema_version",
    "search",
    "search_documents",
    "time_limit",
    "transaction",
]
