"""Options that several commands share, declared once so their names and help stay the same."""

import math
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import typer

if TYPE_CHECKING:
    from footback.content.rules import QuestionSet


def number_between(low: float, high: float) -> Callable[[float | None], float | None]:
    """A float option's check: NaN and infinity are 'not a number', not 'above the maximum'."""

    def check(value: float | None) -> float | None:
        if value is None:
            return None
        if not math.isfinite(value):
            raise typer.BadParameter(f"{value} is not a number; give one from {low:g} to {high:g}")
        if not low <= value <= high:
            raise typer.BadParameter(f"{value:g} is outside {low:g} to {high:g}")
        return value

    return check


def whole_number(text: str) -> int:
    """Every whole-number option's parser (core.units.read_whole): typer reads ints as Python
    does, which takes `--foot 1_0` as 10 (a typo stored as the worst pain)."""
    from footback.core.units import read_whole

    value = read_whole(text)
    if value is None:
        raise typer.BadParameter(NOT_WHOLE)
    return value


NOT_WHOLE = "not a whole number"


AnswersOption = Annotated[
    Path | None,
    typer.Option("--answers", "-a", help="Read answers from a TOML or JSON file (ids: see --template)."),
]
QuickOption = Annotated[
    bool,
    typer.Option(
        "--quick",
        help="Weekly re-check: ask only the warning signs, pain and back questions again "
        "(last answers as defaults) and keep the rest from the last full assessment.",
    ),
]
TemplateOption = Annotated[
    bool, typer.Option("--template", help="Print a commented TOML answers file and exit.")
]
SchemaOption = Annotated[
    bool, typer.Option("--schema", help="Print the answers file's JSON Schema and exit.")
]
ResultJsonOption = Annotated[bool, typer.Option("--json", help="Print only the result, as JSON.")]
OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to FILE (private, 0600) instead of the screen."),
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="Turn colour off (also: NO_COLOR).")]
SeenClinicianOption = Annotated[
    bool,
    typer.Option(
        "--seen-clinician",
        help="After a warning sign: record that a clinician has seen you since, and go on "
        "(for use without a terminal; in a terminal footback asks).",
    ),
]
PregnantOption = Annotated[
    bool,
    typer.Option(
        "--pregnant",
        help="Swap steps done lying on your back for side-lying, all-fours or standing versions "
        "(automatic when your latest assessment says you are pregnant).",
    ),
]
PairNameOption = Annotated[
    str | None,
    typer.Option("--name", help="Save the check under this pair's name, to track it over time."),
]
ListPairsOption = Annotated[
    bool, typer.Option("--list", help="Show saved pairs: type, age, distance and last verdict.")
]
AddDistanceOption = Annotated[
    str | None,
    typer.Option(
        "--add-distance",
        metavar="DISTANCE",
        help="Add distance to the pair given by --name (e.g. 12km, 7.5mi; a bare number is in the"
        " config's units) and print the new total and verdict.",
    ),
]
UndoDistanceOption = Annotated[
    bool, typer.Option("--undo", help="Take back the last --add-distance of the pair given by --name.")
]
AllPairsOption = Annotated[
    bool, typer.Option("--all", help="With --list: show retired pairs too, with the date each was retired.")
]
RetireOption = Annotated[
    bool,
    typer.Option("--retire", help="Retire the pair given by --name: kept in history, gone from --list."),
]


def format_for_output(
    given: str | None, output: Path | None, extensions: dict[str, str], default: str
) -> str:
    """The format to write: `--format` if given, else the one the file name's extension says,
    else `default`. A `--format` that contradicts a known extension is a usage error."""
    from footback.core.errors import BadInputError

    by_name = extensions.get(output.suffix.lower()) if output is not None else None
    if given is None:
        return by_name or default
    if by_name is not None and by_name != given:
        raise BadInputError(
            f"--format {given} contradicts --output {output} (a {by_name} file name); "
            f"drop --format, or name it {output.with_suffix('.' + given).name if output else ''}"
        )
    return given


class AnswersHelpRequest(Protocol):
    """The options `--template` and `--schema` read (assess's and shoes-check's arguments)."""

    @property
    def template(self) -> bool: ...

    @property
    def schema(self) -> bool: ...

    @property
    def as_json(self) -> bool: ...


def print_answers_help(
    qset: "QuestionSet[Any]", request: AnswersHelpRequest, extra: "Mapping[str, Any] | None" = None
) -> None:
    """`--template` (TOML) or `--schema` (JSON); both, or TOML for `--json`, is a usage error.
    `extra`: the schema of keys a file may hold that are not questions."""
    from footback.content.guided import schema_text, template_text
    from footback.core.errors import BadInputError

    template, schema, as_json = request.template, request.schema, request.as_json
    if template and (schema or as_json):  # one silently winning would break a script reading JSON
        also = "--schema" if schema else "--json"
        raise BadInputError(f"--template prints a TOML answers file; use it without {also} (--schema: JSON)")
    text = template_text(qset, qset.questions) if template else schema_text(qset, qset.questions, extra)
    typer.echo(text, nl=not template)
