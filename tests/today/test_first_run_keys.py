"""The first-run offers on a terminal: one raw key each through the context's key reader (Enter
accepts, n or q skips, other keys are ignored), nothing read as a line."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.daily.one_key import GIVE_UP, HABIT_ENTER
from footback.records.folder import REMINDER_FILE
from footback.stretch.player import Key
from footback.today.content import load_today_content
from tests.support.context import Cli, press

TEXT = load_today_content().first_run
# Continue the stopped assessment, answer its last question, Enter past the function step: the
# offers after that read keys only (a typed line there would run out of input and fail the test).
LINES = "\ny\n\n"


def _assess(cli: Cli, context: AppContext, keys: list[tuple[float, Key]]) -> str:
    press(context, keys)
    context.stdout_tty = True
    done = cli.invoke(["assess"], input=LINES)
    assert done.exit_code == 0, done.output
    return " ".join(done.output.split())


def test_enter_and_enter_save_the_plan_and_write_the_reminders(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    said = _assess(cli, context, [(0.0, Key.ENTER), (0.0, Key.ENTER)])
    assert f"{TEXT.plan_question}{TEXT.keys.rstrip()}" in said
    assert "Saved your plan (" in said and (context.data_dir / "plan.toml").is_file()
    # The file's whole path, so it can be found to import (spaces removed: a long path may wrap).
    written = f"Written to {context.data_dir / REMINDER_FILE}: 07:00 morning, 18:30 plan."
    assert "".join(written.split()) in "".join(said.split())
    assert (context.data_dir / REMINDER_FILE).is_file()


@pytest.mark.parametrize("skip", [Key.SKIP, Key.STOP])  # n; q, Esc or Ctrl-D
def test_n_or_q_skips(cli: Cli, context: AppContext, first_run: Path, skip: Key) -> None:
    said = _assess(cli, context, [(0.0, skip), (0.0, skip)])
    assert TEXT.plan_skipped in said and TEXT.remind_skipped.format(file=REMINDER_FILE) in said
    assert not (context.data_dir / "plan.toml").exists() and not (context.data_dir / REMINDER_FILE).exists()


def test_other_keys_are_ignored_until_enter_or_n(cli: Cli, context: AppContext, first_run: Path) -> None:
    # Space and p (the player's pause and back) are no answer here: the plan waits for Enter.
    said = _assess(cli, context, [(0.0, Key.PAUSE), (1.0, Key.BACK), (2.0, Key.ENTER), (3.0, Key.SKIP)])
    assert "Saved your plan (" in said and TEXT.remind_skipped.format(file=REMINDER_FILE) in said
    assert not (context.data_dir / REMINDER_FILE).exists()


def test_a_key_is_waited_for_up_to_the_limit_then_the_offer_is_skipped(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    # Enter just inside the limit is taken; no key at all within it skips the reminder offer.
    said = _assess(cli, context, [(GIVE_UP - 1, Key.ENTER), (2 * GIVE_UP + 1, Key.ENTER)])
    assert "Saved your plan (" in said
    assert (
        TEXT.remind_skipped.format(file=REMINDER_FILE) in said
        and not (context.data_dir / REMINDER_FILE).exists()
    )


def test_the_enter_of_n_typed_as_a_line_never_accepts_the_next_offer(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    # "n" then Enter out of habit: that Enter is dropped; the reminder offer waits for its own key.
    said = _assess(cli, context, [(0.0, Key.SKIP), (HABIT_ENTER - 0.1, Key.ENTER), (5.0, Key.SKIP)])
    assert TEXT.plan_skipped in said and TEXT.remind_skipped.format(file=REMINDER_FILE) in said
    assert not (context.data_dir / REMINDER_FILE).exists()


def test_an_enter_after_that_moment_answers_the_next_offer(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    said = _assess(cli, context, [(0.0, Key.SKIP), (HABIT_ENTER + 0.1, Key.ENTER)])
    assert TEXT.plan_skipped in said and (context.data_dir / REMINDER_FILE).is_file()


def test_the_docs_give_the_same_limit() -> None:
    daily = (Path(__file__).parents[2] / "docs" / "daily.md").read_text(encoding="utf-8")
    said = " ".join(daily.split())
    assert f"left without a key for {GIVE_UP / 60:g} minutes" in said
    assert f"within {HABIT_ENTER:g} s after" in said
