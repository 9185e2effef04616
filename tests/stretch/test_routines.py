"""Routine files: the built-in content, the public format, its limits and its error messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.content.loader import sources
from footback.core.errors import BadInputError
from footback.core.text import safe_block, safe_line
from footback.stretch import catalogue
from footback.stretch.routine_file import MAX_STEPS, Step, check_name

GOOD_STEP = 'name = "Toe lift"\nseconds = 10\ninstructions = "Lift your toes."\n'


def write(tmp_path: Path, body: str, name: str = "mine.toml") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def routine_file(*steps: str, head: str = "") -> str:
    text = 'name = "mine"\ndescription = "My routine."\n' + head
    for body in steps:
        text += "\n[[steps]]\n" + body
    return text


def load_error(tmp_path: Path, body: str) -> str:
    path = write(tmp_path, body)
    with pytest.raises(BadInputError) as caught:
        catalogue.load_file(path)
    message = caught.value.message
    assert message.startswith(str(path)), message
    assert "\n" not in message and "\x1b" not in message
    return message


# -- built-in content ----------------------------------------------------------------------


def test_catalogue_has_the_four_routines() -> None:
    assert catalogue.names() == ["back", "feet", "full", "morning"]


@pytest.mark.parametrize("name", ["back", "feet", "full", "morning"])
def test_every_builtin_step_is_sourced_or_marked_expert_opinion(name: str) -> None:
    known = sources().sources
    for s in catalogue.load_builtin(name).steps:
        assert s.sources, s.name
        assert all(source_id in known for source_id in s.sources), s.name
        published = any(known[i].evidence == "published" for i in s.sources)
        assert published or s.evidence == "expert opinion", s.name


def by_name(name: str) -> dict[str, Step]:
    return {s.name: s for s in catalogue.load_builtin(name).steps}


def test_feet_doses_follow_the_article_and_digiovanni() -> None:
    feet = by_name("feet")
    assert (feet["Toe lift"].seconds, feet["Toe lift"].each_side) == (10, False)
    roll = feet["Ball or bottle roll"]
    assert (roll.seconds, roll.each_side, roll.equipment) == (
        30,
        True,
        ["a tennis ball or a water bottle at room temperature"],
    )
    calf = feet["Calf stretch at a wall"]
    assert (calf.seconds, calf.each_side) == (20, True)
    assert "radford_2007" in calf.sources and "sham" in (calf.note or "")
    fascia = feet["Plantar fascia-specific stretch"]
    assert (fascia.seconds, fascia.reps) == (10, 10) and "digiovanni_2003" in fascia.sources
    assert roll.evidence == feet["Toe lift"].evidence == "expert opinion"


def test_back_doses_and_cat_cow_cues() -> None:
    back = by_name("back")
    knee = back["Knee to chest"]
    assert (knee.seconds, knee.each_side) == (20, True)
    tilt = back["Pelvic tilt"]
    assert (tilt.seconds, tilt.reps) == (5, 5) and "csp_back_exercises" in tilt.sources
    cat = back["Cat-cow"]
    assert cat.reps > 1 and cat.evidence == "expert opinion"
    assert [c.text.split()[0] for c in cat.cues] == ["Arch", "Round"]
    assert any("symptoms get worse" in line for line in catalogue.load_builtin("back").cautions)


def test_full_is_feet_then_back_and_morning_is_the_digiovanni_dose() -> None:
    full = catalogue.load_builtin("full")
    feet, back = catalogue.load_builtin("feet"), catalogue.load_builtin("back")
    assert full.steps == feet.steps + back.steps
    # One caution a line, in order of first appearance; a line both share is said once.
    assert full.cautions == list(dict.fromkeys(feet.cautions + back.cautions))
    assert len(full.cautions) < len(feet.cautions) + len(back.cautions)
    (morning,) = catalogue.load_builtin("morning").steps
    assert (morning.seconds, morning.reps, morning.sources) == (
        10,
        10,
        ["digiovanni_2003", "nhs_hip_replacement"],
    )


def test_equipment_is_collected_once_in_order() -> None:
    assert catalogue.load_builtin("full").equipment == [
        "a tennis ball or a water bottle at room temperature",
        "a wall to lean on",
        "a mat or carpet to lie on",
    ]


# -- names and paths -----------------------------------------------------------------------


@pytest.mark.parametrize("value", ["../feet", "/etc/passwd", "feet.toml", "data/routines/feet", "Feet", ""])
def test_routine_option_takes_names_never_paths(value: str) -> None:
    with pytest.raises(BadInputError, match="--file PATH"):
        check_name(value)


def test_unknown_routine_suggests_the_closest_name() -> None:
    with pytest.raises(BadInputError, match="unknown routine 'fet'; did you mean 'feet'"):
        catalogue.load_builtin("fet")


# -- user files ----------------------------------------------------------------------------


def test_a_good_user_file_loads_with_defaults(tmp_path: Path) -> None:
    loaded = catalogue.load_file(write(tmp_path, routine_file(GOOD_STEP)))
    (only,) = loaded.steps
    assert (only.reps, only.rest, only.each_side, only.equipment, only.cues) == (1, 0, False, [], [])
    assert loaded.source == "file" and loaded.total_seconds() == 10


def test_a_user_file_can_include_catalogue_routines(tmp_path: Path) -> None:
    loaded = catalogue.load_file(write(tmp_path, routine_file(GOOD_STEP, head='include = ["morning"]\n')))
    assert [s.name for s in loaded.steps] == ["Plantar fascia-specific stretch", "Toe lift"]


def step_with(extra: str, name: str = "Calf") -> str:
    return f'name = "{name}"\nseconds = 10\ninstructions = "Do it."\n{extra}\n'


@pytest.mark.parametrize(
    ("second_step", "expected"),
    [
        (
            'name = "Calf"\nseconds = 0\ninstructions = "x"\n',
            "step 2 ('Calf'): seconds: Input should be greater than or equal to 1",
        ),
        (
            'name = "Calf"\nseconds = 601\ninstructions = "x"\n',
            "step 2 ('Calf'): seconds: Input should be less than or equal to 600",
        ),
        (
            'name = "Calf"\nseconds = "ten"\ninstructions = "x"\n',
            "step 2 ('Calf'): seconds: Input should be a valid integer",
        ),
        (
            'name = "Calf"\nseconds = "10"\ninstructions = "x"\n',
            "step 2 ('Calf'): seconds: Input should be a valid integer",
        ),
        (step_with('each_side = "yes"'), "step 2 ('Calf'): each_side: Input should be a valid boolean"),
        (step_with("", name="   "), "step 2: name: must not be blank"),
        (step_with("reps = 0"), "step 2 ('Calf'): reps: Input should be greater than or equal to 1"),
        (step_with("reps = 51"), "step 2 ('Calf'): reps: Input should be less than or equal to 50"),
        (step_with("rest = -1"), "step 2 ('Calf'): rest: Input should be greater than or equal to 0"),
        (step_with("each_side = 3"), "step 2 ('Calf'): each_side: Input should be a valid boolean"),
        (step_with('equipment = "a wall"'), "step 2 ('Calf'): equipment: Input should be a valid list"),
        (step_with("colour = 1"), "step 2 ('Calf'): colour: unknown field"),
        (
            step_with('cues = [{ at = 10, text = "late" }]'),
            "step 2 ('Calf'): cues: a cue at 10 s is not inside the 10 s hold",
        ),
        (step_with("cues = [{ at = 1 }]"), "step 2 ('Calf'): cues.0.text: Field required"),
        ('name = "Calf"\nseconds = 5\n', "step 2 ('Calf'): instructions: Field required"),
        ('seconds = 5\ninstructions = "x"\n', "step 2: name: Field required"),
    ],
)
def test_bad_steps_name_the_file_step_and_field(tmp_path: Path, second_step: str, expected: str) -> None:
    message = load_error(tmp_path, routine_file(GOOD_STEP, second_step))
    assert expected in message


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('description = "x"\n[[steps]]\n' + GOOD_STEP, ": name: Field required"),
        ('name = "x"\ndescription = "x"\n', ": steps: a routine needs at least one [[steps]] table"),
        (routine_file(GOOD_STEP, head="speed = 2\n"), ": speed: unknown field"),
        (routine_file(GOOD_STEP, head='include = ["nope"]\n'), ": include: unknown routine 'nope'"),
        (
            routine_file(GOOD_STEP, head="switch_seconds = 61\n"),
            ": switch_seconds: Input should be less than or equal to 60",
        ),
        ("name = ", ": invalid TOML"),
    ],
)
def test_bad_routine_level_fields(tmp_path: Path, body: str, expected: str) -> None:
    assert expected in load_error(tmp_path, body)


def test_at_most_100_steps(tmp_path: Path) -> None:
    message = load_error(tmp_path, routine_file(*[GOOD_STEP] * (MAX_STEPS + 1)))
    assert "steps: List should have at most 100 items" in message


def test_included_steps_count_towards_the_step_limit(tmp_path: Path) -> None:
    message = load_error(tmp_path, routine_file(*[GOOD_STEP] * 99, head='include = ["feet"]\n'))
    assert "steps: 103 steps; at most 100 are allowed" in message


def test_total_time_at_most_two_hours(tmp_path: Path) -> None:
    long_step = 'name = "Long"\nseconds = 600\nreps = 13\ninstructions = "x"\n'
    assert catalogue.load_file(write(tmp_path, routine_file(long_step[:-1].replace("13", "12") + "\n")))
    message = load_error(tmp_path, routine_file(long_step))
    assert "routine: total time 2:10:00 is over the 2-hour limit" in message


def test_file_level_problems(tmp_path: Path) -> None:
    with pytest.raises(BadInputError, match="no such file"):
        catalogue.load_file(tmp_path / "missing.toml")
    with pytest.raises(BadInputError, match="is a folder"):
        catalogue.load_file(tmp_path)
    bad = tmp_path / "latin1.toml"
    bad.write_bytes(b'name = "caf\xe9"\n')
    with pytest.raises(BadInputError, match="not valid UTF-8"):
        catalogue.load_file(bad)
    huge = tmp_path / "huge.toml"
    huge.write_text("# " + "x" * 300_000)
    with pytest.raises(BadInputError, match="larger than"):
        catalogue.load_file(huge)


# -- text is shown literally ---------------------------------------------------------------


def test_markup_in_names_is_kept_as_typed(tmp_path: Path) -> None:
    body = routine_file(GOOD_STEP.replace("Toe lift", "[bold red]Toe[/bold red] lift"))
    loaded = catalogue.load_file(write(tmp_path, body.replace('"mine"', '"[blink]mine[/]"', 1)))
    assert loaded.name == "[blink]mine[/]"
    assert loaded.steps[0].name == "[bold red]Toe[/bold red] lift"


def test_escape_sequences_become_visible_text(tmp_path: Path) -> None:
    body = routine_file(
        'name = "Toe\\u001b[2J lift"\nseconds = 5\ninstructions = "Line one\\u0007\\nLine two\\u202e"\n'
    )
    loaded = catalogue.load_file(write(tmp_path, body))
    assert loaded.steps[0].name == "Toe\\x1b[2J lift"
    assert loaded.steps[0].instructions == "Line one\\x07\nLine two\\u202e"


def test_an_escape_in_a_bad_steps_name_does_not_reach_the_error(tmp_path: Path) -> None:
    second = 'name = "Calf\\u001b]0;pwned\\u0007"\nseconds = 0\ninstructions = "x"\n'
    message = load_error(tmp_path, routine_file(GOOD_STEP, second))
    assert "step 2 ('Calf\\x1b]0;pwned\\x07')" in message


def test_safe_text_helpers() -> None:
    assert safe_line("a\tb\nc\x1b[31m\x9b") == "a b c\\x1b[31m\\x9b"
    assert safe_block("one\r\ntwo\x00") == "one\ntwo\\x00"


def test_the_documented_example_routine_file_loads(tmp_path: Path) -> None:
    doc = (Path(__file__).resolve().parents[2] / "docs" / "stretch.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n")[1].split("```")[0]
    loaded = catalogue.load_file(write(tmp_path, example))
    assert [s.name for s in loaded.steps] == ["Calf stretch", "Cat-cow, standing"]
    assert loaded.switch_seconds == 3 and loaded.steps[1].cues[1].text == "Round ..."


@pytest.mark.parametrize("name", catalogue.names())
def test_no_routine_asks_for_cold_or_heat_on_the_feet(name: str) -> None:
    """Equipment lists are shown to everyone, people with numb feet too: no frozen bottle, ice or
    heat (NICE NG19; Diabetes UK; issue 20, item 5)."""
    routine = catalogue.load_builtin(name)
    for item in routine.equipment:
        assert not any(word in item.lower() for word in ("frozen", "ice", "cold", "heat", "hot")), item
