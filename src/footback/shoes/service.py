"""`footback shoes-check` behind the option parsing: check a pair, add distance, list saved pairs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footback.core.errors import BadInputError
from footback.core.units import DistanceUnit, parse_distance

# Start-up: `--list` imports this module and must not load the shoe content or its models.
if TYPE_CHECKING:
    from footback.content.questions import Answers, Question
    from footback.records.shoes import SavedCheck, SavedPair
    from footback.shoes.check import ShoeCheckResult
    from footback.shoes.content import ShoeContent


def check_options(
    *, answers_path: Path | None, name: str | None, list_saved: bool, add_distance: str | None, no_save: bool
) -> None:
    """Refuse combinations that would silently ignore an option."""
    if list_saved and (answers_path or name is not None or add_distance is not None or no_save):
        raise BadInputError(
            "--list shows saved pairs; use it without --answers, --name, --add-distance or --no-save"
        )
    if add_distance is not None:
        if name is None:
            raise BadInputError("--add-distance needs --name NAME: the saved pair to add the distance to")
        if answers_path or no_save:
            raise BadInputError("--add-distance updates a saved pair; use it without --answers or --no-save")


def content_in(units: DistanceUnit | None) -> ShoeContent:
    """The shoe content with its distance question asked in the configured unit."""
    from footback.content.questions import with_distance_unit
    from footback.shoes.content import load_shoe_content

    loaded = load_shoe_content()
    adjusted = with_distance_unit(loaded.questions.questions, units or "km")
    return loaded.model_copy(
        update={"questions": loaded.questions.model_copy(update={"questions": adjusted})}
    )


class DistanceUnitSeen:
    """The unit the person wrote distances in: "260 mi" in a file or at a prompt means miles."""

    def __init__(self, content: ShoeContent, raw: dict[str, Any]) -> None:
        self.default = content.questions.question("distance_km").distance_unit
        typed = raw.get("distance_km")
        self.unit: DistanceUnit = (
            parse_distance(typed, self.default).unit if isinstance(typed, str) else self.default
        )

    def __call__(self, question: Question, typed: str) -> None:
        """The interview's answer hook."""
        if question.kind == "distance":
            self.unit = parse_distance(typed, self.default).unit


def read_answers_file(path: Path | None, content: ShoeContent) -> tuple[Answers, DistanceUnitSeen]:
    """The file's answers (checked) and the distance unit it used."""
    from footback.content.answers_file import check_answers, read_mapping

    raw: dict[str, Any] = read_mapping(path) if path else {}
    given = check_answers(raw, content.questions.questions, str(path)) if path else {}
    return given, DistanceUnitSeen(content, raw)


def check_and_record(
    folder: Path,
    content: ShoeContent,
    answers: Answers,
    unit: DistanceUnit,
    now: datetime,
    pair: str | None,
    *,
    save: bool,
) -> tuple[ShoeCheckResult, SavedCheck | None]:
    """The check, saved under the pair's stored spelling unless `save` is False, and the pair's
    previous check for comparison."""
    from footback.records.db import open_existing_store, open_store
    from footback.records.shoes import find_pair, latest_check, save_check
    from footback.shoes.check import check_shoes

    result = check_shoes(content, answers, unit)
    store = open_store(folder) if save else open_existing_store(folder)
    if store is None:
        return result.model_copy(update={"pair": pair}), None
    with store:
        existing = find_pair(store, pair) if pair is not None else None
        # Reuse the saved spelling so 'Trail' and 'trail' stay one pair.
        name = existing.name if existing else pair
        previous = latest_check(store, name) if name is not None else None
        result = result.model_copy(update={"pair": name})
        if save:
            save_check(store, answers, result, now, name)
    return result, previous


def saved_pairs(folder: Path) -> list[SavedPair]:
    """Every saved pair; never creates the store."""
    from footback.records.db import open_existing_store
    from footback.records.shoes import list_pairs

    store = open_existing_store(folder)
    if store is None:
        return []
    with store:
        return list_pairs(store)


def pair_rows(pairs: list[SavedPair], now: datetime, units: DistanceUnit | None) -> list[dict[str, Any]]:
    """`--list --json`: one row per pair, in the configured unit or else each pair's own."""
    from footback.records.shoes import age_now

    rows = []
    for p in pairs:
        last = p.last.result if p.last else None
        rows.append(
            {
                "name": p.name,
                "shoe_type": p.shoe_type,
                "age_months": age_now(p, now),
                "distance_km": p.distance_km,
                "distance_unit": units or (last.distance_unit if last else "km"),
                "verdict": last.verdict if last else None,
                "score": last.score if last else None,
                "checked_at": p.last.created_at.isoformat() if p.last else None,
            }
        )
    return rows


@dataclass(frozen=True)
class AddedDistance:
    result: ShoeCheckResult
    previous: SavedCheck
    pair: str
    km: float
    unit: DistanceUnit


def add_distance(
    folder: Path, content: ShoeContent, name: str, amount: str, now: datetime, units: DistanceUnit | None
) -> AddedDistance:
    """Add distance to a saved pair, age it to `now`, re-score and save; a bare number is in the
    configured unit, else in the unit the pair was last checked in."""
    from footback.content.questions import applies
    from footback.core.suggest import closest
    from footback.core.units import DistanceError, format_distance
    from footback.records.db import open_existing_store
    from footback.records.shoes import find_pair, months_between, pair_names, save_check
    from footback.shoes.check import check_shoes
    from footback.shoes.render import type_label

    store = open_existing_store(folder)
    if store is None:
        raise BadInputError(f"no saved pair named {name!r}: nothing is saved yet (save one with --name)")
    with store:
        pair = find_pair(store, name)
        if pair is None:
            names = pair_names(store)
            folded = {n.casefold(): n for n in names}
            hint = closest(name.casefold(), list(folded))
            known = f"did you mean {folded[hint]!r}?" if hint else "saved pairs: " + ", ".join(names[:5])
            raise BadInputError(f"no saved pair named {name!r}; {known}")
        last = pair.last
        question = content.questions.question("distance_km")
        if last is None or not applies(question, {"shoe_type": pair.shoe_type}):
            raise BadInputError(
                f"{pair.name!r} are {type_label(content, pair.shoe_type)}: "
                "distance is tracked only for running and walking shoes"
            )
        try:
            added = parse_distance(amount, units or last.result.distance_unit)
        except DistanceError as exc:
            raise BadInputError(f"--add-distance: {exc}") from None
        total = round((pair.distance_km or 0.0) + added.km, 3)
        limit = question.maximum or 0.0
        if added.km <= 0 and any(digit in amount for digit in "123456789"):  # rounded away
            raise BadInputError(
                f"--add-distance: {amount!r} is less than a metre; distances are kept to the metre"
            )
        if added.km <= 0 or total > limit:
            raise BadInputError(
                f"--add-distance: {amount!r} must be more than 0 and keep the total within "
                f"{format_distance(limit, added.unit)}"
            )
        answers = dict(last.answers) | {"distance_km": total}
        age = last.answers.get("age_months")
        age_limit = int(content.questions.question("age_months").maximum or 0)
        if isinstance(age, int):
            answers["age_months"] = min(age_limit, age + months_between(last.created_at, now))
        result = check_shoes(content, answers, added.unit).model_copy(
            update={"pair": pair.name, "origin": "add_distance"}
        )
        save_check(store, answers, result, now, pair.name)
    return AddedDistance(result, last, pair.name, added.km, added.unit)
