"""Every record keeps the UTC offset of the clock it was written by (migration 100), so its day is
the person's calendar day at the time: an assessment or a shoe check at 23:30 on 28 March 2026 in
London (GMT) stays on the 28th when it is read on the 29th, after the clocks went forward (BST)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from footback.core.paths import db_path
from footback.models.plan_change import PlanChange
from footback.records.clinician import save_seen
from footback.records.db import open_store
from footback.records.plan_changes import save_change
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import add_assessment, add_check
from tests.support.london import BEFORE_THE_CHANGE, LONDON, MORNING_AFTER, LondonClock, london_now

# The tables whose records keep their offset since migration 100, with their stamp column.
KEPT = {
    "assessments": "created_at",
    "shoe_checks": "created_at",
    "plan_changes": "created_at",
    "clinician_seen": "seen_at",
}


def write_each_kind(home: Path, now: datetime) -> None:
    """One record of every kind migration 100 covers, written through its repository at `now`."""
    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), now)
        add_check(store, now, "trail runners")
        save_change(store, PlanChange(now, "start", 1, None, "a plan made"))
        save_seen(store, now, None, ["rf_cancer_history"])


def kept_offsets(home: Path) -> dict[str, list[int | None]]:
    conn = sqlite3.connect(db_path(home))
    try:
        return {t: [r[0] for r in conn.execute(f"SELECT utc_offset FROM {t}")] for t in KEPT}
    finally:
        conn.close()


def test_every_kind_stores_the_offset_of_its_clock(home: Path) -> None:
    write_each_kind(home, london_now(datetime(2026, 7, 1, 8, 0, tzinfo=LONDON)))  # BST, UTC+1
    write_each_kind(home, london_now(BEFORE_THE_CHANGE))  # GMT
    assert kept_offsets(home) == {table: [60, 0] for table in KEPT}


def test_the_offset_travels_through_export_and_import(cli: Cli, home: Path, tmp_path: Path) -> None:
    write_each_kind(home, london_now(datetime(2026, 7, 1, 8, 0, tzinfo=LONDON)))
    exported = cli.invoke(["export"])
    assert exported.exit_code == 0, exported.output
    doc = json.loads(exported.stdout)
    assert {t: [r["utc_offset"] for r in doc[t]] for t in KEPT} == {t: [60] for t in KEPT}
    table = csv.DictReader(io.StringIO(cli.invoke(["export", "--format", "csv"]).stdout))
    in_csv = {(r["table"], r["utc_offset"]) for r in table if r["table"] in KEPT}
    assert in_csv == {(t, "60") for t in KEPT}

    backup = tmp_path / "backup.json"
    backup.write_text(exported.stdout, encoding="utf-8")
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    restored = cli.invoke(["import", str(backup)])
    assert restored.exit_code == 0, restored.output
    assert kept_offsets(home) == {t: [60] for t in KEPT}


def test_an_older_export_without_offsets_still_imports(cli: Cli, home: Path, tmp_path: Path) -> None:
    write_each_kind(home, london_now(datetime(2026, 7, 1, 8, 0, tzinfo=LONDON)))
    doc = json.loads(cli.invoke(["export"]).stdout)
    for kind in KEPT:
        for record in doc[kind]:
            del record["utc_offset"]
    backup = tmp_path / "old.json"
    backup.write_text(json.dumps(doc), encoding="utf-8")
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    restored = cli.invoke(["import", str(backup)])
    assert restored.exit_code == 0, restored.output
    assert kept_offsets(home) == {t: [None] for t in KEPT}


@pytest.mark.parametrize("offset", [18 * 60 + 1, -(18 * 60 + 1), 1.5, "60"])
@pytest.mark.parametrize("kind", sorted(KEPT))
def test_import_refuses_an_offset_no_clock_has(
    cli: Cli, home: Path, tmp_path: Path, kind: str, offset: object
) -> None:
    write_each_kind(home, london_now(MORNING_AFTER))
    doc = json.loads(cli.invoke(["export"]).stdout)
    doc[kind][0]["utc_offset"] = offset
    backup = tmp_path / "bad.json"
    backup.write_text(json.dumps(doc), encoding="utf-8")
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    refused = cli.invoke(["import", str(backup)])
    assert refused.exit_code == 2
    assert f"{kind}[0]: utc_offset:" in refused.stderr


def _since(cli: Cli, day: str) -> dict[str, int]:
    shown = cli.invoke(["history", "--since", day, "--json"])
    assert shown.exit_code == 0, shown.output
    doc = json.loads(shown.stdout)
    return {kind: len(doc[kind]) for kind in ("assessments", "shoe_checks")}


def test_an_assessment_and_a_shoe_check_stay_on_their_day_across_the_clock_change(
    cli: Cli, home: Path
) -> None:
    write_each_kind(home, london_now(BEFORE_THE_CHANGE))
    cli.context.clock = LondonClock(MORNING_AFTER)  # now UTC+1: 23:30 GMT reads as 00:30 on the 29th
    assert _since(cli, "2026-03-29") == {"assessments": 0, "shoe_checks": 0}
    assert _since(cli, "2026-03-28") == {"assessments": 1, "shoe_checks": 1}


def test_a_record_stored_before_migration_100_is_read_with_todays_offset(cli: Cli, home: Path) -> None:
    write_each_kind(home, london_now(BEFORE_THE_CHANGE))
    conn = sqlite3.connect(db_path(home))
    with conn:
        for table in KEPT:
            conn.execute(f"UPDATE {table} SET utc_offset = NULL")
    conn.close()
    cli.context.clock = LondonClock(MORNING_AFTER)
    # No offset kept: the day of its moment at today's offset (UTC+1), as the docs say.
    assert _since(cli, "2026-03-29") == {"assessments": 1, "shoe_checks": 1}


def test_history_shows_each_record_at_the_time_of_its_own_clock(cli: Cli, home: Path) -> None:
    write_each_kind(home, london_now(BEFORE_THE_CHANGE))
    cli.context.clock = LondonClock(MORNING_AFTER)
    screen = cli.invoke(["history"])
    assert screen.exit_code == 0, screen.output
    # Both rows: the assessment's and the shoe check's, not 00:30 on the 29th (today's offset).
    assert screen.stdout.count("2026-03-28 23:30") == 2, screen.stdout
    doc = json.loads(cli.invoke(["history", "--json"]).stdout)
    assert [doc[k][0]["created_at"] for k in ("assessments", "shoe_checks")] == ["2026-03-28T23:30:00Z"] * 2
    assert "Saved on 2026-03-28 at 23:30." in cli.invoke(["assess", "--last"]).stdout


def test_the_plans_next_review_counts_from_the_day_the_change_was_made(cli: Cli, home: Path) -> None:
    from footback.plan.content import load_plan_content

    write_each_kind(home, london_now(BEFORE_THE_CHANGE))
    cli.context.clock = LondonClock(MORNING_AFTER)
    review = load_plan_content().progression.review_days
    doc = json.loads(cli.invoke(["progress", "--json"]).stdout)
    assert doc["plan"]["next_review"] == str(date(2026, 3, 28) + timedelta(days=review))


def test_the_report_dates_an_assessment_by_the_persons_calendar_not_utc(cli: Cli, home: Path) -> None:
    # 00:30 on 30 March in London is BST: 23:30 on the 29th in UTC, the form the stamp is stored in.
    written = london_now(datetime(2026, 3, 30, 0, 30, tzinfo=LONDON))
    write_each_kind(home, written)
    cli.context.clock = LondonClock(datetime(2026, 3, 30, 9, 0, tzinfo=LONDON))
    report = cli.invoke(["report", "--format", "md"])
    assert report.exit_code == 0, report.output
    assert "## Latest assessment (2026-03-30)" in report.stdout
    assert "unnamed" not in report.stdout and "2026-03-29" not in report.stdout


def test_the_quick_recheck_counts_days_from_the_full_assessments_own_day(home: Path) -> None:
    from footback.assess.content import load_assess_content
    from footback.assess.quick import quick_start

    write_each_kind(home, london_now(BEFORE_THE_CHANGE))
    base = quick_start(load_assess_content(), home, london_now(MORNING_AFTER))
    assert not isinstance(base, str)
    # Made on the 28th (its clock then), read on the 29th: one day ago, not "today".
    assert (f"{base.full_at:%Y-%m-%d %H:%M}", base.days) == ("2026-03-28 23:30", 1)


# Offsets at and past the bounds a clock can have, none, and a damaged (text) one.
OFFSETS: list[object] = [-1081, -1080, -601, -60, 0, 60, 599, 1080, 1081, None, "sixty", 1.5]


def test_sql_and_python_read_the_same_local_day_for_every_kept_offset(home: Path) -> None:
    """One rule (records/window.py) in two forms: `local_day_sql` for counting, `local_time` for
    showing. A kept offset within 18 hours is the record's own; anything else falls back to now's."""
    from footback.records.assessments import list_assessments
    from footback.records.window import local_day_sql

    written = datetime(2026, 3, 28, 23, 30, tzinfo=UTC)
    now = london_now(MORNING_AFTER)  # UTC+1, the fallback
    with open_store(home) as store:
        for _ in OFFSETS:
            add_assessment(store, no_problem_answers(), written)
        with store.transaction() as conn:
            for row_id, offset in enumerate(OFFSETS, start=1):
                conn.execute("UPDATE assessments SET utc_offset = ? WHERE id = ?", (offset, row_id))
        in_sql = [
            str(r[0])
            for r in store.query(f"SELECT {local_day_sql('created_at', 60)} FROM assessments ORDER BY id")
        ]
        shown = [a.local_time(now).date().isoformat() for a in list_assessments(store)]
    assert in_sql == shown
    # 23:30 UTC: a kept -10:01 is the 28th (13:29), +10:00 the 29th; past 18 hours, now's +1: the 29th.
    # A damaged one (text, a real) is ignored like a missing one.
    expected = ["29", "28", "28", "28", "28", "29", "29", "29", "29", "29", "29", "29"]
    assert [day[-2:] for day in shown] == expected


def test_a_plan_change_is_on_the_day_of_its_kept_offset(home: Path) -> None:
    from footback.records.plan_changes import change_day, list_changes

    with open_store(home) as store:
        save_change(
            store, PlanChange(london_now(datetime(2026, 3, 30, 0, 30, tzinfo=LONDON)), "up", 2, 1, "up")
        )
        (change,) = list_changes(store)
    assert change.utc_offset == 60
    # Read with a clock at UTC: still the 30th, the day it was made on in London.
    assert change_day(change, datetime(2026, 3, 30, 12, 0, tzinfo=UTC)) == date(2026, 3, 30)
    assert change_day(change._replace(utc_offset=None), datetime(2026, 3, 30, 12, 0, tzinfo=UTC)) == date(
        2026, 3, 29
    )
