"""The saved plan (plan.toml in the data folder) damaged or replaced by something else: every command
that reads it stays clean, and export still gets everything out.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from footback.records.db import open_store
from tests.support.hostile import clean, invoke, seed_everything

PLAN_READERS: list[list[str]] = [
    ["export"],
    ["export", "--format", "csv"],
    ["stretch", "--routine", "plan", "--preview"],
    ["plan", "--no-save"],
    ["due"],
    ["remind", "--ics", "-"],
    ["history"],
    ["report"],
    ["progress"],
]


def _escapes(path: Path) -> None:
    path.write_text(
        'name = "plan"\ndescription = "\\u001b]0;pwned\\u0007"\n[[steps]]\nname = "\\u001b[2J"\n'
        'seconds = 10\ninstructions = "x\\u202e"\n',
        encoding="utf-8",
    )


PLANS: dict[str, Callable[[Path], None]] = {
    "escapes": _escapes,
    "not toml": lambda p: p.write_text("{{{", encoding="utf-8"),
    "binary": lambda p: p.write_bytes(bytes(range(256)) * 8),
    "huge": lambda p: p.write_text("#" * 3_000_000, encoding="utf-8"),
    "empty": lambda p: p.write_bytes(b""),
    "folder": lambda p: p.mkdir(),
    "fifo": lambda p: os.mkfifo(p),
    "link elsewhere": lambda p: p.symlink_to("/etc/hostname"),
    "dangling link": lambda p: p.symlink_to(p.parent / "nowhere"),
}


@pytest.mark.parametrize("kind", list(PLANS), ids=list(PLANS))
def test_a_damaged_plan_file_never_breaks_a_reader(home: Path, kind: str) -> None:
    seed_everything(home)
    plan = home / "plan.toml"
    plan.unlink()
    PLANS[kind](plan)
    for args in PLAN_READERS:
        clean(invoke(args), codes=(0, 1, 2))
    exported = invoke(["export"])
    assert exported.exit_code == 0, exported.stderr
    assert json.loads(exported.stdout)["checkins"]


def test_a_plan_that_is_not_utf8_is_exported_escaped_and_named(home: Path) -> None:
    seed_everything(home)
    (home / "plan.toml").write_bytes(b'name = "plan"\xff\n')
    result = invoke(["export"])
    assert result.exit_code == 0
    assert "plan.toml is not UTF-8 text" in result.stderr
    # Carried whole, its bad byte escaped, and marked damaged: import would refuse it as a plan.
    plan = json.loads(result.stdout)["plan"]
    assert plan["text"] == 'name = "plan"\udcff\n' and plan["damaged"].startswith("invalid TOML")


def test_warnings_show_a_hostile_folder_name_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home\x1b]0;pwned\x07"
    monkeypatch.setenv("FOOTBACK_HOME", str(home))
    seed_everything(home)
    with open_store(home) as store, store.transaction() as conn:
        conn.execute("UPDATE stretch_sessions SET started_at = 'garbage'")
    result = invoke(["history"], env={"FOOTBACK_HOME": str(home)})
    clean(result, codes=(0,))
    assert "skipped a damaged" in result.stderr and "\\x1b" in result.stderr
