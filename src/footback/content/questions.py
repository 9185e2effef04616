"""Questions as data: conditions, parsing typed and file answers, applicability.

Shared by every guided command (assess, shoes-check): the wording lives in `data/`,
the rules for reading an answer live here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from pydantic import ConfigDict, Field, model_validator

from footback.core.models import BodyUnits, StrictModel
from footback.core.units import (
    DistanceUnit,
    amount_examples,
    format_amount,
    from_km,
    is_amount_unit,
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
    # Asked only when one of these holds too (as well as every `ask_if` condition): for a
    # question whose answer follows from earlier ones otherwise. Unlike `ask_if`, an answer given
    # anyway (a file, a check-in's --sign) is kept, never dropped.
    ask_if_any: list[When] = []
    # The question as a statement, one line of a checklist ("you have diabetes").
    item: str | None = Field(default=None, min_length=1, max_length=150)
    # Yes-or-no questions of one group are asked together, as one checklist step.
    group: str | None = None

    @model_validator(mode="after")
    def _check_shape(self) -> Question:
        if self.kind in ("choice", "multi") and not self.choices:
            raise ValueError(f"question {self.id}: a {self.kind} question needs choices")
        if self.kind in ("int", "number", "distance") and (self.minimum is None or self.maximum is None):
            raise ValueError(f"question {self.id}: a {self.kind} question needs minimum and maximum")
        if not self.optional and self.no_problem is None:
            raise ValueError(f"question {self.id}: needs a no_problem answer for the template")
        if self.group is not None and self.kind != "bool":
            raise ValueError(f"question {self.id}: only a yes-or-no question can be in a group")
        return self

    @property
    def must_answer(self) -> bool:
        """Whether a file must answer this itself (a warning sign, in assess): the template leaves
        it blank rather than writing the no-problem answer, so copying it unread is refused."""
        return False

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
            return f"{kind} from {fmt_num(self.minimum)} to {fmt_num(self.maximum)}"
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
        lo = fmt_num(self.minimum)
        if self.distance_unit == "mi":
            hi = fmt_num(round(from_km(self.maximum or 0.0, "mi")))
            return f"a distance from {lo} to {hi} mi; a plain number is miles (e.g. 260, or 420 km)"
        hi = fmt_num(self.maximum)
        return f"a distance from {lo} to {hi} km; a plain number is km (e.g. 420, or 260 mi)"

    def concern_of(self, value: str) -> int:
        return next(c.concern for c in self.choices if c.value == value)


def fmt_num(value: float | None) -> str:
    """A limit as typed: 10 not 10.0, "?" when unset."""
    if value is None:
        return "?"
    return str(int(value)) if float(value).is_integer() else str(value)


def applies(question: Question, answers: Mapping[str, Value | None]) -> bool:
    """Whether a question should be asked given the answers so far."""
    return when_holds(question.ask_if, answers) and (
        not question.ask_if_any or any(when_holds(group, answers) for group in question.ask_if_any)
    )


def conditions_on(question: Question) -> set[str]:
    """The answers whether `question` is asked depends on."""
    return set(question.ask_if) | {name for group in question.ask_if_any for name in group}


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
    """Forget answers to questions that do not apply (e.g. pain details with no pain); `ask_if_any`
    only decides whether a question is asked, so an answer it would skip is kept."""
    kept: Answers = {}
    for q in questions:
        if q.id in answers and when_holds(q.ask_if, kept | {k: v for k, v in answers.items() if k != q.id}):
            kept[q.id] = answers[q.id]
    return kept


# What the schema lets through as a distance string; parse_distance also accepts upper case.
