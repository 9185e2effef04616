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
