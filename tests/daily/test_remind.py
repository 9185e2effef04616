"""`footback remind` (iCalendar read by a real parser, CRLF, folding) and `footback due` by time of day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import icalendar
import pytest

from footback.cli.app import app
from footback.cli.context import AppContext
from footback.core.errors import BadInputError
from footback.daily.content import load_daily_content
from footback.daily.due import due_now
from footback.daily.ics import Reminder, calendar, fold, parse_at
from footback.daily.remind import DaySlot, day_slots, due_at, due_schedule
from footback.daily.reminders import write_reminders
from footback.models.checkin import CheckIn
from footback.records.checkins import save_checkin
from footback.records.db import open_store
from tests.support.context import Cli, set_wall
from tests.support.runner import CliRunner

runner = CliRunner()
RULE = load_daily_content().remind
NOW = datetime(2026, 3, 10, 9, 15, tzinfo=UTC)


def _parse(path: Path) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(path.read_bytes())


def test_default_reminders_parse_with_a_real_parser(tmp_path: Path) -> None:
    path = tmp_path / "footback.ics"
    made = write_reminders(tmp_path / "home", path, at=[], routine=None, now=NOW)
    assert [(r.at, r.routine) for r in made] == [
        (time(7), "morning"),
        (time(18, 30), "feet"),
    ]  # no plan saved
    events = list(_parse(path).walk("VEVENT"))
    assert len(events) == 2
    morning, evening = events
    assert str(morning["RRULE"].to_ical(), "ascii") == "FREQ=DAILY"
    assert morning.decoded("DTSTART") == datetime(2026, 3, 10, 7, 0)  # floating local time
    assert "footback stretch --routine morning" in str(morning["DESCRIPTION"])
    assert "footback checkin" in str(evening["DESCRIPTION"]) and "footback checkin" not in str(
        morning["DESCRIPTION"]
    )
    alarms = list(morning.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == timedelta(0)


def test_lines_end_in_crlf_and_fold_at_75_octets(tmp_path: Path) -> None:
    path = tmp_path / "r.ics"
    write_reminders(tmp_path / "home", path, at=["06:45"], routine="feet", now=NOW)
    raw = path.read_bytes()
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert any(line.startswith(b" ") for line in lines)  # the long description was folded


def test_folding_never_splits_a_utf8_character() -> None:
    line = "DESCRIPTION:" + "é" * 100
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert all(len(part) <= 75 for part in folded)
    for part in folded:
        part.decode("utf-8")  # each physical line is whole UTF-8
    assert fold(line).replace("\r\n ", "") == line


def test_uid_is_stable_across_runs_and_text_is_escaped(tmp_path: Path) -> None:
    reminder = Reminder(at=time(7), routine="feet", summary="a, b; c", description="x\ny\\z", minutes=5)
    first = calendar([reminder], stamp=NOW, start=date(2026, 3, 10), version="1")
    second = calendar([reminder], stamp=NOW + timedelta(days=3), start=date(2026, 3, 13), version="1")
    uid = "UID:footback-feet-0700@footback.invalid"
    assert uid in first and uid in second
    assert "SUMMARY:a\\, b\\; c" in first and "DESCRIPTION:x\\ny\\\\z" in first
    event = icalendar.Calendar.from_ical(first).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "a, b; c" and str(event["DESCRIPTION"]) == "x\ny\\z"


def test_at_times_and_routine_override(tmp_path: Path) -> None:
    path = tmp_path / "r.ics"
    made = write_reminders(tmp_path / "home", path, at=["21:00", "06:30", "06:30"], routine="back", now=NOW)
    assert [(r.at, r.routine) for r in made] == [(time(6, 30), "back"), (time(21), "back")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "7am"], "--at: '7am' is not a time"),
        (["--at", "25:00"], "is not a time"),
        (["--routine", "fet"], "did you mean 'feet'"),
        (["--routine", "plan"], "no routine named 'plan'"),  # no plan saved yet
    ],
)
def test_remind_bad_input_is_exit_2_and_writes_nothing(tmp_path: Path, args: list[str], message: str) -> None:
    path = tmp_path / "r.ics"
    result = runner.invoke(app, ["remind", "--ics", str(path), *args])
    assert result.exit_code == 2 and message in result.stderr
    assert not path.exists()


def test_remind_cli_says_what_it_wrote(tmp_path: Path) -> None:
    path = tmp_path / "r.ics"
    result = runner.invoke(app, ["remind", "--ics", str(path)])
    assert result.exit_code == 0 and "07:00 daily: footback: morning routine" in result.stdout
    assert path.stat().st_mode & 0o777 == 0o600


# ------------------------------------------------------------------ due


SLOTS = day_slots(RULE, plan_saved=True)


@pytest.mark.parametrize(
    ("clock", "done", "checked_in", "expected"),
    [
        (time(6, 0), set(), False, []),  # before the morning slot: nothing yet
        (time(7, 0), set(), False, ["morning routine"]),
        (time(9, 0), {"morning"}, False, []),
        (time(18, 29), {"morning"}, False, []),
        (time(18, 30), {"morning"}, False, ["plan routine", "check-in"]),
        (time(22, 0), set(), False, ["morning routine", "plan routine", "check-in"]),
        (time(22, 0), {"morning", "plan"}, True, []),
        (time(22, 0), {"morning", "plan"}, False, ["check-in"]),
    ],
)
def test_due_at_times_of_day(clock: time, done: set[str], checked_in: bool, expected: list[str]) -> None:
    now = datetime.combine(date(2026, 3, 10), clock, tzinfo=UTC)
    schedule = due_schedule(SLOTS, done, checked_in, RULE.checkin_after_last)
    assert due_at(schedule, now.time()) == expected


def test_due_reads_todays_checkin_from_the_store(home: Path) -> None:
    evening = datetime(2026, 3, 10, 19, 0, tzinfo=timezone(timedelta(hours=1)))
    assert due_now(home, evening) == ["morning routine", "feet routine", "check-in"]
    with open_store(home) as store:
        save_checkin(store, CheckIn(day=evening.date(), foot=1, back=1, created_at=evening))
    assert due_now(home, evening) == ["morning routine", "feet routine"]
    assert due_now(home, evening.replace(hour=5)) == []


def test_due_cli_line_and_exit_status_follow_the_clock(cli: Cli, context: AppContext) -> None:
    set_wall(context, datetime(2026, 3, 10, 6, 0).astimezone())
    early = cli.invoke(["due"])
    assert (early.exit_code, early.stdout) == (1, "")
    set_wall(context, datetime(2026, 3, 10, 8, 0).astimezone())
    morning = cli.invoke(["due"])
    assert (morning.exit_code, morning.stdout) == (0, "footback due: morning routine\n")
    set_wall(context, datetime(2026, 3, 10, 19, 0).astimezone())
    evening = cli.invoke(["due"])
    assert evening.stdout == "footback due: morning routine, feet routine, check-in\n"
    assert cli.invoke(["checkin", "--foot", "1", "--back", "1"]).exit_code == 0
    assert cli.invoke(["due"]).stdout == "footback due: morning routine, feet routine\n"
    assert not (context.data_dir / "plan.toml").exists()


def test_at_takes_hh_mm_and_a_one_digit_hour_in_ascii_digits_only() -> None:
    assert (
        parse_at("7:05") == time(7, 5)
        and parse_at(" 07:05 ") == time(7, 5)
        and parse_at("23:59") == time(23, 59)
    )
    for bad in ("24:00", "7:5", "007:00", "\u0667:30", "12:60", "-1:00", ""):
        with pytest.raises(BadInputError, match="is not a time"):
            parse_at(bad)


def test_slot_times_parse() -> None:
    assert [s.at for s in SLOTS] == [parse_at("07:00"), parse_at("18:30")]
    assert isinstance(SLOTS[0], DaySlot)


def test_due_names_the_clinician_not_routines_while_a_warning_sign_waits(
    cli: Cli, context: AppContext
) -> None:
    set_wall(context, datetime(2026, 3, 10, 8, 0).astimezone())
    # A check-in with a new warning sign: stretch and plan now wait for a clinician.
    assert cli.invoke(["checkin", "--foot", "2", "--back", "2", "--sign", "rf_fever"]).exit_code == 0
    morning = cli.invoke(["due"])
    assert morning.exit_code == 0
    assert morning.stdout == (
        "footback due: see a clinician about the warning sign of 2026-03-10 (routines wait until then)\n"
    )
    set_wall(context, datetime(2026, 3, 11, 19, 0).astimezone())
    evening = cli.invoke(["due"])  # the next evening: the check-in is due as usual, routines are not
    assert evening.stdout.endswith("(routines wait until then), check-in\n")
    assert "morning routine" not in evening.stdout
