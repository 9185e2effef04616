"""A whole number as typed (an option, a pain score at the check-in's prompt) is digits with a sign
at most, ASCII (core.units.read_whole): typer and the prompt read ints as Python does, so `checkin --foot
1_0` (or 1_0 typed at the prompt) stored a foot pain of 10 (the worst), `log --minutes 1_0` ten."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from footback.cli.app import build_app
from footback.cli.options import whole_number
from tests.support.hostile import digest, invoke, refused, seed_everything

OPTIONS = [
    (["checkin", "--back", "1", "--replace", "--foot"], "--foot"),
    (["checkin", "--foot", "1", "--replace", "--back"], "--back"),
    (["log", "feet", "--minutes"], "--minutes"),
    (["plan", "--level"], "--level"),
]


def test_every_whole_number_option_has_the_one_parser() -> None:
    command = typer.main.get_command(build_app())
    found = [
        (name, param.name)
        for name, sub in command.commands.items()  # type: ignore[attr-defined]
        for param in sub.params
        if param.type_descriptor.annotation is int
    ]
    assert sorted(found) == [("checkin", "back"), ("checkin", "foot"), ("log", "minutes"), ("plan", "level")]
    for name, option in found:
        (param,) = [p for p in command.commands[name].params if p.name == option]  # type: ignore[attr-defined]
        assert param.type_descriptor.parameter_info.parser is whole_number, (name, option)


@pytest.mark.parametrize("value", ["1_0", "0x1", "1e1", "1.0", "", "--", "\u00b2", "\u0663", "\uff13"])
@pytest.mark.parametrize(("args", "option"), OPTIONS, ids=[o for _, o in OPTIONS])
def test_anything_but_digits_is_refused(home: Path, args: list[str], option: str, value: str) -> None:
    seed_everything(home)
    before = digest(home)
    refused(invoke([*args, value]), option, "not a whole number")
    assert digest(home) == before


@pytest.mark.parametrize("value", ["2", " 2 ", "+2", "02"])
def test_digits_with_a_sign_or_spaces_are_read(home: Path, value: str) -> None:
    seed_everything(home)
    result = invoke(["checkin", "--foot", value, "--back", "1", "--replace"])
    assert result.exit_code == 0 and "foot 2," in result.stdout, result.output


def test_a_pain_typed_at_the_prompt_follows_the_same_rule() -> None:
    from footback.core.errors import BadInputError
    from footback.daily.checkin import parse_pain

    assert parse_pain(" 6 ", "foot") == 6 and parse_pain("6/10", "foot") == 6
    with pytest.raises(BadInputError, match="is not a number"):
        parse_pain("1_0", "foot")
