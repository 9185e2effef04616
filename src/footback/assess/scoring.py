"""Scoring: answers in, three explained scores and the STarT Back grouping out. Pure functions."""

from __future__ import annotations

from footback.assess.content import AssessContent, Facts, ScoreSpec, StartBackSpec
from footback.assess.model import FactorHit, RedFlagHit, Score, Scores, StartBack
from footback.content.loader import sources
from footback.content.questions import Answers
from footback.core.models import SCORE_NAMES, ScoreName


def derive_facts(answers: Answers) -> Facts:
    """The answers plus facts worked out from them (BMI from height and weight)."""
    facts: Facts = dict(answers)
    height, weight = answers.get("height_cm"), answers.get("weight_kg")
    if isinstance(height, int | float) and isinstance(weight, int | float) and height > 0:
        facts["bmi"] = round(float(weight) / (float(height) / 100) ** 2, 1)
    return facts


def red_flags(content: AssessContent, answers: Answers) -> list[RedFlagHit]:
    """Every warning sign answered yes, emergencies first."""
    src = sources()
    hits = [
        RedFlagHit(
            id=q.id,
            severity=q.red_flag.severity,
            question=q.text,
            advice=q.red_flag.advice,
            source="; ".join(src.cite(s) for s in q.red_flag.sources),
            source_ids=q.red_flag.sources,
        )
        for q in content.questions.questions
        if q.red_flag is not None and answers.get(q.id) is True
    ]
    return sorted(hits, key=lambda h: h.severity != "emergency")


def score_one(spec: ScoreSpec, facts: Facts) -> tuple[int, list[FactorHit]]:
    """Sum the points of every factor that holds, capped at 100."""
    if spec.requires and not all(c.holds(facts.get(k)) for k, c in spec.requires.items()):
        return 0, []
    src = sources()
    hits = [
        FactorHit(id=f.id, points=f.points, reason=f.reason, source=src.cite(f.source), source_ids=[f.source])
        for f in spec.factors
        if f.applies(facts)
    ]
    return min(100, sum(h.points for h in hits)), hits


def startback(spec: StartBackSpec, facts: Facts) -> StartBack | None:
    """The STarT Back grouping; None without back pain (the tool is for people with back pain)."""
    if facts.get("back_pain") in (None, "none"):
        return None
    scored = [item for item in spec.items if all(c.holds(facts.get(k)) for k, c in item.when.items())]
    total = len(scored)
    psychosocial = sum(1 for item in scored if item.psychosocial)
    if total <= spec.low_max_total:
        group = "low"
    elif psychosocial >= spec.high_min_psychosocial:
        group = "high"
    else:
        group = "moderate"
    return StartBack(total=total, psychosocial=psychosocial, group=group)


def score_all(content: AssessContent, facts: Facts) -> tuple[Scores, StartBack | None]:
    """The foot, back and link scores; the back level follows STarT Back when there is back pain."""
    specs = content.scoring.scores
    results: dict[ScoreName, Score] = {}
    for name in SCORE_NAMES:
        spec = specs[name]
        points, hits = score_one(spec, facts)
        results[name] = Score(score=points, level=spec.level_for(points), factors=hits, note=spec.level_note)
    grouping = startback(content.scoring.startback, facts)
    if grouping is not None:
        results["back"] = results["back"].model_copy(update={"level": grouping.group})
    return Scores(**results), grouping
