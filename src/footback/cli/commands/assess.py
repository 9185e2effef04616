"""`footback assess`: the guided self-assessment."""

import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from footback.cli.context import AppContext
from footback.cli.options import (
    AnswersOption,
    NoColorOption,
    QuickOption,
    ResultJsonOption,
    SchemaOption,
    TemplateOption,
    print_answers_help,
)

if TYPE_CHECKING:
    from datetime import datetime

    from footback.assess.flow import AssessRequest
    from footback.models.assessment import AssessmentResult
    from footback.records.assessments import SavedAssessment

    Shown = tuple[AssessmentResult, SavedAssessment | None]


@dataclass(frozen=True)
class AssessArgs:
    """`footback assess`'s options, as typed."""

    answers: AnswersOption = None
    template: TemplateOption = False
    schema: SchemaOption = False
    as_json: ResultJsonOption = False
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not store this assessment.")] = False
    no_color: NoColorOption = False
    last: Annotated[
        bool, typer.Option("--last", help="Show the last saved result again (with --json: as JSON).")
    ] = False
    quick: QuickOption = False


def assess(app: AppContext, request: AssessArgs) -> None:
    from footback.assess import service
    from footback.assess.content import load_assess_content
    from footback.assess.flow import AssessRequest, run_assess
    from footback.core.errors import BadInputError
    from footback.today.first_run import FirstRunRequest, guide_first_run

    # The config is read first: a broken one is reported even with --template.
    no_color, units = app.colour_off(request.no_color), app.config.settings.body_units
    asked = AssessRequest(request.answers, request.no_save, request.as_json, request.quick, no_color, units)
    if request.last:
        if request.answers or request.template or request.schema or request.no_save or request.quick:
            raise BadInputError(
                "--last shows the saved result; use it without --answers, --template, --schema, --quick"
            )
        latest, previous = service.last_saved(app.data_dir)
        _show(app, asked, (latest.result, previous), saved_on=latest.local_time(app.clock.now()))
    elif request.template or request.schema:
        if request.quick:
            raise BadInputError("--quick asks again; use --template or --schema without it")
        from footback.assess.function_input import schema_properties

        print_answers_help(load_assess_content().questions, request, extra=schema_properties())
    else:
        _show(app, asked, shown := run_assess(app, asked))
        guide_first_run(app, FirstRunRequest.after(asked, shown))


def _show(
    app: AppContext, request: "AssessRequest", shown: "Shown", saved_on: "datetime | None" = None
) -> None:
    """The result as JSON, or drawn (paged when long); then where it was saved, or when (`--last`)."""
    from footback.assess.content import load_assess_content
    from footback.render.console import say_where, where_line

    result, previous = shown
    if request.as_json:
        from footback.assess.service import result_json

        typer.echo(result_json(result, load_assess_content()))
        if saved_on is None:  # stdout stays pure JSON; where it went goes to stderr, without loading rich.
            sys.stderr.write(where_line(app.db_path, saved=not request.no_save) + "\n")
        return
    from rich.text import Text

    from footback.assess.render import render_result

    urgent_text = load_assess_content().advice.urgent
    out = app.console(no_color=request.no_color)
    before = (previous.result, previous.created_at) if previous else (None, None)
    app.show_long(out, lambda console: render_result(console, result, urgent_text, *before))
    if saved_on is not None:
        out.print(Text(f"Saved on {saved_on:%Y-%m-%d at %H:%M}.", style="dim"))
    else:
        say_where(out, app.db_path, saved=not request.no_save)
