"""What the player looks like: a rich Live screen, or plain lines for pipes and screen readers.

Routine text is always handed to rich as `Text` (never as markup), so brackets in a routine
file are shown as typed. Plain mode never touches rich at all.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from footback.core.text import fmt_clock, plural
from footback.stretch.player import NOTICES, Event, EventKind, Frame
from footback.stretch.timeline import Kind, Segment, Timeline

if TYPE_CHECKING:
    from types import TracebackType

    from rich.console import Console
    from rich.text import Text

KEY_HINT = "space pause · n/→ skip · p/← back · q/Esc stop"
PAUSED_HINT = "PAUSED · space resume · n skip · p back · q stop"
BIG_MIN_WIDTH = 40
BIG_MIN_HEIGHT = 22
FIGURE_MIN_HEIGHT = 24  # the figure sits beside the big digits, when there is room
FIGURE_MIN_WIDTH = 60
FIGURE_GAP = 4
WORD_MIN_HEIGHT = 30  # the state word in big letters too
CHANGE_MARGIN = 0.002


def countdown_text(seconds: float) -> str:
    """The big number: plain seconds under a minute, M:SS above."""
    whole = max(0, math.ceil(seconds - 1e-9))
    return str(whole) if whole < 60 else fmt_clock(whole)


STATE_STYLES = {
    "GET READY": "bold yellow",
    "HOLD": "bold green",
    "ROLL": "bold cyan",
    "MOVE": "bold blue",
    "REST": "bold magenta",
    "SWITCH SIDES": "bold black on yellow",
    "PAUSED": "bold white on red",
}
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
        detail = f" ({side_label(timeline, following)} first)" if following.side else ""
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


def _wrap(text: str, width: int) -> list[str]:
    import textwrap

    rows: list[str] = []
    for paragraph in text.split("\n"):
        rows += textwrap.wrap(paragraph, width) or [""]
    return rows


def _budget(rows: list[str], room: int) -> list[str]:
    """At most `room` rows; a cut ends in an ellipsis so it is clearly cut."""
    if len(rows) <= room:
        return rows
    if room <= 0:
        return []
    return [*rows[: room - 1], rows[room - 1].rstrip() + " …"]


@dataclass
class Layout:
    """One frame's lines and where the parts that change every second are, so a frame in which
    only the time moved rebuilds just those rows."""

    lines: list[Text]
    count_at: int  # first row of the countdown (big digits, maybe beside the figure, or "N s")
    count_rows: int
    bars_at: int  # the "This part" bar; the "Routine" bar follows; -1 when cropped away
    roomy: bool
    with_figure: bool


def _finish(lines: list[Text], width: int) -> list[Text]:
    for line in lines:
        line.truncate(width, overflow="ellipsis")
        line.no_wrap = True
    return lines


def _bars(timeline: Timeline, frame: Frame, width: int) -> list[Text]:
    seg = frame.segment
    this = _bar_line("This part", seg.seconds - frame.remaining, seg.seconds, frame.remaining, width)
    left = frame.left_in_routine
    return _finish([this, _bar_line("Routine", timeline.total - left, timeline.total, left, width)], width)


def _count_block(
    timeline: Timeline, frame: Frame, width: int, *, roomy: bool, with_figure: bool
) -> list[Text]:
    """The countdown: big digits (beside the figure when it fits) or a short "N s" line."""
    from rich.text import Text

    from footback.stretch import bigtype
    from footback.stretch.figure import figure_rows

    seg = frame.segment
    style = STATE_STYLES[state_word(timeline, seg, paused=frame.paused)]
    count = countdown_text(frame.remaining)
    if not roomy:
        return _finish([Text(f"{count} s", style=style)], width)
    # Centred within the widest count of this segment, so nothing shifts as digits drop off.
    widest = bigtype.block_width(bigtype.big_digits(countdown_text(seg.seconds)))
    block = bigtype.centre_block(bigtype.big_digits(count), widest)
    if with_figure:
        block = bigtype.beside(figure_rows(timeline.step(seg), seg.side), block, FIGURE_GAP)
    return _finish([_figure_text(row, style) for row in bigtype.centre_block(block, width)], width)


def layout(timeline: Timeline, frame: Frame, width: int, height: int, *, keys: bool) -> Layout:
    """The live screen for one frame, laid out for a `width` x `height` terminal.

    Big type (the state word, the countdown) and the figure appear only when the terminal has
    room for them; the short status line always names the state and the side, so a small
    terminal still says what to do.
    """
    from rich.text import Text

    from footback.stretch import bigtype
    from footback.stretch.figure import figure_rows

    seg = frame.segment
    step = timeline.step(seg)
    word = state_word(timeline, seg, paused=frame.paused)
    style = STATE_STYLES[word]
    room = max(1, height - 1)  # the cursor's own row stays free so nothing scrolls
    heading = f"── footback stretch: {timeline.routine.name} "
    top = [Text(heading + "─" * max(0, width - len(heading)), style="dim")]
    top.append(Text(step_title(timeline, seg), style="bold"))
    status = Text(word, style=style)
    if frame.paused:
        status.append(" · " + state_word(timeline, seg))
    if seg.side:
        status.append(" · ")
        status.append(step.side_words(seg.side), style="reverse bold")
    if seg.reps > 1 and seg.kind in (Kind.HOLD, Kind.REST):
        status.append(f" · rep {seg.rep} of {seg.reps}")
    notice = Text(frame.notice, style="bold reverse") if frame.notice else Text("")
    if frame.cue:
        notice.append(("   " if frame.notice else "") + frame.cue, style="bold")
    bottom = [notice, *_bars(timeline, frame, width), Text("Next: " + what_next(timeline, frame.index))]
    if keys or frame.paused:
        hint = PAUSED_HINT if frame.paused else KEY_HINT
        bottom.append(Text(hint, style="reverse" if frame.paused else "dim"))
    where = step.on_side(seg.side)
    middle = [status] + ([Text(where, style="bold")] if where else [])
    roomy = width >= BIG_MIN_WIDTH and height >= BIG_MIN_HEIGHT
    with_figure = False
    if not roomy:
        head = [*top, *middle]
    else:
        digits = bigtype.big_digits(countdown_text(seg.seconds))
        block = digits
        figure = figure_rows(step, seg.side)
        fixed = len(top) + len(middle) + len(bottom) + 2
        if figure and height >= FIGURE_MIN_HEIGHT and width >= FIGURE_MIN_WIDTH:
            both = bigtype.beside(figure, digits, FIGURE_GAP)
            if bigtype.block_width(both) <= width and fixed + len(both) + 1 <= room:
                block, with_figure = both, True
        fixed += len(block)
        word_rows: list[str] = []
        big = bigtype.big_word(word)
        if height >= WORD_MIN_HEIGHT and bigtype.block_width(big) <= width and fixed + 7 <= room:
            word_rows = [*bigtype.centre_block(big, width), ""]
            fixed += len(word_rows)
        instructions = _budget(_wrap(step.instructions, width), room - fixed)
        head = [*top, *(Text(row, style=style) for row in word_rows), *middle]
        head += [Text(row, style="dim") for row in instructions]
        head.append(Text(""))
    count = _count_block(timeline, frame, width, roomy=roomy, with_figure=with_figure)
    lines = [*head, *count, *([Text("")] if roomy else []), *bottom]
    bars_at = len(lines) - len(bottom) + 1
    lines = _finish(lines[:room], width)
    return Layout(
        lines=lines,
        count_at=len(head),
        count_rows=len(count),
        bars_at=bars_at if bars_at + 2 <= len(lines) else -1,
        roomy=roomy,
        with_figure=with_figure,
    )


def screen_lines(timeline: Timeline, frame: Frame, width: int, height: int, *, keys: bool) -> list[Text]:
    """The live screen for one frame as lines (see `layout`)."""
    return layout(timeline, frame, width, height, keys=keys).lines


_RUNS = re.compile(r"█+|[LR*]+|[^█LR*]+")


def _figure_text(row: str, style: str) -> Text:
    """A row of the figure/digits block: digits in the state's style, the L/R mark reversed."""
    from rich.text import Text

    text = Text(row)
    for run in _RUNS.finditer(row):
        first = run.group()[0]
        if first == "█":
            text.stylize(style, run.start(), run.end())
        elif first in "LR*":
            text.stylize("bold reverse", run.start(), run.end())
    return text


def bar_width(width: int) -> int:
    """Bars fill what the label and "0:00 left" leave."""
    return max(5, width - 21)


_STATIC, _COUNT = 0, 1  # positions in `view_key`


def view_key(frame: Frame, width: int, height: int, total: float) -> tuple[object, ...]:
    """What a viewer could see change; the screen is redrawn only when this changes."""
    cells = bar_width(width)
    seg = frame.segment
    return (
        (frame.index, frame.paused, frame.cue, frame.notice, width, height),  # _STATIC
        math.ceil(frame.remaining - 1e-9),  # _COUNT
        math.ceil(frame.left_in_routine - 1e-9),
        _cells(seg.seconds - frame.remaining, seg.seconds, cells),
        _cells(total - frame.left_in_routine, total, cells),
    )


def until_change(frame: Frame) -> float:
    """Routine seconds until the next redraw: when a countdown ticks over.

    The bars move on with the clock, once a second, not every time a cell fills: each wake-up
    of an idle process costs far more than drawing a few lines, so the screen wakes the
    process once a second during a hold (events such as cues and keys still draw at once).
    """
    deltas = [_to_next_second(frame.remaining), _to_next_second(frame.left_in_routine)]
    # A hair late rather than early, so the change has surely happened when we look.
    return max(0.0, min(deltas)) + CHANGE_MARGIN


def _to_next_second(left: float) -> float:
    """Time until a countdown showing ceil(left) shows one less."""
    return left - (math.ceil(left - 1e-9) - 1)


class LineScreen:
    """Draws a list of lines in place and rewrites only the lines that changed.

    rich's Live repaints every line on every refresh; here each frame is compared line by line
    with what is on the terminal, and only changed lines are rendered and written (cursor up,
    clear the line, write it, back down). A new size or line count repaints the block.
    """

    def __init__(self, console: Console) -> None:
        self._console = console
        self._shown: list[Text] = []
        self._size: tuple[int, int] | None = None
        self.lines_written = 0  # for the redraw tests: how many lines went to the terminal

    def _ansi(self, line: Text) -> str:
        from rich.console import COLOR_SYSTEMS

        system = self._console.color_system
        colours = COLOR_SYSTEMS[system] if system is not None else None
        out = []
        for segment in line.render(self._console):
            if segment.style is None or colours is None:
                out.append(segment.text)
            else:
                out.append(segment.style.render(segment.text, color_system=colours))
        return "".join(out)

    def draw(self, lines: list[Text], size: tuple[int, int]) -> None:
        parts: list[str] = []
        count = len(self._shown)
        if size != self._size or len(lines) != count:
            parts.append(self._erase_codes())
            for line in lines:
                parts.append("\r\x1b[2K" + self._ansi(line) + "\n")
            self.lines_written += len(lines)
        else:
            # The cursor rests on the row below the block; `up` counts rows above it.
            up = 0
            for row, (old, new) in enumerate(zip(self._shown, lines, strict=True)):
                # Text equality ignores the base style: a recoloured row must still be redrawn.
                if old == new and old.style == new.style:
                    continue
                target = count - row
                # Down by line feeds (never at the bottom row, so nothing scrolls): a transcript
                # of the terminal then reads as whole lines.
                parts.append(f"\x1b[{target - up}A" if target > up else "\n" * (up - target))
                parts.append("\r\x1b[2K" + self._ansi(new))
                self.lines_written += 1
                up = target
            if up:
                parts.append("\n" * up)
        self._shown = lines
        self._size = size
        if parts:
            self._console.file.write("".join(parts))
            self._console.file.flush()

    def _erase_codes(self) -> str:
        count = len(self._shown)
        return f"\r\x1b[{count}A\x1b[J" if count else ""

    def clear(self) -> None:
        """Remove the block (the screen is transient) and leave the cursor where it began."""
        codes = self._erase_codes()
        self._shown = []
        if codes:
            self._console.file.write(codes)
            self._console.file.flush()


class LiveScreen:
    """The live screen; a context manager that always gives the terminal back."""

    def __init__(self, timeline: Timeline, console: Console, *, bell: bool, keys: bool) -> None:
        self._timeline = timeline
        self._console = console
        self._bell = bell
        self._keys = keys
        self._last: tuple[object, ...] | None = None
        self._screen: LineScreen | None = None
        self._layout: Layout | None = None

    def intro(self) -> None:
        from rich.text import Text

        for line in intro_lines(self._timeline):
            self._console.print(Text(line))

    def __enter__(self) -> LiveScreen:
        # Imported now, not at the first frame, so the first frame is on time.
        import textwrap  # noqa: F401

        import rich.text  # noqa: F401

        import footback.stretch.bigtype
        import footback.stretch.figure  # noqa: F401

        self._screen = LineScreen(self._console)
        self._console.show_cursor(False)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        screen, self._screen = self._screen, None
        try:
            if screen is not None:
                screen.clear()
            self._console.show_cursor(True)
        except (OSError, ValueError):
            pass  # the terminal is gone (hangup): nothing left to draw on

    @property
    def lines_written(self) -> int:
        return self._screen.lines_written if self._screen is not None else 0

    def event(self, event: Event) -> None:
        if self._bell:
            for _ in range(bells(event)):
                self._console.bell()

    def frame(self, frame: Frame) -> float | None:
        width, height = self._console.size
        key = view_key(frame, width, height, self._timeline.total)
        if key != self._last and self._screen is not None:
            self._screen.draw(self._lines(frame, key, width, height), (width, height))
            self._last = key
        return None if frame.paused else until_change(frame)

    def _lines(self, frame: Frame, key: tuple[object, ...], width: int, height: int) -> list[Text]:
        """The new frame's lines; when only the time moved, just the countdown and bars change."""
        shown, last = self._layout, self._last
        same_view = last is not None and key[_STATIC] == last[_STATIC]
        if shown is None or not same_view or shown.bars_at < 0:
            self._layout = layout(self._timeline, frame, width, height, keys=self._keys)
            return self._layout.lines
        lines = list(shown.lines)
        if last is not None and key[_COUNT] != last[_COUNT]:
            block = _count_block(
                self._timeline, frame, width, roomy=shown.roomy, with_figure=shown.with_figure
            )
            end = min(len(lines), shown.count_at + shown.count_rows)
            lines[shown.count_at : end] = block[: end - shown.count_at]
        lines[shown.bars_at : shown.bars_at + 2] = _bars(self._timeline, frame, width)
        shown.lines = lines
        return lines
