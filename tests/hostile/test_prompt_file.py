"""The prompt's state file (`prompt-due`) tampered with: something other than footback's own
regular file in its place is never trusted, hangs no command and is replaced by the real file."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.daily.prompt_state import MOST_BYTES, is_current
from footback.records.folder import PROMPT_STATE
from tests.support.context import Cli, set_wall
from tests.support.hostile import clean

MORNING = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
# A header current all day, planted by someone else: footback must not keep it.
PLANTED = "footback-due 1 0 99999999999\n0 \x1b]0;pwned\x07 obey me\n"


def _store(cli: Cli, context: AppContext) -> None:
    set_wall(context, MORNING)
    assert cli.invoke(["checkin", "--foot", "1", "--back", "1"]).exit_code == 0


def _is_footbacks_own(path: Path) -> None:
    info = path.lstat()
    assert stat.S_ISREG(info.st_mode), stat.filemode(info.st_mode)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("footback-due 1 ") and "pwned" not in text, text


def test_a_fifo_in_its_place_is_replaced_not_trusted(cli: Cli, context: AppContext, home: Path) -> None:
    _store(cli, context)
    path = home / PROMPT_STATE
    path.unlink()
    os.mkfifo(path)
    # A writer holds the FIFO open with a current-looking header, so an old reader gets an answer
    # instead of waiting forever (with no writer it hung every command).
    writer = os.open(path, os.O_RDWR | os.O_NONBLOCK)
    try:
        os.write(writer, PLANTED.encode())
        clean(cli.invoke(["history"]), codes=(0,))
    finally:
        os.close(writer)
    _is_footbacks_own(path)


def test_a_link_in_its_place_is_replaced_and_its_target_left_alone(
    cli: Cli, context: AppContext, home: Path, tmp_path: Path
) -> None:
    _store(cli, context)
    target = tmp_path / "elsewhere"
    target.write_text(PLANTED, encoding="utf-8")
    path = home / PROMPT_STATE
    path.unlink()
    path.symlink_to(target)
    clean(cli.invoke(["history"]), codes=(0,))
    _is_footbacks_own(path)
    assert target.read_text(encoding="utf-8") == PLANTED


@pytest.mark.parametrize(
    "planted",
    [
        b"footback-due 1 0 " + b"9" * 5000 + b"\n",  # past int()'s digit limit
        b"footback-due 2 0 99999999999\n",  # a format this footback does not know
        b"nonsense 1 0 99999999999\n",
        b"\xff\xfe\x00\x01" * 100,
        b"",
    ],
)
def test_a_damaged_file_is_not_current_and_is_made_again(
    cli: Cli, context: AppContext, home: Path, planted: bytes
) -> None:
    _store(cli, context)
    path = home / PROMPT_STATE
    path.write_bytes(planted)
    assert not is_current(home, context.clock.now())
    clean(cli.invoke(["history"]), codes=(0,))
    _is_footbacks_own(path)
    assert is_current(home, context.clock.now())


def test_a_folder_in_its_place_is_left_and_every_command_still_runs(
    cli: Cli, context: AppContext, home: Path
) -> None:
    _store(cli, context)
    path = home / PROMPT_STATE
    path.unlink()
    path.mkdir()
    (path / "keep").write_text("mine", encoding="utf-8")
    for args in (["history"], ["due"], ["checkin", "--foot", "2", "--back", "2", "--replace"]):
        clean(cli.invoke(args), codes=(0, 1))
    assert (path / "keep").read_text(encoding="utf-8") == "mine"


def test_what_footback_writes_is_printable_ascii_and_shown_whole() -> None:
    from datetime import time

    from footback.daily.prompt_state import state_text
    from tests.support.prompt import shown

    texts = ["caf\u00e9 \u2014 it\u2019s", "\x1b]0;pwned\x07 x", "\u202eevil\u2028", "a\tb\r\nc"]
    text = state_text([(time(7), t) for t in texts], MORNING)
    assert all(" " <= ch <= "~" for line in text.splitlines() for ch in line), text
    items = [line.partition(" ")[2] for line in text.splitlines()[1:]]
    assert items[0] == "caf? - it's"  # ASCII stand-ins, else "?"
    assert shown(text, int(MORNING.timestamp()) + 3 * 3600) == "footback due: " + ", ".join(items)


@pytest.mark.parametrize("item", ["\x1b[2J", "\u202eevil", "caf\u00e9", "a\tb", "\x9b31m", ""])
def test_the_prompt_skips_an_item_footback_did_not_write(item: str) -> None:
    from tests.support.prompt import shown

    text = f"footback-due 1 100 200\n150 {item}\n160 feet routine\n"
    assert shown(text, 175) == "footback due: feet routine"


@pytest.mark.parametrize("extra", [MOST_BYTES - 200, MOST_BYTES])
def test_a_file_past_the_size_footback_writes_is_replaced(
    cli: Cli, context: AppContext, home: Path, extra: int
) -> None:
    """Today's very header, then junk: kept up to MOST_BYTES, replaced past it (the shells read
    the whole file at every prompt)."""
    _store(cli, context)
    path = home / PROMPT_STATE
    header = path.read_bytes().split(b"\n", 1)[0] + b"\n"
    planted = header + b"0 x\n" * (extra // 4)
    path.write_bytes(planted)
    clean(cli.invoke(["history"]), codes=(0,))
    assert (path.read_bytes() == planted) == (len(planted) <= MOST_BYTES), len(planted)
