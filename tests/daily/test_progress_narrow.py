"""`footback progress` at 40, 60, 80 and 120 columns: every row fits, no word is cut, the foot
and back labels stay, and the lines under Practice and Pain beside practice hang under their text."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from footback.core.text import plural
from footback.daily.progress import PlanStatus, Progress
from footback.daily.render import render_progress
from tests.daily.test_progress import NOW, checkin, stored
from tests.support.narrow import WIDTHS, assert_fits, assert_hangs, draw, whole

TODAY = NOW.date()


def _progress(home: Path, now_checkins: int) -> Progress:
    """A first week of six check-ins, then `now_checkins` in the last 7 days, a session every
    other day and a plan level."""
    first = TODAY - timedelta(days=27)
    checkins = [checkin(first + timedelta(days=n), 6, 5) for n in range(6)]
    checkins += [checkin(TODAY - timedelta(days=n), 3, 4) for n in range(now_checkins)]
    result = stored(home, checkins, [TODAY - timedelta(days=n) for n in range(0, 27, 2)])
    plan = PlanStatus(level=2, next_review=TODAY + timedelta(days=7), reason="Nine sessions in a week.")
    return result.model_copy(update={"plan": plan})


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("now_checkins", [1, 5])
def test_the_progress_screen_reads_whole_at_every_width(home: Path, width: int, now_checkins: int) -> None:
    result = _progress(home, now_checkins)
    rows = draw(width, lambda console: render_progress(console, result))
    assert_fits(rows, width)
    for name, change in (("foot", result.foot_pain), ("back", result.back_pain)):
        # The row's label starts a row (the table's first column, or the block's head) ...
        assert any(row.split()[:1] == [name] for row in rows), name
        # ... and its verdict and check-in counts are never split or cut.
        assert whole(rows, change.verdict)
        assert whole(rows, f"({change.start_checkins} and {change.now_checkins} check-ins)")
    p = result.practice
    wrapped = assert_hangs(
        rows,
        f"Last 7 days: {plural(p.sessions_per_week, 'session')}, {p.minutes_per_week:g} minutes "
        f"(target: {p.target_per_week:g} a week).",
    )
    wrapped += assert_hangs(
        rows,
        f"Streak: {plural(p.streak_days, 'day')} in a row. "
        f"Weeks on target: {p.weeks_on_target} of {p.weeks_counted}.",
    )
    on, below = result.pain_by_practice.on_target, result.pain_by_practice.below_target
    wrapped += assert_hangs(
        rows, f"weeks on target ({plural(on.weeks, 'week')}): foot {on.foot:.1f}, back {on.back:.1f}"
    )
    wrapped += assert_hangs(
        rows,
        f"weeks below target ({plural(below.weeks, 'week')}): foot {below.foot:.1f}, back {below.back:.1f}",
    )
    for item in ("Last 7 days", "Streak", "weeks on target", "weeks below target"):
        assert any(row.startswith(f"  {item}") for row in rows)  # two in, under its heading
    if width == 40:
        assert wrapped >= 2  # the check saw wrapped lines to judge


@pytest.mark.parametrize("width", [80, 120])
def test_wide_terminals_keep_the_pain_table(home: Path, width: int) -> None:
    result = _progress(home, 1)
    rows = draw(width, lambda console: render_progress(console, result))
    header = rows.index("      start  now  change  verdict")
    assert rows[header + 1].startswith("foot  6.0    3.0  -       too little data  (6 and 1 check-ins)")
    assert rows[header + 2].startswith("back  5.0    4.0  -       too little data  (6 and 1 check-ins)")
