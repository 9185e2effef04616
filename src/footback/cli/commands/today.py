"""`footback today` (and `footback` with no arguments): today's screen."""

from typing import Annotated

import typer

from footback.cli.context import app_context
from footback.cli.options import NoColorOption


def today(
    ctx: typer.Context,
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print today's facts as JSON.")] = False,
    no_color: NoColorOption = False,
) -> None:
    from footback.today.content import load_today_content
    from footback.today.facts import read_today
    from footback.today.render import draw, today_lines, write_plain

    app = app_context(ctx)
    facts = read_today(app.data_dir, app.clock.now())
    if as_json:
        from footback.core.text import safe_json

        # Stored text (routine names, plan reasons) may hold C1 or bidi characters: \u escapes.
        typer.echo(safe_json(facts.model_dump_json(indent=2)))
        return
    lines = today_lines(facts, load_today_content().text)
    if app.stdout_tty:
        draw(app.console(no_color=app.colour_off(no_color)), lines)
    else:
        # A pipe, a prompt or a script: the same facts as plain lines, without loading rich.
        write_plain(app.out, lines)
