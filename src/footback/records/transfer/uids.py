"""Record identities for records stored before uids existed (migration 10)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from footback.records.connection import Connection
from footback.records.transfer.rows import INTERNAL_COLUMNS, JSON_COLUMNS, content_uid


def _parsed(name: str, value: Any) -> Any:
    if name in JSON_COLUMNS and isinstance(value, str):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


def backfill_uids(conn: Connection, table: str) -> None:
    """Migration 10: each stored record's uid is its content digest (a copy gets a numbered one)."""
    # The columns an export carries (layout.schema()) as the table has them at this migration (a
    # later one may add more): not the rowid alias, not a store-only column, not the uid itself.
    # Read from the store, not from the schema, which the migrations themselves make.
    internal = INTERNAL_COLUMNS.get(table, frozenset())
    columns = [
        str(name)
        for _, name, _, _, _, pk in conn.execute(f"PRAGMA table_info({table})")
        if not (name == "id" and pk) and name not in internal and name != "uid"
    ]
    names = ", ".join(columns)
    seen: dict[str, int] = {}
    updates: list[tuple[str, int]] = []
    for rowid, *values in conn.execute(f"SELECT id, {names} FROM {table} ORDER BY id"):
        row = {name: _parsed(name, v) for name, v in zip(columns, values, strict=True)}
        uid = content_uid(row)
        seen[uid] = seen.get(uid, 0) + 1
        updates.append((uid if seen[uid] == 1 else f"{uid}-{seen[uid]}", rowid))
        if len(updates) >= 1000:
            conn.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", updates)
            updates.clear()
    conn.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", updates)
