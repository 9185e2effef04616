"""The assessment result: what `assess --json` prints and the store keeps (table `assessments`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import model_validator

from footback.core.cited import Cited
from footback.core.models import SCORE_NAMES, Level, ScoreName, StrictModel
from footback.core.safety import Severity, Triage, needs_clinician, triage_of

# Keele's names for the STarT Back groups (risk of the pain becoming long-lasting and disabling).
Group = Literal["low", "medium", "high"]


class FactorHit(Cited):
    id: str
    points: int
    reason: str
    source_ids: list[str] = []
    # The evidence level of the factor's source (see data/sources.toml).
    evidence: str | None = None


class Score(StrictModel):
    score: int
    level: Level
    factors: list[FactorHit]
    note: str | None = None
    # The link score only: how many of the known foot-back associations the answers show.
    associations: int | None = None
    known_associations: int | None = None


class Scores(StrictModel):
    foot: Score
    back: Score
    link: Score

    def score(self, name: ScoreName) -> Score:
        return {"foot": self.foot, "back": self.back, "link": self.link}[name]

    def named(self) -> list[tuple[ScoreName, Score]]:
        """The three scores with their names, in the order every screen shows them."""
        return [(name, self.score(name)) for name in SCORE_NAMES]


class RedFlagHit(Cited):
    id: str
    severity: Severity
    question: str
    advice: str
    source_ids: list[str] = []
    # A few words naming the sign (older stored results have none: the question stands in).
    label: str | None = None
    standing: bool = False
    # A standing sign a clinician has already seen the person about: it no longer stops advice.
    seen_by_clinician: bool = False
    # The urgent box's own title for this sign (older stored results have none: the default).
    title: str | None = None

    @property
    def name(self) -> str:
        return self.label or self.question


class StartBack(StrictModel):
    total: int
    psychosocial: int
    group: Group
    # The group in words ("... risk of the pain becoming long-lasting and disabling").
    summary: str | None = None
    # Keele's copyright and funding statement, shown wherever the grouping is (see keele_notice).
    notice: str | None = None
    short_notice: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _keele_names(cls, data: Any) -> Any:
        # Results stored before footback used Keele's names called the middle group "moderate".
        if isinstance(data, dict) and data.get("group") == "moderate":
            return data | {"group": "medium"}
        return data


class RoutineChoice(Cited):
    routine: str
    reason: str
    source_ids: list[str] = []


class Note(Cited):
    id: str
    text: str
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
    # `triage` says how serious; `urgent` stays for scripts: true for emergency and urgent.
    triage: Triage = "self_care"
    urgent: bool
    red_flags: list[RedFlagHit]
    scores: Scores
    startback: StartBack | None
    recommendations: Recommendations
    bmi: float | None = None
    # Set when the person is under the age footback is made for.
    adult_notice: str | None = None
    disclaimer: str
    # `assess --quick`: only the warning signs, pain and STarT Back items were asked again; the
    # other answers were carried from the last full assessment.
    quick: bool = False

    @model_validator(mode="before")
    @classmethod
    def _triage_from_flags(cls, data: Any) -> Any:
        # Results stored before `triage` existed: work it out from their red flags.
        if isinstance(data, dict) and "triage" not in data:
            flags = data.get("red_flags") or []
            severities = [f.get("severity") for f in flags if isinstance(f, dict)]
            return data | {"triage": triage_of(s for s in severities if s in ("emergency", "urgent"))}
        return data

    @property
    def needs_clinician(self) -> bool:
        """The one warning-sign rule (footback.core.safety) applied to this result."""
        return needs_clinician(self.triage)
