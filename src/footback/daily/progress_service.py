"""Reading progress from the store (never creating it): the one reading behind `footback
progress`, the report's progress section and the plan's review (history's pain verdicts:
daily/pain.py).

What it reads does not grow with what is stored: check-ins are read as the rows of the two pain
windows and of the chart's days, the first check-in's day on the day index, and pain beside
practice as two rows of sums from SQL; sessions only through the aggregates of `daily.practice`.

The plan's review period is passed in by the caller (the plan's content is not daily's to read),
so `daily/` knows nothing of `plan/`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from footback.core.dates import monday, next_due
from footback.daily.pain import pain_rows
from footback.daily.progress import (
    NO_CHECKINS,
    NO_PRACTICE,
    CheckinFacts,
    PlanStatus,
    Progress,
    Series,
    chart_span,
    progress,
    series,
    sessions_needed,
)

if TYPE_CHECKING:
    from datetime import date

    from footback.daily.content import DailyContent
    from footback.daily.function import FunctionChange
    from footback.records.db import Store


def load_progress(folder: Path, now: datetime, *, review_days: int) -> Progress:
    """Progress up to `now`'s local day; an empty result when nothing is stored yet."""
    from footback.daily.content import load_daily_content
    from footback.records.db import read_store

    found = read_store(folder, lambda store: read_progress(store, now, review_days=review_days))
    if found is None:
        return progress(NO_CHECKINS, NO_PRACTICE, today=now.date(), content=load_daily_content())
    return found


def read_progress(store: Store, now: datetime, *, review_days: int) -> Progress:
    """Progress up to `now`'s local day, from bounded reads (see the module's docstring)."""
    from footback.daily.content import load_daily_content
    from footback.daily.practice import read_practice

    content = load_daily_content()
    weeks_on_target, checkins = read_checkin_facts(store, now, content)
    facts = read_practice(store, now, content.practice, weeks_on_target)
    plan = plan_status(store, review_days, now)
    result = progress(checkins, facts, today=now.date(), content=content, plan=plan)
    return result.model_copy(update={"function": read_function(store)})


def checked_in_progress(store: Store, now: datetime, *, review_days: int) -> Progress | None:
    """`read_progress`, or None (and no session read) when no check-in is stored: the report's section."""
    from footback.records.checkins import first_checkin_day

    if first_checkin_day(store) is None:
        return None
    return read_progress(store, now, review_days=review_days)


def _pain_windows(store: Store, first_day: date | None, today: date, content: DailyContent) -> CheckinFacts:
    """The first check-in's day and the rows of the two pain windows (`daily.pain.pain_spans`)."""
    start, recent = pain_rows(store, first_day, today, content.pain)
    return CheckinFacts(first_day=first_day, start=start, recent=recent)


def read_checkin_facts(store: Store, now: datetime, content: DailyContent) -> tuple[int, CheckinFacts]:
    """The weeks on target (every week up to today) and what progress needs of the check-ins
    (`CheckinFacts`), in a handful of bounded reads."""
    from footback.records.checkins import checkins_between, first_checkin_day, week_sums
    from footback.records.session_days import weekly_counts_sql
    from footback.records.window import offset_of

    today = now.date()
    first = first_checkin_day(store)
    sessions = weekly_counts_sql(store, today, offset_of(now))
    # Pain beside practice looks at the weeks from the first check-in's on (none without one).
    first_week = monday(first) if first is not None else monday(today) + timedelta(days=7)
    needed = sessions_needed(content.practice)
    weeks, on, below = week_sums(store, first_week, monday(today), sessions, needed)
    if first is None:
        return weeks, NO_CHECKINS
    span = chart_span(today, content.practice.chart_days)
    chart = checkins_between(store, span[0], span[-1])
    windows = _pain_windows(store, first, today, content)
    return weeks, windows._replace(on_target=on, below_target=below, chart=chart)


def read_function(store: Store) -> FunctionChange | None:
    """The function score's first rating set against the latest (None when none is stored)."""
    from footback.content.loader import sources
    from footback.daily.content import load_daily_content
    from footback.daily.function import function_span
    from footback.records.psfs import rating_span

    span = rating_span(store)
    if span is None:
        return None
    rule = load_daily_content().function
    sentence = rule.rule.format(points=rule.meaningful_points, sources=sources().briefs(rule.sources))
    return function_span(*span, rule, sentence)


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


def chart_series(store: Store, now: datetime) -> Series:
    """Pain and sessions per day for the chart window: the series `footback progress --json` gives,
    read with one row a day (the report must not read every session ever stored)."""
    from footback.daily.content import load_daily_content
    from footback.daily.practice import sessions_by_day
    from footback.records.checkins import checkins_between

    days = load_daily_content().practice.chart_days
    span = chart_span(now.date(), days)
    counts = sessions_by_day(store, now, days)
    return series(checkins_between(store, span[0], span[-1]), counts, now.date(), days)
