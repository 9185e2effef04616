"""What `footback history` shows, composed from the repositories (no SQL here)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from pydantic import Field

from footback.core.dates import parse_date
from footback.core.models import SCORE_NAMES, ScoreName, StrictModel
from footback.records.window import offset_of

if TYPE_CHECKING:
    # Only reading a store needs these; an empty history (no store yet) must not pay for them.
    from footback.records.assessments import SavedAssessment
    from footback.records.db import Store
    from footback.records.shoes import SavedCheck
    from footback.records.stretch_sessions import SavedSession


class ScoreEntry(StrictModel):
    score: int
    level: str


class AssessmentEntry(StrictModel):
    created_at: datetime
    urgent: bool
    # emergency, urgent or self_care (footback.core.safety); a warning sign stops the scoring,
    # so such an assessment has no scores (null) and is left out of trends and comparisons.
    triage: str = "self_care"
    warning_signs: list[str] = []
    foot: ScoreEntry | None
    back: ScoreEntry | None
    link: ScoreEntry | None
    # `assess --quick`: a weekly re-check on top of the last full assessment.
    quick: bool = False

    def score(self, name: ScoreName) -> ScoreEntry | None:
        return {"foot": self.foot, "back": self.back, "link": self.link}[name]

    @property
    def scored(self) -> bool:
        """Whether this assessment has scores to compare (no warning sign stopped it)."""
        return self.foot is not None


class SessionEntry(StrictModel):
    started_at: datetime
    routine: str
    minutes: float
    planned_minutes: float
    steps_done: int
    steps_skipped: int
    steps_total: int
    finished: bool
    # Done away from the terminal and recorded with `footback log`: minutes as told, not timed.
    logged: bool = False


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
    # How many records of each kind are stored (from `since`); not part of the JSON.
    totals: dict[str, int] = Field(default_factory=dict, exclude=True)


def parse_since(text: str) -> date:
    """`--since` takes a calendar date, YYYY-MM-DD."""
    return parse_date(text, "--since", date(2025, 1, 31))


def assessment_entry(saved: SavedAssessment) -> AssessmentEntry:
    result = saved.result
    scores = None if result.needs_clinician else result.scores
    return AssessmentEntry(
        created_at=saved.created_at,
        urgent=result.needs_clinician,
        triage=result.triage,
        warning_signs=[f.name for f in result.red_flags],
        quick=result.quick,
        **{
            name: None
            if scores is None
            else ScoreEntry(score=scores.score(name).score, level=scores.score(name).level)
            for name in SCORE_NAMES
        },
    )


def score_series(entries: list[AssessmentEntry], name: ScoreName) -> list[int]:
    """One score over time, from the assessments that have scores (warning signs left out)."""
    return [entry.score for a in entries if (entry := a.score(name)) is not None]


def session_entry(saved: SavedSession) -> SessionEntry:
    return SessionEntry(
        started_at=saved.started_at,
        routine=saved.routine,
        minutes=round(saved.actual_seconds / 60, 1),
        planned_minutes=round(saved.planned_seconds / 60, 1),
        steps_done=saved.steps_done,
        steps_skipped=saved.steps_skipped,
        steps_total=saved.steps_total,
        finished=saved.finished,
        logged=saved.logged,
    )


def check_entry(saved: SavedCheck) -> CheckEntry:
    return CheckEntry(
        created_at=saved.created_at, pair=saved.pair, verdict=saved.result.verdict, score=saved.result.score
    )


def streak(days: set[date], today: date) -> int:
    """Days in a row with a routine, ending today; a streak stays alive until today ends."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


# The streak is looked for in a window of days that doubles until the streak ends inside it.
_FIRST_WINDOW_DAYS = 32
_MAX_WINDOW_DAYS = 366 * 200


def current_streak(store: Store, now: datetime) -> int:
    """The streak, from the distinct active days SQL finds in a window that grows only while the
    streak fills it: the rows read grow with the streak's length, not with what is stored."""
    from footback.records.stretch_sessions import active_days

    today = now.date()
    window = _FIRST_WINDOW_DAYS
    while True:
        first = today - timedelta(days=window)
        run = streak(active_days(store, first, today, offset_of(now)), today)
        if run < window - 1 or window >= _MAX_WINDOW_DAYS:
            return run
        window *= 2


def week_minutes(store: Store, now: datetime) -> float:
    """Minutes stretched since Monday 00:00 of this week, in now's time zone (summed in SQL)."""
    from footback.records.stretch_sessions import session_totals

    monday = now.date() - timedelta(days=now.weekday())
    return round(session_totals(store, monday, now.date(), offset_of(now)).seconds / 60, 1)


def load_history(
    store: Store, *, now: datetime, since: date | None = None, limit: int | None = None
) -> History:
    """What history shows: with `limit`, only the newest `limit` records of each kind are read
    (counts, the streak and this week come from SQL); without it, every record from `since` on.
    The streak and this week always use all sessions."""
    from footback.records.assessments import count_assessments, list_assessments
    from footback.records.shoes import count_checks, recent_checks
    from footback.records.stretch_sessions import count_sessions, recent_sessions

    offset = offset_of(now)
    assessments = [
        assessment_entry(a) for a in list_assessments(store, limit=limit, since=since, offset_minutes=offset)
    ]
    sessions = [
        session_entry(s) for s in reversed(recent_sessions(store, limit, since=since, offset_minutes=offset))
    ]
    checks = [check_entry(c) for c in recent_checks(store, limit, since=since, offset_minutes=offset)]
    totals = (
        {
            "assessments": count_assessments(store, since=since, offset_minutes=offset),
            "sessions": count_sessions(store, since=since, offset_minutes=offset),
            "shoe_checks": count_checks(store, since=since, offset_minutes=offset),
        }
        if limit is not None
        else {"assessments": len(assessments), "sessions": len(sessions), "shoe_checks": len(checks)}
    )
    return History(
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
