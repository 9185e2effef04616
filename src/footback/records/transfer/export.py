"""`footback export`: the store as JSON or CSV, written record by record."""

from __future__ import annotations

import contextlib
import csv
import json
import math
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from footback.core.dates import read_day, read_stamp
from footback.core.errors import StoreError
from footback.core.paths import plan_path
from footback.core.text import UNSAFE, csv_cell, safe_json
from footback.records.connection import DatabaseError
from footback.records.db import Store
from footback.records.import_rules import ImportChecks
from footback.records.migrations import SCHEMA_VERSION
from footback.records.transfer.layout import (
    DAMAGED,
    DAY_COLUMNS,
    EXPORT_VERSION,
    FORMAT,
    ORDER_TIEBREAK,
    TABLES,
    TIME_COLUMN,
    TIME_COLUMNS,
    Column,
    no_constant,
    schema,
)
from footback.records.transfer.rows import JSON_COLUMNS, Row


def _surrogate_text(data: bytes) -> str:
    # Text that is not UTF-8 (written by another tool) is carried through, not a crash.
    return data.decode("utf-8", "surrogateescape")


def _stored_rows(store: Store, table: str) -> Iterator[tuple[Any, ...]]:
    """A table's rows straight from SQLite, one at a time, in export order."""
    names = ", ".join(c.name for c in schema()[table])
    tiebreak = ORDER_TIEBREAK.get(table, "id")
    sql = f"SELECT {names} FROM {table} ORDER BY {TIME_COLUMN[table]}, {tiebreak}"
    previous = store.conn.text_factory
    store.conn.text_factory = _surrogate_text
    try:
        yield from store.conn.execute(sql)
    except DatabaseError as exc:
        raise StoreError(f"cannot read {store.path}: {exc}") from None
    finally:
        store.conn.text_factory = previous


def _export_value(column: Column, value: Any) -> tuple[Any, str]:
    """The value as exported, and why it is damaged ('' when it is not)."""
    if isinstance(value, bytes):
        return value.hex(), "binary data (written as hex)"
    if value is None:
        return None, "missing" if column.required else ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value), "not a finite number"
    if isinstance(value, str) and UNSAFE.search(value) and any("\udc80" <= ch <= "\udcff" for ch in value):
        return value, "not valid UTF-8"
    if column.name in JSON_COLUMNS:
        try:
            return json.loads(value, parse_constant=no_constant), ""
        except (ValueError, TypeError, RecursionError):
            return value, "not valid JSON"
    ok = {
        "TEXT": isinstance(value, str),
        "INTEGER": isinstance(value, int),
        "REAL": isinstance(value, int | float),
    }.get(column.kind, True)
    if not ok:
        return value, f"not {column.kind.lower()}"
    if column.name in TIME_COLUMNS:
        try:
            read_stamp(value, zone_required=False)
        except ValueError:
            return value, "not a date and time in the form import reads"
        # footback's first stores wrote some stamps without a zone; readers take them as UTC,
        # and so does the export, which import (requiring a zone) then reads as the same moment.
        return (value if value[-6:-5] in "+-" or value.endswith("Z") else value + "+00:00"), ""
    if column.name in DAY_COLUMNS:
        try:
            read_day(value)
        except ValueError:
            return value, "not a date in the form YYYY-MM-DD"
    return value, ""


def exported_row(table: str, values: tuple[Any, ...], checks: ImportChecks) -> Row:
    """A stored row as an export record; a damaged one is carried through, marked, never dropped."""
    row: Row = {}
    damaged: list[str] = []
    for column, value in zip(schema()[table], values, strict=True):
        row[column.name], problem = _export_value(column, value)
        if problem:
            damaged.append(f"{column.name}: {problem}")
    if not damaged and (refused := _import_would_refuse(table, row, checks)):
        damaged.append(refused)
    if damaged:
        row[DAMAGED] = "; ".join(damaged)
    return row


def _import_would_refuse(table: str, row: Row, checks: ImportChecks) -> str | None:
    """What import says against the record: its own rules (records/import_rules.py: dates,
    numbers, text, the check-in day) and the features' content checks in `checks` (answers that
    fit their questions, known warning-sign ids and shoe types: the registry `footback import`
    uses, cli/import_checks.py). Export never writes a record that would stop a restore: it is
    written marked damaged instead, and import skips it."""
    from footback.core.errors import BadInputError
    from footback.records.import_rules import check_record

    try:
        check_record(table, row, "", checks)
    except BadInputError as exc:
        return exc.message.removeprefix(": ")
    return None


# A record that names another one import must find (a confirmation's assessment, a check's
# pair): its field and the table it names; and the key each such table is named by.
_NAMES = {"clinician_seen": ("assessment_uid", "assessments"), "shoe_checks": ("pair", "shoe_pairs")}
_KEYS = {"assessments": "uid", "shoe_pairs": "name"}


@dataclass
class _Run:
    """One export's checks (import's), and the keys of the named records it marked damaged
    (import skips them), so that the records naming one are marked too: import would refuse
    them, as naming nothing."""

    checks: ImportChecks
    keys: dict[str, set[Any]] = field(default_factory=lambda: {table: set() for table in _KEYS})

    def follow(self, table: str, row: Row) -> None:
        if DAMAGED in row:
            if table in _KEYS:
                self.keys[table].add(row.get(_KEYS[table]))
        elif table in _NAMES:
            field_name, named = _NAMES[table]
            if row.get(field_name) is not None and row[field_name] in self.keys[named]:
                row[DAMAGED] = f"{field_name}: names a record of {named} that is marked damaged"


def _export_records(store: Store | None, table: str, run: _Run) -> Iterator[Row]:
    if store is not None:
        for values in _stored_rows(store, table):
            row = exported_row(table, values, run.checks)
            run.follow(table, row)
            yield row


@dataclass
class ExportCounts:
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    damaged: int = 0


def _dump(value: Any, ascii_only: bool = False) -> str:
    return safe_json(json.dumps(value, indent=2, ensure_ascii=ascii_only))


def write_json(store: Store | None, plan_text: str | None, out: TextIO, checks: ImportChecks) -> ExportCounts:
    """The JSON export, written record by record (memory does not grow with the store).

    The layout is exactly what `json.dumps(document, indent=2)` gives, so older exports and new
    ones read the same.
    """
    counts, run = ExportCounts(), _Run(checks)
    # A stream that is not UTF-8 (PYTHONIOENCODING=ascii) gets \u escapes: the same data, still JSON.
    ascii_only = not (getattr(out, "encoding", None) or "utf-8").lower().startswith("utf")
    out.write("{\n")
    out.write(
        f'  "format": {_dump(FORMAT)},\n  "version": {EXPORT_VERSION},\n  "schema": {SCHEMA_VERSION},\n'
    )
    for table in TABLES:
        out.write(f'  "{table}": ')
        for row in _export_records(store, table, run):
            out.write("[\n" if counts.records[table] == 0 else ",\n")
            out.write(textwrap.indent(_dump(row, ascii_only), "    "))
            counts.records[table] += 1
            counts.damaged += DAMAGED in row
        out.write("[],\n" if counts.records[table] == 0 else "\n  ],\n")
    plan = _dump(_plan_value(plan_text, checks), ascii_only).replace("\n", "\n  ")  # laid out as indent=2
    out.write(f'  "plan": {plan}\n}}\n')
    return counts


def _plan_value(plan_text: str | None, checks: ImportChecks) -> str | dict[str, str] | None:
    """The plan as the export writes it: its text; or, when import would refuse it (not TOML,
    not a routine file), an object of the text and a `damaged` field saying why, which import
    leaves in the file instead of refusing the whole export."""
    from footback.core.errors import BadInputError
    from footback.records.transfer.importer import check_plan

    try:
        check_plan(plan_text, "", checks)
    except BadInputError as exc:
        from footback.records.db import warn_on_stderr

        why = exc.message.removeprefix(": plan: ")
        warn_on_stderr(f"the saved plan would not import ({why}); exported marked damaged")
        return {DAMAGED: why, "text": plan_text or ""}
    return plan_text


def _plan_text(path: Path) -> str | None:
    """The saved plan as it is; a file that is not UTF-8 (damaged by hand) still comes out."""
    if not path.is_file():
        return None
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Like a damaged record: carried through byte for byte (\udcXX escapes in the JSON)
        # with one warning; import refuses it, so it is never restored by mistake.
        from footback.records.db import warn_on_stderr

        warn_on_stderr(f"{path} is not UTF-8 text; exported as it is, with its bad bytes escaped")
        return data.decode("utf-8", "surrogateescape")


def export_all(folder: Path, fmt: str, output: Path | None, checks: ImportChecks) -> ExportCounts:
    """`footback export`: the store (if any) and the plan, as JSON or CSV, to stdout or `output`;
    a record that import, with these `checks`, would refuse is written marked damaged."""
    from footback.core.files import output_stream
    from footback.records.db import open_existing_store

    plan_text = _plan_text(plan_path(folder))
    store = open_existing_store(folder, full_check=True)
    with contextlib.ExitStack() as stack:
        if store is not None:
            stack.enter_context(store)
        out = stack.enter_context(output_stream(output, folder))
        return write_json(store, plan_text, out, checks) if fmt == "json" else write_csv(store, out, checks)


def write_csv(store: Store | None, out: TextIO, checks: ImportChecks) -> ExportCounts:
    """One CSV for spreadsheets: a `table` column, every column of every table, then `damaged`.

    Cells are spreadsheet-safe (a leading `'` before `=`, `+`, `-`, `@`, tab or CR, as OWASP
    recommends) and carry no control characters.
    """
    header: dict[str, None] = {"table": None}
    for table in TABLES:
        for column in schema()[table]:
            header.setdefault(column.name, None)
    header[DAMAGED] = None
    counts, run = ExportCounts(), _Run(checks)
    writer = csv.DictWriter(out, fieldnames=list(header), lineterminator="\r\n")
    writer.writeheader()
    for table in TABLES:
        for row in _export_records(store, table, run):
            flat = {
                key: json.dumps(value, sort_keys=True, ensure_ascii=False)
                if key in JSON_COLUMNS and DAMAGED not in row
                else value
                for key, value in row.items()
            }
            writer.writerow({key: csv_cell(value) for key, value in {"table": table, **flat}.items()})
            counts.records[table] += 1
            counts.damaged += DAMAGED in row
    return counts
