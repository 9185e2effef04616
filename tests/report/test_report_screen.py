"""`footback report` on a terminal, without --output: read on the screen, so wrapped at words
(paged when taller than the terminal, as every long screen) and followed by how to keep it.

Seen on the walk at 80x24: the Markdown went straight to the terminal, 200 lines unpaged, its
long lines cut mid-word by the terminal ("nobody examined| them", "vali|dated"), and nothing said
it was kept nowhere; then its `#`, `|` tables and `**` showed as text (users item 10): on a
terminal it is drawn now. A pipe or `--output` still gets the Markdown exactly as written.
"""

from __future__ import annotations

from pathlib import Path

from footback.cli.commands.report import report_text
from footback.cli.context import AppContext
from footback.report.build import load_report_text
from tests.support.context import Cli
from tests.support.history_seed import seed_full
from tests.support.runner import Result

TEXT = load_report_text()


def _piped_then_shown(cli: Cli, context: AppContext, home: Path) -> tuple[Result, Result]:
    """`footback report` with a full history, in a pipe and then on a terminal."""
    seed_full(home)
    piped = cli.invoke(["report"])
    assert piped.exit_code == 0, piped.output
    context.stdout_tty = True
    shown = cli.invoke(["report"])
    assert shown.exit_code == 0, shown.output
    return piped, shown


def test_on_a_terminal_the_report_wraps_at_words_and_says_how_to_keep_it(
    cli: Cli, context: AppContext, home: Path
) -> None:
    piped, shown = _piped_then_shown(cli, context, home)
    assert any(len(line) > 80 for line in piped.stdout.splitlines())  # the Markdown as written
    assert TEXT.on_screen not in piped.stderr
    rows = shown.stdout.splitlines()
    assert all(len(row) <= 80 for row in rows), [row for row in rows if len(row) > 80]
    assert " ".join(shown.stderr.split()) == TEXT.on_screen
    assert "footback report --format html --output" in TEXT.on_screen


def test_with_output_nothing_is_said_but_where_it_went(cli: Cli, context: AppContext, home: Path) -> None:
    seed_full(home)
    context.stdout_tty = True
    out = home.parent / "summary.md"
    written = cli.invoke(["report", "--output", str(out)])
    assert written.exit_code == 0, written.output
    assert written.stdout == "" and TEXT.on_screen not in written.stderr
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_on_a_terminal_the_markdown_is_drawn_not_shown_as_syntax(
    cli: Cli, context: AppContext, home: Path
) -> None:
    piped, shown = _piped_then_shown(cli, context, home)
    # A pipe gets the Markdown byte for byte, as --output writes it.
    assert piped.stdout == report_text(home, fmt="md", now=context.clock.now())
    rows = [row.strip() for row in shown.stdout.splitlines()]
    syntax = [row for row in rows if row.startswith(("#", "|", "- ", "> ")) or "**" in row or row == "---"]
    assert syntax == [], syntax
    headings = [line.lstrip("#").strip() for line in piped.stdout.splitlines() if line.startswith("#")]
    assert len(headings) > 5 and all(heading in rows for heading in headings), headings
    # A table is drawn as columns: the shoes table's row, its cells apart without a "|".
    assert any(row.split()[:3] == ["trail", "runners", "2025-03-09"] for row in rows if row)


def test_html_on_a_terminal_stays_its_own_lines(cli: Cli, context: AppContext, home: Path) -> None:
    seed_full(home)
    context.stdout_tty = True
    shown = cli.invoke(["report", "--format", "html"])
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.lstrip().lower().startswith("<!doctype html")
