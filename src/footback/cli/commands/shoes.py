"""`footback shoes-check`: a guided footwear check, with saved pairs and their distance."""

import json
from typing import Annotated

import typer

from footback.cli.commands.options import (
    AddDistanceOption,
    AllPairsOption,
    AnswersOption,
    ListPairsOption,
    NoColorOption,
    PairNameOption,
    ResultJsonOption,
    RetireOption,
    SchemaOption,
    TemplateOption,
    UndoDistanceOption,
    print_answers_help,
)
from footback.cli.context import app_context


def shoes_check(
    ctx: typer.Context,
    *,
    answers: AnswersOption = None,
    name: PairNameOption = None,
    list_saved: ListPairsOption = False,
    all_pairs: AllPairsOption = False,
    add_distance: AddDistanceOption = None,
    undo: UndoDistanceOption = False,
    retire: RetireOption = False,
    template: TemplateOption = False,
    schema: SchemaOption = False,
    as_json: ResultJsonOption = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Do not store this check.")] = False,
    no_color: NoColorOption = False,
) -> None:
    from datetime import UTC

    from footback.render.console import say_where, where_line
    from footback.shoes import service

    app = app_context(ctx)
    # The configured unit (None if unset) reads bare distances; a written unit ("12km") wins.
    units = app.config.settings.units if app.config.is_set("units") else None
    now = app.clock.now().astimezone(UTC)
    no_color = app.colour_off(no_color)
    if not (template or schema):
        service.check_options(
            answers_path=answers,
            name=name,
            list_saved=list_saved,
            add_distance=add_distance,
            no_save=no_save,
            undo=undo,
            retire=retire,
            all_pairs=all_pairs,
        )
    if list_saved and not (template or schema):
        # Start-up: --list loads shoe content only to show saved pairs, and rich only to draw.
        shown, hidden = service.saved_pairs(app.data_dir, retired=all_pairs)
        if as_json:
            typer.echo(json.dumps(service.pair_rows(shown, now, units), indent=2))
            return
        from footback.shoes.render import no_pairs_line, render_pairs

        if not shown:
            # One plain line: rich is not imported for it (start-up, bench/startup.py).
            typer.echo(no_pairs_line(hidden))
            return
        kinds = service.content_in(units)
        draw = lambda out: render_pairs(out, shown, kinds, now, units, hidden)  # noqa: E731
        return app.show_long(app.console(no_color=no_color), draw)
    content = service.content_in(units)
    qset = content.questions
    if template or schema:
        return print_answers_help(qset, template=template, schema=schema, as_json=as_json)
    from footback.records.shoes import clean_pair_name
    from footback.shoes.render import change_text, render_result, render_tip, result_json

    pair = clean_pair_name(name) if name is not None else None
    out = app.console(no_color=no_color, stderr=as_json)
    if pair is not None and (add_distance is not None or undo or retire):
        change = service.change_pair(app.data_dir, content, pair, now, units, add_distance, undo=undo)
        typer.echo(change_text(change, units, content, as_json=as_json))
        typer.echo(where_line(app.db_path, saved=True), err=True)
        return
    from footback.content.guided import complete_answers
    from footback.content.questions import missing_ids
    from footback.render.console import ConsoleScreen

    given, seen = service.read_answers_file(answers, content)
    given = complete_answers(
        qset,
        qset.questions,
        given,
        missing_ids(qset.questions, given),
        answers_path=answers,
        stdin_tty=app.stdin_tty,
        stdin_closed=app.stdin_closed,
        terminal=lambda: ConsoleScreen(out),
        what="the shoe check",
        on_answer=seen,
    )
    result, previous = service.check_and_record(
        app.data_dir, content, given, seen.unit, now, pair, save=not no_save
    )
    draw = lambda console: render_result(console, result, content, previous)  # noqa: E731
    typer.echo(result_json(result, content)) if as_json else app.show_long(out, draw)  # paged like assess
    say_where(out, app.db_path, saved=not no_save)
    render_tip(out, saved=not no_save, named=pair is not None)
