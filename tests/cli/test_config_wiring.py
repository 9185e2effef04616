"""The config file changes the commands' defaults; options given on the command line win."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.records.db import open_store
from tests.support.context import Cli
from tests.support.history_seed import add_assessment, heel_and_back_answers
from tests.support.shoes_helpers import GOOD_RUNNING_TYPED, good_pair


@pytest.fixture
def config(tmp_path: Path) -> Path:
    """The config file footback reads in this test (conftest points FOOTBACK_CONFIG here)."""
    return tmp_path / "config.toml"


Invoke = Callable[..., tuple[int, str, str]]


@pytest.fixture
def invoke(cli: Cli) -> Invoke:
    """`footback ARGS` with the fake context: (exit code, stdout, stderr)."""

    def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
        result = cli.invoke(list(args), input=input)
        return result.exit_code, result.stdout, result.stderr

    return run


@pytest.fixture
def speaker(context: AppContext) -> None:
    """Stdout said to be a terminal, so that the bell may ring."""
    context.stdout_tty = True


# ---------------------------------------------------------------- stretch


@pytest.mark.parametrize(
    ("setting", "args", "shown"),
    [
        ("", [], "a 3 s lead-in"),
        ("lead_in = 7", [], "a 7 s lead-in"),
        ("lead_in = 7", ["--lead-in", "2"], "a 2 s lead-in"),
        ("lead_in = 7", ["--lead-in", "0"], "no lead-in"),
    ],
)
def test_lead_in_comes_from_the_config_unless_given(
    invoke: Invoke, config: Path, setting: str, args: list[str], shown: str
) -> None:
    config.write_text(setting + "\n", encoding="utf-8")
    code, out, _ = invoke("stretch", "--preview", "--routine", "feet", *args)
    assert code == 0
    assert shown in " ".join(out.split())


def test_lead_in_from_the_config_sets_the_list_totals(invoke: Invoke, config: Path) -> None:
    config.write_text("lead_in = 10\n", encoding="utf-8")
    _, out, _ = invoke("stretch", "--list")
    assert "times include a 10 s lead-in" in out


@pytest.mark.parametrize(
    ("setting", "args", "rings"),
    [
        ("", [], True),
        ("", ["--quiet"], False),
        ("sound = false", [], False),
        ("sound = false", ["--sound"], True),
        ("sound = true", ["--quiet"], False),
    ],
)
def test_sound_false_acts_like_quiet(
    invoke: Invoke, speaker: None, config: Path, setting: str, args: list[str], rings: bool
) -> None:
    config.write_text(setting + "\n", encoding="utf-8")
    code, out, _ = invoke("stretch", "--routine", "morning", "--plain", "--no-save", "--speed", "50", *args)
    assert code == 0, out
    assert "Routine done: morning" in out
    assert ("\a" in out) is rings


def test_default_routine_plays_when_no_routine_is_given(
    home: Path, invoke: Invoke, speaker: None, config: Path
) -> None:
    with open_store(home) as store:  # an assessment that recommends another routine
        add_assessment(store, heel_and_back_answers(), datetime(2025, 3, 1, tzinfo=UTC))
    config.write_text('default_routine = "back"\n', encoding="utf-8")
    code, out, _ = invoke("stretch", "--preview")
    assert code == 0
    assert f"Previewing 'back', the default_routine in {config}." in " ".join(out.split())
    assert "\nback: " in out  # the preview of `back`, not of the recommended `full`
    code, out, _ = invoke("stretch", "--preview", "--routine", "morning")
    assert code == 0
    assert "default_routine" not in out and out.startswith("morning:")


def test_without_default_routine_the_assessment_still_decides(
    home: Path, invoke: Invoke, speaker: None
) -> None:
    with open_store(home) as store:
        add_assessment(store, heel_and_back_answers(), datetime(2025, 3, 1, tzinfo=UTC))
    code, out, _ = invoke("stretch", "--preview")
    assert code == 0
    assert "recommended by your latest assessment" in out


def test_a_warning_sign_still_stops_the_default_routine(
    home: Path, invoke: Invoke, speaker: None, config: Path
) -> None:
    answers = heel_and_back_answers() | {"rf_fever": True}
    with open_store(home) as store:
        add_assessment(store, answers, datetime(2025, 3, 1, tzinfo=UTC))
    config.write_text('default_routine = "feet"\n', encoding="utf-8")
    code, out, err = invoke("stretch")
    # No terminal to ask whether a clinician has seen the person: one line, exit 2, nothing played.
    assert code == 2
    assert "reported a warning sign (fever with the pain)" in err and "--seen-clinician" in err
    assert "Routine done" not in out


@pytest.mark.parametrize("command", [["stretch"], ["stretch", "--preview"], ["config"]])
def test_an_unknown_default_routine_is_a_config_error(
    invoke: Invoke, config: Path, command: list[str]
) -> None:
    config.write_text('default_routine = "bak"\n', encoding="utf-8")
    code, _, err = invoke(*command)
    assert code == 2
    assert err == (
        f"footback: error: {config}: default_routine: no routine named 'bak'; did you mean 'back'? "
        "(routines: back, feet, full, morning, plan)\n"
    )


def test_an_explicit_routine_does_not_need_the_default_to_exist(invoke: Invoke, config: Path) -> None:
    config.write_text('default_routine = "bak"\n', encoding="utf-8")
    code, out, _ = invoke("stretch", "--preview", "--routine", "feet")
    assert code == 0 and out.startswith("feet:")


# ---------------------------------------------------------------- shoes-check units


def write_shoes(tmp_path: Path, distance: object) -> Path:
    path = tmp_path / "shoes.json"
    path.write_text(json.dumps(good_pair(distance_km=distance)), encoding="utf-8")  # type: ignore[arg-type]
    return path


@pytest.mark.parametrize(
    ("setting", "written", "km", "shown"),
    [
        ("", 300, 300.0, "Distance: 300 km"),
        ('units = "mi"', 300, 482.803, "Distance: 300 mi"),
        ('units = "mi"', "300", 482.803, "Distance: 300 mi"),
        ('units = "mi"', "500 km", 500.0, "Distance: 500 km"),  # a written unit wins
        ('units = "km"', "300 mi", 482.803, "Distance: 300 mi"),
    ],
)
def test_units_read_bare_distances_and_show_them(
    invoke: Invoke, tmp_path: Path, config: Path, setting: str, written: object, km: float, shown: str
) -> None:
    config.write_text(setting + "\n", encoding="utf-8")
    code, out, _ = invoke("shoes-check", "--answers", str(write_shoes(tmp_path, written)), "--no-save")
    assert code == 0
    assert shown in out
    code, out, _ = invoke("shoes-check", "-a", str(write_shoes(tmp_path, written)), "--no-save", "--json")
    assert json.loads(out)["distance_km"] == pytest.approx(km)


def test_units_apply_to_a_typed_distance_and_its_hint(invoke: Invoke, config: Path) -> None:
    config.write_text('units = "mi"\n', encoding="utf-8")
    typed = "\n".join(GOOD_RUNNING_TYPED) + "\n"
    code, out, _ = invoke("shoes-check", "--no-save", input=typed)
    assert code == 0, out
    assert "a plain number is miles" in out
    assert "Distance: 100 mi" in out


def test_a_bare_number_beyond_the_limit_in_miles_is_refused(
    invoke: Invoke, tmp_path: Path, config: Path
) -> None:
    config.write_text('units = "mi"\n', encoding="utf-8")
    code, _, err = invoke("shoes-check", "-a", str(write_shoes(tmp_path, 15000)), "--no-save")
    assert code == 2
    assert "distance_km: 15000 is more than 12427 mi" in err


def test_units_show_saved_pairs_and_read_added_distance(invoke: Invoke, tmp_path: Path, config: Path) -> None:
    assert invoke("shoes-check", "-a", str(write_shoes(tmp_path, "200 km")), "--name", "road")[0] == 0
    _, out, _ = invoke("shoes-check", "--list")
    assert "200 km" in out
    config.write_text('units = "mi"\n', encoding="utf-8")
    _, out, _ = invoke("shoes-check", "--list")
    assert "124.3 mi" in out and "200 km" not in out
    assert json.loads(invoke("shoes-check", "--list", "--json")[1])[0]["distance_unit"] == "mi"
    code, out, _ = invoke("shoes-check", "--name", "road", "--add-distance", "10", "--json")
    assert code == 0
    assert json.loads(out)["distance_km"] == pytest.approx(200 + 16.093, abs=0.001)


def test_template_and_schema_describe_the_configured_unit(invoke: Invoke, config: Path) -> None:
    config.write_text('units = "mi"\n', encoding="utf-8")
    _, out, _ = invoke("shoes-check", "--template")
    assert "a plain number is miles" in out
    _, out, _ = invoke("shoes-check", "--schema")
    number = json.loads(out)["properties"]["distance_km"]["anyOf"][0]
    assert number["maximum"] == 12427  # 20000 km


# ---------------------------------------------------------------- invalid config, every reader


READERS = [
    ["assess", "--template"],
    ["shoes-check", "--list"],
    ["stretch", "--list"],
    ["history"],
    ["plan"],
    ["config"],
]


@pytest.mark.parametrize("command", READERS, ids=lambda c: c[0])
@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('units = "miles"\n', "units: Input should be 'km' or 'mi'"),
        ("colour = false\n", "unknown setting 'colour'; did you mean 'color'?"),
    ],
)
def test_an_invalid_config_is_one_line_naming_the_key(
    invoke: Invoke, config: Path, command: list[str], text: str, message: str
) -> None:
    config.write_text(text, encoding="utf-8")
    code, out, err = invoke(*command)
    assert code == 2
    assert out == ""
    assert err.startswith(f"footback: error: {config}: ") and message in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "command",
    [
        ["--help"],
        ["--version"],
        ["stretch", "--help"],
        ["assess", "--help"],
        ["export"],
        ["config", "--path"],
    ],
)
def test_commands_that_do_not_need_the_config_ignore_a_bad_one(
    invoke: Invoke, config: Path, command: list[str]
) -> None:
    config.write_text("lead_in = 600\n", encoding="utf-8")
    code, out, _ = invoke(*command)
    assert code == 0
    assert out
