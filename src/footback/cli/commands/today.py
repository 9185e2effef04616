"""`footback today` (and `footback` with no arguments): today's screen."""

from typing import Annotated

import typer

from footback.cli.context import AppContext, app_context
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
        from footback.today.day import DayRequest, offer_day

        colour_off = app.colour_off(no_color)
        draw(app.console(no_color=colour_off), lines)
        # Enter: the check-in due, then the routine due (one key each), or a new user's
        # assessment; n or q: just this screen.
        asked = DayRequest(
            play=lambda routine: _play(app, routine), assess=lambda: _assess(app), no_color=colour_off
        )
        offer_day(app, facts, asked)
    else:
        # A pipe, a prompt or a script: the same facts as plain lines, without loading rich.
        write_plain(app.out, lines)


def _play(app: AppContext, routine: str) -> None:
    """`footback stretch --routine ROUTINE`, with the person's settings, as if typed."""
    from footback.cli.commands.stretch import StretchArgs, stretch

    stretch(app, StretchArgs(routine=routine))


def _assess(app: AppContext) -> None:
    """`footback assess`, as if typed: the interview, the result, the first run's offers."""
    from footback.cli.commands.assess import AssessArgs, assess

    assess(app, AssessArgs())
