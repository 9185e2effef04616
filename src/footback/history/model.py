"""What `footback history` shows: its entries, built from stored records (no reading here)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from pydantic import Field

from footback.core.models import SCORE_NAMES, ScoreName, StrictModel

if TYPE_CHECKING:
    # Only reading a store needs these; an empty history (no store yet) must not pay for them.
    from footback.records.assessments import SavedAssessment
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
    # The same signs by their ids (`warning_signs` holds their labels, wording that may change),
    # for scripts; added last so the keys before it keep their places.
    warning_sign_ids: list[str] = []

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


# The entries are made from records the store's models have validated, with the types these
# fields declare, so they are built without validation (`model_construct`): drawing history never
# builds these models' validators (start-up); `--json` builds only their serializer.


def assessment_entry(saved: SavedAssessment, now: datetime) -> AssessmentEntry:
    """The entry of one assessment, its time on the person's clock when it was made."""
    result = saved.result
    scores = None if result.needs_clinician else result.scores

    def entry(name: ScoreName) -> ScoreEntry | None:
        if scores is None:
            return None
        score = scores.score(name)
        return ScoreEntry.model_construct(score=score.score, level=score.level)

    return AssessmentEntry.model_construct(
        created_at=saved.local_time(now),
        urgent=result.needs_clinician,
        triage=result.triage,
        warning_signs=[f.name for f in result.red_flags],
        quick=result.quick,
        warning_sign_ids=[f.id for f in result.red_flags],
        foot=entry("foot"),
        back=entry("back"),
        link=entry("link"),
    )


def score_series(entries: list[AssessmentEntry], name: ScoreName) -> list[int]:
    """One score over time, from the assessments that have scores (warning signs left out)."""
    return [entry.score for a in entries if (entry := a.score(name)) is not None]


def session_entry(saved: SavedSession, now: datetime) -> SessionEntry:
    """The entry of one session, its time on the person's clock when it was played."""
    return SessionEntry.model_construct(
        started_at=saved.local_time(now),
        routine=saved.routine,
        minutes=round(saved.actual_seconds / 60, 1),
        planned_minutes=round(saved.planned_seconds / 60, 1),
        steps_done=saved.steps_done,
        steps_skipped=saved.steps_skipped,
        steps_total=saved.steps_total,
        finished=saved.finished,
        logged=saved.logged,
    )


def check_entry(saved: SavedCheck, now: datetime) -> CheckEntry:
    """The entry of one shoe check, its time on the person's clock when it was made."""
    return CheckEntry.model_construct(
        created_at=saved.local_time(now),
        pair=saved.pair,
        verdict=saved.result.verdict,
        score=saved.result.score,
    )


def empty_history(data_file: str, since: date | None) -> History:
    """What history shows before anything was stored (no store file is created for it)."""
    return History.model_construct(
        data_file=data_file,
        since=since,
        assessments=[],
        sessions=[],
        shoe_checks=[],
        streak_days=0,
        week_minutes=0.0,
        trends={name: [] for name in SCORE_NAMES},
    )
