"""A damaged `utc_offset` in the store (migrations 70 and 100): every read takes it as no offset
kept, in SQL (the aggregates: streaks, progress, `--since`) exactly as in Python (the rows shown),
and none of them stops a command."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from footback.core.paths import db_path
from footback.models.plan_change import PlanChange
from footback.records.clinician import save_seen
from footback.records.db import open_store
from footback.records.plan_changes import save_change
from footback.records.window import MAX_OFFSET, kept_offset, local_day_sql, local_time
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import add_assessment, add_check
from tests.support.hostile import clean
from tests.support.london import BEFORE_THE_CHANGE, MORNING_AFTER, LondonClock, london_now

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# What a damaged or hand-edited store may hold in the column, as SQL literals; the in-range
# neighbours of the bounds keep the rule honest one step either side.
DAMAGED = [
    str(INT64_MIN),
    str(INT64_MAX),
    "'abc'",
    "'60 minutes'",
    "60.5",
    "-0.5",
    "x'00'",
    "1e309",
    str(MAX_OFFSET + 1),
    str(-MAX_OFFSET - 1),
    str(MAX_OFFSET),
    str(-MAX_OFFSET),
    "NULL",
    "60",
]
TABLES = {
    "stretch_sessions": "started_at",
    "assessments": "created_at",
    "shoe_checks": "created_at",
    "plan_changes": "created_at",
    "clinician_seen": "seen_at",
}


@pytest.mark.parametrize("literal", DAMAGED)
def test_sql_and_python_read_a_stored_offset_alike(literal: str) -> None:
    # 23:30 UTC, read on a clock at UTC+1: today's offset puts it on the 29th, none on the 28th.
    stamp = BEFORE_THE_CHANGE.astimezone(london_now(BEFORE_THE_CHANGE).tzinfo)
    now = london_now(MORNING_AFTER)
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE TABLE t (created_at TEXT, utc_offset INTEGER)")
        conn.execute(f"INSERT INTO t VALUES (?, {literal})", (stamp.isoformat(),))
        day = local_day_sql("created_at", 60)
        stored, in_sql = conn.execute(f"SELECT utc_offset, {day} FROM t").fetchone()
    finally:
        conn.close()
    in_python = local_time(stamp, kept_offset(stored), now).date().isoformat()
    assert in_sql == in_python, (literal, stored)


def test_a_whole_offset_in_range_is_kept_and_one_past_it_is_not() -> None:
    assert [kept_offset(v) for v in (MAX_OFFSET, -MAX_OFFSET, 0)] == [MAX_OFFSET, -MAX_OFFSET, 0]
    assert [kept_offset(v) for v in (MAX_OFFSET + 1, -MAX_OFFSET - 1, 60.0, "60", True)] == [None] * 5


def _write_every_kind(cli: Cli, home: Path) -> None:
    now = london_now(BEFORE_THE_CHANGE)
    cli.context.clock = LondonClock(BEFORE_THE_CHANGE)
    assert cli.invoke(["log", "morning"]).exit_code == 0
    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), now)
        add_check(store, now, "trail runners")
        save_change(store, PlanChange(now - timedelta(days=1), "start", 1, None, "a plan made"))
        save_seen(store, now, None, ["rf_cancer_history"])


READERS = [
    ["history", "--json"],
    ["history", "--since", "2026-03-28"],
    ["progress", "--json"],
    ["progress"],
    ["today"],
    ["due"],
    ["report"],
    ["report", "--format", "html"],
    ["export"],
    ["export", "--format", "csv"],
    ["plan", "--no-save"],
    ["shoes-check", "--list"],
]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_the_smallest_64_bit_offset_blocks_no_command(cli: Cli, home: Path, table: str) -> None:
    _write_every_kind(cli, home)
    conn = sqlite3.connect(db_path(home))
    with conn:
        conn.execute(f"UPDATE {table} SET utc_offset = {INT64_MIN}")
    conn.close()
    cli.context.clock = LondonClock(MORNING_AFTER)
    for args in READERS:
        result = cli.invoke(args)
        clean(result, codes=(0,) if args[0] != "due" else (0, 1))


def test_a_fractional_offset_counts_the_session_on_the_same_day_everywhere(cli: Cli, home: Path) -> None:
    """The streak (SQL) and the rows `history` lists (Python) agree on a damaged session's day."""
    cli.context.clock = LondonClock(BEFORE_THE_CHANGE)
    assert cli.invoke(["log", "morning"]).exit_code == 0
    conn = sqlite3.connect(db_path(home))
    with conn:
        conn.execute("UPDATE stretch_sessions SET utc_offset = 0.5")
    conn.close()
    cli.context.clock = LondonClock(datetime(2026, 3, 29, 9, 0, tzinfo=MORNING_AFTER.tzinfo))
    since = json.loads(cli.invoke(["history", "--since", "2026-03-29", "--json"]).stdout)
    # Python reads 0.5 as no offset kept (today's, UTC+1: the 29th); so must SQL's --since.
    assert len(since["sessions"]) == 1, since
