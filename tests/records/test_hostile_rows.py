"""Rows damaged by hand (wrong types, NULLs, huge or negative numbers, invalid JSON, impossible dates,
terminal escapes) in every table: every reading command still runs without a traceback and shows
nothing raw, and export still gets the person's data out.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.records.db import open_store
from tests.support.hostile import EVIL, READERS, clean, invoke, seed_everything

# (table, column, value): one damaged cell. The first row of the table gets it.
DAMAGE: list[tuple[str, str, object]] = [
    ("assessments", "created_at", "yesterday"),
    ("assessments", "created_at", "9999-12-31T23:59:59+00:00"),
    ("assessments", "created_at", "0001-01-01T00:00:00+00:00"),
    ("assessments", "created_at", "2026-02-30T08:00:00+00:00"),
    ("assessments", "foot_score", "abc"),
    ("assessments", "back_score", 2**63 - 1),
    ("assessments", "link_score", -5),
    ("assessments", "urgent", 7),
    ("assessments", "answers", "{not json"),
    ("assessments", "answers", '{"foot_pain": [1, {"x": null}]}'),
    ("assessments", "answers", "[]"),
    ("assessments", "result", "null"),
    ("assessments", "result", '{"urgent": "yes"}'),
    ("assessments", "result", EVIL),
    ("stretch_sessions", "started_at", "not a date"),
    ("stretch_sessions", "started_at", "9999-12-31T23:59:59+00:00"),
    ("stretch_sessions", "routine", EVIL),
    ("stretch_sessions", "planned_seconds", "abc"),
    ("stretch_sessions", "actual_seconds", -300.0),
    ("stretch_sessions", "actual_seconds", 1e308),
    ("stretch_sessions", "actual_seconds", float("inf")),
    ("stretch_sessions", "steps_done", "many"),
    ("stretch_sessions", "finished", 7),
    ("stretch_sessions", "detail", "{not json"),
    ("stretch_sessions", "detail", '{"ended_by": "\\u001b[2J", "side": 5}'),
    ("stretch_sessions", "routine", b"\xff\xfe"),
    ("shoe_pairs", "shoe_type", "rocket"),
    ("shoe_pairs", "distance_km", -5.0),
    ("shoe_pairs", "distance_km", "far"),
    ("shoe_pairs", "distance_km", 1e308),
    ("shoe_pairs", "age_months", "old"),
    ("shoe_pairs", "created_at", "never"),
    ("shoe_pairs", "updated_at", "9999-12-31T23:59:59+00:00"),
    ("shoe_pairs", "retired_at", "someday"),
    ("shoe_checks", "verdict", "explode"),
    ("shoe_checks", "score", "high"),
    ("shoe_checks", "answers", "{not json"),
    ("shoe_checks", "result", '{"verdict": 1}'),
    ("shoe_checks", "created_at", "0000-01-01T00:00:00"),
    ("checkins", "day", "2026-02-30"),
    ("checkins", "day", "9999-12-31"),
    ("checkins", "day", "garbage"),
    ("checkins", "foot", "abc"),
    ("checkins", "back", 99),
    ("checkins", "foot", -1),
    ("checkins", "note", EVIL),
    ("checkins", "note", 12345),
    ("checkins", "warning_signs", "{not json"),
    ("checkins", "warning_signs", '["bogus", 5, null]'),
    ("checkins", "warning_signs", '{"a": 1}'),
    ("checkins", "created_at", "garbage"),
    ("plan_changes", "created_at", "garbage"),
    ("plan_changes", "created_at", "9999-12-31T23:59:59+00:00"),
    ("plan_changes", "action", EVIL),
    ("plan_changes", "level", "x"),
    ("plan_changes", "level", 99),
    ("plan_changes", "level", -1),
    ("plan_changes", "previous", "x"),
    ("plan_changes", "reason", EVIL),
    ("clinician_seen", "seen_at", "garbage"),
    ("clinician_seen", "seen_at", "9999-12-31T23:59:59+00:00"),
    ("clinician_seen", "assessment_id", "x"),
    ("clinician_seen", "signs", "{not json"),
    ("clinician_seen", "signs", "[1, 2]"),
]


def _damage(home: Path, table: str, column: str, value: object) -> None:
    with open_store(home) as store, store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("PRAGMA ignore_check_constraints = ON")
        first = conn.execute(f"SELECT min(rowid) FROM {table}").fetchone()[0]
        conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (value, first))


@pytest.mark.parametrize(
    ("table", "column", "value"), DAMAGE, ids=[f"{t}.{c}={v!r:.20}" for t, c, v in DAMAGE]
)
def test_every_reader_survives_a_damaged_row(home: Path, table: str, column: str, value: object) -> None:
    seed_everything(home)
    _damage(home, table, column, value)
    for args in READERS:
        result = invoke(args, env={"COLUMNS": "120"})
        clean(result, codes=(0, 1))
    exported = invoke(["export"])
    assert exported.exit_code == 0, exported.stderr
    doc = json.loads(exported.stdout)
    assert doc.get(table, [None]), "the damaged record's table was not exported"


def test_a_damaged_plan_change_is_named_by_its_id_and_time(home: Path) -> None:
    seed_everything(home)
    _damage(home, "plan_changes", "action", "explode")
    result = invoke(["report"])
    clean(result, codes=(0,))
    assert "skipped a damaged plan change (1, saved at 2025-03-07" in result.stderr, result.stderr
