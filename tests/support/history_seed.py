"""Filling a store with realistic records for the history, report and transfer tests."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from footback.assess.content import load_assess_content
from footback.assess.service import assess as score_answers
from footback.content.questions import Answers, Value
from footback.core.cited import citing
from footback.records.assessments import save_assessment
from footback.records.db import Store, open_store
from tests.support.helpers import back_pain_answers, no_problem_answers
from tests.support.templates import seeded_copy

# A fixed clock: Thursday 2025-03-13 20:00 at UTC+1 (the week began Monday 2025-03-10).
TZ = timezone(timedelta(hours=1))
NOW = datetime(2025, 3, 13, 20, 0, tzinfo=TZ)


def at(days_ago: float, hour: int = 8, end: datetime = NOW) -> datetime:
    """A moment `days_ago` days before `end`'s date, at `hour` in its zone, stored as UTC like footback."""
    local = end.replace(hour=hour, minute=0, second=0, microsecond=0) - timedelta(days=days_ago)
    return local.astimezone(UTC)


def add_assessment(store: Store, answers: Answers, when: datetime) -> None:
    content = load_assess_content()
    save_assessment(store, answers, score_answers(content, answers), when, citer=content.sources)


def add_session(
    store: Store,
    when: datetime,
    routine: str = "feet",
    seconds: float = 300,
    *,
    finished: bool = True,
    steps_done: int = 4,
) -> None:
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,"
            " steps_done, steps_skipped, finished, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                when.isoformat(timespec="seconds"),
                routine,
                300.0,
                seconds,
                steps_done,
                0 if finished else 4 - steps_done,
                int(finished),
                json.dumps({"ended_by": "finished" if finished else "quit"}),
            ),
        )


def add_check(store: Store, when: datetime, pair: str | None, **answers: Value) -> None:
    from footback.records.shoes import save_check
    from footback.shoes.check import check_shoes
    from footback.shoes.content import load_shoe_content
    from tests.support.shoes_helpers import good_pair

    given, content = good_pair(**answers), load_shoe_content()
    save_check(store, given, check_shoes(content, given), when, pair, citer=content.sources)


def heel_and_back_answers() -> Answers:
    """Heel pain on first steps, a tight calf and back pain that bothers a lot."""
    return back_pain_answers(
        foot_pain="often",
        foot_pain_areas=["heel"],
        foot_pain_level=6,
        foot_pain_weeks=10,
        first_step_pain=True,
        calf_tight=True,
        leg_pain=True,
        walk_limited=True,
        fear_activity=True,
        worry=True,
        pain_never_better=True,
        no_enjoyment=True,
    )


def seed_full(folder: Path) -> None:
    """Three assessments, a run of sessions and two checked pairs (copied from a template)."""
    seeded_copy(folder, _seed_full)


def _seed_full(folder: Path) -> None:
    with open_store(folder) as store:
        add_assessment(store, no_problem_answers(), at(40))
        add_assessment(store, back_pain_answers(), at(20))
        add_assessment(store, heel_and_back_answers(), at(1))
        for days in (0, 1, 2, 5):
            add_session(store, at(days), "feet", 300)
        add_session(store, at(3), "back", 90, finished=False, steps_done=1)
        add_session(store, at(45), "full", 600)
        add_check(store, at(4), "trail runners")
        add_check(store, at(2), "office", shoe_type="everyday")


def seed_years(
    store: Store,
    *,
    years: int,
    per_day: int = 1,
    end: datetime = NOW,
    per_week: int | None = None,
    utc_offset: int | None = None,
) -> dict[str, int]:
    """A daily routine (`per_day` of them) and a weekly assessment (`per_week`, else `per_day`)
    for `years` years before `end`, with every tenth day missed; bulk-inserted, so a big store is
    quick to make. The routines keep `utc_offset` (None: none kept, as before migration 70).
    Used by the tests and by bench/ (via tests/support/scale_seed.py). Returns the number of rows
    per table."""

    content = load_assess_content()
    result = score_answers(content, back_pain_answers())
    result_json = result.model_dump_json(context=citing(content.sources))
    answers = json.dumps(back_pain_answers(), sort_keys=True)
    scores = (result.scores.foot.score, result.scores.back.score, result.scores.link.score)
    days = 365 * years
    sessions = [
        (
            at(day, 7 + n % 12, end).isoformat(),
            "feet",
            300.0,
            290.0 + n,
            4,
            0,
            1,
            '{"ended_by": "finished"}',
            utc_offset,
        )
        for day in range(days, -1, -1)
        if day % 10 != 9
        for n in range(per_day)
    ]
    assessments = [
        (at(day, 9 + n % 8, end).isoformat(), int(result.urgent), *scores, answers, result_json)
        for day in range(days, -1, -7)
        for n in range(per_day if per_week is None else per_week)
    ]
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds,"
            " steps_done, steps_skipped, finished, detail, utc_offset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            sessions,
        )
        conn.executemany(
            "INSERT INTO assessments (created_at, urgent, foot_score, back_score, link_score,"
            " answers, result) VALUES (?, ?, ?, ?, ?, ?, ?)",
            assessments,
        )
    return {"stretch_sessions": len(sessions), "assessments": len(assessments)}


def seed_typical(folder: Path) -> None:
    """A typical month: `seed_full`, check-ins on most of the last four weeks, routines on most
    days and a saved plan (the report's second page: the day chart and the plan's figures); copied
    from a template."""
    seeded_copy(folder, _seed_typical)


def _seed_typical(folder: Path) -> None:
    from footback.models.checkin import CheckIn
    from footback.plan.service import PlanRequest, make_plan
    from footback.records.checkins import save_checkin
    from tests.support.context import fake_context, set_wall

    seed_full(folder)
    with open_store(folder) as store:
        for days in range(27, -1, -1):
            if days % 5 == 4:
                continue  # a missed day now and then: a gap in the pain lines
            foot, back = 3 + days // 7, 2 + days // 9
            save_checkin(
                store,
                CheckIn(day=NOW.date() - timedelta(days=days), foot=foot, back=back, created_at=at(days, 21)),
            )
            if days > 5 and days % 3:
                add_session(store, at(days, 7), "feet", 300)
    env = fake_context(folder, folder / "config.toml")
    set_wall(env, NOW)
    assert make_plan(env, PlanRequest(save=True)).saved_to
