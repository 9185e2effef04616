"""What is due today, kept in a small file for the shell prompt (`footback prompt`).

Starting footback costs about 200 ms, too much for every prompt; a shell function that reads this
file with builtins costs well under a millisecond. The file holds `due`'s whole day (every item with
the moment it falls due, `daily.due.due_today`), so the prompt stays right as the day goes on:

    footback-due 1 START END
    FROM item
    ...

START and END are the day's local midnights and FROM the moment an item falls due, in seconds
since the epoch; the shell shows the items whose FROM has come, each once, while START <= now <
END, and nothing otherwise (a missing or stale file shows nothing rather than something wrong).
footback writes it (0600, atomically) after every command that wrote to the store or the plan, and
on the first command of a new day; `footback due` stays the source of truth.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from pathlib import Path

HEADER = "footback-due 1"
# footback's file is a few hundred bytes; a bigger one (the shells read it whole at every prompt)
# is not footback's and is replaced.
MOST_BYTES = 64 * 1024


def state_path(folder: Path) -> Path:
    from footback.records.folder import PROMPT_STATE

    return folder / PROMPT_STATE


def _epoch(day: datetime, at: time) -> int:
    return int(datetime.combine(day.date(), at, tzinfo=day.tzinfo).timestamp())


def _header(now: datetime) -> str:
    """The first line: the format, then the bounds of `now`'s local day."""
    return f"{HEADER} {_epoch(now, time(0))} {_epoch(now + timedelta(days=1), time(0))}"


def state_text(schedule: Sequence[tuple[time, str]], now: datetime) -> str:
    """The file for `now`'s day: its bounds, then each item with the moment it falls due."""
    lines = [_header(now)]
    lines += [f"{_epoch(now, at)} {_item(text)}" for at, text in schedule]
    return "\n".join(lines) + "\n"


def _item(text: str) -> str:
    """An item as the shells show it: one line of printable ASCII (a dash or quote its ASCII
    stand-in), so nothing in it may steer a terminal. The shells skip any other line: only
    footback writes this form."""
    from footback.core.text import ascii_standin, safe_line

    line = " ".join(safe_line(text).split())
    return "".join(ch if " " <= ch <= "~" else ascii_standin(ch) for ch in line)


def write_state(folder: Path, now: datetime) -> None:
    """Make the file again from the store (only in a data folder that already exists)."""
    from footback.core.files import write_private
    from footback.daily.due import due_today

    if folder.is_dir():
        write_private(state_path(folder), state_text(due_today(folder, now, quiet=True), now))


def _first_line(path: Path) -> bytes | None:
    """The start of the file's first line; None when it is no regular file of footback's own.

    Opened without waiting and without following a link, and read at most 256 bytes: a FIFO, a
    link to /dev/zero or a huge file in its place must not hang or fill memory on every command
    (it is then not current, so it is replaced by the real file), nor slow every prompt."""
    import os
    import stat

    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_NOFOLLOW", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MOST_BYTES:
            return None
        return os.read(fd, 256).split(b"\n", 1)[0]
    finally:
        os.close(fd)


def is_current(folder: Path, now: datetime) -> bool:
    """Whether the file is missing (nothing to keep) or footback's own, made for `now`'s day."""
    try:
        line = _first_line(state_path(folder))
    except FileNotFoundError:
        return True
    except OSError:
        return False
    # Current only when footback wrote it for this very day: a header with other bounds (planted,
    # damaged, or made on another clock) is made again.
    return line == _header(now).encode("ascii")


def keep_current(folder: Path, now: datetime, *, changed: bool) -> None:
    """After a command: make the file again when the command wrote (`changed`) or a new day began.

    A file that cannot be written is removed instead, so the prompt shows nothing rather than an
    earlier state."""
    import contextlib

    from footback.core.errors import FootbackError

    if not changed and is_current(folder, now):
        return
    try:
        write_state(folder, now)
    except (FootbackError, OSError):
        with contextlib.suppress(OSError):
            state_path(folder).unlink(missing_ok=True)
