"""Saving and reading assessments in the history store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from footback.assess.model import AssessmentResult
from footback.content.questions import Answers
from footback.core.errors import StoreError
from footback.records.db import Store, damaged_record


@dataclass(frozen=True)
class SavedAssessment:
    id: int
    created_at: datetime
    answers: Answers
    result: AssessmentResult


def save_assessment(store: Store, answers: Answers, result: AssessmentResult, now: datetime) -> int:
    """Store one completed assessment; returns its id."""
    with store.transaction() as conn:
        cur = conn.execute(
            "INSERT INTO assessments"
            " (created_at, urgent, foot_score, back_score, link_score, answers, result)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                now.isoformat(timespec="seconds"),
                int(result.urgent),
                result.scores.foot.score,
                result.scores.back.score,
                result.scores.link.score,
                json.dumps(answers, sort_keys=True),
                result.model_dump_json(),
            ),
        )
        return int(cur.lastrowid or 0)


def unreadable(store: Store, created_at: object) -> StoreError:
    """A saved assessment that no longer reads."""
    return damaged_record(store.path, "assessment", created_at)


def _row(store: Store, row: tuple[int, str, str, str]) -> SavedAssessment:
    # Bad JSON, a bad date and a result that fails validation are all ValueErrors: one clear
    # error instead of a traceback.
    try:
        return SavedAssessment(
            id=row[0],
            created_at=datetime.fromisoformat(row[1]),
            answers=json.loads(row[2]),
            result=AssessmentResult.model_validate_json(row[3]),
        )
    except (ValueError, TypeError):
        raise unreadable(store, row[1]) from None


def list_assessments(store: Store, since: datetime | None = None) -> list[SavedAssessment]:
    """All saved assessments, oldest first."""
    sql = "SELECT id, created_at, answers, result FROM assessments"
    params: tuple[str, ...] = ()
    if since is not None:
        sql += " WHERE created_at >= ?"
        params = (since.isoformat(timespec="seconds"),)
    rows = store.conn.execute(sql + " ORDER BY created_at, id", params).fetchall()
    return [_row(store, r) for r in rows]


def latest_assessment(store: Store) -> SavedAssessment | None:
    """The most recent saved assessment, if any."""
    row = store.conn.execute(
        "SELECT id, created_at, answers, result FROM assessments ORDER BY created_at DESC, id DESC LIMIT 1"
    ).fetchone()
    return _row(store, row) if row else None


def latest_result(store: Store) -> AssessmentResult | None:
    """The result of the most recent saved assessment, if any."""
    saved = latest_assessment(store)
    return saved.result if saved else None
