"""A real terminal: the first assessment's offers, accepted with Enter and skipped with n."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from tests.support.helpers import stopped_assessment
from tests.support.pty_screen import Screen, terminal_env

pytestmark = pytest.mark.slow


def _seen(screen: Screen, pattern: str) -> None:
    """`pattern` on screen, wrapped at any space."""
    screen.expect(pattern.replace(" ", r"\s+"))


def _finish_the_assessment(home: Path, tmp_path: Path) -> tuple[Screen, Path]:
    """`footback assess` continuing a stopped first assessment, up to the first offer."""
    stopped_assessment(home, datetime.now().astimezone())
    work = tmp_path / "work"
    work.mkdir()
    env = terminal_env(home, tmp_path / "config.toml") | {"PAGER": "cat"}  # the long result, unpaged
    screen = Screen.spawn(["assess"], env, cwd=work)
    screen.expect(r"Continue it\?\s+\[Y/n\]")
    screen.child.sendline("")
    screen.answer(r"tight", "y")
    screen.expect(r"Activity 1:")  # the function score's step: Enter on its own skips it
    screen.child.sendline("")
    screen.expect(r"YOUR NEXT STEPS")
    screen.expect(r"1\. Your plan[\s\S]*2\. A daily reminder[\s\S]*3\. The daily check-in")
    screen.expect(r"Save your plan now\?\s+\[Enter: yes, n: skip\]")
    return screen, work


def test_enter_accepts_both_offers(home: Path, tmp_path: Path) -> None:
    screen, work = _finish_the_assessment(home, tmp_path)
    screen.child.sendline("")
    _seen(screen, r"Saved your plan \(\d+ steps?\) to ")
    _seen(
        screen,
        r"Write the daily reminders to a calendar file\? \[Enter: yes, n: skip\]",
    )
    screen.child.sendline("")
    # The whole path, in the data folder, so the file can be found to import (a long path
    # wraps onto the next line, under its hanging indent).
    path = r"(?:\n\s*)?".join(re.escape(char) for char in str(home / "footback.ics"))
    screen.expect(r"Written\s+to\s+" + path + r":\s+07:00\s+morning,\s+18:30\s+plan\.")
    _seen(screen, r"Each evening: footback checkin")
    assert screen.finish() == 0
    assert (home / "plan.toml").is_file() and (home / "footback.ics").is_file()
    assert list(work.iterdir()) == []  # nothing in the folder footback ran in


def test_n_skips_both_offers(home: Path, tmp_path: Path) -> None:
    screen, work = _finish_the_assessment(home, tmp_path)
    screen.child.send("n")  # one key: no Enter after it
    _seen(screen, r"Skipped: make it later with footback plan\.")
    _seen(screen, r"Write the daily reminders to a calendar file")
    screen.child.send("n")  # one key: no Enter after it
    _seen(screen, r"Skipped: write it later with footback remind --ics footback\.ics\.")
    assert screen.finish() == 0
    assert not (home / "plan.toml").exists() and not (home / "footback.ics").exists()
    assert list(work.iterdir()) == []
