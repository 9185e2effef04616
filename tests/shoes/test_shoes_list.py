"""`shoes-check --list`: names readable at 40, 60, 80 and 120 columns, and retired pairs counted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.cli.app import app
from tests.shoes.test_shoes_cli import run, write_answers
from tests.support.runner import CliRunner

LONG = ["Hoka Clifton nine for the long runs", "Brooks Ghost 15 blue ones, the outlet"]


def _save(tmp_path: Path, *names: str) -> None:
    path = write_answers(tmp_path)
    for name in names:
        assert run("-a", str(path), "--name", name)[0] == 0


def _list(columns: int, *args: str) -> str:
    result = CliRunner().invoke(app, ["shoes-check", "--list", *args], env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_every_name_is_shown_whole_on_its_own_line(tmp_path: Path, home: Path, columns: int) -> None:
    _save(tmp_path, *LONG, "office")
    out = _list(columns)
    lines = out.splitlines()
    assert lines[0] == "Saved pairs (3)"
    for name in [*LONG, "office"]:
        assert any(name in line for line in lines), (name, out)
    assert all(len(line) <= columns for line in lines)
    assert all(line == line.rstrip() for line in lines)  # piped: no trailing spaces
    assert out.count("good 100/100") == 3


def test_a_table_when_the_names_fit_a_list_when_they_would_be_squeezed(tmp_path: Path, home: Path) -> None:
    _save(tmp_path, "office", "trail")
    assert "┃ Pair " in _list(80)  # short names: the table
    _save(tmp_path, LONG[0])
    at_80 = _list(80)
    assert "┃ Pair " not in at_80
    assert f"{LONG[0]}\n  running shoes, " in at_80 and "checked " in at_80
    assert "┃ Pair " in _list(120)


def test_all_retired_says_how_many_and_how_to_see_them(tmp_path: Path, home: Path) -> None:
    _save(tmp_path, "road", "trail")
    for name in ("road", "trail"):
        assert run("--name", name, "--retire")[0] == 0
    out = _list(80)
    assert out == "No pairs in use (2 retired). See them with: footback shoes-check --list --all\n"
    shown = _list(120, "--all")
    assert "Retired" in shown and "road" in shown and "trail" in shown
    rows = json.loads(_list(80, "--all", "--json"))
    # Newest update first: the two retirements may fall in different seconds, so order is not tested here.
    assert sorted(r["name"] for r in rows) == ["road", "trail"] and all(r["retired_at"] for r in rows)
    assert json.loads(_list(80, "--json")) == []


def test_some_retired_are_counted_under_the_list(tmp_path: Path, home: Path) -> None:
    _save(tmp_path, "road", "trail")
    run("--name", "road", "--retire")
    out = _list(80)
    assert out.splitlines()[-1] == "1 retired pair not shown. See it with: footback shoes-check --list --all"
    assert json.loads(_list(80, "--json"))[0]["retired_at"] is None


def test_all_needs_list(home: Path) -> None:
    code, _, err = run("--all")
    assert code == 2 and "--all shows retired pairs in --list; use it with --list" in err
