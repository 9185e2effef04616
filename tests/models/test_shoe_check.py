"""The stored shoe-check result: verdicts worst last, and a stored result reads back."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from footback.models.shoe_check import VERDICTS, ShoeCheckResult


def test_verdicts_go_from_good_to_replace() -> None:
    # Floors and `worst` rely on this order: a later verdict is a worse one.
    assert VERDICTS == ("good", "needs_attention", "replace")


def test_a_stored_result_reads_back_with_its_defaults() -> None:
    stored = {
        "verdict": "replace",
        "score": 40,
        "summary": "Replace them.",
        "problems": [],
        "notes": [],
        "shoe_type": "running",
        "weights_note": "Weights are a guide.",
        "disclaimer": "Not a diagnosis.",
    }
    result = ShoeCheckResult.model_validate(stored)
    assert (result.origin, result.distance_unit, result.milestones, result.pair) == ("check", "km", [], None)
    with pytest.raises(ValidationError):
        ShoeCheckResult.model_validate(stored | {"verdict": "worn"})
