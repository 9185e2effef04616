"""The steps an interview still has to ask, and how long they take to read and answer.

A step is one question, or a group of yes-or-no questions asked together as one checklist.
The time shown at the start is worked out from the words on screen, so it stays true when the
wording or the number of questions changes: each step's question, its "Why" line and its choices
or items, read at `WORDS_PER_MINUTE`, plus `ANSWER_SECONDS` to type the answer.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from footback.content.questions import Answers, Condition, Question, applies
from footback.content.rules import Group
from footback.core.text import plural
from footback.core.units import is_amount_unit

# Adults read plain non-fiction silently at about 238 words a minute (Brysbaert 2019, a
# meta-analysis of 190 studies); 200 allows for reading on a screen and thinking about the
# answer. footback's own assumption for an estimate the screen calls "about", not a measurement
# of its users.
WORDS_PER_MINUTE = 200
ANSWER_SECONDS = 3


def could_apply(question: Question, answers: Answers, pending: set[str]) -> bool:
    """Whether a question is still expected: each condition holds, or waits on an unanswered
    question, unless it waits on a yes (a follow-up of a warning sign or a rare situation, such
    as "since when in both legs?" or the pregnancy signs: most people answer no, so it is
    counted once the yes is given)."""

    def holds(when: Mapping[str, Condition]) -> bool:
        return all(
            cond.holds(answers.get(name)) or (name in pending and cond.is_ is not True)
            for name, cond in when.items()
        )

    return holds(question.ask_if) and (
        not question.ask_if_any or any(holds(group) for group in question.ask_if_any)
    )


def step_of(question: Question, grouped: Collection[str]) -> str:
    """The step a question is asked in: its group's (one checklist) when the group is asked as one."""
    return f"group:{question.group}" if question.group in grouped else question.id


def _left(
    questions: Sequence[Question], answers: Answers, skipped: set[str], grouped: Collection[str]
) -> dict[str, list[Question]]:
    """The steps still expected (later answers can rule some out, and a yes can add its
    follow-up), each with its questions, in asking order."""
    pending = {q.id for q in questions if q.id not in answers and q.id not in skipped}
    steps: dict[str, list[Question]] = {}
    for q in questions:
        if q.id in pending and could_apply(q, answers, pending):
            steps.setdefault(step_of(q, grouped), []).append(q)
    return steps


def still_to_ask(
    questions: Sequence[Question], answers: Answers, skipped: set[str], grouped: Collection[str] = ()
) -> int:
    """How many steps may still be asked: a question, or a group asked as one checklist."""
    return len(_left(questions, answers, skipped, grouped))


def choices_line(question: Question) -> str:
    """The answers a question takes, as shown under it."""
    if question.kind == "bool":
        return "  y) yes   n) no"
    if question.kind in ("choice", "multi"):
        return "\n".join(
            f"  {i}) {c.label}" + (f"  [{c.value}]" if c.value != c.label else "")
            for i, c in enumerate(question.choices, start=1)
        )
    unit = f" {question.unit}" if question.unit and not is_amount_unit(question.unit) else ""
    skip = ", or press Enter to skip" if question.optional else ""
    return f"  ({question.allowed()}{unit}{skip})"


def _words(step: Sequence[Question], groups: Mapping[str, Group]) -> int:
    first = step[0]
    group = groups.get(first.group or "")
    if group is None:
        shown = [first.text, first.why, choices_line(first)]
    else:
        items = [q.item if group.wording == "item" and q.item else q.text for q in step]
        shown = [group.text, group.why, *items]
    return sum(len(text.split()) for text in shown)


def _seconds(words: int) -> float:
    return words * 60 / WORDS_PER_MINUTE + ANSWER_SECONDS


@dataclass(frozen=True)
class Extra:
    """What an interview shows besides its questions: `after`, the words of each step the caller
    asks after them (one answer each); `once`, words read once and not answered (the parts'
    headings and introductions)."""

    after: Sequence[str] = ()
    once: Sequence[str] = ()


def estimate(
    questions: Sequence[Question],
    answers: Answers,
    skipped: set[str],
    groups: Mapping[str, Group] | None = None,
    extra: Extra = Extra(),
) -> tuple[int, int]:
    """The steps still to ask and about how many seconds they take (see the module's docstring)."""
    groups = groups or {}
    steps = _left(questions, answers, skipped, set(groups)).values()
    seconds = sum(_seconds(_words(step, groups)) for step in steps)
    seconds += sum(_seconds(len(shown.split())) for shown in extra.after)
    seconds += sum(len(shown.split()) for shown in extra.once) * 60 / WORDS_PER_MINUTE
    return len(steps) + len(extra.after), round(seconds)


def steps_answered(questions: Sequence[Question], answers: Answers, grouped: Collection[str]) -> int:
    """The steps a finished interview asked: each question, or asked-together group, that applies
    to its answers (an optional question skipped with Enter was asked too)."""
    return len({step_of(q, grouped) for q in questions if applies(q, answers)})


def progress_line(title: str, number: int, about: int) -> str:
    """'Your feet · question 12 of about 35': a step's place in the interview."""
    return f"{title} · question {number} of about {about}"


def estimate_line(count: int, seconds: int) -> str:
    """'About 34 questions, about 8 minutes.' for the start of an interview."""
    minutes = max(1, round(seconds / 60))
    return f"About {plural(count, 'question')}, about {plural(minutes, 'minute')}."
