"""Years of daily use at any scale, for the scaling benchmark (bench/scaling.py) and the tests.

`seed_daily_use(store, years=5, scale=N)` stores what N people's worth of daily use would put in
one store, bulk-inserted (one `executemany` per table inside one transaction) into a store that
footback's own `open_store` made, so the schema, indexes and uid triggers are the shipped ones:

- played (timed) sessions and weekly assessments: `history_seed.seed_years`, N a day and N a week,
  the sessions with the clock's UTC offset as the player keeps it (since migration 70);
- logged sessions (`footback log`): N on two days in ten, days that have a played routine too, so
  the tenth day stays missed and the streak stays a realistic one (at most nine days), stored as
  `records.stretch_sessions.save_logged` stores one (local noon, the `logged` detail mark, the
  clock's UTC offset);
- plan changes: N a week (a weekly review stepping up, staying or stepping back, levels 1-6),
  with the clock's UTC offset as footback keeps it (migration 100);
- function ratings (PSFS): N every four weeks, two activities whose ratings climb slowly;
- check-ins: one a day at most (the store keeps one per local day), so N times the check-ins
  means N times the span: 5 years at 1x, 50 at 10x. The one date range (core/dates: from
  1900-01-01) stops the span, so 100x of five years (500 years) is cut at 1900-01-02: about 127
  years, about 25 times 1x. Every seventh day is missed; pain drifts slowly (a slow wave plus
  small day-to-day noise, seeded, so every run makes the same store).
"""

from __future__ import annotations

import json
import math
import random
from datetime import date, datetime, timedelta
from pathlib import Path

from footback.core.dates import EARLIEST
from footback.records.db import Store
from footback.records.stretch_sessions import LOGGED
from footback.records.window import offset_of
from tests.support.history_seed import NOW, at, seed_years

# Of every ten days; not day 9, on which the played routine is missed: logging one then would make
# one unbroken streak of five years, whose reading grows with the sessions in it.
LOGGED_DAYS = (4, 7)
PSFS_DAYS = 28
ACTIVITIES = json.dumps(["walking 30 minutes", "standing at work"])
NOTES = ("long walk", "new shoes", "sat all day", "stairs were fine")
LEVELS = 6  # data/plan.toml progression.levels
_REASON = "Weekly review (generated): level {level}."


def checkin_span(years: int, scale: int, end: date) -> tuple[date, int]:
    """The first check-in day and how many days it covers: `years * scale` years before `end`,
    no earlier than the day after core.dates.EARLIEST (a check-in a day before it would leave the
    one date range in a time zone behind)."""
    first = max(end - timedelta(days=365 * years * scale), EARLIEST + timedelta(days=1))
    return first, (end - first).days


def pain(day_number: int, rng: random.Random, base: float, period: float) -> int:
    """A 0-10 pain score drifting round `base` on a slow wave, with small daily noise."""
    value = base + 2.0 * math.sin(day_number / period) + rng.choice((-1, 0, 0, 0, 1))
    return max(0, min(10, round(value)))


def _checkins(years: int, scale: int, end: datetime) -> list[tuple[object, ...]]:
    rng = random.Random(22)
    span = checkin_span(years, scale, end.date())[1]
    rows: list[tuple[object, ...]] = []
    for ago in range(span, -1, -1):
        if ago % 7 == 3:
            continue
        day = end.date() - timedelta(days=ago)
        foot, back = pain(ago, rng, 4.0, 45.0), pain(ago, rng, 3.5, 60.0)
        note = NOTES[ago // 30 % len(NOTES)] if ago % 30 == 0 else None
        written = min(at(ago, 21, end), end)  # today's is not written in the future
        rows.append((day.isoformat(), foot, back, note, "[]", written.isoformat()))
    return rows


def _logged(years: int, scale: int, end: datetime) -> list[tuple[object, ...]]:
    detail = json.dumps({LOGGED: True, "ended_by": LOGGED, "steps_total": 4}, sort_keys=True)
    offset = offset_of(end)
    return [
        (at(ago, 12, end).isoformat(), "feet", 300.0, 600.0 + n, 4, 0, 1, detail, offset)
        for ago in range(365 * years, -1, -1)
        if ago % 10 in LOGGED_DAYS
        for n in range(scale)
    ]


def _plan_changes(years: int, scale: int, end: datetime) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    level, offset = 1, offset_of(end)
    for week, ago in enumerate(range(365 * years, 6, -7)):
        for n in range(scale):
            step = (week + n) % 3  # up, stay, back in turn, kept within the levels
            new = min(LEVELS, level + 1) if step == 0 else max(1, level - 1) if step == 2 else level
            action = "up" if new > level else "back" if new < level else "stay"
            when = at(ago, 19, end).isoformat()
            rows.append((when, action, new, level, _REASON.format(level=new), offset))
            level = new
    return rows


def _ratings(years: int, scale: int, end: datetime) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for ago in range(365 * years, -1, -PSFS_DAYS):
        ratings = json.dumps([3 + (365 * years - ago) // 400 % 6, 4 + (365 * years - ago) // 500 % 5])
        day = (end.date() - timedelta(days=ago)).isoformat()
        rows += [(day, ACTIVITIES, ratings, min(at(ago, 20, end), end).isoformat())] * scale
    return rows


def seed_daily_use(
    store: Store, *, years: int = 5, scale: int = 1, end: datetime = NOW, session_scale: int | None = None
) -> dict[str, int]:
    """`years` of daily use before `end` at `scale` (see the module docstring), the sessions
    (played and logged) at `session_scale` when given; the number of rows per kind: played and
    logged sessions, assessments, check-ins, plan changes, function ratings."""
    sessions = scale if session_scale is None else session_scale
    counts = seed_years(
        store, years=years, per_day=sessions, per_week=scale, end=end, utc_offset=offset_of(end)
    )
    logged = _logged(years, sessions, end)
    checkins = _checkins(years, scale, end)
    changes = _plan_changes(years, scale, end)
    ratings = _ratings(years, scale, end)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,"
            " steps_done, steps_skipped, finished, detail, utc_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            logged,
        )
        conn.executemany(
            "INSERT INTO checkins (day, foot, back, note, warning_signs, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            checkins,
        )
        conn.executemany(
            "INSERT INTO plan_changes (created_at, action, level, previous, reason, utc_offset)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            changes,
        )
        conn.executemany(
            "INSERT INTO psfs_ratings (day, activities, ratings, created_at) VALUES (?, ?, ?, ?)", ratings
        )
    return {
        "played sessions": counts["stretch_sessions"],
        "logged sessions": len(logged),
        "assessments": counts["assessments"],
        "check-ins": len(checkins),
        "plan changes": len(changes),
        "function ratings": len(ratings),
    }


def save_a_plan(folder: Path, now: datetime) -> None:
    """Save the plan the latest assessment gives, as `footback plan` at `now` would (its "start"
    change included), so `plan --review` and `stretch --routine plan` have one to read."""
    from footback.plan.service import PlanRequest, make_plan
    from tests.support.context import fake_context, set_wall

    env = fake_context(folder, folder.parent / "config.toml")
    set_wall(env, now)
    if make_plan(env, PlanRequest(save=True)).saved_to is None:
        raise AssertionError(f"the store in {folder} gives no plan")
