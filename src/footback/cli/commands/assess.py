"""`footback assess`: the guided self-assessment."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from footback.cli.commands.options import (
    AnswersOption,
    NoColorOption,
    ResultJsonOption,
    SchemaOption,
    TemplateOption,
    print_answers_help,
)
from footback.cli.context import app_context


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
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="Weekly re-check: ask only the warning signs, pain and back questions again "
            "(last answers as defaults) and keep the rest from the last full assessment.",
        ),
    ] = False,
) -> None:
    from footback.assess import service
    from footback.assess.content import load_assess_content
    from footback.core.errors import BadInputError
    from footback.render.console import say_where, where_line

    app = app_context(ctx)
    no_color = app.colour_off(no_color)  # a broken config is reported even with --template
    if last:
        if answers or template or schema or no_save or quick:
            raise BadInputError(
                "--last shows the saved result; use it without --answers, --template, --schema, --quick"
            )
        latest, previous = service.last_saved(app.data_dir)
        result = latest.result
    elif template or schema:
        if quick:
            raise BadInputError("--quick asks again; use --template or --schema without it")
        qset = load_assess_content().questions
        return print_answers_help(qset, template=template, schema=schema, as_json=as_json)
    else:
        from footback.cli.assess_run import AssessRequest, run_assess

        request = AssessRequest(answers, no_save, as_json, quick, no_color)
        result, previous = run_assess(app, request)
    if as_json:
        from footback.assess.service import result_json

        typer.echo(result_json(result, load_assess_content()))
        if not last:  # stdout stays pure JSON; where it went goes to stderr, without loading rich.
            sys.stderr.write(where_line(app.db_path, saved=not no_save) + "\n")
        return
    from rich.text import Text

    from footback.assess.render import render_result

    urgent_text = load_assess_content().advice.urgent
    out = app.console(no_color=no_color)
    before = (previous.result, previous.created_at) if previous else (None, None)
    app.show_long(out, lambda console: render_result(console, result, urgent_text, *before))
    if last:
        out.print(Text(f"Saved on {latest.created_at.astimezone():%Y-%m-%d at %H:%M}.", style="dim"))
    else:
        say_where(out, app.db_path, saved=not no_save)
