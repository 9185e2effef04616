"""What the player looks like: a rich Live screen, or plain lines for pipes and screen readers.

Routine text is always handed to rich as `Text` (never as markup), so brackets in a routine
file are shown as typed. Plain mode never touches rich at all.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, TextIO

from footback.core.text import plural
from footback.stretch.player import Event, EventKind, Frame
from footback.stretch.timeline import Kind, Segment, Timeline

if TYPE_CHECKING:
    from types import TracebackType

    from rich.console import Console
    from rich.live import Live
    from rich.text import Text

KEY_HINT = "space pause · n/→ skip · p/← back · q/Esc stop"
PAUSED_HINT = "PAUSED · space resume · n skip · p back · q stop"
BIG_MIN_WIDTH = 40
BIG_MIN_HEIGHT = 22
CHANGE_MARGIN = 0.002

# A 3x5 block font, each cell drawn two characters wide so the digits read as square.
_FONT = {
    "0": ("###", "# #", "# #", "# #", "###"),
    "1": (" # ", "## ", " # ", " # ", "###"),
    "2": ("###", "  #", "###", "#  ", "###"),
    "3": ("###", "  #", "###", "  #", "###"),
    "4": ("# #", "# #", "###", "  #", "  #"),
    "5": ("###", "#  ", "###", "  #", "###"),
    "6": ("###", "#  ", "###", "# #", "###"),
    "7": ("###", "  #", "  #", "  #", "  #"),
    "8": ("###", "# #", "###", "# #", "###"),
    "9": ("###", "# #", "###", "  #", "###"),
    ":": (" ", "#", " ", "#", " "),
}


def fmt_clock(seconds: float, *, up: bool = True) -> str:
    """Whole seconds as M:SS (or H:MM:SS); a countdown rounds up so 0:00 means done."""
    whole = max(0, math.ceil(seconds - 1e-9) if up else round(seconds))
    hours, rest = divmod(whole, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60}:{rest % 60:02d}"


def countdown_text(seconds: float) -> str:
    """The big number: plain seconds under a minute, M:SS above."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return str(whole) if whole < 60 else fmt_clock(whole)


def big_digits(text: str) -> list[str]:
    """`text` (digits and colons) drawn five lines tall in block characters."""
    rows = ["", "", "", "", ""]
    for char in text:
        glyph = _FONT[char]
        for row in range(5):
            rows[row] += glyph[row].replace("#", "██").replace(" ", "  ") + "  "
    return [row.rstrip() for row in rows]


def side_label(side: str | None) -> str:
    return f"{side} side" if side else ""


def step_title(timeline: Timeline, segment: Segment) -> str:
    count = len(timeline.routine.steps)
    return f"Step {segment.step + 1} of {count}: {timeline.step(segment).name}"


def hold_detail(segment: Segment) -> str:
    parts = [side_label(segment.side)] if segment.side else []
    if segment.reps > 1:
        parts.append(f"rep {segment.rep} of {segment.reps}")
    return ", ".join(parts)


def what_next(timeline: Timeline, index: int) -> str:
    """One phrase about what comes after segment `index`."""
    segments = timeline.segments
    if index + 1 >= len(segments):
        return "the end of the routine"
    following = segments[index + 1]
    if following.kind is Kind.REST:
        return f"rest {following.seconds:g} s"
    if following.kind is Kind.SWITCH:
        return "switch sides"
    if following.step != segments[index].step or following.kind is Kind.LEAD_IN:
        detail = f" ({side_label(following.side)} first)" if following.side else ""
        return step_title(timeline, following) + detail
    detail = hold_detail(following)
    return f"hold {following.seconds:g} s" + (f", {detail}" if detail else "")


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
    if kind is EventKind.HALFWAY:
        return "Halfway"
    if kind is EventKind.LAST_SECONDS:
        return "Last 3 seconds"
    if kind is EventKind.STEP_DONE and seg is not None:
        return f"Done: {timeline.step(seg).name}"
    if kind is EventKind.SKIPPED and seg is not None:
        return f"Skipped: {timeline.step(seg).name}"
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


def _segment_line(timeline: Timeline, seg: Segment) -> str:
    if seg.kind is Kind.LEAD_IN:
        side = f", {side_label(seg.side)} first" if seg.side else ""
        return f"Get ready: {step_title(timeline, seg)}{side}, starting in {seg.seconds:g} s"
    if seg.kind is Kind.SWITCH:
        return f"Switch sides: {side_label(seg.side)} next, in {seg.seconds:g} s"
    if seg.kind is Kind.REST:
        return f"Rest {seg.seconds:g} s"
    detail = hold_detail(seg)
    return f"{step_title(timeline, seg)}{', ' + detail if detail else ''}: hold {seg.seconds:g} s"


def _starts_step(timeline: Timeline, seg: Segment) -> bool:
    """The first segment of a step: where its instructions are read out."""
    return timeline.segments[timeline.step_starts[seg.step]] is seg


def _rings(event: Event) -> bool:
    """The bell marks each hold's start and end."""
    seg = event.segment
    if event.kind is EventKind.HOLD_DONE:
        return True
    return event.kind is EventKind.SEGMENT and seg is not None and seg.kind is Kind.HOLD


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
        ring = "\a" if self._bell and _rings(event) else ""
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


def _cells(done: float, span: float, width: int) -> int:
    """Whole bar cells filled; shared by the drawing and `view_key` so they always agree."""
    return max(0, min(width, int(width * done / span))) if span > 0 else width


def _bar_line(label: str, done: float, span: float, left: float, width: int) -> Text:
    from rich.text import Text

    cells = bar_width(width)
    filled = _cells(done, span, cells)
    # Solid and shaded blocks tell done from to-do without colour.
    line = Text(f"{label:<9} ")
    line.append("█" * filled, style="bold")
    line.append("░" * (cells - filled), style="dim")
    line.append(f" {fmt_clock(left)} left")
    return line


def render_frame(timeline: Timeline, frame: Frame, width: int, height: int, *, keys: bool) -> Text:
    """The whole Live screen for one frame, laid out for a `width` x `height` terminal.

    One `Text` of pre-wrapped lines: several times cheaper for rich to draw than nested
    panels and tables, which matters at up to 10 frames a second.
    """
    import textwrap

    from rich.text import Text

    seg = frame.segment
    step = timeline.step(seg)
    roomy = width >= BIG_MIN_WIDTH and height >= BIG_MIN_HEIGHT
    heading = f"── footback stretch: {timeline.routine.name} "
    lines = [Text(heading + "─" * max(0, width - len(heading)), style="dim")]
    lines.append(Text(step_title(timeline, seg), style="bold"))
    # The side sits on this short line so a narrow terminal never cuts it off.
    status = Text(seg.kind.value.upper(), style="bold")
    if seg.side:
        status.append(" · ")
        status.append(seg.side.upper(), style="reverse bold")
    if seg.reps > 1 and seg.kind in (Kind.HOLD, Kind.REST):
        status.append(f" · rep {seg.rep} of {seg.reps}")
    lines.append(status)
    count = countdown_text(frame.remaining)
    if roomy:
        for paragraph in step.instructions.split("\n"):
            lines += [Text(row, style="dim") for row in textwrap.wrap(paragraph, width) or [""]]
        lines.append(Text(""))
        lines += [Text(row.center(width).rstrip(), style="bold") for row in big_digits(count)]
        lines.append(Text(""))
    else:
        lines.append(Text(f"{count} s", style="bold"))
    lines.append(Text(frame.cue, style="bold"))
    lines.append(_bar_line("This part", seg.seconds - frame.remaining, seg.seconds, frame.remaining, width))
    done = timeline.total - frame.left_in_routine
    lines.append(_bar_line("Routine", done, timeline.total, frame.left_in_routine, width))
    lines.append(Text("Next: " + what_next(timeline, frame.index)))
    if keys or frame.paused:
        hint = PAUSED_HINT if frame.paused else KEY_HINT
        lines.append(Text(hint, style="reverse" if frame.paused else "dim"))
    for line in lines:
        line.truncate(width, overflow="ellipsis")
    screen = Text("\n").join(lines)
    screen.no_wrap = True
    return screen


def bar_width(width: int) -> int:
    """Bars fill what the label and "0:00 left" leave."""
    return max(5, width - 21)


def view_key(frame: Frame, width: int, height: int, total: float) -> tuple[object, ...]:
    """What a viewer could see change; the screen is redrawn only when this changes."""
    cells = bar_width(width)
    seg = frame.segment
    return (
        frame.index,
        math.ceil(frame.remaining - 1e-9),
        math.ceil(frame.left_in_routine - 1e-9),
        _cells(seg.seconds - frame.remaining, seg.seconds, cells),
        _cells(total - frame.left_in_routine, total, cells),
        frame.paused,
        frame.cue,
        width,
        height,
    )


def until_change(frame: Frame, width: int, total: float) -> float:
    """Routine seconds until `view_key` changes: a digit ticks over or a bar gains a cell."""
    cells = bar_width(width)
    seg = frame.segment
    deltas = [_to_next_second(frame.remaining), _to_next_second(frame.left_in_routine)]
    for span, left in ((seg.seconds, frame.remaining), (total, frame.left_in_routine)):
        if span > 0:
            done = span - left
            deltas.append((int(cells * done / span) + 1) * span / cells - done)
    # A hair late rather than early, so the change has surely happened when we look.
    return max(0.0, min(deltas)) + CHANGE_MARGIN


def _to_next_second(left: float) -> float:
    """Time until a countdown showing ceil(left) shows one less."""
    return left - (math.ceil(left - 1e-9) - 1)


class LiveScreen:
    """The rich Live screen; a context manager that always gives the terminal back."""

    def __init__(self, timeline: Timeline, console: Console, *, bell: bool, keys: bool) -> None:
        self._timeline = timeline
        self._console = console
        self._bell = bell
        self._keys = keys
        self._last: tuple[object, ...] | None = None
        self._live: Live | None = None

    def intro(self) -> None:
        from rich.text import Text

        for line in intro_lines(self._timeline):
            self._console.print(Text(line))

    def __enter__(self) -> LiveScreen:
        from rich.live import Live

        self._live = Live(
            console=self._console,
            auto_refresh=False,
            transient=True,
            redirect_stdout=False,
            redirect_stderr=False,
            vertical_overflow="crop",
        )
        self._live.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._live is not None:
            self._live.stop()

    def event(self, event: Event) -> None:
        if self._bell and _rings(event):
            self._console.bell()

    def frame(self, frame: Frame) -> float | None:
        width, height = self._console.size
        key = view_key(frame, width, height, self._timeline.total)
        if key != self._last and self._live is not None:
            self._last = key
            screen = render_frame(self._timeline, frame, width, height, keys=self._keys)
            self._live.update(screen, refresh=True)
        return None if frame.paused else until_change(frame, width, self._timeline.total)
