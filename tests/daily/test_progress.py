"""`footback progress`: worked examples for every verdict at the thresholds, practice, pain by practice."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.daily.content import load_daily_content
from footback.daily.pain import judge
from footback.daily.progress import NO_CHECKINS, NO_PRACTICE, Progress, progress
from footback.daily.progress_service import read_progress
from footback.models.checkin import CheckIn
from footback.records.checkins import save_checkin
from footback.records.db import open_store
from tests.support.context import Cli
from tests.support.history_seed import add_session
from tests.support.runner import CliRunner

runner = CliRunner()
TODAY = date(2026, 3, 31)  # a Tuesday
NOW = datetime(2026, 3, 31, 20, tzinfo=UTC)
RULE = load_daily_content().pain


def checkin(day: date, foot: int, back: int = 0) -> CheckIn:
    return CheckIn(day=day, foot=foot, back=back, created_at=datetime(2026, 1, 1, tzinfo=UTC))


def stored(
    home: Path, checkins: Sequence[CheckIn], session_days: Sequence[date], now: datetime = NOW
) -> Progress:
    """Progress read from a store holding these check-ins and a 10-minute session at 08:00 UTC on each day."""
    with open_store(home) as store:
        for c in checkins:
            save_checkin(store, c)
        for day in session_days:
            add_session(store, datetime(day.year, day.month, day.day, 8, tzinfo=UTC), seconds=600)
        return read_progress(store, now, review_days=7)


def test_shipped_rule_is_two_points_or_thirty_percent() -> None:
    # The worked examples below assume the shipped rule (Farrar 2001; Salaffi 2004).
    assert (RULE.meaningful_points, RULE.meaningful_percent, RULE.window_days, RULE.min_checkins) == (
        2,
        30,
        7,
        2,
    )
    assert (RULE.low_start_below, RULE.low_start_points) == (4, 2)


@pytest.mark.parametrize(
    ("start", "now", "verdict"),
    [
        (6.0, 4.0, "better"),  # exactly 2 points down
        (8.0, 6.1, "no clear change"),  # 1.9 points, 24%: noise
        (5.0, 3.5, "better"),  # 1.5 points but exactly 30%
        (5.0, 3.6, "no clear change"),  # 1.4 points, 28%
        (3.0, 5.0, "worse"),  # exactly 2 points up
        (3.0, 3.9, "no clear change"),  # 30% up, but from a low start only 0.9 points
        (1.0, 1.5, "no clear change"),  # 50% up from a low start: noise (issue 20, item 4)
        (1.0, 0.5, "no clear change"),
        (3.95, 2.75, "no clear change"),  # 30.4% down from just below 4: too few points
        (4.0, 2.8, "better"),  # 30% down from exactly 4: the percentage counts again
        (3.0, 4.9, "no clear change"),  # 1.9 points up from a low start
        (3.5, 5.5, "worse"),  # 2 points up from a low start
        (3.5, 1.5, "better"),
        (8.0, 9.5, "no clear change"),  # 1.5 points, 19% up
        (4.0, 4.0, "no clear change"),
        (0.0, 1.0, "no clear change"),  # from no pain, only points count
        (0.0, 2.0, "worse"),
    ],
)
def test_verdict_at_the_thresholds(start: float, now: float, verdict: str) -> None:
    assert judge(start, now, RULE) == verdict


def fresh(tmp_path: Path, checkins: Sequence[CheckIn]) -> Progress:
    """Progress from a new store holding only these check-ins (read as the commands read it)."""
    folder = tmp_path / f"store{len(list(tmp_path.iterdir()))}"
    return stored(folder, checkins, [])


def _days(first: date, count: int) -> list[date]:
    return [first + timedelta(days=i) for i in range(count)]


def test_start_is_first_week_of_checkins_and_now_is_last_seven_days(tmp_path: Path) -> None:
    # Start: 1-7 March (foot 6); the middle weeks (foot 9) belong to neither window; now: 25-31 March.
    checkins = [checkin(d, 6, 7) for d in _days(date(2026, 3, 1), 7)]
    checkins += [checkin(d, 9, 9) for d in _days(date(2026, 3, 8), 17)]
    checkins += [checkin(d, 4, 7) for d in _days(date(2026, 3, 25), 7)]
    result = fresh(tmp_path, checkins)
    foot = result.foot_pain
    assert (foot.start, foot.now, foot.change, foot.verdict) == (6.0, 4.0, -2.0, "better")
    assert (foot.start_checkins, foot.now_checkins) == (7, 7)
    assert result.back_pain.verdict == "no clear change"


def test_the_verdict_follows_the_numbers_shown(tmp_path: Path) -> None:
    # Start 53/7 = 7.57 (shown 7.6), now 28/5 = 5.6: the screen says -2.0, so the verdict is
    # "better"; judged unrounded (-1.97, 26%) it said "no clear change" beside "-2.0".
    checkins = [checkin(d, f) for d, f in zip(_days(date(2026, 3, 1), 7), (8, 8, 8, 8, 7, 7, 7), strict=True)]
    checkins += [checkin(d, f) for d, f in zip(_days(date(2026, 3, 27), 5), (6, 6, 6, 5, 5), strict=True)]
    foot = fresh(tmp_path, checkins).foot_pain
    assert (foot.start, foot.now, foot.change, foot.verdict) == (7.6, 5.6, -2.0, "better")


def test_too_little_data_below_two_checkins_in_a_window(tmp_path: Path) -> None:
    two_and_one = [checkin(date(2026, 3, 1), 8), checkin(date(2026, 3, 2), 8), checkin(TODAY, 1)]
    assert fresh(tmp_path, two_and_one).foot_pain.verdict == "too little data"
    one_and_two = [checkin(date(2026, 3, 1), 8), checkin(TODAY - timedelta(days=1), 1), checkin(TODAY, 1)]
    assert fresh(tmp_path, one_and_two).foot_pain.verdict == "too little data"
    two_and_two = [*two_and_one, checkin(TODAY - timedelta(days=6), 1)]
    result = fresh(tmp_path, two_and_two)
    assert result.foot_pain.verdict == "better" and result.foot_pain.change == -7.0
    # Everything in the last 7 days: nothing to compare against yet.
    recent_only = [checkin(d, 5) for d in _days(TODAY - timedelta(days=6), 7)]
    assert fresh(tmp_path, recent_only).foot_pain.start is None


def test_practice_against_the_target_streak_and_weeks_on_target(home: Path) -> None:
    # Week of 16 March: 3 sessions (on target); week of 23 March: 1 (below); this week: 2 so far.
    result = stored(home, [], [date(2026, 3, d) for d in (16, 17, 18, 25, 30, 31)])
    p = result.practice
    assert p.target_per_week == 3.0  # 6 sessions in 14 days, a habit target
    assert (p.sessions_per_week, p.minutes_per_week) == (3, 30.0)  # 25, 30 and 31 March
    assert (p.weeks_on_target, p.weeks_counted) == (1, 2)  # this week is not decided yet
    assert p.streak_days == 2
    assert "not a clinical threshold" in result.target_note


def test_this_week_counts_once_it_is_on_target(home: Path) -> None:
    result = stored(home, [], [date(2026, 3, d) for d in (30, 31, 31)])
    assert (result.practice.weeks_on_target, result.practice.weeks_counted) == (1, 1)


def test_pain_beside_practice_with_week_counts_and_the_warning(home: Path) -> None:
    checkins = [checkin(date(2026, 3, 16), 2, 3), checkin(date(2026, 3, 18), 4, 5)]
    checkins += [checkin(date(2026, 3, 24), 6, 7), checkin(date(2026, 3, 9), 8, 9)]
    result = stored(home, checkins, [date(2026, 3, d) for d in (16, 17, 18)])
    by = result.pain_by_practice
    assert (by.on_target.weeks, by.on_target.foot, by.on_target.back) == (1, 3.0, 4.0)
    assert (by.below_target.weeks, by.below_target.foot, by.below_target.back) == (2, 7.0, 8.0)
    assert "not proof" in by.note


def test_series_has_one_value_a_day_with_gaps(home: Path) -> None:
    result = stored(home, [checkin(TODAY, 3, 4)], [TODAY, TODAY])
    s = result.series
    assert len(s.days) == 28 and s.days[-1] == TODAY
    assert s.foot[-1] == 3 and s.foot[0] is None and s.sessions[-1] == 2


def test_cli_json_shape_and_screen(cli: Cli) -> None:
    for day, foot in (("2025-01-05", 6), ("2025-01-06", 6)):
        assert cli.invoke(["checkin", "--foot", str(foot), "--back", "5", "--date", day]).exit_code == 0
    result = cli.invoke(["progress", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert set(doc["foot_pain"]) >= {"start", "now", "change", "verdict"}
    assert set(doc["practice"]) >= {"sessions_per_week", "target_per_week", "weeks_on_target", "streak_days"}
    assert set(doc["pain_by_practice"]) >= {"on_target", "below_target", "note"}
    assert set(doc["plan"]) >= {"level", "next_review", "reason"}
    assert len(doc["series"]["foot"]) == len(doc["series"]["days"])
    screen = cli.invoke(["progress"])
    assert screen.exit_code == 0 and "too little data" in screen.stdout and "not proof" in screen.stdout


def test_progress_before_anything_is_stored_creates_nothing(home: object) -> None:
    from footback.core.paths import db_path

    result = runner.invoke(app, ["progress"])
    assert result.exit_code == 0 and "too little data" in result.stdout
    assert not db_path(home).exists()


class _Briefs:
    """A citer that shows which ids it was asked for."""

    def briefs(self, source_ids: Sequence[str]) -> str:
        return "+".join(source_ids)

    def cites(self, source_ids: Sequence[str]) -> str:
        return self.briefs(source_ids)


def test_the_result_carries_source_ids_and_the_writer_cites_them() -> None:
    from footback.core.cited import citing

    result = progress(NO_CHECKINS, NO_PRACTICE, today=TODAY, content=load_daily_content())
    assert result.rule_sources == RULE.sources and "{sources}" in result.rule_template
    cited = "+".join(RULE.sources)
    assert f"({cited})" in result.rule(_Briefs())
    assert json.loads(result.model_dump_json(context=citing(_Briefs())))["rule"] == result.rule(_Briefs())
    with pytest.raises(ValueError, match="without its sources"):
        result.model_dump_json()


@pytest.mark.parametrize(
    ("hours", "starts", "weeks", "streak", "last_days"),
    [
        # UTC-5: 23:30 on Friday to Sunday is 04:30 UTC the next day. Locally the week of 23 March
        # has 3 (on target) and Monday none; by UTC days it would have 2 and the streak would be 4.
        (-5, [(27, 23, 30), (28, 23, 30), (29, 23, 30), (31, 10, 0)], (1, 1), 1, [1, 1, 1, 0, 1]),
        # UTC+9: 00:30 on Saturday to Monday is 15:30 UTC the day before. Locally the week of
        # 23 March has 2 (below); by UTC days it would have 3 (on target).
        (9, [(28, 0, 30), (29, 0, 30), (30, 0, 30), (31, 10, 0)], (0, 1), 4, [0, 1, 1, 1, 1]),
    ],
)
def test_sessions_near_midnight_count_on_the_local_day(
    home: Path,
    hours: int,
    starts: list[tuple[int, int, int]],
    weeks: tuple[int, int],
    streak: int,
    last_days: list[int],
) -> None:
    zone = timezone(timedelta(hours=hours))
    with open_store(home) as store:
        for day, hour, minute in starts:
            add_session(store, datetime(2026, 3, day, hour, minute, tzinfo=zone).astimezone(UTC))
        result = read_progress(store, datetime(2026, 3, 31, 20, tzinfo=zone), review_days=7)
    p = result.practice
    assert (p.weeks_on_target, p.weeks_counted) == weeks
    assert (p.streak_days, p.sessions_per_week) == (streak, 4)
    assert result.series.sessions[-5:] == last_days


def test_the_next_review_is_the_latest_change_plus_the_review_days_given(home: Path) -> None:
    # daily/ does not read the plan's content: the caller passes the review period down.
    from footback.daily.progress_service import plan_status
    from footback.models.plan_change import PlanChange
    from footback.records.plan_changes import save_change

    with open_store(home) as store:
        assert plan_status(store, 7, NOW).level is None
        save_change(store, PlanChange(NOW - timedelta(days=2), "up", 3, 2, "On target."))
        for days in (7, 8):
            status = plan_status(store, days, NOW)
            assert (status.level, status.reason) == (3, "On target.")
            assert status.next_review == TODAY - timedelta(days=2) + timedelta(days=days)


def test_progress_json_counts_the_next_review_from_the_plans_own_review_days(cli: Cli, home: Path) -> None:
    from footback.models.plan_change import PlanChange
    from footback.plan.content import load_plan_content
    from footback.records.plan_changes import save_change

    changed = cli.context.clock.now() - timedelta(days=1)
    with open_store(home) as store:
        save_change(store, PlanChange(changed, "start", 1, None, "First level."))
    doc = json.loads(cli.invoke(["progress", "--json"]).stdout)
    review = timedelta(days=load_plan_content().progression.review_days)
    assert doc["plan"] == {"level": 1, "next_review": str(changed.date() + review), "reason": "First level."}
