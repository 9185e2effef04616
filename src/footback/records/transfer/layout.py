"""What an export holds: its format, versions, record kinds and their columns.

The columns are read from the migrations themselves, so the export follows the schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from footback.records.connection import connect_memory
from footback.records.migrations import MIGRATIONS
from footback.records.transfer.rows import INTERNAL_COLUMNS, JSON_COLUMNS, Row

FORMAT = "footback-export"
# Which record kinds each export version carries, parents first (shoe checks refer to shoe pairs).
# A newer footback reads every older version; the issue-13 work adds version 2 with new kinds.
VERSIONS: dict[int, tuple[str, ...]] = {
    1: ("assessments", "stretch_sessions", "shoe_pairs", "shoe_checks"),
    2: ("assessments", "stretch_sessions", "shoe_pairs", "shoe_checks", "checkins", "plan_changes"),
    # Version 3 adds the "seen by a clinician" confirmations (after their assessments).
    3: (
        "assessments",
        "stretch_sessions",
        "shoe_pairs",
        "shoe_checks",
        "checkins",
        "plan_changes",
        "clinician_seen",
    ),
    # Version 4 adds the function ratings (Patient-Specific Functional Scale, migration 90).
    4: (
        "assessments",
        "stretch_sessions",
        "shoe_pairs",
        "shoe_checks",
        "checkins",
        "plan_changes",
        "clinician_seen",
        "psfs_ratings",
    ),
}
EXPORT_VERSION = max(VERSIONS)
TABLES = VERSIONS[EXPORT_VERSION]
HEADER = ("format", "version", "schema")
# The column each table is ordered by in an export (then its id, so the order is stable).
TIME_COLUMN = {
    "assessments": "created_at",
    "stretch_sessions": "started_at",
    "shoe_pairs": "created_at",
    "shoe_checks": "created_at",
    "checkins": "day",
    "plan_changes": "created_at",
    "clinician_seen": "seen_at",
    "psfs_ratings": "day",
}
TIME_COLUMNS = frozenset({"created_at", "started_at", "updated_at", "seen_at", "retired_at"})
# Columns holding a day (YYYY-MM-DD).
DAY_COLUMNS = frozenset({"day"})
# Every record kind has a unique key import checks in SQL: a `uid` column, or the pair's name.
UID_TABLES = ("assessments", "stretch_sessions", "shoe_checks", "psfs_ratings")
ORDER_TIEBREAK = {"shoe_pairs": "name"}
# A record export could not read as it should is written as it is, with this field saying why.
DAMAGED = "damaged"


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # TEXT, INTEGER or REAL
    required: bool  # NOT NULL without a default
    default: Any = None  # what SQLite fills in when the column is left out


@cache
def schema() -> dict[str, tuple[Column, ...]]:
    """Each table's exported columns, read from the migrations themselves (no store needed)."""
    conn = connect_memory()
    try:
        for migration in MIGRATIONS:
            conn.executescript(migration.sql)
        tables: dict[str, tuple[Column, ...]] = {}
        for table in TABLES:
            info = conn.execute(f"PRAGMA table_info({table})").fetchall()
            tables[table] = tuple(
                Column(
                    name=c[1],
                    kind=str(c[2]).upper(),
                    required=bool(c[3]) and c[4] is None,
                    default=_default(c[1], c[4]),
                )
                for c in info
                # The rowid alias and store-only columns: internal, never exported.
                if not (c[1] == "id" and c[5]) and c[1] not in INTERNAL_COLUMNS.get(table, ())
            )
        return tables
    finally:
        conn.close()


def _default(name: str, sql: str | None) -> Any:
    """A column's SQL default as the value an export would show for it."""
    if sql is None or sql.upper() == "NULL":
        return None
    if sql.startswith("'") and sql.endswith("'"):
        text = sql[1:-1].replace("''", "'")
        return json.loads(text) if name in JSON_COLUMNS else text
    return json.loads(sql)


def complete(table: str, raw: Row) -> Row:
    """The row as it will be stored: every column, defaults filled in, in schema order."""
    row = {c.name: raw.get(c.name, c.default) for c in schema()[table]}
    for column in schema()[table]:
        value = row[column.name]
        if column.kind == "REAL" and isinstance(value, int) and not isinstance(value, bool):
            row[column.name] = float(value)  # SQLite stores 300 in a REAL column as 300.0
    return row


class NotJson(ValueError):
    """A value JSON itself does not allow (NaN, Infinity)."""


def no_constant(name: str) -> Any:
    raise NotJson(f"{name} is not a number JSON allows")
