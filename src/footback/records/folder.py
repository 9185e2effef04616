"""Every file footback writes in its data folder, listed in one place, and how a damaged one is set aside.

`forget` deletes what `owned_files` finds, so a new kind of file (a state file, a cache, a
partial answer) is added to `OWNED` here, never deleted by its own feature's code. A file that
cannot be read is never a reason for a traceback or a blocked command: `set_aside` moves it out
of the way with one warning, and `forget` still finds it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from footback.core.paths import DB_NAME, PLAN_FILE, SIDECARS

STORE_SUFFIXES = ("", *SIDECARS)
# The stopped assessment's answers so far (assess/resume.py), and the lock a running one holds.
PARTIAL_FILE = "assess-partial.json"
PARTIAL_LOCK = "assess-partial.lock"
# What is due today, for the shell prompt (`footback prompt`, daily/prompt_state.py).
PROMPT_STATE = "prompt-due"
# The calendar file the first assessment offers to write (today/first_run.py): kept with the data,
# not in the folder footback ran in (a git clone got a stray file), so `forget` deletes it too.
REMINDER_FILE = "footback.ics"
# A file set aside as damaged keeps its name with this added, so it can still be looked at.
SET_ASIDE = ".damaged"

# Every name footback writes, besides the store's (the store's files are listed first, so `forget`
# deletes them first). A feature that adds a file adds its name here.
OWNED: tuple[str, ...] = (PLAN_FILE, PARTIAL_FILE, PARTIAL_LOCK, PROMPT_STATE, REMINDER_FILE)


def store_files(folder: Path) -> list[Path]:
    """The store and its journals, existing or not."""
    return [folder / (DB_NAME + suffix) for suffix in STORE_SUFFIXES]


def owned_files(folder: Path) -> list[Path]:
    """Every file footback wrote in `folder` that is there now: the store first, then the rest,
    their set-aside copies, and temporary files a crash left half-written (`.NAME.PID.tmp`)."""
    names = [*(p.name for p in store_files(folder)), *OWNED]
    names += [name + SET_ASIDE for name in OWNED]
    found = [folder / name for name in names if os.path.lexists(folder / name)]
    with contextlib.suppress(OSError):
        found += sorted(
            entry
            for entry in folder.iterdir()
            if entry.name.startswith(".") and entry.name.endswith(".tmp") and _temp_of_owned(entry.name)
        )
    return found


def _temp_of_owned(name: str) -> bool:
    """`.plan.toml.1234.tmp`: a temporary copy `core.files.write_private` made of an owned file."""
    stem, _, pid = name[1:-4].rpartition(".")
    return pid.isdigit() and stem in (*OWNED, DB_NAME)


def set_aside(path: Path, what: str) -> Path | None:
    """Move a damaged file out of the way (`NAME.damaged`, replacing an older one) with one warning;
    None when it cannot be moved (it is then left as it is, and reading goes on without it)."""
    from footback.records.db import warn_on_stderr

    target = path.with_name(path.name + SET_ASIDE)
    try:
        os.replace(path, target)
    except OSError as exc:
        warn_on_stderr(f"{what} in {path} could not be read, nor set aside ({exc.strerror}); it was ignored")
        return None
    warn_on_stderr(f"{what} in {path} could not be read; it was set aside as {target.name}")
    return target


@contextlib.contextmanager
def exclusive(folder: Path, name: str) -> Iterator[bool]:
    """Hold an exclusive lock on `folder/name` while the block runs; yields False when another
    run holds it. The lock goes with the process (a killed run leaves no stale lock behind); where
    there is no `flock` (Windows) or the folder cannot be used, the block runs as if unlocked."""
    from footback.core.errors import FootbackError
    from footback.core.paths import FILE_MODE, ensure_data_dir

    try:
        import fcntl

        ensure_data_dir(folder)
        fd = os.open(folder / name, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), FILE_MODE)
    except (ImportError, OSError, FootbackError):
        yield True
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing the descriptor releases the lock
