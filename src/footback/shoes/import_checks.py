"""What an import checks in shoe records that needs the shoe content: types and answers."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from footback.records.import_rules import Row, answers, one_of

if TYPE_CHECKING:
    from footback.records.import_rules import ImportChecks
    from footback.shoes.content import ShoeContent


@cache
def _content() -> ShoeContent:
    from footback.shoes.content import load_shoe_content

    return load_shoe_content()


def _shoe_types() -> list[str]:
    return _content().questions.question("shoe_type").values


def _pair(row: Row) -> None:
    one_of(row, "shoe_type", _shoe_types())


def _check(row: Row) -> None:
    answers(row, list(_content().questions.questions))
    # The result's shoe type names the pair's kind on every screen: a known one too.
    one_of({"shoe_type": row["result"]["shoe_type"]}, "shoe_type", _shoe_types())


def register(checks: ImportChecks) -> None:
    checks.add("shoe_pairs", _pair)
    checks.add("shoe_checks", _check)
