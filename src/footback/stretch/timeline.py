"""A routine laid out as timed segments: lead-in, hold, rest and switch sides."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from footback.stretch.routine_file import Routine, Step


class Kind(StrEnum):
    LEAD_IN = "get ready"
    HOLD = "hold"
    REST = "rest"
    SWITCH = "switch sides"


@dataclass(frozen=True, slots=True)
class Segment:
    """One stretch of time with a single meaning; `offset` is its planned start."""

    kind: Kind
    step: int
    seconds: float
    offset: float
    side: str | None = None
    rep: int = 1
    reps: int = 1

    @property
    def end(self) -> float:
        return self.offset + self.seconds


@dataclass(frozen=True)
class Timeline:
    routine: Routine
    segments: tuple[Segment, ...]
    step_starts: tuple[int, ...]
    lead_in: float

    @property
    def total(self) -> float:
        """Planned length in seconds; the last segment's end."""
        return self.segments[-1].end if self.segments else 0.0

    def step(self, segment: Segment) -> Step:
        return self.routine.steps[segment.step]

    def is_last_hold(self, index: int) -> bool:
        """True when segment `index` is the final hold of its step."""
        segment = self.segments[index]
        following = self.segments[index + 1] if index + 1 < len(self.segments) else None
        return segment.kind is Kind.HOLD and (following is None or following.step != segment.step)

    def other_side_start(self, index: int) -> int | None:
        """Where the right side of segment `index`'s step starts, when `index` is on its left side."""
        segment = self.segments[index]
        if segment.side != "left":
            return None
        for later in range(index + 1, len(self.segments)):
            following = self.segments[later]
            if following.step != segment.step:
                return None
            if following.side == "right":
                return later
        return None

    def next_hold(self, index: int) -> Segment | None:
        """The next hold after segment `index`, for the "next" line."""
        for segment in self.segments[index + 1 :]:
            if segment.kind is Kind.HOLD:
                return segment
        return None


def build(routine: Routine, lead_in: float, only_side: str | None = None) -> Timeline:
    """Expand every step into segments laid end to end from offset 0.

    `only_side` ("left" or "right") plays one side of every two-sided step, with no switch.
    """
    segments: list[Segment] = []
    starts: list[int] = []
    clock = 0.0

    def add(kind: Kind, step: int, seconds: float, side: str | None, rep: int = 1) -> None:
        nonlocal clock
        reps = routine.steps[step].reps
        segments.append(Segment(kind, step, seconds, clock, side, rep, reps))
        clock += seconds

    for index, step in enumerate(routine.steps):
        starts.append(len(segments))
        sides = (only_side,) if only_side is not None and step.each_side else step.sides
        if lead_in > 0:
            add(Kind.LEAD_IN, index, lead_in, sides[0])
        for side in sides:
            if side == "right" and len(sides) > 1:
                # Kept even when 0 s long so the switch is still announced.
                add(Kind.SWITCH, index, routine.switch_seconds, side)
            for rep in range(1, step.reps + 1):
                add(Kind.HOLD, index, step.seconds, side, rep)
                if rep < step.reps and step.rest > 0:
                    add(Kind.REST, index, step.rest, side, rep)
    return Timeline(routine, tuple(segments), tuple(starts), lead_in)
