"""`footback plan` on screen (a table with the reason for every step, or one block per step on a
narrow terminal) and as JSON."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from footback.core.text import dose_text, plural

if TYPE_CHECKING:
    from rich.console import Console

    from footback.plan.build import Plan
    from footback.plan.levels import LevelState


# Narrower than this, the table's step and dose columns would split a name or a dose over rows.
TABLE_WIDTH = 80


def _blocks(out: Console, made: Plan) -> None:
    """One block per step: its number and name, then its dose and why, each hanging under the name."""
    from footback.render.console import hanging

    digits = len(str(len(made.steps)))
    for number, planned in enumerate(made.steps, start=1):
        step = planned.step
        lead = f"{number:>{digits}}  "
        out.print(hanging(lead, step.name))
        out.print(hanging(" " * len(lead), dose_text(step.seconds, step.reps, step.each_side)))
        out.print(hanging(" " * len(lead), " ".join(planned.reasons)))


def render_plan(out: Console, made: Plan) -> None:
    from rich.table import Table
    from rich.text import Text

    routine = made.routine()
    minutes = routine.total_seconds() / 60
    out.print(
        Text(f"Your plan: {plural(len(made.steps), 'step')}, about {minutes:.0f} minutes", style="bold")
    )
    out.print(Text(made.description))
    if made.pregnancy is not None:
        from footback.stretch.pregnancy import pregnancy_lines

        for line in pregnancy_lines(made.swaps, made.pregnancy):
            out.print(Text(line))
    if out.width < TABLE_WIDTH:
        _blocks(out, made)
    else:
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
    for caution in made.shown_cautions:
        out.print(Text(caution), style="dim")
    if routine.equipment:
        out.print(Text("You need: " + "; ".join(routine.equipment)))


def plan_json(made: Plan, path: Path | None, state: LevelState | None) -> dict[str, Any]:
    """`plan --json`: the plan, where it was saved, every step with its reasons, and the level."""
    return {
        "assessed_at": made.assessed_at.isoformat(),
        "saved_to": str(path) if path is not None else None,
        "description": made.description,
        "total_seconds": made.routine().total_seconds(),
        "cautions": made.shown_cautions,
        # null when not pregnant; else why ("assessment" or "option") and each step swapped.
        "pregnancy": None
        if made.pregnancy is None
        else {
            "from": "option" if made.pregnancy.assessed_at is None else "assessment",
            "swapped": [swap.as_json() for swap in made.swaps],
        },
        "steps": [
            {
                "name": p.step.name,
                "routine": p.routine,
                "reasons": p.reasons,
                **p.step.model_dump(mode="json"),
            }
            for p in made.steps
        ],
        "level": None
        if state is None
        else {
            "level": state.level,
            "top": state.top,
            "hold": state.dose.hold,
            "reps": state.dose.reps,
            "next_review": state.next_review.isoformat(),
            "reason": state.reason,
            "changed": state.changed is not None,
        },
    }
