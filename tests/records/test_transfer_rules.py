"""Adding a record kind to the export is table-driven: each kind needs an order, a rule and a unique key."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from footback.core.paths import db_path
from footback.records.db import open_store
from footback.records.import_rules import RULES
from footback.records.transfer.layout import TIME_COLUMN, UID_TABLES, VERSIONS, schema


@pytest.mark.parametrize("table", sorted({t for tables in VERSIONS.values() for t in tables}))
def test_every_exported_kind_has_an_order_a_rule_and_a_unique_key(home: Path, table: str) -> None:
    assert table in TIME_COLUMN and table in RULES
    assert TIME_COLUMN[table] in {c.name for c in schema()[table]}
    with open_store(home) as store:
        unique = [
            name
            for name, is_unique in (r[1:3] for r in store.conn.execute(f"PRAGMA index_list({table})"))
            if is_unique
        ]
        keyed = [store.conn.execute(f"PRAGMA index_info({name})").fetchall()[0][2] for name in unique]
    # Import skips a stored record with INSERT ... ON CONFLICT DO NOTHING: it needs a unique key.
    assert ("uid" in keyed) if table in UID_TABLES else keyed, (table, keyed)


def test_older_export_versions_stay_readable() -> None:
    versions = sorted(VERSIONS)
    assert versions[0] == 1
    for older, newer in itertools.pairwise(versions):
        assert set(VERSIONS[older]) <= set(VERSIONS[newer])  # a newer version only adds kinds


@pytest.mark.parametrize(
    ("row", "field", "problem"),
    [
        (
            {"note": "fine", "result": {"a": [1, {"b": "bell\x07"}]}},
            "result.a[1].b",
            "contains control characters",
        ),
        ({"result": {"k\x1b": 1}}, "result.k\x1b", "contains control characters"),
        ({"result": {"n": [2.5, float("inf")]}}, "result.n[1]", "is not a finite number"),
        ({"result": {"n": 2**70}}, "result.n", "is out of range"),
    ],
)
def test_a_bad_value_deep_in_a_record_is_named_by_its_path(
    row: dict[str, object], field: str, problem: str
) -> None:
    from footback.records.import_rules import RecordProblem, check_values

    with pytest.raises(RecordProblem) as caught:
        check_values(row)
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_good_values_at_any_depth_pass() -> None:
    from footback.records.import_rules import check_values

    check_values({"note": "line one\nline two", "result": {"a": [1, 2.5, True, None, {"b": ["x", {}]}]}})


def _digest_as_import_computes(conn: Any, table: str, rowid: int) -> str:
    """The uid import gives this record from an export without uids: the digest of its exported columns."""
    from footback.records.transfer.rows import JSON_COLUMNS, content_uid

    columns = [c.name for c in schema()[table] if c.name != "uid"]
    values = conn.execute(f"SELECT {', '.join(columns)} FROM {table} WHERE id = ?", (rowid,)).fetchone()
    row = {
        name: json.loads(value) if name in JSON_COLUMNS and isinstance(value, str) else value
        for name, value in zip(columns, values, strict=True)
    }
    return content_uid(row)


def test_records_stored_before_uids_get_the_uid_an_import_of_them_would(home: Path) -> None:
    # Migrations 10 and 60 read the columns from the store, not from the export layout (which is
    # built from the migrations): the rowid and store-only columns (assessment_id) stay out.
    from tests.records.test_store_faults import build_store_at

    home.mkdir(mode=0o700)
    build_store_at(db_path(home), 3)  # an assessment and a session, from before uids
    with sqlite3.connect(db_path(home)) as conn:
        conn.execute(
            "INSERT INTO shoe_pairs (name, shoe_type, created_at, updated_at)"
            " VALUES ('Trail', 'trail', '2024-01-01T08:00:00+00:00', '2024-01-01T08:00:00+00:00')"
        )
        conn.execute(
            "INSERT INTO shoe_checks (pair, created_at, verdict, score, answers, result) VALUES"
            " ('Trail', '2024-01-02T08:00:00+00:00', 'good', 90, '{\"a\": 1}', '{\"b\": [2]}')"
        )
    conn.close()
    with open_store(home) as store:
        for table in ("assessments", "stretch_sessions", "shoe_checks"):
            ((rowid, uid),) = store.conn.execute(f"SELECT id, uid FROM {table}").fetchall()
            assert uid == _digest_as_import_computes(store.conn, table, rowid), table
    # A confirmation stored before version 60: its assessment's row id is not part of its digest.
    other = home.parent / "other"
    other.mkdir(mode=0o700)
    build_store_at(db_path(other), 50)
    with sqlite3.connect(db_path(other)) as conn:
        conn.execute(
            "INSERT INTO clinician_seen (seen_at, assessment_id, signs)"
            " VALUES ('2024-01-03T08:00:00+00:00', 1, '[\"rf_fever\"]')"
        )
    conn.close()
    with open_store(other) as store:
        ((rowid, uid),) = store.conn.execute("SELECT id, uid FROM clinician_seen").fetchall()
        assert uid == _digest_as_import_computes(store.conn, "clinician_seen", rowid)
