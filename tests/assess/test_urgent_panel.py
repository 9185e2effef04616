"""The warning-sign panel at 40, 60 and 100 columns: the question a person said yes to wraps under
its own text (or, too narrow for that, under the label's indent), never to the panel's edge."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from footback.assess.content import load_assess_content
from footback.assess.render import render_urgent
from footback.assess.service import assess
from tests.support.helpers import no_problem_answers

CONTENT = load_assess_content()
LABEL = "You said yes to: "


def _panel_rows(width: int) -> list[str]:
    result = assess(CONTENT, no_problem_answers() | {"back_pain": "often", "rf_saddle_numbness": True})
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_urgent(console, result, CONTENT.advice.urgent)
    return console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]


@pytest.mark.parametrize("width", [40, 60, 100])
def test_the_question_wraps_under_its_text_inside_the_panel(width: int) -> None:
    rows = _panel_rows(width)
    assert all(len(row) <= width for row in rows)
    inner = [row[2:-2].rstrip() for row in rows[1:-1]]  # between "│ " and " │"
    start = next(n for n, row in enumerate(inner) if row.startswith("  " + LABEL))
    end = next(n for n in range(start, len(inner)) if inner[n].startswith("  Source: "))
    hang = 2 + len(LABEL) if width - 4 - 2 - len(LABEL) >= 20 else 2
    assert end - start >= 2, "the question should wrap at these widths"
    for row in inner[start + 1 : end]:
        assert len(row) - len(row.lstrip(" ")) == hang, row
    words = " ".join(r.strip() for r in inner[start:end]).removeprefix(LABEL).split()
    question = next(q.text for q in CONTENT.questions.questions if q.id == "rf_saddle_numbness")
    assert words == question.split()
