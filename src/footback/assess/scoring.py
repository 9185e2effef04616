"""Scoring: answers in, three explained scores and the STarT Back grouping out. Pure functions."""

from __future__ import annotations

from footback.assess.content import AssessContent, Facts, ScoreSpec, StartBackSpec
from footback.content.loader import Sources
from footback.content.questions import Answers
from footback.core.models import SCORE_NAMES, ScoreName
from footback.core.safety import evaluate
from footback.models.assessment import FactorHit, Group, RedFlagHit, Score, Scores, StartBack

# Evidence levels that rest on a published study or guideline (data/sources.toml).
PUBLISHED = frozenset({"published", "association"})


def derive_facts(answers: Answers) -> Facts:
    """The answers plus facts worked out from them (BMI from height and weight)."""
    facts: Facts = dict(answers)
    height, weight = answers.get("height_cm"), answers.get("weight_kg")
    if isinstance(height, int | float) and isinstance(weight, int | float) and height > 0:
        facts["bmi"] = round(float(weight) / (float(height) / 100) ** 2, 1)
    return facts


def warning_signs(content: AssessContent, answers: Answers) -> list[RedFlagHit]:
    """Every warning sign these answers show, emergencies first (the rule is core.safety's).

    Single red flags, combinations and age rules all come from data/assess/. A sign missing from
    the answers does not hold, so callers ask every one that applies (or stop with an error)
    and never fill one in; a check-in's unticked signs were shown and passed over. This is the
    public entry point for any command that asks the warning-sign questions (assess, checkin).
    """
    facts = derive_facts(answers)
    signs = evaluate(content.sign_rules(), facts)
    by_question = {q.id: q for q in content.questions.questions}
    derived = {d.id: d for d in content.safety.signs}
    hits: list[RedFlagHit] = []
    for sign in signs:
        if sign.id in by_question:
            q = by_question[sign.id]
            assert q.red_flag is not None
            flag = q.red_flag
            label, question, advice, ids, title = flag.label, q.text, flag.advice, flag.sources, flag.title
        else:
            d = derived[sign.id]
            label, question, advice, ids, title = d.label, d.question, d.advice, d.sources, d.title
        hits.append(
            RedFlagHit(
                id=sign.id,
                severity=sign.severity,
                question=question,
                advice=advice,
                source_ids=ids,
                label=label,
                standing=sign.standing,
                title=title,
            )
        )
    return hits


def score_one(spec: ScoreSpec, facts: Facts, src: Sources) -> tuple[int, list[FactorHit]]:
    """Sum the points of every factor that holds, capped at 100."""
    if spec.requires and not all(c.holds(facts.get(k)) for k, c in spec.requires.items()):
        return 0, []
    hits = [
        FactorHit(
            id=f.id,
            points=f.points,
            reason=f.reason,
            source_ids=f.source_ids,
            evidence=src.sources[f.source].evidence,
        )
        for f in spec.factors
        if f.applies(facts)
    ]
    if spec.cap_unpublished:
        return capped_points(hits, src), hits
    return min(100, sum(h.points for h in hits)), hits


def from_study(hit: FactorHit, src: Sources) -> bool:
    """Whether a factor rests on a published study or guideline, not on the article or opinion."""
    return any((s := src.sources.get(i)) is not None and s.evidence in PUBLISHED for i in hit.source_ids)


def counts_in_full(score: Score, hit: FactorHit, src: Sources) -> bool:
    """Whether all of a factor's points count: not so for a factor resting only on the article or
    opinion in a score whose weaker points were cut (shown as '45 points, 0 counted')."""
    cut = score.score < min(100, sum(f.points for f in score.factors))
    return not cut or from_study(hit, src)


def capped_points(hits: list[FactorHit], src: Sources) -> int:
    """Points where factors resting only on the article or expert opinion make at most a third.

    With P points from studies and U from the rest, U counts up to P / 2: then U is at most a
    third of P + U. No study factor, no score.
    """
    studied = sum(h.points for h in hits if from_study(h, src))
    other = sum(h.points for h in hits if not from_study(h, src))
    return min(100, studied + min(other, studied // 2))


def startback(spec: StartBackSpec, facts: Facts, adult: bool = True) -> StartBack | None:
    """The STarT Back grouping; None without back pain or under 16 (the tool is for adults with it)."""
    if facts.get("back_pain") in (None, "none") or not adult:
        return None
    scored = [item for item in spec.items if all(c.holds(facts.get(k)) for k, c in item.when.items())]
    total = len(scored)
    psychosocial = sum(1 for item in scored if item.psychosocial)
    group: Group
    if total <= spec.low_max_total:
        group = "low"
    elif psychosocial >= spec.high_min_psychosocial:
        group = "high"
    else:
        group = "medium"
    summary = spec.summary.format(group=group, total=total, psychosocial=psychosocial)
    return StartBack(
        total=total,
        psychosocial=psychosocial,
        group=group,
        summary=summary,
        notice=spec.notice,
        short_notice=spec.short_notice,
    )


def is_adult(content: AssessContent, facts: Facts) -> bool:
    """False only when an age is given and is under the age footback is made for."""
    age = facts.get("age")
    return not (
        isinstance(age, int | float) and not isinstance(age, bool) and age < content.safety.adults.min_age
    )


# A STarT Back group as a score level (the score levels keep their own names).
GROUP_LEVEL = {"low": "low", "medium": "moderate", "high": "high"}


def score_all(content: AssessContent, facts: Facts) -> tuple[Scores, StartBack | None]:
    """The foot, back and link scores; the back level follows STarT Back when there is back pain."""
    specs = content.scoring.scores
    results: dict[ScoreName, Score] = {}
    for name in SCORE_NAMES:
        spec = specs[name]
        points, hits = score_one(spec, facts, content.sources)
        # With the cap, no factor from a study means 0 points, so never `high` without one.
        level = spec.level_for(points)
        src = content.sources
        extra = {}
        if spec.cap_unpublished:
            # Counted from studies only: the article's patterns are not "known associations".
            extra = {
                "associations": sum(1 for h in hits if from_study(h, src)),
                "known_associations": sum(
                    1 for f in spec.factors if any(src.sources[i].evidence in PUBLISHED for i in f.source_ids)
                ),
            }
        results[name] = Score(score=points, level=level, factors=hits, note=spec.level_note, **extra)
    grouping = startback(content.scoring.startback, facts, is_adult(content, facts))
    if grouping is not None:
        results["back"] = results["back"].model_copy(update={"level": GROUP_LEVEL[grouping.group]})
    return Scores(**results), grouping
