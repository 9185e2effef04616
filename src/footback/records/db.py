"""The history store's API: opening it (created and migrated as needed), reading and writing."""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from footback.core.errors import StoreError
from footback.core.paths import FILE_MODE, db_path, ensure_data_dir
from footback.core.text import visible_controls
from footback.records.changes import note_change
from footback.records.connection import (
    Connection,
    DatabaseError,
    check_is_footback,
    closed_on_failure,
    configure,
    connect,
    connect_read_only,
    create_private,
    describe,
    rollback,
    store_exists,
)

# Below this much free space a store is read as it is (reading commands still work on a full disk).
LOW_DISK_BYTES = 1 << 20
# Rows fetched per round trip when a reader walks a table newest first and may stop early.
FETCH_BATCH = 64

T = TypeVar("T")
Row = tuple[Any, ...]
# What a row-to-model function raises for a record that is not what footback wrote
# (DamagedRow and pydantic's ValidationError are ValueErrors; dates overflow; JSON nests too deep).
DAMAGE = (ValueError, TypeError, KeyError, ArithmeticError, RecursionError)


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
        conn: Connection,
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
        # Whether the per-day session summary may be read (records/session_days.py), once asked.
        self.summary_trusted: bool | None = None
        self._skipped: set[tuple[str, str]] = set()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic write: all of it lands or none of it does."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except DatabaseError as exc:
            raise StoreError(f"cannot write to {self.path}: {describe(exc)}") from None
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except DatabaseError as exc:
            rollback(self.conn)
            raise StoreError(f"cannot write to {self.path}: {describe(exc)}") from None
        except BaseException:
            rollback(self.conn)
            raise
        # After every commit, whatever wrote it: state made from the store is now out of date.
        note_change(self.path.parent)

    def _read_error(self, exc: DatabaseError) -> StoreError:
        return StoreError(f"cannot read {self.path}: {describe(exc)}")

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[Row]:
        """Run one read; a damaged file becomes a clear StoreError instead of a traceback."""
        try:
            rows = self.conn.execute(sql, params).fetchall()
        except DatabaseError as exc:
            raise self._read_error(exc) from None
        self.rows_read += len(rows)
        return rows

    def query_one(self, sql: str, params: tuple[object, ...] = ()) -> Row | None:
        """The first row of a read, if any."""
        rows = self.query(sql, params)
        return rows[0] if rows else None

    def iter_query(self, sql: str, params: tuple[object, ...] = ()) -> Generator[Row, None, None]:
        """Rows one by one, fetched in small batches, so a reader that stops early reads little."""
        try:
            cursor = self.conn.execute(sql, params)
        except DatabaseError as exc:
            raise self._read_error(exc) from None
        try:
            while True:
                try:
                    batch = cursor.fetchmany(FETCH_BATCH)
                except DatabaseError as exc:
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
    ) -> Generator[T, None, None]:
        """`read`, one model at a time."""
        # Closed with this generator, not left to the collector: a reader that stops early (a closed
        # pipe) must close the cursor while the connection is still open.
        with contextlib.closing(self.iter_query(sql, params)) as rows:
            for row in rows:
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


def _open_writable(path: Path, full_check: bool) -> tuple[Connection, bool]:
    """The connection, migrated, and whether the whole store was checked (see `integrity`)."""
    # Imported here: a run with no store (a new user's reading command) never needs the schema.
    from footback.records.integrity import check_intact
    from footback.records.migrations import SCHEMA_VERSION, identify, migrate
    from footback.records.session_summary import repair

    conn = connect(path)
    with closed_on_failure(conn, path):
        # Identify the file before anything below could write to it: a foreign or corrupt
        # database must stay byte-for-byte as it was.
        version = identify(conn, path)
        configure(conn)
        # An upgrade rewrites tables: walk the whole store before it, never upgrade a damaged one.
        checked = check_intact(conn, path, full=full_check or 0 < version < SCHEMA_VERSION)
        migrate(conn, path)
        # Derived data made again when it is not as footback keeps it; readers do without it.
        with contextlib.suppress(DatabaseError):
            repair(conn)
    return conn, checked


def open_store(folder: Path, *, full_check: bool = False) -> Store:
    """Open (creating and migrating as needed) the store in the data folder.

    `full_check` walks every page first, whatever the store's size (export and import ask for it;
    see `footback.records.integrity` for what an ordinary open checks)."""
    folder = ensure_data_dir(folder)
    path = db_path(folder)
    if store_exists(path):
        check_is_footback(path)
    else:
        create_private(path)
    if not os.access(folder, os.W_OK):
        # WAL needs to create files beside the store; say why instead of "unable to open".
        raise StoreError(f"cannot write to {path}: the folder {folder} is read-only; nothing was changed")
    conn, checked = _open_writable(path, full_check)
    # Tighten the mode only once the file is known to be ours; a read-only disk is reported
    # by the first write, not here.
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o777 != FILE_MODE:
            os.chmod(path, FILE_MODE)
    return Store(conn, path, fully_checked=checked)


def open_existing_store(folder: Path, *, full_check: bool = False) -> Store | None:
    """Open the store only if it already exists: reading must never create health data files."""
    path = db_path(folder)
    if not store_exists(path):
        return None
    if not os.access(path.parent, os.W_OK):
        return _open_read_only(path, full_check)
    try:
        return open_store(path.parent, full_check=full_check)
    except StoreError:
        # A full disk: SQLite cannot even create the WAL's shared-memory file to read. With no
        # write-ahead log pending everything is in the main file, so reading it as it is is exact.
        wal = path.with_name(path.name + "-wal")
        has_wal = wal.exists() and wal.stat().st_size > 0
        if has_wal or shutil.disk_usage(path.parent).free >= LOW_DISK_BYTES:
            raise
        return _open_read_only(path, full_check)


def _open_read_only(path: Path, full_check: bool) -> Store:
    """Read a store on a read-only disk or folder as it is; one that needs upgrading is refused."""
    from footback.records.integrity import check_intact
    from footback.records.migrations import identify, pending

    check_is_footback(path)
    conn = connect_read_only(path)
    with closed_on_failure(conn, path):
        version = identify(conn, path)
        checked = check_intact(conn, path, full=full_check)
        # Only what readers do without (derived data, read live instead) may be missing.
        if any(not migration.derived for migration in pending(conn, version)):
            raise StoreError(f"{path} needs upgrading to this footback's format, but its folder is read-only")
    return Store(conn, path, fully_checked=checked)


def read_store(folder: Path, reader: Callable[[Store], T], *, full_check: bool = False) -> T | None:
    """What `reader` reads from the existing store, or None when there is none yet.

    Reading never creates the store; the store is closed before this returns."""
    store = open_existing_store(folder, full_check=full_check)
    if store is None:
        return None
    with store:
        return reader(store)
