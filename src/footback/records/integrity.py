"""How much of the store is checked when it is opened.

SQLite's `quick_check` walks every page, so its cost grows with the file (about 0.3-0.5 s on a
262 MiB store). An ordinary open pays it only while the store is small; a larger store gets cheap
checks on every open and the full walk where it matters:

- every open: the file starts with SQLite's header, its schema and footback's mark can be read
  (`migrations.identify`), and its size agrees with the page count the header records (a store cut
  short or padded with garbage fails this);
- the full `quick_check` when the store is at most `FULL_CHECK_BYTES`, when the size check
  fails, when an unfinished write-ahead log is beside it (another footback is writing, or one
  stopped), before a schema upgrade, and when the caller asks (export and import);
- damage that only the full walk would find is reported by the read or write that meets it, as
  "corrupt ... left untouched" (SQLite refuses to use a damaged page and rolls the write back).
"""

from __future__ import annotations

from pathlib import Path

from footback.core.errors import StoreError
from footback.records.connection import Connection

# Up to this size (about two years of daily use) the full check costs a few milliseconds: keep it.
FULL_CHECK_BYTES = 1 << 20
HEADER_BYTES = 100
_ROW_LEVEL = ("CHECK constraint failed", "NULL value in ")
_QUICK_CHECK_LINES = 20


def _page_size(header: bytes) -> int | None:
    raw = int.from_bytes(header[16:18], "big")
    size = 65536 if raw == 1 else raw
    if size < 512 or size > 65536 or size & (size - 1):
        return None
    return size


def size_agrees(header: bytes, file_size: int) -> bool:
    """Whether the file is as long as its SQLite header says (whole pages, none missing).

    The header's page count is trusted only when SQLite marked it current (the "version valid
    for" number equals the change counter), as SQLite itself does.
    """
    if len(header) < HEADER_BYTES:
        return False
    page = _page_size(header)
    if page is None or file_size % page:
        return False
    counted_pages = int.from_bytes(header[28:32], "big")
    current = header[24:28] == header[92:96]
    return not current or counted_pages * page <= file_size


def needs_full_check(path: Path, *, asked: bool) -> bool:
    """Whether this open must walk the whole store (see the module's docstring)."""
    if asked:
        return True
    try:
        file_size = path.stat().st_size
        if file_size <= FULL_CHECK_BYTES:
            return True
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return True
        with path.open("rb") as fh:
            header = fh.read(HEADER_BYTES)
    except OSError:
        return True  # cannot tell cheaply: check it all
    return not size_agrees(header, file_size)


def full_check(conn: Connection, path: Path) -> None:
    """Walk every page; refuse the store, untouched, when its structure is broken."""
    verdicts = [row[0] for row in conn.execute(f"PRAGMA quick_check({_QUICK_CHECK_LINES})")]
    # A CHECK or NOT NULL failure is a row edited by hand, not a broken file: readers skip such
    # a row with a warning and export carries it, so the person's data still comes out.
    broken = [v for v in verdicts if v != "ok" and not v.startswith(_ROW_LEVEL)]
    if broken:
        raise StoreError(f"{path} is corrupt ({broken[0]}); it was left untouched")


def check_intact(conn: Connection, path: Path, *, full: bool = False) -> bool:
    """The check an open needs; returns whether it walked the whole store."""
    if not needs_full_check(path, asked=full):
        return False
    full_check(conn, path)
    return True
