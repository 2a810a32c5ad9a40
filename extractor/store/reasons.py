"""An observation's reasons stored once: its rules and their words as ids into ``reasons``.

Every observation says which rule decided each of its parts (``rules``: "date" → "frame") and
the same in words (``why``: "date" → "date from 'June 30, 2019' one sentence before"). Kept as
JSON on every row they were a tenth of the database, though a corpus uses a few hundred rules
and each document adds only the few words it quotes. Each (kind, name, words) is kept once in
``reasons``; an observation keeps the ids of its own, space-separated in the order of its keys,
so both dicts read back equal and in the same order as they were written.

>>> codes = {1: ("rules", "date", "frame"), 2: ("why", "date", "date from the frame")}
>>> decode("1 2", codes)
({'date': 'frame'}, {'date': 'date from the frame'})
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping

Reason = tuple[str, str, str]  # kind (rules | why), name, words
Reasons = dict[str, str]
MIGRATE_BATCH = 2000  # observations whose reasons are interned per step when a database is migrated
_IN_CHUNK = 500  # ids looked up per query (SQLite caps the parameters of one statement)


class ReasonIndex:
    """Gives each distinct reason a row in ``reasons`` (inserted on first use), within the
    caller's transaction; remembers the ids it has looked up for the next observations."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.ids: dict[Reason, int] = {}

    def encode(self, rules: Mapping[str, str], why: Mapping[str, str]) -> str:
        """The ids of an observation's rules then its words, in key order, space-separated."""
        reasons = [("rules", k, v) for k, v in rules.items()] + [("why", k, v) for k, v in why.items()]
        return " ".join(str(self.id_for(r)) for r in reasons)

    def id_for(self, reason: Reason) -> int:
        """The row id of one reason, inserting it when new."""
        if reason not in self.ids:
            row = self.conn.execute("SELECT id FROM reasons WHERE kind = ? AND name = ? AND words = ?",
                                    reason).fetchone()
            self.ids[reason] = int(row[0]) if row else int(self.conn.execute(
                "INSERT INTO reasons(kind, name, words) VALUES (?, ?, ?)", reason).lastrowid or 0)
        return self.ids[reason]


def decode(code: str, known: Mapping[int, Reason]) -> tuple[Reasons, Reasons]:
    """An observation's rules and words from its ids, with ``known`` holding every one of them."""
    rules: Reasons = {}
    why: Reasons = {}
    for reason_id in code.split():
        kind, name, words = known[int(reason_id)]
        (rules if kind == "rules" else why)[name] = words
    return rules, why


def lookup(conn: sqlite3.Connection, codes: Iterable[str]) -> dict[int, Reason]:
    """The reasons the given observation codes name, by id (one query per few hundred ids)."""
    wanted = sorted({int(i) for code in codes for i in code.split()})
    found: dict[int, Reason] = {}
    for at in range(0, len(wanted), _IN_CHUNK):
        part = wanted[at:at + _IN_CHUNK]
        found.update({row[0]: (row[1], row[2], row[3]) for row in conn.execute(
            f"SELECT id, kind, name, words FROM reasons WHERE id IN ({', '.join('?' * len(part))})", part)})
    return found


def intern_stored(conn: sqlite3.Connection, *, batch: int = MIGRATE_BATCH) -> int:
    """Schema v10's step: the JSON reasons of the old ``observations`` rows as ids on the copied
    ``observation_rows`` rows, ``batch`` rows at a time inside the caller's transaction; rows done."""
    index, done, after = ReasonIndex(conn), 0, 0
    while rows := conn.execute("SELECT id, rules, why FROM observations WHERE id > ? ORDER BY id LIMIT ?",
                               (after, batch)).fetchall():
        conn.executemany("UPDATE observation_rows SET reasons = ? WHERE id = ?",
                         [(index.encode(json.loads(rules), json.loads(why)), oid) for oid, rules, why in rows])
        done, after = done + len(rows), rows[-1][0]
    return done


def prune(conn: sqlite3.Connection) -> int:
    """Remove the reasons no stored observation names any more (a document re-extracted or
    deleted leaves the words it quoted behind), inside the caller's write transaction, which
    keeps another writer from naming one meanwhile; the number removed."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS named_reasons (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM named_reasons")
    for (code,) in conn.execute("SELECT DISTINCT reasons FROM observation_rows WHERE reasons != ''"):
        conn.executemany("INSERT OR IGNORE INTO named_reasons(id) VALUES (?)", ((int(i),) for i in code.split()))
    removed = conn.execute("DELETE FROM reasons WHERE id NOT IN (SELECT id FROM named_reasons)").rowcount
    conn.execute("DELETE FROM named_reasons")
    return removed
