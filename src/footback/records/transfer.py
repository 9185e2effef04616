"""Export everything (JSON or CSV), import a JSON export without duplicates, forget everything.

The export holds rows without their internal ids, in a stable order, so exporting, forgetting,
importing and exporting again gives the same file. A row's identity for de-duplication is all
of its values (a shoe pair's is its name).
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from footback.core.errors import BadInputError, FootbackError
from footback.core.files import read_input_text
from footback.core.paths import db_path
from footback.core.text import csv_cell, safe_json
from footback.records.db import MIGRATIONS, SCHEMA_VERSION, Store

FORMAT = "footback-export"
EXPORT_VERSION = 1
MAX_IMPORT_BYTES = 64_000_000
# Parents first: shoe checks refer to shoe pairs.
TABLES = ("assessments", "stretch_sessions", "shoe_pairs", "shoe_checks")
JSON_COLUMNS = frozenset({"answers", "result", "detail"})
# The column each table is ordered by in an export.
TIME_COLUMN = {
    "assessments": "created_at",
    "stretch_sessions": "started_at",
    "shoe_pairs": "created_at",
    "shoe_checks": "created_at",
}
TIME_COLUMNS = frozenset({"created_at", "started_at", "updated_at"})
STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")

Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # TEXT, INTEGER or REAL
    required: bool  # NOT NULL without a default
    default: Any = None  # what SQLite fills in when the column is left out


@cache
def schema() -> dict[str, tuple[Column, ...]]:
    """Each table's exported columns, read from the migrations themselves (no store needed)."""
    conn = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS:
            conn.executescript(migration.sql)
        tables: dict[str, tuple[Column, ...]] = {}
        for table in TABLES:
            info = conn.execute(f"PRAGMA table_info({table})").fetchall()
            tables[table] = tuple(
                Column(
                    name=c[1],
                    kind=str(c[2]).upper(),
                    required=bool(c[3]) and c[4] is None,
                    default=_default(c[1], c[4]),
                )
                for c in info
                if not (c[1] == "id" and c[5])  # the rowid alias: internal, never exported
            )
        return tables
    finally:
        conn.close()


def _default(name: str, sql: str | None) -> Any:
    """A column's SQL default as the value an export would show for it."""
    if sql is None or sql.upper() == "NULL":
        return None
    if sql.startswith("'") and sql.endswith("'"):
        text = sql[1:-1].replace("''", "'")
        return json.loads(text) if name in JSON_COLUMNS else text
    return json.loads(sql)


def complete(table: str, raw: Row) -> Row:
    """The row as it will be stored: every column, defaults filled in, in schema order."""
    return {c.name: raw.get(c.name, c.default) for c in schema()[table]}


def canonical(row: Row) -> str:
    """A row's identity: every value, with JSON columns compared by content, not spelling."""
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _sort_key(table: str, row: Row) -> tuple[str, str]:
    return (str(row.get(TIME_COLUMN[table]) or ""), canonical(row))


def read_rows(store: Store, table: str) -> list[Row]:
    """A table's rows as plain values (JSON columns parsed), in export order."""
    columns = schema()[table]
    names = ", ".join(c.name for c in columns)
    rows: list[Row] = []
    for values in store.query(f"SELECT {names} FROM {table}"):
        row = {}
        for column, value in zip(columns, values, strict=True):
            row[column.name] = (
                json.loads(value) if column.name in JSON_COLUMNS and value is not None else value
            )
        rows.append(row)
    return sorted(rows, key=lambda r: _sort_key(table, r))


def export_document(store: Store | None, plan_text: str | None) -> dict[str, Any]:
    """Everything stored, as one JSON-ready document."""
    doc: dict[str, Any] = {"format": FORMAT, "version": EXPORT_VERSION, "schema": SCHEMA_VERSION}
    for table in TABLES:
        doc[table] = read_rows(store, table) if store is not None else []
    doc["plan"] = plan_text
    return doc


def to_json(doc: dict[str, Any]) -> str:
    return safe_json(json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=False)) + "\n"


def to_csv(doc: dict[str, Any]) -> str:
    """One CSV for spreadsheets: a `table` column, then every column of every table."""
    header: dict[str, None] = {"table": None}
    for table in TABLES:
        for column in schema()[table]:
            header.setdefault(column.name, None)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(header), lineterminator="\r\n")
    writer.writeheader()
    for table in TABLES:
        for row in doc[table]:
            flat = {
                key: json.dumps(value, sort_keys=True, ensure_ascii=False) if key in JSON_COLUMNS else value
                for key, value in row.items()
            }
            writer.writerow({key: csv_cell(value) for key, value in {"table": table, **flat}.items()})
    return buffer.getvalue()


# ------------------------------------------------------------------ import


@dataclass
class ImportCounts:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    present: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    plan: str = "none"  # none, restored, kept

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


def read_export(path: Path) -> dict[str, Any]:
    """Parse and check a JSON export completely before anything is written."""
    text = read_input_text(path, MAX_IMPORT_BYTES, "an export file")
    try:
        doc = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise BadInputError(f"{path}: not valid JSON ({exc}); import takes a JSON export") from None
    check_document(doc, str(path))
    return dict(doc)


def check_document(doc: object, where: str) -> None:
    """Refuse anything that is not a complete, valid export; the message names the bad spot."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise BadInputError(f"{where}: not a footback export (made by `footback export --format json`)")
    if doc.get("version") != EXPORT_VERSION:
        raise BadInputError(f"{where}: export version {doc.get('version')!r} is not one this footback reads")
    made_by = doc.get("schema")
    if not isinstance(made_by, int) or made_by > SCHEMA_VERSION:
        raise BadInputError(f"{where}: made by a newer footback (schema {made_by!r}); upgrade footback")
    unknown = set(doc) - {"format", "version", "schema", "plan", *TABLES}
    if unknown:
        raise BadInputError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    for table in TABLES:
        rows = doc.get(table, [])
        if not isinstance(rows, list):
            raise BadInputError(f"{where}: {table}: must be a list")
        for index, row in enumerate(rows):
            _check_row(row, table, f"{where}: {table}[{index}]")
    _check_pairs(doc)
    plan = doc.get("plan")
    if plan is not None:
        _check_plan(plan, where)


def _check_value(column: Column, value: object, where: str) -> None:
    if value is None:
        if column.required:
            raise BadInputError(f"{where}: {column.name}: is missing")
        return
    if column.name in JSON_COLUMNS:
        if not isinstance(value, dict | list):
            raise BadInputError(f"{where}: {column.name}: must be a JSON object")
        return
    ok = {
        "TEXT": isinstance(value, str),
        "INTEGER": isinstance(value, int) and not isinstance(value, bool),
        "REAL": isinstance(value, int | float) and not isinstance(value, bool),
    }.get(column.kind, True)
    if not ok:
        raise BadInputError(f"{where}: {column.name}: {value!r} is not {column.kind.lower()}")
    if column.name in TIME_COLUMNS:
        try:
            datetime.fromisoformat(str(value))
        except ValueError:
            raise BadInputError(f"{where}: {column.name}: {value!r} is not an ISO date and time") from None


def _check_row(row: object, table: str, where: str) -> None:
    if not isinstance(row, dict):
        raise BadInputError(f"{where}: must be an object")
    columns = {c.name: c for c in schema()[table]}
    extra = set(row) - set(columns)
    if extra:
        raise BadInputError(f"{where}: unknown field {sorted(extra)[0]!r}")
    for column in columns.values():
        if column.name in row or column.required:
            _check_value(column, row.get(column.name), where)
    _check_result(table, row, where)


def _check_result(table: str, row: dict[str, Any], where: str) -> None:
    """Results are read back by history, report and shoes-check: they must load."""
    from pydantic import BaseModel, ValidationError

    model: type[BaseModel]
    if table == "assessments":
        from footback.assess.model import AssessmentResult

        model = AssessmentResult
    elif table == "shoe_checks":
        from footback.shoes.check import ShoeCheckResult

        model = ShoeCheckResult
    else:
        return
    try:
        model.model_validate(row["result"])
    except ValidationError as exc:
        first = exc.errors()[0]
        spot = ".".join(str(p) for p in first["loc"])
        raise BadInputError(f"{where}: result.{spot}: {first['msg']}") from None


def _check_pairs(doc: dict[str, Any]) -> None:
    names = [row["name"] for row in doc.get("shoe_pairs", [])]
    if len(names) != len(set(names)):
        raise BadInputError("the export lists the same shoe pair twice")


def _check_plan(plan: object, where: str) -> None:
    from footback.stretch.routine_file import parse_routine_file

    if not isinstance(plan, str):
        raise BadInputError(f"{where}: plan: must be the plan's TOML text or null")
    try:
        parse_routine_file(tomllib.loads(plan), f"{where}: plan")
    except tomllib.TOMLDecodeError as exc:
        raise BadInputError(f"{where}: plan: invalid TOML: {exc}") from None


def _stored(row: Row) -> list[Any]:
    # Key order is kept as exported, so a restored store exports the very same file.
    return [
        json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS and v is not None else v
        for k, v in row.items()
    ]


def import_document(store: Store, doc: dict[str, Any]) -> ImportCounts:
    """Add every row not already stored, in one transaction: all of it lands or none does."""
    counts = ImportCounts()
    pairs = {row["name"] for row in read_rows(store, "shoe_pairs")} | {
        r["name"] for r in doc.get("shoe_pairs", [])
    }
    for index, row in enumerate(doc.get("shoe_checks", [])):
        if row.get("pair") is not None and row["pair"] not in pairs:
            raise BadInputError(
                f"shoe_checks[{index}]: pair {row['pair']!r} is not in the export or the store"
            )
    with store.transaction() as conn:
        for table in TABLES:
            existing = read_rows(store, table)
            if table == "shoe_pairs":
                _import_pairs(conn, existing, doc.get(table, []), counts)
                continue
            seen = {canonical(row) for row in existing}
            for raw in doc.get(table, []):
                row = complete(table, raw)
                key = canonical(row)
                if key in seen:
                    counts.present[table] += 1
                    continue
                seen.add(key)
                _insert(conn, table, row)
                counts.added[table] += 1
    return counts


def _insert(conn: sqlite3.Connection, table: str, row: Row) -> None:
    names = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", _stored(row))


def _import_pairs(
    conn: sqlite3.Connection, existing: list[Row], rows: Iterable[Row], counts: ImportCounts
) -> None:
    """A pair is known by its name; the more recently updated copy wins."""
    by_name = {row["name"]: row for row in existing}
    for raw in rows:
        row = complete("shoe_pairs", raw)
        mine = by_name.get(row["name"])
        if mine is None:
            _insert(conn, "shoe_pairs", row)
            counts.added["shoe_pairs"] += 1
        elif canonical(mine) == canonical(row) or str(row["updated_at"]) <= str(mine["updated_at"]):
            counts.present["shoe_pairs"] += 1
        else:
            sets = ", ".join(f"{k} = ?" for k in row if k != "name")
            values = [v for k, v in row.items() if k != "name"]
            conn.execute(f"UPDATE shoe_pairs SET {sets} WHERE name = ?", [*values, row["name"]])
            counts.updated["shoe_pairs"] += 1


# ------------------------------------------------------------------ forget


def stored_files(folder: Path) -> list[Path]:
    """Every file footback keeps in the data folder (the store, its journals, the plan)."""
    from footback.plan.build import plan_path

    base = db_path(folder)
    candidates = [base.with_name(base.name + suffix) for suffix in STORE_SUFFIXES]
    candidates.append(plan_path(folder))
    return [path for path in candidates if path.exists()]


def count_records(store: Store) -> dict[str, int]:
    return {table: int(store.query(f"SELECT count(*) FROM {table}")[0][0]) for table in TABLES}


def forget_files(files: Iterable[Path]) -> list[Path]:
    """Delete the given files in order (the store first); stops at the first that will not go."""
    gone: list[Path] = []
    for path in files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise FootbackError(f"cannot delete {path}: {exc.strerror}") from None
        gone.append(path)
    return gone
