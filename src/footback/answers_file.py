"""Reading an answers file (TOML or JSON) and checking it against the questions."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from footback.errors import BadInputError
from footback.questions import Answers, InvalidAnswer, Question, check_value, closest

MAX_FILE_BYTES = 1_000_000
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def read_mapping(path: Path) -> dict[str, Any]:
    """Parse a TOML or JSON file into a mapping; syntax errors name the file and line."""
    try:
        # Read one byte past the limit, never the whole thing: /dev/zero, a FIFO or a huge file
        # must be refused, not read until memory runs out.
        with path.open("rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise BadInputError(f"{path}: file is larger than {MAX_FILE_BYTES} bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInputError(f"{path}: not valid UTF-8 text (byte {exc.start})") from None
    as_json = path.suffix.lower() == ".json" or (path.suffix.lower() != ".toml" and text.lstrip()[:1] == "{")
    if as_json:
        try:
            loaded = json.loads(text)
        except json.JSONDecodeError as exc:
            raise BadInputError(f"{path}:{exc.lineno}: invalid JSON: {exc.msg}") from None
        except RecursionError:
            raise BadInputError(f"{path}: invalid JSON: nested too deeply") from None
        if not isinstance(loaded, dict):
            raise BadInputError(f"{path}: expected a JSON object mapping question ids to answers")
        return loaded
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        found = _TOML_LINE.search(msg)
        line = found.group(1) if found else "?"
        reason = _TOML_LINE.sub("", msg).strip()
        raise BadInputError(f"{path}:{line}: invalid TOML: {reason}") from None
    except RecursionError:
        raise BadInputError(f"{path}: invalid TOML: nested too deeply") from None


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


def load_answers(path: Path, questions: Sequence[Question]) -> Answers:
    """Read and validate an answers file."""
    return check_answers(read_mapping(path), questions, str(path))
