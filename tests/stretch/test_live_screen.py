"""The live screen: big type, state words, sides, the redraw policy and sizes from 40x14 to 120x40."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from footback.stretch import bigtype, catalogue
from footback.stretch.player import Frame, Player
from footback.stretch.render import STATE_STYLES, LiveScreen
from footback.stretch.routine_file import Routine, Step
from footback.stretch.timeline import Kind, Timeline, build
from footback.stretch.words import state_word
from tests.support.stretch_fakes import FakeClock, screen_text

CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def frame_at(timeline: Timeline, index: int, remaining: float, **extra: object) -> Frame:
    segment = timeline.segments[index]
    values: dict[str, object] = {
        "index": index,
        "segment": segment,
        "remaining": remaining,
        "left_in_routine": timeline.total - (segment.end - remaining),
        "paused": False,
        "cue": "",
    }
    values.update(extra)
    return Frame(**values)  # type: ignore[arg-type]


def text_of(timeline: Timeline, frame: Frame, width: int, height: int) -> str:
    return screen_text(timeline, frame, width, height)


# -- big type -------------------------------------------------------------------------------
@pytest.mark.parametrize("digit", list("0123456789"))
def test_every_big_digit_has_its_glyph_shape(digit: str) -> None:
    rows = bigtype.big_digits(digit)
    assert len(rows) == bigtype.ROWS and len({len(row) for row in rows}) == 1
    shape = tuple(row.replace("██", "#").replace("  ", " ") for row in rows)
    assert shape == bigtype.DIGITS[digit]
    # Centred as a block: every row starts at the same column, so left strokes stay left.
    for width in (40, 80, 81):
        centred = bigtype.centre_block(rows, width)
        pad = (width - len(rows[0])) // 2
        assert all(line[:pad].strip() == "" for line in centred)
        for row, line in zip(rows, centred, strict=True):
            assert line == (" " * pad + row).rstrip()


def test_two_five_and_six_keep_their_left_strokes_on_the_left() -> None:
    for digit, row in (("2", 3), ("5", 1), ("6", 1)):
        centred = bigtype.centre_block(bigtype.big_digits(digit), 80)
        # The row with only a left stroke starts where the full-width top row starts.
        assert centred[row].index("█") == centred[0].index("█"), digit


def test_every_state_word_can_be_drawn_big_and_fits_80_columns() -> None:
    for word in STATE_STYLES:
        rows = bigtype.big_word(word)
        assert bigtype.can_draw_word(word) and len(rows) == 5
        assert bigtype.block_width(rows) <= 80


# -- state words ----------------------------------------------------------------------------
def _routine() -> Routine:
    steps = [
        Step(name="Roll", seconds=30, kind="roll", instructions="Roll the ball."),
        Step(name="Cat-cow", seconds=8, reps=2, rest=2, kind="move", instructions="Arch, round."),
        Step(
            name="Calf",
            seconds=20,
            each_side=True,
            limb="leg",
            side_text={"left": "Left leg back", "right": "Right leg back"},  # type: ignore[arg-type]
            instructions="Lean on a wall.",
        ),
    ]
    return Routine(name="kinds", description="Every kind.", steps=steps, switch_seconds=3)


def test_the_step_kind_decides_the_verb_and_every_state_has_its_own_word_and_colour() -> None:
    timeline = build(_routine(), lead_in=2)
    words = {(s.kind, timeline.step(s).kind): state_word(timeline, s) for s in timeline.segments}
    assert words == {
        (Kind.LEAD_IN, "roll"): "GET READY",
        (Kind.HOLD, "roll"): "ROLL",
        (Kind.LEAD_IN, "move"): "GET READY",
        (Kind.HOLD, "move"): "MOVE",
        (Kind.REST, "move"): "REST",
        (Kind.LEAD_IN, "hold"): "GET READY",
        (Kind.HOLD, "hold"): "HOLD",
        (Kind.SWITCH, "hold"): "SWITCH SIDES",
    }
    assert state_word(timeline, timeline.segments[1], paused=True) == "PAUSED"
    assert len(set(STATE_STYLES.values())) == len(STATE_STYLES) == 7


@pytest.mark.parametrize(
    ("width", "words"), [(80, ("SWITCH TO", "RIGHT LEG")), (50, ("SWITCH SIDES",)), (40, ("SWITCH",))]
)
def test_the_state_word_and_the_side_are_big_as_far_as_they_fit(width: int, words: tuple[str, ...]) -> None:
    from footback.stretch.floor import SHADED, SIDE_GAP

    timeline = build(_routine(), lead_in=2)
    index = next(i for i, s in enumerate(timeline.segments) if s.kind is Kind.SWITCH)
    text = text_of(timeline, frame_at(timeline, index, 2), width, 24)
    drawn = [bigtype.big_word(word, SHADED) for word in words]
    rows = [SIDE_GAP.join(parts) for parts in zip(*drawn, strict=True)]
    assert "\n".join(bigtype.centre_block(rows, width)) in text
    assert "SWITCH SIDES · RIGHT LEG" in text and "Right leg back" in text


def test_halfway_and_last_seconds_show_on_the_live_screen() -> None:
    timeline = build(_routine(), lead_in=0)
    clock = FakeClock(0.0)
    seen: list[tuple[float, str]] = []

    class Watch(LiveScreen):
        def frame(self, frame: Frame) -> float | None:
            if frame.index == 0:
                seen.append((frame.remaining, frame.notice))
            return super().frame(frame)

    console = Console(file=io.StringIO(), width=80, height=30, force_terminal=True, color_system=None)
    with Watch(timeline, console, bell=False, keys=False) as screen:
        Player(timeline, screen, clock=clock, sleep=clock.sleep).run()
    assert {notice for left, notice in seen if 15 > left > 3} == {"Halfway"}
    assert {notice for left, notice in seen if left <= 3} == {"Last 3 seconds"}
    assert {notice for left, notice in seen if left > 15} == {""}
    out = console.file
    assert isinstance(out, io.StringIO)
    shown = CSI.sub("", out.getvalue())
    assert "Halfway" in shown and "Last 3 seconds" in shown


# -- sizes ----------------------------------------------------------------------------------
@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("height", [14, 24, 40])
def test_every_builtin_step_fits_the_terminal(width: int, height: int) -> None:
    for routine in catalogue.load_all():
        timeline = build(routine, lead_in=3)
        for index, segment in enumerate(timeline.segments):
            text = text_of(timeline, frame_at(timeline, index, segment.seconds / 2), width, height)
            lines = text.rstrip("\n").split("\n")
            assert len(lines) <= height - 1, (routine.name, index)
            assert all(len(line) <= width for line in lines), (routine.name, index)
            # The state and the side are always on screen, whatever the size.
            assert state_word(timeline, segment) in text
            if segment.side:
                assert timeline.step(segment).side_words(segment.side) in text
                # Which foot or leg works is shown whole (wrapped, never cut) at every size.
                where = timeline.step(segment).on_side(segment.side)
                assert " ".join(where.split()) in " ".join(text.split()), (routine.name, index, width)


# -- redraw policy --------------------------------------------------------------------------
@pytest.mark.parametrize("seconds", [10, 30, 60])
@pytest.mark.usefixtures("xterm")
def test_redraws_are_bounded_per_second_of_play(seconds: int) -> None:
    """Frames per second at 10, 30 and 60 s holds: the clock once a second, bars along with it."""
    routine = Routine(
        name="h", description="One hold.", steps=[Step(name="Hold", seconds=seconds, instructions="Hold.")]
    )
    timeline = build(routine, lead_in=0)
    console = Console(file=io.StringIO(), width=100, height=30, force_terminal=True, color_system=None)
    clock = FakeClock(0.0)
    drawn: list[tuple[float, int]] = []

    class Count(LiveScreen):
        def frame(self, frame: Frame) -> float | None:
            before = self.lines_written
            hint = super().frame(frame)
            if self.lines_written > before:
                drawn.append((clock.now, self.lines_written - before))
            return hint

    with Count(timeline, console, bell=False, keys=True) as screen:
        Player(timeline, screen, clock=clock, sleep=clock.sleep).run()
    per_second = [sum(1 for at, _ in drawn if second <= at < second + 1) for second in range(seconds)]
    # One redraw a second during a hold (the clock); the bars move on with it.
    assert max(per_second) <= 2 and len(drawn) <= seconds + 1
    # Every frame after the first rewrites only a few lines, not the whole screen.
    first, *rest = drawn
    assert first[1] >= 15 and all(lines <= 8 for _, lines in rest)
    assert len(rest) >= seconds - 1  # and every second is shown


@pytest.fixture
def xterm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TERM", "xterm")


@pytest.mark.usefixtures("xterm")
def test_a_paused_screen_is_drawn_again_for_a_resized_terminal() -> None:
    # Paused, the 80-column frame stayed as the terminal rewrapped it at 40 columns until space.
    from footback.stretch.player import Key
    from tests.support.stretch_fakes import ScriptedKeys

    routine = Routine(
        name="h", description="One hold.", steps=[Step(name="Hold", seconds=30, instructions="Hold.")]
    )
    timeline = build(routine, lead_in=0)
    console = Console(file=io.StringIO(), width=80, height=30, force_terminal=True, color_system=None)
    clock = FakeClock(0.0)
    drawn: list[tuple[float, tuple[int, int]]] = []

    def resize() -> None:
        console.size = (40, 20)

    class Sizes(LiveScreen):
        def frame(self, frame: Frame) -> float | None:
            before = self.lines_written
            hint = super().frame(frame)
            if self.lines_written > before:
                drawn.append((clock.now, console.size))
            return hint

    keys = ScriptedKeys(clock, [(2.0, Key.PAUSE), (4.0, resize), (9.0, Key.PAUSE), (10.0, Key.STOP)])
    with Sizes(timeline, console, bell=False, keys=True) as screen:
        Player(timeline, screen, clock=clock, sleep=clock.sleep, keys=keys).run()
    while_paused = [(at, size) for at, size in drawn if 4.0 <= at < 9.0]
    assert while_paused and while_paused[0][1] == (40, 20)
    assert while_paused[0][0] <= 4.0 + 1.0 + 1e-9  # within a second of the resize
    assert len(while_paused) == 1  # and only once: nothing else changed


@pytest.mark.parametrize(("width", "height"), [(40, 20), (40, 14), (50, 24)])
@pytest.mark.parametrize("paused", [False, True])
def test_every_key_shows_whole_on_a_narrow_terminal(width: int, height: int, paused: bool) -> None:
    # At 40 columns the keys line was cut to "... p/← back · q/E…": the way out was lost.
    from footback.stretch.render import KEY_HINT, PAUSED_HINT, screen_lines

    routine = Routine(
        name="h", description="One hold.", steps=[Step(name="Hold", seconds=30, instructions="Hold.")]
    )
    timeline = build(routine, lead_in=0)
    lines = [
        line.plain
        for line in screen_lines(
            timeline, frame_at(timeline, 0, 12.0, paused=paused), width, height, keys=True
        )
    ]
    hint = PAUSED_HINT if paused else KEY_HINT
    after_next = next(i for i, row in enumerate(lines) if row.startswith("Next: ")) + 1
    keys = [row for row in lines[after_next:] if row]
    assert " · ".join(keys) == hint
    assert all(len(row) <= width and "…" not in row for row in keys)


@pytest.mark.parametrize(("width", "height"), [(40, 20), (60, 21), (40, 14), (40, 12)])
def test_a_small_screen_still_says_what_to_do(width: int, height: int) -> None:
    # At 40x20 the toe lift showed "HOLD" and "6 s" and nine empty rows, never how to do it.
    from footback.stretch.render import screen_lines

    timeline = build(catalogue.load_builtin("feet"), lead_in=0)
    lines = [
        line.plain for line in screen_lines(timeline, frame_at(timeline, 0, 6.0), width, height, keys=True)
    ]
    assert len(lines) <= height - 1 and all(len(line) <= width for line in lines)
    words = " ".join(" ".join(lines).split())
    step = timeline.step(timeline.segments[0])
    if height >= 14:  # the title and the routine's name share a row: four rows of text fit
        assert " ".join(step.instructions.split()) in words
    else:
        assert words.count(" …") == 1 and step.instructions.split()[0] in words
    assert "6 s" in lines and lines[-1].endswith("stop")
