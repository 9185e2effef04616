"""The ready prompt, --side, and spoken cues through a fake speech command on PATH."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.models.checkin import CheckIn
from footback.records.checkins import save_checkin
from footback.records.db import open_store
from footback.records.stretch_sessions import recent_sessions
from footback.stretch.player import Key
from footback.stretch.session import READY_PROMPT
from tests.support.context import Cli, WallClock, press

SIDED = """
name = "sided"
description = "Two steps, one of them on both sides."

[[steps]]
name = "Toe lift"
seconds = 4
instructions = "Lift your toes."

[[steps]]
name = "Calf"
seconds = 3
each_side = true
limb = "leg"
side_text = { left = "Left leg back", right = "Right leg back" }
instructions = "Lean on a wall."
"""


@pytest.fixture
def sided(tmp_path: Path) -> Path:
    path = tmp_path / "sided.toml"
    path.write_text(SIDED, encoding="utf-8")
    return path


def terminal(context: AppContext, presses: list[tuple[float, Key]]) -> float:
    """A terminal on both ends (so the ready prompt applies) with keys pressed at these seconds;
    returns the clock's start, to measure from. Today is checked in already, so no check-in is
    offered after the routine (it would wait for a key: tests/daily/test_checkin_offer.py)."""
    press(context, list(presses))  # type: ignore[arg-type]
    context.stdout_tty = True
    assert isinstance(context.clock, WallClock)
    now = context.clock.now()
    with open_store(context.data_dir) as store:
        save_checkin(store, CheckIn(day=now.date(), foot=1, back=1, created_at=now))
    return context.clock.ticks.now


def elapsed(context: AppContext, start: float) -> float:
    assert isinstance(context.clock, WallClock)
    return context.clock.ticks.now - start


def test_on_a_terminal_it_waits_for_enter_before_the_first_step(
    cli: Cli, context: AppContext, home: Path, sided: Path
) -> None:
    start = terminal(context, [(30, Key.SKIP), (40, Key.ENTER)])
    result = cli.invoke(["stretch", "-f", str(sided), "--lead-in", "0", "--plain", "--quiet"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        lines.index("You will need: nothing")
        < lines.index(READY_PROMPT)
        < lines.index("Step 1 of 2: Toe lift: hold 4 s")
    )
    assert elapsed(context, start) == 40 + 4 + 3 + 5 + 3  # other keys are ignored; play starts at Enter
    with open_store(home) as store:
        (row,) = recent_sessions(store)
    assert row.actual_seconds == 15 and row.steps_skipped == 0


def test_q_at_the_ready_prompt_quits_and_saves_nothing(
    cli: Cli, context: AppContext, home: Path, sided: Path
) -> None:
    terminal(context, [(2, Key.STOP)])
    result = cli.invoke(["stretch", "-f", str(sided), "--plain"])
    assert result.exit_code == 0, result.output
    assert "Not started: nothing saved." in result.output and "Toe lift: hold" not in result.output
    with open_store(home) as store:
        assert recent_sessions(store) == []


@pytest.mark.parametrize(("config", "args"), [("", ["--no-wait"]), ("wait_for_enter = false\n", [])])
def test_an_option_and_a_config_key_skip_the_wait(
    cli: Cli, context: AppContext, sided: Path, config: str, args: list[str]
) -> None:
    context.config_path.write_text(config, encoding="utf-8")
    start = terminal(context, [])
    result = cli.invoke(["stretch", "-f", str(sided), "--lead-in", "0", "--plain", *args])
    assert result.exit_code == 0, result.output
    assert READY_PROMPT not in result.output and elapsed(context, start) == 4 + 3 + 5 + 3


def test_side_left_plays_one_side_and_names_the_leg(cli: Cli, context: AppContext, sided: Path) -> None:
    start = terminal(context, [(0, Key.ENTER)])
    result = cli.invoke(["stretch", "-f", str(sided), "--lead-in", "1", "--plain", "--side", "left"])
    assert result.exit_code == 0, result.output
    assert "Get ready: Step 2 of 2: Calf, left leg first (Left leg back), starting in 1 s" in result.output
    assert "Step 2 of 2: Calf, left leg: hold 3 s" in result.output
    assert "right" not in result.output.lower().split("step 2 of 2")[-1]
    assert elapsed(context, start) == 1 + 4 + 1 + 3


def test_side_takes_only_left_or_right(cli: Cli, sided: Path) -> None:
    result = cli.invoke(["stretch", "-f", str(sided), "--side", "both"])
    assert result.exit_code == 2 and "'both'" in result.output


FAKE_SPEECH = """#!/bin/sh
# Waits until the test lets it go: had footback waited for speech, it could never finish.
while [ ! -e "{release}" ]; do sleep 0.05; done
echo "$*" >> "{log}"
"""


def test_voice_speaks_cues_through_the_speech_command_without_waiting(
    monkeypatch: pytest.MonkeyPatch, cli: Cli, context: AppContext, tmp_path: Path, sided: Path
) -> None:
    bin_dir, log, release = tmp_path / "bin", tmp_path / "spoken.log", tmp_path / "release"
    bin_dir.mkdir()
    speaker = bin_dir / "espeak-ng"
    speaker.write_text(FAKE_SPEECH.format(release=release, log=log), encoding="utf-8")
    speaker.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    terminal(context, [(0, Key.ENTER)])
    result = cli.invoke(["stretch", "-f", str(sided), "--lead-in", "1", "--plain", "--voice"])
    assert result.exit_code == 0, result.output  # finished while every speaker still waits
    assert not log.exists()
    release.touch()
    expected = {
        "Get ready: Toe lift",
        "Hold",
        "Get ready: Calf, left leg first",
        "Switch sides: right leg",
        "Routine done",
    }
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        spoken = set(log.read_text(encoding="utf-8").splitlines()) if log.exists() else set()
        if expected <= spoken:
            break
        time.sleep(0.1)
    assert expected <= spoken


def test_voice_without_a_speech_command_says_so_and_still_plays(
    monkeypatch: pytest.MonkeyPatch, cli: Cli, context: AppContext, tmp_path: Path, sided: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    terminal(context, [])
    result = cli.invoke(["stretch", "-f", str(sided), "--plain", "--voice", "--no-wait"])
    assert result.exit_code == 0, result.output
    assert "No speech command found (espeak-ng, spd-say, say): cues are shown, not spoken." in result.output
    assert "Routine done: sided" in result.output
