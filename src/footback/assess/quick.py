"""`assess --quick`: the weekly re-check on top of the last full assessment.

Only what changes week to week is asked again: the warning signs as one checklist, the pain
questions and the STarT Back items, each with the last answer as its default. The other answers
are carried from the last full assessment; when that is older than `full_every_days` (or there
is none) a full assessment is due instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from footback.assess.content import AssessContent
from footback.content.questions import Answers, Question
from footback.core.safety import Seen
from footback.core.text import plural

if TYPE_CHECKING:
    from footback.records.assessments import SavedAssessment
    from footback.render.console import ConsoleScreen


@dataclass(frozen=True)
class QuickBase:
    """What a quick re-check starts from: the last full assessment and the answers to carry."""

    full_at: datetime
    days: int  # local calendar days since the full assessment
    # The full assessment's answers, with the re-asked ones updated from later quick re-checks.
    answers: Answers


def days_between(earlier: datetime, now: datetime) -> int:
    """Calendar days from `earlier`'s day to `now`'s, each on its own clock: `earlier` is a
    record's local time (`SavedAssessment.local_time`, records/window.py), so a full assessment
    made at 23:30 before a clock change or a flight stays on its day."""
    return (now.date() - earlier.date()).days


def carried_answers(
    content: AssessContent, full: SavedAssessment, later: Sequence[SavedAssessment]
) -> Answers:
    """The full assessment's answers, each re-asked one replaced by its latest quick answer."""
    answers = dict(full.answers)
    asked = set(content.quick_ids())
    for quick in later:
        answers |= {k: v for k, v in quick.answers.items() if k in asked}
    return answers


def quick_start(content: AssessContent, folder: Path, now: datetime) -> QuickBase | str:
    """The base for a quick re-check, or why a full assessment is due instead (none, or too old)."""
    from footback.records.assessments import since_last_full
    from footback.records.db import read_store

    full, later = read_store(folder, since_last_full) or (None, [])
    if full is None:
        return content.quick.no_full
    full_at = full.local_time(now)
    days = days_between(full_at, now)
    if days > content.quick.full_every_days:
        return content.quick.full_due.format(days=days, every=content.quick.full_every_days)
    return QuickBase(full_at, days, carried_answers(content, full, later))


def _quick_questions(
    content: AssessContent, base: QuickBase, questions: Sequence[Question]
) -> tuple[list[Question], list[Question]]:
    """The checklist's signs and the questions asked again after it, in asking order."""
    from footback.content.questions import applies

    wanted = set(content.quick_ids())
    # As in the full interview, a sign asked only of some people (pregnancy) only for them; the
    # lifetime facts (in the update groups, e.g. a cancer history) in their own step.
    signs: list[Question] = [
        q
        for q in content.questions.questions
        if q.red_flag is not None and applies(q, base.answers) and q.id not in wanted
    ]
    # The follow-ups of the checklist's signs (both legs: since when) come first, right after it.
    follow = set(content.follow_up_ids())
    return signs, sorted((q for q in questions if q.id in wanted), key=lambda q: q.id not in follow)


def quick_interview(
    content: AssessContent,
    base: QuickBase,
    questions: Sequence[Question],
    screen: ConsoleScreen,
    seen: Sequence[Seen] = (),
) -> Answers:
    """Ask the checklist, then the re-asked questions with their defaults; the complete answers.

    An emergency sign ends it at once (as in the full interview, `b` goes back to the checklist);
    an urgent one after the questions of the warning-sign part. Raises InputEnded on end of input.
    """
    from rich.text import Text

    from footback.assess.service import interview_stop
    from footback.content.interview import InputEnded, Interview, run_interview
    from footback.render.checklist import ask_checklist

    console, ask = screen.console, screen.ask
    quick = content.quick
    signs, reasked = _quick_questions(content, base, questions)
    stop = interview_stop(content, seen)
    console.print(Text(content.questions.disclaimer, style="dim"))
    ago = "today" if base.days == 0 else f"{plural(base.days, 'day')} ago"
    console.print(Text(quick.intro.format(day=f"{base.full_at:%Y-%m-%d}", ago=ago)))
    console.print()
    default = [q.id for q in signs if base.answers.get(q.id) is True]
    kept = {k: v for k, v in base.answers.items() if k not in {q.id for q in reasked}}
    while True:
        try:
            ticked = ask_checklist(
                ask, console, quick.signs_question, [(q.id, q.text) for q in signs], default
            )
        except EOFError:
            console.line()
            raise InputEnded from None
        answers = kept | {q.id: q.id in ticked for q in signs}
        message = stop(reasked[0], answers) if reasked else None
        if message is None:
            break
        console.print()
        console.print(Text(message, style="bold"))
        try:
            reply = ask("Press Enter to see what to do, or b to change your answer > ")
        except EOFError:
            console.line()
            raise InputEnded from None
        if reply.strip().lower() != "b":
            return answers
        default = ticked
    defaults = {q.id: base.answers[q.id] for q in reasked if q.id in base.answers}
    groups = {g.id: g for g in content.questions.groups}
    return run_interview(
        screen,
        Interview(reasked, answers, stop_before=stop, defaults=defaults, label=quick.label, groups=groups),
    )
