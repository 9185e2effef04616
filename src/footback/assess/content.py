"""The assessment's content models: questions, scoring weights and advice rules from `data/assess/`."""

from __future__ import annotations

from functools import cache
from typing import Literal

from footback.content.loader import load_model, sources
from footback.content.questions import Question, When
from footback.content.questions import Value as Value
from footback.content.rules import QuestionSet, Rule
from footback.core.models import Level, ScoreName, StrictModel

Severity = Literal["emergency", "urgent"]
Facts = dict[str, Value | None]


class RedFlag(StrictModel):
    severity: Severity
    advice: str
    sources: list[str]


class AssessQuestion(Question):
    red_flag: RedFlag | None = None


class AssessQuestions(QuestionSet[AssessQuestion]):
    """The assessment's questions (with their red-flag details)."""


class Factor(Rule):
    id: str
    points: int
    reason: str
    source: str


class ScoreSpec(StrictModel):
    title: str
    moderate_at: int
    high_at: int
    level_note: str | None = None
    requires: When = {}
    factors: list[Factor]

    def level_for(self, score: int) -> Level:
        if score >= self.high_at:
            return "high"
        return "moderate" if score >= self.moderate_at else "low"


class StartBackItem(StrictModel):
    id: str
    psychosocial: bool = False
    when: When


class StartBackSpec(StrictModel):
    source: str
    low_max_total: int
    high_min_psychosocial: int
    items: list[StartBackItem]


class Scoring(StrictModel):
    scores: dict[ScoreName, ScoreSpec]
    startback: StartBackSpec


class UrgentText(StrictModel):
    emergency_title: str
    urgent_title: str
    no_exercise: str
    why_specialist: str


class RoutineRule(Rule):
    routine: str
    reason: str
    source: str


class RoutineAdvice(StrictModel):
    both: str
    combine: list[str]
    fallback: str
    fallback_reason: str
    fallback_source: str
    rules: list[RoutineRule]


class Action(Rule):
    id: str
    text: str
    source: str


class EvidenceNote(Rule):
    id: str
    text: str
    sources: list[str]


class SpecialistRule(Rule):
    id: str
    who: str
    why: str
    source: str


class Advice(StrictModel):
    urgent: UrgentText
    routines: RoutineAdvice
    actions: list[Action]
    evidence_notes: list[EvidenceNote]
    specialist: list[SpecialistRule]


class AssessContent(StrictModel):
    questions: AssessQuestions
    scoring: Scoring
    advice: Advice

    def question(self, qid: str) -> AssessQuestion:
        return next(q for q in self.questions.questions if q.id == qid)


def _cross_check(content: AssessContent) -> None:
    """Every cited source exists and every condition names a known fact."""
    src = sources()
    known = {q.id for q in content.questions.questions} | {
        "bmi",
        "foot_level",
        "back_level",
        "link_level",
    }
    cited: list[tuple[str, str]] = []
    rules: list[tuple[str, Rule]] = []
    content.questions.check_ask_if(known, "data/assess/questions.toml")
    for q in content.questions.questions:
        if q.red_flag:
            cited += [(f"questions.{q.id}", s) for s in q.red_flag.sources]
    for name, spec in content.scoring.scores.items():
        for f in spec.factors:
            cited.append((f"scoring.{name}.{f.id}", f.source))
            rules.append((f"scoring.{name}.{f.id}", f))
    cited.append(("scoring.startback", content.scoring.startback.source))
    adv = content.advice
    cited.append(("advice.routines.fallback", adv.routines.fallback_source))
    for r in adv.routines.rules:
        cited.append((f"advice.routines.{r.routine}", r.source))
        rules.append((f"advice.routines.{r.routine}", r))
    for a in adv.actions:
        cited.append((f"advice.actions.{a.id}", a.source))
        rules.append((f"advice.actions.{a.id}", a))
    for n in adv.evidence_notes:
        cited += [(f"advice.evidence_notes.{n.id}", s) for s in n.sources]
        rules.append((f"advice.evidence_notes.{n.id}", n))
    for s in adv.specialist:
        cited.append((f"advice.specialist.{s.id}", s.source))
        rules.append((f"advice.specialist.{s.id}", s))
    for where, source_id in cited:
        src.check([source_id], where)
    for where, rule in rules:
        rule.check_facts(known, where)


@cache
def load_assess_content() -> AssessContent:
    """Load and cross-check the assessment content once per process."""
    content = AssessContent(
        questions=load_model("assess/questions.toml", AssessQuestions),
        scoring=load_model("assess/scoring.toml", Scoring),
        advice=load_model("assess/advice.toml", Advice),
    )
    _cross_check(content)
    return content
