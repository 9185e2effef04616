"""Export everything (JSON or CSV), import a JSON export without duplicates, forget everything.

The export holds rows without their internal ids, in a stable order, so exporting, forgetting,
importing and exporting again gives the same file. Both directions stream: export writes record
by record and import reads record by record, so memory does not grow with the store. A record's
identity for de-duplication is its `uid` (a shoe pair's is its name), a unique key in SQL.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import json
import math
import os
import sqlite3
import textwrap
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any, Protocol, TextIO

from footback.core.errors import BadInputError, FootbackError, StoreError
from footback.core.files import write_private
from footback.core.paths import db_path, plan_path
from footback.core.text import UNSAFE, csv_cell, excerpt, safe_json
from footback.records.db import MIGRATIONS, SCHEMA_VERSION, Store
from footback.records.import_rules import check_record

FORMAT = "footback-export"
# Which record kinds each export version carries, parents first (shoe checks refer to shoe pairs).
# A newer footback reads every older version; the issue-13 work adds version 2 with new kinds.
VERSIONS: dict[int, tuple[str, ...]] = {
    1: ("assessments", "stretch_sessions", "shoe_pairs", "shoe_checks"),
    2: ("assessments", "stretch_sessions", "shoe_pairs", "shoe_checks", "checkins", "plan_changes"),
}
EXPORT_VERSION = max(VERSIONS)
TABLES = VERSIONS[EXPORT_VERSION]
HEADER = ("format", "version", "schema")
JSON_COLUMNS = frozenset({"answers", "result", "detail", "warning_signs"})
# The column each table is ordered by in an export (then its id, so the order is stable).
TIME_COLUMN = {
    "assessments": "created_at",
    "stretch_sessions": "started_at",
    "shoe_pairs": "created_at",
    "shoe_checks": "created_at",
    "checkins": "day",
    "plan_changes": "created_at",
}
TIME_COLUMNS = frozenset({"created_at", "started_at", "updated_at"})
# Every record kind has a unique key import checks in SQL: a `uid` column, or the pair's name.
UID_TABLES = ("assessments", "stretch_sessions", "shoe_checks")
ORDER_TIEBREAK = {"shoe_pairs": "name"}
# A record export could not read as it should is written as it is, with this field saying why.
DAMAGED = "damaged"
# Far above what a person produces (100 years of daily records is about 100 MB); refuses /dev/zero.
MAX_IMPORT_BYTES = 2_000_000_000
MAX_RECORD_CHARS = 8_000_000
CHUNK = 1 << 16
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
    row = {c.name: raw.get(c.name, c.default) for c in schema()[table]}
    for column in schema()[table]:
        value = row[column.name]
        if column.kind == "REAL" and isinstance(value, int) and not isinstance(value, bool):
            row[column.name] = float(value)  # SQLite stores 300 in a REAL column as 300.0
    return row


def canonical(row: Row) -> str:
    """A row's content: every value, with JSON columns compared by content, not spelling."""
    return json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_uid(row: Row) -> str:
    """The uid of a record that has none (stored before uids, or from an older export): its digest."""
    content = {k: v for k, v in row.items() if k != "uid"}
    return hashlib.sha256(canonical(content).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _parsed(column: Column, value: Any) -> Any:
    if column.name in JSON_COLUMNS and isinstance(value, str):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    return value


def backfill_uids(conn: sqlite3.Connection, table: str) -> None:
    """Migration 10: each stored record's uid is its content digest (a copy gets a numbered one)."""
    # The columns the table has at this migration (a later one may add more): those the store
    # holds now, so a backfill never names a column that does not exist yet.
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    columns = [c for c in schema()[table] if c.name != "uid" and c.name in present]
    names = ", ".join(c.name for c in columns)
    seen: dict[str, int] = {}
    updates: list[tuple[str, int]] = []
    for rowid, *values in conn.execute(f"SELECT id, {names} FROM {table} ORDER BY id"):
        row = {c.name: _parsed(c, v) for c, v in zip(columns, values, strict=True)}
        uid = content_uid(row)
        seen[uid] = seen.get(uid, 0) + 1
        updates.append((uid if seen[uid] == 1 else f"{uid}-{seen[uid]}", rowid))
        if len(updates) >= 1000:
            conn.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", updates)
            updates.clear()
    conn.executemany(f"UPDATE {table} SET uid = ? WHERE id = ?", updates)


# ------------------------------------------------------------------ export


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
    except sqlite3.Error as exc:
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
            return json.loads(value, parse_constant=_no_constant), ""
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
            datetime.fromisoformat(value)
        except ValueError:
            return value, "not a date and time"
    return value, ""


def exported_row(table: str, values: tuple[Any, ...]) -> Row:
    """A stored row as an export record; a damaged one is carried through, marked, never dropped."""
    row: Row = {}
    damaged: list[str] = []
    for column, value in zip(schema()[table], values, strict=True):
        row[column.name], problem = _export_value(column, value)
        if problem:
            damaged.append(f"{column.name}: {problem}")
    if damaged:
        row[DAMAGED] = "; ".join(damaged)
    return row


def export_records(store: Store | None, table: str) -> Iterator[Row]:
    if store is not None:
        for values in _stored_rows(store, table):
            yield exported_row(table, values)


@dataclass
class ExportCounts:
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    damaged: int = 0


def _dump(value: Any, ascii_only: bool = False) -> str:
    return safe_json(json.dumps(value, indent=2, ensure_ascii=ascii_only))


def write_json(store: Store | None, plan_text: str | None, out: TextIO) -> ExportCounts:
    """The JSON export, written record by record (memory does not grow with the store).

    The layout is exactly what `json.dumps(document, indent=2)` gives, so older exports and new
    ones read the same.
    """
    counts = ExportCounts()
    # A stream that is not UTF-8 (PYTHONIOENCODING=ascii) gets \u escapes: the same data, still JSON.
    ascii_only = not (getattr(out, "encoding", None) or "utf-8").lower().startswith("utf")
    out.write("{\n")
    out.write(
        f'  "format": {_dump(FORMAT)},\n  "version": {EXPORT_VERSION},\n  "schema": {SCHEMA_VERSION},\n'
    )
    for table in TABLES:
        out.write(f'  "{table}": ')
        for row in export_records(store, table):
            out.write("[\n" if counts.records[table] == 0 else ",\n")
            out.write(textwrap.indent(_dump(row, ascii_only), "    "))
            counts.records[table] += 1
            counts.damaged += DAMAGED in row
        out.write("[],\n" if counts.records[table] == 0 else "\n  ],\n")
    out.write(f'  "plan": {_dump(plan_text, ascii_only)}\n}}\n')
    return counts


def export_all(folder: Path, fmt: str, output: Path | None) -> ExportCounts:
    """`footback export`: the store (if any) and the plan, as JSON or CSV, to stdout or `output`."""
    from footback.core.files import output_stream
    from footback.records.db import open_existing_store

    plan_file = plan_path(folder)
    plan_text = plan_file.read_text(encoding="utf-8") if plan_file.is_file() else None
    store = open_existing_store(folder)
    with contextlib.ExitStack() as stack:
        if store is not None:
            stack.enter_context(store)
        out = stack.enter_context(output_stream(output, folder))
        return write_json(store, plan_text, out) if fmt == "json" else write_csv(store, out)


def write_csv(store: Store | None, out: TextIO) -> ExportCounts:
    """One CSV for spreadsheets: a `table` column, every column of every table, then `damaged`.

    Cells are spreadsheet-safe (a leading `'` before `=`, `+`, `-`, `@`, tab or CR, as OWASP
    recommends) and carry no control characters.
    """
    header: dict[str, None] = {"table": None}
    for table in TABLES:
        for column in schema()[table]:
            header.setdefault(column.name, None)
    header[DAMAGED] = None
    counts = ExportCounts()
    writer = csv.DictWriter(out, fieldnames=list(header), lineterminator="\r\n")
    writer.writeheader()
    for table in TABLES:
        for row in export_records(store, table):
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


# ------------------------------------------------------------------ import


@dataclass
class ImportCounts:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    present: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    damaged: int = 0  # records the export marked damaged: left in the file, not imported
    plan: str = "none"  # none, restored, kept
    plan_text: str | None = None

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


class Readable(Protocol):
    def read(self, size: int, /) -> str: ...


class _NotJson(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _NotJson(f"{name} is not a number JSON allows")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


class ExportReader:
    """Reads an export incrementally: the header, then one record at a time, never the whole file."""

    def __init__(self, fh: Readable, where: str) -> None:
        self.fh = fh
        self.where = where
        self.buf = ""
        self.pos = 0
        self.offset = 0  # characters dropped from the front of the buffer
        self.eof = False

    def fail(self, what: str) -> BadInputError:
        return BadInputError(f"{self.where}: not valid JSON at character {self.offset + self.pos}: {what}")

    def _fill(self) -> bool:
        if self.eof:
            return False
        try:
            chunk = self.fh.read(CHUNK)
        except UnicodeDecodeError as exc:
            raise BadInputError(f"{self.where}: not valid UTF-8 text ({exc.reason})") from None
        except OSError as exc:
            raise BadInputError(f"{self.where}: cannot read: {exc.strerror}") from None
        if not chunk:
            self.eof = True
            return False
        self.offset += self.pos
        self.buf = self.buf[self.pos :] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n":
                self.pos += 1
            if self.pos < len(self.buf) or not self._fill():
                return self.buf[self.pos : self.pos + 1]

    def expect(self, chars: str) -> str:
        found = self.peek()
        if not found or found not in chars:
            raise self.fail(f"expected {' or '.join(repr(c) for c in chars)}")
        self.pos += 1
        return found

    def value(self) -> Any:
        """One JSON value; reads more while the buffer ends inside it."""
        self.peek()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.buf, self.pos)
            except _NotJson as exc:
                raise self.fail(str(exc)) from None
            except RecursionError:
                raise self.fail("nested too deeply") from None
            except json.JSONDecodeError as exc:
                if len(self.buf) - self.pos > MAX_RECORD_CHARS:
                    raise self.fail(f"a record longer than {MAX_RECORD_CHARS} characters") from None
                if self._fill():
                    continue
                raise self.fail(exc.msg) from None
            # A number at the very end of the buffer may continue in the next chunk.
            if end == len(self.buf) and self._fill():
                continue
            self.pos = end
            return value

    def entries(self) -> Iterator[tuple[str, Any]]:
        """The top-level fields: (name, value), or (table, iterator of records) for the lists."""
        self.expect("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            if not isinstance(key, str):
                raise self.fail("expected a field name")
            self.expect(":")
            yield key, self
            if self.expect(",}") == "}":
                break
        if self.peek():
            raise self.fail("extra data after the export")

    def records(self) -> Iterator[Any]:
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.expect(",]") == "]":
                return


def check_header(header: dict[str, Any], where: str) -> tuple[str, ...]:
    """The record kinds this export carries; refuses what is not a footback export this one reads."""
    if header.get("format") != FORMAT:
        raise BadInputError(f"{where}: not a footback export (made by `footback export --format json`)")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version not in VERSIONS:
        raise BadInputError(f"{where}: export version {excerpt(version)} is not one this footback reads")
    made_by = header.get("schema")
    if not isinstance(made_by, int) or made_by > SCHEMA_VERSION:
        raise BadInputError(
            f"{where}: made by a newer footback (schema {excerpt(made_by)}); upgrade footback"
        )
    return VERSIONS[version]


def _check_shape(row: object, table: str, where: str) -> Row:
    if not isinstance(row, dict):
        raise BadInputError(f"{where}: must be an object")
    columns = {c.name: c for c in schema()[table]}
    extra = set(row) - set(columns)
    if extra:
        raise BadInputError(f"{where}: unknown field {excerpt(sorted(extra)[0])}")
    for column in columns.values():
        value = row.get(column.name)
        if value is None:
            if (column.required and column.name in row) or (column.required and column.default is None):
                raise BadInputError(f"{where}: {column.name}: is missing")
            continue
        if column.name in JSON_COLUMNS:
            if not isinstance(value, dict | list):
                raise BadInputError(f"{where}: {column.name}: must be a JSON object")
            continue
        ok = {
            "TEXT": isinstance(value, str),
            "INTEGER": isinstance(value, int) and not isinstance(value, bool),
            "REAL": isinstance(value, int | float) and not isinstance(value, bool),
        }.get(column.kind, True)
        if not ok:
            raise BadInputError(f"{where}: {column.name}: {excerpt(value)} is not {column.kind.lower()}")
    return row


def _check_plan(plan: object, where: str) -> str | None:
    from footback.stretch.routine_file import parse_routine_file

    if plan is None:
        return None
    if not isinstance(plan, str):
        raise BadInputError(f"{where}: plan: must be the plan's TOML text or null")
    try:
        parse_routine_file(tomllib.loads(plan), f"{where}: plan")
    except tomllib.TOMLDecodeError as exc:
        raise BadInputError(f"{where}: plan: invalid TOML: {exc}") from None
    return plan


def _stored(row: Row) -> list[Any]:
    # Key order is kept as exported, so a restored store exports the very same file.
    return [
        json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS and v is not None else v
        for k, v in row.items()
    ]


class _Importer:
    """Adds one export's records inside one transaction; duplicates are found by SQL keys."""

    def __init__(self, conn: sqlite3.Connection, counts: ImportCounts) -> None:
        self.conn = conn
        self.counts = counts
        # Pair names by their case-folded form: 'Trail' and 'trail' would be one pair to a person.
        self.pairs = {name.casefold(): name for (name,) in conn.execute("SELECT name FROM shoe_pairs")}
        self.pairs_in_file: set[str] = set()

    def add(self, table: str, raw: Row, where: str) -> None:
        check_record(table, raw, where)
        row = complete(table, raw)
        if table == "shoe_pairs":
            self._pair(row, where)
            return
        if row.get("uid") is None:
            row["uid"] = content_uid(row)
        names = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cursor = self.conn.execute(
            f"INSERT INTO {table} ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING", _stored(row)
        )
        if cursor.rowcount == 1:
            self.counts.added[table] += 1
        else:
            self.counts.present[table] += 1

    def _pair(self, row: Row, where: str) -> None:
        """A pair is known by its name; the more recently updated copy wins."""
        name = row["name"]
        if name in self.pairs_in_file:
            raise BadInputError(f"{where}: name: the export lists the pair {excerpt(name)} twice")
        self.pairs_in_file.add(name)
        known = self.pairs.get(name.casefold())
        if known is not None and known != name:
            raise BadInputError(
                f"{where}: name: {excerpt(name)} differs only in case from the pair {excerpt(known)}"
            )
        self.pairs[name.casefold()] = name
        if known is None:
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            self.conn.execute(f"INSERT INTO shoe_pairs ({names}) VALUES ({marks})", _stored(row))
            self.counts.added["shoe_pairs"] += 1
            return
        sets = ", ".join(f"{k} = ?" for k in row if k != "name")
        values = [v for k, v in row.items() if k != "name"]
        cursor = self.conn.execute(
            f"UPDATE shoe_pairs SET {sets} WHERE name = ? AND updated_at < ?",
            [*values, name, row["updated_at"]],
        )
        if cursor.rowcount:
            self.counts.updated["shoe_pairs"] += 1
        else:
            self.counts.present["shoe_pairs"] += 1

    def finish(self, where: str) -> None:
        orphan = self.conn.execute(
            "SELECT pair FROM shoe_checks WHERE pair IS NOT NULL"
            " AND pair NOT IN (SELECT name FROM shoe_pairs) LIMIT 1"
        ).fetchone()
        if orphan is not None:
            raise BadInputError(
                f"{where}: shoe_checks: pair {excerpt(orphan[0])} is not in the export or the store"
            )


def import_stream(store: Store, fh: Readable, where: str) -> ImportCounts:
    """Add every record of an export not already stored, in one transaction: all of it or none.

    The file is read record by record and each is checked with the rules of the command that
    saves it (records/import_rules.py) before it is inserted; a record already stored is skipped
    by its unique key (`INSERT ... ON CONFLICT DO NOTHING`), so memory stays flat at any size.
    """
    counts = ImportCounts()
    reader = ExportReader(fh, where)
    header: dict[str, Any] = {}
    tables: tuple[str, ...] | None = None
    seen: set[str] = set()
    with store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")  # a check may come before its pair
        importer = _Importer(conn, counts)
        for key, _ in reader.entries():
            if key in seen:
                raise BadInputError(f"{where}: the field {excerpt(key)} appears twice")
            seen.add(key)
            if key in HEADER:
                header[key] = reader.value()
                if len(header) == len(HEADER):
                    tables = check_header(header, where)
            elif key == "plan":
                counts.plan_text = _check_plan(reader.value(), where)
            elif tables is None:
                # footback writes format, version and schema first: the records must follow them.
                check_header(header, where)
                raise BadInputError(f"{where}: format, version and schema must come before the records")
            elif key in tables:
                for index, raw in enumerate(reader.records()):
                    if isinstance(raw, dict) and DAMAGED in raw:
                        counts.damaged += 1  # kept in the file as it was; nothing to restore
                        continue
                    spot = f"{where}: {key}[{index}]"
                    importer.add(key, _check_shape(raw, key, spot), spot)
            else:
                raise BadInputError(f"{where}: unknown field {excerpt(key)}")
        if tables is None:
            check_header(header, where)
        importer.finish(where)
    return counts


def import_file(store: Store, path: Path) -> ImportCounts:
    """Import a JSON export file (see `import_stream`); every problem is one line naming the file."""
    try:
        fh = path.open("r", encoding="utf-8", newline="")
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{path}: is a folder, not an export file") from None
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read: {exc.strerror}") from None
    with fh:
        return import_stream(store, _Capped(fh, MAX_IMPORT_BYTES, path), str(path))


def import_into_store(path: Path, folder: Path) -> tuple[ImportCounts, Path]:
    """Import into the store (opened or created); a refused import leaves no new store behind."""
    from footback.records.db import open_store

    home = folder
    store_file = db_path(home)
    had_folder, had_store = home.exists(), os.path.lexists(store_file)
    try:
        with open_store(home) as store:
            return import_file(store, path), store.path
    except BaseException:
        if not had_store:
            for suffix in STORE_SUFFIXES:
                with contextlib.suppress(OSError):
                    store_file.with_name(store_file.name + suffix).unlink()
        if not had_folder:
            with contextlib.suppress(OSError):
                home.rmdir()
        raise


class _Capped:
    """A text stream that refuses to go past `limit` characters (a FIFO or /dev/zero never ends)."""

    def __init__(self, fh: TextIO, limit: int, path: Path) -> None:
        self.fh, self.limit, self.path, self.read_so_far = fh, limit, path, 0

    def read(self, size: int) -> str:
        chunk = self.fh.read(size)
        self.read_so_far += len(chunk)
        if self.read_so_far > self.limit:
            raise BadInputError(f"{self.path}: file is larger than {self.limit} bytes")
        return chunk


# ------------------------------------------------------------------ forget


def stored_files(folder: Path) -> list[Path]:
    """Every file footback keeps in the data folder (the store, its journals, the plan)."""
    base = db_path(folder)
    candidates = [base.with_name(base.name + suffix) for suffix in STORE_SUFFIXES]
    candidates.append(plan_path(folder))
    return [path for path in candidates if path.exists()]


def restore_plan(folder: Path, plan_text: str | None) -> str | None:
    """The import's policy for the export's plan: restored when there is none, the current one
    kept when it differs. Returns "restored", "kept", or None (no plan, or the same one)."""
    if plan_text is None:
        return None
    target = plan_path(folder)
    if not target.exists():
        write_private(target, plan_text)
        return "restored"
    return "kept" if target.read_text(encoding="utf-8") != plan_text else None


def stored(folder: Path) -> tuple[list[Path], dict[str, int]]:
    """What `forget` would delete: the files, and the records in the store by kind.

    Opening proves the file is footback's: a foreign file at that path is never counted or deleted.
    """
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    counts: dict[str, int] = {}
    if store is not None:
        with store:
            counts = count_records(store)
    return stored_files(folder), counts


def forget_all(folder: Path, files: Iterable[Path]) -> list[Path]:
    """Delete the files, then the folder if nothing else is left in it."""
    gone = forget_files(files)
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty: files someone else put there stay
    return gone


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
