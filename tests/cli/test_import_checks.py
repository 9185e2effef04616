"""The import command's registry: every feature's content checks, wired where the command runs."""

from __future__ import annotations

import pytest

from footback.cli.import_checks import import_checks
from footback.core.errors import BadInputError
from footback.records.import_rules import RULES, ImportChecks, check_record


def test_the_import_command_registers_every_features_checks() -> None:
    checks = import_checks()
    # The kinds whose fields name content: answers, shoe types, warning-sign ids.
    assert checks.kinds() == {"assessments", "shoe_pairs", "shoe_checks", "checkins", "clinician_seen"}
    assert checks.kinds() <= set(RULES)
    with pytest.raises(BadInputError, match=r"^f\.json: plan: "):
        checks.plan({"name": "plan", "steps": "not a list"}, "f.json: plan")


def test_a_checkin_with_an_unknown_warning_sign_is_refused_by_the_daily_check() -> None:
    row = {
        "day": "2026-01-05",
        "foot": 3,
        "back": 4,
        "note": None,
        "warning_signs": ["not_a_sign"],
        "created_at": "2026-01-05T10:00:00+00:00",
    }
    check_record("checkins", row | {"warning_signs": []}, "f.json", import_checks())
    with pytest.raises(BadInputError, match="warning_signs: 'not_a_sign' is not a warning-sign id"):
        check_record("checkins", row, "f.json", import_checks())
    # Without the feature's check the store itself has no list of signs to hold it against.
    check_record("checkins", row, "f.json", ImportChecks())
