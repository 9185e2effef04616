"""A wall clock in London, around the night the clocks went forward (29 March 2026, 01:00 UTC)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
# 23:30 on Saturday 28 March 2026 in London is GMT (UTC+0); by morning the clocks read BST (UTC+1).
BEFORE_THE_CHANGE = datetime(2026, 3, 28, 23, 30, tzinfo=LONDON)
MORNING_AFTER = datetime(2026, 3, 29, 9, 0, tzinfo=LONDON)


def london_now(wall: datetime) -> datetime:
    """`wall` as `datetime.now().astimezone()` gives it in London: a fixed offset, no zone rules."""
    local = wall.astimezone(LONDON)
    offset = local.utcoffset()
    assert offset is not None
    return local.astimezone(timezone(offset))


@dataclass
class LondonClock:
    """The wall clock in London as the commands read it (`Runtime.clock`)."""

    wall: datetime

    def now(self) -> datetime:
        return london_now(self.wall)

    def monotonic(self) -> float:
        return 0.0

    def sleep(self, seconds: float) -> None:
        return None
