"""Reading what the daily-loop commands need from the store (never creating it)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from footback.daily.progress import NO_PRACTICE, PlanStatus, PracticeFacts, Progress, Series, progress

if TYPE_CHECKING:
    from footback.daily.content import PracticeRule
    from footback.daily.ics import Reminder
    from footback.models.checkin import CheckIn
    from footback.records.db import Store


def load_progress(folder: Path, now: datetime) -> Progress:
    """Progress up to `now`'s local day; an empty result when nothing is stored yet."""
    from footback.daily.content import load_daily_content
    from footback.records.db import read_store

    found = read_store(folder, lambda store: read_progress(store, now))
    if found is None:
        return progress([], NO_PRACTICE, today=now.date(), content=load_daily_content())
    return found


def read_progress(store: Store, now: datetime) -> Progress:
    """Progress up to `now`'s local day: the one reading behind `footback progress`, the report and
    the plan's review. Every check-in is read; sessions only through SQL aggregates, so the rows
    read grow with the days checked in (and the streak), never with the sessions stored."""
    from footback.records.checkins import list_checkins

    return progress_of(store, now, list_checkins(store))


def checked_in_progress(store: Store, now: datetime) -> Progress | None:
    """`read_progress`, or None (and no session read) when no check-in is stored: the report's section."""
    from footback.records.checkins import list_checkins

    checkins = list_checkins(store)
    return progress_of(store, now, checkins) if checkins else None


def progress_of(store: Store, now: datetime, checkins: list[CheckIn]) -> Progress:
    """`read_progress` for check-ins the caller has already read (every one stored)."""
    from footback.daily.content import load_daily_content

    content = load_daily_content()
    first = checkins[0].day if checkins else None
    facts = _practice_facts(store, now, first, content.practice)
    return progress(checkins, facts, today=now.date(), content=content, plan=_plan_status(store))


def _practice_facts(
    store: Store, now: datetime, first_checkin: date | None, rule: PracticeRule
) -> PracticeFacts:
    """Sessions that count, up to `now`'s local day, as SQL aggregates (see `PracticeFacts`)."""
    from footback.daily.progress import chart_span, monday, recent_span, sessions_needed
    from footback.records.history import current_streak
    from footback.records.stretch_sessions import (
        counted_totals,
        first_active_day,
        sessions_per_day,
        sessions_per_week,
        weeks_with_sessions,
    )
    from footback.records.window import offset_of

    today, offset = now.date(), offset_of(now)
    recent, seconds = counted_totals(store, *recent_span(today), offset)
    span = chart_span(today, rule.chart_days)
    weeks_from = monday(min(first_checkin or today, today))
    return PracticeFacts(
        first_day=first_active_day(store, today, offset),
        weeks_on_target=weeks_with_sessions(store, today, sessions_needed(rule), offset),
        per_week=sessions_per_week(store, weeks_from, today, offset),
        recent=recent,
        recent_seconds=seconds,
        streak_days=current_streak(store, now),
        per_day=sessions_per_day(store, span[0], span[-1], offset),
    )


def _plan_status(store: Store) -> PlanStatus:
    """The plan's level, next review and reason, from its latest change."""
    from footback.plan.build import load_plan_content
    from footback.records.plan_changes import latest_change

    latest = latest_change(store)
    if latest is None:
        return PlanStatus()
    days = timedelta(days=load_plan_content().progression.review_days)
    return PlanStatus(level=latest.level, next_review=latest.created_at.date() + days, reason=latest.reason)


def _known_routines(plan_saved: bool) -> list[str]:
    from footback.core.models import PLAN_NAME
    from footback.stretch import catalogue

    return [*catalogue.names(), *([PLAN_NAME] if plan_saved else [])]


def _minutes(folder: Path, name: str) -> int:
    """A routine's length in whole minutes, for the calendar event (10 when it cannot be read)."""
    from footback.core.errors import FootbackError
    from footback.core.models import PLAN_NAME
    from footback.plan.build import load_saved_plan
    from footback.stretch import catalogue

    try:
        routine = load_saved_plan(folder) if name == PLAN_NAME else catalogue.load_builtin(name)
    except FootbackError:
        return 10
    return max(1, round(routine.total_seconds() / 60))


def write_reminders(
    folder: Path, path: Path, *, at: list[str], routine: str | None, now: datetime
) -> list[Reminder]:
    """Write the iCalendar file of daily reminders; returns what it holds."""
    from footback import __version__
    from footback.core.files import write_output
    from footback.core.paths import plan_path
    from footback.daily.content import load_daily_content
    from footback.daily.ics import calendar
    from footback.daily.remind import chosen_slots, reminders

    rule = load_daily_content().remind
    saved = plan_path(folder).is_file()
    slots = chosen_slots(rule, at=at, routine=routine, plan_saved=saved, known=_known_routines(saved))
    made = reminders(rule, slots, lambda name: _minutes(folder, name))
    # Same rules as --output: never into footback's own folder, a device is written in place, - is stdout.
    write_output(path, calendar(made, stamp=now, start=now.date(), version=__version__), folder, "--ics")
    return made


def due_now(folder: Path, now: datetime) -> list[str]:
    """What is still due today at `now` (local): routines whose time has come, and the check-in."""
    from footback.assess.gate import open_gate
    from footback.core.paths import plan_path
    from footback.daily.content import load_daily_content
    from footback.daily.remind import day_slots, due_items
    from footback.records.checkins import checkin_on
    from footback.records.db import open_existing_store
    from footback.records.stretch_sessions import newest_sessions
    from footback.records.window import offset_of

    rule = load_daily_content().remind
    slots = day_slots(rule, plan_saved=plan_path(folder).is_file())
    done: set[str] = set()
    checked_in = False
    gate = None
    store = open_existing_store(folder)
    if store is not None:
        with store:
            checked_in = checkin_on(store, now.date()) is not None
            today = newest_sessions(store, since=now.date(), offset_minutes=offset_of(now))
            done = {s.routine for s in today if s.counts}
            gate = open_gate(store)
    if gate is not None:
        # A warning sign waits for a clinician: stretch and plan refuse, so no routine is due.
        reported = f"{gate.reported_at.astimezone(now.tzinfo):%Y-%m-%d}"
        checkin = due_items(now, slots, {s.routine for s in slots}, checked_in, rule.checkin_after_last)
        return [rule.due_gate.format(date=reported), *checkin]
    return due_items(now, slots, done, checked_in, rule.checkin_after_last)


def daily_for_history(
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
    from footback.daily.progress import chart_span, series
    from footback.records.checkins import list_checkins
    from footback.records.stretch_sessions import sessions_per_day
    from footback.records.window import offset_of

    days = load_daily_content().practice.chart_days
    span = chart_span(now.date(), days)
    counts = sessions_per_day(store, span[0], span[-1], offset_of(now))
    checkins = [c for c in list_checkins(store, since=span[0]) if c.day <= span[-1]]
    return series(checkins, counts, now.date(), days)
