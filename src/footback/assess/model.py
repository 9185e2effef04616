"""The assessment result: what `--json` prints and what history stores."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

Level = Literal["low", "moderate", "high"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FactorHit(_Model):
    id: str
    points: int
    reason: str
    source: str
    source_ids: list[str] = []


class Score(_Model):
    score: int
    level: Level
    factors: list[FactorHit]
    note: str | None = None


class Scores(_Model):
    foot: Score
    back: Score
    link: Score


class RedFlagHit(_Model):
    id: str
    severity: Literal["emergency", "urgent"]
    question: str
    advice: str
    source: str
    source_ids: list[str] = []


class StartBack(_Model):
    total: int
    psychosocial: int
    group: Level


class RoutineChoice(_Model):
    routine: str
    reason: str
    source: str
    source_ids: list[str] = []


class Note(_Model):
    id: str
    text: str
    source: str
    source_ids: list[str] = []


class Recommendations(_Model):
    routines: list[str]
    routine_reasons: list[RoutineChoice]
    actions: list[str]
    action_details: list[Note]
    evidence_notes: list[Note]
    see_specialist: bool
    why_specialist: str | None
    specialist: str | None
    specialist_reasons: list[Note] = []


class AssessmentResult(_Model):
    urgent: bool
    red_flags: list[RedFlagHit]
    scores: Scores
    startback: StartBack | None
    recommendations: Recommendations
    bmi: float | None = None
    disclaimer: str
