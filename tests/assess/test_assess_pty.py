"""A real terminal: type answers into `footback assess`, go back once with `b`, read the result."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pexpect
import pytest

from tests.support.helpers import part_one_keys
from tests.support.pty_screen import interrupt_at_prompt, spawn_footback

pytestmark = pytest.mark.slow


def spawn_assess(home: Path) -> pexpect.spawn:
    """`footback assess` in a real 40x80 terminal without colour."""
    return spawn_footback(home, "assess")


def test_typed_assessment_in_a_real_terminal(home: Path) -> None:
    child = spawn_assess(home)
    try:
        child.expect("WARNING SIGNS")
        for key in part_one_keys():
            child.expect("> ")
            child.sendline(key)
        child.expect("How often do your feet hurt")
        child.expect("> ")
        child.sendline("often")
        child.expect("Where does it hurt")
        child.expect("> ")
        child.sendline("b")  # back to the foot-pain question
        child.expect("How often do your feet hurt")
        child.expect("> ")
        child.sendline("1")  # never: the foot-pain details are skipped
        child.expect("what do your arches look like")
        # arches, wear, calf, old injury; footwear, those shoes (arch support, cushioning), fit,
        # hours on your feet, stretch days; height and weight skipped
        for answer in ["normal", "even", "n", "n", "1", "1 2", "good", "2", "7", "", ""]:
            child.expect("> ")
            child.sendline(answer)
        child.expect("Activity 1:")  # the function score's step: Enter on its own skips it
        child.sendline("")
        child.expect("YOUR RESULT")
        child.expect(r"Foot risk\s+░+\s+0/100 low")
        child.expect("footback stretch --routine feet")
        child.expect("not a diagnosis")
        # The first assessment offers the plan and the reminders (tests/today/test_first_run*.py).
        child.expect(r"Save your plan now\?")
        child.send("n")  # one key: no Enter after it
        child.expect(r"Write the daily reminders")
        child.send("n")  # one key: no Enter after it
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    assert "Where does it hurt" not in (child.before or "")
    assert (home / "footback.sqlite3").exists()


def test_ctrl_c_at_a_prompt_exits_130_restores_the_terminal_and_saves_nothing(home: Path) -> None:
    env = dict(os.environ, FOOTBACK_HOME=str(home), TERM="dumb", NO_COLOR="1", COLUMNS="80")
    child = pexpect.spawn(
        "/bin/bash",  # bash, unlike dash, keeps going when its child handles Ctrl-C itself
        ["-c", f"stty -g; {sys.executable} -m footback assess; echo EXIT=$?; stty -g"],
        env=env,
        encoding="utf-8",
        timeout=20,
    )
    try:
        child.expect(r"([0-9a-f:]{20,})\r\n")
        before = child.match.group(1)
        child.expect("> ")
        child.sendline("n")
        child.expect("> ")
        interrupt_at_prompt(child)
        child.expect(r"EXIT=(\d+)")
        code = int(child.match.group(1))
        child.expect(r"([0-9a-f:]{20,})\r\n")
        after = child.match.group(1)
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert code == 130
    assert after == before
    assert not (home / "footback.sqlite3").exists()


def test_the_emergency_advice_follows_the_first_emergency_yes(home: Path) -> None:
    child = spawn_assess(home)
    try:
        for key in ["", "2", "10", ""]:  # age skipped; back pain sometimes, for 10 weeks; no situation
            child.expect("> ")
            child.sendline(key)
        child.expect("around your genitals")
        child.expect("> ")
        child.sendline("n")
        child.expect("passing urine")
        child.expect("> ")
        child.sendline("y")  # the first emergency yes
        child.expect("EMERGENCY: get help now")
        child.expect(r"999 in the UK,\s+911 in the US,\s+112 in the EU")
        child.expect("b to change an answer")
        shown_before = child.before or ""
        child.sendline("b")  # change it: the same question comes back
        child.expect("passing urine")
        child.expect("> ")
        child.sendline("y")
        child.expect("b to change an answer")
        child.sendline("")
        child.expect("not a diagnosis")
        child.expect(pexpect.EOF)
        rest = child.before or ""
    finally:
        child.close()
    assert child.exitstatus == 0
    assert "in both legs" not in shown_before + rest  # no further question was asked


def test_redirected_result_still_asks_on_the_terminal(home: Path, tmp_path: Path) -> None:
    """`footback assess > result.txt`: the questions appear on the terminal, the result in the file."""
    result = tmp_path / "result.txt"
    env = dict(os.environ, FOOTBACK_HOME=str(home), TERM="dumb", NO_COLOR="1", COLUMNS="80")
    child = pexpect.spawn(
        "/bin/bash",
        ["-c", f"{sys.executable} -m footback assess > {result}; echo EXIT=$?"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(40, 80),
    )
    try:
        child.expect(r"About \d+ questions, about \d+ minutes\.")
        child.expect(r"question 1 of about \d+")
        for key in ["", "1", "", "y"]:  # age skipped; back pain never; no situation; saddle numbness
            child.expect("> ")
            child.sendline(key)
        child.expect("b to change an answer")
        child.sendline("")
        child.expect(r"EXIT=(\d+)")
        code = int(child.match.group(1))
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert code == 0
    text = result.read_text(encoding="utf-8")
    assert "EMERGENCY" in text or "URGENT" in text.upper()
    assert "Why:" not in text and "> " not in text
    assert not text.startswith("\n")
    assert all(line == line.rstrip() for line in text.splitlines())
