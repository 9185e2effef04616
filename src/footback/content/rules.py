"""What every guided command's content shares: parts, question sets and rules over answers."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Generic, Literal, TypeVar

from pydantic import model_validator

from footback.content.questions import Question, Value, When, conditions_on, when_holds
from footback.core.models import StrictModel

Q = TypeVar("Q", bound=Question)


class Rule(StrictModel):
    """Anything that applies when `when` holds and, if given, one of the `any` groups holds."""

    when: When = {}
    any: list[When] = []

    def applies(self, facts: Mapping[str, Value | None]) -> bool:
        return when_holds(self.when, facts) and (
            not self.any or any(when_holds(group, facts) for group in self.any)
        )

    def unknown_facts(self, known: Collection[str], where: str) -> list[str]:
        """A problem for each condition naming a fact that can never exist (a typo in data/)."""
        return [
            f"{where}: condition names unknown fact '{name}'"
            for group in [self.when, *self.any]
            for name in group
            if name not in known
        ]


class Part(StrictModel):
    id: str
    title: str
    intro: str


class Group(StrictModel):
    """Yes-or-no questions asked together as one checklist: `text` asks, `why` says why; each
    question is listed by its `item` (a statement) or its full `text`."""

    id: str
    text: str
    why: str
    wording: Literal["item", "text"] = "item"


class QuestionSet(StrictModel, Generic[Q]):
    """A questionnaire: its parts, its checklist groups and its questions, in asking order."""

    title: str
    disclaimer: str
    parts: list[Part]
    groups: list[Group] = []
    questions: list[Q]

    @model_validator(mode="after")
    def _check(self) -> QuestionSet[Q]:
        ids = [q.id for q in self.questions]
        if len(ids) != len(set(ids)):
            raise ValueError("question ids must be unique")
        parts = {p.id for p in self.parts}
        groups = {g.id: g for g in self.groups}
        for q in self.questions:
            if q.part not in parts:
                raise ValueError(f"question {q.id}: unknown part {q.part}")
            if q.group is not None and q.group not in groups:
                raise ValueError(f"question {q.id}: unknown group {q.group}")
            if q.group is not None and groups[q.group].wording == "item" and q.item is None:
                raise ValueError(f"question {q.id}: its group lists items, and it has no item")
        return self

    def part_titles(self) -> dict[str, str]:
        return {p.id: p.title for p in self.parts}

    def unknown_ask_if(self, known: Collection[str], where: str) -> list[str]:
        """A problem for each question conditioned on something that is never answered."""
        return [
            f"{where}: {q.id}: ask_if names unknown '{name}'"
            for q in self.questions
            for name in conditions_on(q)
            if name not in known
        ]

    def question(self, qid: str) -> Q:
        return next(q for q in self.questions if q.id == qid)
