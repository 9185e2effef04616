"""The shoe check's services: its content in the configured unit, answers files, saved pairs and
their distance (the command's flow is `shoes/flow.py`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footback.core.errors import BadInputError
from footback.core.units import DistanceUnit, parse_distance

# Start-up: `--list` imports this module and must not load the shoe content or its models.
if TYPE_CHECKING:
    from footback.content.questions import Answers, Question
    from footback.records.db import Store
    from footback.records.shoes import SavedPair
    from footback.shoes.changes import AddedDistance, UndoneDistance
    from footback.shoes.content import ShoeContent


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


def saved_pairs(folder: Path, *, retired: bool = False) -> tuple[list[SavedPair], int]:
    """The saved pairs in use (with `retired`, the retired ones too) and how many retired pairs
    are left out; never creates the store."""
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    if store is None:
        return [], 0
    # Imported only now: with no store, `--list` need not load the shoe records module.
    from footback.records.shoes import list_pairs

    with store:
        pairs = list_pairs(store, retired=True)
    shown = [p for p in pairs if retired or p.retired_at is None]
    return shown, len(pairs) - len(shown)


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
                "checked_at": p.last.local_time(now).isoformat() if p.last else None,
                "retired_at": p.retired_at.isoformat() if p.retired_at else None,
            }
        )
    return rows


def add_distance(
    folder: Path, content: ShoeContent, name: str, amount: str, now: datetime, units: DistanceUnit | None
) -> AddedDistance:
    """Add distance to a saved pair, age it to `now`, re-score and save; a bare number is in the
    configured unit, else in the unit the pair was last checked in."""
    from footback.content.questions import applies
    from footback.core.units import DistanceError, format_distance
    from footback.records.shoes import months_between, save_check
    from footback.shoes.changes import AddedDistance
    from footback.shoes.check import check_shoes
    from footback.shoes.content import type_label

    store = _existing(folder, name)
    with store:
        pair = _saved_pair(store, name)
        if pair.retired_at is not None:
            raise BadInputError(
                f"{pair.name!r} is retired; check it again with --name to use it, or add to another pair"
            )
        last = pair.last
        question = content.questions.question("distance_km")
        if last is None:  # its checks were damaged (skipped as such) or are gone: nothing to add to
            raise BadInputError(
                f"{pair.name!r} has no shoe check footback can read to add distance to; check the "
                f"pair again first: footback shoes-check --name {pair.name!r}"
            )
        if not applies(question, {"shoe_type": pair.shoe_type}):
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
        save_check(store, answers, result, now, pair.name, citer=content.sources)
    return AddedDistance(result, last, pair.name, added.km, added.unit)


def _existing(folder: Path, name: str) -> Store:
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    if store is None:
        raise BadInputError(f"no saved pair named {name!r}: nothing is saved yet (save one with --name)")
    return store


def _saved_pair(store: Store, name: str) -> SavedPair:
    """The saved pair with this name (case ignored), or an error suggesting the closest name."""
    from footback.core.suggest import closest
    from footback.records.shoes import find_pair, pair_names

    pair = find_pair(store, name)
    if pair is None:
        names = pair_names(store)
        folded = {n.casefold(): n for n in names}
        hint = closest(name.casefold(), list(folded))
        known = f"did you mean {folded[hint]!r}?" if hint else "saved pairs: " + ", ".join(names[:5])
        raise BadInputError(f"no saved pair named {name!r}; {known}")
    return pair


def undo_distance(folder: Path, name: str) -> UndoneDistance:
    """Take back the pair's last `--add-distance` (a mistaken one): its check goes, and the pair's
    distance and age are those of the check before."""
    from footback.records.shoes import undo_addition
    from footback.shoes.changes import UndoneDistance

    with _existing(folder, name) as store:
        pair = _saved_pair(store, name)
        removed = undo_addition(store, pair)
        after = _saved_pair(store, name)
    before = removed.result.distance_km or 0.0
    return UndoneDistance(
        pair=pair.name,
        removed_km=round(before - (after.distance_km or 0.0), 3),
        total_km=after.distance_km,
        unit=removed.result.distance_unit,
    )


def retire(folder: Path, name: str, now: datetime) -> str:
    """Retire a saved pair (kept in history and the report, gone from --list); returns its name."""
    from footback.records.shoes import retire_pair

    with _existing(folder, name) as store:
        pair = _saved_pair(store, name)
        retire_pair(store, pair.name, now)
    return pair.name
