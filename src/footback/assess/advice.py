"""What to do next: routines, actions, evidence notes and when to see someone. Pure functions."""

from __future__ import annotations

from footback.assess.content import AssessContent, Facts
from footback.models.assessment import Note, Recommendations, RoutineChoice, Scores


def _join(reasons: list[str]) -> str:
    text = "; ".join(reasons)
    return text[:1].upper() + text[1:] + "."


def see_someone_only(why: str, who: str, reasons: list[Note] | None = None) -> Recommendations:
    """No routine and no exercise advice: only whom to see and why."""
    return Recommendations(
        routines=[],
        routine_reasons=[],
        actions=[],
        action_details=[],
        evidence_notes=[],
        see_specialist=True,
        why_specialist=why,
        specialist=who,
        specialist_reasons=reasons or [],
    )


def urgent_recommendations(content: AssessContent) -> Recommendations:
    """A warning sign: no exercise advice at all, only 'get care'."""
    return see_someone_only(content.advice.urgent.why_specialist, "doctor")


def under_age_recommendations(content: AssessContent) -> Recommendations:
    """Under the age footback is made for: no routine, a GP with a parent or carer."""
    adults = content.safety.adults
    note = Note(id="under_age", text=adults.notice, source_ids=adults.sources)
    return see_someone_only(adults.notice, adults.who, [note])


def _mentions(content: AssessContent, facts: Facts) -> list[Note]:
    """Red flags answered yes that do not count here (e.g. a cancer history without back pain)."""
    notes = []
    for q in content.questions.questions:
        flag = q.red_flag
        if flag is not None and flag.mention and facts.get(q.id) is True and not flag.counts(facts):
            text = flag.mention
            notes.append(
                Note(
                    id=q.id,
                    text=text,
                    source_ids=flag.sources,
                )
            )
    return notes


def recommend(content: AssessContent, facts: Facts, scores: Scores) -> Recommendations:
    """Advice for a non-urgent assessment, every item tied to the rule and source behind it."""
    adv = content.advice
    facts = facts | {
        "foot_level": scores.foot.level,
        "back_level": scores.back.level,
        "link_level": scores.link.level,
    }
    chosen = [r for r in adv.routines.rules if r.applies(facts)]
    reasons = [RoutineChoice(routine=r.routine, reason=r.reason, source_ids=[r.source]) for r in chosen]
    names = [r.routine for r in chosen]
    if all(name in names for name in adv.routines.combine):
        first = names.index(adv.routines.combine[0])
        names = [n for n in names if n not in adv.routines.combine]
        names.insert(first, adv.routines.both)
    if not names:
        names = [adv.routines.fallback]
        reasons = [
            RoutineChoice(
                routine=adv.routines.fallback,
                reason=adv.routines.fallback_reason,
                source_ids=[adv.routines.fallback_source],
            )
        ]
    actions = _mentions(content, facts) + [
        Note(id=a.id, text=a.text, source_ids=[a.source]) for a in adv.actions if a.applies(facts)
    ]
    notes = [Note(id=n.id, text=n.text, source_ids=n.sources) for n in adv.evidence_notes if n.applies(facts)]
    specialist = [s for s in adv.specialist if s.applies(facts)]
    who = list(dict.fromkeys(s.who for s in specialist))
    return Recommendations(
        routines=names,
        routine_reasons=reasons,
        actions=[a.text for a in actions],
        action_details=actions,
        evidence_notes=notes,
        see_specialist=bool(specialist),
        why_specialist=_join([s.why for s in specialist]) if specialist else None,
        specialist=", or a ".join(who) if who else None,
        specialist_reasons=[Note(id=s.id, text=s.why, source_ids=[s.source]) for s in specialist],
    )
