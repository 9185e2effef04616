"""`footback checkin`: the daily 20-second log of foot and back pain."""

import json
from dataclasses import dataclass
from typing import Annotated

import typer

from footback.cli.context import AppContext
from footback.cli.options import NoColorOption, whole_number


@dataclass(frozen=True)
class CheckinArgs:
    """`footback checkin`'s options, as typed."""

    foot: Annotated[
        int | None, typer.Option("--foot", metavar="N", help="Foot pain today, 0-10.", parser=whole_number)
    ] = None
    back: Annotated[
        int | None, typer.Option("--back", metavar="N", help="Back pain today, 0-10.", parser=whole_number)
    ] = None
    note: Annotated[str | None, typer.Option("--note", metavar="TEXT", help="An optional short note.")] = None
    day: Annotated[
        str | None,
        typer.Option("--date", metavar="YYYY-MM-DD", help="Check in for a missed past day (default: today)."),
    ] = None
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace that day's check-in without asking.")
    ] = False
    sign: Annotated[
        list[str] | None,
        typer.Option(
            "--sign", metavar="ID", help="A warning sign that is new (repeatable; ids: docs/daily.md)."
        ),
    ] = None
    as_json: Annotated[bool, typer.Option("--json", help="Print what was stored, as JSON.")] = False
    no_color: NoColorOption = False


def checkin(app: AppContext, request: CheckinArgs) -> None:
    from footback.core.errors import FootbackError
    from footback.daily.checkin_flow import (
        CheckinRequest,
        checkin_console,
        render_outcome,
        run_checkin,
        saved_page,
    )

    no_color, signs = app.colour_off(request.no_color), request.sign or []
    asked = CheckinRequest(
        request.foot,
        request.back,
        request.note,
        request.day,
        request.replace,
        signs,
        no_color,
        request.as_json,
    )
    outcome = run_checkin(app, asked)
    try:
        if request.as_json:
            from footback.assess.content import load_assess_content

            app.out.write(json.dumps(outcome.as_json(load_assess_content().sources), indent=2) + "\n")
        if outcome.urgent is None:  # one line said: written plain where nothing is styled
            app.print_page(saved_page(outcome), no_color=no_color, stderr=request.as_json)
        else:
            render_outcome(checkin_console(app, asked), outcome)
        app.out.flush()
    except OSError as exc:
        # Stored before the output failed (a full disk, a closed pipe): exit 1, and say so.
        saved = outcome.checkin
        what = f"the check-in for {saved.day} was saved" if saved else "the stored check-in was kept"
        raise FootbackError(f"cannot write to standard output ({exc.strerror}); {what}") from None
