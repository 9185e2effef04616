"""`footback checkin`: the daily 20-second log of foot and back pain."""

import json
from typing import Annotated

import typer

from footback.cli.commands.options import NoColorOption
from footback.cli.context import app_context


def checkin(
    ctx: typer.Context,
    *,
    foot: Annotated[int | None, typer.Option("--foot", metavar="N", help="Foot pain today, 0-10.")] = None,
    back: Annotated[int | None, typer.Option("--back", metavar="N", help="Back pain today, 0-10.")] = None,
    note: Annotated[
        str | None, typer.Option("--note", metavar="TEXT", help="An optional short note.")
    ] = None,
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="Check in for a missed past day (default: today)."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace that day's check-in without asking.")
    ] = False,
    sign: Annotated[
        list[str] | None,
        typer.Option(
            "--sign", metavar="ID", help="A warning sign that is new (repeatable; ids: docs/daily.md)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was stored, as JSON.")] = False,
    no_color: NoColorOption = False,
) -> None:
    from footback.core.errors import FootbackError
    from footback.daily.checkin_flow import CheckinRequest, render_outcome, run_checkin
    from footback.records.db import open_store
    from footback.render.console import plain_input

    app = app_context(ctx)
    out = app.console(no_color=app.colour_off(no_color), stderr=as_json)
    request = CheckinRequest(foot=foot, back=back, note=note, day=day, replace=replace, signs=sign or [])
    ask = (lambda prompt: plain_input(out, prompt)) if app.stdin_tty else None
    with open_store(app.data_dir) as store:
        outcome = run_checkin(store, request, now=app.clock.now(), ask=ask, console=out)
    try:
        if as_json:
            from footback.assess.content import load_assess_content

            app.out.write(json.dumps(outcome.as_json(load_assess_content().sources), indent=2) + "\n")
        render_outcome(out, outcome)
        app.out.flush()
    except OSError as exc:
        # Stored before the output failed (a full disk, a closed pipe): exit 1, and say so.
        saved = outcome.checkin
        what = f"the check-in for {saved.day} was saved" if saved else "the stored check-in was kept"
        raise FootbackError(f"cannot write to standard output ({exc.strerror}); {what}") from None
