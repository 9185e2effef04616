"""The player read from the floor, as a terminal (pyte) shows it at 80x24: big type, the figure in
one place, rest unlike hold, a screen of its own, one bell per step, no colour on request."""

from __future__ import annotations

import io
import itertools

import pyte
import pytest
from rich.console import Console
from rich.text import Text

from footback.stretch import bigtype, catalogue
from footback.stretch.figure import figure_rows
from footback.stretch.floor import SWITCH_TO, fill
from footback.stretch.line_screen import LineScreen
from footback.stretch.player import Frame, Key, Player
from footback.stretch.render import ALT_SCREEN_OFF, ALT_SCREEN_ON, LiveScreen
from footback.stretch.timeline import Kind, Timeline, build
from footback.stretch.words import countdown_text, state_word
from tests.support.stretch_fakes import FakeClock, ScriptedKeys


@pytest.fixture(autouse=True)
def xterm(monkeypatch: pytest.MonkeyPatch) -> None:
    """rich draws nothing live on a dumb terminal (conftest's default)."""
    monkeypatch.setenv("TERM", "xterm")


class Terminal:
    """The console's file: everything written goes through a terminal emulator (pyte), so a test
    reads what is on screen, partial redraws and all, as a person would see it."""

    def __init__(self, width: int, height: int) -> None:
        self.screen = pyte.Screen(width, height)
        self._stream = pyte.Stream(self.screen)
        self.written: list[str] = []

    def write(self, text: str) -> int:
        self.written.append(text)
        self._stream.feed(text)
        return len(text)

    def flush(self) -> None:
        """Nothing is buffered."""

    def rows(self) -> list[str]:
        return [row.rstrip() for row in self.screen.display]


def play(
    timeline: Timeline,
    *,
    size: tuple[int, int] = (80, 24),
    presses: list[tuple[float, Key]] | None = None,
    no_color: bool = False,
) -> tuple[str, list[tuple[Frame, list[str]]]]:
    """Play on a fake 80x24 terminal and the fake clock: what was written, and each frame with
    what the terminal showed after it."""
    width, height = size
    terminal = Terminal(width, height)
    console = Console(file=terminal, width=width, height=height, force_terminal=True, no_color=no_color)  # type: ignore[arg-type]
    clock = FakeClock(0.0)
    frames: list[tuple[Frame, list[str]]] = []

    class Watch(LiveScreen):
        def frame(self, frame: Frame) -> float | None:
            hint = super().frame(frame)
            frames.append((frame, terminal.rows()))
            return hint

    keys = ScriptedKeys(clock, presses) if presses else None
    with Watch(timeline, console, bell=True, keys=True) as screen:
        Player(timeline, screen, clock=clock, sleep=clock.sleep, keys=keys).run()
    return "".join(terminal.written), frames


def step_changes(frames: list[tuple[Frame, list[str]]]) -> int:
    steps = [frame.segment.step for frame, _ in frames]
    return sum(1 for a, b in itertools.pairwise(steps) if a != b)


def test_the_bell_rings_once_per_step_change_in_a_whole_routine() -> None:
    # The feet routine (6:31) rang 56 times: each hold's start and end, twice per side switch.
    timeline = build(catalogue.load_builtin("feet"), lead_in=3)
    output, frames = play(timeline)
    assert len(timeline.routine.steps) == 4 and step_changes(frames) == 3
    assert output.count("\a") == 3


def test_skip_and_back_ring_when_they_change_the_step() -> None:
    timeline = build(catalogue.load_builtin("feet"), lead_in=3)
    # n in step 1 (one-sided): step 2; p: back to step 1; n twice: step 2's right side, then
    # step 3 (the first n on a two-sided step skips one side, no new step: no bell).
    presses = [(5.0, Key.SKIP), (8.0, Key.BACK), (10.0, Key.SKIP), (12.0, Key.SKIP), (14.0, Key.SKIP)]
    output, frames = play(timeline, presses=[*presses, (16.0, Key.STOP)])
    assert [frame.segment.step for frame, _ in frames][-1] == 2
    assert step_changes(frames) == 4
    assert output.count("\a") == 4


def test_the_player_has_a_screen_of_its_own_and_gives_it_back() -> None:
    timeline = build(catalogue.load_builtin("morning"), lead_in=3)
    output, _ = play(timeline, presses=[(2.0, Key.STOP)])
    # The alternate screen, cleared, before the first frame; left after the last one.
    assert output.startswith(ALT_SCREEN_ON)
    assert output.rindex(ALT_SCREEN_OFF) > output.rindex("GET READY")
    assert output.rfind("\x1b[?25h") > output.rfind(ALT_SCREEN_OFF)  # and the cursor is back


def test_the_screen_is_given_back_after_ctrl_c_too() -> None:
    timeline = build(catalogue.load_builtin("morning"), lead_in=3)
    console = Console(file=io.StringIO(), width=80, height=24, force_terminal=True)
    clock = FakeClock(0.0)
    keys = ScriptedKeys(clock, [(2.0, KeyboardInterrupt())])
    with pytest.raises(KeyboardInterrupt), LiveScreen(timeline, console, bell=True, keys=True) as screen:
        Player(timeline, screen, clock=clock, sleep=clock.sleep, keys=keys).run()
    out = console.file
    assert isinstance(out, io.StringIO)
    assert out.getvalue().endswith(ALT_SCREEN_OFF + "\x1b[?25h")


@pytest.mark.parametrize("no_color", [False, True])
def test_no_color_keeps_bold_and_reverse_and_drops_colour(no_color: bool) -> None:
    out = io.StringIO()
    console = Console(file=out, width=40, force_terminal=True, color_system="truecolor", no_color=no_color)
    line = Text("HOLD", style="bold green")
    line.append(" LEFT FOOT", style="reverse bold magenta")
    LineScreen(console).draw([line], (40, 10))
    written = out.getvalue()
    assert "\x1b[1m" in written or "\x1b[1;" in written  # bold either way
    assert ("32m" in written) is not no_color  # green only when colour is allowed


# -- an 80x24 frame -------------------------------------------------------------------------
def big_rows_in(rows: list[str], lines: list[str]) -> bool:
    """The big drawing `rows` is on screen: its rows one under another, at one column."""
    rows = [row.rstrip() for row in rows]  # the screen's rows end at their last mark
    for top in range(len(lines) - len(rows) + 1):
        at = lines[top].find(rows[0])
        if at >= 0 and all(lines[top + k][at:].startswith(row) for k, row in enumerate(rows)):
            return True
    return False


def figure_place(lines: list[str], figure: list[str]) -> tuple[int, int] | None:
    """Row and column of the figure's top-left corner on screen (None: not shown)."""
    for top in range(len(lines) - len(figure) + 1):
        origins = set()
        for k, row in enumerate(figure):
            found = lines[top + k].find(row.strip())
            origins.add(found - (len(row) - len(row.lstrip())) if found >= 0 else -1)
        if len(origins) == 1 and -1 not in origins:
            return top, origins.pop()
    return None


def test_every_80x24_frame_has_big_digits_the_state_word_and_the_side() -> None:
    timeline = build(catalogue.load_builtin("feet"), lead_in=3)
    _, frames = play(timeline)
    assert len(frames) > 390  # every second of the 6:31 routine, and more
    for frame, lines in frames:
        seg = frame.segment
        word = state_word(timeline, seg, paused=frame.paused)
        shape = fill(word)
        assert lines[23] == "" and all(len(line) <= 80 for line in lines)  # nothing scrolled
        assert big_rows_in(bigtype.big_digits(countdown_text(frame.remaining), shape), lines)
        side = timeline.step(seg).side_words(seg.side)
        big_word = bigtype.big_word(SWITCH_TO if word == "SWITCH SIDES" else word, shape)
        assert big_rows_in(big_word, lines), (word, frame.index)
        if side:  # LEFT FOOT, RIGHT LEG ... in big letters beside the word
            assert big_rows_in(bigtype.big_word(side, shape), lines), (side, frame.index)
        status = next(line for line in lines if line.startswith(word))
        assert side in status


def test_the_figure_stays_in_one_place_within_a_step() -> None:
    # It moved between columns 28 and 35 within a step: centred with the digits beside it.
    timeline = build(catalogue.load_builtin("feet"), lead_in=3)
    pause = [(40.0, Key.PAUSE), (43.0, Key.PAUSE)]
    _, frames = play(timeline, presses=pause)
    places: dict[int, set[tuple[int, int]]] = {}
    for frame, lines in frames:
        seg = frame.segment
        place = figure_place(lines, figure_rows(timeline.step(seg), seg.side))
        assert place is not None, frame.index  # every step of feet has a figure, shown at 80x24
        places.setdefault(seg.step, set()).add(place)
    assert sorted(places) == [0, 1, 2, 3]
    assert all(len(seen) == 1 for seen in places.values()), places
    assert any(frame.paused for frame, _ in frames)


def test_rest_and_hold_look_different_without_colour() -> None:
    timeline = build(catalogue.load_builtin("feet"), lead_in=3)
    _, frames = play(timeline, no_color=True)

    def big_part(kind: Kind) -> list[str]:
        """The rows above the bars of the step-2 frame of `kind` with 2 s left."""
        lines = next(
            lines
            for frame, lines in frames
            if frame.segment.kind is kind and frame.segment.step == 1 and 1 < frame.remaining <= 2
        )
        return lines[: next(i for i, line in enumerate(lines) if line.startswith("This part"))]

    hold, rest = big_part(Kind.HOLD), big_part(Kind.REST)
    assert hold != rest
    # Solid blocks while holding, shaded ones at rest: visible with no colour at all.
    assert "█" in "".join(hold) and "▒" not in "".join(hold)
    assert "▒" in "".join(rest) and "█" not in "".join(rest)
    assert any(line.startswith("HOLD · LEFT FOOT") for line in hold)
    assert any(line.startswith("REST · LEFT FOOT") for line in rest)


def test_the_figure_is_dimmed_at_rest_only_and_its_mark_is_reversed() -> None:
    from footback.stretch.floor import count_rows, plan

    timeline = build(catalogue.load_builtin("feet"), lead_in=3)

    def figure_styles(kind: Kind) -> tuple[set[str], set[str]]:
        """Styles of the figure's strokes and of its L/R mark in the first frame of `kind`, step 2."""
        index = next(i for i, s in enumerate(timeline.segments) if s.kind is kind and s.step == 1)
        segment = timeline.segments[index]
        frame = Frame(index, segment, segment.seconds, timeline.total - segment.offset, False, "")
        box = plan(timeline, segment, 80, 15, big=True).box
        assert box is not None and box.figure > 0
        strokes, marks = set(), set()
        for line in count_rows(timeline, frame, box):
            for span in line.spans:
                part = line.plain[span.start : span.end]
                if part == "L":
                    marks.add(str(span.style))
                elif part.strip() and "█" not in part and "▒" not in part:
                    strokes.add(str(span.style))
        return strokes, marks

    assert figure_styles(Kind.REST) == ({"dim"}, {"bold reverse"})
    for kind in (Kind.HOLD, Kind.LEAD_IN):
        strokes, marks = figure_styles(kind)
        assert "dim" not in strokes and marks == {"bold reverse"}
