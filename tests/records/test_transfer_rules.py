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
