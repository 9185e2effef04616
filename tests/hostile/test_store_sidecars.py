"""The files SQLite keeps beside the store (`-wal`, `-shm`, `-journal`) replaced by something else:
a FIFO as the journal made every command hang forever; a folder or a link gave "unable to open
database file". Now one line naming the file and what to do, exit 1 (2 for `due`), nothing changed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.hostile import clean, invoke, seed_everything

KINDS: dict[str, tuple[Callable[[Path], None], str]] = {
    "folder": (lambda p: p.mkdir(), "is a folder"),
    "link": (lambda p: p.symlink_to(p.parent / "elsewhere"), "is a symbolic link"),
    "fifo": (lambda p: os.mkfifo(p), "is a FIFO"),
}
# A FIFO journal hangs the old code: it is tried in a child process below, with a time limit.
CASES = [(s, k) for s in ("-wal", "-shm", "-journal") for k in KINDS if (s, k) != ("-journal", "fifo")]


def _plant(home: Path, suffix: str, kind: str) -> Path:
    seed_everything(home)
    for leftover in ("-wal", "-shm"):
        (home / f"footback.sqlite3{leftover}").unlink(missing_ok=True)
    sidecar = home / f"footback.sqlite3{suffix}"
    KINDS[kind][0](sidecar)
    return sidecar


@pytest.mark.parametrize(("suffix", "kind"), CASES, ids=[f"{s} {k}" for s, k in CASES])
def test_a_sidecar_that_is_not_a_file_is_named_in_one_line(home: Path, suffix: str, kind: str) -> None:
    sidecar = _plant(home, suffix, kind)
    before = (home / "footback.sqlite3").read_bytes()  # (SQLite itself cannot open it now)
    for args, code in ((["history"], 1), (["log", "feet"], 1), (["export"], 1), (["due"], 2)):
        result = invoke(args)
        clean(result, codes=(code,))
        assert f"{sidecar} {KINDS[kind][1]}" in result.stderr and "move it away" in result.stderr, (
            result.stderr
        )
    assert (home / "footback.sqlite3").read_bytes() == before
    assert os.path.lexists(sidecar)


def test_a_sidecar_beside_no_store_yet_is_refused_before_one_is_made(home: Path) -> None:
    home.mkdir(mode=0o700)
    (home / "footback.sqlite3-wal").mkdir()
    result = invoke(["log", "feet"])
    clean(result, codes=(1,))
    assert "footback.sqlite3-wal is a folder" in result.stderr
    assert not (home / "footback.sqlite3").exists()


@pytest.mark.slow  # a child process: the old code never returned
def test_a_fifo_as_the_journal_hangs_nothing(home: Path) -> None:
    _plant(home, "-journal", "fifo")
    env = {**os.environ, "FOOTBACK_HOME": str(home)}
    done = subprocess.run(
        [sys.executable, "-m", "footback", "history"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "footback.sqlite3-journal is a FIFO" in done.stderr, done.stderr
