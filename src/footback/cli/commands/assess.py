"""`footback assess`: the guided self-assessment."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
    from footback.assess.model import AssessmentResult
    from footback.content.questions import Answers
    from footback.core.units import BodyUnits
    from footback.records.assessments import SavedAssessment


def assess(
    ctx: typer.Context,
    *,
    answers: AnswersOption = None,
    template: TemplateOption = False,
    schema: SchemaOption = False,
    as_json: ResultJsonOption = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not store this assessment.")] = False,
    no_color: NoColorOption = False,
    last: Annotated[
        bool, typer.Option("--last", help="Show the last saved result again (with --json: as JSON).")
    ] = False,
) -> None:
    """Screen for warning signs, then score foot risk, back risk and the feet-to-back link."""
    with command_boundary():
        app = app_context(ctx)
        if last:
            if answers or template or schema or no_save:
                from footback.core.errors import BadInputError

                raise BadInputError(
                    "--last shows the saved result; use it without --answers, --template, --schema"
                )
            show_last(app, as_json=as_json, no_color=app.colour_off(no_color))
            return
        run_assess(
            app,
            answers_path=answers,
            template=template,
            schema=schema,
            as_json=as_json,
            no_save=no_save,
            no_color=app.colour_off(no_color),
            body_units=app.config.settings.body_units,
        )


def run_assess(
    app: AppContext,
    *,
    answers_path: Path | None,
    template: bool,
    schema: bool,
    as_json: bool,
    no_save: bool,
    no_color: bool,
    body_units: BodyUnits = "metric",
) -> None:
    """The command body: questions from the answers file, the rest asked on the terminal."""
    from footback.assess.content import load_assess_content
    from footback.assess.service import assess as run
    from footback.assess.service import interview_stop, stops_early
    from footback.content.answers_file import load_answers
    from footback.content.questions import json_schema, missing_ids, toml_template, with_body_units

    content = load_assess_content()
    questions = content.questions.questions
    if template:
        header = f"{content.questions.title}: answers file\n{content.questions.disclaimer}"
        typer.echo(toml_template(questions, content.questions.part_titles(), header), nl=False)
        return
    if schema:
        typer.echo(json.dumps(json_schema(questions, content.questions.title), indent=2))
        return

    given = load_answers(answers_path, questions) if answers_path else {}
    missing = [] if stops_early(content, given) else missing_ids(questions, given)
    if missing:
        from footback.content.interview import InputEnded, PartIntro, run_interview
        from footback.core.errors import FootbackError, MissingAnswersError

        can_ask = answers_path is None or app.stdin_tty
        if not can_ask:
            raise MissingAnswersError(
                f"{answers_path}: missing answers and no terminal to ask on: {', '.join(missing)}"
            )
        parts = {p.id: PartIntro(p.title, p.intro) for p in content.questions.parts}
        # Questions go to the terminal (stderr), so `footback assess > result.txt` still asks them.
        out = app.console(no_color=no_color, stderr=True)
        out.print(content.questions.disclaimer, style="dim")
        try:
            # Typed heights and weights follow `body_units`; files keep the units in their ids.
            typed = with_body_units(questions, body_units)
            given = run_interview(typed, given, out.input, out, parts, interview_stop(content))
        except InputEnded:
            raise FootbackError("input ended before the assessment was finished; nothing was saved") from None

    result = run(content, given)
    stamp = app.clock.now().astimezone(UTC)
    # The comparison is only drawn on the result screen; --json --no-save touches no store at all.
    previous = (
        None
        if as_json and no_save
        else _previous_and_save(app.data_dir, given, result, stamp, save=not no_save)
    )
    from footback.cli.console import where_line

    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        # stdout stays pure JSON; where it went goes to stderr, and without loading rich.
        sys.stderr.write(where_line(app.db_path, saved=not no_save) + "\n")
        return
    from footback.assess.render import render_result
    from footback.cli.console import say_where, show_long

    out = app.console(no_color=no_color)
    show_long(
        out,
        lambda console: render_result(
            console,
            result,
            content.advice.urgent,
            previous.result if previous else None,
            previous.created_at if previous else None,
        ),
    )
    say_where(out, app.db_path, saved=not no_save)


def show_last(app: AppContext, *, as_json: bool, no_color: bool) -> None:
    """`--last`: the most recent saved result, drawn as after an assessment (compared with the one before)."""
    from footback.core.errors import FootbackError
    from footback.records.assessments import list_assessments
    from footback.records.db import open_existing_store

    store = open_existing_store(app.data_dir)
    saved = []
    if store is not None:
        with store:
            saved = list_assessments(store, limit=2)
    if not saved:
        raise FootbackError("no assessment is saved yet: run `footback assess` first")
    latest, before = saved[-1], (saved[0] if len(saved) == 2 else None)
    if as_json:
        typer.echo(latest.result.model_dump_json(indent=2))
        return
    from rich.text import Text

    from footback.assess.content import load_assess_content
    from footback.assess.render import render_result
    from footback.cli.console import show_long

    urgent_text = load_assess_content().advice.urgent
    out = app.console(no_color=no_color)
    show_long(
        out,
        lambda console: render_result(
            console,
            latest.result,
            urgent_text,
            before.result if before else None,
            before.created_at if before else None,
        ),
    )
    out.print(Text(f"Saved on {latest.created_at.astimezone():%Y-%m-%d at %H:%M}.", style="dim"))


def _previous_and_save(
    folder: Path, answers: Answers, result: AssessmentResult, stamp: datetime, *, save: bool
) -> SavedAssessment | None:
    """Read the last assessment for comparison, then store this one unless told not to."""
    from footback.records.assessments import latest_assessment, save_assessment
    from footback.records.db import open_existing_store, open_store

    store = open_store(folder) if save else open_existing_store(folder)
    if store is None:
        return None
    with store:
        previous = latest_assessment(store)
        if save:
            save_assessment(store, answers, result, stamp)
    return previous
