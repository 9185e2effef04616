"""The function score's optional step at the first full assessment on a terminal (issue 20 item 15):
up to 3 activities, a 0-10 rating each; Enter skips; never with a file, --no-save or --quick."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.assess.function_input import ask_function
from footback.assess.resume import PartialRecorder
from footback.records.db import open_store
from footback.records.psfs import list_ratings
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers

QUESTION = "Name up to 3 activities your pain makes hard"


def _scripted(*lines: str) -> tuple[list[str], list[str], object]:
    typed, shown = list(lines), []

    def ask(prompt: str) -> str:
        shown.append(prompt)
        if not typed:
            raise EOFError
        return typed.pop(0)

    return typed, shown, ask


def test_up_to_three_activities_then_a_rating_each() -> None:
    typed, shown, ask = _scripted("Stairs", "stairs", "x" * 81, "Walking", "Lifting", "12", "3", "4", "5")
    result = ask_function(ask, shown.append)  # type: ignore[arg-type]
    assert result == (["Stairs", "Walking", "Lifting"], [3, 4, 5])
    assert not typed  # a fourth activity is never asked
    text = "\n".join(shown)
    assert "is already named" in text and "longer than 80" in text and "whole number from 0 to 10" in text


def test_enter_first_skips_the_step() -> None:
    _, shown, ask = _scripted("")
    assert ask_function(ask, shown.append) is None  # type: ignore[arg-type]


def _all_but_asked(cli: Cli, home: Path) -> None:
    """Every answer kept from a stopped run, so continuing (Enter) reaches the end at once."""
    PartialRecorder(home, cli.context.clock)(no_problem_answers(), frozenset())
    cli.context.stdin_tty = True


def test_the_first_full_assessment_on_a_terminal_asks_and_stores_them(cli: Cli, home: Path) -> None:
    _all_but_asked(cli, home)
    result = cli.invoke(["assess", "--json"], input="\nStairs\n\n4\n")
    assert result.exit_code == 0, result.output
    assert QUESTION in result.stderr
    with open_store(home) as store:
        (rating,) = list_ratings(store)
    assert rating.activities == ["Stairs"] and rating.ratings == [4]
    # Once rated, a later full assessment does not ask again (re-rating is every 4 weeks).
    _all_but_asked(cli, home)
    again = cli.invoke(["assess", "--json"], input="\n")
    assert again.exit_code == 0, again.output
    assert QUESTION not in again.stderr


@pytest.mark.parametrize("args", [["--no-save"], []])
def test_not_asked_when_not_saved_or_without_a_terminal(cli: Cli, home: Path, args: list[str]) -> None:
    _all_but_asked(cli, home)
    cli.context.stdin_tty = bool(args)
    result = cli.invoke(["assess", "--json", *args], input="\n")
    assert QUESTION not in result.stderr
    if home.exists():
        with open_store(home) as store:
            assert list_ratings(store) == []
