"""Reading what a person typed (or an answers file holds) for a question, and showing a value back."""

from __future__ import annotations

import math
import re

from footback.content.questions import NO, YES, InvalidAnswer, OutOfRange, Question, Value, fmt_num
from footback.core.units import (
    AmountError,
    DistanceError,
    format_amount,
    from_km,
    is_amount_unit,
    parse_amount,
    parse_distance,
    split_scale,
    to_km,
)


def _in_range(question: Question, number: float, typed: str | None = None) -> float:
    """The number if it is in range; otherwise say the range, in the unit the question shows."""
    lo = question.minimum if question.minimum is not None else -math.inf
    hi = question.maximum if question.maximum is not None else math.inf
    if math.isnan(number):
        raise InvalidAnswer(f"expected {question.allowed()}")
    if lo <= number <= hi:
        return number
    shown = " ".join(typed.split()) if typed else format_amount(number, question.unit, question.shown_unit)
    if question.kind == "distance":
        bound = from_km(hi if number > hi else lo, question.distance_unit)
        limit = f"{fmt_num(round(bound))} {question.distance_unit}"
    else:
        limit = format_amount(hi if number > hi else lo, question.unit, question.shown_unit)
    relation = "more" if number > hi else "less"
    raise OutOfRange(f"{shown} is {relation} than {limit}")


def check_value(question: Question, raw: object) -> Value:
    """Validate a value from an answers file (already typed by TOML/JSON)."""
    kind = question.kind
    if kind == "bool":
        if isinstance(raw, bool):
            return raw
    elif kind == "choice":
        if isinstance(raw, str) and raw in question.values:
            return raw
    elif kind == "multi":
        if isinstance(raw, list) and all(isinstance(v, str) and v in question.values for v in raw):
            return list(dict.fromkeys(raw))
    elif kind == "int":
        if isinstance(raw, int) and not isinstance(raw, bool):
            return int(_in_range(question, float(raw)))
        if isinstance(raw, str) and is_amount_unit(question.unit):
            return _number(question, raw)
    elif kind == "number" and isinstance(raw, str) and is_amount_unit(question.unit):
        return _number(question, raw)
    elif kind == "distance" and isinstance(raw, str):
        return _distance(question, raw)
    elif kind == "distance" and isinstance(raw, int | float) and not isinstance(raw, bool):
        return _in_range(question, to_km(float(raw), question.distance_unit), fmt_num(float(raw)))
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        return _in_range(question, float(raw))
    written = _as_written(raw)
    shown = written if len(written) <= 40 else written[:37] + "..."
    raise InvalidAnswer(f"{shown} is not allowed; expected {question.allowed()}")


def _as_written(raw: object) -> str:
    """A value as the file wrote it: JSON's null, true and false, not Python's None, True, False."""
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return repr(raw)


def parse_typed(question: Question, text: str) -> Value:
    """Read what a person typed: a number from the list, a value, yes/no, or a number."""
    token = text.strip()
    low = token.lower()
    kind = question.kind
    if kind in ("bool", "choice") and (marked := _MARKED.match(low)) is not None:
        low = marked.group(1)  # "2)" or "y)", as the list on screen shows it
    if kind == "bool":
        if low in YES or low == "1":
            return True
        if low in NO or low == "2":
            return False
        raise InvalidAnswer("answer y (yes) or n (no)")
    if kind == "choice":
        return _pick(question, low)
    if kind == "multi":
        if low in ("", "none", "-"):
            return []
        return _pick_many(question, low)
    if kind == "distance":
        return _distance(question, token)
    return _number(question, token)


# A list mark as shown on screen: "2)", "y)".
_MARKED = re.compile(r"^(\d+|[a-z])\s*\)$")


def _number(question: Question, token: str) -> int | float:
    """A number as typed: plain, "6/10" on a scale, or with a unit ("3 months", "5 ft 9")."""
    scale = split_scale(token)
    if scale is not None:
        if question.maximum is None or scale[1] != question.maximum:
            raise InvalidAnswer(f"{token.strip()!r} is not on this scale; expected {question.allowed()}")
        number, with_unit = scale[0], False
    else:
        try:
            number, with_unit = parse_amount(token, question.unit, question.bare_unit)
        except AmountError as exc:
            raise InvalidAnswer(f"{exc}; expected {question.allowed()}") from None
    if question.kind == "int":
        # A converted amount ("3 months" as weeks) is rounded; a bare fraction is a mistake.
        if not with_unit and question.bare_unit in (None, question.unit) and not number.is_integer():
            raise InvalidAnswer(f"expected {question.allowed()}")
        return int(_in_range(question, float(round(number)), _typed(question, token, with_unit)))
    # Converted amounts are kept to 0.01 so that "185 lb" does not store float noise.
    return _in_range(question, round(number, 2), _typed(question, token, with_unit))


def _typed(question: Question, token: str, with_unit: bool) -> str | None:
    """How to repeat a number back in an out-of-range message (None: the number itself)."""
    if with_unit:
        return token
    if question.bare_unit not in (None, question.unit):
        return f"{token.strip()} {question.bare_unit}"
    return None


def _distance(question: Question, text: str) -> float:
    """Kilometres from '12km', '8 mi' or a bare number (in the question's distance unit)."""
    try:
        km = parse_distance(text, question.distance_unit).km
    except DistanceError as exc:
        raise InvalidAnswer(f"{exc}; expected {question.allowed()}") from None
    return _in_range(question, km, text)


def _squash(text: str) -> str:
    """Text compared case- and space-insensitively ("Ball of the foot" = "balloffoot" = "ball_of_foot")."""
    return re.sub(r"[\s_\-,.:;'\u2019]+", "", text.lower())


# Fewer letters than this are never read as the start of a word: a stray `n` on "How often do
# your feet hurt?" was once taken as "never" and skipped the whole foot part. Keys on screen
# are numbers, so a single letter is taken only when it is a whole value or label.
MIN_START = 2


def _pick(question: Question, token: str) -> str:
    """A choice by its number, its value or its label on screen, or an unambiguous start of one
    at least MIN_START letters long."""
    if token.isdigit() and 1 <= int(token) <= len(question.choices):
        return question.choices[int(token) - 1].value
    typed = _squash(token)
    if typed:
        for choice in question.choices:
            if typed in (_squash(choice.value), _squash(choice.label)):
                return choice.value
        if len(typed) < MIN_START and not typed.isdigit():
            raise InvalidAnswer(
                f"{token.strip()!r} is not one of the keys shown; type its number or its word"
            )
        starts = [
            c
            for c in question.choices
            if _squash(c.value).startswith(typed) or _squash(c.label).startswith(typed)
        ]
        if len(starts) == 1:
            return starts[0].value
        if starts:
            raise InvalidAnswer(
                f"{token.strip()!r} could be {' or '.join(c.label for c in starts)}; type a little more"
            )
    numbers = f"1-{len(question.choices)}"
    labels = [c.label for c in question.choices]
    # "in the middle, under the arch" is one label: with commas inside, a comma cannot part them.
    between = "; " if any("," in label for label in labels) else ", "
    raise InvalidAnswer(f"choose {numbers} or one of: {between.join(labels)}")


def _pick_many(question: Question, text: str) -> list[str]:
    """Several choices separated by commas or spaces; labels of several words are read whole."""
    words = text.replace(",", " ").split()
    picked: list[str] = []
    start = 0
    while start < len(words):
        # The longest run of words that names one choice ("ball of the foot", then "heel").
        for end in range(len(words), start, -1):
            try:
                picked.append(_pick(question, " ".join(words[start:end])))
            except InvalidAnswer:
                if end == start + 1:
                    raise
                continue
            start = end
            break
    return list(dict.fromkeys(picked))


def shown_value(question: Question, value: Value) -> str:
    """An answer as the person would type or read it ("yes", "often", "heel, arch", "12 weeks")."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    labels = {c.value: c.label for c in question.choices}
    if isinstance(value, list):
        return ", ".join(labels.get(v, v) for v in value) or "none"
    if isinstance(value, str):
        return labels.get(value, value)
    if question.kind == "distance":
        return f"{fmt_num(round(from_km(float(value), question.distance_unit), 1))} {question.distance_unit}"
    if is_amount_unit(question.unit):
        return format_amount(float(value), question.unit, question.shown_unit)
    unit = f" {question.unit}" if question.unit else ""
    return f"{fmt_num(float(value))}{unit}"


def typed_text(question: Question, value: Value) -> str:
    """What to type to give this answer again (`parse_typed` reads it back to `value`)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return " ".join(value) or "none"
    if isinstance(value, str):
        return value
    if question.kind == "distance":
        return f"{value} km"
    # With the unit, so a bare number read in another unit (imperial heights) is not misread.
    unit = f" {question.unit}" if is_amount_unit(question.unit) else ""
    return f"{value}{unit}"
