"""The reading commands read as many rows with ten times the check-ins (and ten times the years of
sessions, assessments and plan changes) as with one: counts, sums and means come from SQL, only shown rows
are read (issue 22, target 1). `Store.rows_read` counts every row fetched.

`history --json` writes every record, so it reads one row per record written and a fixed number
more: that number must not grow either.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest

from footback.daily.progress_service import read_progress
from footback.history.render import ROWS_READ
from footback.history.service import shown_in
from footback.history.stream import write_store
from footback.plan.content import load_plan_content
from footback.plan.levels import settle_level
from footback.records.db import Store, open_store
from footback.report.build import build_report
from footback.today.content import load_today_content
from footback.today.facts import _from_store
from tests.support.history_seed import NOW, at, seed_years

CHECKIN_DAYS = 700  # at 1x: about two years of daily check-ins ending today
PLAN_CHANGES = 100


@dataclass(frozen=True)
class Rows:
    progress: int
    report: int
    history: int
    history_since: int
    today: int
    history_json_extra: int  # rows read beyond one per record written
    plan_review: int  # the plan's weekly review (`plan --review`): what it reads before it saves


def _seed(store: Store, scale: int) -> int:
    """`2 * scale` years of sessions (one a day) and assessments (one a week), check-ins on
    `CHECKIN_DAYS * scale` days and `PLAN_CHANGES * scale` plan changes, all ending at NOW; the
    number of records history lists."""
    counts = seed_years(store, years=2 * scale)
    with store.transaction() as conn:
        conn.executemany(
            "INSERT INTO checkins (day, foot, back, note, warning_signs, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    (NOW.date() - timedelta(days=d)).isoformat(),
                    d % 11,
                    (d * 7) % 11,
                    "ok",
                    "[]",
                    at(d, 21).isoformat(),
                )
                for d in range(CHECKIN_DAYS * scale)
                if d % 13 != 5 or d > 600  # a missed day now and then (the first weeks are whole)
            ],
        )
        conn.executemany(
            "INSERT INTO plan_changes (created_at, action, level, previous, reason) VALUES (?, ?, ?, ?, ?)",
            [(at(3 * n).isoformat(), "up", 2, 1, "steady") for n in range(PLAN_CHANGES * scale)],
        )
    return (
        counts["stretch_sessions"]
        + counts["assessments"]
        + int(store.query("SELECT count(*) FROM checkins")[0][0])
    )


def _rows(store: Store, read: object) -> int:
    before = store.rows_read
    if callable(read):
        read()
    return store.rows_read - before


def _rows_read(folder: Path, scale: int) -> Rows:
    steps = load_today_content().next
    rule = load_plan_content().progression
    with open_store(folder) as store:
        records = _seed(store, scale)
        since = NOW.date() - timedelta(days=300)  # more of each kind than the screen shows
        return Rows(
            progress=_rows(store, lambda: read_progress(store, NOW, review_days=7)),
            report=_rows(store, lambda: build_report(store, now=NOW)),
            history=_rows(store, lambda: shown_in(store, now=NOW, since=None, limit=ROWS_READ)),
            history_since=_rows(store, lambda: shown_in(store, now=NOW, since=since, limit=ROWS_READ)),
            today=_rows(store, lambda: _from_store(store, folder, NOW, steps)),
            history_json_extra=_rows(
                store, lambda: write_store(store, now=NOW, since=None, out=io.StringIO())
            )
            - records,
            plan_review=_rows(
                store, lambda: settle_level(store, rule, now=NOW, age=40, review_now=True, manual=None)
            ),
        )


@pytest.fixture(scope="module")
def one_and_ten(tmp_path_factory: pytest.TempPathFactory) -> tuple[Rows, Rows]:
    return _rows_read(tmp_path_factory.mktemp("x1"), 1), _rows_read(tmp_path_factory.mktemp("x10"), 10)


@pytest.mark.parametrize("reading", list(Rows.__dataclass_fields__))
def test_ten_times_the_checkins_read_no_more_rows(one_and_ten: tuple[Rows, Rows], reading: str) -> None:
    small, big = (getattr(rows, reading) for rows in one_and_ten)
    assert big == small, (reading, small, big)


def test_what_progress_reads_is_the_windows_the_chart_and_sums(one_and_ten: tuple[Rows, Rows]) -> None:
    rows = one_and_ten[0]
    # The first check-in; 7 rows of the start window, up to 7 of the last days, the chart's 28 days
    # of check-ins; 2 rows of pain beside practice; 1 each: this week's sessions, the first session,
    # weeks on target, the last 7 days' sums, the plan's latest change; the streak's 33 days and the
    # chart's 28 days of sessions (one row a day, at most).
    assert rows.progress <= 1 + 7 + 7 + 28 + 2 + 5 + 33 + 28
    # history: the newest ROWS_READ of each kind, counts, the streak, this week; the newest 15
    # check-ins, their count, the first check-in and the two pain windows.
    assert rows.history <= 3 * ROWS_READ + 3 + 33 + 1 + 15 + 1 + 1 + 7 + 7
