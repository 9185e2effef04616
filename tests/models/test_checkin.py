"""A stored check-in holds pain scores from 0 to 10."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from footback.models.checkin import PAIN_MAX, PAIN_MIN, CheckIn

AT = datetime(2026, 1, 5, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize("pain", [PAIN_MIN, PAIN_MAX])
def test_the_ends_of_the_scale_are_kept(pain: int) -> None:
    checkin = CheckIn(day=date(2026, 1, 5), foot=pain, back=pain, created_at=AT)
    assert (checkin.foot, checkin.back, checkin.warning_signs, checkin.note) == (pain, pain, [], None)


@pytest.mark.parametrize(("foot", "back"), [(-1, 0), (0, 11), (11, 0)])
def test_a_pain_score_off_the_scale_is_refused(foot: int, back: int) -> None:
    assert (PAIN_MIN, PAIN_MAX) == (0, 10)
    with pytest.raises(ValidationError):
        CheckIn(day=date(2026, 1, 5), foot=foot, back=back, created_at=AT)
