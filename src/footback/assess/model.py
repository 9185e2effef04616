"""The assessment result: what `--json` prints and what history stores."""

from __future__ import annotations

from typing import Literal

from footback.core.models import SCORE_NAMES, Level, ScoreName, StrictModel


class FactorHit(StrictModel):
    id: str
    points: int
    reason: str
    source: str
    source_ids: list[str] = []


class Score(StrictModel):
    score: int
    level: Level
    factors: list[FactorHit]
    note: str | None = None


class Scores(StrictModel):
    foot: Score
    back: Score
    link: Score

    def score(self, name: ScoreName) -> Score:
        return {"foot": self.foot, "back": self.back, "link": self.link}[name]

    def named(self) -> list[tuple[ScoreName, Score]]:
        """The three scores with their names, in the order every screen shows them."""
        return [(name, self.score(name)) for name in SCORE_NAMES]


class RedFlagHit(StrictModel):
    id: str
    severity: Literal["emergency", "urgent"]
    question: str
    advice: str
    source: str
    source_ids: list[str] = []


class StartBack(StrictModel):
    total: int
    psychosocial: int
    group: Level


class RoutineChoice(StrictModel):
    routine: str
    reason: str
    source: str
    source_ids: list[str] = []


class Note(StrictModel):
    id: str
    text: str
    source: str
    source_ids: list[str] = []


class Recommendations(StrictModel):
    routines: list[str]
    routine_reasons: list[RoutineChoice]
    actions: list[str]
    action_details: list[Note]
    evidence_notes: list[Note]
    see_specialist: bool
    why_specialist: str | None
    specialist: str | None
    specialist_reasons: list[Note] = []


class AssessmentResult(StrictModel):
    urgent: bool
    red_flags: list[RedFlagHit]
    scores: Scores
    startback: StartBack | None
    recommendations: Recommendations
    bmi: float | None = None
    disclaimer: str
