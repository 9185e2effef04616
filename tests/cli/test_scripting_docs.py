"""docs/scripting.md is the contract a script reads: every command with `--json` is in its table,
and each row's top-level keys are the ones the command prints, in the order printed."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from footback.cli.app import app
from tests.support.context import Cli
from tests.support.helpers import template_signs_answered_no

PAGE = Path(__file__).resolve().parents[2] / "docs" / "scripting.md"
# | `command --json ...` | prints | `key`, `key` | fields |
ROW = re.compile(r"^\| `([a-z-]+)(?: --list)? --json`[^|]*\| [^|]+ \| ([^|]+) \|", re.MULTILINE)


def documented() -> dict[str, list[str]]:
    """Each row of "Every `--json` document" as its command (with `--list`) and its keys."""
    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("## Every `--json` document") :].split("\n## ", 1)[0]
    rows: dict[str, list[str]] = {}
    for line in table.splitlines():
        if match := ROW.match(line):
            name = match.group(1) + (" --list" if " --list --json`" in line else "")
            rows[name] = re.findall(r"`([a-z_]+)`", match.group(2))
    return rows


def _json_commands() -> set[str]:
    root: Any = typer.main.get_command(app)
    return {
        name
        for name, command in root.commands.items()
        if any("--json" in getattr(p, "opts", ()) for p in command.params)
    }


def test_every_command_with_json_has_a_row() -> None:
    rows = documented()
    assert {name.split()[0] for name in rows} == _json_commands()


def _runs(cli: Cli, tmp_path: Path) -> dict[str, list[str]]:
    """Each documented document's command line, with answers files as `--template` writes them
    (assess's with its warning signs answered: the template leaves them blank)."""
    for kind in ("assess", "shoes-check"):
        template = cli.invoke([kind, "--template"]).stdout
        filled = template_signs_answered_no(template) if kind == "assess" else template
        (tmp_path / f"{kind}.toml").write_text(filled, encoding="utf-8")
    answers = {kind: str(tmp_path / f"{kind}.toml") for kind in ("assess", "shoes-check")}
    return {
        "assess": ["assess", "--answers", answers["assess"], "--json"],
        "shoes-check": ["shoes-check", "--answers", answers["shoes-check"], "--name", "Trail", "--json"],
        "shoes-check --list": ["shoes-check", "--list", "--json"],
        "checkin": ["checkin", "--foot", "2", "--back", "3", "--json"],
        "log": ["log", "feet", "--json"],
        "plan": ["plan", "--json"],
        "today": ["today", "--json"],
        "progress": ["progress", "--json"],
        "history": ["history", "--json"],
        "config": ["config", "--json"],
    }


@pytest.fixture
def printed(cli: Cli, tmp_path: Path) -> dict[str, Any]:
    """Every documented document as the command prints it, on a store with one of each record."""
    out: dict[str, Any] = {}
    for name, args in _runs(cli, tmp_path).items():
        result = cli.invoke(args)
        assert result.exit_code == 0, (name, result.stderr)
        out[name] = json.loads(result.stdout)
    return out


def test_a_store_that_is_not_footbacks_is_one_line_exit_1_and_no_json(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    """What a script sees when the store cannot be read: the failure code, never half a document."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    (home / "footback.sqlite3").write_bytes(b"not a database" * 300)
    (home / "footback.sqlite3").chmod(0o600)
    runs = _runs(cli, tmp_path)
    del runs["config"]  # it reads no store
    for name, args in runs.items():
        result = cli.invoke(args)
        assert (result.exit_code, result.stdout) == (1, ""), name
        assert result.stderr.startswith("footback: error: ") and result.stderr.count("\n") == 1, name


def test_a_bad_option_with_json_is_one_line_exit_2_and_no_json(cli: Cli, tmp_path: Path) -> None:
    for name, args in _runs(cli, tmp_path).items():
        result = cli.invoke([*args, "--no-such-option"])
        assert (result.exit_code, result.stdout) == (2, ""), name
        assert result.stderr.startswith("footback: error: ") and result.stderr.count("\n") == 1, name


def test_each_rows_keys_are_the_ones_printed_in_order(printed: dict[str, Any]) -> None:
    rows = documented()
    assert set(rows) == set(printed)
    for name, keys in rows.items():
        document = printed[name]
        first = document[0] if isinstance(document, list) else document
        assert keys == list(first), name


def test_history_fields_name_every_record_key(printed: dict[str, Any]) -> None:
    """The `history --json` table names each record's keys (a renamed or new key must be written up)."""
    text = PAGE.read_text(encoding="utf-8")
    table = text[text.index("## `history --json`, field by field") :]
    row = re.compile(r"^\| `([a-z_]+)` \| [^|]+ \| (.+) \|$", re.MULTILINE)
    lines = {m.group(1): m.group(2) for m in row.finditer(table)}
    history = printed["history"]
    assert list(lines) == list(history)
    for key in ("assessments", "sessions", "shoe_checks", "checkins"):
        (record,) = history[key]
        assert all(f"`{field}`" in lines[key] for field in record), key
