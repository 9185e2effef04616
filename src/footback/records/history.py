"""Reading everything back from the store: assessments, stretch sessions, shoe checks, streaks."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from footback.core.errors import BadInputError
from footback.core.models import SCORE_NAMES, ScoreName, StrictModel
from footback.records.db import Store


class ScoreEntry(StrictModel):
    score: int
    level: str


class AssessmentEntry(StrictModel):
    created_at: datetime
    urgent: bool
    foot: ScoreEntry
    back: ScoreEntry
    link: ScoreEntry

    def score(self, name: ScoreName) -> ScoreEntry:
        return {"foot": self.foot, "back": self.back, "link": self.link}[name]


class SessionEntry(StrictModel):
    started_at: datetime
    routine: str
    minutes: float
    planned_minutes: float
    steps_done: int
    steps_skipped: int
    finished: bool

    @property
    def counts(self) -> bool:
        """A session counts towards the streak when it finished or did at least one step."""
        return self.finished or self.steps_done > 0


class CheckEntry(StrictModel):
    created_at: datetime
    pair: str | None
    verdict: str
    score: int


class History(StrictModel):
    data_file: str
    since: date | None
    assessments: list[AssessmentEntry]
    sessions: list[SessionEntry]
    shoe_checks: list[CheckEntry]
    streak_days: int
    week_minutes: float
    trends: dict[ScoreName, list[int]]


def parse_since(text: str) -> date:
    """`--since` takes a calendar date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInputError(f"--since: {text!r} is not a date; use YYYY-MM-DD, e.g. 2025-01-31") from None


def parse_stamp(text: str) -> datetime:
    """A stored timestamp; footback writes UTC, so a bare one is read as UTC."""
    stamp = datetime.fromisoformat(text)
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)


def local_day(stamp: datetime, tz: tzinfo | None) -> date:
    return stamp.astimezone(tz).date()


def _level(result_json: str, name: str) -> str:
    try:
        level = json.loads(result_json)["scores"][name]["level"]
    except (ValueError, KeyError, TypeError):
        return "unknown"
    return str(level)


def read_assessments(store: Store) -> list[AssessmentEntry]:
    """Every saved assessment's scores and levels, oldest first."""
    rows = store.query(
        "SELECT created_at, urgent, foot_score, back_score, link_score, result FROM assessments"
        " ORDER BY created_at, id"
    )
    return [
        AssessmentEntry(
            created_at=parse_stamp(r[0]),
            urgent=bool(r[1]),
            foot=ScoreEntry(score=r[2], level=_level(r[5], "foot")),
            back=ScoreEntry(score=r[3], level=_level(r[5], "back")),
            link=ScoreEntry(score=r[4], level=_level(r[5], "link")),
        )
        for r in rows
    ]


def read_sessions(store: Store) -> list[SessionEntry]:
    """Every played routine, oldest first."""
    rows = store.query(
        "SELECT started_at, routine, actual_seconds, planned_seconds, steps_done, steps_skipped, finished"
        " FROM stretch_sessions ORDER BY started_at, id"
    )
    return [
        SessionEntry(
            started_at=parse_stamp(r[0]),
            routine=r[1],
            minutes=round(float(r[2]) / 60, 1),
            planned_minutes=round(float(r[3]) / 60, 1),
            steps_done=r[4],
            steps_skipped=r[5],
            finished=bool(r[6]),
        )
        for r in rows
    ]


def read_checks(store: Store) -> list[CheckEntry]:
    """Every shoe check, oldest first."""
    rows = store.query("SELECT created_at, pair, verdict, score FROM shoe_checks ORDER BY created_at, id")
    return [CheckEntry(created_at=parse_stamp(r[0]), pair=r[1], verdict=r[2], score=r[3]) for r in rows]


def routine_days(sessions: Iterable[SessionEntry], tz: tzinfo | None) -> set[date]:
    """The local days on which at least one routine counted."""
    return {local_day(s.started_at, tz) for s in sessions if s.counts}


def streak(days: set[date], today: date) -> int:
    """Days in a row with a routine, ending today; a streak stays alive until today ends."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def week_minutes(sessions: Iterable[SessionEntry], now: datetime) -> float:
    """Minutes stretched since Monday 00:00 of this week, in now's time zone."""
    monday = now.date() - timedelta(days=now.weekday())
    return round(
        sum(s.minutes for s in sessions if monday <= local_day(s.started_at, now.tzinfo) <= now.date()), 1
    )


def _after(stamp: datetime, since: date | None, tz: tzinfo | None) -> bool:
    return since is None or local_day(stamp, tz) >= since


def load_history(store: Store, *, now: datetime, since: date | None = None) -> History:
    """Everything stored, filtered by `since`; the streak and this week always use all sessions."""
    tz = now.tzinfo
    assessments = [a for a in read_assessments(store) if _after(a.created_at, since, tz)]
    all_sessions = read_sessions(store)
    sessions = [s for s in all_sessions if _after(s.started_at, since, tz)]
    checks = [c for c in read_checks(store) if _after(c.created_at, since, tz)]
    return History(
        data_file=str(store.path),
        since=since,
        assessments=assessments,
        sessions=sessions,
        shoe_checks=checks,
        streak_days=streak(routine_days(all_sessions, tz), now.date()),
        week_minutes=week_minutes(all_sessions, now),
        trends={name: [a.score(name).score for a in assessments] for name in SCORE_NAMES},
    )


def empty_history(data_file: str, since: date | None) -> History:
    """What history shows before anything was stored (no store file is created for it)."""
    return History(
        data_file=data_file,
        since=since,
        assessments=[],
        sessions=[],
        shoe_checks=[],
        streak_days=0,
        week_minutes=0.0,
        trends={name: [] for name in SCORE_NAMES},
    )


def as_json(history: History) -> dict[str, Any]:
    """The `--json` document."""
    return history.model_dump(mode="json")
