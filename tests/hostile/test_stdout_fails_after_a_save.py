"""Standard output failing after a command saved (a full disk, a closed pipe): exit 1 means
"failure", so the one error line says what was already saved, for every writing command, not
only `checkin`. Before: `log feet >/dev/full` stored the session and said only "cannot write to
standard output", so a second run logged it twice; `log feet | true` (rich turned the closed
pipe into a silent exit 1) said nothing at all."""

from __future__ import annotations

import errno
import io
import json
import os
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from footback.core.paths import db_path
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import seed_full

SAVED = "what the command saved before that is stored"


class Failing(io.StringIO):
    """Standard output whose every write fails with `code` (ENOSPC: /dev/full; EPIPE: a closed pipe)."""

    def __init__(self, code: int) -> None:
        super().__init__()
        self.code = code

    def write(self, text: str) -> int:
        raise OSError(self.code, os.strerror(self.code))

    def flush(self) -> None:
        raise OSError(self.code, os.strerror(self.code))


def rows(home: Path, table: str) -> int:
    conn = sqlite3.connect(db_path(home))
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


def writers(tmp_path: Path) -> list[tuple[list[str], str]]:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(no_problem_answers()), encoding="utf-8")
    return [
        (["log", "feet"], "stretch_sessions"),
        (["plan", "--level", "2"], "plan_changes"),
        (["assess", "--answers", str(answers)], "assessments"),
    ]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EPIPE], ids=["full disk", "closed pipe"])
@pytest.mark.parametrize("which", range(3))
def test_a_save_before_the_output_failed_is_said(
    cli: Cli, home: Path, tmp_path: Path, code: int, which: int
) -> None:
    seed_full(home)
    args, table = writers(tmp_path)[which]
    before = rows(home, table)
    cli.context = replace(cli.context, stdout=Failing(code))
    result = cli.invoke(args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.stderr.startswith("footback: error: cannot write to standard output"), result.stderr
    assert SAVED in result.stderr and result.stderr.count("\n") == 1, result.stderr
    assert rows(home, table) == before + 1


@pytest.mark.parametrize("args", [["history"], ["progress"], ["shoes-check", "--list"]])
def test_a_reading_command_claims_no_save(cli: Cli, home: Path, args: list[str]) -> None:
    seed_full(home)
    cli.context = replace(cli.context, stdout=Failing(errno.ENOSPC))
    result = cli.invoke(args)
    assert result.exit_code == 1, result.output
    assert "cannot write to standard output" in result.stderr and "saved" not in result.stderr


def test_a_closed_pipe_on_a_reading_command_stays_silent(cli: Cli, home: Path) -> None:
    # `footback history | head -1`: the reader went away on purpose; nothing to say.
    seed_full(home)
    cli.context = replace(cli.context, stdout=Failing(errno.EPIPE))
    result = cli.invoke(["history"])
    assert result.exit_code == 1 and result.stderr == "", result.output


@pytest.mark.slow  # child processes: --json is written to the real standard output
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_json_output_in_a_real_process(home: Path) -> None:
    import subprocess
    import sys

    seed_full(home)
    before = rows(home, "stretch_sessions")
    env = {**os.environ, "FOOTBACK_HOME": str(home)}
    args = [sys.executable, "-m", "footback", "log", "feet", "--json"]
    with open("/dev/full", "w") as full:
        done = subprocess.run(args, stdout=full, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    assert done.returncode == 1 and SAVED in done.stderr and done.stderr.count("\n") == 1, done.stderr
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(args, stdout=write, stderr=subprocess.PIPE, text=True, env=env, timeout=120)
    finally:
        os.close(write)
    assert done.returncode == 1 and SAVED in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert rows(home, "stretch_sessions") == before + 2
