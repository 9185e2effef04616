"""What the player's live screen looks like: its layout for any terminal size, and the screen itself.

Routine text is always handed to rich as `Text` (never as markup), so brackets in a routine
file are shown as typed. The words (and plain mode, which never touches rich) are in words.py.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.core.text import fmt_clock
from footback.stretch.line_screen import LineScreen
from footback.stretch.player import Event, EventKind, Frame
from footback.stretch.timeline import Kind, Timeline
from footback.stretch.words import (
    countdown_text,
    intro_lines,
    state_word,
    step_title,
    what_next,
)

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
# The alternate screen, cleared and homed (xterm's 1049 saves the cursor and restores it after).
ALT_SCREEN_ON = "\x1b[?1049h\x1b[H\x1b[2J"
ALT_SCREEN_OFF = "\x1b[?1049l"


STATE_STYLES = {
    "GET READY": "bold yellow",
    "HOLD": "bold green",
    "ROLL": "bold cyan",
    "MOVE": "bold blue",
    "REST": "bold magenta",
    "SWITCH SIDES": "bold black on yellow",
    "PAUSED": "bold white on red",
}


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


def hint_rows(hint: str, width: int) -> list[str]:
    """The keys line, broken between keys when it is wider than the terminal: cut, it lost
    "q/Esc stop" (the way out) at 40 columns."""
    rows: list[str] = []
    for key in hint.split(" · "):
        if rows and len(rows[-1]) + 3 + len(key) <= width:
            rows[-1] += " · " + key
        else:
            rows.append(key)
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
        bottom += [Text(row, style="reverse" if frame.paused else "dim") for row in hint_rows(hint, width)]
    where = step.on_side(seg.side)
    # Which foot or leg works is never cut short: it wraps (at 40 columns too).
    middle = [status] + [Text(row, style="bold") for row in (_wrap(where, width) if where else [])]
    roomy = width >= BIG_MIN_WIDTH and height >= BIG_MIN_HEIGHT
    with_figure = False
    if not roomy:
        # What to do stays on a small screen too (as much as fits under the state and the side):
        # at 40x20 the toe lift showed only "HOLD" and a count, with half the rows empty.
        fixed = len(top) + len(middle) + len(bottom) + 1  # the "N s" row
        instructions = _budget(_wrap(step.instructions, width), room - fixed)
        head = [*top, *middle, *(Text(row, style="dim") for row in instructions)]
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
        self._step: int | None = None  # the step on screen, for the bell

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

        self._screen = LineScreen(self._console, home=True)
        # A screen of its own (the alternate screen, cleared): nothing of the intro or the ready
        # prompt stays above the player, and they are back as they were when it ends.
        self._console.file.write(ALT_SCREEN_ON)
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
                self._console.file.write(ALT_SCREEN_OFF)
            self._console.show_cursor(True)
        except (OSError, ValueError):
            pass  # the terminal is gone (hangup): nothing left to draw on

    @property
    def lines_written(self) -> int:
        return self._screen.lines_written if self._screen is not None else 0

    def event(self, event: Event) -> None:
        """One bell when a new step starts (not at the first, nor between reps or sides)."""
        segment = event.segment
        if event.kind is not EventKind.SEGMENT or segment is None:
            return
        changed = self._step is not None and segment.step != self._step
        self._step = segment.step
        if changed and self._bell:
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
