"""Practice as the store counts it: sessions that count, read as aggregates (never row by row).

Each reader here returns counts, sums or day/week series computed in SQL by the sessions
repository, so what it reads grows with the days asked about, not with the sessions stored;
`progress`, `history` and the report all read practice through these functions.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

# daily.progress (and its result models) is imported by the functions that use it: `due` and the
# shell prompt's refresh after every write read only `routines_done` (start-up).
if TYPE_CHECKING:
    from footback.daily.content import PracticeRule
    from footback.daily.progress import PracticeFacts
    from footback.records.db import Store


def streak(days: set[date], today: date) -> int:
    """Days in a row with a routine, ending today; a streak stays alive until today ends."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


# The streak is looked for in a window of days that doubles until the streak ends inside it.
_FIRST_WINDOW_DAYS = 32
_MAX_WINDOW_DAYS = 366 * 200


def current_streak(store: Store, now: datetime) -> int:
    """The streak, from the distinct active days SQL finds in a window that grows only while the
    streak fills it: the rows read grow with the streak's length, not with what is stored. Each
    widening reads only the days it adds."""
    from footback.records.session_days import active_days
    from footback.records.window import offset_of

    today = now.date()
    days: set[date] = set()
    window, last = _FIRST_WINDOW_DAYS, today
    while True:
        first = today - timedelta(days=window)
        days |= active_days(store, first, last, offset_of(now))
        run = streak(days, today)
        if run < window - 1 or window >= _MAX_WINDOW_DAYS:
            return run
        window, last = window * 2, first - timedelta(days=1)


def week_minutes(store: Store, now: datetime) -> float:
    """Minutes stretched since Monday 00:00 of this week, in now's time zone (summed in SQL)."""
    from footback.core.dates import monday
    from footback.records.stretch_sessions import session_totals
    from footback.records.window import offset_of

    first = monday(now.date())
    return round(session_totals(store, first, now.date(), offset_of(now)).seconds / 60, 1)


def routines_done(store: Store, now: datetime) -> set[str]:
    """The routines with a session that counts (played or logged) on `now`'s local day."""
    from footback.records.stretch_sessions import newest_sessions
    from footback.records.window import offset_of

    today = newest_sessions(store, since=now.date(), offset_minutes=offset_of(now))
    return {s.routine for s in today if s.counts}


def sessions_by_day(store: Store, now: datetime, days: int) -> dict[date, int]:
    """Sessions that count on each of the last `days` local days up to `now` (the chart's days)."""
    from footback.daily.progress import chart_span
    from footback.records.stretch_sessions import sessions_per_day
    from footback.records.window import offset_of

    span = chart_span(now.date(), days)
    return sessions_per_day(store, span[0], span[-1], offset_of(now))


def read_practice(store: Store, now: datetime, rule: PracticeRule, weeks_on_target: int) -> PracticeFacts:
    """Sessions that count, up to `now`'s local day, as aggregates (see `PracticeFacts`); the weeks
    on target are counted with pain beside practice (`records.checkins.week_sums`)."""
    from footback.core.dates import monday
    from footback.daily.progress import PracticeFacts, recent_span
    from footback.records.session_days import first_active_day
    from footback.records.stretch_sessions import counted_totals
    from footback.records.window import offset_of

    today, offset = now.date(), offset_of(now)
    recent, seconds = counted_totals(store, *recent_span(today), offset)
    return PracticeFacts(
        first_day=first_active_day(store, today, offset),
        weeks_on_target=weeks_on_target,
        this_week=counted_totals(store, monday(today), today, offset)[0],
        recent=recent,
        recent_seconds=seconds,
        streak_days=current_streak(store, now),
        per_day=sessions_by_day(store, now, rule.chart_days),
    )
