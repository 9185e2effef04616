"""Exit codes exactly as documented, for every command, on a broken store and on a full stdout.

README: 0 done, 1 failure (a store that cannot be read or written among them), 2 bad usage or
input. `due` (docs/daily.md) differs: 0 something is due, 1 nothing is due, 2 any problem, so a
broken store never reads as a done day in a prompt that hides stderr.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from footback.core.paths import db_path
from tests.support.context import Cli
from tests.support.history_seed import seed_full

BROKEN = ["corrupt", "truncated", "newer", "foreign", "folder", "link"]


@pytest.fixture(scope="module")
def good_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    seed_full(folder)
    return db_path(folder)


def _break(kind: str, home: Path, good: Path) -> None:
    home.mkdir(mode=0o700)
    store = db_path(home)
    if kind == "corrupt":
        store.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    elif kind == "truncated":
        data = good.read_bytes()
        store.write_bytes(data[: len(data) // 2])
    elif kind == "newer":
        shutil.copy(good, store)
        conn = sqlite3.connect(store)
        conn.execute("PRAGMA user_version = 9999")
        conn.commit()
        conn.close()
    elif kind == "foreign":
        conn = sqlite3.connect(store)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    elif kind == "folder":
        store.mkdir()
    elif kind == "link":
        store.symlink_to(good)


# Every command that opens the store, and the code a broken store gives (README / docs/daily.md).
TABLE: list[tuple[list[str], int]] = [
    (["due"], 2),
    (["history"], 1),
    (["history", "--json"], 1),
    (["progress"], 1),
    (["progress", "--json"], 1),
    (["today"], 1),
    (["plan", "--no-save"], 1),
    (["report"], 1),
    (["export"], 1),
    (["checkin", "--foot", "1", "--back", "1"], 1),
    (["log", "feet"], 1),
    (["shoes-check", "--list"], 1),
    (["assess", "--last"], 1),
    (["forget", "--yes"], 1),
    (["prompt", "bash"], 1),
]


@pytest.mark.parametrize("kind", BROKEN)
@pytest.mark.parametrize(("args", "code"), TABLE, ids=[" ".join(a) for a, _ in TABLE])
def test_a_broken_store_gives_the_documented_code_and_one_line(
    cli: Cli, home: Path, good_store: Path, kind: str, args: list[str], code: int
) -> None:
    _break(kind, home, good_store)
    result = cli.invoke(args)
    assert result.exit_code == code, (kind, result.output)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    errors = [line for line in result.stderr.splitlines() if line.startswith("footback: error:")]
    assert len(errors) == 1, result.stderr
    assert "nothing" not in result.stdout.lower() or code != 2, result.stdout


@pytest.mark.parametrize(("args", "code"), [(["due", "--bogus"], 2), (["history", "--since", "x"], 2)])
def test_bad_usage_is_two(cli: Cli, args: list[str], code: int) -> None:
    assert cli.invoke(args).exit_code == code


class FullDisk(io.StringIO):
    """Standard output on a full disk (`>/dev/full`): every write fails once flushed."""

    def write(self, text: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def flush(self) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.mark.parametrize("as_json", [False, True])
def test_checkin_to_a_full_stdout_is_exit_1_and_says_it_was_saved(
    cli: Cli, home: Path, as_json: bool
) -> None:
    cli.context = replace(cli.context, stdout=FullDisk())
    args = ["checkin", "--foot", "2", "--back", "3", "--replace", *(["--json"] if as_json else [])]
    result = cli.invoke(args)
    assert result.exit_code == 1, result.output
    assert "was saved" in result.stderr and result.stderr.count("\n") == 1, result.stderr
    conn = sqlite3.connect(db_path(home))
    assert conn.execute("SELECT foot, back FROM checkins").fetchall() == [(2, 3)]
    conn.close()


@pytest.mark.slow  # a child process writing to the real /dev/full
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_checkin_replace_to_dev_full_in_a_real_process(home: Path) -> None:
    import subprocess
    import sys

    env = {**os.environ, "FOOTBACK_HOME": str(home)}
    args = [sys.executable, "-m", "footback", "checkin", "--foot", "4", "--back", "5", "--replace"]
    with open("/dev/full", "w") as full:
        done = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "was saved" in done.stderr and done.stderr.count("\n") == 1, done.stderr
    conn = sqlite3.connect(db_path(home))
    assert conn.execute("SELECT foot, back FROM checkins").fetchall() == [(4, 5)]
    conn.close()
