"""`footback export --format fhir`: one FHIR R4 Bundle (type collection), written entry by entry.

Deterministic: resource ids come from record uids, and the Bundle's id, `timestamp` and
`meta.lastUpdated` from the newest record it holds (never the clock), so the same store gives a
byte-identical file. Memory does not grow with the store: records are read and written one at a
time. Text a person typed stays data: JSON-escaped, with C1, bidi and lone surrogate characters
written as `\\uXXXX` like the JSON export (`core.text.safe_json`).
"""

from __future__ import annotations

import contextlib
import json
import textwrap
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from footback.clinic.resources import (
    Builder,
    Resource,
    assessment_observations,
    code_system,
    entry,
    full_url,
    function_observation,
    instant,
    pain_observations,
    patient,
    practice_observations,
    resource_id,
)
from footback.core.text import safe_json

if TYPE_CHECKING:
    from footback.clinic.content import ClinicContent
    from footback.records.db import Store

MAX_NAME = 200


@dataclass(frozen=True)
class FhirRequest:
    """What to export: records from local day `since` on, and the name for a Patient (if any)."""

    since: date | None = None
    name: str | None = None
    # The person's UTC offset now, in minutes: how stored UTC stamps become local days.
    offset_minutes: int = 0


def checked_name(name: str | None) -> str | None:
    """The --name as given (trimmed); blank, very long or holding control characters (a clinic's
    system would show them, and FHIR strings should hold none) is bad usage: the stored-text rule."""
    from footback.core.errors import BadInputError
    from footback.core.text import text_problem

    if name is None:
        return None
    trimmed = name.strip()
    if text_problem(trimmed, max_length=MAX_NAME) is not None:
        raise BadInputError(
            f"--name: give the name to put on the Patient resource (1 to {MAX_NAME} characters"
            " of plain text on one line), or leave --name out to export without one"
        )
    return trimmed


def _records(store: Store, build: Builder, request: FhirRequest) -> Iterator[Resource]:
    """Every record's resources: check-ins, then assessments, then practice by day."""
    from footback.clinic.questionnaire import response
    from footback.records.stable_reads import (
        assessments_with_uids,
        checkins_with_uids,
        practice_days,
        ratings_with_uids,
    )

    for uid, checkin in checkins_with_uids(store, request.since):
        yield from pain_observations(build, uid, checkin)
    assessment = None
    for uid, saved in assessments_with_uids(store, request.since, request.offset_minutes):
        if assessment is None:
            # The assessment's content is loaded only for a store that has an assessment.
            from footback.assess.content import load_assess_content
            from footback.clinic.questionnaire import Assessment, answers_code_system, questionnaire

            assessment = Assessment.of(load_assess_content())
            yield answers_code_system(build.clinic, assessment)
            yield questionnaire(build.clinic, assessment)
        rid = resource_id("assessment", uid, "response")
        found = response(build, assessment, rid, saved.answers, saved.created_at)
        yield found
        yield from assessment_observations(build, uid, saved.result, saved.created_at, full_url(found))
    for uid, rating in ratings_with_uids(store, request.since):
        yield function_observation(build, uid, rating)
    for day in practice_days(store, request.since, request.offset_minutes):
        yield from practice_observations(build, day)


def _resources(store: Store | None, clinic: ClinicContent, request: FhirRequest) -> Iterator[Resource]:
    """The Bundle's entries; the CodeSystem (and the Patient) only when there is a record to export."""
    if store is None:
        return
    person = patient(request.name) if request.name is not None else None
    build = Builder(clinic, full_url(person) if person is not None else None)
    first = True
    for resource in _records(store, build, request):
        if first:
            yield code_system(clinic)
            if person is not None:
                yield person
            first = False
        yield resource


def _dump(value: Any, ascii_only: bool) -> str:
    return safe_json(json.dumps(value, indent=2, ensure_ascii=ascii_only))


def _header(store: Store | None, clinic: ClinicContent, request: FhirRequest) -> dict[str, Any]:
    from footback.records.stable_reads import newest_stamp

    newest = newest_stamp(store, request.since, request.offset_minutes) if store is not None else None
    stamp = instant(newest) if newest is not None else None
    since = request.since.isoformat() if request.since is not None else "all"
    meta: dict[str, Any] = {"lastUpdated": stamp} if stamp is not None else {}
    header: dict[str, Any] = {
        "resourceType": "Bundle",
        "id": resource_id("bundle", since, stamp or "empty", request.name or ""),
        "meta": meta | {"tag": [clinic.concept("patient-reported")]},
        "type": "collection",
    }
    return header | ({"timestamp": stamp} if stamp is not None else {})


def write_bundle(store: Store | None, out: TextIO, request: FhirRequest) -> Counter[str]:
    """The Bundle, written entry by entry; returns how many resources of each type it holds."""
    from footback.clinic.content import load_clinic_content

    clinic = load_clinic_content()
    # A stream that is not UTF-8 (PYTHONIOENCODING=ascii) gets \u escapes: the same data, still JSON.
    ascii_only = not (getattr(out, "encoding", None) or "utf-8").lower().startswith("utf")
    counts: Counter[str] = Counter()
    out.write(_dump(_header(store, clinic, request), ascii_only).removesuffix("\n}"))
    for resource in _resources(store, clinic, request):
        # FHIR JSON allows no empty array: "entry" is opened at the first resource.
        out.write(',\n  "entry": [\n' if not counts else ",\n")
        out.write(textwrap.indent(_dump(entry(resource), ascii_only), "    "))
        counts[str(resource["resourceType"])] += 1
    out.write("\n  ]\n}\n" if counts else "\n}\n")
    return counts


def export_fhir(folder: Path, output: Path | None, request: FhirRequest) -> Counter[str]:
    """`footback export --format fhir`: the store (if any) as a Bundle, to stdout or `output`."""
    from footback.core.files import output_stream
    from footback.records.db import open_existing_store

    store = open_existing_store(folder, full_check=True)
    with contextlib.ExitStack() as stack:
        if store is not None:
            stack.enter_context(store)
        out = stack.enter_context(output_stream(output, folder))
        return write_bundle(store, out, request)
