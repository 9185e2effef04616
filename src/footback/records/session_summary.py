"""The schema of the per-day session summary (table `session_days`, migration 110) and the rule
it sums: which sessions count, said once in SQL for the sums, the triggers and the live reads.

`records/session_days.py` says what the summary holds and reads it; this module only makes it
(no store API here, so the migrations can import it).
"""

from __future__ import annotations

import json

from footback.records.connection import Connection, rollback
from footback.records.window import kept_day_sql, usable_offset_sql


def counts_sql(row: str = "") -> str:
    """Whether a session counts towards the streak, in SQL on the columns of `row` ("NEW." and
    "OLD." in a trigger): it did at least one step, or finished with none skipped (a routine
    skipped through to its end with every step skipped is no practice). `SavedSession.counts`."""
    return f"({row}steps_done > 0 OR ({row}finished != 0 AND {row}steps_skipped = 0))"


TABLE = "session_days"
INDEX = "stretch_sessions_no_offset"
# The sessions the summary leaves out: no kept offset a clock can have (the partial index's rows).
NO_OFFSET_SQL = f"NOT ({usable_offset_sql('utc_offset')})"
# Migration 110's SQL (the table and the partial index; the triggers come from `create_triggers`).
SCHEMA_SQL = f"""
CREATE TABLE {TABLE} (day TEXT PRIMARY KEY, counted INTEGER NOT NULL);
CREATE INDEX {INDEX} ON stretch_sessions (started_at) WHERE {NO_OFFSET_SQL};
"""


def _day(row: str) -> str:
    return kept_day_sql(f"{row}started_at", f"{row}utc_offset")


def _summed(row: str) -> str:
    """Whether the session in `row` ("NEW.", "OLD.", "" for the table) is in the summary."""
    return f"{usable_offset_sql(f'{row}utc_offset')} AND {counts_sql(row)} AND {_day(row)} IS NOT NULL"


def _add(row: str) -> str:
    return (
        f"INSERT INTO {TABLE} (day, counted) VALUES ({_day(row)}, 1)"
        " ON CONFLICT (day) DO UPDATE SET counted = counted + 1"
    )


def _take(row: str) -> str:
    return (
        f"UPDATE {TABLE} SET counted = counted - 1 WHERE day = {_day(row)};"
        f" DELETE FROM {TABLE} WHERE day = {_day(row)} AND counted <= 0"
    )


# Only the columns the summary depends on: the uid a new row gets (migration 10) moves nothing.
_COLUMNS = "started_at, utc_offset, steps_done, steps_skipped, finished"
TRIGGERS = {
    f"{TABLE}_{name}": (
        f"CREATE TRIGGER {TABLE}_{name} AFTER {event} ON stretch_sessions"
        f" WHEN {_summed(row)} BEGIN {change(row)}; END"
    )
    for name, event, row, change in (
        ("insert", "INSERT", "NEW.", _add),
        ("delete", "DELETE", "OLD.", _take),
        ("update_old", f"UPDATE OF {_COLUMNS}", "OLD.", _take),
        ("update_new", f"UPDATE OF {_COLUMNS}", "NEW.", _add),
    )
}


def create_triggers(conn: Connection) -> None:
    """Migration 110's second step: the triggers, then the summary of the sessions stored so far."""
    for sql in TRIGGERS.values():
        conn.execute(sql)
    conn.execute(
        f"INSERT INTO {TABLE} (day, counted) SELECT {_day('')}, count(*) FROM stretch_sessions"
        f" WHERE {_summed('')} GROUP BY 1"
    )


def intact(conn: Connection) -> bool:
    """Whether the summary is exactly what migration 110 and its triggers keep: its objects as
    made, and no row a trigger could not have written (records/session_days.py reads it only then)."""
    expected = made_objects()
    names = ", ".join(f"'{name}'" for name in expected)
    (found,) = conn.execute(
        f"SELECT json_group_object(name, sql) FROM sqlite_master WHERE name IN ({names})"
    ).fetchone()
    made = {str(name): " ".join(str(sql).split()) for name, sql in json.loads(str(found)).items()}
    return made == expected and conn.execute(BOGUS_ROW_SQL).fetchone() is None


def repair(conn: Connection) -> None:
    """Make the summary again from the sessions when it is not `intact` (a dropped table would
    also make every session's INSERT fail through its triggers). An open that can write calls it;
    when it cannot write now (a full disk), readers read the sessions themselves instead."""
    if intact(conn):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not intact(conn):  # another footback may have repaired it meanwhile
            _drop_made(conn)
            for statement in _schema_statements():
                conn.execute(statement)
            create_triggers(conn)
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise


def _drop_made(conn: Connection) -> None:
    """Drop whatever now holds the names migration 110 uses, as what it is: a view in place of
    the table (DROP TABLE refuses a view) left every later session unsaved, `stretch` included."""
    for name in made_objects():
        found = conn.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,)).fetchone()
        if found is not None and found[0] in ("table", "view", "index", "trigger"):
            conn.execute(f'DROP {found[0].upper()} IF EXISTS "{name}"')


def _schema_statements() -> list[str]:
    """`SCHEMA_SQL`'s statements, one by one."""
    return [statement for statement in SCHEMA_SQL.split(";") if statement.strip()]


def made_objects() -> dict[str, str]:
    """Every object migration 110 makes, by name: its SQL with runs of white space made one space."""
    made = dict(TRIGGERS)
    for statement in _schema_statements():
        made[statement.split()[2]] = statement
    return {name: " ".join(sql.split()) for name, sql in made.items()}


# A summary row no trigger writes: not a real date, or not a whole count of at least one.
BOGUS_ROW_SQL = (
    f"SELECT 1 FROM {TABLE} WHERE NOT (typeof(day) = 'text' AND date(day, '+0 days') IS day"
    " AND typeof(counted) = 'integer' AND counted > 0) LIMIT 1"
)
