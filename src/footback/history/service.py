"""`footback history` behind the option parsing: everything it shows, read once.

Counts, the streak and this week's minutes are aggregates (`record_counts`, `daily.practice`);
only the rows shown are read, so what history reads does not grow with everything stored.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from footback.core.models import SCORE_NAMES
from footback.history.model import (
    History,
    assessment_entry,
    check_entry,
    empty_history,
    score_series,
    session_entry,
)

if TYPE_CHECKING:
    from footback.daily.pain import PainVerdicts
    from footback.models.checkin import CheckIn
    from footback.records.db import Store


class HistoryShown(NamedTuple):
    """What `footback history` shows: the records, the check-ins from `since` and their pain verdicts."""

    history: History
    checkins: list[CheckIn]  # from `since`, oldest first: with a limit, only the newest ones
    verdicts: PainVerdicts | None  # None without check-ins
    stored: bool  # False before anything was stored (no store file is created for it)
    checkins_total: int = 0  # how many are stored from `since` (the list may hold the newest only)


def read_history(
    folder: Path, data_file: Path, *, now: datetime, since: date | None, limit: int | None
) -> HistoryShown:
    """Everything history shows; with `limit`, only the newest `limit` records of each kind (and
    how many there are: counted in SQL)."""
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    if store is None:
        return HistoryShown(empty_history(str(data_file), since), [], None, stored=False)
    with store:
        return shown_in(store, now=now, since=since, limit=limit)


def shown_in(store: Store, *, now: datetime, since: date | None, limit: int | None) -> HistoryShown:
    """`read_history` from an open store."""
    from footback.daily.pain import checkin_verdicts

    history = load_history(store, now=now, since=since, limit=limit)
    checkins, total = _checkins(store, since, limit)
    verdicts = checkin_verdicts(store, now=now)
    return HistoryShown(history, checkins, verdicts, stored=True, checkins_total=total)


def _checkins(store: Store, since: date | None, limit: int | None) -> tuple[list[CheckIn], int]:
    """The check-ins from `since` (the newest `limit` of them) and how many there are."""
    from footback.records.checkins import count_checkins, list_checkins, newest_checkins

    if limit is None:
        every = list_checkins(store, since)
        return every, len(every)
    newest = newest_checkins(store, limit, since)
    return newest, count_checkins(store, since) if len(newest) >= limit else len(newest)


def record_counts(store: Store, *, since: date | None, offset_minutes: int) -> dict[str, int]:
    """How many records of each kind are stored from `since` on (counted in SQL)."""
    from footback.records.assessments import count_assessments
    from footback.records.shoes import count_checks
    from footback.records.stretch_sessions import count_sessions

    return {
        "assessments": count_assessments(store, since=since, offset_minutes=offset_minutes),
        "sessions": count_sessions(store, since=since, offset_minutes=offset_minutes),
        "shoe_checks": count_checks(store, since=since, offset_minutes=offset_minutes),
    }


def load_history(
    store: Store, *, now: datetime, since: date | None = None, limit: int | None = None
) -> History:
    """The records history lists: with `limit`, only the newest `limit` records of each kind are
    read (counts, the streak and this week come from SQL); without it, every record from `since`
    on. The streak and this week always use all sessions."""
    from footback.daily.practice import current_streak, week_minutes
    from footback.records.assessments import list_assessments
    from footback.records.shoes import recent_checks
    from footback.records.stretch_sessions import recent_sessions
    from footback.records.window import offset_of

    offset = offset_of(now)
    assessments = [
        assessment_entry(a, now)
        for a in list_assessments(store, limit=limit, since=since, offset_minutes=offset)
    ]
    sessions = [
        session_entry(s, now)
        for s in reversed(recent_sessions(store, limit, since=since, offset_minutes=offset))
    ]
    checks = [check_entry(c, now) for c in recent_checks(store, limit, since=since, offset_minutes=offset)]
    totals = (
        record_counts(store, since=since, offset_minutes=offset)
        if limit is not None
        else {"assessments": len(assessments), "sessions": len(sessions), "shoe_checks": len(checks)}
    )
    return History.model_construct(  # from validated records (history/model.py)
        data_file=str(store.path),
        since=since,
        assessments=assessments,
        sessions=sessions,
        shoe_checks=checks,
        streak_days=current_streak(store, now),
        week_minutes=week_minutes(store, now),
        trends={name: score_series(assessments, name) for name in SCORE_NAMES},
        totals=totals,
    )


def history_json(shown: HistoryShown) -> dict[str, Any]:
    """The `--json` document: the records, then the check-ins and their pain verdicts."""
    doc: dict[str, Any] = shown.history.model_dump(mode="json")
    doc["checkins"] = [c.model_dump(mode="json") for c in shown.checkins]
    doc["progress"] = None if shown.verdicts is None else shown.verdicts.model_dump(mode="json")
    return doc
