"""What the player's live screen looks like: its layout for any terminal size, and the screen itself.

Routine text is always handed to rich as `Text` (never as markup), so brackets in a routine
file are shown as typed. The words (and plain mode, which never touches rich) are in words.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.core.floats import whole_up
from footback.core.text import fmt_clock
from footback.stretch.floor import STATE_STYLES, Box
from footback.stretch.line_screen import LineScreen
from footback.stretch.player import Event, EventKind, Frame
from footback.stretch.timeline import Kind, Segment, Timeline
from footback.stretch.words import countdown_text, intro_lines, state_word, step_title, what_next

if TYPE_CHECKING:
    from types import TracebackType

    from rich.console import Console
    from rich.text import Text

KEY_HINT = "space pause · n/→ skip · p/← back · q/Esc stop"
PAUSED_HINT = "PAUSED · space resume · n skip · p back · q stop"
BIG_MIN_WIDTH = 40
BIG_MIN_HEIGHT = 22  # big digits and words from here; below, a compact screen
CHANGE_MARGIN = 0.002
# The alternate screen, cleared and homed (xterm's 1049 saves the cursor and restores it after).
ALT_SCREEN_ON = "\x1b[?1049h\x1b[H\x1b[2J"
ALT_SCREEN_OFF = "\x1b[?1049l"


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
    box: Box | None  # where the big countdown sits; None on a small screen


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


def _count_block(timeline: Timeline, frame: Frame, width: int, box: Box | None) -> list[Text]:
    """The countdown: big digits in their box (beside the figure) or a short "N s" line."""
    from rich.text import Text

    from footback.stretch.floor import count_rows

    if box is not None:
        return _finish(count_rows(timeline, frame, box), width)
    style = STATE_STYLES[state_word(timeline, frame.segment, paused=frame.paused)]
    return _finish([Text(f"{countdown_text(frame.remaining)} s", style=style)], width)


def _top(timeline: Timeline, segment: Segment, width: int) -> Text:
    """The step's title, then the routine's name: one row, cut from the right when narrow."""
    from rich.text import Text

    title = Text(step_title(timeline, segment), style="bold")
    tail = f" ── footback stretch: {timeline.routine.name} "
    return title.append(tail + "─" * max(0, width - len(title) - len(tail)), style="dim")


def _status(timeline: Timeline, frame: Frame) -> Text:
    """The state and the side in words (also what a small screen shows of them)."""
    from rich.text import Text

    seg = frame.segment
    word = state_word(timeline, seg, paused=frame.paused)
    status = Text(word, style=STATE_STYLES[word])
    if frame.paused:
        status.append(" · " + state_word(timeline, seg))
    if seg.side:
        status.append(" · ")
        status.append(timeline.step(seg).side_words(seg.side), style="reverse bold")
    if seg.reps > 1 and seg.kind in (Kind.HOLD, Kind.REST):
        status.append(f" · rep {seg.rep} of {seg.reps}")
    return status


def _middle(timeline: Timeline, frame: Frame, width: int) -> list[Text]:
    """The status and what the side means (wrapped, never cut), padded to as many rows as the
    step's longer side takes, so the rows below stay put when the side switches."""
    from rich.text import Text

    step = timeline.step(frame.segment)
    where = {side: _wrap(step.on_side(side), width) if step.on_side(side) else [] for side in step.sides}
    mine = where.get(frame.segment.side, [])
    padding = [Text("")] * (max(len(rows) for rows in where.values()) - len(mine))
    return [_status(timeline, frame), *(Text(row, style="bold") for row in mine), *padding]


def _bottom(timeline: Timeline, frame: Frame, width: int, *, keys: bool) -> list[Text]:
    """The notice and cue, the two bars, what comes next and the keys."""
    from rich.text import Text

    notice = Text(frame.notice, style="bold reverse") if frame.notice else Text("")
    if frame.cue:
        notice.append(("   " if frame.notice else "") + frame.cue, style="bold")
    bottom = [notice, *_bars(timeline, frame, width), Text("Next: " + what_next(timeline, frame.index))]
    if keys or frame.paused:
        hint = PAUSED_HINT if frame.paused else KEY_HINT
        bottom += [Text(row, style="reverse" if frame.paused else "dim") for row in hint_rows(hint, width)]
    return bottom


def _bottom_rows(width: int, *, keys: bool) -> int:
    """Rows the bottom may take on any frame, paused or not: the rows above never move."""
    hints = [PAUSED_HINT, KEY_HINT] if keys else [PAUSED_HINT]
    return 4 + max(len(hint_rows(hint, width)) for hint in hints)


def layout(timeline: Timeline, frame: Frame, width: int, height: int, *, keys: bool) -> Layout:
    """The live screen for one frame, laid out for a `width` x `height` terminal.

    From 40x22 up: the state word (and the side) in big letters, the countdown in big digits,
    the figure beside it when there is room (`floor.plan`); smaller, a compact screen. The
    status line always names the state and the side; the instructions get the rows left over.
    """
    from rich.text import Text

    from footback.stretch.floor import plan, word_rows

    seg = frame.segment
    room = max(1, height - 1)  # the cursor's own row stays free so nothing scrolls
    top, middle = [_top(timeline, seg, width)], _middle(timeline, frame, width)
    spare = room - len(top) - len(middle) - _bottom_rows(width, keys=keys)
    big = width >= BIG_MIN_WIDTH and height >= BIG_MIN_HEIGHT
    shares = plan(timeline, seg, width, spare, big=big)
    instructions = _budget(_wrap(timeline.step(seg).instructions, width), shares.instructions)
    head = [*top, *(word_rows(timeline, frame, width) if shares.word else []), *middle]
    head += [Text(row, style="dim") for row in instructions]
    head += [Text("")] if shares.blank else []
    count = _count_block(timeline, frame, width, shares.box)
    lines = [*head, *count, *_bottom(timeline, frame, width, keys=keys)]
    bars_at = len(head) + len(count) + 1
    lines = _finish(lines[:room], width)
    return Layout(
        lines=lines,
        count_at=len(head),
        count_rows=len(count),
        bars_at=bars_at if bars_at + 2 <= len(lines) else -1,
        box=shares.box,
    )


def screen_lines(timeline: Timeline, frame: Frame, width: int, height: int, *, keys: bool) -> list[Text]:
    """The live screen for one frame as lines (see `layout`)."""
    return layout(timeline, frame, width, height, keys=keys).lines


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
        whole_up(frame.remaining),  # _COUNT
        whole_up(frame.left_in_routine),
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
    return left - (whole_up(left) - 1)


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
            block = _count_block(self._timeline, frame, width, shown.box)
            end = min(len(lines), shown.count_at + shown.count_rows)
            lines[shown.count_at : end] = block[: end - shown.count_at]
        lines[shown.bars_at : shown.bars_at + 2] = _bars(self._timeline, frame, width)
        shown.lines = lines
        return lines
