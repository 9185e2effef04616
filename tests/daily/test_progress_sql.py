"""Progress from SQL aggregates equals progress from every check-in in a list (the way it was read
before issue 22): the windows' means and verdicts, pain beside practice and the chart's series.

The oracle below is the old list code, kept here only as the definition the SQL must match:
every check-in read, the pain windows picked in Python, each week from the first check-in's
decided on target or not, and the check-ins of each kind of week averaged.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from statistics import fmean

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from footback.core.dates import monday
from footback.daily.content import load_daily_content
from footback.daily.pain import PainChange, pain_change
from footback.daily.progress import PainByPractice, Progress, WeekGroup, sessions_needed
from footback.daily.progress_service import read_progress
from footback.models.checkin import CheckIn
from footback.records.checkins import list_checkins
from footback.records.db import Store, open_store
from tests.records.test_hostile_rows import DAMAGE
from tests.support.history_seed import add_session

CONTENT = load_daily_content()
RULE = CONTENT.pain
NEEDED = sessions_needed(CONTENT.practice)
TODAY = date(2026, 3, 31)  # a Tuesday
_INSERT = "INSERT INTO checkins (day, foot, back, note, warning_signs, created_at) VALUES (?, ?, ?, ?, ?, ?)"


def _windows(checkins: Sequence[CheckIn], today: date) -> tuple[list[CheckIn], list[CheckIn]]:
    recent_from = today - timedelta(days=RULE.window_days - 1)
    recent = [c for c in checkins if recent_from <= c.day <= today]
    earlier = sorted((c for c in checkins if c.day < recent_from), key=lambda c: c.day)
    if not earlier:
        return [], recent
    until = earlier[0].day + timedelta(days=RULE.window_days - 1)
    return [c for c in earlier if c.day <= until], recent


def _weeks(first: date, today: date, per_week: Counter[date]) -> dict[date, bool]:
    decided: dict[date, bool] = {}
    week, this_week = monday(first), monday(today)
    while week <= this_week:
        on = per_week[week] >= NEEDED
        if week < this_week or on:
            decided[week] = on
        week += timedelta(days=7)
    return decided


def _group(checkins: Sequence[CheckIn], weeks: set[date]) -> WeekGroup:
    chosen = [c for c in checkins if monday(c.day) in weeks]
    return WeekGroup(
        weeks=len({monday(c.day) for c in chosen}),
        foot=round(fmean(c.foot for c in chosen), 1) if chosen else None,
        back=round(fmean(c.back for c in chosen), 1) if chosen else None,
    )


def oracle(
    checkins: Sequence[CheckIn], session_days: Sequence[date], today: date
) -> tuple[PainChange, PainChange, PainByPractice]:
    """The pain verdicts and pain beside practice, from every check-in and every session's local day."""
    start, recent = _windows(checkins, today)
    per_week = Counter(monday(d) for d in session_days if d <= today)
    first = min((c.day for c in checkins), default=None)
    weeks = {} if first is None else _weeks(first, today, per_week)
    by = PainByPractice(
        on_target=_group(checkins, {w for w, on in weeks.items() if on}),
        below_target=_group(checkins, {w for w, on in weeks.items() if not on}),
        note=CONTENT.text.association,
    )
    foot = pain_change(start, recent, lambda c: c.foot, RULE)
    return foot, pain_change(start, recent, lambda c: c.back, RULE), by


def _assert_same(result: Progress, checkins: Sequence[CheckIn], session_days: Sequence[date]) -> None:
    foot, back, by = oracle(checkins, session_days, result.today)
    assert (result.foot_pain, result.back_pain) == (foot, back)
    assert result.pain_by_practice == by
    by_day = {c.day: c for c in checkins}
    assert result.series.foot == [by_day[d].foot if d in by_day else None for d in result.series.days]
    assert result.series.back == [by_day[d].back if d in by_day else None for d in result.series.days]


def _checkin(day: date, foot: int, back: int) -> CheckIn:
    return CheckIn(day=day, foot=foot, back=back, created_at=datetime(2026, 1, 1, tzinfo=UTC))


def _save(store: Store, checkins: Sequence[CheckIn]) -> None:
    with store.transaction() as conn:
        conn.executemany(
            _INSERT,
            [(c.day.isoformat(), c.foot, c.back, None, "[]", c.created_at.isoformat()) for c in checkins],
        )


# Days before today (a negative one is ahead: a check-in written in a time zone ahead), and pains.
CHECKINS = st.dictionaries(
    st.integers(min_value=-2, max_value=140),
    st.tuples(st.integers(0, 10), st.integers(0, 10)),
    max_size=80,
)
# Sessions: days before today and the UTC hour they started (some land on another local day).
SESSIONS = st.lists(st.tuples(st.integers(min_value=-1, max_value=140), st.integers(0, 23)), max_size=60)
OFFSETS = st.sampled_from([-10 * 60, -5 * 60, 0, 60, 5 * 60 + 30, 13 * 60])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(CHECKINS, SESSIONS, OFFSETS, st.integers(0, 23))
def test_sql_aggregates_give_the_progress_every_checkin_gave(
    days: dict[int, tuple[int, int]], sessions: list[tuple[int, int]], offset: int, hour: int
) -> None:
    zone = timezone(timedelta(minutes=offset))
    now = datetime(TODAY.year, TODAY.month, TODAY.day, hour, 30, tzinfo=zone)
    today = now.date()
    checkins = [_checkin(today - timedelta(days=d), f, b) for d, (f, b) in sorted(days.items())]
    starts = [
        datetime(today.year, today.month, today.day, h, 10, tzinfo=UTC) - timedelta(days=d)
        for d, h in sessions
    ]
    with tempfile.TemporaryDirectory() as folder, open_store(Path(folder) / "data") as store:
        _save(store, checkins)
        for start in starts:
            add_session(store, start)
        result = read_progress(store, now, review_days=7)
    _assert_same(result, checkins, [s.astimezone(zone).date() for s in starts])


def _on_target_weeks(store: Store, first_monday: date, weeks: int) -> list[date]:
    """Enough sessions (at 08:00 UTC) on Monday..Wednesday of each of `weeks` weeks."""
    days = [first_monday + timedelta(days=7 * w + n) for w in range(weeks) for n in range(NEEDED)]
    for day in days:
        add_session(store, datetime(day.year, day.month, day.day, 8, tzinfo=UTC))
    return days


@pytest.mark.parametrize(
    ("sessions_this_week", "this_week_counts"), [(NEEDED - 1, False), (NEEDED, True)], ids=["below", "on"]
)
def test_this_week_joins_the_weeks_on_target_only_once_it_is_on_target(
    home: Path, sessions_this_week: int, this_week_counts: bool
) -> None:
    # Sunday 2026-03-29 ends a week; today is Tuesday 31 March and Monday 30 March began this week.
    now = datetime(2026, 4, 5, 20, tzinfo=UTC)  # Sunday: this week's sessions may all be done
    this_week = monday(now.date())
    checkins = [_checkin(this_week - timedelta(days=d), 8, 2) for d in range(1, 8)]  # last week: below
    checkins += [_checkin(this_week + timedelta(days=d), 2, 6) for d in range(0, 7)]
    with open_store(home) as store:
        _save(store, checkins)
        days = [this_week + timedelta(days=n) for n in range(sessions_this_week)]
        for day in days:
            add_session(store, datetime(day.year, day.month, day.day, 8, tzinfo=UTC))
        result = read_progress(store, now, review_days=7)
    by = result.pain_by_practice
    assert by.below_target == WeekGroup(weeks=1, foot=8.0, back=2.0)
    expected = (
        WeekGroup(weeks=1, foot=2.0, back=6.0)
        if this_week_counts
        else WeekGroup(weeks=0, foot=None, back=None)
    )
    assert by.on_target == expected
    _assert_same(result, checkins, days)


def test_weeks_on_and_below_target_average_their_own_checkins(home: Path) -> None:
    now = datetime(2026, 3, 31, 20, tzinfo=UTC)
    first = monday(now.date()) - timedelta(days=7 * 6)
    checkins = [_checkin(first + timedelta(days=d), d % 11, (3 * d) % 11) for d in range(0, 44, 2)]
    with open_store(home) as store:
        _save(store, checkins)
        days = _on_target_weeks(store, first, 3)  # the first three weeks on target, the next three not
        result = read_progress(store, now, review_days=7)
    by = result.pain_by_practice
    assert (by.on_target.weeks, by.below_target.weeks) == (3, 3)
    _assert_same(result, checkins, days)


@pytest.mark.parametrize(
    ("column", "value"),
    [(c, v) for table, c, v in DAMAGE if table == "checkins"] + [("foot", 4.5), ("day", "2025-3-01")],
)
def test_a_damaged_checkin_is_left_out_of_the_sums_as_out_of_the_list(
    home: Path, column: str, value: object
) -> None:
    now = datetime(2026, 3, 31, 20, tzinfo=UTC)
    first = monday(now.date()) - timedelta(days=7 * 5)
    checkins = [_checkin(first + timedelta(days=d), d % 9, 9 - d % 9) for d in range(0, 40)]
    with open_store(home) as store:
        _save(store, checkins)
        days = _on_target_weeks(store, first, 2)
        with store.transaction() as conn:
            conn.execute("PRAGMA ignore_check_constraints = ON")
            conn.execute(
                f"UPDATE checkins SET {column} = ? WHERE day = ?", (value, checkins[3].day.isoformat())
            )
        readable = list_checkins(store)
        result = read_progress(store, now, review_days=7)
    # Every value here but the notes (any text is a note; TEXT affinity stores 12345 as text) makes
    # the row unreadable: it is skipped when rows are read, and must be left out of the sums too.
    assert len(readable) == len(checkins) - (column != "note")
    _assert_same(result, readable, days)
