"""Messages that name a file wrap at words at 80 columns (conftest's COLUMNS), as `log`'s does.

typer.echo wrote each as one long line and the terminal cut it anywhere ("1 plan cha|nge",
"4 str|etch sessions"). Now `render.console.tell` wraps them: a break only at a space, no line
ending in a space, no line over the width but one: a path that fits a line moves to the next line
whole; a path longer than a line (80 columns and more) is never broken by footback: it starts a
line of its own, which is longer than 80 columns, and the terminal folds it where it must (so a
terminal's copy still takes it as one line).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.context import Cli
from tests.support.history_seed import seed_full

WIDTH = 80


def check_wrapped(text: str, message: str, path: str) -> None:
    """`text` is `message` wrapped at words, with `path` kept whole on one line."""
    rows = text.rstrip("\n").split("\n")
    assert len(rows) > 1 and all(row == row.rstrip() for row in rows), rows
    assert " ".join(rows) == message, rows  # every break at a space: nothing cut, folded or lost
    (holding,) = [row for row in rows if path in row]  # whole on one line: it can be copied
    over = [row for row in rows if len(row) > WIDTH]
    if len(path) <= WIDTH:
        assert over == [], rows
    else:
        assert over == [holding] and holding.startswith(path), rows  # a line of its own


@pytest.fixture
def seeded(home: Path) -> Path:
    seed_full(home)
    return home


def _long(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / ("x" * 30) / ("y" * 40)
    folder.mkdir(parents=True)
    path = folder / name
    assert len(str(path)) > WIDTH
    return path


@pytest.mark.parametrize("long", [False, True])
def test_export_says_where_on_stderr_wrapped_at_words(
    cli: Cli, seeded: Path, tmp_path: Path, long: bool
) -> None:
    path = _long(tmp_path, "backup.json") if long else tmp_path / "backup.json"
    result = cli.invoke(["export", "--output", str(path)])
    assert result.exit_code == 0, result.output
    message = f"Exported 3 assessments, 6 stretch sessions, 2 shoe checks to {path}"
    assert len(message) > WIDTH
    check_wrapped(result.stderr, message, str(path))


@pytest.mark.parametrize("long", [False, True])
def test_report_says_where_on_stderr_wrapped_at_words(
    cli: Cli, seeded: Path, tmp_path: Path, long: bool
) -> None:
    path = _long(tmp_path, "r.md") if long else tmp_path / ("r" * 70 + ".md")
    result = cli.invoke(["report", "--output", str(path)])
    assert result.exit_code == 0, result.output
    check_wrapped(result.stderr, f"Report written to {path}", str(path))


@pytest.mark.parametrize("long", [False, True])
def test_remind_says_where_wrapped_at_words(cli: Cli, tmp_path: Path, long: bool) -> None:
    path = _long(tmp_path, "f.ics") if long else tmp_path / "f.ics"
    result = cli.invoke(["remind", "--ics", str(path)])
    assert result.exit_code == 0, result.output
    morning, evening, *written = result.stdout.split("\n")
    assert (morning[:12], evening[:12]) == ("07:00 daily:", "18:30 daily:")
    message = f"Written to {path}. Import it into your calendar; a newer file updates these events."
    check_wrapped("\n".join(written), message, f"{path}.")


def test_import_says_what_came_in_wrapped_at_words(cli: Cli, seeded: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    assert cli.invoke(["export", "--output", str(backup)]).exit_code == 0
    result = cli.invoke(["import", str(backup)])
    assert result.exit_code == 0, result.output
    store = seeded / "footback.sqlite3"
    check_wrapped(result.stdout, f"Imported nothing new into {store}. 13 already stored.", f"{store}.")


def test_forget_says_what_it_deleted_wrapped_at_words(cli: Cli, seeded: Path) -> None:
    result = cli.invoke(["forget", "--yes"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split("\n")).strip()
    assert said.startswith("Deleted 3 assessments, 6 stretch sessions, 2 shoe pairs, 2 shoe checks from ")
    assert said.endswith(").")  # the files deleted: footback.sqlite3 first, then any others
    check_wrapped(result.stdout, said, str(seeded))
