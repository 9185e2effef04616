"""The FHIR export given what a clinic's system would refuse: a --name with control characters,
stamps whose offset FHIR does not take (footback keeps up to 14:59, FHIR's instant up to 14:00)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.clinic.fhir_checks import validate
from tests.support.hostile import EVIL, clean, invoke, refused, seed_everything


@pytest.mark.parametrize("name", [f"Ann{EVIL}", "Ann\x07", "Ann\u202eKim", "Ann\nKim", "Ann\x00"])
def test_a_name_with_control_characters_is_refused(home: Path, name: str) -> None:
    seed_everything(home)
    refused(invoke(["export", "--format", "fhir", "--name", name]), "--name", "plain text")


def test_a_plain_name_is_put_on_the_patient(home: Path) -> None:
    seed_everything(home)
    result = invoke(["export", "--format", "fhir", "--name", "Ann Kim-O'Neil"])
    clean(result, codes=(0,))
    assert "Ann Kim-O'Neil" in result.stdout


def _stamp_everything(home: Path, offset: str) -> None:
    conn = sqlite3.connect(home / "footback.sqlite3")
    for table, column in (("assessments", "created_at"), ("checkins", "created_at")):
        conn.execute(f"UPDATE {table} SET {column} = substr({column}, 1, 19) || ?", (offset,))
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("offset", "kept"), [("+14:00", True), ("-14:00", True), ("+14:01", False), ("-14:59", False)]
)
def test_every_stamp_is_one_fhir_reads(home: Path, offset: str, kept: bool) -> None:
    seed_everything(home)
    _stamp_everything(home, offset)
    result = invoke(["export", "--format", "fhir"])
    clean(result, codes=(0,))
    doc = json.loads(result.stdout)
    validate(doc)
    assert (offset in result.stdout) is kept
