"""FHIR R4 resources as plain dicts, built from stored records and footback's content.

Every id is a name-based UUID (uuid5) of the record's stable uid and the resource's part, so the
same store gives the same ids; entries are referenced by `urn:uuid:` full URLs inside the Bundle.
Nothing here names or identifies the person: a Patient exists only when they give a name for it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from footback import __version__

if TYPE_CHECKING:
    from footback.clinic.content import ClinicContent
    from footback.models.assessment import AssessmentResult
    from footback.models.checkin import CheckIn
    from footback.models.psfs import PsfsRating
    from footback.records.stable_reads import PracticeDay

Resource = dict[str, Any]
FHIR_VERSION = "4.0.1"
# Every id derives from this namespace; changing it changes every id ever exported.
_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://footback.invalid/fhir")
_CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category"
_UCUM = "http://unitsofmeasure.org"


def resource_id(*parts: str) -> str:
    """A stable id: the UUID named by `parts` (a record's kind, its uid, the resource's part)."""
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def full_url(resource: Resource) -> str:
    return f"urn:uuid:{resource['id']}"


# FHIR's instant and dateTime take offsets up to 14:00; footback stores stamps up to 14:59 (SQLite's
# limit, core.dates), which a clinic's validator refused.
_FHIR_WIDEST_ZONE = timedelta(hours=14)


def instant(when: datetime) -> str:
    """A FHIR instant/dateTime: seconds, with the stored UTC offset (in UTC when FHIR takes no such one)."""
    offset = when.utcoffset()
    if offset is not None and abs(offset) > _FHIR_WIDEST_ZONE:
        when = when.astimezone(UTC)
    return when.isoformat(timespec="seconds")


@dataclass(frozen=True)
class Builder:
    """What every resource shares: the codes, the wording and (only with --name) the Patient."""

    clinic: ClinicContent
    patient: str | None = None  # the Patient's full URL

    def meta(self) -> dict[str, Any]:
        return {"tag": [self.clinic.concept("patient-reported")]}

    def concept(self, code: str, text: str | None = None) -> dict[str, Any]:
        found: dict[str, Any] = {"coding": [self.clinic.concept(code)]}
        return found | ({"text": text} if text is not None else {})

    def observation(self, oid: str, code: dict[str, Any], category: str, when: str, **more: Any) -> Resource:
        """An Observation the person reported: status final, no performer but the person themselves."""
        found: Resource = {
            "resourceType": "Observation",
            "id": oid,
            "meta": self.meta(),
            "status": "final",
            "category": [{"coding": [{"system": _CATEGORY_SYSTEM, "code": category}]}],
            "code": code,
        }
        if self.patient is not None:
            found["subject"] = {"reference": self.patient}
        found["effectiveDateTime"] = when
        if self.patient is not None:
            found["performer"] = [{"reference": self.patient}]
        return found | more


def code_system(clinic: ClinicContent) -> Resource:
    text = clinic.codesystem
    return {
        "resourceType": "CodeSystem",
        "id": resource_id("codesystem", "footback"),
        "url": clinic.system,
        "version": __version__,
        "name": text.name,
        "title": text.title,
        "status": "active",
        "publisher": clinic.publisher,
        "description": text.description,
        "caseSensitive": True,
        "content": "complete",
        "count": len(text.concepts),
        "concept": [
            {"code": c.code, "display": c.display, "definition": c.definition} for c in text.concepts
        ],
    }


def patient(name: str) -> Resource:
    """The person, named only as they asked (--name); never stored by footback."""
    return {"resourceType": "Patient", "id": resource_id("patient", name), "name": [{"text": name}]}


def pain_observations(build: Builder, uid: str, checkin: CheckIn) -> Iterator[Resource]:
    """The check-in's foot and back pain: LOINC 72514-3 at a SNOMED CT body site, on its local day."""
    clinic = build.clinic
    for part, value in (("foot", checkin.foot), ("back", checkin.back)):
        site = clinic.sites.foot if part == "foot" else clinic.sites.back
        more: dict[str, Any] = {"valueInteger": value, "bodySite": {"coding": [site.coding()]}}
        if checkin.note:
            more["note"] = [{"text": clinic.note_prefix + checkin.note}]
        code = {"coding": [clinic.pain.coding()], "text": f"{clinic.pain.display} ({site.display})"}
        yield build.observation(
            resource_id("checkin", uid, part), code, "survey", checkin.day.isoformat(), **more
        )


def assessment_observations(
    build: Builder, uid: str, result: AssessmentResult, when: datetime, response_url: str
) -> Iterator[Resource]:
    """Triage, each warning sign, and (when it was scored) the STarT Back-style grouping and scores."""
    stamp = instant(when)
    derived = {"derivedFrom": [{"reference": response_url}]}
    note = {"note": [{"text": build.clinic.not_diagnosis}]}
    triage = result.triage.replace("_", "-")
    yield build.observation(
        resource_id("assessment", uid, "triage"),
        build.concept("triage"),
        "survey",
        stamp,
        valueCodeableConcept=build.concept(triage),
        **note,
        **derived,
    )
    for flag in result.red_flags:
        component = [
            {"code": build.concept("sign-id"), "valueString": flag.id},
            {"code": build.concept("triage"), "valueCodeableConcept": build.concept(flag.severity)},
        ]
        yield build.observation(
            resource_id("assessment", uid, "sign", flag.id),
            build.concept("warning-sign"),
            "survey",
            stamp,
            valueCodeableConcept={"text": flag.name},
            component=component,
            **derived,
        )
    if result.needs_clinician:
        return  # stopped at a warning sign: not scored (as history and the report show it)
    yield from _scores(build, uid, result, stamp, note | derived)


def _scores(
    build: Builder, uid: str, result: AssessmentResult, stamp: str, more: dict[str, Any]
) -> Iterator[Resource]:
    grouping = result.startback
    if grouping is not None:
        component = [
            {"code": build.concept("startback-psychosocial"), "valueInteger": grouping.psychosocial},
            {"code": build.concept("startback-group"), "valueCodeableConcept": build.concept(grouping.group)},
        ]
        yield build.observation(
            resource_id("assessment", uid, "startback"),
            build.concept("startback"),
            "survey",
            stamp,
            valueInteger=grouping.total,
            component=component,
            **more,
        )
    for name, score in result.scores.named():
        level = [{"code": build.concept("score-level"), "valueCodeableConcept": build.concept(score.level)}]
        yield build.observation(
            resource_id("assessment", uid, f"{name}-score"),
            build.concept(f"{name}-score"),
            "survey",
            stamp,
            valueInteger=score.score,
            component=level,
            **more,
        )


def function_observation(build: Builder, uid: str, rating: PsfsRating) -> Resource:
    """A Patient-Specific Functional Scale set: the mean 0-10, each activity and its rating as components."""
    component = [
        {"code": build.concept("psfs-activity", name), "valueInteger": value}
        for name, value in zip(rating.activities, rating.ratings, strict=True)
    ]
    score = {"value": round(rating.mean, 2), "unit": "score", "system": _UCUM, "code": "{score}"}
    return build.observation(
        resource_id("psfs", uid),
        build.concept("psfs"),
        "survey",
        rating.day.isoformat(),
        valueQuantity=score,
        component=component,
    )


def practice_observations(build: Builder, day: PracticeDay) -> Iterator[Resource]:
    """One local day's practice: minutes, and sessions (how many footback timed, how many were logged)."""
    when = day.day.isoformat()
    minutes = {"value": round(day.seconds / 60, 1), "unit": "min", "system": _UCUM, "code": "min"}
    routines = [{"code": build.concept("routine"), "valueString": r} for r in day.routines]
    yield build.observation(
        resource_id("practice", when, "minutes"),
        build.concept("practice-minutes"),
        "activity",
        when,
        valueQuantity=minutes,
    )
    sessions = [
        {"code": build.concept("sessions-timed"), "valueInteger": day.timed},
        {"code": build.concept("sessions-logged"), "valueInteger": day.logged},
    ]
    yield build.observation(
        resource_id("practice", when, "sessions"),
        build.concept("practice-sessions"),
        "activity",
        when,
        valueInteger=day.timed + day.logged,
        component=sessions + routines,
    )


def entry(resource: Resource) -> dict[str, Any]:
    return {"fullUrl": full_url(resource), "resource": resource}
