"""The reading commands do as much work with ten times the sessions as with one (issue 22, target
1): weeks on target, pain beside practice, the streak and the first day come from the per-day
summary (records/session_days.py), not from every session. `Store.rows_read` cannot see this (an
aggregate over every session returns one row), so this counts SQLite's virtual-machine steps
(its progress handler, called every `STEP` instructions): a count, not a time.

Both stores hold the same days, check-ins and windows; the second has ten sessions on each day
older than the windows where the first has one, so only a read of every session could tell them
apart.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from footback.daily.progress_service import read_progress
from footback.history.render import ROWS_READ
from footback.history.service import shown_in
from footback.plan.content import load_plan_content
from footback.plan.levels import settle_level
from footback.records.db import Store, open_store
from footback.report.build import build_report
from footback.today.content import load_today_content
from footback.today.facts import _from_store
from tests.support.helpers import back_pain_answers
from tests.support.history_seed import NOW, add_assessment, at

DAYS = 400
RECENT = 60  # days as stored in both: every window a reading command reads is inside them
STEP = 100

_SESSION = (
    "INSERT INTO stretch_sessions (started_at, routine, planned_seconds, actual_seconds, steps_done,"
    " steps_skipped, finished, utc_offset) VALUES (?, 'feet', 300, 300, 4, 0, 1, 60)"
)


def _seed(store: Store, per_old_day: int) -> None:
    add_assessment(store, back_pain_answers(), at(30))
    with store.transaction() as conn:
        conn.executemany(
            _SESSION,
            [
                (at(day, 7 + n % 12).isoformat(),)
                for day in range(DAYS)  # every day: the streak reaches back into the old days
                for n in range(1 if day < RECENT else per_old_day)
            ],
        )
        conn.execute(
            "INSERT INTO plan_changes (created_at, action, level, previous, reason, utc_offset)"
            " VALUES (?, 'start', 1, NULL, 'start', 60)",
            (at(20).isoformat(),),
        )
        conn.executemany(
            "INSERT INTO checkins (day, foot, back, note, warning_signs, created_at)"
            " VALUES (?, ?, ?, NULL, '[]', ?)",
            [
                ((NOW.date() - timedelta(days=d)).isoformat(), d % 11, d % 7, at(d, 21).isoformat())
                for d in range(DAYS)
            ],
        )


def _steps(store: Store, read: Callable[[], object]) -> int:
    counted = [0]

    def count() -> int:
        counted[0] += 1
        return 0

    store.conn.set_progress_handler(count, STEP)
    try:
        read()
    finally:
        store.conn.set_progress_handler(None, STEP)
    return counted[0]


def _readings(store: Store, folder: Path) -> dict[str, Callable[[], object]]:
    steps, rule = load_today_content().next, load_plan_content().progression
    return {
        "progress": lambda: read_progress(store, NOW, review_days=7),
        "report": lambda: build_report(store, now=NOW),
        "history": lambda: shown_in(store, now=NOW, since=None, limit=ROWS_READ),
        "today": lambda: _from_store(store, folder, NOW, steps),
        "plan review": lambda: settle_level(store, rule, now=NOW, age=40, review_now=True, manual=None),
    }


def _work(folder: Path, per_old_day: int) -> dict[str, int]:
    with open_store(folder) as store:
        _seed(store, per_old_day)
        return {name: _steps(store, read) for name, read in _readings(store, folder).items()}


@pytest.fixture(scope="module")
def one_and_ten(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, int], dict[str, int]]:
    return _work(tmp_path_factory.mktemp("x1"), 1), _work(tmp_path_factory.mktemp("x10"), 10)


@pytest.mark.parametrize("reading", ["progress", "report", "history", "today", "plan review"])
def test_ten_times_the_sessions_cost_no_more_sql_steps(
    one_and_ten: tuple[dict[str, int], dict[str, int]], reading: str
) -> None:
    small, big = (work[reading] for work in one_and_ten)
    assert small > 0
    assert big == small, (reading, small, big)
