"""footback's triage benchmark: the vignettes of tests/assess/vignettes.toml run through `assess`,
tallied the way symptom-checker studies report triage (Semigran, BMJ 2015; Schmieding, JMIR 2022):
per expected level, how many were right, over-triaged (sent somewhere more urgent) or
under-triaged (less urgent), and the sensitivity for emergencies and for urgent cases.

Used by tests/assess/test_vignettes.py (CI) and bench/triage.py (the table in docs/triage.md).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from footback.assess.content import load_assess_content
from footback.assess.service import assess, to_ask
from tests.support.helpers import no_problem_answers

VIGNETTES = Path(__file__).resolve().parents[1] / "assess" / "vignettes.toml"
LEVELS = ("emergency", "urgent", "self_care")
# Higher is more urgent.
RANK = {"self_care": 0, "urgent": 1, "emergency": 2}
NAMES = {"emergency": "Emergency", "urgent": "Urgent (a doctor today or soon)", "self_care": "Self care"}


@dataclass(frozen=True)
class Vignette:
    id: str
    group: str
    story: str
    answers: dict[str, Any]
    expected: str
    source: str


@dataclass(frozen=True)
class Outcome:
    vignette: Vignette
    triage: str
    # Questions footback would still ask for these answers: a benchmark case must be complete.
    unanswered: tuple[str, ...]
    signs: tuple[str, ...]  # the warning signs footback found

    @property
    def right(self) -> bool:
        return self.triage == self.vignette.expected

    @property
    def over(self) -> bool:
        return RANK[self.triage] > RANK[self.vignette.expected]

    @property
    def under(self) -> bool:
        return RANK[self.triage] < RANK[self.vignette.expected]


def load_vignettes(path: Path = VIGNETTES) -> list[Vignette]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [Vignette(**item) for item in data["vignettes"]]


def run_vignette(vignette: Vignette) -> Outcome:
    """The vignette's answers over a complete no-problem answers set, through `assess`."""
    content = load_assess_content()
    answers = no_problem_answers() | vignette.answers
    result = assess(content, answers)
    signs = tuple(f.id for f in result.red_flags)
    return Outcome(vignette, result.triage, tuple(to_ask(content, answers)), signs)


def run_all(path: Path = VIGNETTES) -> list[Outcome]:
    return [run_vignette(v) for v in load_vignettes(path)]


def table(outcomes: list[Outcome]) -> str:
    """The results as a Markdown table, then the two sensitivities, in the studies' form."""

    def pct(part: int, whole: int) -> str:
        return f"{part / whole * 100:.0f}%" if whole else "-"

    lines = [
        "| expected triage | vignettes | right | over-triaged | under-triaged | right (%) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for level in LEVELS:
        mine = [o for o in outcomes if o.vignette.expected == level]
        right, over, under = (sum(getattr(o, k) for o in mine) for k in ("right", "over", "under"))
        lines.append(
            f"| {NAMES[level]} | {len(mine)} | {right} | {over} | {under} | {pct(right, len(mine))} |"
        )
    total = len(outcomes)
    right = sum(o.right for o in outcomes)
    over = sum(o.over for o in outcomes)
    under = sum(o.under for o in outcomes)
    lines.append(f"| all | {total} | {right} | {over} | {under} | {pct(right, total)} |")
    emergencies = [o for o in outcomes if o.vignette.expected == "emergency"]
    urgent = [o for o in outcomes if o.vignette.expected == "urgent"]
    sent_emergency = sum(o.triage == "emergency" for o in emergencies)
    sent_doctor = sum(RANK[o.triage] >= RANK["urgent"] for o in urgent)
    lines += [
        "",
        f"Emergency sensitivity (emergencies sent to emergency care): {sent_emergency} of "
        f"{len(emergencies)} ({pct(sent_emergency, len(emergencies))}).",
        f"Urgent sensitivity (urgent cases sent to a doctor or further): {sent_doctor} of "
        f"{len(urgent)} ({pct(sent_doctor, len(urgent))}).",
    ]
    return "\n".join(lines) + "\n"
