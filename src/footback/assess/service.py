"""The assessment as one pure function: answers in, an AssessmentResult out."""

from __future__ import annotations

from footback.assess.advice import recommend, under_age_recommendations, urgent_recommendations
from footback.assess.content import AssessContent
from footback.assess.model import AssessmentResult
from footback.assess.scoring import derive_facts, is_adult, score_all, warning_signs
from footback.content.interview import StopCheck
from footback.content.questions import Answers, Question, drop_inapplicable
from footback.core.safety import needs_clinician, triage_of


def assess(content: AssessContent, answers: Answers) -> AssessmentResult:
    """Screen for warning signs, score, and advise. A warning sign suppresses all exercise advice."""
    answers = drop_inapplicable(content.questions.questions, answers)
    facts = derive_facts(answers)
    flags = warning_signs(content, answers)
    triage = triage_of(f.severity for f in flags)
    scores, grouping = score_all(content, facts)
    adult = is_adult(content, facts)
    if needs_clinician(triage):
        recs = urgent_recommendations(content)
    elif not adult:
        recs = under_age_recommendations(content)
    else:
        recs = recommend(content, facts, scores)
    bmi = facts.get("bmi")
    return AssessmentResult(
        triage=triage,
        urgent=needs_clinician(triage),
        red_flags=flags,
        scores=scores,
        startback=grouping,
        recommendations=recs,
        bmi=bmi if isinstance(bmi, float) else None,
        adult_notice=None if adult else content.safety.adults.notice,
        disclaimer=content.questions.disclaimer,
    )


def stops_early(content: AssessContent, answers: Answers) -> bool:
    """Whether these (file) answers already show a warning sign, so nothing else need be asked."""
    return bool(warning_signs(content, answers))


def interview_stop(content: AssessContent) -> StopCheck:
    """When the guided interview stops: at once after an emergency sign, after part 1 for an urgent one.

    The message is the emergency advice itself, so it comes before any further question; the
    interview offers `b` to change the answer.
    """
    first_part = content.questions.parts[0].id
    urgent = content.advice.urgent

    def stop(question: Question, so_far: Answers) -> str | None:
        signs = warning_signs(content, so_far)
        emergencies = [s for s in signs if s.severity == "emergency"]
        if emergencies:
            return "\n".join([urgent.emergency_title + ".", *dict.fromkeys(s.advice for s in emergencies)])
        if signs and question.part != first_part:
            return urgent.stop_urgent
        return None

    return stop
