"""Warning signs reported at a check-in become an assessment result, exactly as in `assess`.

The checklist is the assessment's warning-sign questions; the answers go through the same assess
service, and so through the one warning-sign rule in core/safety, and are saved as an assessment,
so plan, stretch, history and report treat them like a sign found by `assess`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from footback.core.errors import BadInputError
from footback.core.suggest import did_you_mean
from footback.core.text import quoted

if TYPE_CHECKING:
    from footback.assess.content import AssessContent
    from footback.content.questions import Answers
    from footback.models.assessment import AssessmentResult


@dataclass(frozen=True)
class Sign:
    id: str
    text: str


def warning_signs(content: AssessContent) -> list[Sign]:
    """The assessment's warning-sign questions, in the order assess asks them."""
    return [Sign(q.id, q.text) for q in content.questions.questions if q.red_flag is not None]


def offered_signs(content: AssessContent, latest: Answers | None) -> list[Sign]:
    """The signs a check-in takes: those that apply to the person as the latest assessment
    describes them (the pregnancy signs only when it says pregnant), as `assess` would ask;
    each in its few plain words (`item`)."""
    from footback.content.questions import when_holds

    facts = checkin_answers(content, [], latest)
    questions = content.questions.questions
    return [
        Sign(q.id, q.item or q.text)
        for q in questions
        if q.red_flag is not None and when_holds(q.ask_if, facts)
    ]


def new_signs(content: AssessContent, latest: Answers | None) -> list[Sign]:
    """The signs a check-in lists as "new since last time": the offered ones that can be new
    and that `assess` would ask (the diabetic-foot sign only with diabetes or numb feet). A
    lifetime fact (`standing` in data/assess/questions.toml, such as a cancer history) comes from
    the assessment (`assess --quick` offers to update it), though `--sign` still takes it."""
    from footback.content.questions import applies

    facts = checkin_answers(content, [], latest)
    listed = {
        q.id
        for q in content.questions.questions
        if q.red_flag is not None and not q.red_flag.standing and applies(q, facts)
    }
    return [s for s in offered_signs(content, latest) if s.id in listed]


def check_sign_ids(ids: list[str], signs: list[Sign], offered: list[Sign] | None = None) -> list[str]:
    """`--sign` values must be warning-sign ids that apply; the error names the allowed ones."""
    known = [s.id for s in signs]
    for sign_id in ids:
        if sign_id not in known:
            extra = did_you_mean(sign_id, known)
            raise BadInputError(
                f"--sign: {quoted(sign_id[:40])} is not a warning sign{extra} (signs: {', '.join(known)})"
            )
        if offered is not None and sign_id not in {s.id for s in offered}:
            raise BadInputError(
                f"--sign: {quoted(sign_id)} is asked only when your latest assessment says so "
                "(for example that you are pregnant); run `footback assess` first"
            )
    return list(dict.fromkeys(ids))


def checkin_answers(content: AssessContent, sign_ids: list[str], latest: Answers | None) -> Answers:
    """The answers a check-in's warning signs stand for: the ticked signs, with the facts about
    the person (`carried` in data/assess/safety.toml) from the latest assessment."""
    carried = {key: latest[key] for key in content.safety.carried if latest is not None and key in latest}
    return carried | dict.fromkeys(sign_ids, True)


def result_for(content: AssessContent, answers: Answers) -> AssessmentResult:
    """The assessment result a check-in's answers give: the same rule and advice as `assess`."""
    from footback.assess.service import assess

    return assess(content, answers)
