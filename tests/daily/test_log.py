"""`footback log`: a routine done away from the terminal counts everywhere, marked as logged."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.daily.checkin import MAX_DAYS_BACK
from footback.daily.logged import MAX_MINUTES, MIN_MINUTES, stamp_for
from footback.stretch import catalogue
from tests.support.context import Cli, set_wall
from tests.support.helpers import back_pain_answers

# A Tuesday evening, after the day's last reminder (the check-in and both routines are due).
EVENING = datetime(2026, 3, 10, 19, 0, tzinfo=UTC)


def _sessions(cli: Cli) -> list[dict[str, object]]:
    done = cli.invoke(["history", "--json"])
    assert done.exit_code == 0, done.output
    sessions: list[dict[str, object]] = json.loads(done.stdout)["sessions"]
    return sessions


def test_log_today_and_a_missed_day_are_stored_as_logged(cli: Cli, context: AppContext) -> None:
    set_wall(context, EVENING)
    today = cli.invoke(["log", "feet"])
    assert today.exit_code == 0, today.output
    assert "Logged 'feet' today" in today.stdout and "logged, not timed" in today.stdout
    missed = cli.invoke(["log", "back", "--date", "2026-03-08", "--minutes", "12", "--json"])
    assert missed.exit_code == 0, missed.output
    assert json.loads(missed.stdout) == {
        "routine": "back",
        "day": "2026-03-08",
        "minutes": 12,
        "steps": len(catalogue.load_builtin("back").steps),
        "logged": True,
    }
    sessions = sorted(_sessions(cli), key=lambda s: str(s["started_at"]))
    assert [(s["routine"], str(s["started_at"])[:10], s["logged"], s["finished"]) for s in sessions] == [
        ("back", "2026-03-08", True, True),
        ("feet", "2026-03-10", True, True),
    ]
    # Without --minutes, the routine's own length in whole minutes.
    assert sessions[1]["minutes"] == round(catalogue.load_builtin("feet").total_seconds() / 60)
    assert sessions[0]["minutes"] == 12.0
    shown = cli.invoke(["history"]).stdout
    assert "2026-03-08  back" in shown and "logged, not timed" in shown


def test_the_logged_line_wraps_at_words_within_the_terminal(cli: Cli, context: AppContext) -> None:
    # 80 columns (conftest's COLUMNS): the sentence is longer, so it wraps, never cutting a word.
    set_wall(context, EVENING)
    done = cli.invoke(["log", "feet"])
    assert done.exit_code == 0, done.output
    rows = done.stdout.splitlines()
    assert len(rows) > 1 and all(len(row) <= 80 for row in rows), rows
    assert " ".join(done.stdout.split()).endswith("It counts towards your streak, progress and plan review.")


def test_a_past_day_is_stored_at_its_local_noon_so_a_clock_change_keeps_its_day() -> None:
    now = datetime(2026, 3, 30, 8, 0).astimezone()
    day = now.date() - timedelta(days=3)
    assert stamp_for(day, now).date() == day and stamp_for(day, now).hour == 12
    assert stamp_for(now.date(), now) == now


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["feet", "--date", "2026-03-11"],
            "--date: 2026-03-11 is in the future; a logged session is for today",
        ),
        (["feet", "--date", "10/03/2026"], "--date: '10/03/2026' is not a date; use YYYY-MM-DD"),
        (
            ["feet", "--minutes", str(MIN_MINUTES - 1)],
            f"--minutes: 0 is out of range; use a whole number from 1 to {MAX_MINUTES}",
        ),
        (["feet", "--minutes", str(MAX_MINUTES + 1)], f"--minutes: {MAX_MINUTES + 1} is out of range"),
        (["fet"], "unknown routine 'fet'; did you mean 'feet'? (routines: back, feet, full, morning, plan)"),
        (["plan"], "there is no saved plan yet: run `footback plan`"),
        (["feet", "--minutes", "ten"], "Invalid value for '--minutes'"),
    ],
)
def test_bad_values_are_one_line_exit_2_and_nothing_is_stored(
    cli: Cli, context: AppContext, args: list[str], message: str
) -> None:
    set_wall(context, EVENING)
    done = cli.invoke(["log", *args])
    assert done.exit_code == 2, done.output
    assert message in " ".join(done.stderr.split()) and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.output
    assert not (context.data_dir / "footback.sqlite3").exists()


def test_date_reaches_back_exactly_as_far_as_a_checkin(cli: Cli, context: AppContext) -> None:
    set_wall(context, EVENING)
    oldest = EVENING.date() - timedelta(days=MAX_DAYS_BACK)
    assert cli.invoke(["log", "feet", "--date", oldest.isoformat()]).exit_code == 0
    too_old = cli.invoke(["log", "feet", "--date", (oldest - timedelta(days=1)).isoformat()])
    assert too_old.exit_code == 2 and f"more than {MAX_DAYS_BACK} days ago" in too_old.stderr
    for checkin in (["--date", oldest.isoformat()], ["--date", (oldest - timedelta(days=1)).isoformat()]):
        same = cli.invoke(["checkin", "--foot", "1", "--back", "1", *checkin])
        assert same.exit_code == (0 if checkin[1] == oldest.isoformat() else 2)


def test_logged_sessions_count_in_progress(cli: Cli, context: AppContext) -> None:
    set_wall(context, EVENING)
    for day in ("2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", "2026-03-08", "2026-03-09"):
        assert cli.invoke(["log", "feet", "--date", day, "--minutes", "10"]).exit_code == 0
    assert cli.invoke(["log", "morning"]).exit_code == 0
    practice = json.loads(cli.invoke(["progress", "--json"]).stdout)["practice"]
    # The week of Monday 2 March holds 5 sessions (4-8 March); this week 2 (9 and 10 March).
    assert practice["streak_days"] == 7
    assert practice["sessions_per_week"] == 7
    # The last 7 days: six 10-minute sessions and today's morning routine at its own length.
    assert practice["minutes_per_week"] == 6 * 10 + round(
        catalogue.load_builtin("morning").total_seconds() / 60
    )
    # The target is 3 a week: the week of 2 March (5 logged) is on target, this week (2) not yet.
    assert (practice["target_per_week"], practice["weeks_on_target"]) == (3.0, 1)


def test_logging_the_routine_takes_it_off_what_is_due(cli: Cli, context: AppContext) -> None:
    set_wall(context, EVENING)
    assert cli.invoke(["due"]).stdout == "footback due: morning routine, feet routine, check-in\n"
    assert cli.invoke(["log", "feet"]).exit_code == 0
    assert cli.invoke(["due"]).stdout == "footback due: morning routine, check-in\n"
    # A session logged for yesterday does not make today's routine done.
    assert cli.invoke(["log", "morning", "--date", "2026-03-09"]).exit_code == 0
    assert cli.invoke(["due"]).stdout == "footback due: morning routine, check-in\n"


def test_a_week_of_logged_plan_sessions_steps_the_plan_up(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    start = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
    set_wall(context, start)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(back_pain_answers(calf_tight=True)), encoding="utf-8")
    assert cli.invoke(["assess", "--answers", str(answers)]).exit_code == 0
    assert cli.invoke(["plan"]).exit_code == 0
    week = start + timedelta(days=7)
    set_wall(context, week)
    for n in range(7):
        day = (week - timedelta(days=n)).date().isoformat()
        assert cli.invoke(["log", "plan", "--date", day]).exit_code == 0
        assert cli.invoke(["checkin", "--foot", "3", "--back", "3", "--date", day]).exit_code == 0
    reviewed = cli.invoke(["plan", "--review", "--json"])
    assert reviewed.exit_code == 0, reviewed.output
    assert json.loads(reviewed.stdout)["level"]["level"] == 2


def test_export_and_import_keep_the_logged_mark(cli: Cli, context: AppContext, tmp_path: Path) -> None:
    set_wall(context, EVENING)
    assert cli.invoke(["log", "feet", "--date", "2026-03-09", "--minutes", "7"]).exit_code == 0
    backup = tmp_path / "backup.json"
    assert cli.invoke(["export", "--output", str(backup)]).exit_code == 0
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    restored = cli.invoke(["import", str(backup)])
    assert restored.exit_code == 0, restored.output
    [session] = _sessions(cli)
    assert (session["logged"], session["minutes"], str(session["started_at"])[:10]) == (
        True,
        7.0,
        "2026-03-09",
    )


def test_the_report_counts_logged_sessions_and_says_how_many(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    from footback.records.db import open_store
    from tests.support.history_seed import add_session

    set_wall(context, EVENING)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(back_pain_answers()), encoding="utf-8")
    assert cli.invoke(["assess", "--answers", str(answers)]).exit_code == 0
    for day in ("2026-03-06", "2026-03-08"):
        assert cli.invoke(["log", "feet", "--date", day, "--minutes", "10"]).exit_code == 0
    with open_store(context.data_dir) as store:
        add_session(store, datetime(2026, 3, 9, 8, tzinfo=UTC), seconds=300)
        # A damaged detail is read as not logged, and does not stop the report.
        add_session(store, datetime(2026, 3, 9, 9, tzinfo=UTC), seconds=60, finished=False, steps_done=0)
        with store.transaction() as conn:
            conn.execute("UPDATE stretch_sessions SET detail = '{not json' WHERE actual_seconds = 60")
    report = cli.invoke(["report"])
    assert report.exit_code == 0, report.output
    said = " ".join(report.stdout.split())
    assert "Routines on 3 of the last 30 days (10%): 4 sessions, 26 minutes in all, 3 finished" in said
    assert "Of these, 2 were logged afterwards (done away from the terminal), not timed." in said


def test_while_a_warning_sign_waits_the_log_is_kept_and_says_to_see_a_clinician(
    cli: Cli, context: AppContext, tmp_path: Path
) -> None:
    set_wall(context, EVENING)
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(back_pain_answers()), encoding="utf-8")
    assert cli.invoke(["assess", "--answers", str(answers)]).exit_code == 0
    quiet = cli.invoke(["log", "feet", "--date", "2026-03-09"])
    assert quiet.exit_code == 0 and "warning sign" not in quiet.stdout
    assert cli.invoke(["checkin", "--foot", "5", "--back", "5", "--sign", "rf_fever"]).exit_code == 0
    logged = cli.invoke(["log", "feet"])
    assert logged.exit_code == 0, logged.output
    said = " ".join(logged.stdout.split())
    assert "Logged 'feet' today" in said
    assert "A warning sign from 2026-03-10 still waits for a clinician (" in said
    assert "see one before your next routine." in said
    assert [s["logged"] for s in _sessions(cli)] == [True, True]
    # --json prints what was stored, nothing more.
    stored = json.loads(cli.invoke(["log", "back", "--json"]).stdout)
    assert set(stored) == {"routine", "day", "minutes", "steps", "logged"}
