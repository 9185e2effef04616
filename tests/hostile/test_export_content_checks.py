"""Export applies the checks import applies, the features' content checks included (answers that
fit their questions, known warning-sign ids and shoe types, through the same ImportChecks registry):
a stored record that import would refuse is exported marked damaged, and so is a record that names
one (a visit's assessment, a check's pair), so an export always imports again, as docs/data.md says."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from footback.core.paths import db_path
from footback.records.transfer.layout import DAMAGED, TABLES
from tests.support.hostile import invoke, seed_everything

# One tamper per content check: (table, SQL, what the mark says). Each still passes every rule
# records/import_rules.py knows without content, so only the features' checks can see it.
TAMPERS = {
    "an answer that fits no choice": (
        "assessments",
        "UPDATE assessments SET answers = json_set(answers, '$.foot_pain', 'each tuesday') WHERE id = 1",
        "answers: ",
    ),
    "an answer to no question": (
        "assessments",
        "UPDATE assessments SET answers = json_set(answers, '$.favourite_colour', 'blue') WHERE id = 2",
        "answers: ",
    ),
    "a check-in sign footback does not know": (
        "checkins",
        "UPDATE checkins SET warning_signs = '[\"rf_made_up\"]' WHERE id = 1",
        "warning_signs: 'rf_made_up' is not a warning-sign id",
    ),
    "a visit for a sign footback does not know": (
        "clinician_seen",
        "UPDATE clinician_seen SET signs = '[\"rf_made_up\"]'",
        "signs: 'rf_made_up' is not a warning-sign id",
    ),
    "a retired pair of an unknown kind": (
        "shoe_pairs",
        "UPDATE shoe_pairs SET shoe_type = 'moon boots' WHERE name = 'old boots'",
        "shoe_type: 'moon boots' is not one of",
    ),
    "a check whose answers name an unknown kind": (
        "shoe_checks",
        "UPDATE shoe_checks SET answers = json_set(answers, '$.shoe_type', 'moon boots') WHERE id = 1",
        "answers: ",
    ),
}


def _tamper(home: Path, *sql: str) -> None:
    conn = sqlite3.connect(db_path(home))
    with conn:
        for statement in sql:
            assert conn.execute(statement).rowcount >= 1, statement
    conn.close()


def _export(folder: Path) -> tuple[Path, dict[str, list[dict[str, object]]]]:
    folder.mkdir(exist_ok=True)
    backup = folder / "backup.json"
    done = invoke(["export", "--output", str(backup)])
    assert done.exit_code == 0, done.output
    return backup, json.loads(backup.read_text(encoding="utf-8"))


def _marks(doc: dict[str, list[dict[str, object]]]) -> dict[str, list[str]]:
    return {
        t: [str(r[DAMAGED]) for r in doc[t] if DAMAGED in r]
        for t in TABLES
        if any(DAMAGED in r for r in doc[t])
    }


def _restore(backup: Path) -> str:
    assert invoke(["forget", "--yes"]).exit_code == 0
    done = invoke(["import", str(backup)])
    assert done.exit_code == 0, done.output
    return done.stdout


@pytest.fixture
def everything(home: Path) -> Path:
    seed_everything(home)
    return home


@pytest.mark.parametrize("tamper", TAMPERS, ids=list(TAMPERS))
def test_a_record_import_would_refuse_is_exported_marked_and_the_export_imports(
    everything: Path, tmp_path: Path, tamper: str
) -> None:
    table, sql, mark = TAMPERS[tamper]
    _, clean = _export(tmp_path / "clean")  # the same store before: nothing marked
    assert _marks(clean) == {}
    _tamper(everything, sql)
    backup, doc = _export(tmp_path)
    assert list(_marks(doc)) == [table]
    (said,) = _marks(doc)[table]
    assert said.startswith(mark), said
    stdout = _restore(backup)
    assert "1 record marked damaged was skipped." in stdout
    conn = sqlite3.connect(db_path(everything))
    restored = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    conn.close()
    assert restored == len(doc[table]) - 1


def test_a_visit_naming_a_marked_assessment_is_marked_too(everything: Path, tmp_path: Path) -> None:
    _tamper(
        everything,
        "UPDATE clinician_seen SET assessment_uid = (SELECT uid FROM assessments WHERE id = 3)",
        "UPDATE assessments SET answers = json_set(answers, '$.foot_pain', 'each tuesday') WHERE id = 3",
    )
    backup, doc = _export(tmp_path)
    marks = _marks(doc)
    assert [len(marks["assessments"]), marks["assessments"][0][:9]] == [1, "answers: "]
    assert marks["clinician_seen"] == ["assessment_uid: names a record of assessments that is marked damaged"]
    assert len(marks) == 2
    assert "2 records marked damaged were skipped." in _restore(backup)


def test_checks_of_a_marked_pair_are_marked_too(everything: Path, tmp_path: Path) -> None:
    _tamper(everything, "UPDATE shoe_pairs SET shoe_type = 'moon boots' WHERE name = 'office'")
    backup, doc = _export(tmp_path)
    checks = [c for c in doc["shoe_checks"] if c["pair"] == "office"]
    assert checks and all(
        c[DAMAGED] == "pair: names a record of shoe_pairs that is marked damaged" for c in checks
    )
    assert sum(map(len, _marks(doc).values())) == 1 + len(checks)
    assert f"{1 + len(checks)} records marked damaged were skipped." in _restore(backup)


def test_the_csv_export_marks_the_same_records(everything: Path) -> None:
    _tamper(everything, *(sql for _, sql, _ in TAMPERS.values()))
    done = invoke(["export", "--format", "csv"])
    assert done.exit_code == 0, done.output
    marked = sorted(r["table"] for r in csv.DictReader(io.StringIO(done.stdout)) if r[DAMAGED])
    # The retired pair has no checks of its own: no record is marked for naming it.
    assert marked == sorted(t for t, _, _ in TAMPERS.values())


@pytest.mark.parametrize(
    ("plan", "why"),
    [
        (b'name = "mine"\nsteps = 5\n', "description: Field required"),  # TOML, but no routine file
        (b'name = "mine"\n\xff\xfe = 1\n', "invalid TOML"),  # not UTF-8: its bad bytes escaped
    ],
)
def test_a_plan_import_would_refuse_is_exported_marked_and_the_records_still_import(
    everything: Path, tmp_path: Path, plan: bytes, why: str
) -> None:
    (everything / "plan.toml").write_bytes(plan)
    done = invoke(["export", "--output", str(tmp_path / "backup.json")])
    assert done.exit_code == 0, done.output
    assert "the saved plan would not import" in done.stderr
    doc = json.loads((tmp_path / "backup.json").read_text(encoding="utf-8"))
    assert doc["plan"][DAMAGED].startswith(why)
    assert doc["plan"]["text"].startswith('name = "mine"')  # carried, not lost
    stdout = _restore(tmp_path / "backup.json")
    assert "The export's plan was marked damaged and not restored." in stdout
    assert not (everything / "plan.toml").exists()
    assert _marks(doc) == {}  # every record came back
