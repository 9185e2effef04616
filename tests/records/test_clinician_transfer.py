"""Export and import keep "a clinician has seen me" (issue 10, requirement 15): a restored store
does not ask again. The confirmation names its assessment by the assessment's uid (export version 3)."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

from footback.assess.gate import open_gate
from footback.core.paths import db_path
from footback.records.db import open_store
from footback.records.migrations import SCHEMA_VERSION
from footback.records.transfer.layout import EXPORT_VERSION, VERSIONS, schema
from tests.records.test_store_faults import build_store_at
from tests.support.context import WALL, Cli
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import add_assessment


def _seen_after_fever(home: Path, cli: Cli) -> None:
    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), WALL - timedelta(days=3))
        add_assessment(store, no_problem_answers() | {"rf_fever": True}, WALL - timedelta(days=1))
    result = cli.invoke(["stretch", "--routine", "feet", "--seen-clinician", "--no-save", "--lead-in", "0"])
    assert result.exit_code == 0, result.output


def _export(cli: Cli, path: Path) -> dict[str, object]:
    result = cli.invoke(["export", "--format", "json", "--output", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_the_confirmation_is_exported_with_its_assessments_uid_not_its_row_id(
    home: Path, cli: Cli, tmp_path: Path
) -> None:
    _seen_after_fever(home, cli)
    doc = _export(cli, tmp_path / "backup.json")
    assert doc["version"] == EXPORT_VERSION >= 3
    (seen,) = doc["clinician_seen"]  # type: ignore[misc]
    assert set(seen) == {"seen_at", "signs", "assessment_uid", "uid", "utc_offset"}
    assert seen["signs"] == ["rf_fever"]
    fever = doc["assessments"][1]  # type: ignore[index]
    assert fever["urgent"] == 1 and seen["assessment_uid"] == fever["uid"]


def test_export_forget_import_does_not_ask_again_and_exports_the_same(
    home: Path, cli: Cli, tmp_path: Path
) -> None:
    _seen_after_fever(home, cli)
    first = tmp_path / "first.json"
    _export(cli, first)
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    restored = cli.invoke(["import", str(first)])
    assert restored.exit_code == 0, restored.output
    assert "1 clinician confirmation" in restored.output
    with open_store(home) as store:
        assert open_gate(store) is None  # not asked "seen since" again
        (row,) = store.conn.execute(
            "SELECT c.assessment_id, a.urgent FROM clinician_seen c JOIN assessments a"
            " ON a.id = c.assessment_id"
        ).fetchall()
        assert row[1] == 1  # the row id was found again, from the uid
    # Without a terminal and without --seen-clinician, stretch plays: nothing is asked.
    result = cli.invoke(["stretch", "--routine", "feet", "--no-save", "--lead-in", "0"])
    assert result.exit_code == 0, result.output
    second = tmp_path / "second.json"
    _export(cli, second)
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")


def test_importing_twice_adds_the_confirmation_once(home: Path, cli: Cli, tmp_path: Path) -> None:
    _seen_after_fever(home, cli)
    backup = tmp_path / "backup.json"
    _export(cli, backup)
    again = cli.invoke(["import", str(backup)])
    assert again.exit_code == 0, again.output
    with open_store(home) as store:
        assert store.conn.execute("SELECT count(*) FROM clinician_seen").fetchone()[0] == 1


def test_an_older_export_without_confirmations_still_imports_and_asks_again(
    home: Path, cli: Cli, tmp_path: Path
) -> None:
    _seen_after_fever(home, cli)
    doc = _export(cli, tmp_path / "now.json")
    later = ("clinician_seen", "psfs_ratings")  # kinds of versions 3 and 4
    old = {key: value for key, value in doc.items() if key not in later} | {"version": 2}
    assert VERSIONS[2] == tuple(t for t in VERSIONS[3] if t != "clinician_seen")
    path = tmp_path / "v2.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    result = cli.invoke(["import", str(path)])
    assert result.exit_code == 0, result.output
    with open_store(home) as store:
        assert open_gate(store) is not None  # nothing says a clinician has seen the person


def test_a_version_2_export_may_not_carry_confirmations(home: Path, cli: Cli, tmp_path: Path) -> None:
    _seen_after_fever(home, cli)
    doc = _export(cli, tmp_path / "now.json") | {"version": 2}
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = cli.invoke(["import", str(path)])
    assert result.exit_code == 2
    assert "unknown field 'clinician_seen'" in result.output


def _import_one(cli: Cli, tmp_path: Path, record: dict[str, object]) -> tuple[int, str]:
    doc = {"format": "footback-export", "version": 3, "schema": SCHEMA_VERSION, "clinician_seen": [record]}
    path = tmp_path / "one.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = cli.invoke(["import", str(path)])
    return result.exit_code, result.output


def test_a_bad_confirmation_is_refused_with_one_line(home: Path, cli: Cli, tmp_path: Path) -> None:
    good = {"seen_at": "2025-03-01T09:00:00+00:00", "signs": ["rf_fever"], "assessment_uid": None}
    for bad, field in [
        ({"signs": "rf_fever"}, "signs"),
        ({"signs": [1]}, "signs"),
        ({"seen_at": "yesterday"}, "seen_at"),
        ({"assessment_uid": 7}, "assessment_uid"),
        ({"assessment_id": 7}, "assessment_id"),  # the store's row id is not part of the format
    ]:
        code, output = _import_one(cli, tmp_path, good | bad)
        assert code == 2, bad
        assert f"clinician_seen[0]: {field}" in output or f"unknown field '{field}'" in output, output
        assert not db_path(home).exists()  # nothing stored
    code, output = _import_one(cli, tmp_path, good)
    assert code == 0, output  # an unknown assessment is no reason to refuse: the word stands


def test_migration_60_gives_old_confirmations_their_assessments_uid(home: Path) -> None:
    home.mkdir(mode=0o700)
    path = db_path(home)
    build_store_at(path, 50)
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO clinician_seen (seen_at, assessment_id, signs)"
            " VALUES ('2024-01-03T08:00:00+00:00', 1, '[\"rf_fever\"]')"
        )
    conn.close()
    with open_store(home) as store:
        (uid, assessment_uid, stored) = store.conn.execute(
            "SELECT c.uid, c.assessment_uid, a.uid FROM clinician_seen c, assessments a WHERE a.id = 1"
        ).fetchone()
    assert uid and assessment_uid == stored
    assert [c.name for c in schema()["clinician_seen"]] == [
        "seen_at",
        "signs",
        "assessment_uid",
        "uid",
        "utc_offset",
    ]
