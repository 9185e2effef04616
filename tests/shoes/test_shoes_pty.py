"""A real terminal: a guided shoe check typed answer by answer, with `?` help and going back once."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pexpect
import pytest

from tests.support.pty_screen import paged_env, run_to_end, spawn_footback

pytestmark = pytest.mark.slow


def test_guided_shoe_check_in_a_real_terminal(home: Path) -> None:
    child = spawn_footback(home, "shoes-check", "--name", "road")
    try:
        child.expect("What kind of shoes are they")
        child.expect("> ")
        child.sendline("running")
        child.expect("How old is this pair")
        child.expect("> ")
        child.sendline("8")
        child.expect("how far have you walked or run")
        child.expect("> ")
        child.sendline("350 mi")
        child.expect("Heel counter squeeze")
        child.expect("> ")
        child.sendline("?")
        child.expect("pinch the stiff cup")
        child.expect("> ")
        child.sendline("b")  # back to the distance: 350 mi was a guess
        child.expect("how far have you walked or run")
        child.expect("> ")
        child.sendline("380 miles")
        child.expect("Heel counter squeeze")
        for answer in [
            "firm",
            "ball_of_foot",
            "twists_easily",
            "1",
            "1",
            "n",
            "y",
            "good",
            "inner_edge",
            "n",
            "n",
            "1",
        ]:
            child.expect("> ")
            child.sendline(answer)
        child.expect("Verdict: REPLACE")
        # 380 mi = 611.5 km: due soon 25, twists 15, support undone 20, inner-edge wear 10
        child.expect("30/100")
        child.expect(r"Distance: 380 mi: past about 350 mi \(due soon\); replace after about 500 mi")
        child.expect("over-pronation")
        child.expect('For footback assess: shoe_wear = "inner_edge"')
        child.expect("Saved to ")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    assert child.exitstatus == 0
    with sqlite3.connect(home / "footback.sqlite3") as conn:
        rows = conn.execute(
            "SELECT name, shoe_type, round(distance_km), age_months FROM shoe_pairs"
        ).fetchall()
    assert rows == [("road", "running", 612.0, 8)]


def test_a_result_taller_than_the_terminal_goes_through_the_pager(home: Path, tmp_path: Path) -> None:
    # At 80x24 the verdict scrolled off the top under its details; assess pages its result.
    answers = tmp_path / "shoes.toml"
    template = pexpect.run(f"{sys.executable} -m footback shoes-check --template", encoding="utf-8")
    answers.write_text(template.replace("\r\n", "\n"), encoding="utf-8")
    paged = tmp_path / "paged.txt"
    screen = run_to_end(["shoes-check", "--answers", str(answers), "--name", "road"], paged_env(home, paged))
    text = paged.read_text(encoding="utf-8")
    assert text.lstrip().startswith("SHOE CHECK") and "Verdict:" in text.splitlines()[1]
    assert "Saved to " in screen and "Verdict:" not in screen
