"""Days are counted by the person's calendar at the time: a routine at 23:30 on 28 March 2026 in
London (GMT) counts on 28 March, though the clocks went forward (BST, UTC+1) that night."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from footback.core.paths import db_path
from tests.support.context import Cli
from tests.support.london import LONDON, LondonClock


def test_a_routine_at_2330_before_the_clock_change_counts_on_its_own_day(cli: Cli, home: Path) -> None:
    cli.context.clock = LondonClock(datetime(2026, 3, 28, 23, 30, tzinfo=LONDON))
    assert cli.context.clock.now().utcoffset().total_seconds() == 0  # type: ignore[union-attr]
    logged = cli.invoke(["log", "morning"])
    assert logged.exit_code == 0, logged.output

    cli.context.clock = LondonClock(datetime(2026, 3, 29, 9, 0, tzinfo=LONDON))
    assert cli.context.clock.now().utcoffset().total_seconds() == 3600  # type: ignore[union-attr]
    due = cli.invoke(["due"])
    assert due.exit_code == 0 and "morning routine" in due.stdout, due.output
    progress = json.loads(cli.invoke(["progress", "--json"]).stdout)
    per_day = dict(zip(progress["series"]["days"], progress["series"]["sessions"], strict=True))
    assert (per_day["2026-03-28"], per_day["2026-03-29"]) == (1, 0)
    history = json.loads(cli.invoke(["history", "--json"]).stdout)
    assert history["streak_days"] == 1  # today has none yet; yesterday (28 March) still counts


def test_the_offset_is_stored_with_the_session_and_exported(cli: Cli, home: Path) -> None:
    cli.context.clock = LondonClock(datetime(2026, 7, 1, 8, 0, tzinfo=LONDON))
    assert cli.invoke(["log", "feet"]).exit_code == 0
    import sqlite3

    conn = sqlite3.connect(db_path(home))
    assert conn.execute("SELECT started_at, utc_offset FROM stretch_sessions").fetchall() == [
        ("2026-07-01T07:00:00+00:00", 60)
    ]
    conn.close()
    doc = json.loads(cli.invoke(["export"]).stdout)
    assert doc["stretch_sessions"][0]["utc_offset"] == 60
