"""`history --json | head`: the reader goes away midway through the stream. In-process, with a
standard output that breaks after a given number of characters (a closed pipe): the documented
exit (1, quietly: nobody is left to read a message), no traceback, and nothing left open: the
lazy record readers are closed while the store still is, and the store itself is closed."""

from __future__ import annotations

import errno
import gc
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from footback.core.paths import db_path
from footback.records.db import open_store
from tests.support.context import Cli
from tests.support.history_seed import seed_years


class BreaksAfter(io.TextIOBase):
    """A pipe whose reader leaves after `limit` characters: then every write is EPIPE."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.taken = 0
        self.refused = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if self.taken + len(text) > self.limit:
            self.refused += 1
            raise BrokenPipeError(errno.EPIPE, "Broken pipe")
        self.taken += len(text)
        return len(text)


def _open_files(path: Path) -> list[str]:
    """This process's open descriptors on `path` (and its -wal and -shm)."""
    found = []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue  # closed between listing and reading
        if target.startswith(str(path)):
            found.append(target)
    return found


@pytest.fixture
def stored(home: Path) -> Path:
    with open_store(home) as store:
        seed_years(store, years=1, per_day=2)  # about 1,300 records: far more than one write
    return db_path(home)


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to list open files")
@pytest.mark.parametrize("limit", [0, 1, 5_000, 200_000])
def test_a_reader_that_goes_away_midway_is_exit_1_quietly_with_nothing_left_open(
    cli: Cli, stored: Path, monkeypatch: pytest.MonkeyPatch, limit: int
) -> None:
    unraisable: list[Any] = []
    # A reader left to the collector would close its cursor late, on a closed connection:
    # Python reports that through this hook ("Exception ignored in: <generator ...>").
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    pipe = BreaksAfter(limit)
    cli.context.stdout = pipe
    done = cli.invoke(["history", "--json"])
    gc.collect()

    assert pipe.refused >= 1 and pipe.taken <= limit  # it did break midway
    assert done.exit_code == 1, done.output
    assert isinstance(done.exception, SystemExit)  # no exception escaped the boundary
    assert done.stderr == "" and "Traceback" not in done.output
    assert unraisable == []
    assert _open_files(stored) == []


def test_the_same_store_streams_whole_to_a_reader_that_stays(cli: Cli, stored: Path) -> None:
    """The control: the breaking pipe above is what stops it, not the store."""
    pipe = BreaksAfter(10**9)
    cli.context.stdout = pipe
    done = cli.invoke(["history", "--json"])
    assert done.exit_code == 0, done.output
    assert pipe.refused == 0 and pipe.taken > 200_000
    assert _open_files(stored) == []
