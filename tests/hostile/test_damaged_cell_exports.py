"""Every column of every table holding what no footback writes (a BLOB, a NULL where the schema
said NOT NULL): each export still gets the person's data out. A BLOB routine name failed the
FHIR export ("JSON cannot hold BLOB values", exit 1): the day's routines were gathered with
SQLite's json_group_array, which refuses a BLOB."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from tests.support.hostile import clean, invoke, seed_everything

EXPORTS = [["export"], ["export", "--format", "csv"], ["export", "--format", "fhir"]]


def _columns() -> list[tuple[str, str]]:
    from footback.records.connection import connect_memory
    from footback.records.migrations import migrate

    conn = connect_memory()
    migrate(conn, Path(":memory:"))
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    found = [
        (table, column)
        for table in sorted(t for t in tables if not t.startswith(("sqlite_", "schema")))
        for _, column, *_ in conn.execute(f"PRAGMA table_info({table})")
        if column != "id"
    ]
    conn.close()
    return found


COLUMNS = _columns()


def damage(home: Path, table: str, column: str, value: object) -> None:
    """`value` in `column` of the table's first row, the table's NOT NULL and CHECK rules dropped
    first (as a hand edit of the file can)."""
    conn = sqlite3.connect(home / "footback.sqlite3")
    try:
        (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()
        conn.execute("PRAGMA writable_schema = ON")
        loose = re.sub(r"NOT NULL|CHECK \([^)]*\)", "", sql)
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (loose, table))
        conn.commit()
    finally:
        conn.close()
    conn = sqlite3.connect(home / "footback.sqlite3")
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        first = f"(SELECT min(rowid) FROM {table})"
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = {first}", (value,))
        conn.commit()
    finally:
        conn.close()


def test_the_schema_has_the_columns_this_test_damages() -> None:
    assert ("stretch_sessions", "routine") in COLUMNS and len(COLUMNS) > 50


@pytest.mark.parametrize("value", [b"\x00\xff", None], ids=["blob", "null"])
@pytest.mark.parametrize(("table", "column"), COLUMNS, ids=[f"{t}.{c}" for t, c in COLUMNS])
def test_every_export_gets_the_data_out(home: Path, table: str, column: str, value: object) -> None:
    seed_everything(home)
    damage(home, table, column, value)
    for args in EXPORTS:
        result = invoke(args)
        clean(result, codes=(0,))
        assert "checkins" in result.stdout or "Observation" in result.stdout or "day" in result.stdout
