"""Fakes for the stretch player: a clock that only moves when someone waits, scripted keys."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from footback.stretch.player import Event, Frame, Key
from footback.stretch.render import screen_lines
from footback.stretch.timeline import Timeline


class FakeClock:
    """A monotonic clock that advances only through `sleep` (or a key source's wait)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.waits: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        assert seconds > 0, "a zero or negative wait would be a busy loop"
        self.waits.append(seconds)
        self.now += seconds


class ScriptedKeys:
    """Keys pressed at given clock times; `read` waits on the fake clock like select would."""

    def __init__(
        self, clock: FakeClock, presses: list[tuple[float, Key | BaseException | Callable[[], None]]]
    ) -> None:
        self.clock = clock
        self.presses = sorted(presses, key=lambda press: press[0])
        self.timeouts: list[float] = []

    def read(self, timeout: float) -> Key | None:
        assert timeout > 0, "a zero or negative wait would be a busy loop"
        self.timeouts.append(timeout)
        if self.presses and self.presses[0][0] <= self.clock.now + timeout:
            at, key = self.presses.pop(0)
            self.clock.now = max(self.clock.now, at)
            if isinstance(key, BaseException):
                raise key
            if callable(key):  # something else happens at that moment, e.g. a signal
                key()
                return None
            return key
        self.clock.now += timeout
        return None


@dataclass
class Recorder:
    """A listener that keeps every event and frame with the clock time it happened at."""

    clock: FakeClock
    events: list[tuple[float, Event]] = field(default_factory=list)
    frames: list[tuple[float, Frame]] = field(default_factory=list)

    def event(self, event: Event) -> None:
        self.events.append((self.clock.now, event))

    def frame(self, frame: Frame) -> float | None:
        self.frames.append((self.clock.now, frame))
        return None  # no hint: the player draws ten frames a second

    def kinds(self) -> list[str]:
        return [event.kind.value for _, event in self.events]


def screen_text(
    timeline: Timeline, frame: Frame, width: int = 80, height: int = 30, *, keys: bool = True
) -> str:
    """The player's screen for one frame as plain text: its lines, as the live screen draws them."""
    import io

    from rich.console import Console
    from rich.text import Text

    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    screen = Text("\n").join(screen_lines(timeline, frame, width, height, keys=keys))
    screen.no_wrap = True
    console.print(screen)
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()
