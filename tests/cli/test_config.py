"""The config file: defaults, overrides, origins, and clear errors naming the key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.cli.config import load_settings
from footback.core.errors import BadInputError
from tests.support.runner import CliRunner

runner = CliRunner()


def test_defaults_apply_without_a_file(tmp_path: Path) -> None:
    effective = load_settings(tmp_path / "none.toml", no_color_env=False)
    assert effective.settings.units == "km"
    assert effective.settings.lead_in == 3
    assert set(effective.origins.values()) == {"default"}


@pytest.mark.parametrize("no_color_env", [False, True])
def test_without_a_file_the_settings_are_the_validated_defaults(tmp_path: Path, no_color_env: bool) -> None:
    # Start-up makes the defaults without validating them: they must be what validation gives.
    from footback.cli.config import Effective, Settings

    effective = load_settings(tmp_path / "missing.toml", no_color_env=no_color_env)
    defaults = Settings.model_validate({}, strict=True)
    if no_color_env:
        defaults = defaults.model_copy(update={"color": False})
    assert effective.settings == defaults
    assert effective.settings.model_fields_set == defaults.model_fields_set
    assert effective == Effective.model_validate(
        {"settings": defaults, "origins": effective.origins, "path": tmp_path / "missing.toml"}
    )
    assert effective.origins["color"] == ("environment" if no_color_env else "default")


def test_file_values_and_no_color_report_their_origin(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('units = "mi"\nsound = false\n', encoding="utf-8")
    effective = load_settings(path, no_color_env=True)
    assert (effective.settings.units, effective.settings.sound, effective.settings.color) == (
        "mi",
        False,
        False,
    )
    assert effective.origins == {
        "units": "config file",
        "body_units": "default",
        "sound": "config file",
        "lead_in": "default",
        "default_routine": "default",
        "color": "environment",
        "wait_for_enter": "default",
        "voice": "default",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('unit = "mi"\n', "unknown setting 'unit'; did you mean 'units'?"),
        ('units = "miles"\n', "units: Input should be 'km' or 'mi'"),
        ("lead_in = 99\n", "lead_in: Input should be less than or equal to 60"),
        ('lead_in = "3"\n', "lead_in: Input should be a valid integer"),
        ("sound = 1\n", "sound: Input should be a valid boolean"),
        ("units = \n", "invalid TOML"),
    ],
)
def test_bad_config_is_one_line_naming_the_key(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BadInputError) as info:
        load_settings(path, no_color_env=False)
    assert expected in info.value.message
    assert str(path) in info.value.message


def test_config_command_shows_values_origins_and_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.toml"
    path.write_text("lead_in = 5\n", encoding="utf-8")
    monkeypatch.setenv("FOOTBACK_CONFIG", str(path))
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 0
    assert f"Config file: {path}" in result.stdout
    rows = {line.split()[0]: " ".join(line.split()[1:]) for line in result.stdout.splitlines()[1:]}
    assert rows["lead_in"] == "= 5 (config file)"
    assert rows["color"] == "= false (environment)"  # NO_COLOR=1 in tests
    assert rows["default_routine"] == "= null (default)"
    data = json.loads(runner.invoke(app, ["config", "--json"]).stdout)
    assert data["settings"]["lead_in"] == 5
    assert data["origins"]["units"] == "default"
    assert runner.invoke(app, ["config", "--path"]).stdout.strip() == str(path)


def test_config_command_with_a_bad_file_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.toml"
    path.write_text("colour = false\n", encoding="utf-8")
    monkeypatch.setenv("FOOTBACK_CONFIG", str(path))
    result = runner.invoke(app, ["config"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("unknown setting 'colour'; did you mean 'color'?")
