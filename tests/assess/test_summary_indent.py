"""The summary's one indent style at 40, 80 and 120 columns: headings at the margin, what is under
them two in, and a wrapped line under its own text (a hanging indent), never under its mark."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from footback.assess.summary import SUMMARY_ROWS, render_summary
from footback.models.assessment import AssessmentResult
from tests.support.helpers import no_problem_answers

CONTENT = load_assess_content()
# An item's first row under "What to do next" or "Biggest factors": its lead, then its text.
LEAD = re.compile(r"^  (- |\+\d+ \w+: |footback )")


def _wrapping_result() -> AssessmentResult:
    """A tight calf: one long action and one long factor, few enough that the summary keeps them
    whole (wrapped) even at 40 columns."""
    result = assess(CONTENT, no_problem_answers() | {"calf_tight": True})
    recs = result.recommendations
    first = recs.model_copy(update={"action_details": recs.action_details[:1]})
    return result.model_copy(update={"recommendations": first})


def _section(rows: list[str], heading: str) -> list[str]:
    start = rows.index(heading) + 1
    end = next((n for n in range(start, len(rows)) if not rows[n].startswith(" ")), len(rows))
    return rows[start:end]


def _check_hanging(section: list[str]) -> int:
    """Every row starts an item two in, or continues the item above under its text; the
    number of continuation rows."""
    continued = 0
    text_column = None
    for row in section:
        lead = LEAD.match(row)
        if lead:
            text_column = None if lead.group(1) == "footback " else lead.end()
            continue
        assert text_column is not None, f"not an item and not under one: {row!r}"
        indent = len(row) - len(row.lstrip(" "))
        assert indent == text_column, f"{row!r} is not under its text (column {text_column})"
        continued += 1
    return continued


@pytest.mark.parametrize("width", [40, 80, 120])
def test_wrapped_items_hang_under_their_text_with_one_indent_style(width: int) -> None:
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_summary(console, _wrapping_result())
    rows = console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]
    assert len(rows) <= SUMMARY_ROWS
    assert all(len(row) <= width and "…" not in row and row == row.rstrip() for row in rows)
    wrapped = _check_hanging(_section(rows, "What to do next"))
    wrapped += _check_hanging(_section(rows, "Biggest factors"))
    assert wrapped >= {40: 4, 80: 2, 120: 1}[width]  # the check saw wrapped lines to judge


@pytest.mark.parametrize("width", [40, 80, 120])
def test_a_shortened_summary_keeps_the_same_indents(width: int) -> None:
    answers = no_problem_answers() | {"calf_tight": True, "back_pain": "often", "back_pain_weeks": 20}
    console = Console(file=io.StringIO(), width=width, height=24, color_system=None)
    render_summary(console, assess(CONTENT, answers))
    rows = console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]
    _check_hanging(_section(rows, "What to do next"))
    _check_hanging(_section(rows, "Biggest factors"))
    grouping = next(row for row in rows if "STarT Back group" in row)
    assert grouping.startswith("  Back (STarT Back group)")  # under the scores, as the notice below it


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("group", ["low", "medium", "high"])
def test_the_back_level_is_never_cut(width: int, group: str) -> None:
    """'medium risk' is the longest level: the bar gives way, the words stay whole."""
    result = _wrapping_result()
    startback = assess(CONTENT, no_problem_answers() | {"back_pain": "often"}).startback
    assert startback is not None
    result = result.model_copy(update={"startback": startback.model_copy(update={"group": group})})
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_summary(console, result)
    back = next(row for row in console.file.getvalue().split("\n") if "Back risk" in row)  # type: ignore[attr-defined]
    assert back.endswith(f"/100 {group} risk") and len(back) <= width


@pytest.mark.parametrize("width", [40, 80, 120])
def test_the_details_use_the_same_indent_under_every_heading(width: int) -> None:
    """Below DETAILS: headings at the margin; factors, notes, commands and bullets two in."""
    from footback.assess.render import render_result

    answers = no_problem_answers() | {
        "calf_tight": True,
        "first_step_pain": True,
        "arch": "flat",
        "foot_pain": "often",
        "back_pain": "often",
        "back_pain_weeks": 20,
    }
    result = assess(CONTENT, answers)
    assert result.recommendations.evidence_notes and result.recommendations.routines
    console = Console(file=io.StringIO(), width=width, color_system=None)
    render_result(console, result, CONTENT.advice.urgent)
    rows = console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]
    first = next(n for n, row in enumerate(rows) if row.startswith("Foot risk: "))
    last = max(n for n, row in enumerate(rows) if row.startswith("  "))
    headings = re.compile(
        r"^(Foot risk|Back risk|Foot-back associations): \d+ points?$|^[A-Z ]+$|^See a .*:$"
    )
    below = [row for row in rows[first : last + 1] if row and not headings.match(row)]
    assert len(below) >= 15  # the check saw the factors, the commands and the bullets
    assert all(row.startswith("  ") for row in below), [r for r in below if not r.startswith("  ")]


def test_a_factors_evidence_kind_is_not_repeated_after_a_citation_that_names_it() -> None:
    from footback.assess.render import render_result

    answers = no_problem_answers() | {"foot_pain": "often", "back_pain": "often", "first_step_pain": True}
    console = Console(file=io.StringIO(), width=200, color_system=None)
    render_result(console, assess(CONTENT, answers), CONTENT.advice.urgent)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    # A factor row (wide enough not to wrap) ends with "[citation; evidence]".
    factors = re.findall(r"^ +\+\d+ .*\[([^\]]+)\] *$", text, re.MULTILINE)
    cited = [parts.rsplit("; ", 1) for parts in factors if "; " in parts]
    assert cited  # some factors do name their evidence
    for citation, evidence in cited:
        assert evidence not in citation, (citation, evidence)
