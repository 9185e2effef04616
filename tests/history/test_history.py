"""`footback history`: what was saved, the trends, the streak and this week's minutes."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from footback.cli.app import app
from footback.cli.commands.history import run_history
from footback.cli.context import AppContext
from footback.core.dates import parse_since
from footback.core.paths import db_path
from footback.core.sparkline import BLOCKS, sparkline
from footback.daily.practice import streak
from footback.history.model import empty_history
from footback.history.render import (
    MAX_ROWS,
    checkins_page,
    history_page,
    nothing_stored_text,
    stopped_text,
)
from footback.history.service import load_history
from footback.models.stretch_session import SessionSummary
from footback.records.db import open_store
from footback.records.stretch_sessions import save_session
from footback.render.rows import draw_page
from tests.support.context import set_wall
from tests.support.history_seed import NOW, TZ, add_session, at, seed_full
from tests.support.narrow import WIDTHS, assert_fits
from tests.support.runner import CliRunner

runner = CliRunner()


def test_streak_counts_days_in_a_row_ending_today_or_yesterday() -> None:
    today = date(2025, 3, 13)
    days = {date(2025, 3, d) for d in (9, 11, 12, 13)}
    assert streak(days, today) == 3
    assert streak(days - {today}, today) == 2  # not done yet today: the streak is still alive
    assert streak({date(2025, 3, 10)}, today) == 0


def test_load_history_reads_everything_with_streak_and_week_minutes(home: Path) -> None:
    seed_full(home)
    with open_store(home) as store:
        history = load_history(store, now=NOW)
    assert [a.foot.score for a in history.assessments] == history.trends["foot"]
    assert len(history.assessments) == 3
    assert history.assessments[-1].back.level == "high"
    assert len(history.sessions) == 6
    assert [c.pair for c in history.shoe_checks] == ["trail runners", "office"]
    # Sessions on days 0, 1, 2 (feet) and 3 (a stopped back routine with one step done) count.
    assert history.streak_days == 4
    # Monday 10 March onwards: 5 + 5 + 5 minutes of feet and 1.5 of back.
    assert history.week_minutes == pytest.approx(16.5)
    assert history.data_file == str(db_path(home))


def test_a_session_with_no_step_done_does_not_keep_the_streak(home: Path) -> None:
    with open_store(home) as store:
        add_session(store, at(1), seconds=20, finished=False, steps_done=0)
        history = load_history(store, now=NOW)
    assert history.streak_days == 0
    assert history.week_minutes == pytest.approx(0.3)


def test_days_follow_the_local_clock_not_utc(home: Path) -> None:
    with open_store(home) as store:
        add_session(store, at(0, hour=0))  # 00:00 local is 23:00 UTC the day before
        history = load_history(store, now=NOW)
    assert history.sessions[0].started_at.astimezone(TZ).date() == date(2025, 3, 13)
    assert history.streak_days == 1


def test_since_filters_lists_but_not_the_streak(home: Path) -> None:
    seed_full(home)
    with open_store(home) as store:
        history = load_history(store, now=NOW, since=date(2025, 3, 11))
    assert len(history.assessments) == 1
    assert {s.started_at.astimezone(TZ).day for s in history.sessions} == {11, 12, 13}
    assert history.streak_days == 4


def test_screen_shows_scores_trends_sessions_checks_and_path(home: Path, console: Console) -> None:
    seed_full(home)
    with open_store(home) as store:
        draw_page(console, history_page(load_history(store, now=NOW), console.width))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert str(db_path(home)) in text
    assert "2025-03-12 08:00" in text and "62 high" in text
    assert "foot  ▁▁▅  0 -> 62 (rising)" in text
    assert "stopped (1 of 4 steps, 3 skipped)" in text
    assert "Streak: 4 days in a row with a routine. This week: 16 minutes." in text
    assert "trail runners" in text and "good" in text


def test_sparkline_is_readable_without_colour() -> None:
    assert sparkline([0, 50, 100]) == BLOCKS[0] + BLOCKS[4] + BLOCKS[-1]
    assert sparkline([0, 100], ascii_only=True) == "_@"
    assert sparkline([-5, 150]) == BLOCKS[0] + BLOCKS[-1]


def test_run_history_json_is_complete(
    home: Path, context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    seed_full(home)
    set_wall(context, NOW)
    run_history(context, since="2025-02-02", as_json=True, no_color=True)
    doc = json.loads(capsys.readouterr().out)
    assert doc["data_file"] == str(db_path(home))
    assert doc["since"] == "2025-02-02"
    assert doc["trends"]["back"] == [18, 52]
    assert doc["streak_days"] == 4
    assert len(doc["sessions"]) == 5  # the one from January is before --since
    assert doc["shoe_checks"][0]["verdict"] == "good"


def test_cli_history_with_nothing_stored_creates_nothing(home: Path) -> None:
    result = runner.invoke(app, ["history"])
    assert result.exit_code == 0
    assert str(db_path(home)) in result.stdout.replace("\n", "")
    assert "footback assess" in result.stdout
    assert not home.exists()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("since", [None, date(2025, 2, 2)])
def test_the_plain_new_user_screen_says_what_the_drawn_one_says(since: date | None, width: int) -> None:
    # A new user's history is printed without rich; it must not drift from the drawn screen,
    # at any width (wrapped lines under their own text, as drawn).
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    empty = empty_history("/data/footback.sqlite3", since)
    draw_page(console, history_page(empty, console.width))
    draw_page(console, checkins_page([], None, MAX_ROWS))
    drawn = "\n".join(row.rstrip() for row in console.file.getvalue().split("\n"))  # type: ignore[attr-defined]
    assert nothing_stored_text(empty, width) + "\n" == drawn
    assert_fits(drawn.splitlines(), width)
    assert ("Since 2025-02-02" in drawn) == (since is not None)


@pytest.mark.parametrize("bad", ["yesterday", "2025-13-01", "13/03/2025", ""])
def test_bad_since_is_exit_2_with_one_line(home: Path, bad: str) -> None:
    result = runner.invoke(app, ["history", "--since", bad])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "--since" in result.stderr and "YYYY-MM-DD" in result.stderr


def test_parse_since_accepts_an_iso_date() -> None:
    assert parse_since(" 2025-03-01 ") == date(2025, 3, 1)


def test_a_stopped_session_counts_steps_out_of_the_whole_routine(home: Path, console: Console) -> None:
    """0 done and 2 skipped of a 4-step routine is "0 of 4 steps, 2 skipped", not "0 of 2"."""
    summary = SessionSummary(
        routine="feet",
        planned_seconds=300,
        actual_seconds=40,
        paused_seconds=0,
        speed=1,
        steps_total=4,
        steps_done=0,
        steps_skipped=2,
        finished=False,
        ended_by="stop key",
        steps=[],
    )
    one = summary.model_copy(update={"steps_total": 1, "steps_done": 0, "steps_skipped": 0})
    with open_store(home) as store:
        save_session(store, summary, at(0))
        save_session(store, one, at(1))
        history = load_history(store, now=NOW)
        draw_page(console, history_page(history, console.width))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "stopped (0 of 4 steps, 2 skipped)" in text
    assert "stopped (0 of 1 step)" in text
    assert [s.steps_total for s in history.sessions] == [1, 4]


def test_stopped_text_without_a_stored_total_falls_back_to_what_was_counted() -> None:
    assert stopped_text(1, 3, 2) == "stopped (1 of 3 steps, 2 skipped)"
    assert stopped_text(1, 1, 0) == "stopped (1 of 1 step)"
