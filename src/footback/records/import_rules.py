"""What an imported record must be: the same models and text rules as the commands that save them.

Import is the one way text and numbers reach the store without a command having made them, so
everything a reader later trusts is checked here: dates a time zone can convert, finite numbers in
range, integers SQLite can hold, text without control characters or lone surrogates, answers of the
right shape for their questions, results that load, known shoe types and verdicts. A refusal names
the record and the field and quotes at most a short excerpt of the bad value. What needs content
(question ids, shoe types, warning-sign ids, the plan's routine file) is checked by the feature that
owns it, through the `ImportChecks` registry below.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from typing import Any

from footback.core.dates import read_day, read_stamp
from footback.core.errors import BadInputError
from footback.core.text import excerpt, text_problem
from footback.models.stretch_session import MAX_ROUTINE_NAME
from footback.records.shoes import MAX_NAME_LENGTH as MAX_PAIR_NAME
from footback.records.stretch_sessions import MAX_SECONDS
from footback.records.window import MAX_OFFSET

SQLITE_INT = 2**63 - 1
MAX_TEXT = 10_000  # any text inside a record (content sentences are a few hundred characters)
MAX_STEPS = 10_000
MAX_KM = 1_000_000.0
MAX_MONTHS = 1_200
MAX_SIGNS = 100  # warning-sign ids in one confirmation (the assessment asks about some 20)

Row = dict[str, Any]


class RecordProblem(ValueError):
    """A field that is not acceptable: `field` and what is wrong."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _walk(value: object, path: str) -> Iterator[tuple[str, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield path + f".{key}", key
            yield from _walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{path}[{index}]")


def _value_problem(value: object) -> str | None:
    if isinstance(value, str):
        return text_problem(value, max_length=MAX_TEXT, multiline=True) if value else None
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and not -SQLITE_INT <= value <= SQLITE_INT:
        return "is out of range"
    if isinstance(value, float) and not math.isfinite(value):
        return "is not a finite number"
    return None


def _any_problem(top: object) -> bool:
    """Whether `_walk` would meet a bad value, found without building a path for every value."""
    stack = [top]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
        elif _value_problem(value) is not None:
            return True
    return False


def check_values(row: Row) -> None:
    """Every value anywhere in the record: text rules, finite numbers, integers SQLite can hold."""
    # Import checks every record: the quick pass first, the walk with paths only to name a problem.
    if not any(_any_problem(top) for top in row.values()):
        return
    for name, top in row.items():
        for path, value in _walk(top, name):
            if (problem := _value_problem(value)) is not None:
                # Text reads "contains control characters 'a\x07'"; numbers read "1e999 is out of range".
                shown = (
                    f"{problem} {excerpt(value)}" if isinstance(value, str) else f"{excerpt(value)} {problem}"
                )
                raise RecordProblem(path, shown)


def stamp(row: Row, field: str) -> None:
    """A moment in the one form (core.dates), with its time zone, as every command writes it."""
    try:
        read_stamp(row.get(field))
    except ValueError as exc:
        raise RecordProblem(field, str(exc)) from None


def signs_list(row: Row, field: str) -> list[str]:
    """A list of warning-sign ids, each once (the commands never store one twice)."""
    signs = row.get(field)
    if not isinstance(signs, list) or not all(isinstance(s, str) and s for s in signs):
        raise RecordProblem(field, "must be a list of warning-sign ids")
    if len(set(signs)) != len(signs):
        twice = next(s for s in signs if signs.count(s) > 1)
        raise RecordProblem(field, f"lists {excerpt(twice)} twice")
    return signs


def number(
    row: Row, field: str, low: float, high: float, *, whole: bool = False, optional: bool = False
) -> None:
    value = row.get(field)
    if value is None and optional:
        return
    kind = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind) or not low <= value <= high:
        what = "a whole number" if whole else "a number"
        raise RecordProblem(field, f"{excerpt(value)} is not {what} from {low:g} to {high:g}")


def kept_offset(row: Row) -> None:
    """The UTC offset a record kept, in minutes east of UTC (sessions: migration 70; assessments,
    shoe checks, clinician confirmations, plan changes: migration 100); absent in older exports."""
    number(row, "utc_offset", -MAX_OFFSET, MAX_OFFSET, whole=True, optional=True)


def name(row: Row, field: str, max_length: int, *, optional: bool = False) -> None:
    value = row.get(field)
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise RecordProblem(field, f"{excerpt(value)} is not text")
    problem = text_problem(value, max_length=max_length)
    if problem is None and value != value.strip():
        problem = "has spaces at the start or end"
    if problem:
        raise RecordProblem(field, f"{problem} {excerpt(value)}")


def one_of(row: Row, field: str, allowed: list[str]) -> None:
    if row.get(field) not in allowed:
        raise RecordProblem(field, f"{excerpt(row.get(field))} is not one of {', '.join(allowed)}")


def _answers_object(row: Row) -> dict[str, Any]:
    value = row.get("answers")
    if not isinstance(value, dict):
        raise RecordProblem("answers", "must be an object of question ids and answers")
    return value


def answers(row: Row, questions: list[Any]) -> None:
    """The record's answers fit these questions (a feature's content check)."""
    from footback.content.answers_file import check_answers

    value = _answers_object(row)
    try:
        check_answers(value, questions, "")
    except BadInputError as exc:
        raise RecordProblem("answers", exc.message.lstrip(": ")) from None


def model(row: Row, cls: Any) -> Any:
    from pydantic import ValidationError

    try:
        return cls.model_validate(row.get("result"))
    except ValidationError as exc:
        first = exc.errors()[0]
        spot = ".".join(str(p) for p in first["loc"])
        raise RecordProblem(f"result.{spot}" if spot else "result", first["msg"]) from None


def _assessment(row: Row) -> None:
    from footback.models.assessment import AssessmentResult

    stamp(row, "created_at")
    kept_offset(row)
    number(row, "urgent", 0, 1, whole=True)
    for field in ("foot_score", "back_score", "link_score"):
        number(row, field, 0, 100, whole=True)
    _answers_object(row)
    model(row, AssessmentResult)


def _session(row: Row) -> None:
    stamp(row, "started_at")
    name(row, "routine", MAX_ROUTINE_NAME)
    number(row, "planned_seconds", 0, MAX_SECONDS)
    number(row, "actual_seconds", 0, MAX_SECONDS)
    number(row, "steps_done", 0, MAX_STEPS, whole=True)
    number(row, "steps_skipped", 0, MAX_STEPS, whole=True)
    number(row, "finished", 0, 1, whole=True)
    kept_offset(row)
    if not isinstance(row.get("detail"), dict):
        raise RecordProblem("detail", "must be an object")


def _pair(row: Row) -> None:
    name(row, "name", MAX_PAIR_NAME)
    number(row, "distance_km", 0, MAX_KM, optional=True)
    number(row, "age_months", 0, MAX_MONTHS, whole=True, optional=True)
    stamp(row, "created_at")
    stamp(row, "updated_at")
    if row.get("retired_at") is not None:
        stamp(row, "retired_at")


def _check(row: Row) -> None:
    from footback.models.shoe_check import VERDICTS, ShoeCheckResult

    name(row, "pair", MAX_PAIR_NAME, optional=True)
    stamp(row, "created_at")
    kept_offset(row)
    one_of(row, "verdict", list(VERDICTS))
    number(row, "score", 0, 100, whole=True)
    _answers_object(row)
    model(row, ShoeCheckResult)


def _checkin(row: Row) -> None:
    from footback.models.checkin import MAX_NOTE, PAIN_MAX, PAIN_MIN, day_problem

    try:
        day = read_day(row.get("day"))
    except ValueError as exc:
        raise RecordProblem("day", str(exc)) from None
    stamp(row, "created_at")
    if (problem := day_problem(day, read_stamp(row["created_at"]))) is not None:
        raise RecordProblem("day", problem)
    number(row, "foot", PAIN_MIN, PAIN_MAX, whole=True)
    number(row, "back", PAIN_MIN, PAIN_MAX, whole=True)
    if row.get("note") is not None:
        name(row, "note", MAX_NOTE)
    signs_list(row, "warning_signs")


def _plan_change(row: Row) -> None:
    from footback.models.plan_change import ACTIONS

    stamp(row, "created_at")
    kept_offset(row)
    one_of(row, "action", list(ACTIONS))
    number(row, "level", 1, 20, whole=True)
    number(row, "previous", 1, 20, whole=True, optional=True)
    value = row.get("reason")
    if not isinstance(value, str) or not value:
        raise RecordProblem("reason", "must be text")


def _seen(row: Row) -> None:
    stamp(row, "seen_at")
    kept_offset(row)
    signs = signs_list(row, "signs")
    if len(signs) > MAX_SIGNS:
        raise RecordProblem("signs", f"{len(signs)} ids; at most {MAX_SIGNS}")
    value = row.get("assessment_uid")
    if value is not None and not isinstance(value, str):
        raise RecordProblem("assessment_uid", f"{excerpt(value)} is not text")


def _psfs(row: Row) -> None:
    from footback.models.psfs import MAX_ACTIVITIES, MAX_ACTIVITY, RATING_MAX, RATING_MIN

    try:
        read_day(row.get("day"))
    except ValueError as exc:
        raise RecordProblem("day", str(exc)) from None
    stamp(row, "created_at")
    activities, ratings = row.get("activities"), row.get("ratings")
    if not isinstance(activities, list) or not 1 <= len(activities) <= MAX_ACTIVITIES:
        raise RecordProblem("activities", f"must be a list of 1 to {MAX_ACTIVITIES} names")
    for i, activity in enumerate(activities):
        name({f"activities[{i}]": activity}, f"activities[{i}]", MAX_ACTIVITY)
    if len({a.casefold() for a in activities}) != len(activities):
        raise RecordProblem("activities", "names an activity twice")
    if not isinstance(ratings, list) or len(ratings) != len(activities):
        raise RecordProblem("ratings", "must be a list with one rating per activity")
    for i, rating in enumerate(ratings):
        number({f"ratings[{i}]": rating}, f"ratings[{i}]", RATING_MIN, RATING_MAX, whole=True)


# One rule per record kind: a new kind in the export adds its rule here.
RULES: dict[str, Callable[[Row], None]] = {
    "assessments": _assessment,
    "stretch_sessions": _session,
    "shoe_pairs": _pair,
    "shoe_checks": _check,
    "checkins": _checkin,
    "plan_changes": _plan_change,
    "clinician_seen": _seen,
    "psfs_ratings": _psfs,
}


MAX_UID = 64  # footback writes 32 hex digits; a longer one is not from an export


def _uid(row: Row) -> None:
    value = row.get("uid")
    if value is not None and (not isinstance(value, str) or not 0 < len(value) <= MAX_UID):
        raise RecordProblem(
            "uid", f"{excerpt(value)} is not a record id (text, at most {MAX_UID} characters)"
        )


RecordCheck = Callable[[Row], None]
PlanCheck = Callable[[dict[str, Any], str], None]


class ImportChecks:
    """The checks of an import that need content, each given by the feature that owns it.

    records/ knows the store's shapes and text rules but no content: which question ids exist,
    which shoe types, what a routine file may hold. A feature registers a `RecordCheck` (raises
    RecordProblem) per record kind and a `PlanCheck` (the export's plan, parsed; raises
    BadInputError); the import command builds the registry (cli/import_checks.py). A record's
    content checks run after the rules here, so they see a record of the right shape.
    """

    def __init__(self) -> None:
        self._records: dict[str, list[RecordCheck]] = {}
        self._plans: list[PlanCheck] = []

    def add(self, table: str, check: RecordCheck) -> None:
        if table not in RULES:
            raise ValueError(f"{table!r} is not a record kind of the export")
        self._records.setdefault(table, []).append(check)

    def add_plan(self, check: PlanCheck) -> None:
        self._plans.append(check)

    def kinds(self) -> set[str]:
        """The record kinds with a content check."""
        return set(self._records)

    def record(self, table: str, row: Row) -> None:
        for check in self._records.get(table, ()):
            check(row)

    def plan(self, data: dict[str, Any], where: str) -> None:
        for check in self._plans:
            check(data, where)


def check_record(table: str, row: Row, where: str, checks: ImportChecks) -> None:
    """Refuse a record that a reader would choke on later; the message names record and field."""
    try:
        check_values(row)
        _uid(row)
        RULES[table](row)
        checks.record(table, row)
    except RecordProblem as exc:
        raise BadInputError(f"{where}: {exc.field}: {exc.problem}") from None
