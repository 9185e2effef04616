"""The real shell functions of `footback prompt` (bash, zsh, fish, each when installed) show what
the in-process reader (`tests/support/prompt.py`) shows for the same state file, and what `footback
due` says after a real write. Child processes, so marked slow."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.daily.shell_prompt import SHELLS, snippet
from footback.records.folder import PROMPT_STATE
from tests.support.prompt import shown
from tests.support.runner import CliRunner

pytestmark = pytest.mark.slow

CALL = {
    "bash": ["bash", "--norc", "-c", 'source "$1"; __footback_due; printf %s "$FOOTBACK_DUE"', "-"],
    "zsh": ["zsh", "-f", "-c", 'source "$1"; __footback_due; printf %s "$FOOTBACK_DUE"', "-"],
    "fish": ["fish", "-N", "-c", "source $argv[1]; footback_due", "--"],
}


def in_shell(shell: str, state: Path, tmp_path: Path) -> str:
    code = tmp_path / f"prompt.{shell}"
    code.write_text(snippet(shell, state), encoding="utf-8")
    done = subprocess.run([*CALL[shell], str(code)], capture_output=True, text=True, timeout=30, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    # zsh's line goes into PROMPT, where %% shows as %.
    return done.stdout.replace("%%", "%") if shell == "zsh" else done.stdout


def installed(shell: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(shutil.which(shell) is None, reason=f"{shell} is not installed")


def states(now: int) -> list[str]:
    return [
        f"footback-due 1 {now - 100} {now + 100}\n{now - 50} feet routine\n{now + 50} check-in\n",
        f"footback-due 1 {now - 100} {now + 100}\n{now - 50} a b  c\n{now - 40} a b  c\n{now - 1} check-in\n",
        f"footback-due 1 {now - 200} {now - 100}\n{now - 150} feet routine\n",  # yesterday's
        f"footback-due 1 {now + 100} {now + 200}\n{now - 150} feet routine\n",  # tomorrow's
        f"footback-due 1 {now - 100} {now + 100}\n$(touch pwned) feet routine\n{now} x[0] routine\n",
        f"footback-due 1 a[$(touch pwned)] {now + 100}\n{now} feet routine\n",
        f"footback-due 1 {now - 100} {now + 100}\n{now} 100% sure $HOME `id`\n",
        # Planted: terminal controls, bidi, a tab, C1 CSI, non-ASCII, an empty item, a carriage return.
        f"footback-due 1 {now - 100} {now + 100}\n{now} \x1b]0;pwned\x07 x\n{now} \u202eevil\n"
        f"{now} a\tb\n{now} \x9b31m\n{now} caf\u00e9\n{now} \n{now} \r\n{now} feet routine\n",
        "",
    ]


@pytest.mark.parametrize("shell", [pytest.param(s, marks=installed(s)) for s in SHELLS])
def test_each_shell_shows_what_the_reader_shows(shell: str, tmp_path: Path) -> None:
    state = tmp_path / PROMPT_STATE
    assert in_shell(shell, state, tmp_path) == ""  # no file: nothing
    for text in states(int(time.time())):
        state.write_text(text, encoding="utf-8")
        got = in_shell(shell, state, tmp_path)
        # The clock moved on by at most a second between reading it here and in the shell.
        assert got in {shown(text, int(time.time()) + lag) for lag in (-1, 0, 1)}, (text, got)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("shell", [pytest.param(s, marks=installed(s)) for s in SHELLS])
def test_a_fifo_or_a_folder_in_place_of_the_file_shows_nothing_at_once(shell: str, tmp_path: Path) -> None:
    import os

    state = tmp_path / PROMPT_STATE
    os.mkfifo(state)  # no writer: reading it would wait forever
    assert in_shell(shell, state, tmp_path) == ""
    state.unlink()
    state.mkdir()
    assert in_shell(shell, state, tmp_path) == ""


@pytest.mark.parametrize("shell", [pytest.param(s, marks=installed(s)) for s in SHELLS])
def test_after_a_real_write_the_shell_shows_what_due_says(shell: str, home: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["log", "morning"]).exit_code == 0
    due = runner.invoke(app, ["due"]).stdout.strip()
    assert in_shell(shell, home / PROMPT_STATE, tmp_path) == due
    assert runner.invoke(app, ["checkin", "--foot", "1", "--back", "2"]).exit_code == 0
    due = runner.invoke(app, ["due"]).stdout.strip()
    assert in_shell(shell, home / PROMPT_STATE, tmp_path) == due
