"""`footback plan` at 40, 60, 80 and 120 columns: every row fits; below 80 columns each step's name
and dose stay whole on one row and its reasons hang under its name."""

from __future__ import annotations

import pytest

from footback.assess.content import load_assess_content
from footback.assess.service import assess as score_answers
from footback.core.text import dose_text
from footback.plan.build import Plan, build_plan
from footback.plan.content import load_plan_content
from footback.plan.render import render_plan
from footback.stretch.catalogue import load_builtin
from tests.support.history_seed import NOW, heel_and_back_answers
from tests.support.narrow import WIDTHS, assert_fits, assert_hangs, draw, whole


def _plan() -> Plan:
    result = score_answers(load_assess_content(), heel_and_back_answers())
    return build_plan(result, NOW, load_plan_content(), load_builtin)


@pytest.mark.parametrize("width", WIDTHS)
def test_every_step_reads_whole_at_every_width(width: int) -> None:
    made = _plan()
    assert any(len(p.step.name) > 20 for p in made.steps)  # a name too long for a narrow column
    rows = draw(width, lambda console: render_plan(console, made))
    assert_fits(rows, width)
    if width >= 80:
        return  # the table, as before (its step and dose columns wrap within themselves)
    for p in made.steps:  # one block per step: name and dose each on a row, reasons under the name
        step = p.step
        assert whole(rows, step.name)
        assert whole(rows, dose_text(step.seconds, step.reps, step.each_side))
        assert_hangs(rows, " ".join(p.reasons))


@pytest.mark.parametrize("width", [80, 120])
def test_wide_terminals_keep_the_table(width: int) -> None:
    rows = draw(width, lambda console: render_plan(console, _plan()))
    assert any(row.startswith("#  step") and row.rstrip().endswith("why") for row in rows)
