"""Questions as data: conditions, parsing typed and file answers, applicability.

Shared by every guided command (assess, shoes-check): the wording lives in `data/`,
the rules for reading an answer live here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from pydantic import ConfigDict, Field, model_validator

from footback.core.models import StrictModel
from footback.core.units import (
    AmountError,
    BodyUnits,
    DistanceError,
    DistanceUnit,
    amount_examples,
    format_amount,
    from_km,
    is_amount_unit,
    parse_amount,
    parse_distance,
    to_km,
)

# "distance" is stored in kilometres; people may type or write "8 mi" or "12km", and a bare
# number is in the question's `distance_unit` (the `units` setting, km unless configured).
Kind = Literal["bool", "choice", "multi", "int", "number", "distance"]
Value = bool | int | float | str | list[str]
Answers = dict[str, Value]

YES = {"y", "yes", "true"}
NO = {"n", "no", "false"}


class InvalidAnswer(ValueError):
    """An answer that does not fit its question; the message lists what is allowed."""


class OutOfRange(InvalidAnswer):
    """A number that was understood but is outside the question's range; the message says the range."""


class Choice(StrictModel):
    value: str
    label: str
    # Higher means more concerning; property tests rely on scores never falling as it rises.
    concern: int = 0


class Condition(StrictModel):
    """A test on one answer (or derived fact). All given fields must hold; a missing value fails."""

    model_config = ConfigDict(populate_by_name=True)

    any_of: list[str] | None = None
    none_of: list[str] | None = None
    is_: bool | None = Field(default=None, alias="is")
    at_least: float | None = None
    below: float | None = None
    above: float | None = None
    contains_any: list[str] | None = None
    # `missing = true` holds only when there is no answer (e.g. age skipped); the other tests
    # never hold on a missing answer.
    missing: bool | None = None

    def holds(self, value: Value | None) -> bool:
        if self.missing is not None and (value is None) != self.missing:
            return False
        if value is None:
            return self.missing is True
        checks: list[bool] = []
        if self.any_of is not None:
            checks.append(isinstance(value, str) and value in self.any_of)
        if self.none_of is not None:
            checks.append(isinstance(value, str) and value not in self.none_of)
        if self.is_ is not None:
            checks.append(value is self.is_)
        numeric = isinstance(value, int | float) and not isinstance(value, bool)
        if self.at_least is not None:
            checks.append(numeric and float(value) >= self.at_least)  # type: ignore[arg-type]
        if self.above is not None:
            checks.append(numeric and float(value) > self.above)  # type: ignore[arg-type]
        if self.below is not None:
            checks.append(numeric and float(value) < self.below)  # type: ignore[arg-type]
        if self.contains_any is not None:
            checks.append(isinstance(value, list) and bool(set(value) & set(self.contains_any)))
        return (bool(checks) or self.missing is False) and all(checks)


When = dict[str, Condition]


def when_holds(when: Mapping[str, Condition], facts: Mapping[str, Value | None]) -> bool:
    """True when every condition holds on the named fact."""
    return all(cond.holds(facts.get(name)) for name, cond in when.items())


class Question(StrictModel):
    id: str
    part: str
    kind: Kind
    text: str
    why: str
    help: str | None = None
    choices: list[Choice] = []
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    # The unit a bare distance is read in. Not set in content files: shoes-check sets it from
    # the config's `units` (see `with_distance_unit`).
    distance_unit: DistanceUnit = "km"
    # The unit a bare number is read in when it differs from `unit` (imperial height and weight:
    # "in", "lb"). Not set in content files: assess sets it from the config's `body_units`.
    bare_unit: str | None = None
    # Which direction of a number is more concerning (for ordering answers in tests and UIs).
    worse: Literal["higher", "lower"] = "higher"
    optional: bool = False
    no_problem: Value | None = None
    ask_if: When = {}

    @model_validator(mode="after")
    def _check_shape(self) -> Question:
        if self.kind in ("choice", "multi") and not self.choices:
            raise ValueError(f"question {self.id}: a {self.kind} question needs choices")
        if self.kind in ("int", "number", "distance") and (self.minimum is None or self.maximum is None):
            raise ValueError(f"question {self.id}: a {self.kind} question needs minimum and maximum")
        if not self.optional and self.no_problem is None:
            raise ValueError(f"question {self.id}: needs a no_problem answer for the template")
        return self

    @property
    def values(self) -> list[str]:
        return [c.value for c in self.choices]

    def allowed(self) -> str:
        """Human description of what this question accepts."""
        if self.kind == "bool":
            return "true or false"
        if self.kind == "choice":
            return "one of: " + ", ".join(self.values)
        if self.kind == "multi":
            return "a list of: " + ", ".join(self.values)
        if self.kind == "distance":
            return self._distance_hint()
        kind = "a whole number" if self.kind == "int" else "a number"
        shown = self.shown_unit
        lo, hi = (format_amount(v or 0.0, self.unit, shown) for v in (self.minimum, self.maximum))
        if not is_amount_unit(self.unit):
            return f"{kind} from {_fmt_num(self.minimum)} to {_fmt_num(self.maximum)}"
        if shown == "in":  # feet and inches read better than a count of inches
            kind = "a height"
        unit_tail = f" {shown}"
        if lo.endswith(unit_tail) and hi.endswith(unit_tail):
            lo = lo.removesuffix(unit_tail)
        examples = amount_examples(shown or "")
        return f"{kind} from {lo} to {hi}" + (f", e.g. {examples}" if examples else "")

    @property
    def shown_unit(self) -> str | None:
        """The unit a bare number is read in and ranges are shown in."""
        return self.bare_unit or self.unit

    def _distance_hint(self) -> str:
        lo = _fmt_num(self.minimum)
        if self.distance_unit == "mi":
            hi = _fmt_num(round(from_km(self.maximum or 0.0, "mi")))
            return f"a distance from {lo} to {hi} mi; a plain number is miles (e.g. 260, or 420 km)"
        hi = _fmt_num(self.maximum)
        return f"a distance from {lo} to {hi} km; a plain number is km (e.g. 420, or 260 mi)"

    def concern_of(self, value: str) -> int:
        return next(c.concern for c in self.choices if c.value == value)


def _fmt_num(value: float | None) -> str:
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


def applies(question: Question, answers: Mapping[str, Value | None]) -> bool:
    """Whether a question should be asked given the answers so far."""
    return when_holds(question.ask_if, answers)


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
        limit = f"{_fmt_num(round(bound))} {question.distance_unit}"
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
        return _in_range(question, to_km(float(raw), question.distance_unit), _fmt_num(float(raw)))
    elif isinstance(raw, int | float) and not isinstance(raw, bool):
        return _in_range(question, float(raw))
    shown = repr(raw) if len(repr(raw)) <= 40 else repr(raw)[:37] + "..."
    raise InvalidAnswer(f"{shown} is not allowed; expected {question.allowed()}")


def parse_typed(question: Question, text: str) -> Value:
    """Read what a person typed: a number from the list, a value, yes/no, or a number."""
    token = text.strip()
    low = token.lower()
    kind = question.kind
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


# "6/10" on a 0-to-10 scale.
_SCALE = re.compile(r"^\s*([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*/\s*(\d+(?:\.\d*)?)\s*$")


def _number(question: Question, token: str) -> int | float:
    """A number as typed: plain, "6/10" on a scale, or with a unit ("3 months", "5 ft 9")."""
    scale = _SCALE.match(token)
    if scale is not None:
        if question.maximum is None or float(scale.group(2)) != question.maximum:
            raise InvalidAnswer(f"{token.strip()!r} is not on this scale; expected {question.allowed()}")
        number, with_unit = float(scale.group(1)), False
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


def _pick(question: Question, token: str) -> str:
    """A choice by its number, its value or its label on screen, or an unambiguous start of one."""
    if token.isdigit() and 1 <= int(token) <= len(question.choices):
        return question.choices[int(token) - 1].value
    typed = _squash(token)
    if typed:
        for choice in question.choices:
            if typed in (_squash(choice.value), _squash(choice.label)):
                return choice.value
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
    raise InvalidAnswer(f"choose {numbers} or one of: {', '.join(c.label for c in question.choices)}")


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
        return f"{_fmt_num(round(from_km(float(value), question.distance_unit), 1))} {question.distance_unit}"
    if is_amount_unit(question.unit):
        return format_amount(float(value), question.unit, question.shown_unit)
    unit = f" {question.unit}" if question.unit else ""
    return f"{_fmt_num(float(value))}{unit}"


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


def with_body_units(questions: Sequence[Question], body_units: BodyUnits) -> list[Question]:
    """The questions with bare heights read in inches and weights in pounds when imperial."""
    if body_units == "metric":
        return list(questions)
    imperial = {"cm": "in", "kg": "lb"}
    return [
        q.model_copy(update={"bare_unit": imperial[q.unit]}) if q.unit in imperial else q for q in questions
    ]


def with_distance_unit(questions: Sequence[Question], unit: DistanceUnit) -> list[Question]:
    """The questions with bare distances read (and described) in `unit`."""
    return [q.model_copy(update={"distance_unit": unit}) if q.kind == "distance" else q for q in questions]


def missing_ids(questions: Sequence[Question], answers: Mapping[str, Value]) -> list[str]:
    """Required questions that apply to these answers but have no answer."""
    return [q.id for q in questions if not q.optional and q.id not in answers and applies(q, answers)]


def drop_inapplicable(questions: Sequence[Question], answers: Answers) -> Answers:
    """Forget answers to questions that do not apply (e.g. pain details with no pain)."""
    kept: Answers = {}
    for q in questions:
        if q.id in answers and applies(q, kept | {k: v for k, v in answers.items() if k != q.id}):
            kept[q.id] = answers[q.id]
    return kept


# What the schema lets through as a distance string; parse_distance also accepts upper case.
_DISTANCE_PATTERN = r"^\s*(\d+(\.\d*)?|\.\d+)\s*(km|kms|k|kilometres?|kilometers?|mi|miles?)?\s*$"


def json_schema(questions: Sequence[Question], title: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) for an answers file of these questions."""
    props: dict[str, Any] = {}
    for q in questions:
        prop: dict[str, Any] = {"description": q.text}
        if q.kind == "bool":
            prop["type"] = "boolean"
        elif q.kind == "choice":
            prop |= {"type": "string", "enum": q.values}
        elif q.kind == "multi":
            prop |= {"type": "array", "items": {"enum": q.values}, "uniqueItems": True}
        elif q.kind == "distance":
            top = q.maximum if q.distance_unit == "km" else round(from_km(q.maximum or 0.0, "mi"))
            prop["anyOf"] = [
                {"type": "number", "minimum": q.minimum, "maximum": top},
                {"type": "string", "pattern": _DISTANCE_PATTERN},
            ]
        else:
            prop |= {
                "type": "integer" if q.kind == "int" else "number",
                "minimum": q.minimum,
                "maximum": q.maximum,
            }
        props[q.id] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        "type": "object",
        "properties": props,
        "additionalProperties": False,
    }


def _toml_value(value: Value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(f'"{v}"' for v in value) + "]"
    return _fmt_num(float(value))


def toml_template(questions: Sequence[Question], part_titles: Mapping[str, str], header: str) -> str:
    """A commented answers file with every question and its no-problem answer filled in."""
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    part = None
    for q in questions:
        if q.part != part:
            part = q.part
            lines += ["", f"# --- {part_titles.get(part, part)} ---"]
        lines.append(f"# {q.text}")
        unit = f" ({q.unit})" if q.unit and not is_amount_unit(q.unit) else ""
        lines.append(f"# Allowed: {q.allowed()}{unit}")
        if q.ask_if:
            lines.append("# Only asked when: " + ", ".join(q.ask_if))
        if q.optional or q.no_problem is None:
            lines.append(f"# {q.id} = ")
        else:
            lines.append(f"{q.id} = {_toml_value(q.no_problem)}")
    return "\n".join(lines) + "\n"
