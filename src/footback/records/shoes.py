"""Saved pairs of shoes and their checks in the history store."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from footback.content.questions import Answers
from footback.core.errors import BadInputError
from footback.records.db import Store, damaged_record
from footback.shoes.check import ShoeCheckResult

MAX_NAME_LENGTH = 40
_CHECK_COLUMNS = "id, pair, created_at, answers, result"


@dataclass(frozen=True)
class SavedCheck:
    id: int
    pair: str | None
    created_at: datetime
    answers: Answers
    result: ShoeCheckResult


@dataclass(frozen=True)
class SavedPair:
    name: str
    shoe_type: str
    distance_km: float | None
    age_months: int | None
    updated_at: datetime
    last: SavedCheck | None


def clean_pair_name(raw: str) -> str:
    """A pair name as typed, trimmed; refuses empty, over-long and control characters."""
    name = raw.strip()
    if not name:
        raise BadInputError("--name: the pair name is empty")
    if len(name) > MAX_NAME_LENGTH:
        raise BadInputError(f"--name: the pair name is longer than {MAX_NAME_LENGTH} characters")
    # Control and format characters could rewrite the terminal or hide text in --list.
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        raise BadInputError("--name: the pair name contains control characters")
    return name


def months_between(start: datetime, end: datetime) -> int:
    """Whole calendar months from start to end (0 if end is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def age_now(pair: SavedPair, now: datetime) -> int | None:
    """The pair's age today: its age when last saved plus the months since."""
    if pair.age_months is None:
        return None
    return pair.age_months + months_between(pair.updated_at, now)


def _check(store: Store, row: tuple[int, str | None, str, str, str]) -> SavedCheck:
    # Bad JSON, a bad date and a failed validation are all ValueErrors: one clear error, no traceback.
    try:
        return SavedCheck(
            id=row[0],
            pair=row[1],
            created_at=datetime.fromisoformat(row[2]),
            answers=json.loads(row[3]),
            result=ShoeCheckResult.model_validate_json(row[4]),
        )
    except (ValueError, TypeError):
        raise damaged_record(store.path, "shoe check", row[2]) from None


def latest_check(store: Store, pair: str) -> SavedCheck | None:
    """The most recent check saved under this pair."""
    row = store.conn.execute(
        f"SELECT {_CHECK_COLUMNS} FROM shoe_checks WHERE pair = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        (pair,),
    ).fetchone()
    return _check(store, row) if row else None


def list_pairs(store: Store) -> list[SavedPair]:
    """Every saved pair with its latest check, most recently updated first."""
    rows = store.conn.execute(
        "SELECT name, shoe_type, distance_km, age_months, updated_at FROM shoe_pairs"
        " ORDER BY updated_at DESC, name"
    ).fetchall()
    return [
        SavedPair(
            name=r[0],
            shoe_type=r[1],
            distance_km=r[2],
            age_months=r[3],
            updated_at=datetime.fromisoformat(r[4]),
            last=latest_check(store, r[0]),
        )
        for r in rows
    ]


def find_pair(store: Store, name: str) -> SavedPair | None:
    """The saved pair with this name; case is ignored so 'Trail' finds 'trail'."""
    wanted = name.casefold()
    return next((p for p in list_pairs(store) if p.name.casefold() == wanted), None)


def save_check(
    store: Store, answers: Answers, result: ShoeCheckResult, now: datetime, pair: str | None = None
) -> int:
    """Store one check and, when named, create or update its pair, in one transaction."""
    stamp = now.isoformat(timespec="seconds")
    with store.transaction() as conn:
        if pair is not None:
            age = answers.get("age_months")
            conn.execute(
                "INSERT INTO shoe_pairs (name, shoe_type, distance_km, age_months, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET shoe_type = excluded.shoe_type,"
                " distance_km = excluded.distance_km, age_months = excluded.age_months,"
                " updated_at = excluded.updated_at",
                (
                    pair,
                    result.shoe_type,
                    result.distance_km,
                    age if isinstance(age, int) else None,
                    stamp,
                    stamp,
                ),
            )
        cur = conn.execute(
            "INSERT INTO shoe_checks (pair, created_at, verdict, score, answers, result)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (
                pair,
                stamp,
                result.verdict,
                result.score,
                json.dumps(answers, sort_keys=True),
                result.model_dump_json(),
            ),
        )
        return int(cur.lastrowid or 0)
