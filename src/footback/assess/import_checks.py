"""What an import checks in an assessment that needs the assessment's content: its answers."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from footback.records.import_rules import Row, answers

if TYPE_CHECKING:
    from footback.content.questions import Question
    from footback.records.import_rules import ImportChecks


@cache
def _questions() -> list[Question]:
    from footback.assess.content import load_assess_content

    return list(load_assess_content().questions.questions)


def _assessment(row: Row) -> None:
    answers(row, _questions())


def register(checks: ImportChecks) -> None:
    checks.add("assessments", _assessment)
