"""Step figures: every built-in step has one, it fits where it is drawn, sides are mirrored."""

from __future__ import annotations

import pytest

from footback.core.errors import BadInputError
from footback.stretch import catalogue
from footback.stretch.figure import figure_rows, figure_width, mirror
from footback.stretch.player import Frame
from footback.stretch.preview import figure_block, preview_lines
from footback.stretch.routine_file import MAX_FIGURE_COLUMNS, MAX_FIGURE_LINES, parse_routine_file
from footback.stretch.timeline import Kind, build
from tests.support.stretch_fakes import screen_text

ROUTINES = catalogue.load_all()
STEPS = [(routine.name, index, step) for routine in ROUTINES for index, step in enumerate(routine.steps)]


def test_every_builtin_step_has_a_figure_within_the_size_limits() -> None:
    for name, index, step in STEPS:
        assert step.figure is not None, (name, index, step.name)
        rows = figure_rows(step, None)
        assert 0 < len(rows) <= MAX_FIGURE_LINES
        assert figure_width(step) <= MAX_FIGURE_COLUMNS


def test_sides_are_mirrored_and_name_the_working_side() -> None:
    for _, _, step in STEPS:
        if not step.each_side:
            assert "@" not in "".join(figure_rows(step, None))
            continue
        left, right = figure_rows(step, "left"), figure_rows(step, "right")
        assert "L" in "".join(left) and "R" not in "".join(left), step.name
        assert "R" in "".join(right) and "L" not in "".join(right), step.name
        assert [row.replace("R", "L") for row in mirror(right)] == left
        # The working limb is on the other half of the picture on the other side.
        row = next(i for i, text in enumerate(left) if "L" in text)
        assert (left[row].index("L") < figure_width(step) / 2) != (
            right[row].index("R") < figure_width(step) / 2
        )


def test_mirror_swaps_strokes_and_keeps_the_block() -> None:
    assert mirror(["  O", " /|", "(_\\@"]) == [" O", " |\\", "@/_)"]
    assert mirror(mirror(["   O", "  /|"])) == ["   O", "  /|"]
    assert mirror(["╭─┐"]) == ["┌─╮"]


def screen(step_index: int, width: int, height: int) -> str:
    routine = next(r for r in ROUTINES if r.name == "full")
    timeline = build(routine, lead_in=0)
    index = next(i for i, s in enumerate(timeline.segments) if s.step == step_index and s.kind is Kind.HOLD)
    segment = timeline.segments[index]
    frame = Frame(index, segment, segment.seconds, timeline.total - segment.offset, False, "")
    return screen_text(timeline, frame, width, height)


@pytest.mark.parametrize("step_index", range(8))
def test_every_figure_fits_the_live_screen_it_is_drawn_in(step_index: int) -> None:
    routine = next(r for r in ROUTINES if r.name == "full")
    step = routine.steps[step_index]
    side = "left" if step.each_side else None
    rows = figure_rows(step, side)
    for width, height in ((80, 40), (120, 40), (80, 24), (40, 40)):
        text = screen(step_index, width, height)
        lines = text.rstrip("\n").split("\n")
        assert all(len(line) <= width for line in lines)
        assert len(lines) <= height - 1
        widest = max(rows, key=len)
        assert any(widest.strip() in line for line in lines), (step.name, width, height)
    # Below 40x22 (a compact screen) the figure is left out.
    for width, height in ((39, 40), (120, 21)):
        text = screen(step_index, width, height)
        assert max(rows, key=len).strip() not in text, (step.name, width, height)


def test_preview_draws_figures_when_they_fit_and_plain_mode_leaves_them_out() -> None:
    for routine in ROUTINES:
        timeline = build(routine, lead_in=3)
        for width in (40, 80, 120):
            lines = preview_lines(timeline, width)
            for step in routine.steps:
                block = figure_block(step, width)
                assert all(len(row) <= width for row in block)
                if block:
                    assert "\n".join(block) in "\n".join(lines)
        plain = "\n".join(preview_lines(timeline))
        assert all(figure_rows(s, None)[0].strip() not in plain.split("\n") for s in routine.steps)
    feet = build(next(r for r in ROUTINES if r.name == "feet"), lead_in=3)
    two_sided = next(step for step in feet.routine.steps if step.each_side)
    assert figure_block(two_sided, 80)[0].split() == ["left", "right"]


FILE = """
name = "mine"
description = "One step."

[[steps]]
name = "Lift"
seconds = 5
instructions = "Lift."
figure = '''
{figure}
'''
"""


def parse(figure: str) -> None:
    import tomllib

    raw = tomllib.loads(FILE.replace("{figure}", "O"))
    raw["steps"][0]["figure"] = figure  # as TOML's escapes ("\\u001b") would give it
    parse_routine_file(raw, "mine.toml")


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ("\n".join(["|"] * 11), "figure: Value error, 11 lines; a figure has at most 10"),
        ("x" * 29, "figure: Value error, line 1 is 29 columns; at most 28"),
        (" O\n\x1b[2J", "line 2: character '\\x1b' is not allowed"),
        ("O\t|", "line 1: character '\\x09' is not allowed"),
        ("é", "line 1: character 'é' is not allowed"),
        ("   \n  ", "figure: Value error, must not be blank"),
    ],
)
def test_a_bad_figure_is_one_clear_error_naming_the_step(figure: str, message: str) -> None:
    with pytest.raises(BadInputError) as caught:
        parse(figure)
    assert caught.value.message.startswith("mine.toml: step 1 ('Lift'): figure: ")
    assert message.split("figure: ")[-1].replace("Value error, ", "") in caught.value.message


def test_a_good_figure_keeps_its_indent_and_loses_blank_edges() -> None:
    import tomllib

    raw = tomllib.loads(FILE.replace("{figure}", "\n  O\n /|\\   \n\n"))
    (step,) = parse_routine_file(raw, "mine.toml").steps
    assert step.figure == "  O\n /|\\"
