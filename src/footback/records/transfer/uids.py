"""Record identities for records stored before uids existed (migration 10)."""

from __future__ import annotations

import contextlib
import json
from typing import Any

from footback.records.connection import Connection
from footback.records.transfer.layout import JSON_COLUMNS, Column, content_uid, schema


def _parsed(column: Column, value: Any) -> Any:
    if column.name in JSON_COLUMNS and isinstance(value, str):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


def backfill_uids(conn: Connection, table: str) -> None:
    """Migration 10: each stored record's uid is its content digest (a copy gets a numbered one)."""
    # The columns the table has at this migration (a later one may add more): those the store
    # holds now, so a backfill never names a column that does not exist yet.
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    columns = [c for c in schema()[table] if c.name != "uid" and c.name in present]
    names = ", ".join(c.name for c in columns)
    seen: dict[str, int] = {}
    updates: list[tuple[str, int]] = []
    for rowid, *values in conn.execute(f"SELECT id, {names} FROM {table} ORDER BY id"):
        row = {c.name: _parsed(c, v) for c, v in zip(columns, values, strict=True)}
        uid = content_uid(row)
        seen[uid] = seen.get(uid, 0) + 1
        updates.append((uid if seen[uid] == 1 else f"{uid}-{seen[uid]}", rowid))
        if len(updates) >= 1000:
            conn.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", updates)
            updates.clear()
    conn.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", updates)
