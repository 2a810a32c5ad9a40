"""A worker's prepared storing work (``store.prepared``) stores exactly what the writer would
work out itself, and a part prepared from other bytes or another text is not stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from extractor.pipeline import extract_text
from extractor.store import blobs, connect, save_extraction
from extractor.store import prepared as prepared_module
from extractor.store.prepared import prepare

TEXT = ("Tín dụng chính sách tỉnh Yên Bái\n\nĐến 30/9/2024, tổng dư nợ đạt 6.120 tỷ đồng với 98.400 "
        "khách hàng còn dư nợ.\n\nNợ quá hạn chiếm 0,08% tổng dư nợ.")
OTHER = "Tín dụng chính sách tỉnh Bắc Kạn\n\nTổng nguồn vốn đạt 3.050 tỷ đồng."


def _stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
                for table in ("raw_blobs", "doc_prints", "doc_bands")}


@pytest.mark.parametrize("prepared_from", ["same", "other bytes", "other text"])
def test_prepared_work_stores_what_the_writer_would(tmp_path: Path, prepared_from: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    extraction, other = extract_text(TEXT, lang="vi"), extract_text(OTHER, lang="vi")
    raw, other_raw = TEXT.encode("utf-8"), OTHER.encode("utf-8")
    prepared = {"same": prepare(extraction, raw), "other bytes": prepare(extraction, other_raw),
                "other text": prepare(other, raw)}[prepared_from]
    plain, ahead = tmp_path / "plain.sqlite", tmp_path / "ahead.sqlite"
    save_extraction(connect(plain), extraction, raw=raw)
    if prepared_from == "same":  # the writer does none of the prepared work again
        def refused(*args: object) -> None:
            raise AssertionError("worked out again though prepared")

        monkeypatch.setattr(blobs, "pack", refused)
        monkeypatch.setattr(prepared_module, "print_of", refused)
    save_extraction(connect(ahead), extraction, raw=raw, prepared=prepared)
    assert _stored(ahead) == _stored(plain)
    assert _stored(plain)["doc_prints"] and _stored(plain)["doc_bands"]
