"""What one play of a routine amounted to, as the store keeps it (table `stretch_sessions`)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

StepStatus = Literal["done", "skipped", "not reached"]
# A routine's name, as a routine file may give it and a session stores it.
MAX_ROUTINE_NAME = 60


class SessionSummary(BaseModel):
    """What one play of a routine amounted to; saved to history."""

    model_config = ConfigDict(defer_build=True)

    routine: str
    planned_seconds: float
    actual_seconds: float
    paused_seconds: float
    speed: float
    steps_total: int
    steps_done: int
    steps_skipped: int
    finished: bool
    ended_by: Literal["end", "stop key", "interrupt"]
    steps: list[StepStatus]
