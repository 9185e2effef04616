"""The assessment: answers in, an AssessmentResult out (pure), then compared and stored."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from footback.assess.advice import recommend, under_age_recommendations, urgent_recommendations
from footback.assess.content import AssessContent
from footback.assess.scoring import derive_facts, is_adult, score_all, warning_signs
from footback.content.interview import StopCheck
from footback.content.questions import Answers, Question, drop_inapplicable, missing_ids
from footback.core.safety import Seen, Sign, needs_clinician, seen_before, triage_of
from footback.models.assessment import AssessmentResult, Note, RedFlagHit

if TYPE_CHECKING:
    from footback.records.assessments import SavedAssessment


def open_warning_signs(
    content: AssessContent, answers: Answers, seen: Sequence[Seen] = ()
) -> list[RedFlagHit]:
    """The warning signs, each marked when an earlier clinician visit already covers it."""
    return [
        f.model_copy(update={"seen_by_clinician": True})
        if seen_before(Sign(f.id, f.severity, f.standing), seen)
        else f
        for f in warning_signs(content, answers)
    ]


def result_json(result: AssessmentResult, content: AssessContent) -> str:
    """The result as `--json` prints it, its findings cited from the content's sources (here, not in
    the render module: the JSON path loads no drawing code)."""
    from footback.core.cited import citing
    from footback.core.text import safe_json

    # Stored answers reach this (assess --last): C1 and bidi characters written as \u escapes.
    return safe_json(result.model_dump_json(indent=2, context=citing(content.sources)))


def counted_answers(content: AssessContent, answers: Answers) -> Answers:
    """The answers that count: those to questions that apply, and every yes to a warning sign,
    even one footback would not have asked. A yes is never dropped: a file that leaves out the
    optional `pregnant` but says yes to the pregnancy signs gets their advice."""
    kept = drop_inapplicable(content.questions.questions, answers)
    return kept | {qid: True for qid in content.red_flag_ids() if answers.get(qid) is True}


def assess(content: AssessContent, answers: Answers, seen: Sequence[Seen] = ()) -> AssessmentResult:
    """Screen for warning signs, score, and advise. A warning sign suppresses all exercise advice,
    except a standing one (e.g. a cancer history) a clinician has already seen the person about."""
    answers = counted_answers(content, answers)
    facts = derive_facts(answers)
    flags = open_warning_signs(content, answers, seen)
    triage = triage_of(f.severity for f in flags if not f.seen_by_clinician)
    scores, grouping = score_all(content, facts)
    adult = is_adult(content, facts)
    if needs_clinician(triage):
        recs = urgent_recommendations(content)
    elif not adult:
        recs = under_age_recommendations(content)
    else:
        recs = recommend(content, facts, scores)
        seen_signs = [f.name for f in flags if f.seen_by_clinician]
        if seen_signs:
            note = Note(
                id="seen_by_clinician",
                text=content.advice.urgent.seen_note.format(signs="; ".join(seen_signs)),
                source_ids=[],
            )
            recs = recs.model_copy(
                update={"actions": [note.text, *recs.actions], "action_details": [note, *recs.action_details]}
            )
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


def to_ask(content: AssessContent, answers: Answers, seen: Sequence[Seen] = ()) -> list[str]:
    """The questions still to ask: every missing one; after an urgent sign only the missing
    warning-sign questions (part 1), since an unanswered one may be an emergency; nothing after
    an emergency. A warning-sign answer is never filled in for the person."""
    missing = missing_ids(content.questions.questions, answers)
    signs = [f for f in open_warning_signs(content, answers, seen) if not f.seen_by_clinician]
    if not signs:
        return missing
    emergencies = {f.id for f in signs if f.severity == "emergency"}
    if emergencies:
        # Only a follow-up that can settle an emergency sign (both legs: new or long-standing).
        return [qid for qid in missing if set(content.question(qid).ask_if) & emergencies]
    first = content.questions.parts[0].id
    return [qid for qid in missing if content.question(qid).part == first]


def clinician_visits(folder: Path) -> list[Seen]:
    """The person's recorded clinician visits (none when there is no store; never creates one)."""
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    if store is None:
        return []
    # Imported only now: a new user's run (no store) need not load the records modules.
    from footback.records.clinician import read_seen

    with store:
        return read_seen(store)


def interview_stop(content: AssessContent, seen: Sequence[Seen] = ()) -> StopCheck:
    """When the guided interview stops: at once after an emergency sign, after part 1 for an urgent one.

    The message is the emergency advice itself, so it comes before any further question; the
    interview offers `b` to change the answer.
    """
    first_part = content.questions.parts[0].id
    urgent = content.advice.urgent

    def stop(question: Question, so_far: Answers) -> str | None:
        signs = [f for f in open_warning_signs(content, so_far, seen) if not f.seen_by_clinician]
        emergencies = [s for s in signs if s.severity == "emergency"]
        # A follow-up of the sign itself is asked first: its answer may make it less serious.
        if emergencies and not set(question.ask_if) & {s.id for s in emergencies}:
            return "\n".join([urgent.emergency_title + ".", *dict.fromkeys(s.advice for s in emergencies)])
        if signs and question.part != first_part:
            return urgent.stop_urgent
        return None

    return stop


def last_saved(folder: Path) -> tuple[SavedAssessment, SavedAssessment | None]:
    """`--last`: the most recent saved assessment and the one before it (to compare with)."""
    from footback.core.errors import FootbackError
    from footback.records.assessments import list_assessments
    from footback.records.db import read_store

    saved = read_store(folder, lambda store: list_assessments(store, limit=2)) or []
    if not saved:
        raise FootbackError("no assessment is saved yet: run `footback assess` first")
    scored = len(saved) == 2 and not saved[0].result.needs_clinician
    return saved[-1], (saved[0] if scored else None)
