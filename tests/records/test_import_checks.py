"""The import's content checks: records/ defines the registry, each feature fills in its own."""

from __future__ import annotations

from typing import Any

import pytest

from footback.core.errors import BadInputError
from footback.records.import_rules import ImportChecks, RecordProblem, check_record

PLAN_CHANGE = {
    "created_at": "2026-01-05T10:00:00+00:00",
    "action": "up",
    "level": 2,
    "previous": 1,
    "reason": "on target",
}


def _refuse_level_two(row: dict[str, Any]) -> None:
    if row["level"] == 2:
        raise RecordProblem("level", "two is refused here")


def test_a_registered_check_runs_after_the_records_own_rules() -> None:
    checks = ImportChecks()
    check_record("plan_changes", dict(PLAN_CHANGE), "f.json: plan_changes[0]", checks)  # none yet
    checks.add("plan_changes", _refuse_level_two)
    with pytest.raises(BadInputError, match=r"^f\.json: plan_changes\[0\]: level: two is refused here$"):
        check_record("plan_changes", dict(PLAN_CHANGE), "f.json: plan_changes[0]", checks)
    # The record's own rules come first: a bad action is named before the feature is asked.
    with pytest.raises(BadInputError, match="action"):
        check_record("plan_changes", PLAN_CHANGE | {"action": "sideways"}, "f.json", checks)


def test_a_check_for_a_kind_the_export_does_not_hold_is_refused() -> None:
    with pytest.raises(ValueError, match="not a record kind"):
        ImportChecks().add("shoe_pair", _refuse_level_two)
