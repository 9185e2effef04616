"""Reading progress from the store (never creating it): the one reading behind `footback
progress`, the report's progress section, the plan's review and history's pain verdicts.

The plan's review period is passed in by the caller (the plan's content is not daily's to read),
so `daily/` knows nothing of `plan/`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from footback.core.dates import next_due
from footback.daily.progress import NO_PRACTICE, PlanStatus, Progress, Series, progress

if TYPE_CHECKING:
    from datetime import date

    from footback.daily.function import FunctionChange
    from footback.models.checkin import CheckIn
    from footback.records.db import Store


def load_progress(folder: Path, now: datetime, *, review_days: int) -> Progress:
    """Progress up to `now`'s local day; an empty result when nothing is stored yet."""
    from footback.daily.content import load_daily_content
    from footback.records.db import read_store

    found = read_store(folder, lambda store: read_progress(store, now, review_days=review_days))
    if found is None:
        return progress([], NO_PRACTICE, today=now.date(), content=load_daily_content())
    return found


def read_progress(store: Store, now: datetime, *, review_days: int) -> Progress:
    """Progress up to `now`'s local day. Every check-in is read; sessions only through the
    aggregates of `daily.practice`, so the rows read grow with the days checked in (and the
    streak), never with the sessions stored."""
    from footback.records.checkins import list_checkins

    return progress_of(store, now, list_checkins(store), review_days=review_days)


def checked_in_progress(store: Store, now: datetime, *, review_days: int) -> Progress | None:
    """`read_progress`, or None (and no session read) when no check-in is stored: the report's section."""
    from footback.records.checkins import list_checkins

    checkins = list_checkins(store)
    return progress_of(store, now, checkins, review_days=review_days) if checkins else None


def progress_of(store: Store, now: datetime, checkins: list[CheckIn], *, review_days: int) -> Progress:
    """`read_progress` for check-ins the caller has already read (every one stored)."""
    from footback.daily.content import load_daily_content
    from footback.daily.practice import read_practice

    content = load_daily_content()
    first = checkins[0].day if checkins else None
    facts = read_practice(store, now, first, content.practice)
    plan = plan_status(store, review_days, now)
    result = progress(checkins, facts, today=now.date(), content=content, plan=plan)
    return result.model_copy(update={"function": read_function(store)})


def read_function(store: Store) -> FunctionChange | None:
    """The function score's first rating set against the latest (None when none is stored)."""
    from footback.content.loader import sources
    from footback.daily.content import load_daily_content
    from footback.daily.function import function_change
    from footback.records.psfs import list_ratings

    rule = load_daily_content().function
    sentence = rule.rule.format(points=rule.meaningful_points, sources=sources().briefs(rule.sources))
    return function_change(list_ratings(store), rule, sentence)


def plan_status(store: Store, review_days: int, now: datetime) -> PlanStatus:
    """The plan's level, next review (core.dates.next_due, as `plan` counts it, from the local day
    of the latest change: records/window.py) and reason."""
    from footback.records.plan_changes import change_day, latest_change

    today = now.date()
    latest = latest_change(store, today)
    if latest is None:
        return PlanStatus()
    next_review = next_due(change_day(latest, now), today, timedelta(days=review_days))
    return PlanStatus(level=latest.level, next_review=next_review, reason=latest.reason)


def checkin_verdicts(
    store: Store, *, since: date | None, now: datetime
) -> tuple[list[CheckIn], Progress | None]:
    """The check-ins `history` lists (from `since`) and the pain verdicts shown beside them.

    Without check-ins nothing more is read; the verdicts come from check-ins alone (history reads no
    sessions: its cost must not grow with everything stored, issue 12)."""
    from footback.daily.content import load_daily_content
    from footback.records.checkins import list_checkins

    everything = list_checkins(store)
    if not everything:
        return [], None
    shown = [c for c in everything if since is None or c.day >= since]
    result = progress(everything, NO_PRACTICE, today=now.date(), content=load_daily_content())
    return shown, result


def chart_series(store: Store, now: datetime) -> Series:
    """Pain and sessions per day for the chart window: the series `footback progress --json` gives,
    read with one row a day (the report must not read every session ever stored)."""
    from footback.daily.content import load_daily_content
    from footback.daily.practice import sessions_by_day
    from footback.daily.progress import chart_span, series
    from footback.records.checkins import list_checkins

    days = load_daily_content().practice.chart_days
    span = chart_span(now.date(), days)
    counts = sessions_by_day(store, now, days)
    checkins = [c for c in list_checkins(store, since=span[0]) if c.day <= span[-1]]
    return series(checkins, counts, now.date(), days)
