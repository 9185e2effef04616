"""Records damaged by hand with terminal escapes: nothing raw reaches stdout, stderr or a file."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.text import csv_cell, safe_line
from footback.records.db import open_store
from tests.support.history_seed import seed_full
from tests.support.runner import CliRunner

runner = CliRunner()
# Retitle the terminal, clear it, write the clipboard (OSC 52), a C1 CSI and a bidi override.
EVIL = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b31m\u202egnp.exe"
READERS = [
    ["history"],
    ["history", "--json"],
    ["shoes-check", "--list"],
    ["shoes-check", "--list", "--json"],
    ["report"],
    ["report", "--format", "html"],
    ["export"],
    ["export", "--format", "csv"],
]


@pytest.fixture
def hostile_store(home: Path) -> None:
    """A store whose text was edited by hand: routine, pair and check names carry escapes."""
    seed_full(home)
    with open_store(home) as store, store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("UPDATE stretch_sessions SET routine = ?", (EVIL,))
        conn.execute("UPDATE shoe_pairs SET name = ? || name", (EVIL,))
        conn.execute("UPDATE shoe_checks SET pair = ? || pair", (EVIL,))


@pytest.mark.parametrize("args", READERS, ids=" ".join)
def test_no_escape_byte_reaches_any_output(hostile_store: None, args: list[str]) -> None:
    result = runner.invoke(app, args, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    for stream in (result.stdout_bytes, result.stderr_bytes):
        assert b"\x1b" not in stream and b"\x07" not in stream
        assert "\x9b" not in stream.decode() and "\u202e" not in stream.decode()
        assert b"Traceback" not in stream
    assert "pwned" in result.stdout  # shown as text, not dropped


def test_report_to_a_file_is_sanitised_too(hostile_store: None, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert runner.invoke(app, ["report", "--output", str(out)]).exit_code == 0
    assert "\x1b" not in out.read_text() and "\\x1b" in out.read_text()


def test_safe_line_makes_every_control_visible() -> None:
    assert safe_line("a\x1b[2Jb\tc\u202ed\ud800") == "a\\x1b[2Jb c\\u202ed\\ud800"


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd", "'+cmd"),
        ("-cmd|x", "'-cmd|x"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\\x09x"),
        ("\rx", "'\\x0dx"),
        ("-3.5", "-3.5"),
        ("+1", "+1"),
        ("trail", "trail"),
        (42, 42),
    ],
)
def test_csv_cells_never_start_a_formula(cell: object, shown: object) -> None:
    assert csv_cell(cell) == shown


def test_csv_export_neutralises_a_formula_pair_name(home: Path) -> None:
    seed_full(home)
    with open_store(home) as store, store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("UPDATE shoe_pairs SET name = '=HYPERLINK(\"http://x\",\"y\")' WHERE name = 'office'")
        conn.execute("UPDATE shoe_checks SET pair = '=HYPERLINK(\"http://x\",\"y\")' WHERE pair = 'office'")
    result = runner.invoke(app, ["export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    cells = [cell for row in csv.reader(io.StringIO(result.stdout)) for cell in row]
    assert '\'=HYPERLINK("http://x","y")' in cells
    assert not any(cell.startswith(("=", "@")) for cell in cells)


def test_markdown_escapes_bare_links_and_strike_through(home: Path) -> None:
    seed_full(home)
    with open_store(home) as store, store.transaction() as conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        conn.execute("DELETE FROM shoe_checks WHERE pair = 'office'")
        conn.execute("DELETE FROM shoe_pairs WHERE name = 'office'")
        conn.execute("UPDATE shoe_pairs SET name = 'see https://evil.example ~~x~~ www.evil.com'")
        conn.execute("UPDATE shoe_checks SET pair = 'see https://evil.example ~~x~~ www.evil.com'")
    result = runner.invoke(app, ["report"])
    assert result.exit_code == 0, result.output
    assert "https:\\/\\/evil.example \\~\\~x\\~\\~ www\\.evil.com" in result.stdout
