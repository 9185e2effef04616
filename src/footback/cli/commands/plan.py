"""`footback plan`: build and save a personal routine from the latest assessment."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from footback.cli.boundary import command_boundary
from footback.cli.commands.options import NoColorOption, SeenClinicianOption
from footback.cli.context import AppContext, app_context
from footback.core.text import safe_line

if TYPE_CHECKING:
    from rich.console import Console

    from footback.plan.build import Plan


def plan(
    ctx: typer.Context,
    *,
    as_json: Annotated[bool, typer.Option("--json", help="Print the plan as JSON.")] = False,
    no_save: Annotated[bool, typer.Option("--no-save", help="Show the plan without saving it.")] = False,
    review: Annotated[bool, typer.Option("--review", help="Review the level now instead of weekly.")] = False,
    level: Annotated[int | None, typer.Option("--level", metavar="N", help="Set the level by hand.")] = None,
    seen_clinician: SeenClinicianOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Build your own routine from your latest assessment, with the reason for every step."""
    with command_boundary():
        app = app_context(ctx)
        no_color = app.colour_off(no_color)
        code = run_plan(
            app,
            as_json=as_json,
            no_save=no_save,
            no_color=no_color,
            seen_clinician=seen_clinician,
            review=review,
            level=level,
        )
    if code:
        raise typer.Exit(code)


def run_plan(
    app: AppContext,
    *,
    as_json: bool,
    no_save: bool,
    no_color: bool,
    seen_clinician: bool,
    review: bool = False,
    level: int | None = None,
) -> int:
    """The command body; returns 1 when no plan could be made (no assessment, or a warning sign)."""
    from footback.assess.gate import open_gate, pass_gate
    from footback.plan.build import build_plan, load_plan_content, plan_toml, save_plan
    from footback.records.assessments import latest_assessment
    from footback.records.db import open_existing_store, open_store
    from footback.stretch.catalogue import load_builtin

    content = load_plan_content()
    out = app.console(no_color=no_color, stderr=as_json)
    clock = app.clock.now()
    store = open_existing_store(app.data_dir)
    saved = gate = None
    if store is not None:
        with store:
            saved = latest_assessment(store)
            gate = open_gate(store)
    if saved is None:
        out.print(content.no_assessment, markup=False)
        return 1
    if gate is not None:
        from rich.prompt import Confirm

        def confirm(question: str) -> bool:
            return Confirm.ask(question, console=out)

        passed = pass_gate(
            lambda: open_store(app.data_dir),
            gate,
            now=clock,
            seen_option=seen_clinician,
            confirm=confirm if app.stdin_tty else None,
            say=lambda line: out.print(line, markup=False),
        )
        if not passed:
            return 1
    if saved.result.needs_clinician:
        out.print(content.declined, markup=False)
        return 1

    from footback.plan.levels import level_for_plan, level_line
    from footback.plan.progression import apply_dose

    age = saved.answers.get("age")
    rule = content.progression
    state = level_for_plan(
        app.data_dir,
        rule,
        now=clock,
        age=age if isinstance(age, int) else None,
        review_now=review,
        manual=level,
        save=not no_save,
    )
    made = build_plan(saved.result, saved.created_at, content, load_builtin)
    if state is not None:
        made = apply_dose(made, state.dose, rule.steps)
    text = plan_toml(made, clock)
    path = None if no_save else save_plan(text, app.data_dir)
    if as_json:
        doc = _as_json(made, path)
        doc["level"] = (
            None
            if state is None
            else {
                "level": state.level,
                "top": state.top,
                "hold": state.dose.hold,
                "reps": state.dose.reps,
                "next_review": state.next_review.isoformat(),
                "reason": state.reason,
                "changed": state.changed is not None,
            }
        )
        typer.echo(json.dumps(doc, indent=2))
    else:
        _render(out, made)
        if state is not None:
            out.print(level_line(state, rule.steps), markup=False)
    # `out` is stderr with --json, so stdout stays pure JSON while the path is still shown.
    if path is not None:
        out.print(content.saved.format(path=safe_line(str(path))), markup=False, soft_wrap=True)
    else:
        out.print(content.not_saved, markup=False)
    if not as_json:
        out.print(content.rerun.format(date=f"{made.assessed_at:%Y-%m-%d}"), style="dim", markup=False)
    return 0


def _render(out: Console, made: Plan) -> None:
    from rich.table import Table
    from rich.text import Text

    from footback.core.text import dose_text

    routine = made.routine()
    minutes = routine.total_seconds() / 60
    from footback.core.text import plural

    out.print(
        Text(f"Your plan: {plural(len(made.steps), 'step')}, about {minutes:.0f} minutes", style="bold")
    )
    out.print(Text(made.description))
    table = Table(box=None, pad_edge=False, show_edge=False, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("step", ratio=2)
    table.add_column("dose", ratio=1)
    table.add_column("why", ratio=4)
    for number, planned in enumerate(made.steps, start=1):
        step = planned.step
        table.add_row(
            str(number),
            Text(step.name),
            dose_text(step.seconds, step.reps, step.each_side),
            Text(" ".join(planned.reasons)),
        )
    out.print(table)
    for caution in made.cautions:
        out.print(Text(caution), style="dim")
    if routine.equipment:
        out.print(Text("You need: " + "; ".join(routine.equipment)))


def _as_json(made: Plan, path: object) -> dict[str, object]:
    return {
        "assessed_at": made.assessed_at.isoformat(),
        "saved_to": str(path) if path is not None else None,
        "description": made.description,
        "total_seconds": made.routine().total_seconds(),
        "cautions": made.cautions,
        "steps": [
            {
                "name": p.step.name,
                "routine": p.routine,
                "reasons": p.reasons,
                **p.step.model_dump(mode="json"),
            }
            for p in made.steps
        ],
    }
