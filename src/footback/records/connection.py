"""The one module that imports sqlite3: the store file's checks, connecting, locking and pragmas.

The rest of records/ names the connection and SQLite's errors through `Connection` and
`DatabaseError` here, so SQLite stays behind this one door.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from footback.core.errors import StoreError
from footback.core.files import SQLITE_HEADER
from footback.core.paths import FILE_MODE, SIDECARS

Connection = sqlite3.Connection
# Every error SQLite raises (damaged file, locked, full disk, bad SQL).
DatabaseError = sqlite3.Error

BUSY_TIMEOUT_MS = 15_000


def describe(exc: DatabaseError) -> str:
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


def check_is_footback(path: Path) -> None:
    """Refuse a file that is not an SQLite database; never overwrite it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"cannot read the store {path}: {exc.strerror}") from None
    if header and header != SQLITE_HEADER:
        raise StoreError(f"{path} is not a footback database; it was left untouched")


def store_exists(path: Path) -> bool:
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
    check_sidecars(path)
    return True


_KINDS = {stat.S_IFLNK: "a symbolic link", stat.S_IFDIR: "a folder", stat.S_IFIFO: "a FIFO (named pipe)"}


def check_sidecars(path: Path) -> None:
    """Refuse the store when a file SQLite keeps beside it (`-wal`, `-shm`, `-journal`) is not a
    plain file: a FIFO as the journal made every command hang forever (SQLite opens it to see
    whether it must roll back), a folder or link gave "unable to open database file"."""
    for suffix in SIDECARS:
        sidecar = path.with_name(path.name + suffix)
        try:
            info = os.lstat(sidecar)
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise StoreError(f"cannot read {sidecar}: {exc.strerror}") from None
        if not stat.S_ISREG(info.st_mode):
            kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
            raise StoreError(
                f"{sidecar} is {kind}, not a file SQLite made for the store beside it; move it "
                "away and run footback again (nothing was changed)"
            )


def create_private(path: Path) -> None:
    check_sidecars(path)
    try:
        # O_EXCL | O_NOFOLLOW: never through a link someone put there a moment ago.
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_NOFOLLOW, FILE_MODE)
    except FileExistsError:
        store_exists(path)  # another footback made it meanwhile: still refuse a link
        return
    except OSError as exc:
        raise StoreError(f"cannot create the store {path}: {exc.strerror}") from None
    os.close(fd)


def rollback(conn: Connection) -> None:
    # SQLite may already have rolled back (e.g. on a full disk); a second ROLLBACK would
    # replace the real error with "no transaction is active".
    if conn.in_transaction:
        with contextlib.suppress(DatabaseError):
            conn.execute("ROLLBACK")


def connect(path: Path) -> Connection:
    """A connection to the store file that waits for other writers; nothing is read or written yet."""
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except DatabaseError as exc:
        raise StoreError(f"cannot open the store {path}: {describe(exc)}") from None
    with closed_on_failure(conn, path):
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def connect_read_only(path: Path) -> Connection:
    """A connection for a store on a read-only disk or folder (a backup, a locked-down machine).

    `immutable=1` lets SQLite read a WAL store without creating its shared-memory file; nobody
    can write there, so nothing can change underneath. Writes through it fail as read-only.
    """
    try:
        return sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None
        )
    except DatabaseError as exc:
        raise StoreError(f"cannot open the store {path}: {describe(exc)}") from None


def connect_memory() -> Connection:
    """A scratch database in memory (the export layout reads the migrations' columns from one)."""
    return sqlite3.connect(":memory:")


@contextmanager
def closed_on_failure(conn: Connection, path: Path) -> Iterator[None]:
    """Close the connection if opening fails; an SQLite error becomes one StoreError line."""
    try:
        yield
    except DatabaseError as exc:
        conn.close()
        raise StoreError(f"cannot open the store {path}: {describe(exc)}") from None
    except BaseException:
        conn.close()
        raise


def configure(conn: Connection) -> None:
    """The pragmas a writable store runs with: foreign keys, WAL, and durable commits."""
    conn.execute("PRAGMA foreign_keys = ON")
    _use_wal(conn)
    conn.execute("PRAGMA synchronous = FULL")


def _use_wal(conn: Connection) -> None:
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
