"""COLUMNS and LINES that rich reads wrong: 0 drew an empty screen with exit 0 (a person's data
never shown), a digit int() cannot read ('²') was a traceback in every command. Each is drawn
as with no size known: 80 columns."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.hostile import READERS, clean, invoke, seed_everything

SHOWN = [args for args in READERS if "--json" not in args and "export" not in args and args != ["due"]]
ODD = [
    {"COLUMNS": "0"},
    {"COLUMNS": "00"},
    {"COLUMNS": "\u0660"},  # ARABIC-INDIC DIGIT ZERO: isdigit() and int() both take it as 0
    {"COLUMNS": "\u00b2"},  # SUPERSCRIPT TWO: isdigit() says yes, int() fails
    {"LINES": "\u00b2"},
    {"LINES": "\u00b2", "COLUMNS": "\u00b2"},
]


@pytest.fixture
def seeded(home: Path) -> Path:
    seed_everything(home)
    return home


@pytest.mark.parametrize("env", ODD, ids=[repr(e) for e in ODD])
@pytest.mark.parametrize("args", SHOWN, ids=[" ".join(a) for a in SHOWN])
def test_an_odd_size_draws_what_80_columns_draw(seeded: Path, args: list[str], env: dict[str, str]) -> None:
    expected = invoke(args, env={"COLUMNS": "80", "LINES": "25"})
    assert expected.exit_code == 0 and expected.stdout.strip(), expected.output
    result = invoke(args, env={"COLUMNS": "80", "LINES": "25", **env})
    clean(result, codes=(0,))
    assert result.stdout == expected.stdout


@pytest.mark.parametrize("env", ODD, ids=[repr(e) for e in ODD])
def test_plain_text_is_wrapped_to_80_too(env: dict[str, str]) -> None:
    preview = ["stretch", "--preview", "--routine", "feet"]
    expected = invoke(preview, env={"COLUMNS": "80"})
    result = invoke(preview, env={"COLUMNS": "80", **env})
    clean(result, codes=(0,))
    assert result.stdout == expected.stdout and max(map(len, result.stdout.splitlines())) <= 80


def test_one_column_is_still_one_column(seeded: Path) -> None:
    # The rule is for 0 only: a screen one column wide is drawn one column wide.
    result = invoke(["history"], env={"COLUMNS": "1"})
    clean(result, codes=(0,))
    assert max(len(row) for row in result.stdout.splitlines()[2:]) == 1
