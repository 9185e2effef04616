"""The guided question-and-answer loop shared by assess and shoes-check.

Input and output go through an injected `Terminal` (it asks for a line, and says lines of text
with a style name), so tests drive it with plain strings; the features pass one that draws with
rich (render/console.py `ConsoleScreen`). What is asked is one `Interview` request.
`?` shows more help, `b` goes back one question, an empty answer
skips an optional question.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from footback.content.checklist import ask_group
from footback.content.questions import (
    Answers,
    InvalidAnswer,
    OutOfRange,
    Question,
    Value,
    applies,
)
from footback.content.rules import Group
from footback.content.steps import (
    Extra,
    choices_line,
    estimate,
    estimate_line,
    progress_line,
    step_of,
    still_to_ask,
)
from footback.content.typed import parse_typed, shown_value, typed_text

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
    screen.say(choices_line(question))
    if default is not None:
        screen.say(f"  Enter keeps: {shown_value(question, default)}")
    hint = "  ? more help, b back" if question.help else "  b back"
    screen.say(hint, "dim")


def _ask(terminal: Terminal, prompt: str = PROMPT) -> str:
    try:
        return terminal.ask(prompt)
    except EOFError:
        # The prompt left the cursor mid-line; the message that follows starts on its own.
        terminal.blank()
        raise InputEnded from None


@dataclass(frozen=True)
class Interview:
    """What an interview asks, and what it is told along the way (the terminal it runs on is not
    part of it: `run_interview` takes that as its context).

    A question with an answer in `defaults` shows it, and Enter keeps it. Questions of a part
    not in `parts` get no part heading and are counted under `label` (or their part's id).
    `skipped` optional questions (from an earlier, stopped run) are not asked again; `earlier`
    are the ids that run answered or skipped, in order, so `b` can go back into them too.
    """

    questions: Sequence[Question]
    answers: Answers = field(default_factory=dict)
    parts: Mapping[str, PartIntro] = field(default_factory=dict)
    stop_before: StopCheck | None = None
    on_answer: AnswerHook | None = None
    defaults: Mapping[str, Value] = field(default_factory=dict)
    label: str | None = None
    on_progress: ProgressHook | None = None
    skipped: Iterable[str] = ()
    earlier: Sequence[str] = ()
    # Groups whose questions are asked together as one checklist step (by group id).
    groups: Mapping[str, Group] = field(default_factory=dict)
    # The words shown by each step the caller asks after the questions (assess: the function
    # score's first rating): each is one more answer in the count and the time shown.
    after: Sequence[str] = ()


def run_interview(terminal: Terminal, interview: Interview) -> Answers:
    """Ask every applicable, unanswered question in order on `terminal`; the completed answers."""
    return _Run(terminal, interview).run()


class _Run:
    """One interview in progress: the answers so far, and the order they were given in (for `b`)."""

    def __init__(self, terminal: Terminal, interview: Interview) -> None:
        self.terminal = terminal
        self.interview = interview
        self.answers = dict(interview.answers)
        self.grouped = set(interview.groups)
        # the steps answered here (or in the run continued), each its question ids, so `b` can
        # undo a step: one question, or a whole checklist
        self.asked: list[tuple[str, ...]] = self._steps(interview.earlier)
        self.skipped = set(interview.skipped)
        self.shown_parts: set[str] = set()
        # Answered before this run (a stopped interview continued, an answers file completed): the
        # count goes on from them, so "question 28 of about 57" means the same after a resume. Those
        # in `earlier` are counted in `asked` already (`b` can undo them).
        done = {qid for step in self.asked for qid in step}
        self.before = len(
            {
                step_of(q, self.grouped)
                for q in interview.questions
                if q.id not in done
                and (q.id in self.answers or q.id in self.skipped)
                and applies(q, self.answers)
            }
        )

    def _steps(self, ids: Sequence[str]) -> list[tuple[str, ...]]:
        """`ids` in asking order as steps: those of one asked-together group make one step."""
        group = {q.id: step_of(q, self.grouped) for q in self.interview.questions}
        steps: list[tuple[str, ...]] = []
        for qid in ids:
            if steps and group.get(qid, qid) == group.get(steps[-1][0]) != steps[-1][0]:
                steps[-1] += (qid,)
            else:
                steps.append((qid,))
        return steps

    def _left(self) -> int:
        return still_to_ask(self.interview.questions, self.answers, self.skipped, self.grouped)

    def run(self) -> Answers:
        interview = self.interview
        # The parts' headings and introductions are read once; the steps after the questions count.
        extra = Extra(after=interview.after, once=[f"{p.title} {p.intro}" for p in interview.parts.values()])
        count, seconds = estimate(interview.questions, self.answers, self.skipped, interview.groups, extra)
        if count:
            self.terminal.say(estimate_line(count, seconds), "dim")
        while True:
            question = next(
                (
                    q
                    for q in self.interview.questions
                    if q.id not in self.answers and q.id not in self.skipped and applies(q, self.answers)
                ),
                None,
            )
            if question is None:
                return self.answers
            stop = self._stopped_before(question)
            if stop is True:
                return self.answers
            if stop is False:
                continue  # `b` at the stop: the undone question comes next
            if question.group in self.grouped:
                self._ask_group(question)
                continue
            self._show(question)
            self._answer(question)

    def _changed(self) -> None:
        if self.interview.on_progress is not None:
            self.interview.on_progress(dict(self.answers), frozenset(self.skipped))

    def _go_back(self) -> bool:
        if not self.asked:
            self.terminal.say("  Nothing to go back to.", "dim")
            return False
        for previous in self.asked.pop():
            self.answers.pop(previous, None)
            self.skipped.discard(previous)
        self._changed()  # an undone answer must not come back when a stopped interview continues
        return True

    def _stopped_before(self, question: Question) -> bool | None:
        """None to ask `question`; True when the interview stops here; False after `b` at the stop."""
        stop_before = self.interview.stop_before
        message = stop_before(question, self.answers) if stop_before else None
        if message is None:
            return None
        self.terminal.blank()
        self.terminal.say(message, "bold")
        reply = _ask(self.terminal, "Press Enter to see what to do, or b to change an answer > ")
        return not (reply.strip().lower() == BACK and self._go_back())

    def _show(self, question: Question) -> None:
        self._show_part(question)
        default = self.interview.defaults.get(question.id)
        _show_question(self.terminal, question, self._progress(question), default)

    def _show_part(self, question: Question) -> None:
        parts = self.interview.parts
        if question.part not in self.shown_parts and question.part in parts:
            self.shown_parts.add(question.part)
            part = parts[question.part]
            number = list(parts).index(question.part) + 1
            self.terminal.blank()
            self.terminal.say(f"{part.title.upper()} (part {number} of {len(parts)})", "bold underline")
            self.terminal.say(part.intro)

    def _progress(self, question: Question) -> str:
        """'Your feet · question 12 of about 34' (a checklist step counts as one question)."""
        parts = self.interview.parts
        number = self.before + len(self.asked) + 1
        about = self.before + len(self.asked) + self._left() + len(self.interview.after)
        title = (
            parts[question.part].title if question.part in parts else self.interview.label or question.part
        )
        return progress_line(title, number, about)

    def _ask_group(self, first: Question) -> None:
        """One checklist step: the group's questions that apply now, answered yes when ticked."""
        members = [
            q
            for q in self.interview.questions
            if q.group == first.group
            and q.id not in self.answers
            and q.id not in self.skipped
            and applies(q, self.answers)
        ]
        self._show_part(first)
        defaults = self.interview.defaults
        kept = [q.id for q in members if defaults.get(q.id) is True]
        shown = kept if any(q.id in defaults for q in members) else None
        group = self.interview.groups[str(first.group)]
        try:
            picked = ask_group(self.terminal, group, members, self._progress(first), shown)
        except EOFError:
            self.terminal.blank()
            raise InputEnded from None
        if picked is None:  # `b`
            self._go_back()
            return
        for q in members:
            self.answers[q.id] = q.id in picked
            if self.interview.on_answer is not None:
                self.interview.on_answer(q, "y" if q.id in picked else "n")
        self.asked.append(tuple(q.id for q in members))
        self._changed()

    def _answer(self, question: Question) -> None:
        """Read lines until one answers `question`, skips it, or goes back."""
        default = self.interview.defaults.get(question.id)
        while True:
            raw = _ask(self.terminal).strip()
            if raw == HELP:
                self.terminal.say(f"  {question.help or question.why}")
                continue
            if raw.lower() == BACK:
                if self._go_back():
                    return
                continue
            if raw == "" and default is not None:
                raw = typed_text(question, default)
            if raw == "" and question.optional:
                self.skipped.add(question.id)
                self.asked.append((question.id,))
                self._changed()
                return
            try:
                self.answers[question.id] = parse_typed(question, raw)
            except OutOfRange as exc:
                self.terminal.say(f"  {exc}: {question.allowed()}. Try again.", "yellow")
                continue
            except InvalidAnswer as exc:
                self.terminal.say(f"  Not understood: {exc}. Try again.", "yellow")
                if question.kind in ("choice", "multi"):
                    # Never a guess: the choices again, with their keys, to answer from.
                    self.terminal.say(choices_line(question))
                continue
            if self.interview.on_answer is not None:
                self.interview.on_answer(question, raw)
            self.asked.append((question.id,))
            self._changed()
            return
