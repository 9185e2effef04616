"""`footback assess`: the guided self-assessment."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import (
    AnswersOption,
    NoColorOption,
    ResultJsonOption,
    SchemaOption,
    TemplateOption,
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
) -> None:
    """Screen for warning signs, then score foot risk, back risk and the feet-to-back link."""
    with command_boundary():
        from footback.assess import service
        from footback.assess.content import load_assess_content
        from footback.cli.console import say_where, show_long, where_line

        app = app_context(ctx)
        no_color = app.colour_off(no_color)  # a broken config is reported even with --template
        if last:
            if answers or template or schema or no_save:
                from footback.core.errors import BadInputError

                raise BadInputError(
                    "--last shows the saved result; use it without --answers, --template, --schema"
                )
            latest, previous = service.last_saved(app.data_dir)
            result = latest.result
        else:
            from footback.content.answers_file import load_answers
            from footback.content.guided import complete_answers, schema_text, template_text
            from footback.content.questions import missing_ids, with_body_units

            content = load_assess_content()
            qset = content.questions
            if template or schema:
                typer.echo(
                    template_text(qset, qset.questions) if template else schema_text(qset, qset.questions),
                    nl=not template,
                )
                return
            seen = service.clinician_visits(app.data_dir)  # standing signs a clinician has seen
            # In a file, a missing warning-sign answer means "no" (older files lack the newer ones).
            given = content.file_defaults() | load_answers(answers, qset.questions) if answers else {}
            keep = None
            if answers is None and app.stdin_tty and not no_save:
                from footback.assess.resume import offer_resume

                keep = offer_resume(app.data_dir, app.clock, qset.questions, app.console(stderr=True).input)
                given = keep.answers | given
            given = complete_answers(
                qset,
                # Typed heights and weights follow `body_units`; files keep the units in their ids.
                with_body_units(qset.questions, app.config.settings.body_units),
                given,
                [] if service.stops_early(content, given, seen) else missing_ids(qset.questions, given),
                answers_path=answers,
                stdin_tty=app.stdin_tty,
                stdin_closed=app.stdin_closed,
                # Questions go to the terminal (stderr), so `footback assess > result.txt` still asks them.
                console=lambda: app.console(no_color=no_color, stderr=True),
                what="the assessment",
                stop_before=service.interview_stop(content, seen),
                on_answer=keep,
            )
            # The comparison is only drawn on the result screen; --json --no-save touches no store.
            result, previous = service.assess_and_record(
                app.data_dir,
                content,
                given,
                app.clock.now(),
                save=not no_save,
                compare=not as_json,
                seen=seen,
            )
            if keep is not None:
                from footback.assess.resume import drop_partial

                drop_partial(app.data_dir)
        if as_json:
            from footback.assess.render import result_json

            typer.echo(result_json(result, load_assess_content()))
            if not last:  # stdout stays pure JSON; where it went goes to stderr, without loading rich.
                sys.stderr.write(where_line(app.db_path, saved=not no_save) + "\n")
            return
        from rich.text import Text

        from footback.assess.render import render_result

        urgent_text = load_assess_content().advice.urgent
        out = app.console(no_color=no_color)
        before = (previous.result, previous.created_at) if previous else (None, None)
        show_long(out, lambda console: render_result(console, result, urgent_text, *before))
        if last:
            out.print(Text(f"Saved on {latest.created_at.astimezone():%Y-%m-%d at %H:%M}.", style="dim"))
        else:
            say_where(out, app.db_path, saved=not no_save)
