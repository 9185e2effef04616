"""Pregnancy (issue 10, requirement 11): no step is played lying flat on the back.

From about 16 weeks of pregnancy exercise lying flat on the back is avoided (NHS; ACOG 2020).
Steps marked `lying_on_back` carry a data-defined version; `stretch` and `plan` swap them when
the latest saved assessment says pregnant, or with `--pregnant`, and say so in one line.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from footback.core.errors import BadInputError
from footback.core.paths import plan_path
from footback.plan.build import build_plan
from footback.plan.content import load_plan_content
from footback.records.db import open_store
from footback.records.stretch_sessions import recent_sessions
from footback.stretch.catalogue import load_all, load_builtin, load_file
from footback.stretch.pregnancy import Pregnancy, Swap, for_pregnancy, pregnancy_lines, pregnancy_of
from footback.stretch.routine_file import parse_routine_file
from tests.support.context import Cli
from tests.support.helpers import back_pain_answers
from tests.support.history_seed import NOW, add_assessment, at, heel_and_back_answers

BACK_SWAPS = [
    Swap("Knee to chest", "Knee to chest, lying on your side"),
    Swap("Knee rolls", "Side-lying rotation"),
    Swap("Pelvic tilt", "Pelvic tilt, standing at a wall"),
]


def _lies_on_back(text: str) -> bool:
    lowered = text.lower()
    return "lie on your back" in lowered or "lying on your back" in lowered


# ------------------------------------------------------------------ content


def test_every_builtin_step_done_lying_on_the_back_is_marked_and_has_a_sourced_version() -> None:
    marked = 0
    for routine in load_all():
        for step in routine.steps:
            assert step.lying_on_back == _lies_on_back(step.instructions), (routine.name, step.name)
            if step.lying_on_back:
                marked += 1
                assert step.pregnancy is not None, (routine.name, step.name)
                assert not _lies_on_back(step.pregnancy.instructions)
                assert "nhs_exercise_pregnancy" in step.pregnancy.sources
    assert marked >= 3


def test_a_pregnancy_version_needs_a_step_done_lying_on_the_back() -> None:
    raw = {
        "name": "mine",
        "description": "d",
        "steps": [
            {
                "name": "Stand",
                "seconds": 5,
                "instructions": "Stand tall.",
                "pregnancy": {"name": "Sit", "seconds": 5, "instructions": "Sit."},
            }
        ],
    }
    with pytest.raises(BadInputError, match="pregnancy: only a step with lying_on_back = true"):
        parse_routine_file(raw, "mine.toml")


def test_a_pregnancy_version_must_not_itself_lie_on_the_back() -> None:
    variant = {"name": "Still flat", "seconds": 5, "instructions": "Lie down.", "lying_on_back": True}
    raw = {
        "name": "mine",
        "description": "d",
        "steps": [
            {"name": "Flat", "seconds": 5, "instructions": "x", "lying_on_back": True, "pregnancy": variant}
        ],
    }
    with pytest.raises(BadInputError, match="must not be done lying on the back"):
        parse_routine_file(raw, "mine.toml")


# ------------------------------------------------------------------ the swap


@pytest.mark.parametrize("name", ["back", "full"])
def test_the_swap_leaves_no_step_on_the_back(name: str) -> None:
    routine, swaps = for_pregnancy(load_builtin(name))
    assert not any(step.lying_on_back for step in routine.steps)
    assert swaps == BACK_SWAPS
    assert len(routine.steps) == len(load_builtin(name).steps)  # nothing lost
    assert "Cat-cow" in [step.name for step in routine.steps]  # on all fours already: kept


def test_feet_routine_is_unchanged_in_pregnancy() -> None:
    routine, swaps = for_pregnancy(load_builtin("feet"))
    assert swaps == [] and routine == load_builtin("feet")


def test_the_line_says_why_and_how_many_in_80_columns() -> None:
    from_assessment = pregnancy_lines(BACK_SWAPS, Pregnancy(NOW))
    assert from_assessment == ["Pregnant (assessment of 2025-03-13): 3 steps moved off your back."]
    assert pregnancy_lines([Swap("Flat", None)], Pregnancy(None)) == [
        "Pregnant (--pregnant): 1 step left out: done lying on your back, no other version."
    ]
    assert all(len(line) <= 80 for line in from_assessment)


@pytest.mark.parametrize(
    ("option", "answers", "expected"),
    [
        (True, None, Pregnancy(None)),
        (False, {"pregnant": True}, Pregnancy(NOW)),
        (False, {"pregnant": False}, None),
        (False, {}, None),  # skipped (optional), or an old answers file
        (False, None, None),  # no assessment
    ],
)
def test_who_gets_the_swap(option: bool, answers: dict[str, bool] | None, expected: Pregnancy | None) -> None:
    assert pregnancy_of(option, answers, NOW) == expected  # type: ignore[arg-type]


# ------------------------------------------------------------------ stretch


def _assess(home: Path, **answers: object) -> None:
    with open_store(home) as store:
        add_assessment(store, back_pain_answers(**answers), at(1))


def test_stretch_back_swaps_when_the_latest_assessment_says_pregnant(cli: Cli, home: Path) -> None:
    _assess(home, pregnant=True)
    result = cli.invoke(["stretch", "--routine", "back", "--lead-in", "0"])
    assert result.exit_code == 0, result.output
    assert "Pregnant (assessment of 2025-03-12): 3 steps moved off your back." in result.output
    assert "Step 1 of 4: Knee to chest, lying on your side" in result.output
    assert "Lie on your back" not in result.output
    (session,) = recent_sessions(open_store(home))
    assert session.detail["pregnancy_swaps"] == [swap.as_json() for swap in BACK_SWAPS]


def test_stretch_back_is_unchanged_when_not_pregnant(cli: Cli, home: Path) -> None:
    _assess(home, pregnant=False)
    result = cli.invoke(["stretch", "--routine", "back", "--preview"])
    assert result.exit_code == 0, result.output
    assert "Pregnant" not in result.output.split("\n")[0]
    assert "1. Knee to chest: hold 20 s" in result.output


def test_pregnant_option_swaps_without_an_assessment(cli: Cli) -> None:
    result = cli.invoke(["stretch", "--routine", "full", "--pregnant", "--preview"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Pregnant (--pregnant): 3 steps moved off your back.\n")
    assert "Pelvic tilt, standing at a wall" in result.output


def test_own_file_step_on_the_back_without_a_version_is_left_out(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        'name = "mine"\ndescription = "d"\n'
        '[[steps]]\nname = "Bridge"\nseconds = 5\ninstructions = "Lie on your back."\nlying_on_back = true\n'
        '[[steps]]\nname = "Toe lift"\nseconds = 5\ninstructions = "Sit."\n',
        encoding="utf-8",
    )
    result = cli.invoke(["stretch", "--file", str(path), "--pregnant", "--preview"])
    assert result.exit_code == 0, result.output
    assert "1 step left out" in result.output
    assert "Bridge" not in result.output and "Toe lift" in result.output


def test_own_file_with_only_steps_on_the_back_has_nothing_to_play(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "flat.toml"
    path.write_text(
        'name = "flat"\ndescription = "d"\n'
        '[[steps]]\nname = "Bridge"\nseconds = 5\ninstructions = "Lie down."\nlying_on_back = true\n',
        encoding="utf-8",
    )
    result = cli.invoke(["stretch", "--file", str(path), "--pregnant"])
    assert result.exit_code == 2
    assert "every step is done lying on your back" in result.output


# ------------------------------------------------------------------ plan


def test_build_plan_swaps_and_keeps_the_reasons() -> None:
    from footback.assess.content import load_assess_content
    from footback.assess.service import assess

    result = assess(load_assess_content(), heel_and_back_answers())
    plain = build_plan(result, NOW, load_plan_content(), load_builtin)
    made = build_plan(result, NOW, load_plan_content(), load_builtin, Pregnancy(NOW))
    assert made.swaps == BACK_SWAPS
    assert not any(p.step.lying_on_back for p in made.steps)
    assert len(made.steps) == len(plain.steps)
    by_name = {p.step.name: p.reasons for p in made.steps}
    assert (
        by_name["Knee to chest, lying on your side"]
        == {p.step.name: p.reasons for p in plain.steps}["Knee to chest"]
    )


def test_plan_json_says_which_steps_were_swapped_and_the_saved_plan_has_none_on_the_back(
    cli: Cli, home: Path
) -> None:
    _assess(home, pregnant=True)
    result = cli.invoke(["plan", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pregnancy"] == {
        "from": "assessment",
        "swapped": [
            {"step": "Knee rolls", "variant": "Side-lying rotation"},
            {"step": "Pelvic tilt", "variant": "Pelvic tilt, standing at a wall"},
        ],
    }
    swapped = ["Side-lying rotation", "Pelvic tilt, standing at a wall"]
    assert [s["name"] for s in data["steps"]] == swapped
    saved = tomllib.loads(plan_path(home).read_text(encoding="utf-8"))
    assert not any(step.get("lying_on_back") for step in saved["steps"])
    assert "# The pregnancy version of 'Knee rolls'" in plan_path(home).read_text(encoding="utf-8")
    routine = load_file(plan_path(home))
    assert [s.name for s in routine.steps] == swapped


def test_plan_screen_says_so_in_one_line(cli: Cli, home: Path) -> None:
    _assess(home, pregnant=True)
    result = cli.invoke(["plan", "--no-save"])
    assert result.exit_code == 0, result.output
    assert "Pregnant (assessment of 2025-03-12): 2 steps moved off your back." in result.output


def test_plan_without_pregnancy_has_null_and_the_option_swaps(cli: Cli, home: Path) -> None:
    _assess(home)
    plain = json.loads(cli.invoke(["plan", "--json", "--no-save"]).stdout)
    assert plain["pregnancy"] is None
    assert [s["name"] for s in plain["steps"]] == ["Knee rolls", "Pelvic tilt"]
    asked = json.loads(cli.invoke(["plan", "--json", "--no-save", "--pregnant"]).stdout)
    assert asked["pregnancy"]["from"] == "option"


def test_the_side_lying_knee_to_chest_progresses_like_the_lying_one(cli: Cli, home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers() | {"pregnant": True}, at(1))
    data = json.loads(cli.invoke(["plan", "--json", "--level", "3"]).stdout)
    side = next(s for s in data["steps"] if s["name"] == "Knee to chest, lying on your side")
    assert (side["seconds"], side["reps"]) == (data["level"]["hold"], data["level"]["reps"])


def test_a_plan_saved_before_the_pregnancy_is_swapped_when_played(cli: Cli, home: Path) -> None:
    from datetime import timedelta

    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), at(3))
    assert cli.invoke(["plan"]).exit_code == 0
    assert "lying_on_back = true" in plan_path(home).read_text(encoding="utf-8")  # versions kept
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers() | {"pregnant": True}, at(3) + timedelta(days=1))
    result = cli.invoke(["stretch", "--routine", "plan", "--preview"])
    assert result.exit_code == 0, result.output
    assert "3 steps moved off your back" in result.output
    assert "Knee to chest, lying on your side" in result.output


def test_the_pregnancy_back_routine_keeps_a_rotation_and_says_why_it_swaps_from_the_start() -> None:
    """Issue 20, item 13: knee rolls became a second pelvic tilt; a twist on the side keeps the
    rotation, and the text says why the swaps apply before 16 weeks (footback does not ask the week)."""
    steps = {s.name: s for s in load_builtin("back").steps}
    variant = steps["Knee rolls"].pregnancy
    assert variant is not None and variant.name == "Side-lying rotation"
    text = " ".join(variant.instructions.split()).lower()
    assert "lie on your side" in text and "turning your chest" in text and not _lies_on_back(text)
    assert (variant.seconds, variant.reps, variant.each_side) == (10, 3, True)  # the knee rolls' dose
    for step in steps.values():
        if step.pregnancy is not None:
            assert "does not ask how many weeks pregnant" in (step.pregnancy.note or ""), step.name
