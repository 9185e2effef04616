"""An output file that is an SQLite database: footback protects its own data folder, but the store
of another one (FOOTBACK_HOME pointed elsewhere today, an old folder) was replaced whole by
`remind --ics`, `report --output` or `export --output`, exit 0: that history gone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.history_seed import seed_full
from tests.support.hostile import invoke, refused


@pytest.fixture
def other_store(tmp_path: Path) -> Path:
    other = tmp_path / "old-home"
    seed_full(other)
    return other / "footback.sqlite3"


@pytest.mark.parametrize(
    "args",
    [
        ["remind", "--ics"],
        ["report", "--output"],
        ["export", "--output"],
        ["export", "--format", "csv", "-o"],
    ],
    ids=["remind", "report", "export", "export csv"],
)
def test_a_database_is_never_written_over(home: Path, other_store: Path, args: list[str]) -> None:
    seed_full(home)
    before = other_store.read_bytes()
    refused(invoke([*args, str(other_store)]), "is an SQLite database", "choose another file")
    assert other_store.read_bytes() == before


def test_a_plain_file_is_still_replaced(home: Path, tmp_path: Path, other_store: Path) -> None:
    seed_full(home)
    plain = tmp_path / "summary.md"
    shutil.copy(other_store, plain)
    plain.write_bytes(b"SQLite format 2 is not a database\n")  # one byte off the header
    result = invoke(["report", "--output", str(plain)])
    assert result.exit_code == 0, result.output
    assert plain.read_text(encoding="utf-8").startswith("# footback")
