"""`footback report` on a terminal, without --output: read on the screen, so wrapped at words
(paged when taller than the terminal, as every long screen) and followed by how to keep it.

Seen on the walk at 80x24: the Markdown went straight to the terminal, 200 lines unpaged, its
long lines cut mid-word by the terminal ("nobody examined| them", "vali|dated"), and nothing said
it was kept nowhere. A pipe or `--output` still gets the Markdown exactly as written.
"""

from __future__ import annotations

from pathlib import Path

from footback.cli.context import AppContext
from footback.report.build import load_report_text
from tests.support.context import Cli
from tests.support.history_seed import seed_full

TEXT = load_report_text()


def test_on_a_terminal_the_report_wraps_at_words_and_says_how_to_keep_it(
    cli: Cli, context: AppContext, home: Path
) -> None:
    seed_full(home)
    piped = cli.invoke(["report"])
    assert piped.exit_code == 0, piped.output
    assert any(len(line) > 80 for line in piped.stdout.splitlines())  # the Markdown as written
    assert TEXT.on_screen not in piped.stderr
    context.stdout_tty = True
    shown = cli.invoke(["report"])
    assert shown.exit_code == 0, shown.output
    rows = shown.stdout.splitlines()
    assert all(len(row) <= 80 for row in rows), [row for row in rows if len(row) > 80]
    assert " ".join(shown.stdout.split()) == " ".join(piped.stdout.split())  # the same words, whole
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
