"""The guided question-and-answer loop shared by assess and shoes-check.

Input comes from an injected `ask` function and output goes to an injected `Screen` (lines of
text with a style name), so tests drive it with plain strings; cli/ passes one that draws with rich
(render/console.py). `?` shows more help, `b` goes back one question, an empty answer
skips an optional question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from footback.content.questions import Answers, InvalidAnswer, OutOfRange, Question, Value, applies
from footback.content.typed import parse_typed, shown_value, typed_text
from footback.core.text import plural
from footback.core.units import is_amount_unit

Ask = Callable[[str], str]
# Called before asking a question; returns a message to stop the interview on, or None.
StopCheck = Callable[[Question, Answers], str | None]
# Told what was typed for each accepted answer (shoes-check keeps the distance unit from it).
AnswerHook = Callable[[Question, str], None]
# Told the answers so far and the skipped questions after every change: an answer, a skip, or
# an undo with `b` (assess keeps them so a stopped interview can continue where it was).
ProgressHook = Callable[[Answers, frozenset[str]], None]

BACK = "b"
HELP = "?"
PROMPT = "> "
# For the estimate shown at the start: a rough allowance per question (reading, thinking,
# typing), not a measurement of real people; the screen says "about".
SECONDS_PER_QUESTION = 10


class Screen(Protocol):
    """Where the interview writes: a line of plain text (with a style such as "dim"), or a blank line."""

    def say(self, text: str, style: str = "", /) -> None: ...

    def blank(self) -> None: ...


class Terminal(Screen, Protocol):
    """A screen that can also ask: the prompt, then the line typed (EOFError when input ends)."""

    def ask(self, prompt: str, /) -> str: ...


class InputEnded(Exception):
    """The input stream closed before the questions were all answered."""


@dataclass(frozen=True)
class PartIntro:
    title: str
    intro: str


def _choices_line(question: Question) -> str:
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


def _show_question(screen: Screen, question: Question, progress: str, default: Value | None) -> None:
    screen.blank()
    screen.say(progress, "dim")
    text = question.text
    if question.kind == "distance":
        # A bare number is read in the configured unit: the question itself says which.
        text += " (in miles)" if question.distance_unit == "mi" else " (in km)"
    if question.optional:
        # Said here, not in the question's text, which the report and answers files show too.
        text += " (optional, press Enter to skip)"
    screen.say(text, "bold")
    screen.say(f"  Why: {question.why}", "dim")
    screen.say(_choices_line(question))
    if default is not None:
        screen.say(f"  Enter keeps: {shown_value(question, default)}")
    hint = "  ? more help, b back" if question.help else "  b back"
    screen.say(hint, "dim")


def _ask(ask: Ask, screen: Screen, prompt: str = PROMPT) -> str:
    try:
        return ask(prompt)
    except EOFError:
        # The prompt left the cursor mid-line; the message that follows starts on its own.
        screen.blank()
        raise InputEnded from None


def could_apply(question: Question, answers: Answers, pending: set[str]) -> bool:
    """Whether a question may still be asked: each condition holds or waits on an unanswered question."""
    return all(name in pending or cond.holds(answers.get(name)) for name, cond in question.ask_if.items())


def still_to_ask(questions: Sequence[Question], answers: Answers, skipped: set[str]) -> int:
    """How many questions may still be asked (an upper estimate: later answers can rule some out)."""
    pending = {q.id for q in questions if q.id not in answers and q.id not in skipped}
    return sum(1 for q in questions if q.id in pending and could_apply(q, answers, pending))


def estimate_line(count: int) -> str:
    """'About 40 questions, about 7 minutes.' for the start of an interview."""
    minutes = max(1, -(-count * SECONDS_PER_QUESTION // 60))
    return f"About {plural(count, 'question')}, about {plural(minutes, 'minute')}."


def run_interview(
    questions: Sequence[Question],
    answers: Answers,
    ask: Ask,
    screen: Screen,
    parts: Mapping[str, PartIntro],
    stop_before: StopCheck | None = None,
    on_answer: AnswerHook | None = None,
    defaults: Mapping[str, Value] | None = None,
    label: str | None = None,
    on_progress: ProgressHook | None = None,
    skipped: Iterable[str] = (),
    earlier: Sequence[str] = (),
) -> Answers:
    """Ask every applicable, unanswered question in order; returns the completed answers.

    A question with an answer in `defaults` shows it, and Enter keeps it. Questions of a part
    not in `parts` get no part heading and are counted under `label` (or their part's id).
    `skipped` optional questions (from an earlier, stopped run) are not asked again; `earlier`
    are the ids that run answered or skipped, in order, so `b` can go back into them too.
    """
    answers = dict(answers)
    asked: list[str] = list(earlier)  # ids answered here (or in the run continued), so `b` can undo them
    skipped = set(skipped)

    def changed() -> None:
        if on_progress is not None:
            on_progress(dict(answers), frozenset(skipped))

    shown_parts: set[str] = set()
    # Answered before this run (a stopped interview continued, an answers file completed): the
    # count goes on from them, so "question 28 of about 57" means the same after a resume. Those
    # in `earlier` are counted in `asked` already (`b` can undo them).
    before = sum(
        1
        for q in questions
        if q.id not in asked and (q.id in answers or q.id in skipped) and applies(q, answers)
    )
    total = still_to_ask(questions, answers, skipped)
    if total:
        screen.say(estimate_line(total), "dim")

    def go_back() -> bool:
        if not asked:
            screen.say("  Nothing to go back to.", "dim")
            return False
        previous = asked.pop()
        answers.pop(previous, None)
        skipped.discard(previous)
        changed()  # an undone answer must not come back when a stopped interview continues
        return True

    while True:
        question = next(
            (q for q in questions if q.id not in answers and q.id not in skipped and applies(q, answers)),
            None,
        )
        if question is None:
            return answers
        message = stop_before(question, answers) if stop_before else None
        if message is not None:
            screen.blank()
            screen.say(message, "bold")
            reply = _ask(ask, screen, "Press Enter to see what to do, or b to change an answer > ")
            if reply.strip().lower() == BACK and go_back():
                continue
            return answers
        if question.part not in shown_parts and question.part in parts:
            shown_parts.add(question.part)
            part = parts[question.part]
            number = list(parts).index(question.part) + 1
            screen.blank()
            screen.say(f"{part.title.upper()} (part {number} of {len(parts)})", "bold underline")
            screen.say(part.intro)
        number = before + len(asked) + 1
        about = before + len(asked) + still_to_ask(questions, answers, skipped)
        title = parts[question.part].title if question.part in parts else label or question.part
        default = (defaults or {}).get(question.id)
        _show_question(screen, question, f"{title} · question {number} of about {about}", default)
        while True:
            raw = _ask(ask, screen).strip()
            if raw == HELP:
                screen.say(f"  {question.help or question.why}")
                continue
            if raw.lower() == BACK:
                if go_back():
                    break
                continue
            if raw == "" and default is not None:
                raw = typed_text(question, default)
            if raw == "" and question.optional:
                skipped.add(question.id)
                asked.append(question.id)
                changed()
                break
            try:
                answers[question.id] = parse_typed(question, raw)
            except OutOfRange as exc:
                screen.say(f"  {exc}: {question.allowed()}. Try again.", "yellow")
                continue
            except InvalidAnswer as exc:
                screen.say(f"  Not understood: {exc}. Try again.", "yellow")
                if question.kind in ("choice", "multi"):
                    # Never a guess: the choices again, with their keys, to answer from.
                    screen.say(_choices_line(question))
                continue
            if on_answer is not None:
                on_answer(question, raw)
            asked.append(question.id)
            changed()
            break
