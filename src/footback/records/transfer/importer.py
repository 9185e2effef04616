"""`footback import`: add an export's records not already stored, all of them or none."""

from __future__ import annotations

import contextlib
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import tomli

from footback.core.errors import BadInputError
from footback.core.files import TOO_LONG_NUMBER, open_input, write_private
from footback.core.paths import db_path, plan_path
from footback.core.signals import stop_on_signals
from footback.core.text import excerpt
from footback.records.connection import Connection
from footback.records.db import Store
from footback.records.folder import STORE_SUFFIXES
from footback.records.import_rules import ImportChecks, check_record
from footback.records.migrations import SCHEMA_VERSION
from footback.records.transfer.layout import DAMAGED, FORMAT, HEADER, TABLES, VERSIONS, complete, schema
from footback.records.transfer.reader import ExportReader, Readable
from footback.records.transfer.rows import JSON_COLUMNS, Row, content_uid

# Far above what a person produces (100 years of daily records is about 100 MB); refuses /dev/zero.
MAX_IMPORT_BYTES = 2_000_000_000


@dataclass
class ImportCounts:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    present: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    damaged: int = 0  # records the export marked damaged: left in the file, not imported
    # Check-ins for a day that already has a different one: the stored one is kept.
    days_kept: int = 0
    plan: str = "none"  # none, restored, kept
    plan_text: str | None = None
    plan_damaged: bool = False  # the export marked its plan damaged: left in the file, not restored

    @property
    def total_added(self) -> int:
        return sum(self.added.values())


def check_header(header: dict[str, Any], where: str) -> tuple[str, ...]:
    """The record kinds this export carries; refuses what is not a footback export this one reads."""
    if header.get("format") != FORMAT:
        raise BadInputError(f"{where}: not a footback export (made by `footback export --format json`)")
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version not in VERSIONS:
        raise BadInputError(f"{where}: export version {excerpt(version)} is not one this footback reads")
    if "schema" not in header:
        raise BadInputError(f"{where}: the file has no schema field (footback's export writes one)")
    made_by = header.get("schema")
    if not isinstance(made_by, int) or isinstance(made_by, bool) or made_by < 1:
        raise BadInputError(f"{where}: schema {excerpt(made_by)} is not a schema version (a whole number)")
    if made_by > SCHEMA_VERSION:
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
                # Answers and results are objects, warning signs a list: "object" alone misled.
                raise BadInputError(
                    f"{where}: {column.name}: must be a JSON object or list, not {excerpt(value)}"
                )
            continue
        ok = {
            "TEXT": isinstance(value, str),
            "INTEGER": isinstance(value, int) and not isinstance(value, bool),
            "REAL": isinstance(value, int | float) and not isinstance(value, bool),
        }.get(column.kind, True)
        if not ok:
            raise BadInputError(f"{where}: {column.name}: {excerpt(value)} is not {column.kind.lower()}")
    return row


def check_plan(plan: object, where: str, checks: ImportChecks) -> str | None:
    """The export's plan as import restores it: TOML text that is a routine file `stretch` can
    play (the stretch feature's check in `checks`), or null."""
    if plan is None:
        return None
    if not isinstance(plan, str):
        raise BadInputError(f"{where}: plan: must be the plan's TOML text or null")
    try:
        data = tomli.loads(plan)
    except tomli.TOMLDecodeError as exc:
        raise BadInputError(f"{where}: plan: invalid TOML: {exc}") from None
    except ValueError:  # a number tomli's int() refuses (more than 4300 digits)
        raise BadInputError(f"{where}: plan: invalid TOML: {TOO_LONG_NUMBER}") from None
    checks.plan(data, f"{where}: plan")  # a routine file: the stretch feature's check
    return plan


def _stored(row: Row) -> list[Any]:
    # Key order is kept as exported, so a restored store exports the very same file.
    return [
        json.dumps(v, ensure_ascii=False) if k in JSON_COLUMNS and v is not None else v
        for k, v in row.items()
    ]


class _Importer:
    """Adds one export's records inside one transaction; duplicates are found by SQL keys."""

    def __init__(self, conn: Connection, counts: ImportCounts, checks: ImportChecks) -> None:
        self.conn = conn
        self.counts = counts
        self.checks = checks
        # Pair names by their case-folded form: 'Trail' and 'trail' would be one pair to a person.
        self.pairs = {name.casefold(): name for (name,) in conn.execute("SELECT name FROM shoe_pairs")}
        self.pairs_in_file: set[str] = set()

    def add(self, table: str, raw: Row, where: str) -> None:
        check_record(table, raw, where, self.checks)
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
            if table == "clinician_seen":
                # The row id of the assessment it names, in this store (the export carries its uid).
                self.conn.execute(
                    "UPDATE clinician_seen SET assessment_id ="
                    " (SELECT id FROM assessments WHERE uid = clinician_seen.assessment_uid) WHERE uid = ?",
                    (row["uid"],),
                )
                if row.get("assessment_uid") is not None and self._orphan_visit(row["uid"]):
                    raise BadInputError(
                        f"{where}: assessment_uid: {excerpt(row['assessment_uid'])} is not an assessment"
                        " in the export or the store"
                    )
        elif table == "checkins" and self._other_checkin_that_day(row):
            self.counts.days_kept += 1
        else:
            self.counts.present[table] += 1

    def _orphan_visit(self, uid: str) -> bool:
        """Whether the confirmation names an assessment found neither in the export nor the store."""
        found = self.conn.execute(
            "SELECT assessment_id IS NULL FROM clinician_seen WHERE uid = ?", (uid,)
        ).fetchone()
        return bool(found and found[0])

    def _other_checkin_that_day(self, row: Row) -> bool:
        """Whether the check-in was refused for its day (a different one is stored), not its uid."""
        found = self.conn.execute("SELECT 1 FROM checkins WHERE uid = ?", (row["uid"],)).fetchone()
        return found is None

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


def import_stream(store: Store, fh: Readable, where: str, checks: ImportChecks) -> ImportCounts:
    """Add every record of an export not already stored, in one transaction: all of it or none.

    The file is read record by record and each is checked with the rules of the command that
    saves it (records/import_rules.py, and the features' content checks in `checks`) before it
    is inserted; a record already stored is skipped
    by its unique key (`INSERT ... ON CONFLICT DO NOTHING`), so memory stays flat at any size.
    """
    counts = ImportCounts()
    reader = ExportReader(fh, where)
    header: dict[str, Any] = {}
    tables: tuple[str, ...] | None = None
    seen: set[str] = set()
    with store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")  # a check may come before its pair
        importer = _Importer(conn, counts, checks)
        for key, _ in reader.entries():
            if key in seen:
                raise BadInputError(f"{where}: the field {excerpt(key)} appears twice")
            seen.add(key)
            if key in HEADER:
                header[key] = reader.value()
                if len(header) == len(HEADER):
                    tables = check_header(header, where)
            elif key == "plan":
                plan = reader.value()
                if isinstance(plan, dict) and DAMAGED in plan:
                    counts.plan_damaged = True  # written so by export: import would refuse it
                else:
                    counts.plan_text = check_plan(plan, where, checks)
            elif tables is None:
                # footback writes format, version and schema first: the records must follow them.
                check_header(header, where)
                raise BadInputError(f"{where}: format, version and schema must come before the records")
            elif key in tables:
                for index, raw in enumerate(reader.records(key)):
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


def import_file(store: Store, path: Path, checks: ImportChecks) -> ImportCounts:
    """Import a JSON export file (see `import_stream`); every problem is one line naming the file."""
    # utf-8-sig: an export saved again by a Windows editor may start with a byte-order mark.
    fh = io.TextIOWrapper(open_input(path, "an export file"), encoding="utf-8-sig", newline="")
    with fh:
        return import_stream(store, _Capped(fh, MAX_IMPORT_BYTES, path), str(path), checks)


def import_into_store(path: Path, folder: Path, checks: ImportChecks) -> tuple[ImportCounts, Path]:
    """Import into the store (opened or created); a refused import leaves no new store behind."""
    from footback.records.db import open_store

    home = folder
    store_file = db_path(home)
    had_folder, had_store = home.exists(), os.path.lexists(store_file)
    try:
        # A kill (SIGTERM, a closed terminal) must reach the clean-up below, as Ctrl-C does.
        with stop_on_signals(), open_store(home, full_check=True) as store:
            return import_file(store, path, checks), store.path
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
