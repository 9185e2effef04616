"""One step of the plan's level history as the store keeps it (table `plan_changes`)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, NamedTuple

Action = Literal["start", "up", "stay", "back", "manual", "stop"]
ACTIONS: tuple[Action, ...] = ("start", "up", "stay", "back", "manual", "stop")


class PlanChange(NamedTuple):
    """One stored step of the plan's history."""

    created_at: datetime
    action: Action
    level: int
    previous: int | None
    reason: str
    # The UTC offset of the clock it was made by, as stored (None before migration 100); the
    # store writes it from `created_at`'s own offset.
    utc_offset: int | None = None
