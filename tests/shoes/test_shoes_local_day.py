"""A shoe check made through `shoes-check` keeps its clock's UTC offset (migration 100), like an
assessment: it is on the person's calendar day, in `history --since` and in the export, whatever
time zone reads it later. The command used to hand the store a UTC clock, so every check was
stored with offset 0 and one made after midnight local time landed on the day before."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from tests.support.context import Cli
from tests.support.london import LONDON, LondonClock

# 00:30 on Thursday 2 July 2026 in London (BST, UTC+1) is 23:30 on 1 July in UTC.
JUST_AFTER_MIDNIGHT = datetime(2026, 7, 2, 0, 30, tzinfo=LONDON)


def _check_a_pair(cli: Cli, tmp_path: Path, *extra: str) -> None:
    template = cli.invoke(["shoes-check", "--template"])
    answers = tmp_path / "shoes.toml"
    answers.write_text(template.stdout, encoding="utf-8")
    cli.context.clock = LondonClock(JUST_AFTER_MIDNIGHT)
    result = cli.invoke(["shoes-check", "--answers", str(answers), *extra])
    assert result.exit_code == 0, result.stderr


def test_a_check_after_midnight_keeps_its_offset_and_its_day(cli: Cli, home: Path, tmp_path: Path) -> None:
    _check_a_pair(cli, tmp_path, "--name", "Trail")
    exported = json.loads(cli.invoke(["export"]).stdout)
    (check,) = exported["shoe_checks"]
    assert (check["created_at"], check["utc_offset"]) == ("2026-07-01T23:30:00+00:00", 60)
    # The pair's stamps are UTC text too, so they sort in time order beside every other record.
    (pair,) = exported["shoe_pairs"]
    assert pair["created_at"] == pair["updated_at"] == "2026-07-01T23:30:00+00:00"
    since = json.loads(cli.invoke(["history", "--since", "2026-07-02", "--json"]).stdout)
    assert [c["pair"] for c in since["shoe_checks"]] == ["Trail"]
    assert since["shoe_checks"][0]["created_at"] == "2026-07-02T00:30:00+01:00"


def test_retiring_a_pair_stamps_it_in_utc(cli: Cli, home: Path, tmp_path: Path) -> None:
    _check_a_pair(cli, tmp_path, "--name", "Trail")
    assert cli.invoke(["shoes-check", "--name", "Trail", "--retire"]).exit_code == 0
    (pair,) = json.loads(cli.invoke(["export"]).stdout)["shoe_pairs"]
    assert pair["retired_at"] == "2026-07-01T23:30:00+00:00"


def test_the_list_shows_the_check_on_the_persons_day(cli: Cli, home: Path, tmp_path: Path) -> None:
    """`--list` and `--list --json` give the last check's time on its own clock, as history does:
    the check at 00:30 on 2 July (BST) is checked on the 2nd, not on UTC's 1st."""
    _check_a_pair(cli, tmp_path, "--name", "Trail")
    (row,) = json.loads(cli.invoke(["shoes-check", "--list", "--json"]).stdout)
    assert row["checked_at"] == "2026-07-02T00:30:00+01:00"
    screen = cli.invoke(["shoes-check", "--list"]).stdout
    assert "2026-07-02" in screen and "2026-07-01" not in screen


def test_checking_again_dates_the_last_check_on_the_persons_day(cli: Cli, home: Path, tmp_path: Path) -> None:
    _check_a_pair(cli, tmp_path, "--name", "Trail")
    cli.context.clock = LondonClock(datetime(2026, 7, 9, 9, 0, tzinfo=LONDON))
    again = cli.invoke(["shoes-check", "--answers", str(tmp_path / "shoes.toml"), "--name", "Trail"])
    assert "Last check (2026-07-02)" in again.stdout, again.stdout
