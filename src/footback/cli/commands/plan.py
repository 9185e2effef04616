"""`footback plan`: build and save a personal routine from the latest assessment."""

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from footback.cli.context import AppContext
from footback.cli.options import NoColorOption, PregnantOption, SeenClinicianOption, whole_number
from footback.core.text import safe_line

if TYPE_CHECKING:
    from rich.console import Console

    from footback.plan.build import Plan


@dataclass(frozen=True)
class PlanArgs:
    """`footback plan`'s options, as typed."""

    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False
    no_save: Annotated[bool, typer.Option("--no-save", help="Show the plan without saving it.")] = False
    review: Annotated[bool, typer.Option("--review", help="Review the level now instead of weekly.")] = False
    level: Annotated[
        int | None, typer.Option("--level", metavar="N", help="Set the level by hand.", parser=whole_number)
    ] = None
    seen_clinician: SeenClinicianOption = False
    pregnant: PregnantOption = False
    no_color: NoColorOption = False


def plan(app: AppContext, request: PlanArgs) -> None:
    from footback.plan.levels import level_line, progressing_in
    from footback.plan.render import plan_json
    from footback.plan.service import PlanRequest, make_plan

    as_json = request.as_json
    if request.review and request.level is not None:  # a hand-set level would silently win over the review
        from footback.core.errors import BadInputError

        raise BadInputError("use --review (footback decides) or --level N (you decide), not both")
    no_color = app.colour_off(request.no_color)
    # `out` is stderr with --json, so stdout stays pure JSON while the path is still shown.
    out = app.console(no_color=no_color, stderr=as_json)
    flags = (request.seen_clinician, request.pregnant, request.review, request.level)
    outcome = make_plan(app, PlanRequest(not request.no_save, *flags, no_color, as_json))
    made, content, state = outcome.made, outcome.content, outcome.level
    if made is None:
        if outcome.refusal is not None:
            out.print(outcome.refusal, markup=False)
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(plan_json(made, outcome.saved_to, state), indent=2))
    else:
        line = None
        if state is not None:
            line = level_line(state, progressing_in(made, content.progression.steps))
        # Taller than the terminal (5 steps at 80x24), paged like assess: the plan's top is read first.
        app.show_long(out, lambda console: _draw(console, made, line))
    if outcome.saved_to is not None:
        out.print(content.saved.format(path=safe_line(str(outcome.saved_to))), markup=False, soft_wrap=True)
    else:
        out.print(content.not_saved, markup=False)
    if not as_json:
        out.print(content.rerun.format(date=f"{made.assessed_at:%Y-%m-%d}"), style="dim", markup=False)


def _draw(console: "Console", made: "Plan", level: str | None) -> None:
    from footback.plan.render import render_plan

    render_plan(console, made)
    if level is not None:
        console.print(level, markup=False)
