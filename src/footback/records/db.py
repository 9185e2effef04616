"""The history store: one SQLite file with forward-only, numbered migrations."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from footback.core.errors import StoreError
from footback.core.paths import FILE_MODE, db_path, ensure_data_dir
from footback.core.text import visible_controls

# Marks the file as footback's own ("FtBk"), so a foreign SQLite file is never migrated.
APPLICATION_ID = 0x4674426B
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 15_000
# Below this much free space a store is read as it is (reading commands still work on a full disk).
LOW_DISK_BYTES = 1 << 20
# Rows fetched per round trip when a reader walks a table newest first and may stop early.
FETCH_BATCH = 64

T = TypeVar("T")
Row = tuple[Any, ...]
# What a row-to-model function raises for a record that is not what footback wrote
# (DamagedRow and pydantic's ValidationError are ValueErrors; dates overflow; JSON nests too deep).
DAMAGE = (ValueError, TypeError, KeyError, ArithmeticError, RecursionError)


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str
    # Runs after `sql`, in the same transaction, for what SQL alone cannot do (computed values).
    then: Callable[[sqlite3.Connection], None] | None = None


def _record_uids(conn: sqlite3.Connection) -> None:
    """Give every existing record its identity and make it unique (migration 10).

    Existing records get the digest of their content, the same one import computes for a record
    from an older export that has no uid, so restoring an old backup adds nothing twice. New
    records get a random uid from the trigger; import then skips a record whose uid is stored with
    `INSERT ... ON CONFLICT DO NOTHING` instead of reading every stored row back.
    """
    from footback.records.transfer.layout import UID_TABLES
    from footback.records.transfer.uids import backfill_uids

    for table in UID_TABLES:
        backfill_uids(conn, table)
        conn.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
        conn.execute(
            f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL"
            f" BEGIN UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END"
        )


def _add_uids(conn: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    """Backfill each table's uid from its content, make it unique, and give new rows a random one."""
    from footback.records.transfer.uids import backfill_uids

    for table in tables:
        backfill_uids(conn, table)
        conn.execute(f"CREATE UNIQUE INDEX {table}_uid ON {table} (uid)")
        conn.execute(
            f"CREATE TRIGGER {table}_new_uid AFTER INSERT ON {table} WHEN NEW.uid IS NULL"
            f" BEGIN UPDATE {table} SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END"
        )


def _daily_uids(conn: sqlite3.Connection) -> None:
    """Migration 32: check-ins and plan changes get uids like every other exported record kind."""
    _add_uids(conn, ("checkins", "plan_changes"))


def _clinician_uids(conn: sqlite3.Connection) -> None:
    """Migration 60: clinician confirmations are exported, so they get uids too."""
    _add_uids(conn, ("clinician_seen",))


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
        then=_record_uids,
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
        then=_daily_uids,
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
        then=_clinician_uids,
    ),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def _describe(exc: sqlite3.Error) -> str:
    """A person-sized reason for an SQLite failure (the code is stabler than the text)."""
    code = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    if code.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return "the store is read-only (check the folder's permissions or the disk)"
    if code == "SQLITE_FULL" or "full" in text:
        return "the disk is full; nothing was changed, free some space and try again"
    if code.startswith("SQLITE_IOERR"):
        return "the disk could not be written or read (full, read-only or failing); nothing was changed"
    if code.startswith("SQLITE_BUSY") or "locked" in text:
        return "another footback is still writing; try again in a moment"
    if code in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in text or "not a database" in text:
        return "the file is corrupt or not a footback database; it was left untouched"
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


def _store_exists(path: Path) -> bool:
    """Whether the store file is there, refusing a symlink or anything that is not a plain file.

    A symlink in place of the store would make SQLite create or rewrite its target (another file
    turned into a database, or the store created somewhere else); SQLite's `nofollow` does not
    catch it through Python, so look with lstat before connecting.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise StoreError(
            f"{path} is a symbolic link; footback opens its store only as a real file "
            "(replace the link with the file itself); nothing was changed"
        )
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"{path} is not a regular file; it was left untouched")
    return True


def _create_private(path: Path) -> None:
    try:
        # O_EXCL | O_NOFOLLOW: never through a link someone put there a moment ago.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, FILE_MODE)
    except FileExistsError:
        _store_exists(path)  # another footback made it meanwhile: still refuse a link
        return
    except OSError as exc:
        raise StoreError(f"cannot create the store {path}: {exc.strerror}") from None
    os.close(fd)


def _identify(conn: sqlite3.Connection, path: Path) -> int:
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


def _rollback(conn: sqlite3.Connection) -> None:
    # SQLite may already have rolled back (e.g. on a full disk); a second ROLLBACK would
    # replace the real error with "no transaction is active".
    if conn.in_transaction:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the schema forward to SCHEMA_VERSION, one migration per transaction."""
    version = _identify(conn, path)
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            current = _identify(conn, path)
            if current < migration.version:
                for statement in migration.sql.split(";"):
                    if statement.strip():
                        conn.execute(statement)
                if migration.then is not None:
                    migration.then(conn)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {migration.version}")
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise


def _excerpt(value: object) -> str:
    """A short, printable excerpt of a stored value for a message (it may be hostile)."""
    return visible_controls(str(value)[:32])


def warn_on_stderr(message: str) -> None:
    """The default way a reader reports a skipped record: one line on stderr."""
    import sys

    from footback.core.text import safe_line

    # The message names the store's path and quotes stored values: shown, never obeyed.
    sys.stderr.write(f"footback: warning: {safe_line(message)}\n")
    sys.stderr.flush()


class Store:
    """An open history store. Use `open_store()`; close it or use it as a context manager."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path,
        warn: Callable[[str], None] = warn_on_stderr,
        *,
        fully_checked: bool = False,
    ) -> None:
        self.conn = conn
        self.path = path
        self.warn = warn
        # Whether opening walked every page (PRAGMA quick_check) or only made the cheap checks.
        self.fully_checked = fully_checked
        # Every row fetched through this store: tests use it to prove reads stay bounded.
        self.rows_read = 0
        self._skipped: set[tuple[str, str]] = set()

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
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to {self.path}: {_describe(exc)}") from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(self.conn)
            raise StoreError(f"cannot write to {self.path}: {_describe(exc)}") from None
        except BaseException:
            _rollback(self.conn)
            raise

    def _read_error(self, exc: sqlite3.Error) -> StoreError:
        return StoreError(f"cannot read {self.path}: {_describe(exc)}")

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[Row]:
        """Run one read; a damaged file becomes a clear StoreError instead of a traceback."""
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except sqlite3.Error as exc:
            raise self._read_error(exc) from None
        self.rows_read += len(rows)
        return rows

    def query_one(self, sql: str, params: tuple[object, ...] = ()) -> Row | None:
        """The first row of a read, if any."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def iter_query(self, sql: str, params: tuple[object, ...] = ()) -> Iterator[Row]:
        """Rows one by one, fetched in small batches, so a reader that stops early reads little."""
        try:
            cursor = self.conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise self._read_error(exc) from None
        try:
            while True:
                try:
                    batch = cursor.fetchmany(FETCH_BATCH)
                except sqlite3.Error as exc:
                    raise self._read_error(exc) from None
                if not batch:
                    return
                for row in batch:
                    self.rows_read += 1
                    yield row
        finally:
            cursor.close()

    def read(self, sql: str, params: tuple[object, ...], parse: Callable[[Row], T], what: str) -> list[T]:
        """Rows turned into models by `parse`; damaged records are skipped (see `skip_damaged`)."""
        return list(self.iter_read(sql, params, parse, what))

    def iter_read(
        self, sql: str, params: tuple[object, ...], parse: Callable[[Row], T], what: str
    ) -> Iterator[T]:
        """`read`, one model at a time."""
        for row in self.iter_query(sql, params):
            try:
                yield parse(row)
            except DAMAGE:
                self.skip_damaged(what, row)

    def skip_damaged(self, what: str, row: Row) -> None:
        """The one policy for a damaged record, for every kind: readers skip it with one warning.

        By convention a row starts with the record's key and its timestamp. The record stays in
        the store as it is; each is named once per run however many readers meet it.
        """
        key = (what, _excerpt(row[0]))
        if key in self._skipped:
            return
        self._skipped.add(key)
        self.warn(
            f"skipped a damaged {what} ({key[1]}, saved at {_excerpt(row[1])}) in {self.path}: "
            "it is not what footback wrote; it was left untouched"
        )


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to WAL (readers never block the writer), retrying while others hold the file.

    Changing the journal mode needs an exclusive lock and SQLite does not call the busy
    handler for it, so two footbacks opening a new store at once would otherwise fail.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    delay = 0.005
    while True:
        try:
            journal = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        except sqlite3.OperationalError as exc:
            busy = (getattr(exc, "sqlite_errorname", "") or "").startswith("SQLITE_BUSY")
            if not busy or time.monotonic() >= deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
            continue
        if journal != "wal":  # a file system without shared memory: the rollback journal works
            conn.execute("PRAGMA journal_mode = DELETE")
        return


def _connect(path: Path, full_check: bool) -> tuple[sqlite3.Connection, bool]:
    """The connection, migrated, and whether the whole store was checked (see `integrity`)."""
    from footback.records.integrity import check_intact

    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the store {path}: {_describe(exc)}") from None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Identify the file before anything below could write to it: a foreign or corrupt
        # database must stay byte-for-byte as it was.
        version = _identify(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
        _use_wal(conn)
        conn.execute("PRAGMA synchronous = FULL")
        # An upgrade rewrites tables: walk the whole store before it, never upgrade a damaged one.
        checked = check_intact(conn, path, full=full_check or 0 < version < SCHEMA_VERSION)
        migrate(conn, path)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot open the store {path}: {_describe(exc)}") from None
    except BaseException:
        conn.close()
        raise
    return conn, checked


def open_store(folder: Path, *, full_check: bool = False) -> Store:
    """Open (creating and migrating as needed) the store in the data folder.

    `full_check` walks every page first, whatever the store's size (export and import ask for it;
    see `footback.records.integrity` for what an ordinary open checks)."""
    folder = ensure_data_dir(folder)
    path = db_path(folder)
    if _store_exists(path):
        _check_is_footback(path)
    else:
        _create_private(path)
    if not os.access(folder, os.W_OK):
        # WAL needs to create files beside the store; say why instead of "unable to open".
        raise StoreError(f"cannot write to {path}: the folder {folder} is read-only; nothing was changed")
    conn, checked = _connect(path, full_check)
    # Tighten the mode only once the file is known to be ours; a read-only disk is reported
    # by the first write, not here.
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o777 != FILE_MODE:
            os.chmod(path, FILE_MODE)
    return Store(conn, path, fully_checked=checked)


def open_existing_store(folder: Path, *, full_check: bool = False) -> Store | None:
    """Open the store only if it already exists: reading must never create health data files."""
    path = db_path(folder)
    if not _store_exists(path):
        return None
    if not os.access(path.parent, os.W_OK):
        return _open_read_only(path, full_check)
    try:
        return open_store(path.parent, full_check=full_check)
    except StoreError:
        # A full disk: SQLite cannot even create the WAL's shared-memory file to read. With no
        # write-ahead log pending everything is in the main file, so reading it as it is is exact.
        wal = path.with_name(path.name + "-wal")
        pending = wal.exists() and wal.stat().st_size > 0
        if pending or shutil.disk_usage(path.parent).free >= LOW_DISK_BYTES:
            raise
        return _open_read_only(path, full_check)


def _open_read_only(path: Path, full_check: bool) -> Store:
    """Read a store on a read-only disk or folder (a backup, a locked-down machine).

    `immutable=1` lets SQLite read a WAL store without creating its shared-memory file; nobody
    can write there, so nothing can change underneath. Writes through it fail as read-only.
    """
    from footback.records.integrity import check_intact

    _check_is_footback(path)
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None
        )
        version = _identify(conn, path)
        checked = check_intact(conn, path, full=full_check)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot open the store {path}: {_describe(exc)}") from None
    except StoreError:
        conn.close()
        raise
    if version != SCHEMA_VERSION:
        conn.close()
        raise StoreError(f"{path} needs upgrading to this footback's format, but its folder is read-only")
    return Store(conn, path, fully_checked=checked)
