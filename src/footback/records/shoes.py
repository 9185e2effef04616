"""The shoes repository: the only SQL for tables `shoe_pairs` and `shoe_checks`, one row-to-model
function for each."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Generator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, NamedTuple

from footback.core.cited import Citer, citing
from footback.core.errors import BadInputError
from footback.records.db import Row, Store
from footback.records.fields import (
    as_int,
    as_object,
    as_optional_float,
    as_optional_int,
    as_optional_text,
    as_text,
    parse_stamp,
    stamp_text,
)
from footback.records.window import day_filter, kept_offset, local_time, offset_of

if TYPE_CHECKING:
    from footback.content.questions import Answers
    from footback.models.shoe_check import ShoeCheckResult

MAX_NAME_LENGTH = 40
CHECK = "shoe check"
PAIR = "shoe pair"
# Key and timestamp first (Store.skip_damaged names a damaged record by them).
_CHECK_COLUMNS = "id, created_at, pair, answers, result, utc_offset"
_PAIR_COLUMNS = "name, updated_at, shoe_type, distance_km, age_months, retired_at"
_NEWEST_FIRST = " ORDER BY created_at DESC, id DESC"


class SavedCheck(NamedTuple):
    id: int
    pair: str | None
    created_at: datetime
    answers: Answers
    result: ShoeCheckResult
    # The UTC offset of the clock it was written by (None before migration 100): its local day.
    utc_offset: int | None = None

    def local_time(self, now: datetime) -> datetime:
        """When it was made, on the person's clock at the time (records/window.py)."""
        return local_time(self.created_at, self.utc_offset, now)


class SavedPair(NamedTuple):
    name: str
    shoe_type: str
    distance_km: float | None
    age_months: int | None
    updated_at: datetime
    last: SavedCheck | None
    retired_at: datetime | None = None


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


def check_from_row(row: Row) -> SavedCheck:
    """The one way a shoe_checks row becomes a model; raises a ValueError for a damaged one."""
    # Imported here: `history` without shoe checks never builds the result model.
    from footback.models.shoe_check import ShoeCheckResult

    return SavedCheck(
        id=as_int(row[0]),
        created_at=parse_stamp(row[1]),
        pair=as_optional_text(row[2]),
        answers=as_object(row[3]),
        result=ShoeCheckResult.model_validate_json(as_text(row[4])),
        utc_offset=kept_offset(row[5]),
    )


def pair_from_row(row: Row, last: SavedCheck | None = None) -> SavedPair:
    """The one way a shoe_pairs row becomes a model; raises a ValueError for a damaged one."""
    return SavedPair(
        name=as_text(row[0]),
        updated_at=parse_stamp(row[1]),
        shoe_type=as_text(row[2]),
        distance_km=as_optional_float(row[3]),
        age_months=as_optional_int(row[4]),
        last=last,
        retired_at=None if row[5] is None else parse_stamp(row[5]),
    )


def latest_check(store: Store, pair: str) -> SavedCheck | None:
    """The most recent readable check saved under this pair."""
    sql = f"SELECT {_CHECK_COLUMNS} FROM shoe_checks WHERE pair = ?{_NEWEST_FIRST}"
    return next(store.iter_read(sql, (pair,), check_from_row, CHECK), None)


def oldest_checks(
    store: Store, *, since: date | None = None, offset_minutes: int = 0
) -> Generator[SavedCheck, None, None]:
    """Readable checks from local day `since`, oldest first, read lazily."""
    where, params = day_filter("created_at", since, offset_minutes)
    sql = f"SELECT {_CHECK_COLUMNS} FROM shoe_checks{where} ORDER BY created_at, id"
    return store.iter_read(sql, params, check_from_row, CHECK)


def recent_checks(
    store: Store, limit: int | None = None, *, since: date | None = None, offset_minutes: int = 0
) -> list[SavedCheck]:
    """The newest `limit` readable checks (all without a limit) from local day `since`, oldest first."""
    where, params = day_filter("created_at", since, offset_minutes)
    found: list[SavedCheck] = []
    for check in store.iter_read(
        f"SELECT {_CHECK_COLUMNS} FROM shoe_checks{where}{_NEWEST_FIRST}", params, check_from_row, CHECK
    ):
        found.append(check)
        if limit is not None and len(found) >= limit:
            break
    found.reverse()
    return found


def count_checks(store: Store, *, since: date | None = None, offset_minutes: int = 0) -> int:
    """How many checks are stored from local day `since` (damaged ones included)."""
    where, params = day_filter("created_at", since, offset_minutes)
    row = store.query_one(f"SELECT count(*) FROM shoe_checks{where}", params)
    return int(row[0]) if row else 0


def latest_checks(store: Store, limit: int) -> list[SavedCheck]:
    """The latest check of each named pair and of each day's unnamed checks, newest first."""
    # SQLite returns the other columns of the row holding max() (its documented bare-column rule).
    sql = (
        f"SELECT {_CHECK_COLUMNS} FROM shoe_checks WHERE id IN ("
        " SELECT id FROM (SELECT id, max(created_at) FROM shoe_checks"
        " GROUP BY pair IS NULL, coalesce(pair, substr(created_at, 1, 10))))"
        f"{_NEWEST_FIRST} LIMIT ?"
    )
    return store.read(sql, (limit,), check_from_row, CHECK)


def _pairs(store: Store, where: str, params: tuple[object, ...]) -> list[SavedPair]:
    sql = f"SELECT {_PAIR_COLUMNS} FROM shoe_pairs{where} ORDER BY updated_at DESC, name"
    pairs = store.read(sql, params, pair_from_row, PAIR)
    return [p._replace(last=latest_check(store, p.name)) for p in pairs]


def list_pairs(store: Store, *, retired: bool = False) -> list[SavedPair]:
    """Every readable pair in use (with `retired`, the retired ones too) with its latest check,
    most recently updated first."""
    return _pairs(store, "" if retired else " WHERE retired_at IS NULL", ())


def pair_names(store: Store) -> list[str]:
    """The saved pairs' names, most recently updated first (for suggestions)."""
    return [str(r[0]) for r in store.query("SELECT name FROM shoe_pairs ORDER BY updated_at DESC, name")]


def find_pair(store: Store, name: str) -> SavedPair | None:
    """The saved pair with this name; case is ignored (by SQLite's NOCASE: ASCII letters)."""
    found = _pairs(store, " WHERE name = ? COLLATE NOCASE", (name,))
    return found[0] if found else None


def save_check(
    store: Store,
    answers: Answers,
    result: ShoeCheckResult,
    now: datetime,
    pair: str | None = None,
    *,
    citer: Citer,
) -> int:
    """Store one check (its findings cited by `citer`) and, when named, create or update its pair,
    in one transaction."""
    stamp = stamp_text(now.astimezone(UTC))  # UTC text sorts in time order; the offset is kept apart
    with store.transaction() as conn:
        if pair is not None:
            age = answers.get("age_months")
            conn.execute(
                "INSERT INTO shoe_pairs (name, shoe_type, distance_km, age_months, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (name) DO UPDATE SET shoe_type = excluded.shoe_type,"
                " distance_km = excluded.distance_km, age_months = excluded.age_months,"
                " updated_at = excluded.updated_at, retired_at = NULL",
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
            "INSERT INTO shoe_checks (pair, created_at, verdict, score, answers, result, utc_offset)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                pair,
                stamp,
                result.verdict,
                result.score,
                json.dumps(answers, sort_keys=True),
                result.model_dump_json(context=citing(citer)),
                offset_of(now),
            ),
        )
        return int(cur.lastrowid or 0)


def retire_pair(store: Store, name: str, now: datetime) -> None:
    """Take a saved pair out of use: its checks stay (history, report); `--list` no longer shows
    it. Checking a pair under the same name again brings it back."""
    with store.transaction() as conn:
        # Retiring it again keeps the day it was first retired.
        conn.execute(
            "UPDATE shoe_pairs SET retired_at = ? WHERE name = ? AND retired_at IS NULL",
            (stamp_text(now.astimezone(UTC)), name),
        )


def undo_addition(store: Store, pair: SavedPair) -> SavedCheck:
    """Remove the pair's latest check when it was an `--add-distance`, and put the pair's distance
    and age back to the check before it; returns the removed check."""
    last = pair.last
    if last is None or last.result.origin != "add_distance":
        raise BadInputError(f"the last change to {pair.name!r} was not an --add-distance: nothing to undo")
    with store.transaction() as conn:
        conn.execute("DELETE FROM shoe_checks WHERE id = ?", (last.id,))
        before = latest_check(store, pair.name)
        if before is None:  # an addition always follows a check; a damaged store may not have it
            raise BadInputError(f"{pair.name!r} has no check before that --add-distance to go back to")
        age = before.answers.get("age_months")
        conn.execute(
            "UPDATE shoe_pairs SET distance_km = ?, age_months = ?, updated_at = ? WHERE name = ?",
            (
                before.result.distance_km,
                age if isinstance(age, int) else None,
                stamp_text(before.created_at),
                pair.name,
            ),
        )
    return last
