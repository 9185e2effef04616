"""A clinic's system or a script reads the export by docs/data.md's field-by-field reference: every
field the export writes is there, in the order written, with no field the export does not write,
and the format's version and schema in the reference are the ones footback writes now."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from footback.records.migrations import SCHEMA_VERSION
from footback.records.transfer.layout import EXPORT_VERSION, HEADER, TABLES, schema
from footback.records.transfer.rows import JSON_COLUMNS
from tests.support.context import Cli

DATA_MD = Path(__file__).resolve().parents[2] / "docs" / "data.md"
SECTION = "### The JSON and CSV export, field by field"
# | `field` | type | meaning |, or | `first` ... `last` | type | meaning | for the record lists.
ROW = re.compile(r"^\| `([a-z_]+)`(?: \.\.\. `([a-z_]+)`)? \| ([^|]+) \| (.+) \|$", re.MULTILINE)
# Never empty in an export although SQLite would let them be: the pair's key, and the uid every
# record gets (from its content when it was stored without one).
ALWAYS_SET = ("name", "uid")


def reference() -> str:
    text = DATA_MD.read_text(encoding="utf-8")
    start = text.index(SECTION)
    end = text.index("\n### ", start + len(SECTION))
    return text[start:end]


def kinds() -> dict[str, list[tuple[str, str]]]:
    """Each `#### `kind`` heading's table rows as (field, type), in order."""
    parts = re.split(r"^#### `([a-z_]+)`$", reference(), flags=re.MULTILINE)
    return {
        name: [(m.group(1), m.group(3).strip()) for m in ROW.finditer(body)]
        for name, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def test_every_kind_is_documented_in_the_order_written() -> None:
    assert list(kinds()) == list(TABLES)


@pytest.mark.parametrize("table", TABLES)
def test_every_field_is_documented_in_the_order_written_and_no_other(table: str) -> None:
    assert [field for field, _ in kinds()[table]] == [c.name for c in schema()[table]]


@pytest.mark.parametrize("table", TABLES)
def test_each_fields_type_matches_what_is_stored(table: str) -> None:
    documented = dict(kinds()[table])
    for column in schema()[table]:
        kind = documented[column.name]
        if column.name in JSON_COLUMNS:
            assert kind.startswith(("object", "list")), (table, column.name, kind)
        elif column.kind == "REAL":
            assert kind.startswith("number"), (table, column.name, kind)
        elif column.kind == "INTEGER":
            assert kind.startswith(("whole number", "`0` / `1`", "minutes")), (table, column.name, kind)
        else:
            assert kind.startswith(("text", "moment", "day")), (table, column.name, kind)
        # A field that can be empty says what `null` means; one that cannot does not offer it.
        assert ("`null`" in kind) == (
            not column.required and column.name not in (*ALWAYS_SET, *JSON_COLUMNS)
        ), (
            table,
            column.name,
            kind,
        )


def test_the_top_level_keys_version_and_schema_are_the_ones_written(cli: Cli, home: Path) -> None:
    rows = {m.group(1): m for m in ROW.finditer(reference().split("\n#### ")[0])}
    written = list(json.loads(cli.invoke(["export"]).stdout))
    assert written == [*HEADER, *TABLES, "plan"]
    assert set(rows) == {*HEADER, TABLES[0], "plan"}
    assert rows[TABLES[0]].group(2) == TABLES[-1]  # the `assessments` ... `psfs_ratings` row
    assert f"{EXPORT_VERSION} now" in rows["version"].group(4)
    assert f"({SCHEMA_VERSION} now)" in rows["schema"].group(4)


def test_the_csv_paragraph_names_every_table_value() -> None:
    text = DATA_MD.read_text(encoding="utf-8")
    paragraph = text[text.index("a `table` column (") + len("a `table` column (") :].split(")", 1)[0]
    assert re.findall(r"`([a-z_]+)`", paragraph) == list(TABLES)
