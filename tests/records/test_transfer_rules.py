"""Adding a record kind to the export is table-driven: each kind needs an order, a rule and a unique key."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

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
