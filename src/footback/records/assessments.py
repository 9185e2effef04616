"""The assessments repository: the only SQL for table `assessments`, one row-to-model function."""

from __future__ import annotations

import json
from collections.abc import Generator
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, NamedTuple

from footback.core.cited import Citer, citing
from footback.records.db import Row, Store
from footback.records.fields import as_int, as_object, as_text, parse_stamp, stamp_text
from footback.records.window import day_filter, kept_offset, local_time, offset_of

if TYPE_CHECKING:
    from footback.content.questions import Answers
    from footback.models.assessment import AssessmentResult

WHAT = "assessment"
# Key and timestamp first (Store.skip_damaged names a damaged record by them).
_COLUMNS = "id, created_at, urgent, foot_score, back_score, link_score, answers, result, utc_offset"
_NEWEST_FIRST = " ORDER BY created_at DESC, id DESC"


class SavedAssessment(NamedTuple):
    id: int
    created_at: datetime
    urgent: bool
    answers: Answers
    result: AssessmentResult
    # The UTC offset of the clock it was written by (None before migration 100): its local day.
    utc_offset: int | None = None

    def local_time(self, now: datetime) -> datetime:
        """When it was written, on the person's clock at the time (records/window.py)."""
        return local_time(self.created_at, self.utc_offset, now)


def from_row(row: Row) -> SavedAssessment:
    """The one way an assessments row becomes a model; raises a ValueError for a damaged one."""
    # Imported here: a command with nothing stored never builds the result models.
    from footback.models.assessment import AssessmentResult

    # The score columns repeat the result's scores for SQL; text in them means a damaged row too.
    for column in row[3:6]:
        as_int(column)
    return SavedAssessment(
        id=as_int(row[0]),
        created_at=parse_stamp(row[1]),
        urgent=bool(as_int(row[2])),
        answers=as_object(row[6]),
        result=AssessmentResult.model_validate_json(as_text(row[7])),
        utc_offset=kept_offset(row[8]),
    )


def save_assessment(
    store: Store, answers: Answers, result: AssessmentResult, now: datetime, *, citer: Citer
) -> int:
    """Store one completed assessment, its findings cited by `citer`; returns its id.

    `now` is the clock's local time: the stamp is stored in UTC with that moment's UTC offset
    beside it, so the assessment stays on the person's calendar day (records/window.py)."""
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO assessments"
            " (created_at, urgent, foot_score, back_score, link_score, answers, result, utc_offset)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                stamp_text(now.astimezone(UTC)),
                int(result.urgent),
                result.scores.foot.score,
                result.scores.back.score,
                result.scores.link.score,
                json.dumps(answers, sort_keys=True),
                result.model_dump_json(context=citing(citer)),
                offset_of(now),
            ),
        )
        return int(cur.lastrowid or 0)


def oldest_assessments(
    store: Store, *, since: date | None = None, offset_minutes: int = 0
) -> Generator[SavedAssessment, None, None]:
    """Readable assessments from local day `since`, oldest first, read lazily."""
    where, params = day_filter("created_at", since, offset_minutes)
    sql = f"SELECT {_COLUMNS} FROM assessments{where} ORDER BY created_at, id"
    return store.iter_read(sql, params, from_row, WHAT)


def list_assessments(
    store: Store, *, limit: int | None = None, since: date | None = None, offset_minutes: int = 0
) -> list[SavedAssessment]:
    """The newest `limit` readable assessments (all without a limit) from local day `since`, oldest first."""
    where, params = day_filter("created_at", since, offset_minutes)
    sql = f"SELECT {_COLUMNS} FROM assessments{where}{_NEWEST_FIRST}"
    found: list[SavedAssessment] = []
    for saved in store.iter_read(sql, params, from_row, WHAT):
        found.append(saved)
        if limit is not None and len(found) >= limit:
            break
    found.reverse()
    return found


def warning_assessments(
    store: Store, *, since: date | None = None, offset_minutes: int = 0
) -> list[SavedAssessment]:
    """The readable assessments that reported a warning sign, from local day `since`, oldest first."""
    where, params = day_filter("created_at", since, offset_minutes)
    where = f"{where} AND urgent = 1" if where else " WHERE urgent = 1"
    sql = f"SELECT {_COLUMNS} FROM assessments{where} ORDER BY created_at, id"
    return store.read(sql, params, from_row, WHAT)


def count_assessments(store: Store, *, since: date | None = None, offset_minutes: int = 0) -> int:
    """How many assessments are stored from local day `since` (damaged ones included)."""
    where, params = day_filter("created_at", since, offset_minutes)
    row = store.query_one(f"SELECT count(*) FROM assessments{where}", params)
    return int(row[0]) if row else 0


def latest_assessment(store: Store) -> SavedAssessment | None:
    """The most recent readable assessment, if any."""
    found = list_assessments(store, limit=1)
    return found[0] if found else None


def latest_scored_assessment(store: Store) -> SavedAssessment | None:
    """The most recent readable assessment that was scored (no warning sign stopped it)."""
    sql = f"SELECT {_COLUMNS} FROM assessments WHERE urgent = 0{_NEWEST_FIRST}"
    return next(store.iter_read(sql, (), from_row, WHAT), None)


def since_last_full(store: Store) -> tuple[SavedAssessment | None, list[SavedAssessment]]:
    """The latest full scored assessment, and the quick ones saved after it (oldest first).

    Reads newest first and stops at that full one; a warning-sign entry (from a check-in, or an
    assessment stopped early) is skipped unless it was a quick one.
    """
    sql = f"SELECT {_COLUMNS} FROM assessments{_NEWEST_FIRST}"
    quick: list[SavedAssessment] = []
    for saved in store.iter_read(sql, (), from_row, WHAT):
        if saved.result.quick:
            quick.append(saved)
        elif not saved.urgent:
            return saved, quick[::-1]
    return None, quick[::-1]


def latest_result(store: Store) -> AssessmentResult | None:
    """The result of the most recent readable assessment, if any."""
    saved = latest_assessment(store)
    return saved.result if saved else None
