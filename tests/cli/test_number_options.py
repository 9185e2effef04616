"""A number option given something that is not a number: one line saying so and what it takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.paths import DB_NAME
from tests.support.context import context_for
from tests.support.runner import CliRunner

runner = CliRunner()


@pytest.mark.parametrize(
    ("args", "told", "allowed"),
    [
        (["log", "feet", "--minutes", "nan"], "'--minutes': not a whole number", "1-180"),
        (["log", "feet", "--minutes", "ten"], "'--minutes': not a whole number", "1-180"),
        (["checkin", "--foot", "x", "--back", "3"], "'--foot': not a whole number", "0-10"),
        (["stretch", "--preview", "--speed", "fast"], "'--speed': not a number", "0.1-100"),
    ],
    ids=["minutes-nan", "minutes-word", "foot", "speed"],
)
def test_a_word_for_a_number_says_what_the_option_takes(
    home: Path, args: list[str], told: str, allowed: str
) -> None:
    env = {"COLUMNS": "200"}
    result = runner.invoke(app, args, env=env, obj=context_for(env))
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert told in lines[0] and allowed in lines[0]
    assert "Input should be" not in lines[0]  # pydantic's wording is not passed on
    assert not (home / DB_NAME).exists()  # nothing stored
