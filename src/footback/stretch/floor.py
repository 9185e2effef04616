"""The big part of the player's screen, read from the floor: the state word and the side in big
letters, the countdown in big digits, and the step's figure beside it.

Where each part goes is worked out once per step and size (`plan`), never per frame, so nothing
moves within a step: the figure sits in a box as wide as the figure, the digits in a box as wide
as the step's widest count. Working (hold, roll, move) is drawn in solid blocks, everything else
(get ready, rest, switch sides, paused) in shaded ones, so rest and hold differ without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.stretch import bigtype
from footback.stretch.figure import marked_rows, side_letter
from footback.stretch.routine_file import FIGURE_MARK
from footback.stretch.words import countdown_text, state_word

if TYPE_CHECKING:
    from rich.text import Text

    from footback.stretch.player import Frame
    from footback.stretch.timeline import Segment, Timeline

STATE_STYLES = {
    "GET READY": "bold yellow",
    "HOLD": "bold green",
    "ROLL": "bold cyan",
    "MOVE": "bold blue",
    "REST": "bold magenta",
    "SWITCH SIDES": "bold black on yellow",
    "PAUSED": "bold white on red",
}
WORKING = frozenset({"HOLD", "ROLL", "MOVE"})
SOLID, SHADED = "█", "▒"
FIGURE_GAP = 4
SIDE_GAP = " " * 6  # between the state word and the side in big letters
SWITCH_TO = "SWITCH TO"  # "SWITCH SIDES" with the side after it is too wide for 80 columns


@dataclass(frozen=True, slots=True)
class Box:
    """Where the countdown (and the figure beside it) sits; the same on every frame of a step."""

    left: int  # the block's first column
    figure: int  # the figure's width; 0: no figure
    digits: int  # the step's widest countdown
    rows: int


@dataclass(frozen=True, slots=True)
class Plan:
    """What one step's screen holds at one size besides the fixed rows."""

    word: bool  # the state word (and the side) in big letters
    box: Box | None  # None: a small screen, the count as "N s"
    blank: bool  # a blank row above the count
    instructions: int  # rows left for the step's instructions


def fill(word: str) -> str:
    """Solid blocks while working, shaded ones otherwise."""
    return SOLID if word in WORKING else SHADED


def plan(timeline: Timeline, segment: Segment, width: int, spare: int, *, big: bool) -> Plan:
    """Share `spare` rows out for the step of `segment`: the big digits first, then the big
    state word, the figure, a blank row; the instructions get the rest (at least one row when
    anything optional is shown). Without `big`, a small screen: the count is one row."""
    if not big or spare < bigtype.ROWS + 1:
        return Plan(word=False, box=None, blank=False, instructions=max(0, spare - 1))
    step = timeline.step(segment)
    counts = [countdown_text(s.seconds) for s in timeline.segments if s.step == segment.step]
    digits = max(bigtype.block_width(bigtype.big_digits(count)) for count in counts)
    rows = spare - bigtype.ROWS
    word = rows >= bigtype.ROWS + 1
    rows -= bigtype.ROWS if word else 0
    figure = marked_rows(step, "left")
    wide = bigtype.block_width(figure)
    extra = max(0, len(figure) - bigtype.ROWS)
    with_figure = bool(figure) and wide + FIGURE_GAP + digits <= width and rows >= extra + 1
    rows -= extra if with_figure else 0
    blank = rows >= 2
    total = (wide + FIGURE_GAP if with_figure else 0) + digits
    box = Box(
        left=max(0, (width - total) // 2),
        figure=wide if with_figure else 0,
        digits=digits,
        rows=bigtype.ROWS + (extra if with_figure else 0),
    )
    return Plan(word=word, box=box, blank=blank, instructions=rows - blank)


def _phrases(word: str, side: str) -> list[tuple[str, str]]:
    """What the big row may say, best first: the word and the side, else the word alone."""
    first = SWITCH_TO if word == "SWITCH SIDES" else word
    phrases = [(first, side)] if side and bigtype.can_draw_word(side) else []
    return [*phrases, (word, ""), ("SWITCH", "")]


def word_rows(timeline: Timeline, frame: Frame, width: int) -> list[Text]:
    """The state word, with the side when it fits, in big letters centred on the screen."""
    from rich.text import Text

    seg = frame.segment
    word = state_word(timeline, seg, paused=frame.paused)
    side = timeline.step(seg).side_words(seg.side)
    shape = fill(word)
    for first, second in _phrases(word, side):
        left = bigtype.big_word(first, shape)
        right = bigtype.big_word(second, shape) if second else []
        wide = bigtype.block_width(left) + (len(SIDE_GAP) + bigtype.block_width(right) if right else 0)
        if wide <= width:
            break
    pad = " " * max(0, (width - wide) // 2)
    rows = []
    for number, row in enumerate(left):
        line = Text(pad).append(row, style=STATE_STYLES[word])
        if right:
            line.append(SIDE_GAP).append(right[number], style="bold")
        line.rstrip()
        rows.append(line)
    return rows


def count_rows(timeline: Timeline, frame: Frame, box: Box) -> list[Text]:
    """The big countdown in its box, beside the figure when there is one."""
    from rich.text import Text

    seg = frame.segment
    word = state_word(timeline, seg, paused=frame.paused)
    digits = bigtype.big_digits(countdown_text(frame.remaining), fill(word))
    figure = marked_rows(timeline.step(seg), seg.side) if box.figure else []
    pad = " " * ((box.digits - bigtype.block_width(digits)) // 2)
    top_figure, top_digits = (box.rows - len(figure)) // 2, (box.rows - bigtype.ROWS) // 2
    lines = []
    for row in range(box.rows):
        line = Text(" " * box.left)
        if box.figure:
            at = row - top_figure
            drawn = figure[at] if 0 <= at < len(figure) else ""
            _figure_row(line, drawn.ljust(box.figure + FIGURE_GAP), seg.side, resting=word == "REST")
        at = row - top_digits
        if 0 <= at < bigtype.ROWS:
            line.append(pad).append(digits[at], style=STATE_STYLES[word])
        line.rstrip()
        lines.append(line)
    return lines


def _figure_row(line: Text, row: str, side: str | None, *, resting: bool) -> None:
    """A figure row: the working-limb mark as L, R or * in reverse; dim at rest (getting ready,
    it is the pose to take, so it stays bright)."""
    style = "dim" if resting else ""
    for number, part in enumerate(row.split(FIGURE_MARK)):
        if number:
            line.append(side_letter(side), style="bold reverse")
        line.append(part, style=style)
