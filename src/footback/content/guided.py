"""The guided check shared by `assess` and `shoes-check`: answers file, template, schema, the
interview for what is missing, and the one message when input ends early."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from footback.content.answer_forms import json_schema, toml_template
from footback.content.interview import (
    AnswerHook,
    InputEnded,
    PartIntro,
    ProgressHook,
    StopCheck,
    Terminal,
    run_interview,
)
from footback.content.questions import Answers, Question
from footback.content.rules import QuestionSet
from footback.core.errors import FootbackError, MissingAnswersError


def template_text(qset: QuestionSet[Any], questions: Sequence[Question]) -> str:
    """`--template`: an answers file to fill in, every question commented."""
    header = f"{qset.title}: answers file\n{qset.disclaimer}"
    return toml_template(questions, qset.part_titles(), header)


def schema_text(qset: QuestionSet[Any], questions: Sequence[Question]) -> str:
    """`--schema`: the JSON Schema of an answers file."""
    return json.dumps(json_schema(questions, qset.title), indent=2)


def complete_answers(
    qset: QuestionSet[Any],
    questions: Sequence[Question],
    given: Answers,
    missing: Sequence[str],
    *,
    answers_path: Path | None,
    stdin_tty: bool,
    stdin_closed: bool,
    terminal: Callable[[], Terminal],
    what: str,
    stop_before: StopCheck | None = None,
    on_answer: AnswerHook | None = None,
    on_progress: ProgressHook | None = None,
    skipped: Sequence[str] = (),
    earlier: Sequence[str] = (),
) -> Answers:
    """The answers with every `missing` one asked for: on the terminal, or piped in when there
    is no answers file. An answers file without a terminal is an error naming what is missing."""
    if not missing:
        return given
    if answers_path is not None and not stdin_tty:
        raise MissingAnswersError(
            f"{answers_path}: missing answers and no terminal to ask on: {', '.join(missing)}"
        )
    if stdin_closed:
        where = (
            f"{answers_path}: missing answers" if answers_path is not None else f"{what}: questions to ask"
        )
        raise MissingAnswersError(
            f"{where}, and standard input is closed; give an answers file (--answers) or use a terminal"
        )
    out = terminal()
    out.say(qset.disclaimer, "dim")
    parts = {p.id: PartIntro(p.title, p.intro) for p in qset.parts}
    try:
        return run_interview(
            questions,
            given,
            out.ask,
            out,
            parts,
            stop_before,
            on_answer,
            on_progress=on_progress,
            skipped=skipped,
            earlier=earlier,
        )
    except InputEnded:
        raise FootbackError(f"input ended before {what} was finished; nothing was saved") from None
