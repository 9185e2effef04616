"""A hand-edited `assess-partial.json` (in the data folder): only valid answers are resumed."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from footback.assess.content import load_assess_content
from footback.assess.resume import PARTIAL_FILE, load_partial

QUESTIONS = load_assess_content().questions.questions
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_answers_of_the_wrong_type_or_with_escapes_are_asked_again(home: Path) -> None:
    home.mkdir(mode=0o700, exist_ok=True)
    answers = {
        "back_pain": "\x1b[2J",  # not one of the choices, and an escape
        "foot_pain": {"a": [1]},
        "foot_pain_level": -5,
        "back_pain_level": 1e308,
        "age": 52,  # the one good answer
        "rf_fever": "\x1b]0;pwned\x07",
    }
    (home / PARTIAL_FILE).write_text(
        json.dumps({"saved_at": NOW.isoformat(), "answers": answers, "skipped": "abc"}), encoding="utf-8"
    )
    partial = load_partial(home, NOW, QUESTIONS)
    assert partial is not None
    assert partial.answers == {"age": 52}
