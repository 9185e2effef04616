"""One shoe check's result: what `shoes-check --json` prints and the store keeps (table `shoe_checks`)."""

from __future__ import annotations

from typing import ClassVar, Literal

from pydantic import Field

from footback.core.cited import Cited
from footback.core.models import StrictModel
from footback.core.units import DistanceUnit

Verdict = Literal["good", "needs_attention", "replace"]
# Worst last: a verdict floor can only move a result to the right.
VERDICTS: tuple[Verdict, ...] = ("good", "needs_attention", "replace")


class ProblemHit(Cited):
    id: str
    points: int
    reason: str
    fix: str
    evidence: str
    source_ids: list[str]

    source_before: ClassVar[str | None] = "evidence"


class NoteHit(Cited):
    id: str
    text: str
    evidence: str
    source_ids: list[str]

    source_before: ClassVar[str | None] = "evidence"


class WearHint(Cited):
    outsole_wear: str
    text: str
    # Written out as `source` alone (the ids are not part of the result's JSON).
    source_ids: list[str] = Field(default=[], exclude=True)
    source_before: ClassVar[str | None] = None


class Milestone(StrictModel):
    """A distance past which the verdict is at least `verdict` (e.g. 560 km: needs_attention)."""

    km: float
    verdict: Verdict


class ShoeCheckResult(StrictModel):
    """What `--json` prints and what the store keeps for one check."""

    verdict: Verdict
    score: int
    summary: str
    problems: list[ProblemHit]
    notes: list[NoteHit]
    pair: str | None = None
    # "add_distance": recomputed from the pair's last check with more distance, not a new hand check.
    origin: Literal["check", "add_distance"] = "check"
    shoe_type: str
    distance_km: float | None = None
    distance_unit: DistanceUnit = "km"
    milestones: list[Milestone] = []
    wear_pattern: WearHint | None = None
    assess_shoe_wear: str | None = None
    weights_note: str
    disclaimer: str
