"""`footback plan` behind the option parsing: the latest assessment, the warning-sign gate, the plan."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footback.core.runtime import Runtime
    from footback.plan.build import Plan
    from footback.plan.content import PlanContent
    from footback.plan.levels import LevelState


@dataclass(frozen=True)
class PlanOutcome:
    content: PlanContent
    made: Plan | None = None
    saved_to: Path | None = None
    # Why no plan was made, when the gate has not already said so.
    refusal: str | None = None
    # The progression level the doses follow (None when levels do not apply).
    level: LevelState | None = None


@dataclass(frozen=True)
class PlanRequest:
    """What `footback plan` was asked (cli/ parses the options)."""

    save: bool = True
    seen_clinician: bool = False
    pregnant: bool = False
    review: bool = False
    level: int | None = None
    no_color: bool = False
    # `--json`: the clinician question and the lines around the plan go to stderr.
    as_json: bool = False


def make_plan(env: Runtime, request: PlanRequest) -> PlanOutcome:
    """Build (and unless told not to, save) the plan from the latest assessment; no plan without an
    assessment, or while a warning sign has not been seen by a clinician."""
    from footback.assess.gate import ClinicianQuestion, open_gate, pass_gate
    from footback.plan.build import build_plan, plan_toml, save_plan
    from footback.plan.content import load_plan_content
    from footback.records.assessments import latest_assessment
    from footback.records.db import read_store
    from footback.stretch.catalogue import load_builtin

    folder, now = env.data_dir, env.clock.now()
    content = load_plan_content()
    found = read_store(folder, lambda store: (latest_assessment(store), open_gate(store)))
    saved, gate = found or (None, None)
    if saved is None:
        return PlanOutcome(content, refusal=content.no_assessment)
    if gate is not None:
        question = ClinicianQuestion(gate, request.seen_clinician, request.no_color, stderr=request.as_json)
        passed = pass_gate(env, question)
        if not passed:
            return PlanOutcome(content)
    if saved.result.needs_clinician:
        return PlanOutcome(content, refusal=content.declined)
    from footback.plan.levels import level_for_plan
    from footback.plan.progression import apply_dose
    from footback.stretch.pregnancy import pregnancy_note, pregnancy_of, pregnancy_said

    age = saved.answers.get("age")
    rule = content.progression
    state = level_for_plan(
        folder,
        rule,
        now=now,
        age=age if isinstance(age, int) else None,
        review_now=request.review,
        manual=request.level,
        save=request.save,
    )
    pregnancy = pregnancy_of(request.pregnant, saved.answers, saved.local_time(now))
    made = build_plan(saved.result, saved.local_time(now), content, load_builtin, pregnancy)
    note = pregnancy_note(made.lying_on_back, pregnancy_said(request.pregnant, saved.answers))
    made = replace(made, pregnancy_note=note)
    if state is not None:
        made = apply_dose(made, state.dose, rule.steps)
    path = save_plan(plan_toml(made, now), folder) if request.save else None
    return PlanOutcome(content, made, path, level=state)
