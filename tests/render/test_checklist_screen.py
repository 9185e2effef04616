"""The warning-sign checklist (assess --quick and checkin) at 40, 80 and 120 columns: a long item
wraps under its own text and every text starts in one column, so the numbers stand clear; nothing
is lost or padded."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from footback.assess.content import load_assess_content
from footback.render.checklist import ask_checklist

CONTENT = load_assess_content()
SIGNS = [(q.id, q.text) for q in CONTENT.questions.questions if q.red_flag is not None]
NUMBERED = re.compile(r"^ +\d+\) ")


def _shown(width: int, default: list[str]) -> list[str]:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    assert ask_checklist(lambda _prompt: "", console, "Do any of these apply now?", SIGNS, default) == default
    return console.file.getvalue().splitlines()  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [40, 80, 120])
def test_a_long_sign_wraps_under_its_text(width: int) -> None:
    assert len(SIGNS) >= 10  # one- and two-digit numbers: their texts still start in one column
    rows = _shown(width, [SIGNS[1][0]])
    items = rows[1 : rows.index(next(r for r in rows if "Enter keeps" in r))]
    columns: set[int] = set()
    texts: list[str] = []
    for row in items:
        numbered = NUMBERED.match(row)
        if numbered:
            columns.add(numbered.end())
            texts.append(row[numbered.end() :])
        else:
            column = max(columns)
            assert row[:column] == " " * column and row[column] != " ", row
            texts[-1] += " " + row[column:]
        assert len(row) <= width and row == row.rstrip()
    assert columns == {len(f"  {len(SIGNS)}) ")}
    assert len(items) > len(SIGNS)  # some did wrap, at every width: the check saw them
    expected = [text for _, text in SIGNS]
    expected[1] += " (yes last time)"
    assert [" ".join(text.split()) for text in texts] == expected  # every word kept, in order


@pytest.mark.parametrize(("width", "height"), [(40, 20), (80, 24)])
def test_on_a_short_terminal_the_question_is_said_again_above_the_prompt(width: int, height: int) -> None:
    # At 80x24 the 21 signs push "Are any of these new ...? Enter for none, or type their
    # numbers" off the top: the person saw only a list and a bare "> ".
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    asked: list[str] = []
    ask_checklist(lambda prompt: asked.append(prompt) or "", console, "Type the numbers.", SIGNS)
    rows = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert len(rows) > height and rows[0] == "Type the numbers."
    assert rows[-1] == "Type the numbers." and asked == ["> "]  # the last row before the prompt


def test_on_a_tall_terminal_the_question_is_said_once() -> None:
    console = Console(file=io.StringIO(), width=120, height=60, color_system=None)
    ask_checklist(lambda _prompt: "", console, "Type the numbers.", SIGNS)
    assert console.file.getvalue().count("Type the numbers.") == 1  # type: ignore[attr-defined]


def test_a_retry_line_hangs_under_its_own_text_at_40_columns() -> None:
    console = Console(file=io.StringIO(), width=40, height=60, color_system=None)
    replies = iter(["clear; footback assess", ""])
    ask_checklist(lambda _prompt: next(replies), console, "Type the numbers.", SIGNS)
    rows = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    start = next(i for i, row in enumerate(rows) if "Not understood" in row)
    retry = rows[start : start + 3]
    assert retry[0].startswith("  Not understood: 'clear;' is not one of")
    assert all(row.startswith("  ") and row[2] != " " for row in retry[1:]), retry
    assert "press Enter for none." in " ".join(" ".join(retry).split())
