"""The player on a fake clock: timing, sides, reps, rests, lead-in, and every key."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from footback.models.stretch_session import SessionSummary
from footback.stretch import catalogue
from footback.stretch.player import FRAME_INTERVAL, PAUSED_WAIT, EventKind, Key, Player
from footback.stretch.routine_file import Routine, Step
from footback.stretch.timeline import Kind, Timeline, build
from tests.support.stretch_fakes import FakeClock, Recorder, ScriptedKeys

START = 1000.0


def step(name: str, seconds: int, **extra: object) -> Step:
    return Step.model_validate({"name": name, "seconds": seconds, "instructions": "Do it.", **extra})


def routine(*steps: Step, switch: int = 2) -> Routine:
    return Routine(name="test", description="A test.", steps=list(steps), switch_seconds=switch)


def play(
    timeline: Timeline,
    presses: list[tuple[float, Key | BaseException]] | None = None,
    *,
    speed: float = 1.0,
    frames: bool = True,
) -> tuple[SessionSummary, FakeClock, Recorder]:
    clock = FakeClock(START)
    recorder = Recorder(clock)
    keys = ScriptedKeys(clock, [(START + at, key) for at, key in presses]) if presses is not None else None
    player = Player(timeline, recorder, clock=clock, sleep=clock.sleep, keys=keys, speed=speed, frames=frames)
    return player.run(), clock, recorder


def starts(recorder: Recorder) -> list[tuple[float, str, str | None, int]]:
    """(time since start, segment kind, side, rep) for every segment that began."""
    return [
        (at - START, ev.segment.kind.value, ev.segment.side, ev.segment.rep)
        for at, ev in recorder.events
        if ev.kind is EventKind.SEGMENT and ev.segment is not None
    ]


TWO_STEPS = routine(step("A", 10), step("B", 5, each_side=True, reps=2, rest=1))


def test_timeline_lays_out_lead_in_holds_rests_and_switch() -> None:
    timeline = build(TWO_STEPS, lead_in=3)
    laid = [(s.kind, s.step, s.side, s.rep, s.offset, s.seconds) for s in timeline.segments]
    assert laid == [
        (Kind.LEAD_IN, 0, None, 1, 0, 3),
        (Kind.HOLD, 0, None, 1, 3, 10),
        (Kind.LEAD_IN, 1, "left", 1, 13, 3),
        (Kind.HOLD, 1, "left", 1, 16, 5),
        (Kind.REST, 1, "left", 1, 21, 1),
        (Kind.HOLD, 1, "left", 2, 22, 5),
        (Kind.SWITCH, 1, "right", 1, 27, 2),
        (Kind.HOLD, 1, "right", 1, 29, 5),
        (Kind.REST, 1, "right", 1, 34, 1),
        (Kind.HOLD, 1, "right", 2, 35, 5),
    ]
    assert timeline.total == 40 == TWO_STEPS.total_seconds(lead_in=3)
    assert timeline.step_starts == (0, 2)


def test_segments_start_on_their_deadlines_and_the_routine_ends_exactly_on_time() -> None:
    summary, clock, recorder = play(build(TWO_STEPS, lead_in=3))
    assert starts(recorder) == [
        (0, "get ready", None, 1),
        (3, "hold", None, 1),
        (13, "get ready", "left", 1),
        (16, "hold", "left", 1),
        (21, "rest", "left", 1),
        (22, "hold", "left", 2),
        (27, "switch sides", "right", 1),
        (29, "hold", "right", 1),
        (34, "rest", "right", 1),
        (35, "hold", "right", 2),
    ]
    assert clock.now - START == 40
    assert summary.finished and summary.ended_by == "end"
    assert summary.actual_seconds == summary.planned_seconds == 40
    assert (summary.steps_done, summary.steps_skipped, summary.steps) == (2, 0, ["done", "done"])


def test_lead_in_zero_leaves_no_get_ready_segments() -> None:
    timeline = build(TWO_STEPS, lead_in=0)
    assert Kind.LEAD_IN not in {s.kind for s in timeline.segments}
    _, clock, _ = play(timeline)
    assert clock.now - START == 34


@pytest.mark.parametrize("name", ["feet", "back", "full", "morning"])
@pytest.mark.parametrize("frames", [True, False])
def test_every_builtin_routine_ends_at_its_planned_length(name: str, frames: bool) -> None:
    timeline = build(catalogue.load_builtin(name), lead_in=3)
    summary, clock, _ = play(timeline, frames=frames)
    assert clock.now - START == timeline.total
    assert summary.steps_done == len(timeline.routine.steps)


@settings(max_examples=40, deadline=None)
@given(
    holds=st.lists(
        st.tuples(st.integers(1, 40), st.booleans(), st.integers(1, 4), st.integers(0, 5)),
        min_size=1,
        max_size=5,
    ),
    lead_in=st.sampled_from([0, 0.5, 3, 7.25]),
    switch=st.integers(0, 6),
)
def test_any_routine_ends_exactly_at_its_planned_length(
    holds: list[tuple[int, bool, int, int]], lead_in: float, switch: int
) -> None:
    steps = [
        step(f"S{i}", seconds, each_side=sides, reps=reps, rest=rest)
        for i, (seconds, sides, reps, rest) in enumerate(holds)
    ]
    timeline = build(routine(*steps, switch=switch), lead_in)
    _, clock, _ = play(timeline)
    assert clock.now - START == timeline.total == timeline.routine.total_seconds(lead_in)


def test_cues_halfway_and_last_seconds_fire_on_time() -> None:
    cued = step(
        "Cat-cow",
        20,
        reps=2,
        cues=[{"at": 0, "text": "arch"}, {"at": 4, "text": "round"}],
    )
    _, _, recorder = play(build(routine(cued), lead_in=0), frames=False)
    timed = [
        (at - START, ev.kind.value, ev.text)
        for at, ev in recorder.events
        if ev.kind in (EventKind.CUE, EventKind.HALFWAY, EventKind.LAST_SECONDS)
    ]
    assert timed == [
        (0, "cue", "arch"),
        (4, "cue", "round"),
        (10, "halfway", ""),
        (17, "last seconds", ""),
        (20, "cue", "arch"),
        (24, "cue", "round"),
        (30, "halfway", ""),
        (37, "last seconds", ""),
    ]


def test_pause_moves_every_deadline_by_its_length() -> None:
    timeline = build(TWO_STEPS, lead_in=3)
    summary, clock, recorder = play(timeline, [(5, Key.PAUSE), (12, Key.PAUSE)])
    # The first hold started at 3 and was paused for 7 s, so it ends at 13 + 7.
    assert starts(recorder)[2][0] == 20
    assert clock.now - START == 40 + 7
    assert summary.paused_seconds == 7
    assert summary.actual_seconds == 47 and summary.finished
    paused = [f for at, f in recorder.frames if f.paused]
    assert paused and all(f.remaining == 8 for f in paused)  # frozen at the moment of pausing
    assert not [at for at, f in recorder.frames if 5 < at - START < 12 and not f.paused]


def test_skip_jumps_to_the_next_step_now_and_counts_it_skipped() -> None:
    timeline = build(TWO_STEPS, lead_in=3)
    summary, clock, recorder = play(timeline, [(6, Key.SKIP)])
    assert starts(recorder)[2] == (6, "get ready", "left", 1)
    assert clock.now - START == 6 + (40 - 13)
    assert (summary.steps_done, summary.steps_skipped) == (1, 1)
    assert summary.steps == ["skipped", "done"]
    assert summary.finished


def test_n_on_the_first_side_skips_that_side_only() -> None:
    summary, clock, recorder = play(build(TWO_STEPS, lead_in=3), [(20, Key.SKIP)])
    assert (20, "switch sides", "right", 1) in starts(recorder)
    assert clock.now - START == 20 + 2 + 5 + 1 + 5  # the right side plays in full
    assert summary.steps == ["done", "done"]


def test_skipping_the_last_step_ends_the_routine() -> None:
    summary, clock, recorder = play(build(TWO_STEPS, lead_in=3), [(20, Key.SKIP), (21, Key.SKIP)])
    assert clock.now - START == 21
    assert recorder.kinds()[-2:] == ["skipped", "finished"]
    assert summary.steps == ["done", "skipped"] and summary.finished


def test_back_restarts_the_previous_step_from_now() -> None:
    timeline = build(TWO_STEPS, lead_in=3)
    summary, clock, recorder = play(timeline, [(18, Key.BACK)])
    assert (18, "get ready", None, 1) in starts(recorder)
    assert clock.now - START == 18 + 40
    assert summary.steps == ["done", "done"]


def test_back_in_the_first_step_restarts_it() -> None:
    _, clock, recorder = play(build(TWO_STEPS, lead_in=3), [(5, Key.BACK)])
    assert starts(recorder)[:3] == [
        (0, "get ready", None, 1),
        (3, "hold", None, 1),
        (5, "get ready", None, 1),
    ]
    assert clock.now - START == 45


def test_skip_while_paused_resumes_on_the_next_step() -> None:
    summary, clock, _ = play(build(TWO_STEPS, lead_in=3), [(4, Key.PAUSE), (9, Key.SKIP)])
    assert clock.now - START == 9 + 27
    assert summary.paused_seconds == 5


def test_stop_ends_at_once_without_finishing() -> None:
    summary, clock, recorder = play(build(TWO_STEPS, lead_in=3), [(4.5, Key.STOP)])
    assert clock.now - START == 4.5
    assert recorder.kinds()[-1] == "stopped"
    assert not summary.finished and summary.ended_by == "stop key"
    assert summary.steps == ["not reached", "not reached"]
    assert summary.actual_seconds == 4.5


def test_interrupt_propagates_and_the_summary_covers_the_time_so_far() -> None:
    clock = FakeClock(START)
    recorder = Recorder(clock)
    keys = ScriptedKeys(clock, [(START + 14, KeyboardInterrupt())])
    player = Player(build(TWO_STEPS, 3), recorder, clock=clock, sleep=clock.sleep, keys=keys)
    with pytest.raises(KeyboardInterrupt):
        player.run()
    summary = player.summary()
    assert summary.ended_by == "interrupt" and not summary.finished
    assert summary.actual_seconds == 14
    assert summary.steps == ["done", "not reached"]


def test_speed_makes_time_run_faster() -> None:
    timeline = build(TWO_STEPS, lead_in=3)
    summary, clock, _ = play(timeline, speed=4)
    assert clock.now - START == pytest.approx(10)
    assert summary.planned_seconds == 40 and summary.speed == 4


def test_frames_are_at_most_four_a_second_and_waits_are_never_busy() -> None:
    clock = FakeClock(START)
    recorder = Recorder(clock)
    keys = ScriptedKeys(clock, [(START + 7, Key.PAUSE), (START + 9, Key.PAUSE)])
    player = Player(build(TWO_STEPS, 3), recorder, clock=clock, sleep=clock.sleep, keys=keys)
    player.run()
    times = [at for at, _ in recorder.frames]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= FRAME_INTERVAL - 1e-9
    assert len(times) <= 4 * (clock.now - START) + 1
    assert all(timeout > 0 for timeout in keys.timeouts)
    # While paused the player sleeps in long waits: at most a frame a second (the screen draws
    # it again only when the terminal was resized meanwhile).
    paused = [at for at in times if START + 7.2 < at < START + 9]
    assert len(paused) <= 2 and all(b - a >= PAUSED_WAIT - 1e-9 for a, b in itertools.pairwise(paused))


def test_frames_report_the_time_left_from_the_clock() -> None:
    _, _, recorder = play(build(routine(step("A", 10)), lead_in=0))
    for at, frame in recorder.frames:
        assert frame.remaining == pytest.approx(10 - (at - START))
        assert frame.left_in_routine == pytest.approx(10 - (at - START))


def test_plain_mode_wakes_only_for_events() -> None:
    clock = FakeClock(START)
    player = Player(
        build(routine(step("A", 60)), 0), Recorder(clock), clock=clock, sleep=clock.sleep, frames=False
    )
    player.run()
    # halfway, last 3 seconds and the end: three waits for a minute's hold.
    assert clock.waits == [30, 27, 3]


def test_events_for_a_full_play_in_order() -> None:
    _, _, recorder = play(build(routine(step("A", 2, reps=2, rest=1)), lead_in=1), frames=False)
    assert recorder.kinds() == [
        "segment",
        "segment",
        "hold done",
        "segment",
        "segment",
        "hold done",
        "step done",
        "finished",
    ]


def test_a_zero_second_switch_is_still_announced() -> None:
    both = step("A", 2, each_side=True)
    _, clock, recorder = play(build(routine(both, switch=0), lead_in=0))
    assert (2, "switch sides", "right", 1) in starts(recorder)
    assert clock.now - START == 4


def test_speed_must_be_positive() -> None:
    with pytest.raises(ValueError, match="speed"):
        Player(
            build(TWO_STEPS, 0), Recorder(FakeClock()), clock=FakeClock(), sleep=FakeClock().sleep, speed=0
        )


def test_key_timing_has_no_effect_on_planned_totals() -> None:
    summary, _, _ = play(build(TWO_STEPS, 3), [(1, Key.PAUSE), (2, Key.PAUSE), (3.5, Key.SKIP)])
    assert summary.planned_seconds == 40
    assert isinstance(summary, SessionSummary)


@pytest.mark.parametrize(
    ("presses", "wall_end"),
    [
        ([(3, Key.SKIP)], 3 + (40 - 13) / 2),  # skip step A: step B plays at double speed
        ([(10, Key.SKIP)], 10 + (40 - 27) / 2),  # first side of B skipped: the right side, fast
        ([(9, Key.BACK)], 9 + 40 / 2),  # back to step A: the whole routine again, fast
    ],
)
def test_skip_and_back_keep_the_playback_speed(presses: list[tuple[float, Key]], wall_end: float) -> None:
    """After `n` or `b` the routine still runs at --speed (issue 20, tests that were missing)."""
    summary, clock, _ = play(build(TWO_STEPS, lead_in=3), presses, speed=2)  # type: ignore[arg-type]
    assert clock.now - START == pytest.approx(wall_end)
    assert summary.finished
