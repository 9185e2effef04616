"""The store's schema: forward-only, numbered migrations and the migrator that applies them."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import NamedTuple

from footback.core.errors import StoreError
from footback.records.connection import Connection, rollback
from footback.records.session_summary import SCHEMA_SQL as SESSION_DAYS_SQL
from footback.records.session_summary import create_triggers

# Marks the file as footback's own ("FtBk"), so a foreign SQLite file is never migrated.
APPLICATION_ID = 0x4674426B


class Migration(NamedTuple):
    version: int
    name: str
    sql: str
    # Runs after `sql`, in the same transaction, for what SQL alone cannot do (computed values).
    then: Callable[[Connection], None] | None = None
    # Adds only data derived from the rest, which readers do without (slower) when it is missing:
    # a store that lacks only such migrations can still be read where it cannot be upgraded.
    derived: bool = False


def _uids(*tables: str) -> Callable[[Connection], None]:
    """A migration step giving each table's records their identity, unique, random for new rows.

    Existing records get the digest of their content, the same one import computes for a record
    from an older export that has no uid, so restoring an old backup adds nothing twice. New
    records get a random uid from the trigger; import then skips a record whose uid is stored with
    `INSERT ... ON CONFLICT DO NOTHING` instead of reading every stored row back.
    """

    def add_uids(conn: Connection) -> None:
        from footback.records.transfer.uids import backfill_uids

        for table in tables:
            backfill_uids(conn, table)
            conn.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
            conn.execute(
                f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL"
                f" BEGIN UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END"
            )

    return add_uids


# Append only: a released migration is never edited, so every older store can be brought forward.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "assessments",
        """
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            urgent INTEGER NOT NULL,
            foot_score INTEGER NOT NULL,
            back_score INTEGER NOT NULL,
            link_score INTEGER NOT NULL,
            answers TEXT NOT NULL,
            result TEXT NOT NULL
        );
        CREATE INDEX assessments_created ON assessments (created_at);
        """,
    ),
    Migration(
        2,
        "stretch_sessions",
        """
        CREATE TABLE stretch_sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            routine TEXT NOT NULL,
            planned_seconds REAL NOT NULL,
            actual_seconds REAL NOT NULL,
            steps_done INTEGER NOT NULL,
            steps_skipped INTEGER NOT NULL,
            finished INTEGER NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'
        );
        CREATE INDEX stretch_sessions_started ON stretch_sessions (started_at);
        """,
    ),
    Migration(
        3,
        "shoes",
        """
        CREATE TABLE shoe_pairs (
            name TEXT PRIMARY KEY,
            shoe_type TEXT NOT NULL,
            distance_km REAL,
            age_months INTEGER,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE TABLE shoe_checks (
            id INTEGER PRIMARY KEY,
            pair TEXT REFERENCES shoe_pairs (name) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            verdict TEXT NOT NULL,
            score INTEGER NOT NULL,
            answers TEXT NOT NULL,
            result TEXT NOT NULL
        );
        CREATE INDEX shoe_checks_created ON shoe_checks (created_at);
        """,
    ),
    # Versions 10-19: hostile-data work (issue 11 / streaming import).
    Migration(
        10,
        "record uids",
        """
        ALTER TABLE assessments ADD COLUMN uid TEXT;
        ALTER TABLE stretch_sessions ADD COLUMN uid TEXT;
        ALTER TABLE shoe_checks ADD COLUMN uid TEXT;
        """,
        then=_uids("assessments", "stretch_sessions", "shoe_checks"),
    ),
    # A person's word that a clinician has seen them about an assessment's warning signs.
    Migration(
        20,
        "clinician_seen",
        """
        CREATE TABLE clinician_seen (
            id INTEGER PRIMARY KEY,
            seen_at TEXT NOT NULL,
            assessment_id INTEGER,
            signs TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX clinician_seen_at ON clinician_seen (seen_at);
        """,
    ),
    Migration(
        30,
        "checkins",
        """
        CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL UNIQUE,
            foot INTEGER NOT NULL CHECK (foot BETWEEN 0 AND 10),
            back INTEGER NOT NULL CHECK (back BETWEEN 0 AND 10),
            note TEXT,
            warning_signs TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL
        );
        """,
    ),
    Migration(
        31,
        "plan_changes",
        """
        CREATE TABLE plan_changes (
            id INTEGER PRIMARY KEY,
            created_at TEXT NOT NULL,
            action TEXT NOT NULL,
            level INTEGER NOT NULL,
            previous INTEGER,
            reason TEXT NOT NULL
        );
        CREATE INDEX plan_changes_created ON plan_changes (created_at);
        """,
    ),
    Migration(
        32,
        "daily uids",
        """
        ALTER TABLE checkins ADD COLUMN uid TEXT;
        ALTER TABLE plan_changes ADD COLUMN uid TEXT;
        """,
        then=_uids("checkins", "plan_changes"),
    ),
    Migration(
        40,
        "record_lookups",
        """
        CREATE INDEX shoe_checks_pair ON shoe_checks (pair, created_at);
        CREATE INDEX shoe_pairs_name_nocase ON shoe_pairs (name COLLATE NOCASE);
        """,
    ),
    Migration(
        50,
        "retired_pairs",
        # A retired pair keeps its checks (history, report) but leaves `shoes-check --list`.
        "ALTER TABLE shoe_pairs ADD COLUMN retired_at TEXT;",
    ),
    # "Seen by a clinician" confirmations go into exports (version 3): they name their assessment
    # by its uid, which survives export and import, unlike the row id.
    Migration(
        60,
        "clinician_seen export",
        """
        ALTER TABLE clinician_seen ADD COLUMN assessment_uid TEXT;
        ALTER TABLE clinician_seen ADD COLUMN uid TEXT;
        UPDATE clinician_seen SET assessment_uid =
            (SELECT uid FROM assessments WHERE assessments.id = clinician_seen.assessment_id);
        """,
        then=_uids("clinician_seen"),
    ),
    # Local days (issue 21): a session keeps the UTC offset of the clock it was played by, in
    # minutes east of UTC, so its day is the person's calendar day at the time (a routine at 23:30
    # before a clock change stays on its day); NULL for sessions stored before, read with today's.
    Migration(
        70,
        "session utc offsets",
        "ALTER TABLE stretch_sessions ADD COLUMN utc_offset INTEGER;",
    ),
    # The Patient-Specific Functional Scale (issue 20): up to 3 activities and a 0-10 rating of
    # each, as two JSON lists of the same length; the score (their mean) is computed, not stored.
    Migration(
        90,
        "psfs_ratings",
        """
        CREATE TABLE psfs_ratings (
            id INTEGER PRIMARY KEY,
            day TEXT NOT NULL,
            activities TEXT NOT NULL DEFAULT '[]',
            ratings TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL,
            uid TEXT
        );
        CREATE INDEX psfs_ratings_day ON psfs_ratings (day);
        """,
        then=_uids("psfs_ratings"),
    ),
    # Local days for every record (issue 21): assessments, shoe checks, clinician confirmations
    # and plan changes keep the UTC offset of the clock they were written by, as sessions do
    # (migration 70), so their day is the person's calendar day at the time. NULL for records
    # stored before, read with today's offset.
    Migration(
        100,
        "record utc offsets",
        """
        ALTER TABLE assessments ADD COLUMN utc_offset INTEGER;
        ALTER TABLE shoe_checks ADD COLUMN utc_offset INTEGER;
        ALTER TABLE clinician_seen ADD COLUMN utc_offset INTEGER;
        ALTER TABLE plan_changes ADD COLUMN utc_offset INTEGER;
        """,
    ),
    # Flat reading (issue 22): the sessions that count on each local day, kept by triggers, so
    # progress, today, report and plan --review read a row a day, not every session
    # (records/session_days.py says which sessions it holds and when readers trust it).
    Migration(110, "session day summary", SESSION_DAYS_SQL, then=create_triggers, derived=True),
)
SCHEMA_VERSION = MIGRATIONS[-1].version

# Compiled on first use (only an upgrade reads them), so an ordinary open does not pay for it.
_CREATES = r"(?i)\bCREATE\s+(?:UNIQUE\s+)?(?:TABLE|INDEX|TRIGGER|VIEW)\s+(\w+)"
_ADDS = r"(?i)\bALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)"


@cache
def footprint(migration: Migration) -> frozenset[str]:
    """What the migration's SQL creates: object names, and `table.column` for each added column."""
    created = {name.casefold() for name in re.findall(_CREATES, migration.sql)}
    added = {f"{table}.{column}".casefold() for table, column in re.findall(_ADDS, migration.sql)}
    return frozenset(created | added)


def _present(conn: Connection) -> frozenset[str]:
    """The store's objects and `table.column` names, in the form `footprint` gives."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master UNION ALL"
        " SELECT m.name || '.' || p.name FROM sqlite_master AS m, pragma_table_info(m.name) AS p"
        " WHERE m.type = 'table'"
    ).fetchall()
    return frozenset(str(name).casefold() for (name,) in rows)


def pending(conn: Connection, version: int) -> list[Migration]:
    """The migrations the store lacks, in version order, given its recorded `version`.

    A released footback applies every migration up to its `user_version`, but a development
    store may have skipped a block of numbers (made on a branch that lacked them), so a store
    due an upgrade is read for what each migration creates: one whose tables, indexes and
    columns are all missing was never applied. A store at the newest version is complete.
    """
    if version >= SCHEMA_VERSION:
        return []
    present = _present(conn)
    return [m for m in MIGRATIONS if not _applied(m, present, version)]


def _applied(migration: Migration, present: frozenset[str], version: int) -> bool:
    made = footprint(migration)
    # A migration that creates nothing leaves no trace: the recorded version is all there is.
    return bool(made & present) if made else migration.version <= version


def identify(conn: Connection, path: Path) -> int:
    """The schema version of a footback store; refuses any other SQLite file.

    All three facts are read in one statement, so one snapshot: a store being created by
    another process is never seen half-migrated (application_id still 0, user_version 1).
    """
    app_id, version, objects = conn.execute(
        "SELECT (SELECT application_id FROM pragma_application_id),"
        " (SELECT user_version FROM pragma_user_version),"
        " (SELECT count(*) FROM sqlite_master)"
    ).fetchone()
    foreign = app_id not in (0, APPLICATION_ID) or (app_id == 0 and (version != 0 or objects))
    if foreign:
        raise StoreError(f"{path} is not a footback database; it was left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer footback (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade footback"
        )
    return int(version)


def migrate(conn: Connection, path: Path) -> None:
    """Apply every migration the store lacks, in version order, one per transaction.

    Forward only: `user_version` never goes down (a skipped migration applied late leaves it
    where it was)."""
    for migration in pending(conn, identify(conn, path)):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            version = identify(conn, path)
            if migration in pending(conn, version):
                for statement in migration.sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if migration.then is not None:
                    migration.then(conn)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {max(version, migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            rollback(conn)
            raise
