"""The "Next:" line names the side a two-sided step starts on: "first" when the other side
follows, "only" when `--side` plays one side."""

from __future__ import annotations

from footback.stretch import catalogue
from footback.stretch.timeline import build
from footback.stretch.words import what_next


def _first_step_line(only_side: str | None) -> str:
    feet = catalogue.load_builtin("feet")
    timeline = build(feet, 3, only_side)
    two_sided = next(i for i, s in enumerate(feet.steps) if s.each_side)
    start = next(i for i, seg in enumerate(timeline.segments) if seg.step == two_sided)
    return what_next(timeline, start - 1)


def test_both_sides_start_on_the_left_first() -> None:
    assert _first_step_line(None).endswith("(left foot first)")


def test_one_side_says_only() -> None:
    assert _first_step_line("left").endswith("(left foot only)")
    assert _first_step_line("right").endswith("(right foot only)")
