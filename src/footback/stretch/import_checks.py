"""What an import checks in an export's plan: it is a routine file `stretch` can play."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from footback.records.import_rules import ImportChecks


def _plan(data: dict[str, Any], where: str) -> None:
    from footback.stretch.routine_file import parse_routine_file

    parse_routine_file(data, where)


def register(checks: ImportChecks) -> None:
    checks.add_plan(_plan)
