"""The stretch player: a deadline per segment on an injected monotonic clock.

Time is never counted down. The player keeps `base`, the clock reading at which the routine's
planned position 0 happened; segment deadlines, cues and the time left are all computed from
`base` and the clock at each wake-up. A pause moves `base` forward by its length; skip and back
re-anchor `base` so the chosen segment starts now. The process sleeps (or waits on the key
source) until the next frame, cue or deadline, whichever is sooner.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, Protocol

from footback.models.stretch_session import SessionSummary, StepStatus
from footback.stretch.timeline import Kind, Segment, Timeline

# At most 4 frames a second (bars); the countdown digits change once a second. Frames are drawn
# only when what is shown changes (the listener says when that will be).
FRAME_INTERVAL = 0.25
PAUSED_WAIT = 1.0  # nothing changes while paused; wake rarely
LAST_SECONDS = 3
LAST_MIN_HOLD = 10  # holds this long or longer announce their last seconds
HALFWAY_MIN_HOLD = 20  # and these announce halfway


class Key(StrEnum):
    PAUSE = "pause"
    SKIP = "skip"
    BACK = "back"
    STOP = "stop"
    ENTER = "enter"  # starts a routine at the ready prompt; ignored while playing


class KeySource(Protocol):
    def read(self, timeout: float) -> Key | None:
        """Wait at most `timeout` seconds for a key press."""


class EventKind(StrEnum):
    SEGMENT = "segment"
    CUE = "cue"
    HALFWAY = "halfway"
    LAST_SECONDS = "last seconds"
    HOLD_DONE = "hold done"
    STEP_DONE = "step done"
    SKIPPED = "skipped"
    BACK = "back"
    PAUSED = "paused"
    RESUMED = "resumed"
    STOPPED = "stopped"
    FINISHED = "finished"


NOTICES = {EventKind.HALFWAY: "Halfway", EventKind.LAST_SECONDS: f"Last {LAST_SECONDS} seconds"}


@dataclass(frozen=True, slots=True)
class Event:
    kind: EventKind
    segment: Segment | None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Frame:
    """What the screen shows; all times in routine seconds."""

    index: int
    segment: Segment
    remaining: float
    left_in_routine: float
    paused: bool
    cue: str
    notice: str = ""  # "Halfway" or "Last 3 seconds", shown on screen until the hold ends


class Listener(Protocol):
    def event(self, event: Event) -> None: ...

    def frame(self, frame: Frame) -> float | None:
        """Show a frame; may return how many routine seconds until it would look different."""


@dataclass(frozen=True, slots=True)
class _Mark:
    at: float  # planned position
    kind: EventKind
    text: str = ""


class Player:
    """Plays a timeline; `run()` returns the summary, `summary()` works after a Ctrl-C too."""

    def __init__(
        self,
        timeline: Timeline,
        listener: Listener,
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        keys: KeySource | None = None,
        speed: float = 1.0,
        frames: bool = True,
    ) -> None:
        if speed <= 0:
            raise ValueError("speed must be positive")
        self.timeline = timeline
        self._listener = listener
        self._clock = clock
        self._sleep = sleep
        self._keys = keys
        self._speed = speed
        self._frames = frames
        self._index = 0
        self._base = 0.0
        self._started: float | None = None
        self._ended: float | None = None
        self._ended_by: Literal["end", "stop key", "interrupt"] = "interrupt"
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._marks: list[_Mark] = []
        self._cue = ""
        self._notice = ""
        self._next_frame = 0.0
        self._last_frame = -math.inf
        self._paused_drawn = False
        self._status: dict[int, StepStatus] = {}

    # -- time -------------------------------------------------------------------------------
    def _real(self, position: float) -> float:
        """The clock reading at which planned `position` falls (always the same expression)."""
        return self._base + position / self._speed

    @property
    def _segment(self) -> Segment:
        return self.timeline.segments[self._index]

    # -- the loop ---------------------------------------------------------------------------
    def run(self) -> SessionSummary:
        """Play to the end or until stopped; KeyboardInterrupt propagates (see `summary`)."""
        self._started = self._clock()
        self._base = self._started
        if self.timeline.segments:
            self._enter(0)
        else:
            self._end(self._started, "end")
        while self._ended is None:
            now = self._clock()
            if self._paused_at is not None:
                self._handle(self._wait(self._paused_wait(now)))
                continue
            if now >= self._real(self._segment.end):
                self._finish_segment(now)
                continue
            self._fire_marks(now)
            wake = self._real(self._segment.end)
            if self._marks:
                wake = min(wake, self._real(self._marks[0].at))
            if self._frames:
                if now >= self._next_frame:
                    self._draw(now)
                wake = min(wake, self._next_frame)
            self._handle(self._wait(wake - now))
        return self.summary()

    def _paused_wait(self, now: float) -> float:
        """Draw the paused screen (frame rate permitting), then wake rarely and offer the same
        frame again: the screen redraws it only when the terminal was resized meanwhile."""
        if not self._frames:
            return PAUSED_WAIT
        if self._paused_drawn:
            self._draw(now)
            return PAUSED_WAIT
        if now >= self._next_frame:
            self._draw(now)
            self._paused_drawn = True
            return PAUSED_WAIT
        return self._next_frame - now

    def _wait(self, seconds: float) -> Key | None:
        if self._keys is not None:
            return self._keys.read(seconds)
        self._sleep(seconds)
        return None

    def _handle(self, key: Key | None) -> None:
        if key is None:
            return
        at = self._clock()
        if key is Key.PAUSE:
            self._toggle_pause(at)
        elif key is Key.STOP:
            self._emit(EventKind.STOPPED, self._segment)
            self._end(at, "stop key")
        elif key is Key.SKIP:
            self._resume_if_paused(at)
            self._skip(at)
        elif key is Key.BACK:
            self._resume_if_paused(at)
            self._back(at)

    # -- segments ---------------------------------------------------------------------------
    def _enter(self, index: int) -> None:
        """Make segment `index` current; its timing follows from `base`."""
        self._index = index
        segment = self._segment
        self._cue = ""
        self._notice = ""
        self._marks = self._marks_for(segment)
        self._redraw_soon()
        self._emit(EventKind.SEGMENT, segment)

    def _marks_for(self, segment: Segment) -> list[_Mark]:
        if segment.kind is not Kind.HOLD:
            return []
        step = self.timeline.step(segment)
        marks = [_Mark(segment.offset + cue.at, EventKind.CUE, cue.text) for cue in step.cues]
        if segment.seconds >= HALFWAY_MIN_HOLD:
            marks.append(_Mark(segment.offset + segment.seconds / 2, EventKind.HALFWAY))
        if segment.seconds >= LAST_MIN_HOLD:
            marks.append(_Mark(segment.end - LAST_SECONDS, EventKind.LAST_SECONDS))
        return sorted(marks, key=lambda mark: mark.at)

    def _fire_marks(self, now: float) -> None:
        while self._marks and now >= self._real(self._marks[0].at):
            mark = self._marks.pop(0)
            if mark.kind is EventKind.CUE:
                self._cue = mark.text
            else:
                self._notice = NOTICES[mark.kind]
            self._redraw_soon()
            self._emit(mark.kind, self._segment, mark.text)

    def _finish_segment(self, now: float) -> None:
        self._fire_marks(now)
        segment = self._segment
        if segment.kind is Kind.HOLD:
            self._emit(EventKind.HOLD_DONE, segment)
            if self.timeline.is_last_hold(self._index):
                self._status[segment.step] = "done"
                self._emit(EventKind.STEP_DONE, segment)
        if self._index + 1 < len(self.timeline.segments):
            self._enter(self._index + 1)
        else:
            self._emit(EventKind.FINISHED, None)
            self._end(now, "end")

    def _jump(self, step: int, now: float) -> None:
        """Start step `step` from its first segment right now."""
        index = self.timeline.step_starts[step]
        self._base = now - self.timeline.segments[index].offset / self._speed
        self._enter(index)

    def _skip(self, now: float) -> None:
        step = self._segment.step
        self._status[step] = "skipped"
        self._emit(EventKind.SKIPPED, self._segment)
        other_side = self.timeline.other_side_start(self._index)
        if other_side is not None:
            # `n` on the first side of a two-sided step skips that side only.
            self._base = now - self.timeline.segments[other_side].offset / self._speed
            self._enter(other_side)
        elif step + 1 < len(self.timeline.step_starts):
            self._jump(step + 1, now)
        else:
            self._emit(EventKind.FINISHED, None)
            self._end(now, "end")

    def _back(self, now: float) -> None:
        target = max(self._segment.step - 1, 0)
        self._emit(EventKind.BACK, self._segment)
        self._jump(target, now)

    def _toggle_pause(self, now: float) -> None:
        if self._paused_at is None:
            self._paused_at = now
            self._paused_drawn = False
            self._redraw_soon()
            self._emit(EventKind.PAUSED, self._segment)
        else:
            self._resume_if_paused(now)
            self._emit(EventKind.RESUMED, self._segment)

    def _resume_if_paused(self, now: float) -> None:
        if self._paused_at is not None:
            length = now - self._paused_at
            self._base += length
            self._paused_total += length
            self._paused_at = None
            self._redraw_soon()

    def _end(self, at: float, how: Literal["end", "stop key", "interrupt"]) -> None:
        self._resume_if_paused(at)
        self._ended = at
        self._ended_by = how

    # -- output -----------------------------------------------------------------------------
    def _emit(self, kind: EventKind, segment: Segment | None, text: str = "") -> None:
        self._listener.event(Event(kind, segment, text))

    def _redraw_soon(self) -> None:
        """Something changed: draw at the next moment the frame rate allows."""
        self._next_frame = min(self._next_frame, self._last_frame + FRAME_INTERVAL)

    def _draw(self, now: float) -> None:
        at = self._paused_at if self._paused_at is not None else now
        position = (at - self._base) * self._speed
        segment = self._segment
        hint = self._listener.frame(
            Frame(
                index=self._index,
                segment=segment,
                remaining=max(0.0, segment.end - position),
                left_in_routine=max(0.0, self.timeline.total - position),
                paused=self._paused_at is not None,
                cue=self._cue,
                notice=self._notice,
            )
        )
        self._last_frame = now
        # Sleep until the screen would change (the listener knows), at most 4 frames a second.
        wait = FRAME_INTERVAL if hint is None else max(FRAME_INTERVAL, hint / self._speed)
        self._next_frame = now + wait

    def summary(self) -> SessionSummary:
        """The session so far; after an interrupt the time runs to now."""
        end = self._ended if self._ended is not None else self._clock()
        start = self._started if self._started is not None else end
        paused = self._paused_total
        if self._paused_at is not None:
            paused += end - self._paused_at
        steps = self.timeline.routine.steps
        status: list[StepStatus] = [self._status.get(i, "not reached") for i in range(len(steps))]
        return SessionSummary(
            routine=self.timeline.routine.name,
            planned_seconds=self.timeline.total,
            actual_seconds=end - start,
            paused_seconds=paused,
            speed=self._speed,
            steps_total=len(steps),
            steps_done=status.count("done"),
            steps_skipped=status.count("skipped"),
            finished=self._ended_by == "end",
            ended_by=self._ended_by,
            steps=status,
        )
