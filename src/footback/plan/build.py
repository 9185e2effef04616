"""`footback plan`: a personal routine picked from the catalogue by the latest assessment.

The plan is saved as `plan.toml` in the data folder, in the public routine file format, so
`footback stretch --routine plan` plays it like any routine file (see `stretch.catalogue.load_saved_plan`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from footback.core.errors import ContentError, FootbackError
from footback.core.files import write_private
from footback.core.models import PLAN_NAME
from footback.core.paths import PLAN_FILE, ensure_data_dir, plan_path
from footback.models.assessment import AssessmentResult
from footback.plan.content import PlanContent
from footback.stretch.pregnancy import Pregnancy, Swap, swap_step
from footback.stretch.routine_file import Routine, Step, parse_routine_file

MAX_NOTE = 1000


@dataclass
class PlannedStep:
    step: Step
    routine: str
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Plan:
    assessed_at: datetime
    description: str
    cautions: list[str]
    steps: list[PlannedStep]
    # In pregnancy: why, and the steps done lying on the back that were swapped (or left out).
    pregnancy: Pregnancy | None = None
    swaps: list[Swap] = field(default_factory=list)
    # Shown with the cautions, never saved in plan.toml: playing it decides again (stretch).
    pregnancy_note: str | None = None

    @property
    def lying_on_back(self) -> bool:
        """A picked step is done lying on the back (or was, before its pregnancy swap)."""
        return bool(self.swaps) or any(planned.step.lying_on_back for planned in self.steps)

    @property
    def shown_cautions(self) -> list[str]:
        """The cautions the screen and --json give: the routines' and the pregnancy note."""
        return [*self.cautions, *([self.pregnancy_note] if self.pregnancy_note else [])]

    def routine(self) -> Routine:
        """The plan as a playable routine (reasons go into each step's note)."""
        return Routine(
            name=PLAN_NAME,
            description=self.description,
            cautions=self.cautions,
            source="plan",
            steps=[with_reason(p) for p in self.steps],
        )


def with_reason(planned: PlannedStep) -> Step:
    """The catalogue step with 'Why: ...' in front of its note, so the player shows it too."""
    why = "Why: " + " ".join(planned.reasons)
    note = why if not planned.step.note else f"{why}\n{planned.step.note}"
    return planned.step.model_copy(update={"note": note[:MAX_NOTE]})


def _levels(result: AssessmentResult) -> dict[str, str]:
    return {name: score.level for name, score in result.scores.named()}


def _fill(text: str, levels: dict[str, str]) -> str:
    return text.format_map({f"{name}_level": level for name, level in levels.items()})


def build_plan(
    result: AssessmentResult,
    assessed_at: datetime,
    content: PlanContent,
    load_routine: Callable[[str], Routine],
    pregnancy: Pregnancy | None = None,
) -> Plan:
    """Pick catalogue steps for the assessment's factors and levels; each keeps its reasons.

    In pregnancy a step done lying on the back is swapped for its pregnancy version (which keeps
    the step's reasons), or left out when it has none.
    """
    if result.needs_clinician:
        raise FootbackError("the latest assessment found a warning sign; no plan is made")
    factor_ids = {hit.id for _, score in result.scores.named() for hit in score.factors}
    levels = _levels(result)
    picks = [p for p in content.picks if p.applies(factor_ids, levels)] or [content.fallback]

    chosen: dict[str, PlannedStep] = {}
    keys: dict[str, tuple[int, int]] = {}
    cautions: dict[str, None] = {}
    swaps: dict[str, Swap] = {}
    for pick in picks:
        routine = load_routine(pick.routine)
        by_name = {step.name: (index, step) for index, step in enumerate(routine.steps)}
        wanted = pick.steps or [step.name for step in routine.steps]
        for name in wanted:
            if name not in by_name:
                raise ContentError(
                    f"data/plan.toml: pick {pick.id}: routine {pick.routine!r} has no step {name!r}"
                )
            index, step = by_name[name]
            if pregnancy is not None:
                played, swap = swap_step(step)
                if swap is not None:
                    swaps.setdefault(name, swap)
                if played is None:
                    continue
                step = played
            planned = chosen.setdefault(name, PlannedStep(step=step, routine=pick.routine))
            keys.setdefault(name, (_rank(content.order, pick.routine), index))
            reason = _fill(pick.reason, levels)
            if reason not in planned.reasons:
                planned.reasons.append(reason)
        for text in routine.cautions:
            cautions.setdefault(text, None)
    ordered = [chosen[name] for name in sorted(chosen, key=keys.__getitem__)]
    return Plan(
        assessed_at=assessed_at,
        description=content.description.format(date=f"{assessed_at:%Y-%m-%d}"),
        cautions=list(cautions),
        steps=ordered,
        pregnancy=pregnancy,
        swaps=list(swaps.values()),
    )


def _rank(order: list[str], routine: str) -> int:
    return order.index(routine) if routine in order else len(order)


def _toml_str(text: str) -> str:
    """A TOML basic string. JSON's escapes are TOML's, except DEL, which TOML wants escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {_toml_value(item)}" for key, item in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def plan_toml(plan: Plan, now: datetime) -> str:
    """The plan in the public routine file format, with each step's reason as a comment."""
    routine = plan.routine()
    lines = [
        f"# footback plan: made {now:%Y-%m-%d %H:%M} from the assessment of {plan.assessed_at:%Y-%m-%d}.",
        "# `footback plan` replaces this file; copy it elsewhere to keep your own edits.",
        f"name = {_toml_str(routine.name)}",
        f"description = {_toml_str(routine.description)}",
    ]
    if routine.cautions:
        lines.append(f"caution = {_toml_str(chr(10).join(routine.cautions))}")
    for planned, step in zip(plan.steps, routine.steps, strict=True):
        lines.append("")
        lines.extend(f"# Why: {reason}" for reason in planned.reasons)
        lines.append(f"# From the {planned.routine!r} routine.")
        swapped = next((s.step for s in plan.swaps if s.variant == step.name), None)
        if swapped is not None:
            lines.append(f"# The pregnancy version of {swapped!r}: not done lying on your back.")
        lines.append("[[steps]]")
        for key, value in step.model_dump(exclude_defaults=True).items():
            lines.append(f"{key} = {_toml_value(value)}")
    text = "\n".join(lines) + "\n"
    import tomli  # only when a plan is written (start-up: `progress` imports this module)

    # The file must load as a routine; a mistake here would only show when the plan is played.
    parse_routine_file(tomli.loads(text), PLAN_FILE)
    return text


def save_plan(text: str, folder: Path) -> Path:
    """Write plan.toml into the data folder (0600)."""
    from footback.records.changes import note_change

    path = plan_path(ensure_data_dir(folder))
    write_private(path, text)
    note_change(folder)  # what is due names the plan once it is saved
    return path
