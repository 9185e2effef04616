"""`footback shoes-check`: a guided footwear check, with saved pairs and their distance."""

from __future__ import annotations

import json
import shlex
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import (
    AnswersOption,
    NoColorOption,
    ResultJsonOption,
    SchemaOption,
    TemplateOption,
)
from footback.cli.context import AppContext, app_context

if TYPE_CHECKING:
    from rich.console import Console

    from footback.content.questions import Answers, Question
    from footback.core.units import DistanceUnit
    from footback.records.shoes import SavedCheck, SavedPair
    from footback.shoes.check import ShoeCheckResult
    from footback.shoes.content import ShoeContent


def shoes_check(
    ctx: typer.Context,
    *,
    answers: AnswersOption = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="Save the check under this pair's name, to track it over time."),
    ] = None,
    list_saved: Annotated[
        bool, typer.Option("--list", help="Show saved pairs: type, age, distance and last verdict.")
    ] = False,
    add_distance: Annotated[
        str | None,
        typer.Option(
            "--add-distance",
            metavar="DISTANCE",
            help="Add distance to the pair given by --name (e.g. 12km, 7.5mi) and show the updated verdict.",
        ),
    ] = None,
    template: TemplateOption = False,
    schema: SchemaOption = False,
    as_json: ResultJsonOption = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not store this check.")] = False,
    no_color: NoColorOption = False,
) -> None:
    """Check one pair of shoes: the podiatrists' hand tests, fit and wear, and when to replace them."""
    with command_boundary():
        app = app_context(ctx)
        config = app.config
        run_shoes(
            app,
            answers_path=answers,
            name=name,
            list_saved=list_saved,
            add_distance=add_distance,
            template=template,
            schema=schema,
            as_json=as_json,
            no_save=no_save,
            no_color=config.colour_off(no_color),
            units=config.settings.units if config.is_set("units") else None,
        )


def _check_options(
    *, answers_path: Path | None, name: str | None, list_saved: bool, add_distance: str | None, no_save: bool
) -> None:
    """Refuse combinations that would silently ignore an option."""
    from footback.core.errors import BadInputError

    if list_saved and (answers_path or name is not None or add_distance is not None or no_save):
        raise BadInputError(
            "--list shows saved pairs; use it without --answers, --name, --add-distance or --no-save"
        )
    if add_distance is not None:
        if name is None:
            raise BadInputError("--add-distance needs --name NAME: the saved pair to add the distance to")
        if answers_path or no_save:
            raise BadInputError("--add-distance updates a saved pair; use it without --answers or --no-save")


def run_shoes(
    app: AppContext,
    *,
    answers_path: Path | None,
    name: str | None,
    list_saved: bool,
    add_distance: str | None,
    template: bool,
    schema: bool,
    as_json: bool,
    no_save: bool,
    no_color: bool,
    units: DistanceUnit | None = None,
) -> None:
    """The command body.

    `units` is the configured unit (None when the config leaves it at the default): it reads bare
    distances and shows saved pairs; a unit the person writes ("12km", "7.5 mi") always wins.
    """
    if list_saved and not (template or schema):
        # Start-up: --list loads shoe content only to show saved pairs, and rich only to draw.
        _check_options(
            answers_path=answers_path, name=name, list_saved=True, add_distance=add_distance, no_save=no_save
        )
        _list(app, no_color=no_color, as_json=as_json, now=app.clock.now().astimezone(UTC), units=units)
        return
    from footback.content.questions import json_schema, toml_template, with_distance_unit
    from footback.records.shoes import clean_pair_name
    from footback.shoes.content import load_shoe_content

    loaded = load_shoe_content()
    adjusted = with_distance_unit(loaded.questions.questions, units or "km")
    content = loaded.model_copy(
        update={"questions": loaded.questions.model_copy(update={"questions": adjusted})}
    )
    questions = content.questions.questions
    if template:
        header = f"{content.questions.title}: answers file\n{content.questions.disclaimer}"
        typer.echo(toml_template(questions, content.questions.part_titles(), header), nl=False)
        return
    if schema:
        typer.echo(json.dumps(json_schema(questions, content.questions.title), indent=2))
        return
    _check_options(
        answers_path=answers_path,
        name=name,
        list_saved=list_saved,
        add_distance=add_distance,
        no_save=no_save,
    )
    pair = clean_pair_name(name) if name is not None else None
    stamp = app.clock.now().astimezone(UTC)
    out = app.console(no_color=no_color, stderr=as_json)
    if add_distance is not None and pair is not None:
        _add_distance(app, content, out, pair, add_distance, as_json=as_json, now=stamp, units=units)
    else:
        _check(app, content, out, answers_path, pair, as_json=as_json, no_save=no_save, now=stamp)


def _check(
    app: AppContext,
    content: ShoeContent,
    out: Console,
    answers_path: Path | None,
    pair: str | None,
    *,
    as_json: bool,
    no_save: bool,
    now: datetime,
) -> None:
    """One guided (or file-driven) check of a pair, then the result and, unless told not to, saving."""
    from rich.text import Text

    from footback.content.answers_file import check_answers, read_mapping
    from footback.content.interview import InputEnded, PartIntro, run_interview
    from footback.content.questions import missing_ids
    from footback.core.errors import FootbackError, MissingAnswersError
    from footback.core.units import parse_distance
    from footback.shoes.check import check_shoes
    from footback.shoes.render import render_result

    questions = content.questions.questions
    raw: dict[str, Any] = read_mapping(answers_path) if answers_path else {}
    given = check_answers(raw, questions, str(answers_path)) if answers_path else {}
    default_unit = content.questions.question("distance_km").distance_unit
    typed_distance = raw.get("distance_km")
    # Units follow what the person wrote: "260 mi" in the file means miles from now on.
    unit = default_unit
    if isinstance(typed_distance, str):
        unit = parse_distance(typed_distance, default_unit).unit
    missing = missing_ids(questions, given)
    if missing:
        can_ask = answers_path is None or app.stdin_tty
        if not can_ask:
            raise MissingAnswersError(
                f"{answers_path}: missing answers and no terminal to ask on: {', '.join(missing)}"
            )

        def remember_unit(question: Question, typed: str) -> None:
            nonlocal unit
            if question.kind == "distance":
                unit = parse_distance(typed, default_unit).unit

        parts = {p.id: PartIntro(p.title, p.intro) for p in content.questions.parts}
        out.print(Text(content.questions.disclaimer, style="dim"))
        try:
            given = run_interview(questions, given, out.input, out, parts, on_answer=remember_unit)
        except InputEnded:
            raise FootbackError("input ended before the shoe check was finished; nothing was saved") from None

    result = check_shoes(content, given, unit)
    previous, saved_as = _previous_and_save(app.data_dir, given, result, now, pair, save=not no_save)
    result = result.model_copy(update={"pair": saved_as})
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        render_result(out, result, content, previous)
    _say_where(out, app.db_path, saved=not no_save, named=pair is not None)


def _previous_and_save(
    folder: Path, answers: Answers, result: ShoeCheckResult, now: datetime, pair: str | None, *, save: bool
) -> tuple[SavedCheck | None, str | None]:
    """The pair's last check (for comparison) and the name it is saved under; stores unless told not to."""
    from footback.records.db import open_existing_store, open_store
    from footback.records.shoes import find_pair, latest_check, save_check

    store = open_store(folder) if save else open_existing_store(folder)
    if store is None:
        return None, pair
    with store:
        existing = find_pair(store, pair) if pair is not None else None
        # Reuse the saved spelling so 'Trail' and 'trail' stay one pair.
        name = existing.name if existing else pair
        previous = latest_check(store, name) if name is not None else None
        if save:
            save_check(store, answers, result.model_copy(update={"pair": name}), now, name)
    return previous, name


def _say_where(out: Console, db_path: Path, *, saved: bool, named: bool) -> None:
    from rich.text import Text

    from footback.cli.console import say_where

    say_where(out, db_path, saved=saved)
    if saved and not named:
        out.print(Text("Tip: add --name NAME to track this pair's distance and verdicts.", style="dim"))


def _list(
    app: AppContext, *, no_color: bool, as_json: bool, now: datetime, units: DistanceUnit | None
) -> None:
    """Saved pairs, in the configured unit or else each pair's own; never creates the store."""
    from footback.records.db import open_existing_store
    from footback.records.shoes import age_now, list_pairs

    store = open_existing_store(app.data_dir)
    pairs: list[SavedPair] = []
    if store is not None:
        with store:
            pairs = list_pairs(store)
    if not as_json:
        from footback.shoes.render import render_pairs

        # Shoe content names the types in the table: loaded only when there is a pair to show.
        content = None
        if pairs:
            from footback.shoes.content import load_shoe_content

            content = load_shoe_content()
        render_pairs(app.console(no_color=no_color), pairs, content, now, units)
        return
    rows = []
    for p in pairs:
        last = p.last.result if p.last else None
        rows.append(
            {
                "name": p.name,
                "shoe_type": p.shoe_type,
                "age_months": age_now(p, now),
                "distance_km": p.distance_km,
                "distance_unit": units or (last.distance_unit if last else "km"),
                "verdict": last.verdict if last else None,
                "score": last.score if last else None,
                "checked_at": p.last.created_at.isoformat() if p.last else None,
            }
        )
    typer.echo(json.dumps(rows, indent=2))


def _add_distance(
    app: AppContext,
    content: ShoeContent,
    out: Console,
    name: str,
    amount: str,
    *,
    as_json: bool,
    now: datetime,
    units: DistanceUnit | None,
) -> None:
    """Add distance to a saved pair and show the new verdict; a bare number is in the configured
    unit, else in the unit the pair was last checked in."""
    from rich.text import Text

    from footback.content.questions import applies
    from footback.core.errors import BadInputError
    from footback.core.suggest import closest
    from footback.core.units import DistanceError, format_distance, parse_distance
    from footback.records.db import open_existing_store
    from footback.records.shoes import find_pair, months_between, pair_names, save_check
    from footback.shoes.check import check_shoes
    from footback.shoes.render import render_result, type_label

    store = open_existing_store(app.data_dir)
    if store is None:
        raise BadInputError(f"no saved pair named {name!r}: nothing is saved yet (save one with --name)")
    with store:
        pair = find_pair(store, name)
        if pair is None:
            names = pair_names(store)
            folded = {n.casefold(): n for n in names}
            hint = closest(name.casefold(), list(folded))
            known = f"did you mean {folded[hint]!r}?" if hint else "saved pairs: " + ", ".join(names[:5])
            raise BadInputError(f"no saved pair named {name!r}; {known}")
        last = pair.last
        question = content.questions.question("distance_km")
        if last is None or not applies(question, {"shoe_type": pair.shoe_type}):
            raise BadInputError(
                f"{pair.name!r} are {type_label(content, pair.shoe_type)}: "
                "distance is tracked only for running and walking shoes"
            )
        try:
            added = parse_distance(amount, units or last.result.distance_unit)
        except DistanceError as exc:
            raise BadInputError(f"--add-distance: {exc}") from None
        total = round((pair.distance_km or 0.0) + added.km, 3)
        limit = question.maximum or 0.0
        if added.km <= 0 and any(digit in amount for digit in "123456789"):  # rounded away
            raise BadInputError(
                f"--add-distance: {amount!r} is less than a metre; distances are kept to the metre"
            )
        if added.km <= 0 or total > limit:
            raise BadInputError(
                f"--add-distance: {amount!r} must be more than 0 and keep the total within "
                f"{format_distance(limit, added.unit)}"
            )
        answers = dict(last.answers) | {"distance_km": total}
        age = last.answers.get("age_months")
        age_limit = int(content.questions.question("age_months").maximum or 0)
        if isinstance(age, int):
            answers["age_months"] = min(age_limit, age + months_between(last.created_at, now))
        result = check_shoes(content, answers, added.unit).model_copy(
            update={"pair": pair.name, "origin": "add_distance"}
        )
        save_check(store, answers, result, now, pair.name)
    if as_json:
        typer.echo(result.model_dump_json(indent=2))
    else:
        heading = f'Added {format_distance(added.km, added.unit)} to "{pair.name}"'
        render_result(out, result, content, last, heading=heading)
        out.print(
            Text(
                f"The other answers come from the check on {last.created_at:%Y-%m-%d}; "
                f"run footback shoes-check --name {shlex.quote(pair.name)} again to redo the hand tests.",
                style="dim",
            )
        )
    _say_where(out, app.db_path, saved=True, named=True)
