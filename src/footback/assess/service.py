"""The assessment as one pure function: answers in, an AssessmentResult out."""

from __future__ import annotations

from footback.assess.advice import recommend, urgent_recommendations
from footback.assess.content import AssessContent
from footback.assess.model import AssessmentResult
from footback.assess.scoring import derive_facts, red_flags, score_all
from footback.content.questions import Answers, drop_inapplicable


def assess(content: AssessContent, answers: Answers) -> AssessmentResult:
    """Screen for red flags, score, and advise. Red flags suppress all exercise advice."""
    answers = drop_inapplicable(content.questions.questions, answers)
    facts = derive_facts(answers)
    flags = red_flags(content, answers)
    scores, grouping = score_all(content, facts)
    recs = urgent_recommendations(content) if flags else recommend(content, facts, scores)
    bmi = facts.get("bmi")
    return AssessmentResult(
        urgent=bool(flags),
        red_flags=flags,
        scores=scores,
        startback=grouping,
        recommendations=recs,
        bmi=bmi if isinstance(bmi, float) else None,
        disclaimer=content.questions.disclaimer,
    )
