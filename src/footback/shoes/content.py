"""The shoe check's content models: questions and checks from `data/shoes/`."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pydantic import Field, model_validator

from footback.content.loader import ContentProblems, Sources, from_cache, sources
from footback.content.questions import Question
from footback.content.rules import QuestionSet, Rule
from footback.core.errors import ContentError
from footback.core.models import StrictModel
from footback.models.shoe_check import VERDICTS, Verdict


class ShoeQuestions(QuestionSet[Question]):
    """The shoe check's questions."""


class Problem(Rule):
    id: str
    points: int = Field(ge=0, le=100)
    reason: str
    fix: str
    sources: list[str] = Field(min_length=1)
    at_least: Verdict | None = None
    supersedes: list[str] = Field(default_factory=list)


class Note(Rule):
    id: str
    text: str
    sources: list[str] = Field(min_length=1)


class WearPattern(StrictModel):
    text: str
    sources: list[str] = Field(min_length=1)
    assess_shoe_wear: str | None = None


class VerdictSpec(StrictModel):
    good_at: int
    needs_attention_at: int
    source: str
    summaries: dict[Verdict, str]

    @model_validator(mode="after")
    def _check(self) -> VerdictSpec:
        if not 0 <= self.needs_attention_at <= self.good_at <= 100:
            raise ValueError("verdict lines must satisfy 0 <= needs_attention_at <= good_at <= 100")
        if set(self.summaries) != set(VERDICTS):
            raise ValueError("verdict.summaries needs good, needs_attention and replace")
        return self

    def for_score(self, score: int) -> Verdict:
        if score >= self.good_at:
            return "good"
        return "needs_attention" if score >= self.needs_attention_at else "replace"


class Checks(StrictModel):
    weights_note: str
    verdict: VerdictSpec
    problems: list[Problem]
    notes: list[Note] = Field(default_factory=list)
    wear_patterns: dict[str, WearPattern]


class ShoeContent(StrictModel):
    questions: ShoeQuestions
    checks: Checks
    # The sources from the same content root, so a test tree's citations resolve within it.
    sources: Sources


# Facts a note may test besides the answers; problems may not use it (it is worked out from them).
NOTE_ONLY_FACTS = {"verdict"}


def type_label(content: ShoeContent, shoe_type: str) -> str:
    """'running shoes' for 'running'; the raw value if it is not (or no longer) a known type."""
    question = content.questions.question("shoe_type")
    return next((c.label for c in question.choices if c.value == shoe_type), shoe_type)


def _cross_check(content: ShoeContent, src: Sources) -> list[str]:
    """Sources exist, conditions name known answers, supersedes is consistent, wear patterns fit."""
    questions = {q.id: q for q in content.questions.questions}
    checks = content.checks
    problems = src.missing([checks.verdict.source], "data/shoes/checks.toml: verdict")
    by_id = {p.id: p for p in checks.problems}
    if len(by_id) != len(checks.problems):
        problems.append("data/shoes/checks.toml: problems: problem ids must be unique")
    rules: list[tuple[str, Rule, set[str]]] = []
    for p in checks.problems:
        where = f"data/shoes/checks.toml: problems.{p.id}"
        problems += src.missing(p.sources, where)
        rules.append((where, p, set(questions)))
        for other in p.supersedes:
            if other not in by_id or by_id[other].points > p.points:
                problems.append(f"{where}: supersedes '{other}', which must exist and cost no more points")
    for n in checks.notes:
        where = f"data/shoes/checks.toml: notes.{n.id}"
        problems += src.missing(n.sources, where)
        rules.append((where, n, set(questions) | NOTE_ONLY_FACTS))
    for where, rule, known in rules:
        problems += rule.unknown_facts(known, where)
    wear = questions.get("outsole_wear")
    if wear is None or set(checks.wear_patterns) != set(wear.values):
        problems.append("data/shoes/checks.toml: wear_patterns: must cover every outsole_wear value")
    for value, pattern in checks.wear_patterns.items():
        problems += src.missing(pattern.sources, f"data/shoes/checks.toml: wear_patterns.{value}")
    problems += content.questions.unknown_ask_if(questions, "data/shoes/questions.toml")
    return problems


@cache
def load_shoe_content(root: Path | None = None) -> ShoeContent:
    """Load and cross-check the shoe check's content once per process (per content root).

    Every problem in every file is reported at once, each with its file and key.
    """
    if root is None and (kept := from_cache("shoes", ShoeContent)) is not None:
        return kept
    found = ContentProblems()
    src = found.attempt(lambda: sources(root))
    questions = found.load("shoes/questions.toml", ShoeQuestions, root)
    checks = found.load("shoes/checks.toml", Checks, root)
    if src is None or questions is None or checks is None:
        raise ContentError(*found.found)
    content = ShoeContent(questions=questions, checks=checks, sources=src)
    found.add(_cross_check(content, src))
    found.raise_if_any()
    return content
