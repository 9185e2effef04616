"""The guided check shared by `assess` and `shoes-check`: answers file, template, schema, the
interview for what is missing, and the one message when input ends early."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from footback.content.answer_forms import json_schema, toml_template
from footback.content.interview import InputEnded, Interview, PartIntro, Terminal, run_interview
from footback.content.questions import Answers, Question
from footback.content.rules import QuestionSet
from footback.core.errors import FootbackError, MissingAnswersError

# The template's promise: a blank warning sign is refused by name, never taken as "no".
MUST_ANSWER = "Every warning sign (left blank below) must be answered true or false; a blank one is refused."


def template_text(qset: QuestionSet[Any], questions: Sequence[Question]) -> str:
    """`--template`: an answers file to fill in, every question commented."""
    header = f"{qset.title}: answers file\n{qset.disclaimer}"
    if any(q.must_answer for q in questions):
        header = f"{qset.title}: answers file\n{MUST_ANSWER}\n{qset.disclaimer}"
    return toml_template(questions, qset.part_titles(), header)


def schema_text(
    qset: QuestionSet[Any], questions: Sequence[Question], extra: Mapping[str, Any] | None = None
) -> str:
    """`--schema`: the JSON Schema of an answers file (`extra`: keys that are not questions)."""
    return json.dumps(json_schema(questions, qset.title, extra), indent=2)


@dataclass(frozen=True)
class Asking:
    """Where a guided check may ask (its context): whether standard input is a terminal or closed,
    and how to open the screen the questions are asked on (opened only when there is one to ask)."""

    stdin_tty: bool
    stdin_closed: bool
    terminal: Callable[[], Terminal]


@dataclass(frozen=True)
class GuidedCheck:
    """What a guided check completes: the answers given so far (`interview.answers`), the ids
    still `missing`, the answers file they came from, and `what` is asked (for messages)."""

    qset: QuestionSet[Any]
    interview: Interview
    missing: Sequence[str]
    answers_path: Path | None
    what: str


def complete_answers(asking: Asking, check: GuidedCheck) -> Answers:
    """The answers with every `missing` one asked for: on the terminal, or piped in when there
    is no answers file. An answers file without a terminal is an error naming what is missing."""
    missing, answers_path, what = check.missing, check.answers_path, check.what
    if not missing:
        return check.interview.answers
    if answers_path is not None and not asking.stdin_tty:
        raise MissingAnswersError(
            f"{answers_path}: missing answers and no terminal to ask on: {', '.join(missing)}"
        )
    if asking.stdin_closed:
        where = (
            f"{answers_path}: missing answers" if answers_path is not None else f"{what}: questions to ask"
        )
        raise MissingAnswersError(
            f"{where}, and standard input is closed; give an answers file (--answers) or use a terminal"
        )
    out = asking.terminal()
    out.say(check.qset.disclaimer, "dim")
    parts = {p.id: PartIntro(p.title, p.intro) for p in check.qset.parts}
    try:
        groups = {g.id: g for g in check.qset.groups}
        return run_interview(out, replace(check.interview, parts=parts, groups=groups))
    except InputEnded:
        raise FootbackError(f"input ended before {what} was finished; nothing was saved") from None
