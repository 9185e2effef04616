"""The shared text helpers and vocabulary: one definition each, used by every screen and file."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from footback.core.models import SCORE_NAMES, StrictModel
from footback.core.text import (
    dose_text,
    excerpt,
    minutes_text,
    plural,
    safe_json,
    safe_line,
    verdict_text,
)
from footback.models.assessment import Score, Scores


def test_dose_short_and_full() -> None:
    assert dose_text(30, 1, False) == "30 s"
    assert dose_text(30, 3, True) == "30 s x 3, each side"
    assert (
        dose_text(10, 10, True, 3, full=True)
        == "hold 10 s x 10, each side (left then right), 3 s rest between"
    )
    # A rest only matters between repetitions.
    assert dose_text(10, 1, False, 3, full=True) == "hold 10 s"


@pytest.mark.parametrize(("value", "text"), [(0, "0"), (2.0, "2"), (2.5, "2.5"), (12.4, "12"), (10, "10")])
def test_minutes_text(value: float, text: str) -> None:
    assert minutes_text(value) == text


def test_plural_and_verdict() -> None:
    assert plural(1, "step") == "1 step"
    assert plural(0, "day") == "0 days"
    assert verdict_text("replace_soon") == "replace soon"


def test_safe_line_shows_controls() -> None:
    assert safe_line(" a\t\tb\x07 ") == "a b\\x07"


def test_strict_model_forbids_unknown_keys_and_changes() -> None:
    class Thing(StrictModel):
        size: int

    with pytest.raises(ValidationError):
        Thing.model_validate({"size": 1, "colour": "red"})
    thing = Thing(size=1)
    with pytest.raises(ValidationError):
        setattr(thing, "size", 2)  # noqa: B010 (frozen: the assignment itself must fail)


def test_scores_named_in_screen_order() -> None:
    scores = Scores(**{n: Score(score=i, level="low", factors=[]) for i, n in enumerate(SCORE_NAMES)})
    assert [(name, score.score) for name, score in scores.named()] == [("foot", 0), ("back", 1), ("link", 2)]
    assert scores.score("link").score == 2


def test_counts_of_records_are_singular_for_one() -> None:
    from footback.core.text import record_count

    assert record_count(1, "shoe_pairs") == "1 shoe pair"
    assert record_count(2, "shoe_pairs") == "2 shoe pairs"
    assert record_count(1, "stretch_sessions") == "1 stretch session"
    assert record_count(0, "assessments") == "0 assessments"


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u200e", "\u200f", "\u061c"])
def test_line_separators_and_bidi_marks_are_shown_not_obeyed(char: str) -> None:
    # str.splitlines and some terminals break a line on U+2028/U+2029; bidi marks reorder text.
    shown = safe_line(f"name{char}more")
    assert char not in shown
    assert shown == f"name\\u{ord(char):04x}more"
    assert len(shown.splitlines()) == 1
    assert char not in safe_json(f'"{char}"')


@pytest.mark.parametrize("multiline", [False, True])
def test_text_problem_refuses_exactly_the_unsafe_characters(multiline: bool) -> None:
    # The one-pass search must refuse the same characters as UNSAFE, newline allowed only in multiline text.
    from footback.core.text import UNSAFE, text_problem

    for code in [*range(0x2100), *range(0xD7F0, 0xE010), 0x2028, 0x2029, 0x202E, 0x2066, 0x2069]:
        ch = chr(code)
        expected = UNSAFE.match(ch) is not None and not (multiline and ch == "\n")
        found = text_problem(f"a{ch}b", max_length=10, multiline=multiline) == "contains control characters"
        assert found is expected, hex(code)


def test_an_excerpt_shows_a_control_character_once() -> None:
    # qa-cli: repr() after escaping doubled the backslash: '\\x1b[2J' instead of '\x1b[2J'.
    assert excerpt("\x1b[2J") == "'\\x1b[2J'"
    assert excerpt("a\tb") == "'a\\x09b'"
    assert excerpt("x" * 100) == "'" + "x" * 21 + "...'"
    assert excerpt(3.5) == "3.5"
