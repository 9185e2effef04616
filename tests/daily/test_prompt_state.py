"""`footback prompt`: the state file the shell reads agrees with `footback due` through a day and
after every command that writes, and a missing or stale file shows nothing (issue 22)."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.daily.prompt_state import state_text
from footback.records.folder import PROMPT_STATE, owned_files
from tests.support.context import Cli, set_wall
from tests.support.helpers import no_problem_answers
from tests.support.prompt import shown

MORNING = datetime(2026, 3, 10, 6, 0, tzinfo=UTC)
# Around both of the day's slots (07:00 and 18:30, data/daily.toml) and the day's ends.
TIMES = [(0, 0), (6, 59), (7, 0), (7, 1), (12, 0), (18, 29), (18, 30), (23, 59)]


def prompt_line(home: Path, now: datetime) -> str:
    path = home / PROMPT_STATE
    return shown(path.read_text(encoding="utf-8"), int(now.timestamp())) if path.exists() else ""


def due_line(cli: Cli) -> str:
    result = cli.invoke(["due"])
    assert result.exit_code in (0, 1), result.output
    return result.stdout.strip()


def agree_for_the_rest_of_the_day(cli: Cli, context: AppContext, home: Path) -> list[str]:
    """The prompt (read first: `due` must not be what made it right) and `due` at each later time."""
    now = context.clock.now()
    seen = []
    for hour, minute in TIMES:
        moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if moment < now:
            continue
        set_wall(context, moment)
        line = prompt_line(home, context.clock.now())
        assert line == due_line(cli), f"at {moment:%H:%M}"
        seen.append(line)
    set_wall(context, now)
    return seen


def run(cli: Cli, *args: str) -> None:
    result = cli.invoke(list(args))
    assert result.exit_code == 0, result.output


def test_the_prompt_agrees_with_due_after_every_write_and_through_the_day(
    cli: Cli, context: AppContext, home: Path, tmp_path: Path
) -> None:
    set_wall(context, MORNING)
    answers, fever = tmp_path / "a.json", tmp_path / "fever.json"
    answers.write_text(json.dumps(no_problem_answers()), encoding="utf-8")
    fever.write_text(json.dumps(no_problem_answers() | {"rf_fever": True}), encoding="utf-8")
    backup = tmp_path / "backup.json"
    writes: list[list[str]] = [
        ["log", "feet", "--minutes", "5"],
        ["checkin", "--foot", "2", "--back", "3"],
        ["stretch", "--routine", "morning", "--plain", "--speed", "100", "--lead-in", "0", "--quiet"],
        ["assess", "--answers", str(answers)],
        ["plan"],
        ["assess", "--answers", str(fever)],
        ["stretch", "--routine", "feet", "--seen-clinician", "--no-save", "--lead-in", "0", "--plain"],
        ["export", "--output", str(backup)],
        ["import", str(backup)],
    ]
    seen: list[str] = []
    for args in writes:
        run(cli, *args)
        set_wall(context, context.clock.now() + timedelta(minutes=30))
        seen += agree_for_the_rest_of_the_day(cli, context, home)
    # The scenario met every kind of line: routines, the check-in, the warning sign's wait, nothing.
    assert "footback due: morning routine, check-in" in seen
    assert "footback due: plan routine" in seen
    assert any("clinician" in line or "warning" in line for line in seen), seen
    assert "" in seen


def test_a_check_in_takes_it_off_the_prompt_at_once(cli: Cli, context: AppContext, home: Path) -> None:
    set_wall(context, MORNING.replace(hour=20))
    run(cli, "log", "morning")
    assert prompt_line(home, context.clock.now()) == "footback due: feet routine, check-in"
    run(cli, "checkin", "--foot", "1", "--back", "1")
    assert prompt_line(home, context.clock.now()) == "footback due: feet routine"
    assert due_line(cli) == "footback due: feet routine"


def test_a_stale_state_shows_nothing_until_the_first_command_of_the_day(
    cli: Cli, context: AppContext, home: Path
) -> None:
    set_wall(context, MORNING.replace(hour=20))
    run(cli, "checkin", "--foot", "1", "--back", "1")
    tomorrow = MORNING + timedelta(days=1, hours=2)
    set_wall(context, tomorrow)
    assert prompt_line(home, context.clock.now()) == ""  # yesterday's file: nothing, not yesterday's line
    run(cli, "history")  # any command, even one that only reads
    assert prompt_line(home, context.clock.now()) == due_line(cli) == "footback due: morning routine"


def test_the_state_file_is_private_and_forget_deletes_it(cli: Cli, context: AppContext, home: Path) -> None:
    set_wall(context, MORNING)
    run(cli, "checkin", "--foot", "1", "--back", "1")
    path = home / PROMPT_STATE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path in owned_files(home)
    assert not list(home.glob(".*.tmp"))  # written through a temporary file, replaced whole
    run(cli, "forget", "--yes")
    assert not path.exists()
    run(cli, "history")
    assert not path.exists()  # reading never makes it again: there is nothing stored


def test_reading_commands_never_create_the_file(cli: Cli, context: AppContext, home: Path) -> None:
    set_wall(context, MORNING)
    for args in (["due"], ["history"], ["progress"], ["today"]):
        cli.invoke(args)
    assert not (home / PROMPT_STATE).exists()


def test_a_refused_command_leaves_the_state_as_it_was(cli: Cli, context: AppContext, home: Path) -> None:
    set_wall(context, MORNING)
    run(cli, "checkin", "--foot", "1", "--back", "1")
    before = (home / PROMPT_STATE).read_bytes()
    assert cli.invoke(["checkin", "--foot", "11", "--back", "1"]).exit_code == 2
    assert (home / PROMPT_STATE).read_bytes() == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("footback-due 1 100 200\n150 feet routine\n170 check-in\n", "footback due: feet routine, check-in"),
        ("footback-due 1 100 200\n150 feet routine\n160 feet routine\n", "footback due: feet routine"),
        ("footback-due 1 100 200\n180 feet routine\n", ""),  # not yet
        ("footback-due 1 100 170\n150 feet routine\n", ""),  # yesterday's
        ("footback-due 2 100 200\n150 feet routine\n", ""),  # a format this footback does not know
        ("footback-due 1 $(id) 200\n150 feet routine\n", ""),
        ("footback-due 1 100 200\n$(id) feet routine\n150 check-in\n", "footback due: check-in"),
        ("", ""),
    ],
)
def test_how_the_prompt_reads_the_file(text: str, expected: str) -> None:
    assert shown(text, 175) == expected


def test_the_file_keeps_the_days_bounds_and_each_items_moment() -> None:
    from datetime import time

    now = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
    text = state_text([(time(7), "morning routine"), (time(18, 30), "feet \x1b[2J routine")], now)
    midnight = int(datetime(2026, 3, 10, tzinfo=UTC).timestamp())
    assert text.splitlines() == [
        f"footback-due 1 {midnight} {midnight + 86400}",
        f"{midnight + 7 * 3600} morning routine",
        f"{midnight + 18 * 3600 + 1800} feet \\x1b[2J routine",  # shown as text, never obeyed
    ]
