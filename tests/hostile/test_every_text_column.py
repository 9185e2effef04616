"""Every text column of the store, tampered in turn: no reading command lets a raw control byte
(ESC, BEL, C1, bidi overrides, line separators) reach its output, and none shows a traceback."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.support.hostile import EVIL, RAW, SGR, clean, invoke, seed_everything

JSON_COLUMNS = {"answers", "result", "detail", "warning_signs", "signs", "activities", "ratings"}
# Every command that reads the store, as a person runs it (remind reads the plan, due the day).
READERS: list[list[str]] = [
    ["history"],
    ["history", "--json"],
    ["progress"],
    ["progress", "--json"],
    ["plan", "--no-save"],
    ["plan", "--json", "--no-save"],
    ["report"],
    ["report", "--format", "html"],
    ["export"],
    ["export", "--format", "csv"],
    ["export", "--format", "fhir"],
    ["due"],
    ["shoes-check", "--list"],
    ["assess", "--last"],
    ["remind", "--ics", "-"],
    ["today"],
    ["today", "--json"],
]


def _text_columns() -> list[tuple[str, str]]:
    from footback.records.connection import connect_memory
    from footback.records.migrations import migrate

    conn = connect_memory()
    migrate(conn, Path(":memory:"))
    found = []
    tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    # session_days is derived and never shown: a tampered one is not trusted and read live instead
    # (tests/records/test_session_days.py).
    for table in sorted(t for t in tables if not t.startswith(("sqlite_", "schema")) and t != "session_days"):
        for _, column, kind, *_ in conn.execute(f"PRAGMA table_info({table})"):
            if kind.upper() == "TEXT":
                found.append((table, column))
    conn.close()
    return found


COLUMNS = _text_columns()


def _poison(value: Any) -> Any:
    """EVIL before every string inside a JSON value."""
    if isinstance(value, str):
        return EVIL + value
    if isinstance(value, list):
        return [_poison(v) for v in value] + [EVIL]
    if isinstance(value, dict):
        return {EVIL + k if k == "note" else k: _poison(v) for k, v in value.items()}
    return value


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    template = tmp_path_factory.mktemp("seeded") / "home"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FOOTBACK_HOME", str(template))
        seed_everything(template)
    return template


def _tamper(home: Path, table: str, column: str, mode: str) -> None:
    conn = sqlite3.connect(home / "footback.sqlite3")
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        if mode == "raw":
            conn.execute(f"UPDATE {table} SET {column} = ? || coalesce({column}, '')", (EVIL,))
        else:
            for rowid, value in conn.execute(f"SELECT rowid, {column} FROM {table}").fetchall():
                poisoned = json.dumps(_poison(json.loads(value)), ensure_ascii=False)
                conn.execute(f"UPDATE {table} SET {column} = ? WHERE rowid = ?", (poisoned, rowid))
        conn.commit()
    finally:
        conn.close()


CASES = [(t, c, "raw") for t, c in COLUMNS] + [(t, c, "inside") for t, c in COLUMNS if c in JSON_COLUMNS]


def test_the_schema_has_the_text_columns_this_test_tampers() -> None:
    assert ("plan_changes", "reason") in COLUMNS and ("checkins", "note") in COLUMNS
    assert len(COLUMNS) >= 25


@pytest.mark.parametrize(("table", "column", "mode"), CASES, ids=[f"{t}.{c}.{m}" for t, c, m in CASES])
def test_a_tampered_text_column_reaches_no_output_raw(
    seeded: Path, home: Path, table: str, column: str, mode: str
) -> None:
    shutil.copytree(seeded, home)
    conn = sqlite3.connect(home / "footback.sqlite3")
    rows = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    conn.close()
    if not rows:
        pytest.skip(f"the seed store (tests/support/hostile.seed_everything) has no {table} rows yet")
    _tamper(home, table, column, mode)
    seen = ""
    for args in READERS:
        result = invoke(args, env={"COLUMNS": "300"})
        clean(result)
        for text in (result.stdout, result.stderr):
            assert RAW.search(SGR.sub("", text)) is None, (args, text[:500])
        seen += result.stdout + result.stderr
    assert "pwned" in seen  # kept, and shown as text (a record, or the warning naming it)
