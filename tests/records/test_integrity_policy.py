"""How much of the store an open checks (footback.records.integrity): the whole store while it is
small, on export, import, forget and upgrades, and when its size or log looks wrong; cheap checks
otherwise, with damage elsewhere reported by the read that meets it."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.errors import StoreError
from footback.core.paths import db_path
from footback.records.db import open_existing_store, open_store
from footback.records.integrity import FULL_CHECK_BYTES, HEADER_BYTES, size_agrees
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()


def _big_store(home: Path) -> Path:
    """A real footback store just over FULL_CHECK_BYTES, made of valid stretch sessions."""
    start = datetime(2024, 1, 1, tzinfo=UTC)
    with open_store(home) as store, store.transaction() as conn:
        conn.executemany(
            "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,"
            " steps_done, steps_skipped, finished) VALUES (?, 'feet', 300, 300, 4, 0, 1)",
            (((start + timedelta(minutes=i)).isoformat(),) for i in range(16_000)),
        )
    path = db_path(home)
    assert path.stat().st_size > FULL_CHECK_BYTES
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _page_size(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[16:18], "big")


def test_a_small_store_is_walked_whole_at_every_open(home: Path) -> None:
    seed_full(home)
    assert db_path(home).stat().st_size <= FULL_CHECK_BYTES
    store = open_existing_store(home)
    assert store is not None
    with store:
        assert store.fully_checked


def test_an_ordinary_open_of_a_large_store_makes_only_the_cheap_checks(home: Path) -> None:
    _big_store(home)
    with open_store(home) as store:
        assert not store.fully_checked
    store = open_existing_store(home)
    assert store is not None
    with store:
        assert not store.fully_checked


def test_a_caller_can_ask_for_the_whole_walk(home: Path) -> None:
    _big_store(home)
    with open_store(home, full_check=True) as store:
        assert store.fully_checked
    store = open_existing_store(home, full_check=True)
    assert store is not None
    with store:
        assert store.fully_checked


def test_an_unfinished_log_beside_a_large_store_means_the_whole_walk(home: Path) -> None:
    path = _big_store(home)
    writer = sqlite3.connect(path, isolation_level=None)
    try:
        writer.execute("PRAGMA wal_autocheckpoint = 0")  # keep the log as another writer would
        writer.execute("UPDATE stretch_sessions SET routine = 'back' WHERE id = 1")
        assert path.with_name(path.name + "-wal").stat().st_size > 0
        with open_store(home) as store:
            assert store.fully_checked
    finally:
        writer.close()


@pytest.mark.parametrize("command", [["history"], ["report"], ["export"], ["forget", "--yes"]])
def test_a_large_store_cut_short_is_refused_untouched(home: Path, command: list[str]) -> None:
    path = _big_store(home)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 4 * _page_size(path)])  # whole pages lost at the end
    before = _digest(path)

    result = runner.invoke(app, command)

    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("footback: error:"), result.stderr
    assert "corrupt" in lines[0] and str(path) in lines[0]
    assert _digest(path) == before


def _damage_the_middle(path: Path) -> None:
    """Garbage over a fifth of the pages in the middle: the header and schema stay readable."""
    page = _page_size(path)
    data = bytearray(path.read_bytes())
    pages = len(data) // page
    for number in range(2 * pages // 5, 3 * pages // 5):
        data[number * page : (number + 1) * page] = bytes([0x5A]) * page
    path.write_bytes(bytes(data))


def test_damage_inside_a_large_store_is_reported_by_the_read_that_meets_it(home: Path) -> None:
    path = _big_store(home)
    _damage_the_middle(path)
    before = _digest(path)

    result = runner.invoke(app, ["history", "--json"])  # reads every session

    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "corrupt" in lines[0] and "left untouched" in lines[0], result.stderr
    assert "Traceback" not in result.output
    assert _digest(path) == before


@pytest.mark.parametrize("command", [["export"], ["forget", "--yes"]])
def test_export_and_forget_walk_a_large_store_whole_before_using_it(home: Path, command: list[str]) -> None:
    path = _big_store(home)
    _damage_the_middle(path)
    before = _digest(path)

    result = runner.invoke(app, command)

    assert result.exit_code == 1, result.output
    assert "is corrupt (" in result.stderr  # quick_check's own verdict, not a failed read
    assert _digest(path) == before


def test_import_walks_a_large_store_whole_before_adding_to_it(home: Path, tmp_path: Path) -> None:
    seed_full(tmp_path / "other")
    backup = tmp_path / "backup.json"
    assert (
        runner.invoke(
            app, ["export", "--output", str(backup)], env={"FOOTBACK_HOME": str(tmp_path / "other")}
        ).exit_code
        == 0
    )
    path = _big_store(home)
    _damage_the_middle(path)
    before = _digest(path)

    result = runner.invoke(app, ["import", str(backup)])

    assert result.exit_code == 1, result.output
    assert "is corrupt (" in result.stderr
    assert _digest(path) == before


def test_an_upgrade_walks_a_large_store_whole_first(home: Path) -> None:
    path = _big_store(home)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 1")  # as if written by an older footback
    conn.close()
    _damage_the_middle(path)
    before = _digest(path)
    with pytest.raises(StoreError, match="is corrupt"):
        open_store(home)
    assert _digest(path) == before


def _header_and_size(home: Path) -> tuple[bytes, int]:
    path = _big_store(home)
    return path.read_bytes()[:HEADER_BYTES], path.stat().st_size


def test_the_size_check_reads_sqlites_own_header(home: Path) -> None:
    header, size = _header_and_size(home)
    page = int.from_bytes(header[16:18], "big")
    assert size_agrees(header, size)
    assert size_agrees(header, size + page)  # a longer file is SQLite's to handle (free pages)
    assert not size_agrees(header, size - page)  # pages missing at the end
    assert not size_agrees(header, size - 1)  # not whole pages
    assert not size_agrees(header[:50], size)  # no full header
    bad_page = header[:16] + (300).to_bytes(2, "big") + header[18:]
    assert not size_agrees(bad_page, size)
    # A page count SQLite itself would not trust (version-valid-for differs) is not used.
    stale = header[:92] + bytes(4) + header[96:]
    assert size_agrees(stale, size - page)


def test_a_store_that_cannot_be_looked_at_cheaply_gets_the_whole_walk(tmp_path: Path) -> None:
    from footback.records.integrity import needs_full_check

    assert needs_full_check(tmp_path / "gone.sqlite3", asked=False)
