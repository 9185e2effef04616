"""The shoe check as one pure function: answers in, a ShoeCheckResult out."""

from __future__ import annotations

from footback.content.loader import Sources
from footback.content.questions import Answers, Value, drop_inapplicable, when_holds
from footback.core.units import DistanceUnit
from footback.models.shoe_check import (
    VERDICTS,
    Milestone,
    NoteHit,
    ProblemHit,
    ShoeCheckResult,
    Verdict,
    WearHint,
)
from footback.shoes.content import ShoeContent


def _evidence(src: Sources, ids: list[str]) -> str:
    """The evidence levels behind these sources (e.g. 'expert opinion; article')."""
    return "; ".join(dict.fromkeys(src.sources[i].evidence for i in ids))


def worst(*verdicts: Verdict) -> Verdict:
    return max(verdicts, key=VERDICTS.index)


def milestones(content: ShoeContent, shoe_type: str) -> list[Milestone]:
    """The distance lines that apply to this kind of shoe, read from the problems' conditions."""
    found: list[Milestone] = []
    for problem in content.checks.problems:
        cond = problem.when.get("distance_km")
        if cond is None or cond.above is None or problem.at_least is None:
            continue
        rest = {name: c for name, c in problem.when.items() if name != "distance_km"}
        if when_holds(rest, {"shoe_type": shoe_type}):
            found.append(Milestone(km=cond.above, verdict=problem.at_least))
    return sorted(found, key=lambda m: m.km)


def check_shoes(
    content: ShoeContent, answers: Answers, distance_unit: DistanceUnit = "km"
) -> ShoeCheckResult:
    """Score one pair: 100 minus the points of every problem found, then the verdict and notes."""
    answers = drop_inapplicable(content.questions.questions, answers)
    facts: dict[str, Value | None] = dict(answers)
    checks = content.checks
    src = content.sources
    found = [p for p in checks.problems if p.applies(facts)]
    hidden = {other for p in found for other in p.supersedes}
    found = [p for p in found if p.id not in hidden]
    score = max(0, 100 - sum(p.points for p in found))
    verdict = worst(checks.verdict.for_score(score), *(p.at_least for p in found if p.at_least))
    facts["verdict"] = verdict
    problems = []
    for p in sorted(found, key=lambda p: -p.points):
        problems.append(
            ProblemHit(
                id=p.id,
                points=p.points,
                reason=p.reason,
                fix=p.fix,
                evidence=_evidence(src, p.sources),
                source_ids=p.sources,
            )
        )
    notes = []
    for n in checks.notes:
        if n.applies(facts):
            notes.append(
                NoteHit(id=n.id, text=n.text, evidence=_evidence(src, n.sources), source_ids=n.sources)
            )
    wear_value = answers.get("outsole_wear")
    pattern = checks.wear_patterns.get(wear_value) if isinstance(wear_value, str) else None
    shoe_type = str(answers.get("shoe_type", ""))
    distance = answers.get("distance_km")
    return ShoeCheckResult(
        verdict=verdict,
        score=score,
        summary=checks.verdict.summaries[verdict],
        problems=problems,
        notes=notes,
        shoe_type=shoe_type,
        distance_km=float(distance) if isinstance(distance, int | float) else None,
        distance_unit=distance_unit,
        milestones=milestones(content, shoe_type) if distance is not None else [],
        wear_pattern=(
            WearHint(outsole_wear=str(wear_value), text=pattern.text, source_ids=pattern.sources)
            if pattern
            else None
        ),
        assess_shoe_wear=pattern.assess_shoe_wear if pattern else None,
        weights_note=checks.weights_note,
        disclaimer=content.questions.disclaimer,
    )
