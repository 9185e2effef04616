"""The files footback keeps beside the store (the stopped interview's answers): a damaged one is
set aside with one warning, never a traceback or a blocked command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.records.folder import PARTIAL_FILE, SET_ASIDE
from tests.support.context import Cli

DEEP = "[" * 100_000 + "]" * 100_000

DAMAGED = {
    "nested 100,000 deep": DEEP,
    "nested deep inside": '{"saved_at": "2025-03-04T07:00:00+00:00", "answers": ' + DEEP + "}",
    "not JSON": "{not json",
    "a list": "[1, 2]",
    "a string": '"saved_at"',
    "a huge number": '{"saved_at": 1' + "0" * 5000 + "}",
    "not UTF-8": b"\xff\xfe\x00{".decode("latin-1"),
    "answers not an object": '{"saved_at": "2025-03-04T07:00:00+00:00", "answers": [1]}',
    "a bad date": '{"saved_at": "20250304", "answers": {"age": 5}}',
}


@pytest.mark.parametrize("text", DAMAGED.values(), ids=DAMAGED.keys())
def test_a_damaged_partial_interview_is_set_aside_with_one_warning(cli: Cli, home: Path, text: str) -> None:
    home.mkdir(mode=0o700)
    partial = home / PARTIAL_FILE
    written = text.encode("latin-1") if "\xff" in text else text.encode()
    partial.write_bytes(written)
    cli.context.stdin_tty = True
    # Age, pregnancy skipped, back pain never, then the input ends: the interview ran.
    result = cli.invoke(["assess"], input="\n\n1\n")
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1 and "input ended" in result.stderr, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("footback: warning:")]
    assert len(warnings) == 1 and "set aside" in warnings[0], result.stderr
    assert (home / (PARTIAL_FILE + SET_ASIDE)).read_bytes() == written
    # The new run's answers are saved in the usual place, and the next run offers them.
    assert json.loads(partial.read_text())["answers"] == {"back_pain": "none"}
    again = cli.invoke(["assess"], input="\n\n\n")
    assert "Continue it?" in again.stderr and "footback: warning" not in again.stderr, again.stderr


def test_forget_deletes_every_file_footback_wrote_and_nothing_else(cli: Cli, home: Path) -> None:
    from footback.records.folder import PARTIAL_LOCK
    from tests.support.history_seed import seed_full

    seed_full(home)
    ours = [
        "plan.toml",
        PARTIAL_FILE,
        PARTIAL_FILE + SET_ASIDE,
        PARTIAL_LOCK,
        ".plan.toml.4242.tmp",
        f".{PARTIAL_FILE}.17.tmp",
    ]
    for name in ours:
        (home / name).write_text("{}", encoding="utf-8")
    mine = ["notes.txt", ".hidden.tmp", ".plan.toml.x.tmp"]
    for name in mine:
        (home / name).write_text("mine", encoding="utf-8")
    result = cli.invoke(["forget", "--yes"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in home.iterdir()) == sorted(mine)
    for name in ours:
        assert name in result.stdout


def test_forget_with_only_a_partial_interview_deletes_it_and_the_folder(cli: Cli, home: Path) -> None:
    home.mkdir(mode=0o700)
    (home / PARTIAL_FILE).write_text('{"answers": {"age": 52}}', encoding="utf-8")
    result = cli.invoke(["forget", "--yes"])
    assert result.exit_code == 0 and PARTIAL_FILE in result.stdout, result.output
    assert not home.exists()


def test_a_second_assess_at_once_leaves_the_first_ones_answers_alone(cli: Cli, home: Path) -> None:
    import fcntl
    import os

    from footback.assess.resume import PartialRecorder
    from footback.records.folder import PARTIAL_LOCK

    # The first interview: its answers so far are saved, and it holds the lock while it runs.
    PartialRecorder(home, cli.context.clock)({"age": 52, "back_pain": "often"}, frozenset())
    first = (home / PARTIAL_FILE).read_bytes()
    fd = os.open(home / PARTIAL_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        cli.context.stdin_tty = True
        # "n" would have been "start again, delete the saved answers"; then the input ends.
        second = cli.invoke(["assess"], input="n\n\n\n1\n")
        assert "Another footback assess is running" in second.stderr, second.stderr
        assert "Continue it?" not in second.stderr
        assert (home / PARTIAL_FILE).read_bytes() == first
    finally:
        os.close(fd)
    # Once the first has gone, the next run offers its answers as usual.
    again = cli.invoke(["assess"], input="\n")
    assert "after 2 answers. Continue it?" in again.stderr, again.stderr
