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

if TYPE_CHECKING:
    from footback.assess.model import AssessmentResult
    from footback.content.questions import Answers
    from footback.core.units import BodyUnits
    from footback.records.assessments import SavedAssessment


def assess(
    *,
    answers: AnswersOption = None,
    template: TemplateOption = False,
    schema: SchemaOption = False,
    as_json: ResultJsonOption = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not store this assessment.")] = False,
    no_color: NoColorOption = False,
) -> None:
    """Screen for warning signs, then score foot risk, back risk and the feet-to-back link."""
    with command_boundary():
        from footback.cli.config import load_settings

        settings = load_settings()
        run_assess(
            answers_path=answers,
            template=template,
            schema=schema,
            as_json=as_json,
            no_save=no_save,
            no_color=settings.colour_off(no_color),
            body_units=settings.settings.body_units,
        )


def run_assess(
    *,
    answers_path: Path | None,
    template: bool,
    schema: bool,
    as_json: bool,
    no_save: bool,
    no_color: bool,
    body_units: BodyUnits = "metric",
    interactive: bool | None = None,
    now: datetime | None = None,
) -> None:
    """The command body; `interactive` and `now` default to the real terminal and clock."""
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
        from footback.cli.console import make_console
        from footback.content.interview import InputEnded, PartIntro, run_interview
        from footback.core.errors import FootbackError, MissingAnswersError

        can_ask = interactive if interactive is not None else (answers_path is None or sys.stdin.isatty())
        if not can_ask:
            raise MissingAnswersError(
                f"{answers_path}: missing answers and no terminal to ask on: {', '.join(missing)}"
            )
        parts = {p.id: PartIntro(p.title, p.intro) for p in content.questions.parts}
        # Questions go to the terminal (stderr), so `footback assess > result.txt` still asks them.
        out = make_console(no_color=no_color, stderr=True)
        out.print(content.questions.disclaimer, style="dim")
        try:
            # Typed heights and weights follow `body_units`; files keep the units in their ids.
            typed = with_body_units(questions, body_units)
            given = run_interview(typed, given, out.input, out, parts, interview_stop(content))
        except InputEnded:
            raise FootbackError("input ended before the assessment was finished; nothing was saved") from None

    result = run(content, given)
    stamp = now or datetime.now(UTC)
    # The comparison is only drawn on the result screen; --json --no-save touches no store at all.
    previous = None if as_json and no_save else _previous_and_save(given, result, stamp, save=not no_save)
    from footback.cli.console import where_line

    if as_json:
        typer.echo(result.model_dump_json(indent=2))
        # stdout stays pure JSON; where it went goes to stderr, and without loading rich.
        sys.stderr.write(where_line(saved=not no_save) + "\n")
        return
    from footback.assess.render import render_result
    from footback.cli.console import make_console, say_where, show_long

    out = make_console(no_color=no_color)
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
    say_where(out, saved=not no_save)


def _previous_and_save(
    answers: Answers, result: AssessmentResult, stamp: datetime, *, save: bool
) -> SavedAssessment | None:
    """Read the last assessment for comparison, then store this one unless told not to."""
    from footback.records.assessments import latest_assessment, save_assessment
    from footback.records.db import open_existing_store, open_store

    store = open_store() if save else open_existing_store()
    if store is None:
        return None
    with store:
        previous = latest_assessment(store)
        if save:
            save_assessment(store, answers, result, stamp)
    return previous
