"""Reading an answers file (TOML or JSON) and checking it against the questions."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from footback.content.questions import Answers, InvalidAnswer, Question
from footback.content.typed import check_value
from footback.core.errors import BadInputError
from footback.core.files import (
    TOO_LONG_NUMBER,
    DuplicateKey,
    NumberTooLong,
    json_decoder,
    parse_toml,
    read_input_text,
)
from footback.core.suggest import closest

MAX_FILE_BYTES = 1_000_000


def read_mapping(path: Path) -> dict[str, Any]:
    """Parse a TOML or JSON file into a mapping; syntax errors name the file and line."""
    text = read_input_text(path, MAX_FILE_BYTES, "a file")
    as_json = path.suffix.lower() == ".json" or (path.suffix.lower() != ".toml" and text.lstrip()[:1] == "{")
    if as_json:
        try:
            loaded = json_decoder().decode(text)
        except NumberTooLong:
            raise BadInputError(f"{path}: invalid JSON: {TOO_LONG_NUMBER}") from None
        except DuplicateKey as exc:
            raise BadInputError(f"{path}: invalid JSON: {exc}") from None
        except json.JSONDecodeError as exc:
            raise BadInputError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        except RecursionError:
            raise BadInputError(f"{path}: invalid JSON: nested too deeply") from None
        if not isinstance(loaded, dict):
            raise BadInputError(f"{path}: expected a JSON object mapping question ids to answers")
        return loaded
    return parse_toml(text, path)


def check_answers(raw: dict[str, Any], questions: Sequence[Question], source: str) -> Answers:
    """Validate every entry; the first problem is reported with its id and what is allowed."""
    by_id = {q.id: q for q in questions}
    answers: Answers = {}
    for key, value in raw.items():
        question = by_id.get(key)
        if question is None:
            hint = closest(str(key), list(by_id))
            shown = key if len(key) <= 60 else key[:57] + "..."
            suggestion = f"; did you mean '{hint}'?" if hint else "; see --template for the ids"
            raise BadInputError(f"{source}: unknown question id {shown!r}{suggestion}")
        try:
            answers[key] = check_value(question, value)
        except InvalidAnswer as exc:
            raise BadInputError(f"{source}: {key}: {exc}") from None
    return answers
