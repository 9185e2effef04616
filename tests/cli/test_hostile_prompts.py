"""A real terminal at the prompts added since issue 11 (check-in, the ready prompt, forget): Ctrl-C,
Ctrl-D and typed escape sequences never crash, never store half an answer or an escape.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.core.paths import DB_NAME
from tests.support.hostile import invoke
from tests.support.pty_screen import Screen, terminal_env

pytestmark = pytest.mark.slow


def _checkins(home: Path) -> list[dict[str, object]]:
    result = invoke(["history", "--json"], env={"FOOTBACK_HOME": str(home)})
    rows: list[dict[str, object]] = json.loads(result.stdout).get("checkins", []) if result.stdout else []
    return rows


@pytest.mark.parametrize("key", ["\x03", "\x04"], ids=["ctrl-c", "ctrl-d"])
def test_checkin_stopped_at_its_first_question_stores_nothing(tmp_path: Path, home: Path, key: str) -> None:
    screen = Screen.spawn(["checkin"], terminal_env(home, tmp_path / "config.toml", term="xterm"))
    screen.expect("Foot pain today.*: ")
    screen.child.send(key)
    code = screen.finish()
    assert code in (1, 2, 130)
    assert "Traceback" not in screen.text
    assert not (home / DB_NAME).exists() or _checkins(home) == []


def test_checkin_answers_with_escape_sequences_are_asked_again(tmp_path: Path, home: Path) -> None:
    screen = Screen.spawn(["checkin"], terminal_env(home, tmp_path / "config.toml", term="xterm"))
    screen.expect("Foot pain today.*: ")
    screen.child.send("\x1b[A\x1b[31m4\r")  # an arrow key and a colour code before the number
    screen.expect("Foot pain today.*: ")
    screen.child.send("3\r")
    screen.expect("Back pain today.*: ")
    screen.child.send("4\r")
    screen.expect("Anything new since last time.*yes ")
    screen.child.send("y\r")  # the warning signs (none), then the note
    screen.expect("> ")
    screen.child.send("\r")
    screen.expect("A note.*: ")
    screen.child.send("\x1b]0;pwned\x07 hi\r")  # a pasted title-setting sequence in the note
    screen.expect("A note.*: ")
    screen.child.send("fine\r")
    assert screen.finish() == 0
    assert "Traceback" not in screen.text
    stored = _checkins(home)
    assert [(c["foot"], c["back"], c["note"]) for c in stored] == [(3, 4, "fine")]


def test_ctrl_d_at_the_ready_prompt_starts_nothing(tmp_path: Path, home: Path) -> None:
    screen = Screen.spawn(["stretch", "--routine", "feet"], terminal_env(home, tmp_path / "config.toml"))
    screen.expect("Press Enter to start")
    screen.child.send("\x04")
    screen.expect("Not started: nothing saved.")
    assert screen.finish() == 0


def test_ctrl_d_at_the_forget_question_deletes_nothing(tmp_path: Path, home: Path) -> None:
    assert invoke(["checkin", "--foot", "1", "--back", "1"]).exit_code == 0
    screen = Screen.spawn(["forget"], terminal_env(home, tmp_path / "config.toml"))
    screen.expect(r"\[y/N\]")
    screen.child.send("\x04")
    screen.expect("Nothing was deleted")
    assert screen.finish() in (0, 1)
    assert len(_checkins(home)) == 1
