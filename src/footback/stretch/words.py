"""What the player says in words: the state, the step, what comes next, and the plain-mode log.

Plain mode (pipes, screen readers) writes these lines and never touches rich.
"""

from __future__ import annotations

from typing import TextIO

from footback.core.floats import whole_up
from footback.core.text import fmt_clock, plural
from footback.stretch.player import NOTICES, Event, EventKind, Frame
from footback.stretch.timeline import Kind, Segment, Timeline


def countdown_text(seconds: float) -> str:
    """The big number: plain seconds under a minute, M:SS above."""
    whole = max(0, whole_up(seconds))
    return str(whole) if whole < 60 else fmt_clock(whole)


_VERBS = {"hold": "HOLD", "roll": "ROLL", "move": "MOVE"}


def state_word(timeline: Timeline, segment: Segment, *, paused: bool = False) -> str:
    """The one word (or two) that says what to do now; the step's kind decides the verb."""
    if paused:
        return "PAUSED"
    if segment.kind is Kind.HOLD:
        return _VERBS[timeline.step(segment).kind]
    return {Kind.LEAD_IN: "GET READY", Kind.REST: "REST", Kind.SWITCH: "SWITCH SIDES"}[segment.kind]


def side_label(timeline: Timeline, segment: Segment) -> str:
    """'left foot' (the step's limb) or 'left side'; '' for a one-sided step."""
    if not segment.side:
        return ""
    limb = timeline.step(segment).limb
    return f"{segment.side} {limb or 'side'}"


def step_title(timeline: Timeline, segment: Segment) -> str:
    count = len(timeline.routine.steps)
    return f"Step {segment.step + 1} of {count}: {timeline.step(segment).name}"


def hold_detail(timeline: Timeline, segment: Segment) -> str:
    parts = [side_label(timeline, segment)] if segment.side else []
    if segment.reps > 1:
        parts.append(f"rep {segment.rep} of {segment.reps}")
    return ", ".join(parts)


def _verb(timeline: Timeline, segment: Segment) -> str:
    return timeline.step(segment).kind


def what_next(timeline: Timeline, index: int) -> str:
    """One phrase about what comes after segment `index`."""
    segments = timeline.segments
    if index + 1 >= len(segments):
        return "the end of the routine"
    following = segments[index + 1]
    if following.kind is Kind.REST:
        return f"rest {following.seconds:g} s"
    if following.kind is Kind.SWITCH:
        return f"switch sides ({side_label(timeline, following)})"
    if following.step != segments[index].step or following.kind is Kind.LEAD_IN:
        # "first" only when the other side follows: `--side` plays one side only.
        order = "first" if timeline.other_side_start(index + 1) is not None else "only"
        detail = f" ({side_label(timeline, following)} {order})" if following.side else ""
        return step_title(timeline, following) + detail
    detail = hold_detail(timeline, following)
    return f"{_verb(timeline, following)} {following.seconds:g} s" + (f", {detail}" if detail else "")


def intro_lines(timeline: Timeline) -> list[str]:
    """Shown before the routine starts, in both modes: what it is and what you need."""
    routine = timeline.routine
    lines = [
        f"Routine: {routine.name}, {plural(len(routine.steps), 'step')}, {fmt_clock(timeline.total)}",
        routine.description,
    ]
    equipment = routine.equipment
    lines.append("You will need: " + ("; ".join(equipment) if equipment else "nothing"))
    lines += routine.cautions
    return lines


def event_line(timeline: Timeline, event: Event) -> str | None:
    """The plain-mode line for an event (None: this event has no line of its own)."""
    seg = event.segment
    kind = event.kind
    if kind is EventKind.SEGMENT and seg is not None:
        return _segment_line(timeline, seg)
    if kind is EventKind.CUE:
        return event.text
    if kind in NOTICES:
        return NOTICES[kind]
    if kind is EventKind.STEP_DONE and seg is not None:
        return f"Done: {timeline.step(seg).name}"
    if kind is EventKind.SKIPPED and seg is not None:
        side = f", {side_label(timeline, seg)}" if timeline.other_side_start(_index(timeline, seg)) else ""
        return f"Skipped: {timeline.step(seg).name}{side}"
    if kind is EventKind.BACK:
        return "Going back a step"
    if kind is EventKind.PAUSED:
        return "Paused: press space to resume"
    if kind is EventKind.RESUMED:
        return "Resumed"
    if kind is EventKind.STOPPED:
        return "Stopped"
    if kind is EventKind.FINISHED:
        return f"Routine done: {timeline.routine.name}"
    return None


def _index(timeline: Timeline, seg: Segment) -> int:
    return timeline.segments.index(seg)


def _segment_line(timeline: Timeline, seg: Segment) -> str:
    step = timeline.step(seg)
    where = f" ({step.on_side(seg.side)})" if step.on_side(seg.side) else ""
    if seg.kind is Kind.LEAD_IN:
        side = f", {side_label(timeline, seg)} first{where}" if seg.side else ""
        return f"Get ready: {step_title(timeline, seg)}{side}, starting in {seg.seconds:g} s"
    if seg.kind is Kind.SWITCH:
        return f"Switch sides: {side_label(timeline, seg)} next{where}, in {seg.seconds:g} s"
    if seg.kind is Kind.REST:
        return f"Rest {seg.seconds:g} s"
    detail = hold_detail(timeline, seg)
    verb = _verb(timeline, seg)
    return f"{step_title(timeline, seg)}{', ' + detail if detail else ''}: {verb} {seg.seconds:g} s"


def _starts_step(timeline: Timeline, seg: Segment) -> bool:
    """The first segment of a step: where its instructions are read out."""
    return timeline.segments[timeline.step_starts[seg.step]] is seg


def bells(event: Event) -> int:
    """One bell at each hold's start and end; two for switching sides, so it sounds different."""
    seg = event.segment
    if event.kind is EventKind.HOLD_DONE:
        return 1
    if event.kind is EventKind.SEGMENT and seg is not None:
        return {Kind.HOLD: 1, Kind.SWITCH: 2}.get(seg.kind, 0)
    return 0


class PlainLog:
    """Plain mode: one line per event, written and flushed as it happens."""

    def __init__(self, timeline: Timeline, out: TextIO, *, bell: bool) -> None:
        self._timeline = timeline
        self._out = out
        self._bell = bell

    def intro(self) -> None:
        for line in intro_lines(self._timeline):
            self._out.write(line + "\n")
        self._out.flush()

    def event(self, event: Event) -> None:
        line = event_line(self._timeline, event)
        ring = "\a" * bells(event) if self._bell else ""
        if line is not None:
            self._out.write(ring + line + "\n")
            seg = event.segment
            if event.kind is EventKind.SEGMENT and seg is not None and _starts_step(self._timeline, seg):
                step = self._timeline.step(seg)
                for text in [step.instructions, *(f"You need: {e}" for e in step.equipment)]:
                    self._out.write("  " + text.replace("\n", "\n  ") + "\n")
        elif ring:
            self._out.write(ring)
        self._out.flush()

    def frame(self, frame: Frame) -> float | None:
        """Plain mode never redraws."""
        return None
