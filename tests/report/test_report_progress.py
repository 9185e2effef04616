"""The report's progress section and `footback progress` are one reading: the same numbers for any
stored data, and neither reads every session stored."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from footback.cli.context import AppContext
from footback.daily.progress_service import checked_in_progress, read_progress
from footback.models.checkin import CheckIn
from footback.records.checkins import save_checkin
from footback.records.db import Store, open_store
from footback.report.build import build_report
from tests.support.context import Cli, set_wall
from tests.support.history_seed import NOW, add_session, at, seed_years

# NOW is Thursday 2025-03-13. Sessions every day from 55 days back (Friday 17 January) except
# 30-40 days back (1-11 February), a second one today, and one that does not count (no step done).
GAP = range(30, 41)


def _seed(home: Path, first_checkin: int) -> None:
    with open_store(home) as store:
        for days in range(55, -1, -1):
            if days not in GAP:
                add_session(store, at(days, 7))
        add_session(store, at(0, 18))
        add_session(store, at(35, 7), finished=False, steps_done=0)
        for days in range(first_checkin, -1, -1):
            day = NOW.date() - timedelta(days=days)
            save_checkin(
                store, CheckIn(day=day, foot=2 + days % 5, back=1 + days % 3, created_at=at(days, 21))
            )


def _report_numbers(markdown: str) -> dict[str, Any]:
    """The practice and pain-beside-practice numbers as the report's sentences give them."""
    practice = re.search(
        r"Practice: (\d+) sessions in the last 7 days .*?; (\d+) of (\d+) weeks on target; streak (\d+) days",
        markdown,
    )
    assert practice is not None, markdown
    groups = re.findall(
        r"[Ww]eeks (on|below) target \((\d+) weeks?\): (?:foot (\d+\.\d), back (\d+\.\d)|no check-ins)",
        markdown,
    )
    assert len(groups) == 2, markdown
    return {
        "sessions_per_week": int(practice[1]),
        "weeks_on_target": int(practice[2]),
        "weeks_counted": int(practice[3]),
        "streak_days": int(practice[4]),
        "groups": {
            f"{kind}_target": {
                "weeks": int(weeks),
                "foot": float(foot) if foot else None,
                "back": float(back) if back else None,
            }
            for kind, weeks, foot, back in groups
        },
    }


@pytest.mark.parametrize(
    ("first_checkin", "on_target", "below_target"),
    # Check-ins from 14 days back: only weeks on target have them. From 45 days back (Monday
    # 27 January): the gap's week (3 February) is below target.
    [(14, 3, 0), (45, 6, 1)],
)
def test_report_and_progress_agree_when_practice_began_before_the_first_checkin(
    cli: Cli, context: AppContext, home: Path, first_checkin: int, on_target: int, below_target: int
) -> None:
    _seed(home, first_checkin)
    set_wall(context, NOW)
    shown = cli.invoke(["progress", "--json"])
    assert shown.exit_code == 0, shown.output
    doc = json.loads(shown.stdout)
    report = cli.invoke(["report"])
    assert report.exit_code == 0, report.output

    # Worked by hand: weeks from Monday 13 January (the first session) to this one: the gap's week
    # is below target, the eight others (this one too, with 5 sessions) on it. The streak runs
    # back to 12 February; the last 7 days hold 8 sessions of 5 minutes.
    practice = doc["practice"]
    assert (practice["weeks_on_target"], practice["weeks_counted"], practice["streak_days"]) == (8, 9, 30)
    assert (practice["sessions_per_week"], practice["minutes_per_week"]) == (8, 40.0)
    by = doc["pain_by_practice"]
    assert (by["on_target"]["weeks"], by["below_target"]["weeks"]) == (on_target, below_target)

    numbers = _report_numbers(report.stdout)
    assert numbers["groups"] == {
        key: {k: by[key][k] for k in ("weeks", "foot", "back")} for key in ("on_target", "below_target")
    }
    del numbers["groups"]
    assert numbers == {k: practice[k] for k in numbers}
    # Everything else the report's section is made from (minutes too) is `progress --json`'s.
    with open_store(home) as store:
        made = checked_in_progress(store, context.clock.now(), review_days=7)
    assert made is not None
    assert made.practice.model_dump(mode="json") == practice
    assert made.pain_by_practice.model_dump(mode="json") == by
    assert made.series.model_dump(mode="json") == doc["series"]


def test_no_checkins_no_progress_section_and_no_session_read(home: Path) -> None:
    with open_store(home) as store:
        seed_years(store, years=1)
        store.rows_read = 0
        assert checked_in_progress(store, NOW, review_days=7) is None
        assert store.rows_read == 0
        assert build_report(store, now=NOW).daily == []


def _rows(store: Store, read: object) -> int:
    store.rows_read = 0
    assert read is not None
    return store.rows_read


def _rows_read(home: Path, years: int, per_day: int) -> tuple[int, int]:
    """Rows read by the report and by `read_progress` from `years` of sessions and 28 check-ins."""
    with open_store(home) as store:
        seed_years(store, years=years, per_day=per_day)
        for days in range(27, -1, -1):
            day = NOW.date() - timedelta(days=days)
            save_checkin(store, CheckIn(day=day, foot=3, back=2, created_at=at(days, 21)))
        store.rows_read = 0
        build_report(store, now=NOW)
        report = store.rows_read
        store.rows_read = 0
        read_progress(store, NOW, review_days=7)
        return report, store.rows_read


def test_progress_reads_rows_by_the_day_not_by_the_session(home: Path, tmp_path: Path) -> None:
    small = _rows_read(home, years=1, per_day=1)
    assert _rows_read(tmp_path / "big", years=10, per_day=1) == small
    assert _rows_read(tmp_path / "busy", years=1, per_day=10) == small
    # progress: the first check-in, the 7 of the start window and the 7 of the last days, the chart's
    # 28 check-ins, two rows of pain beside practice, sessions this week, the first session, weeks
    # on target, the last 7 days' sums, the streak's 33-day window (it ends inside it), the chart's
    # 28 days of sessions.
    assert small[1] <= 1 + 7 + 7 + 28 + 2 + 1 + 1 + 1 + 1 + 33 + 28
