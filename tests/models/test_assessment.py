"""The stored assessment result reads every older shape a store may hold."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from footback.models.assessment import AssessmentResult, RedFlagHit


def _score(score: int) -> dict[str, Any]:
    return {"score": score, "level": "low", "factors": []}


def _flag(flag_id: str, severity: str) -> dict[str, Any]:
    return {"id": flag_id, "severity": severity, "question": f"{flag_id}?", "advice": "See someone."}


def stored(**changes: Any) -> dict[str, Any]:
    """A stored result as JSON, the smallest the model takes."""
    return {
        "urgent": False,
        "red_flags": [],
        "scores": {"foot": _score(10), "back": _score(20), "link": _score(0)},
        "startback": None,
        "recommendations": {
            "routines": [],
            "routine_reasons": [],
            "actions": [],
            "action_details": [],
            "evidence_notes": [],
            "see_specialist": False,
            "why_specialist": None,
            "specialist": None,
        },
        "disclaimer": "Not a diagnosis.",
    } | changes


@pytest.mark.parametrize(
    ("severities", "triage"),
    [
        ([], "self_care"),
        (["urgent"], "urgent"),
        (["urgent", "emergency"], "emergency"),
    ],
)
def test_a_result_stored_before_triage_gets_it_from_its_red_flags(severities: list[str], triage: str) -> None:
    flags = [_flag(f"rf_{i}", s) for i, s in enumerate(severities)]
    result = AssessmentResult.model_validate(stored(red_flags=flags))
    assert result.triage == triage
    assert result.needs_clinician is (triage != "self_care")


def test_a_stored_triage_is_kept_as_stored() -> None:
    result = AssessmentResult.model_validate(stored(triage="urgent", red_flags=[]))
    assert result.triage == "urgent" and result.needs_clinician


def test_an_old_stored_moderate_startback_group_reads_as_medium() -> None:
    startback = {"total": 5, "psychosocial": 3, "group": "moderate"}
    result = AssessmentResult.model_validate(stored(startback=startback))
    assert result.startback is not None and result.startback.group == "medium"


def test_an_unknown_field_or_group_is_refused() -> None:
    with pytest.raises(ValidationError):
        AssessmentResult.model_validate(stored(extra=1))
    with pytest.raises(ValidationError):
        AssessmentResult.model_validate(stored(startback={"total": 5, "psychosocial": 3, "group": "mid"}))


def test_a_sign_without_a_label_is_named_by_its_question() -> None:
    hit = RedFlagHit.model_validate(_flag("rf_fever", "urgent"))
    assert hit.name == "rf_fever?"
    assert RedFlagHit.model_validate(_flag("rf_fever", "urgent") | {"label": "fever"}).name == "fever"
    assert [s for s, _ in AssessmentResult.model_validate(stored()).scores.named()] == [
        "foot",
        "back",
        "link",
    ]
