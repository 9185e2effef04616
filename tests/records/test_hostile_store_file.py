"""A store file that is not a footback store (not SQLite, truncated, empty, a folder, read-only,
locked, half-written): every command is one line without a traceback and leaves it as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from footback.core.paths import db_path
from tests.support.hostile import READERS, clean, invoke, seed_everything

WRITERS: list[list[str]] = [
    ["checkin", "--foot", "1", "--back", "2"],
    ["plan"],
    ["plan", "--level", "3"],
    ["shoes-check", "--name", "trail runners", "--add-distance", "5km"],
    ["shoes-check", "--name", "office", "--retire"],
    ["stretch", "--routine", "feet", "--plain", "--speed", "100", "--lead-in", "0"],
]


def _not_sqlite(path: Path) -> None:
    path.write_bytes(b"hello, I am a text file\n" * 10)


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _header_only(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _zeroed_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[4096:12288] = b"\x00" * 8192
    path.write_bytes(bytes(data))


def _garbage_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[8192:16384] = os.urandom(8192)
    path.write_bytes(bytes(data))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _foreign_sqlite(path: Path) -> None:
    path.unlink()
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()


def _newer_schema(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 9999")
    conn.commit()
    conn.close()


def _dropped_table(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE checkins")
    conn.commit()
    conn.close()


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


DAMAGES: dict[str, Callable[[Path], None]] = {
    "not sqlite": _not_sqlite,
    "truncated": _truncated,
    "header only": _header_only,
    "zeroed pages": _zeroed_middle,
    "garbage pages": _garbage_pages,
    "foreign sqlite": _foreign_sqlite,
    "newer schema": _newer_schema,
    "dropped table": _dropped_table,
    "a folder": _folder,
}


def _snapshot(path: Path) -> bytes | str:
    return path.read_bytes() if path.is_file() else "folder"


@pytest.mark.parametrize("damage", list(DAMAGES), ids=list(DAMAGES))
def test_a_damaged_store_file_is_one_line_and_left_untouched(home: Path, damage: str) -> None:
    seed_everything(home)
    store = db_path(home)
    for leftover in home.glob("footback.sqlite3-*"):
        leftover.unlink()
    DAMAGES[damage](store)
    before = _snapshot(store)
    for args in [*READERS, *WRITERS, ["import", str(home / "plan.toml")]]:
        result = invoke(args)
        clean(result, codes=(0, 1, 2))
        if result.exit_code:  # refused: not one byte changed
            assert _snapshot(store) == before, args
        before = _snapshot(store)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes whatever the mode says")
def test_a_read_only_store_can_still_be_read_and_exported(home: Path) -> None:
    seed_everything(home)
    os.chmod(db_path(home), stat.S_IRUSR)
    for args in [*READERS, *WRITERS]:
        clean(invoke(args), codes=(0, 1, 2))
    assert invoke(["export"]).exit_code == 0


@pytest.mark.slow  # waits out the real busy timeout (15 s)
def test_a_store_locked_by_another_writer_is_one_line(home: Path) -> None:
    seed_everything(home)
    other = sqlite3.connect(db_path(home), timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        for args in [["checkin", "--foot", "1", "--back", "2"], ["history"]]:
            clean(invoke(args), codes=(0, 1, 2))
    finally:
        other.rollback()
        other.close()
