"""The player's screens: the Live layout on a fixed-width console, and plain-mode lines."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from footback.core.text import fmt_clock
from footback.stretch.bigtype import big_digits
from footback.stretch.player import Frame, Key, Player
from footback.stretch.render import LiveScreen
from footback.stretch.routine_file import Routine, Step
from footback.stretch.timeline import Kind, Timeline, build
from footback.stretch.words import PlainLog, countdown_text, intro_lines
from tests.support.stretch_fakes import FakeClock, ScriptedKeys, screen_text


def make_routine(name: str = "calves", step_name: str = "Calf stretch") -> Routine:
    steps = [
        Step(name="Toe lift", seconds=3, instructions="Lift your toes.", reps=2, rest=1),
        Step(
            name=step_name,
            seconds=10,
            each_side=True,
            instructions="Lean on a wall.",
            equipment=["a wall"],
            cues=[{"at": 0, "text": "press the heel down"}],  # type: ignore[list-item]
        ),
    ]
    return Routine(
        name=name, description="Two steps.", steps=steps, switch_seconds=2, cautions=["Stop if it hurts."]
    )


def render_text(
    timeline: Timeline, frame: Frame, width: int = 80, height: int = 30, keys: bool = True
) -> str:
    return screen_text(timeline, frame, width, height, keys=keys)


def frame_at(timeline: Timeline, index: int, remaining: float, **extra: object) -> Frame:
    segment = timeline.segments[index]
    left = timeline.total - (segment.end - remaining)
    values: dict[str, object] = {
        "index": index,
        "segment": segment,
        "remaining": remaining,
        "left_in_routine": left,
        "paused": False,
        "cue": "",
    }
    values.update(extra)
    return Frame(**values)  # type: ignore[arg-type]


def test_clock_and_countdown_formats() -> None:
    assert [fmt_clock(s) for s in (0, 0.2, 59.01, 60, 3599.5, 3600)] == [
        "0:00",
        "0:01",
        "1:00",
        "1:00",
        "1:00:00",
        "1:00:00",
    ]
    assert fmt_clock(61.4, up=False) == "1:01"
    assert [countdown_text(s) for s in (9.95, 10, 59.5, 61)] == ["10", "10", "1:00", "1:01"]


def test_big_digits_are_five_rows_of_blocks() -> None:
    rows = big_digits("10")
    assert len(rows) == 5
    assert rows[0] == "  ██    ██████"
    assert rows[4] == "██████  ██████"


def test_live_screen_shows_step_side_rep_countdown_bars_and_next() -> None:
    timeline = build(make_routine(), lead_in=3)
    hold = next(i for i, s in enumerate(timeline.segments) if s.kind is Kind.HOLD and s.side == "left")
    text = render_text(timeline, frame_at(timeline, hold, 7.2, cue="press the heel down"))
    assert "footback stretch: calves" in text
    assert "Step 2 of 2: Calf stretch ── footback" in text and "\nHOLD · LEFT\n" in text
    assert "Lean on a wall." in text
    assert "\n".join(big_digits("8")).split("\n")[0].strip() in text  # the big 8
    assert "press the heel down" in text
    this_part = next(line for line in text.splitlines() if line.startswith("This part"))
    assert this_part == "This part " + "█" * 16 + "░" * 43 + " 0:08 left"  # 2.8 of 10 s done
    assert (
        "Routine" in text
        and f"{fmt_clock(timeline.total - (timeline.segments[hold].end - 7.2))} left" in text
    )
    assert "Next: switch sides" in text
    assert "space pause · n/→ skip · p/← back · q/Esc stop" in text
    assert all(len(line) <= 80 for line in text.splitlines())


def test_reps_and_rests_show_rep_k_of_n() -> None:
    timeline = build(make_routine(), lead_in=0)
    text = render_text(timeline, frame_at(timeline, 1, 1))
    assert "\nREST · rep 1 of 2\n" in text
    assert "Next: hold 3 s, rep 2 of 2" in text


def test_paused_screen_says_so() -> None:
    timeline = build(make_routine(), lead_in=3)
    text = render_text(timeline, frame_at(timeline, 0, 2, paused=True))
    assert "PAUSED · space resume" in text
    assert "GET READY" in text and "Next: hold 3 s, rep 1 of 2" in text


def test_a_small_terminal_gets_a_compact_screen() -> None:
    timeline = build(make_routine(), lead_in=3)
    text = render_text(timeline, frame_at(timeline, 1, 2.5), width=36, height=12)
    lines = text.splitlines()
    assert "3 s" in lines and len(lines) <= 12
    assert not [line for line in lines if line.strip() and set(line) <= {" ", "█"}]  # no big digits
    assert all(len(line) <= 36 for line in text.splitlines())


def test_markup_in_routine_text_is_shown_literally() -> None:
    timeline = build(make_routine("[red]x[/red]", "[bold]Calf[/bold] [link=http://e.x]y[/link]"), 0)
    text = render_text(timeline, frame_at(timeline, 3, 5), width=100)
    assert "footback stretch: [red]x[/red]" in text
    assert "[bold]Calf[/bold] [link=http://e.x]y[/link]" in text
    assert intro_lines(timeline)[0].startswith("Routine: [red]x[/red], 2 steps")


def play_plain(
    timeline: Timeline, presses: list[tuple[float, Key]] | None = None, bell: bool = False
) -> list[str]:
    clock = FakeClock(0.0)
    out = io.StringIO()
    log = PlainLog(timeline, out, bell=bell)
    log.intro()
    keys = ScriptedKeys(clock, presses) if presses else None
    Player(timeline, log, clock=clock, sleep=clock.sleep, keys=keys, frames=False).run()
    return out.getvalue().splitlines()


def test_plain_mode_prints_one_line_per_event() -> None:
    lines = play_plain(build(make_routine(), lead_in=2))
    assert lines == [
        "Routine: calves, 2 steps, 0:33",
        "Two steps.",
        "You will need: a wall",
        "Stop if it hurts.",
        "Get ready: Step 1 of 2: Toe lift, starting in 2 s",
        "  Lift your toes.",
        "Step 1 of 2: Toe lift, rep 1 of 2: hold 3 s",
        "Rest 1 s",
        "Step 1 of 2: Toe lift, rep 2 of 2: hold 3 s",
        "Done: Toe lift",
        "Get ready: Step 2 of 2: Calf stretch, left side first, starting in 2 s",
        "  Lean on a wall.",
        "  You need: a wall",
        "Step 2 of 2: Calf stretch, left side: hold 10 s",
        "press the heel down",
        "Last 3 seconds",
        "Switch sides: right side next, in 2 s",
        "Step 2 of 2: Calf stretch, right side: hold 10 s",
        "press the heel down",
        "Last 3 seconds",
        "Done: Calf stretch",
        "Routine done: calves",
    ]


def test_plain_mode_reports_keys() -> None:
    presses = [(1.0, Key.PAUSE), (4.0, Key.PAUSE), (5.5, Key.SKIP), (9.0, Key.BACK), (10.0, Key.STOP)]
    lines = play_plain(build(make_routine(), lead_in=2), presses)
    assert lines[4:] == [
        "Get ready: Step 1 of 2: Toe lift, starting in 2 s",
        "  Lift your toes.",
        "Paused: press space to resume",
        "Resumed",
        "Step 1 of 2: Toe lift, rep 1 of 2: hold 3 s",
        "Skipped: Toe lift",
        "Get ready: Step 2 of 2: Calf stretch, left side first, starting in 2 s",
        "  Lean on a wall.",
        "  You need: a wall",
        "Step 2 of 2: Calf stretch, left side: hold 10 s",
        "press the heel down",
        "Going back a step",
        "Get ready: Step 1 of 2: Toe lift, starting in 2 s",
        "  Lift your toes.",
        "Stopped",
    ]


def test_plain_mode_has_no_escape_sequences_and_rings_only_when_asked() -> None:
    quiet = "\n".join(play_plain(build(make_routine(), lead_in=0)))
    assert "\x1b" not in quiet and "\a" not in quiet
    loud = "\n".join(play_plain(build(make_routine(), lead_in=0), bell=True))
    # Start and end of each of the four holds, and a double bell to switch sides.
    assert loud.count("\a") == 2 * 4 + 2


@pytest.fixture
def xterm(monkeypatch: pytest.MonkeyPatch) -> None:
    """rich draws nothing live on a dumb terminal (conftest's default)."""
    monkeypatch.setenv("TERM", "xterm")


def live_play(width: int, bell: bool, routine: Routine | None = None) -> tuple[str, list[Frame]]:
    timeline = build(routine or make_routine(), lead_in=1)
    console = Console(file=io.StringIO(), width=width, height=30, force_terminal=True, color_system=None)
    clock = FakeClock(0.0)
    frames: list[Frame] = []

    class Recording(LiveScreen):
        def frame(self, frame: Frame) -> float | None:
            frames.append(frame)
            return super().frame(frame)

    with Recording(timeline, console, bell=bell, keys=True) as screen:
        Player(timeline, screen, clock=clock, sleep=clock.sleep).run()
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue(), frames


@pytest.mark.parametrize("width", [80, 50])
@pytest.mark.usefixtures("xterm")
def test_live_screen_wakes_only_when_something_visible_changes(width: int) -> None:
    minute = Routine(
        name="m", description="A minute.", steps=[Step(name="Hold", seconds=60, instructions="Hold.")]
    )
    output, frames = live_play(width, bell=False, routine=minute)
    # The whole screen is drawn once; after that only changed lines are written.
    assert output.count("footback stretch: m") == 1
    # 60 seconds ticking over plus a bar cell now and then: far fewer than 4 frames a second.
    assert 60 < len(frames) < 60 + 2 * (width - 21) + 10
    holds = [f.remaining for f in frames if f.segment.kind is Kind.HOLD]
    for second in range(1, 60):  # each new number is drawn within one frame of becoming true
        assert any(second - 0.26 <= left <= second for left in holds), second
    assert "\a" not in output
    assert output.rfind("\x1b[?25h") > output.rfind("\x1b[?25l") >= 0  # the cursor comes back


@pytest.mark.usefixtures("xterm")
def test_live_screen_rings_the_bell_once_when_the_next_step_starts() -> None:
    # Two steps, four holds, a side switch: it rang ten times; once, as step 2 starts, is enough.
    output, frames = live_play(80, bell=True)
    assert output.count("\a") == 1
    assert {frame.segment.step for frame in frames} == {0, 1}
    # Rung as step 2 starts: after step 1's title was drawn, before step 2's.
    before, after = output.split("\a")
    assert "\x1b[2KStep 1 of 2:" in before and "\x1b[2KStep 2 of 2:" not in before
    assert "\x1b[2KStep 2 of 2:" in after
