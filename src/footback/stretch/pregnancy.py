"""Pregnancy: steps done lying flat on the back are swapped for their data-defined versions.

From about 16 weeks of pregnancy nothing is done lying flat on the back (data/pregnancy.toml
cites the source). footback does not ask how far along a pregnancy is, so the swap applies
whenever the latest saved assessment says `pregnant`, or the person asks with `--pregnant`.
`stretch` and `plan` both use `swap_steps`, so they swap the same steps the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footback.core.errors import BadInputError
from footback.core.models import StrictModel
from footback.core.text import plural
from footback.stretch.routine_file import Routine, Step

if TYPE_CHECKING:
    from footback.content.questions import Answers


class PregnancyContent(StrictModel):
    source: str
    from_assessment: str
    from_option: str
    swapped: str
    left_out: str
    pregnant: str
    unsaid: str


@cache
def load_pregnancy_content() -> PregnancyContent:
    from footback.content.loader import kept_or_loaded, sources

    def check(content: PregnancyContent) -> None:
        sources().check([content.source], "data/pregnancy.toml: source")

    return kept_or_loaded("pregnancy", PregnancyContent, "pregnancy.toml", check)


@dataclass(frozen=True)
class Swap:
    """One step done lying on the back, and what is played instead (None: left out)."""

    step: str
    variant: str | None

    def as_json(self) -> dict[str, Any]:
        return {"step": self.step, "variant": self.variant}


@dataclass(frozen=True)
class Pregnancy:
    """Why the swap applies: the assessment's date, or None when `--pregnant` asked for it."""

    assessed_at: datetime | None


def swap_step(step: Step) -> tuple[Step | None, Swap | None]:
    """The step to play in pregnancy (None: leave it out) and the swap made (None: kept as is)."""
    if not step.lying_on_back:
        return step, None
    variant = step.pregnancy
    return variant, Swap(step.name, variant.name if variant is not None else None)


def swap_steps(steps: Sequence[Step]) -> tuple[list[Step], list[Swap]]:
    """Every step with the steps done lying on the back swapped or left out."""
    kept: list[Step] = []
    swaps: list[Swap] = []
    for step in steps:
        played, swap = swap_step(step)
        if played is not None:
            kept.append(played)
        if swap is not None:
            swaps.append(swap)
    return kept, swaps


def for_pregnancy(routine: Routine) -> tuple[Routine, list[Swap]]:
    """The routine to play in pregnancy, and what was swapped."""
    steps, swaps = swap_steps(routine.steps)
    if not steps:
        raise BadInputError(
            f"routine {routine.name!r}: every step is done lying on your back and none has a "
            "pregnancy version, so there is nothing to play"
        )
    return routine.model_copy(update={"steps": steps}), swaps


def pregnancy_lines(swaps: Sequence[Swap], why: Pregnancy) -> list[str]:
    """What the screen says: one line for the swapped steps, one for any left out."""
    text = load_pregnancy_content()
    reason = (
        text.from_option
        if why.assessed_at is None
        else text.from_assessment.format(date=f"{why.assessed_at:%Y-%m-%d}")
    )
    swapped = sum(1 for s in swaps if s.variant is not None)
    left_out = len(swaps) - swapped
    lines = []
    if swapped:
        lines.append(text.swapped.format(why=reason, steps=plural(swapped, "step")))
    if left_out:
        lines.append(text.left_out.format(why=reason, steps=plural(left_out, "step")))
    return lines


def pregnancy_of(option: bool, answers: Answers | None, assessed_at: datetime | None) -> Pregnancy | None:
    """Whether to swap: `--pregnant`, else the latest assessment's `pregnant` answer."""
    if option:
        return Pregnancy(None)
    if answers is not None and answers.get("pregnant") is True and assessed_at is not None:
        return Pregnancy(assessed_at)
    return None


def pregnancy_said(option: bool, answers: Answers | None) -> bool | None:
    """True with `--pregnant` or an assessment that says pregnant, False when it says not, None
    when nothing says (no assessment, or the optional question skipped)."""
    if option:
        return True
    said = None if answers is None else answers.get("pregnant")
    return said if isinstance(said, bool) else None


def pregnancy_note(lying_on_back: bool, said: bool | None) -> str | None:
    """The note on lying on the back in pregnancy, for steps that include one done lying on the
    back: for the pregnant, and for whoever has not said; None for a person who said not pregnant."""
    if not lying_on_back or said is False:
        return None
    text = load_pregnancy_content()
    return text.pregnant if said else text.unsaid


@dataclass(frozen=True)
class Latest:
    """What the latest saved assessment (or `--pregnant`) says: the swap's reason, if any, and
    `pregnancy_said`."""

    swap: Pregnancy | None
    said: bool | None


def latest_pregnancy(folder: Path, option: bool, now: datetime) -> Latest:
    """`pregnancy_of` and `pregnancy_said` for the latest saved assessment (its date on the clock
    it was made by, records/window.py); never creates the store."""
    if option:
        return Latest(Pregnancy(None), True)
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    if store is None:
        return Latest(None, None)
    from footback.records.assessments import latest_assessment  # only with a store to read

    with store:
        saved = latest_assessment(store)
    if saved is None:
        return Latest(None, None)
    swap = pregnancy_of(False, saved.answers, saved.local_time(now))
    return Latest(swap, pregnancy_said(False, saved.answers))
