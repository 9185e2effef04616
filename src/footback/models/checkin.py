"""One day's check-in as the store keeps it (table `checkins`), and the limits of its fields."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from footback.core.models import StrictModel

PAIN_MIN = 0
PAIN_MAX = 10
MAX_NOTE = 500


class CheckIn(StrictModel):
    """One day's check-in as stored."""

    day: date
    foot: int = Field(ge=PAIN_MIN, le=PAIN_MAX)
    back: int = Field(ge=PAIN_MIN, le=PAIN_MAX)
    note: str | None = None
    warning_signs: list[str] = []
    created_at: datetime
