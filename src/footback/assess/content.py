"""The assessment's content models: questions, scoring weights and advice rules from `data/assess/`."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from footback.content.loader import ContentProblems, Sources, sources
from footback.content.questions import Question, When
from footback.content.questions import Value as Value
from footback.content.rules import QuestionSet, Rule
from footback.core.errors import ContentError
from footback.core.models import Level, ScoreName, StrictModel

Severity = Literal["emergency", "urgent"]
QUESTIONS, SCORING, ADVICE = (
    "data/assess/questions.toml",
    "data/assess/scoring.toml",
    "data/assess/advice.toml",
)
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


def _cross_check(content: AssessContent, src: Sources) -> list[str]:
    """Every cited source exists and every condition names a known fact: the problems found."""
    known = {q.id for q in content.questions.questions} | {
        "bmi",
        "foot_level",
        "back_level",
        "link_level",
    }
    cited: list[tuple[str, str]] = []
    rules: list[tuple[str, Rule]] = []
    problems = content.questions.unknown_ask_if(known, QUESTIONS)
    for q in content.questions.questions:
        if q.red_flag:
            cited += [(f"{QUESTIONS}: questions.{q.id}.red_flag", s) for s in q.red_flag.sources]
    for name, spec in content.scoring.scores.items():
        for f in spec.factors:
            where = f"{SCORING}: scores.{name}.factors.{f.id}"
            cited.append((where, f.source))
            rules.append((where, f))
    cited.append((f"{SCORING}: startback", content.scoring.startback.source))
    adv = content.advice
    cited.append((f"{ADVICE}: routines.fallback_source", adv.routines.fallback_source))
    for r in adv.routines.rules:
        cited.append((f"{ADVICE}: routines.rules.{r.routine}", r.source))
        rules.append((f"{ADVICE}: routines.rules.{r.routine}", r))
    for a in adv.actions:
        cited.append((f"{ADVICE}: actions.{a.id}", a.source))
        rules.append((f"{ADVICE}: actions.{a.id}", a))
    for n in adv.evidence_notes:
        cited += [(f"{ADVICE}: evidence_notes.{n.id}", s) for s in n.sources]
        rules.append((f"{ADVICE}: evidence_notes.{n.id}", n))
    for s in adv.specialist:
        cited.append((f"{ADVICE}: specialist.{s.id}", s.source))
        rules.append((f"{ADVICE}: specialist.{s.id}", s))
    for where, source_id in cited:
        problems += src.missing([source_id], where)
    for where, rule in rules:
        problems += rule.unknown_facts(known, where)
    return problems


@cache
def load_assess_content(root: Path | None = None) -> AssessContent:
    """Load and cross-check the assessment content once per process (per content root).

    Every problem in every file is reported at once, each with its file and key.
    """
    found = ContentProblems()
    src = found.attempt(lambda: sources(root))
    questions = found.load("assess/questions.toml", AssessQuestions, root)
    scoring = found.load("assess/scoring.toml", Scoring, root)
    advice = found.load("assess/advice.toml", Advice, root)
    if src is None or questions is None or scoring is None or advice is None:
        raise ContentError(*found.found)
    content = AssessContent(questions=questions, scoring=scoring, advice=advice)
    found.add(_cross_check(content, src))
    found.raise_if_any()
    return content
