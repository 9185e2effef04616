"""The history store: one SQLite file with forward-only, numbered migrations."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from footback.errors import StoreError
from footback.paths import FILE_MODE, db_path, ensure_data_dir

# Marks the file as footback's own ("FtBk"), so a foreign SQLite file is never migrated.
APPLICATION_ID = 0x4674426B
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


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
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def _describe(exc: sqlite3.Error) -> str:
    text = str(exc)
    if "readonly" in text or "read-only" in text:
        return "the store is read-only"
    if "full" in text:
        return "the disk is full"
    return text


def _check_is_footback(path: Path) -> None:
    """Refuse a file that is not an SQLite database; never overwrite it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a footback database; it was left untouched")


def _create_private(path: Path) -> None:
    if not path.exists():
        try:
            fd = os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE)
        except OSError as exc:
            raise StoreError(f"cannot create the store {path}: {exc.strerror}") from None
        os.close(fd)


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema forward to SCHEMA_VERSION, one migration per transaction."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and version != 0):
        raise StoreError(f"{path} is not a footback database; it was left untouched")
    if app_id == 0:
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables:
            raise StoreError(f"{path} is not a footback database; it was left untouched")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path} was written by a newer footback (schema {version}, this one knows "
            f"{SCHEMA_VERSION}); upgrade footback"
        )
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            current = conn.execute("PRAGMA user_version").fetchone()[0]
            if current < migration.version:
                for statement in migration.sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


class Store:
    """An open history store. Use `open_store()`; close it or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write: all of it lands or none of it does."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {_describe(exc)}") from None


def open_store(folder: Path | None = None) -> Store:
    """Open (creating and migrating as needed) the store in the data folder."""
    folder = ensure_data_dir(folder)
    path = db_path(folder)
    if path.exists():
        _check_is_footback(path)
    else:
        _create_private(path)
    with contextlib.suppress(OSError):  # a read-only folder is reported by the first write
        os.chmod(path, FILE_MODE)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the store {path}: {_describe(exc)}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        journal = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if journal != "wal":
            conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        migrate(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "malformed" in str(exc):
            raise StoreError(f"{path} is corrupt or not a footback database; it was left untouched") from None
        raise StoreError(f"cannot open the store {path}: {_describe(exc)}") from None
    except StoreError:
        conn.close()
        raise
    return Store(conn, path)


def open_existing_store(folder: Path | None = None) -> Store | None:
    """Open the store only if it already exists: reading must never create health data files."""
    path = db_path(folder)
    if not path.exists():
        return None
    return open_store(path.parent)
