"""The first assessment's guided next steps: your plan, a daily reminder, the daily check-in, and
offers to save the plan and write the reminder file there and then, one key each (Enter
accepts, n skips: `daily.one_key`).

Asked only on a terminal, after the first assessment, when nothing is scripted (no --answers,
--json or --no-save) and no warning sign stopped the advice; the steps are still listed after a
first assessment from an answers file, and never with --json.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.core.runtime import Runtime
from footback.records.folder import REMINDER_FILE

if TYPE_CHECKING:
    from footback.assess.flow import AssessRequest
    from footback.models.assessment import AssessmentResult
    from footback.records.assessments import SavedAssessment
    from footback.today.content import FirstRunText


@dataclass(frozen=True)
class FirstRunRequest:
    """How the assessment just shown was asked for."""

    scripted: bool  # --answers: list the steps, ask nothing
    # --json, --no-save, --quick, a warning sign stopped the advice, or not the first: nothing.
    silent: bool = False
    no_color: bool = False

    @classmethod
    def after(
        cls, asked: AssessRequest, shown: tuple[AssessmentResult, SavedAssessment | None]
    ) -> FirstRunRequest:
        """For the assessment just shown and the scored one before it (None: this is the first,
        or every earlier one stopped at a warning sign, so no routine was ever given)."""
        result, previous = shown
        silent = (
            asked.as_json or asked.no_save or asked.quick or result.needs_clinician or previous is not None
        )
        return cls(scripted=asked.answers is not None, silent=silent, no_color=asked.no_color)


def guide_first_run(env: Runtime, request: FirstRunRequest) -> None:
    """After the first assessment: the next steps in order, then (on a terminal) the two offers."""
    from footback.core.paths import plan_path

    # Read from what the assessment already knew: opening the store again here would tighten a
    # folder of the person's own that footback did not make (core.paths.ensure_data_dir).
    if request.silent or plan_path(env.data_dir).is_file():
        return
    from footback.daily.one_key import offer_one_key
    from footback.render.console import hanging
    from footback.today.content import load_today_content

    text = load_today_content().first_run
    console = env.console(no_color=request.no_color)
    console.print()
    console.print(text.heading, style="bold", markup=False)
    for number, step in enumerate(text.steps, start=1):
        console.print(hanging(f"  {number}. ", step.format(file=REMINDER_FILE)))
    if request.scripted or not env.stdin_tty:
        return

    def say(line: str) -> None:
        console.print(hanging("  ", line))

    def offer(question: str) -> bool:
        return offer_one_key(env, console, question + text.keys, lambda: say(text.again))

    console.print()
    if offer(text.plan_question):
        _save_plan(env, text, say)
    else:
        say(text.plan_skipped)
    if offer(text.remind_question.format(file=REMINDER_FILE)):
        _write_reminders(env, text, say)
    else:
        say(text.remind_skipped.format(file=REMINDER_FILE))
    say(text.after)


def _save_plan(env: Runtime, text: FirstRunText, say: Callable[[str], None]) -> None:
    from footback.core.text import plural, safe_line
    from footback.plan.service import PlanRequest, make_plan

    # No warning sign is open here (the advice is silent after one), so the plan asks nothing.
    outcome = make_plan(env, PlanRequest(save=True))
    if outcome.made is None or outcome.saved_to is None:
        say(outcome.refusal or text.plan_skipped)
        return
    steps = plural(len(outcome.made.steps), "step")
    say(text.plan_saved.format(steps=steps, path=safe_line(str(outcome.saved_to))))


def _write_reminders(env: Runtime, text: FirstRunText, say: Callable[[str], None]) -> None:
    from footback.core.errors import FootbackError
    from footback.daily.reminders import write_own_reminders

    try:
        # Kept with the data (never in the folder footback ran in), so `forget` deletes it too.
        made, path = write_own_reminders(env.data_dir, env.clock.now())
    except FootbackError as exc:
        # The data folder may not take it (full, no permission): say so and go on.
        say(exc.message)
        say(text.remind_skipped.format(file=REMINDER_FILE))
        return
    from footback.core.text import safe_line

    times = ", ".join(f"{r.at:%H:%M} {r.routine}" for r in made)
    # The whole path: the person has to find the file to import it.
    say(text.remind_written.format(file=safe_line(str(path)), times=times))
