"""The assessment as FHIR: its Questionnaire, the CodeSystem of its answers, a QuestionnaireResponse.

The Questionnaire is footback's questions (data/assess/questions.toml) at this footback version:
`linkId` is the question id. A choice answer is a Coding of footback's answers CodeSystem: the
code is the answer id (`often`), the display its wording (`often`), both from the same file.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from footback import __version__
from footback.clinic.resources import Builder, Resource, instant, resource_id
from footback.core.errors import ContentError

if TYPE_CHECKING:
    from footback.assess.content import AssessContent
    from footback.clinic.content import ClinicContent
    from footback.content.questions import Question, Value

_ITEM_TYPES = {
    "bool": "boolean",
    "choice": "choice",
    "multi": "choice",
    "int": "integer",
    "number": "decimal",
    "distance": "decimal",
}


@dataclass(frozen=True)
class Assessment:
    """The assessment's content as the export uses it: its questions and one wording per answer id."""

    content: AssessContent
    labels: dict[str, str]  # answer id -> its wording

    @classmethod
    def of(cls, content: AssessContent) -> Assessment:
        """The answers' wordings; one id worded two ways would make one code mean two things."""
        labels: dict[str, str] = {}
        clashes: list[str] = []
        for question in content.questions.questions:
            for choice in question.choices:
                if labels.setdefault(choice.value, choice.label) != choice.label:
                    clashes.append(
                        f"data/assess/questions.toml: questions.{question.id}: answer '{choice.value}' is"
                        f" worded '{choice.label}' here and '{labels[choice.value]}' elsewhere; the FHIR"
                        " export codes each answer id once: use one wording or another id"
                    )
        if clashes:
            raise ContentError(*clashes)
        return cls(content, labels)


def _coding(clinic: ClinicContent, value: str, label: str) -> dict[str, str]:
    return {"system": clinic.answers_url, "code": value, "display": label}


def answers_code_system(clinic: ClinicContent, assessment: Assessment) -> Resource:
    labels = assessment.labels
    return {
        "resourceType": "CodeSystem",
        "id": resource_id("codesystem", "footback-answers", __version__),
        "url": clinic.answers_url,
        "version": __version__,
        "name": "FootbackAnswers",
        "title": "footback assessment answers",
        "status": "active",
        "publisher": clinic.publisher,
        "description": "The answers to footback's choice questions: the code is the answer id, the display"
        " its wording (data/assess/questions.toml).",
        "caseSensitive": True,
        "content": "complete",
        "count": len(labels),
        "concept": [{"code": value, "display": label} for value, label in labels.items()],
    }


def _item(clinic: ClinicContent, question: Question) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": question.id, "text": question.text, "type": _ITEM_TYPES[question.kind]}
    # A question asked only after certain answers is not required: its answer may be absent.
    item["required"] = not question.optional and not question.ask_if and not question.ask_if_any
    if question.kind == "multi":
        item["repeats"] = True
    if question.choices:
        item["answerOption"] = [{"valueCoding": _coding(clinic, c.value, c.label)} for c in question.choices]
    return item


def questionnaire(clinic: ClinicContent, assessment: Assessment) -> Resource:
    """The assessment's questions as footback asks them, at this footback version."""
    questions = assessment.content.questions
    return {
        "resourceType": "Questionnaire",
        "id": resource_id("questionnaire", __version__),
        "meta": {"tag": [clinic.concept("patient-reported")]},
        "url": clinic.questionnaire_url,
        "version": __version__,
        "name": "FootbackAssessment",
        "title": questions.title,
        "status": "active",
        "publisher": clinic.publisher,
        "description": questions.disclaimer,
        "item": [_item(clinic, q) for q in questions.questions],
    }


def _choice(clinic: ClinicContent, assessment: Assessment, value: str) -> dict[str, Any]:
    label = assessment.labels.get(value)
    # An answer id today's content no longer has (an older store) is kept as the text it was.
    return {"valueCoding": _coding(clinic, value, label)} if label is not None else {"valueString": value}


def _answers(clinic: ClinicContent, assessment: Assessment, question: Question, value: Value) -> list[Any]:
    """An answer as FHIR values; one that does not fit its question (an older store) is left out."""
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if question.kind == "bool" and isinstance(value, bool):
        return [{"valueBoolean": value}]
    if question.kind == "int" and isinstance(value, int) and number:
        return [{"valueInteger": value}]
    if question.kind in ("number", "distance") and number and math.isfinite(float(value)):  # type: ignore[arg-type]
        return [{"valueDecimal": value}]
    if question.kind == "choice" and isinstance(value, str):
        return [_choice(clinic, assessment, value)]
    if question.kind == "multi" and isinstance(value, list):
        return [_choice(clinic, assessment, v) for v in value if isinstance(v, str)]
    return []


def response(
    build: Builder, assessment: Assessment, rid: str, answers: Mapping[str, Value], when: datetime
) -> Resource:
    """One saved assessment's answers, against the Questionnaire above."""
    clinic = build.clinic
    items = []
    for question in assessment.content.questions.questions:
        given = _answers(clinic, assessment, question, answers[question.id]) if question.id in answers else []
        if given:
            items.append({"linkId": question.id, "text": question.text, "answer": given})
    found: Resource = {
        "resourceType": "QuestionnaireResponse",
        "id": rid,
        "meta": build.meta(),
        "questionnaire": f"{clinic.questionnaire_url}|{__version__}",
        "status": "completed",
    }
    if build.patient is not None:
        found |= {"subject": {"reference": build.patient}, "source": {"reference": build.patient}}
    found["authored"] = instant(when)
    if items:
        found["item"] = items
    return found
