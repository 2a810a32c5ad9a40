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

What the web's pages read (every SQL statement of the app is here, none in the web or the CLI)::

    search_sentences(conn, SearchFilters(q=, province=, indicator=, year=, language=, source=),
                     limit=, offset=)                  # -> SearchResult (hits and facet counts)
    province_series(conn, stored_province(conn, name)) # -> list[Series] (per date: what most sources give)
    overview_counts(conn) / provinces_with_data(conn) / indicators_with_data(conn) / recent_documents(conn)
    document_briefs(conn, ids) / agreeing(conn, observation) / value_observations(conn, value)
    cell_observations(conn, province=, indicator=, date=, status=)  # -> list[StoredObservation]
    indicator_label(code)                              # the name in rules/indicators.yaml, capitalised

Page sizes are capped by the ``max_page_size`` setting (``extractor.settings``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from extractor.store.facets import search_sentences
    from extractor.store.labels import indicator_label
    from extractor.store.lookups import agreeing, cell_observations, value_observations
    from extractor.store.overview import (
        document_briefs,
        indicators_with_data,
        overview_counts,
        provinces_with_data,
        recent_documents,
    )
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
        DocumentBrief,
        DocumentCopy,
        DocumentHit,
        Facet,
        ObservationFilter,
        Page,
        SearchFilters,
        SearchHit,
        SearchResult,
        Series,
        StoredDocument,
        StoredObservation,
        TableCell,
    )
    from extractor.store.rollup import province_table_rolled_up, roll_up, rolled_up_observations
    from extractor.store.schema import SCHEMA_VERSION
    from extractor.store.series import province_series, stored_province
    from extractor.store.write import (
        SaveResult,
        bulk_save,
        mark_copy,
        rebuild_derived,
        save_extraction,
    )

# The module of each public name, imported when the name is first asked for: a command loads
# what it calls (``extractor search`` the query module and its records), not the writer, the
# near-duplicate finder and every record of the store.
_HOMES = {
    "link_copies": "copies",
    "QueryTimeout": "db",
    "connect": "db",
    "migrate": "db",
    "schema_version": "db",
    "time_limit": "db",
    "transaction": "db",
    "copies_of": "documents",
    "disagreeing": "documents",
    "get_document": "documents",
    "export_observations": "export",
    "search_sentences": "facets",
    "indicator_label": "labels",
    "agreeing": "lookups",
    "cell_observations": "lookups",
    "value_observations": "lookups",
    "document_briefs": "overview",
    "indicators_with_data": "overview",
    "overview_counts": "overview",
    "provinces_with_data": "overview",
    "recent_documents": "overview",
    "conflicts": "query",
    "get_observation": "query",
    "iter_observations": "query",
    "province_table": "query",
    "query_observations": "query",
    "quote_fts": "query",
    "search": "query",
    "search_documents": "query",
    "Conflict": "records",
    "DocumentBrief": "records",
    "DocumentCopy": "records",
    "DocumentHit": "records",
    "Facet": "records",
    "ObservationFilter": "records",
    "Page": "records",
    "SearchFilters": "records",
    "SearchHit": "records",
    "SearchResult": "records",
    "Series": "records",
    "StoredDocument": "records",
    "StoredObservation": "records",
    "TableCell": "records",
    "province_table_rolled_up": "rollup",
    "roll_up": "rollup",
    "rolled_up_observations": "rollup",
    "SCHEMA_VERSION": "schema",
    "province_series": "series",
    "stored_province": "series",
    "SaveResult": "write",
    "bulk_save": "write",
    "mark_copy": "write",
    "rebuild_derived": "write",
    "save_extraction": "write",
}

__all__ = [
    "SCHEMA_VERSION",
    "Conflict",
    "DocumentBrief",
    "DocumentCopy",
    "DocumentHit",
    "Facet",
    "ObservationFilter",
    "Page",
    "QueryTimeout",
    "SaveResult",
    "SearchFilters",
    "SearchHit",
    "SearchResult",
    "Series",
    "StoredDocument",
    "StoredObservation",
    "TableCell",
    "agreeing",
    "bulk_save",
    "cell_observations",
    "conflicts",
    "connect",
    "copies_of",
    "disagreeing",
    "document_briefs",
    "export_observations",
    "get_document",
    "get_observation",
    "indicator_label",
    "indicators_with_data",
    "iter_observations",
    "link_copies",
    "mark_copy",
    "migrate",
    "overview_counts",
    "province_series",
    "province_table",
    "province_table_rolled_up",
    "provinces_with_data",
    "query_observations",
    "quote_fts",
    "rebuild_derived",
    "recent_documents",
    "roll_up",
    "rolled_up_observations",
    "save_extraction",
    "schema_version",
    "search",
    "search_documents",
    "search_sentences",
    "stored_province",
    "time_limit",
    "transaction",
    "value_observations",
]


if not TYPE_CHECKING:  # mypy reads the imports above, and reports a name that is not there

    def __getattr__(name: str) -> Any:
        """A public name, from its module (imported then)."""
        home = _HOMES.get(name)
        if home is None:
            raise AttributeError(f"module 'extractor.store' has no attribute {name!r}")
        value = getattr(importlib.import_module(f"extractor.store.{home}"), name)
        globals()[name] = value  # asked once
        return value
