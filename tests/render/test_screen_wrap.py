"""The interview's screen: an indented line (the why, the allowed answers, a retry) wraps by word
and keeps its indent on every line, at 40, 80 and 120 columns, with no trailing spaces."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from footback.render.console import ConsoleScreen

WHY = (
    "  Why: Back pain that began in the last 6 weeks is checked differently under 20 and over 50; "
    "pain that lasts is worth a clinician's view."
)


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_an_indented_line_wraps_under_itself(columns: int) -> None:
    out = io.StringIO()
    ConsoleScreen(Console(file=out, width=columns, color_system=None)).say(WHY, "dim")
    lines = out.getvalue().splitlines()
    assert all(line.startswith("  ") and not line.startswith("   ") for line in lines)
    assert all(len(line) <= columns and line == line.rstrip() for line in lines)
    assert " ".join(line.strip() for line in lines) == WHY.strip()
    assert len(lines) == {40: 4, 80: 2, 120: 2}[columns]


def test_an_unindented_line_is_printed_as_it_is() -> None:
    out = io.StringIO()
    screen = ConsoleScreen(Console(file=out, width=40, color_system=None))
    screen.say("About you · question 1 of about 57")
    assert out.getvalue() == "About you · question 1 of about 57\n"


def test_several_lines_in_one_say_keep_each_its_own_indent() -> None:
    out = io.StringIO()
    choices = "  1) never  [none]\n  2) sometimes\n  3) often\n  4) all the time  [constant]"
    ConsoleScreen(Console(file=out, width=40, color_system=None)).say(choices)
    assert out.getvalue() == choices + "\n"


@pytest.mark.parametrize("columns", [40, 80])
def test_a_long_choice_wraps_under_its_text_not_its_number(columns: int) -> None:
    """Seen at 80 columns: '  4) you have tried better shoes ..., and' then 'the pain ...'
    under the 4, where it read as a new line of the list."""
    out = io.StringIO()
    choice = (
        "  4) you have tried better shoes and regular stretching for 2 weeks or more, and the pain "
        "has not got better"
    )
    ConsoleScreen(Console(file=out, width=columns, color_system=None)).say(choice)
    first, *rest = out.getvalue().splitlines()
    assert first.startswith("  4) you have tried") and rest
    assert all(line.startswith("     ") and not line.startswith("      ") for line in rest), rest
    assert all(len(line) <= columns for line in [first, *rest])
    assert " ".join(line.strip() for line in [first, *rest]) == choice.strip()
