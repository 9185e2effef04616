"""One day's check-in as the store keeps it (table `checkins`), and the limits of its fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from pydantic import Field

from footback.core.dates import FUTURE_GRACE
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


class PainSums(NamedTuple):
    """Readable check-ins in one kind of week, summed by the store: weeks with one, check-ins, pains."""

    weeks: int = 0
    checkins: int = 0
    foot: float = 0.0
    back: float = 0.0


def day_problem(day: date, created_at: datetime) -> str | None:
    """Why a check-in's day cannot go with the moment it was written (None when it can).

    `checkin` stores today or a past day; a day after the day it was written (with a day's grace
    for a time zone ahead) is not one a command makes. Import refuses it and export marks it
    damaged: one rule, and no dependence on today's clock."""
    written = created_at.date()
    if day > written + FUTURE_GRACE:
        return f"{day} is after the day it was written ({written}); a check-in is for that day or before"
    return None
