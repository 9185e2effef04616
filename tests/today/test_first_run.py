"""The first assessment's next steps and its two offers (save the plan, write the reminders)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.records.folder import REMINDER_FILE
from footback.today.content import load_today_content
from tests.support.context import Cli, set_wall
from tests.support.helpers import back_pain_answers, stopped_assessment

# The one question left for the terminal: the rest come from a stopped assessment.
LAST = "calf_tight"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
TEXT = load_today_content().first_run


def _said(output: str) -> str:
    return " ".join(output.split())


def test_enter_twice_saves_the_plan_and_writes_the_reminders(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    # Continue the stopped assessment, answer the last question, then Enter and Enter.
    done = cli.invoke(["assess"], input="\ny\n\n\n\n")  # the function step skipped, then Enter twice
    assert done.exit_code == 0, done.output
    said = _said(done.output)
    steps = said[said.index(TEXT.heading) :]
    assert (
        steps.index("1. Your plan")
        < steps.index("2. A daily reminder")
        < steps.index("3. The daily check-in")
    )
    assert "Saved your plan (" in said and "Play it with: footback stretch" in said
    assert (context.data_dir / "plan.toml").is_file()
    calendar = (context.data_dir / REMINDER_FILE).read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR") and "plan routine" in calendar
    # The file's whole path, so it can be found to import (spaces removed: a long path may wrap).
    written = f"Written to {context.data_dir / REMINDER_FILE}: 07:00 morning, 18:30 plan."
    assert "".join(written.split()) in "".join(said.split())
    assert TEXT.after in said
    assert list(first_run.iterdir()) == []  # nothing in the folder footback ran in (a git clone)
    today = json.loads(cli.invoke(["today", "--json"]).stdout)
    assert today["plan"]["saved"] is True and today["plan"]["level"] == 1


def test_n_skips_each_offer_and_nothing_is_made(cli: Cli, context: AppContext, first_run: Path) -> None:
    done = cli.invoke(["assess"], input="\ny\n\nn\nno\n")
    assert done.exit_code == 0, done.output
    said = _said(done.output)
    assert TEXT.plan_skipped in said and TEXT.remind_skipped.format(file=REMINDER_FILE) in said
    assert not (context.data_dir / "plan.toml").exists() and not (context.data_dir / REMINDER_FILE).exists()


def test_another_reply_asks_again_and_input_ending_skips(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    done = cli.invoke(["assess"], input="\ny\n\nmaybe\nn\n")
    assert done.exit_code == 0, done.output
    said = _said(done.output)
    assert said.count(TEXT.plan_question) == 2 and TEXT.again in said
    assert TEXT.remind_skipped.format(file=REMINDER_FILE) in said  # Ctrl-D at the second offer
    assert not (context.data_dir / REMINDER_FILE).exists()


def test_only_the_first_assessment_guides(cli: Cli, context: AppContext, first_run: Path) -> None:
    assert cli.invoke(["assess"], input="\ny\n\nn\nn\n").exit_code == 0
    stopped_assessment(context.data_dir, context.clock.now())
    again = cli.invoke(["assess"], input="\ny\n")
    assert again.exit_code == 0, again.output
    assert TEXT.heading not in again.output and TEXT.plan_question not in again.output


def test_without_a_terminal_or_when_scripted_nothing_is_asked(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    set_wall(context, NOW)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(back_pain_answers()), encoding="utf-8")
    context.stdin_tty = True  # even on a terminal, --answers is a script
    scripted = cli.invoke(["assess", "--answers", str(answers)])
    assert scripted.exit_code == 0, scripted.output
    assert "1. Your plan" in _said(scripted.output)  # the steps are still listed
    assert TEXT.plan_question not in scripted.output and not (context.data_dir / "plan.toml").exists()


@pytest.mark.parametrize("option", ["--json", "--no-save"])
def test_json_and_no_save_show_no_steps(cli: Cli, context: AppContext, tmp_path: Path, option: str) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(back_pain_answers()), encoding="utf-8")
    done = cli.invoke(["assess", "--answers", str(answers), option])
    assert done.exit_code == 0, done.output
    assert TEXT.heading not in done.output


def test_a_warning_sign_gets_no_plan_offer(cli: Cli, context: AppContext, first_run: Path) -> None:
    # rf_fever answered yes as the last question: the advice is to see a clinician, not a plan.
    partial = json.loads((context.data_dir / "assess-partial.json").read_text(encoding="utf-8"))
    partial["answers"] = {k: v for k, v in partial["answers"].items() if k != "rf_fever"} | {LAST: True}
    (context.data_dir / "assess-partial.json").write_text(json.dumps(partial), encoding="utf-8")
    done = cli.invoke(["assess"], input="\ny\n")
    assert TEXT.heading not in done.output and not (context.data_dir / "plan.toml").exists()


def test_the_reminder_file_is_kept_with_the_data_and_forget_deletes_it(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    """It was written in the folder footback ran in: following the README, into the git clone,
    where `forget` left it. The offer says where it goes; the file is 0600 like the data."""
    done = cli.invoke(["assess"], input="\ny\n\nn\n\n")
    assert done.exit_code == 0, done.output
    assert "footback forget" in TEXT.remind_written and "with your data" in TEXT.remind_written
    assert len(TEXT.remind_question + TEXT.keys.rstrip()) <= 80  # the keys not wrapped off the line
    written = context.data_dir / REMINDER_FILE
    assert written.is_file() and written.stat().st_mode & 0o777 == 0o600
    assert list(first_run.iterdir()) == []
    forgot = cli.invoke(["forget", "--yes"])
    assert forgot.exit_code == 0, forgot.output
    assert REMINDER_FILE in forgot.stdout and not written.exists()


def test_a_data_folder_that_refuses_the_file_is_said_and_the_run_goes_on(
    cli: Cli, context: AppContext, first_run: Path
) -> None:
    (context.data_dir / REMINDER_FILE).mkdir()  # a folder in its place: the file cannot be written
    done = cli.invoke(["assess"], input="\ny\n\nn\n\n")
    assert done.exit_code == 0, done.output
    said = _said(done.output)
    assert "is a folder" in said and TEXT.remind_skipped.format(file=REMINDER_FILE) in said
    assert TEXT.after in said and list(first_run.iterdir()) == []
