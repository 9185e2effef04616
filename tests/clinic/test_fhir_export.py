"""`footback export --format fhir`: a FHIR R4 Bundle a clinic's system reads, checked with fhir.resources."""

from __future__ import annotations

import io
import json
import os
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from footback import __version__
from footback.assess.content import load_assess_content
from footback.clinic.bundle import FhirRequest, write_bundle
from footback.clinic.questionnaire import Assessment
from footback.core.errors import ContentError
from footback.core.text import UNSAFE
from footback.records.db import open_store
from footback.records.stretch_sessions import save_logged
from tests.clinic.fhir_checks import (
    codes_without_system,
    codings,
    load_bundle,
    of_type,
    references,
    resources,
    validate,
)
from tests.support.context import Cli, set_wall
from tests.support.helpers import back_pain_answers
from tests.support.history_seed import NOW, add_assessment, add_session, at, seed_typical

LOINC_PAIN = ("http://loinc.org", "72514-3")
SNOMED = "http://snomed.info/sct"
CANONICAL = "https://footback.invalid/fhir"
FOOT, LOWER_BACK = "56459004", "37822005"
HOSTILE = 'sore \x1b]52;c;AAAA\x07 "heel" \u202eevil\u202c </div> \x85 \\ end'


def seed(home: Path) -> None:
    """A typical month (check-ins, assessments without signs, timed sessions), an assessment with a
    warning sign and a session logged with `footback log`."""
    seed_typical(home)
    with open_store(home) as store:
        add_assessment(store, back_pain_answers(rf_fever=True), at(3, hour=12))
        save_logged(store, "back", at(4, hour=12), 300.0, 600.0, 4)


def export(cli: Cli, out: Path, *args: str) -> dict[str, object]:
    result = cli.invoke(["export", "--format", "fhir", "--output", str(out), *args])
    assert result.exit_code == 0, result.output
    return load_bundle(out)


@pytest.fixture
def bundle(cli: Cli, home: Path, tmp_path: Path) -> dict[str, object]:
    seed(home)
    set_wall(cli.context, NOW.astimezone(UTC))
    return export(cli, tmp_path / "clinic.json")


def test_every_resource_parses_as_fhir(bundle: dict[str, object]) -> None:
    validate(bundle)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    kinds = {r["resourceType"] for r in resources(bundle)}
    assert kinds == {"CodeSystem", "Questionnaire", "QuestionnaireResponse", "Observation"}
    components = [c for o in of_type(bundle, "Observation") for c in o.get("component", [])]
    logged = [c["valueInteger"] for c in components if c["code"]["coding"][0]["code"] == "sessions-logged"]
    assert sum(logged) == 1  # the seed's one logged session


def test_every_reference_resolves_inside_the_bundle(bundle: dict[str, object]) -> None:
    urls = {e["fullUrl"] for e in bundle["entry"]}  # type: ignore[attr-defined]
    found = references(bundle)
    assert found and set(found) <= urls
    assert all(e["fullUrl"] == f"urn:uuid:{e['resource']['id']}" for e in bundle["entry"])  # type: ignore[attr-defined]
    (questionnaire,) = of_type(bundle, "Questionnaire")
    canonical = f"{questionnaire['url']}|{questionnaire['version']}"
    assert {r["questionnaire"] for r in of_type(bundle, "QuestionnaireResponse")} == {canonical}


def test_every_code_names_its_system_and_footback_codes_are_defined(bundle: dict[str, object]) -> None:
    assert codes_without_system(bundle) == []
    systems = {c["url"]: c for c in of_type(bundle, "CodeSystem")}
    assert set(systems) == {CANONICAL + "/CodeSystem/footback", CANONICAL + "/CodeSystem/footback-answers"}
    for url, system in systems.items():
        defined = {c["code"] for c in system["concept"]}
        ours = [c["code"] for c in codings(bundle) if c["system"] == url]
        assert ours and set(ours) <= defined, url
        assert system["count"] == len(defined)
    assert all(c["system"] in systems for c in codings(bundle) if c["system"].startswith(CANONICAL))


def test_ids_are_unique_and_nobody_is_named(bundle: dict[str, object]) -> None:
    ids = [r["id"] for r in resources(bundle)]
    assert len(ids) == len(set(ids))
    assert of_type(bundle, "Patient") == []
    assert not [r for r in of_type(bundle, "Observation") if "subject" in r or "performer" in r]
    tags = [r["meta"]["tag"][0]["code"] for r in resources(bundle) if r["resourceType"] != "CodeSystem"]
    assert set(tags) == {"patient-reported"}


def test_pain_is_loinc_72514_3_at_a_snomed_site_on_the_local_day(
    bundle: dict[str, object], home: Path
) -> None:
    pain = [o for o in of_type(bundle, "Observation") if o["code"]["coding"][0]["system"] == LOINC_PAIN[0]]
    with open_store(home) as store:
        stored = store.query("SELECT day, foot, back FROM checkins ORDER BY day")
    assert len(pain) == 2 * len(stored) > 0
    by_day = {(o["effectiveDateTime"], o["bodySite"]["coding"][0]["code"]): o for o in pain}
    for day, foot, back in stored:
        assert by_day[(day, FOOT)]["valueInteger"] == foot
        assert by_day[(day, LOWER_BACK)]["valueInteger"] == back
    for o in pain:
        assert (o["code"]["coding"][0]["system"], o["code"]["coding"][0]["code"]) == LOINC_PAIN
        assert o["bodySite"]["coding"][0]["system"] == SNOMED
        assert o["status"] == "final" and o["category"][0]["coding"][0]["code"] == "survey"


def _footback(observation: dict[str, object]) -> str:
    return observation["code"]["coding"][0]["code"]  # type: ignore[index, no-any-return]


def _of_response(bundle: dict[str, object], response: dict[str, object]) -> list[dict[str, object]]:
    url = f"urn:uuid:{response['id']}"
    return [o for o in of_type(bundle, "Observation") if o.get("derivedFrom") == [{"reference": url}]]


def test_an_assessment_with_a_warning_sign_has_triage_and_the_sign_but_no_scores(
    bundle: dict[str, object],
) -> None:
    responses = of_type(bundle, "QuestionnaireResponse")
    assert len(responses) == 4
    urgent = [
        r
        for r in responses
        if any(i["linkId"] == "rf_fever" and i["answer"] == [{"valueBoolean": True}] for i in r["item"])
    ]
    assert len(urgent) == 1
    found = {_footback(o): o for o in _of_response(bundle, urgent[0])}
    assert set(found) == {"triage", "warning-sign"}
    assert found["triage"]["valueCodeableConcept"]["coding"][0]["code"] == "urgent"
    sign = found["warning-sign"]
    assert sign["component"][0]["valueString"] == "rf_fever"
    assert sign["valueCodeableConcept"]["text"]
    assert "not a diagnosis" in found["triage"]["note"][0]["text"].lower()


def test_a_scored_assessment_has_triage_grouping_and_three_scores(bundle: dict[str, object]) -> None:
    last = of_type(bundle, "QuestionnaireResponse")[-1]  # heel and back pain, no warning sign
    found = {_footback(o): o for o in _of_response(bundle, last)}
    assert set(found) == {"triage", "startback", "foot-score", "back-score", "link-score"}
    assert found["triage"]["valueCodeableConcept"]["coding"][0]["code"] == "self-care"
    grouping = found["startback"]
    assert isinstance(grouping["valueInteger"], int)
    assert grouping["component"][1]["valueCodeableConcept"]["coding"][0]["code"] in ("low", "medium", "high")


def test_the_questionnaire_is_footback_s_questions_at_this_version(bundle: dict[str, object]) -> None:
    (questionnaire,) = of_type(bundle, "Questionnaire")
    assert questionnaire["version"] == __version__
    ids = [q.id for q in load_assess_content().questions.questions]
    assert [i["linkId"] for i in questionnaire["item"]] == ids
    for response in of_type(bundle, "QuestionnaireResponse"):
        assert {i["linkId"] for i in response["item"]} <= set(ids)
    pain = next(i for i in questionnaire["item"] if i["linkId"] == "back_pain")
    answers = [o["valueCoding"] for o in pain["answerOption"]]
    assert [(a["code"], a["display"]) for a in answers][:2] == [("none", "never"), ("sometimes", "sometimes")]
    last = of_type(bundle, "QuestionnaireResponse")[-1]
    given = next(i for i in last["item"] if i["linkId"] == "back_pain")
    assert given["answer"] == [{"valueCoding": answers[2]}]  # "often", as the seed says


def test_one_answer_id_worded_two_ways_is_a_content_error() -> None:
    content = load_assess_content()
    first, second = [q for q in content.questions.questions if q.choices][:2]
    worded = first.choices[0].model_copy(update={"label": first.choices[0].label + ", really"})
    clash = second.model_copy(update={"choices": [worded, *second.choices[1:]]})
    questions = [clash if q.id == second.id else q for q in content.questions.questions]
    changed = content.model_copy(
        update={"questions": content.questions.model_copy(update={"questions": questions})}
    )
    with pytest.raises(ContentError, match=f"questions.{second.id}: answer '{worded.value}' is worded"):
        Assessment.of(changed)
    assert Assessment.of(content).labels[worded.value] == first.choices[0].label


def test_practice_is_minutes_and_sessions_timed_and_logged_per_local_day(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    set_wall(cli.context, NOW.astimezone(UTC))
    day = at(2).date()
    with open_store(home) as store:
        add_session(store, at(2, hour=7), "feet", 300)
        add_session(store, at(2, hour=18), "back", 90)
        add_session(store, at(2, hour=19), "full", 60, finished=False, steps_done=0)  # does not count
    logged = cli.invoke(["log", "morning", "--date", day.isoformat(), "--minutes", "12"])
    assert logged.exit_code == 0, logged.output
    doc = export(cli, tmp_path / "practice.json")
    validate(doc)
    found = {
        _footback(o): o for o in of_type(doc, "Observation") if o["effectiveDateTime"] == day.isoformat()
    }
    assert found["practice-minutes"]["valueQuantity"] == {
        "value": 18.5,
        "unit": "min",
        "system": "http://unitsofmeasure.org",
        "code": "min",
    }
    sessions = found["practice-sessions"]
    assert sessions["valueInteger"] == 3 and sessions["category"][0]["coding"][0]["code"] == "activity"
    parts = [
        (c["code"]["coding"][0]["code"], c.get("valueInteger", c.get("valueString")))
        for c in sessions["component"]
    ]
    assert parts == [
        ("sessions-timed", 2),
        ("sessions-logged", 1),
        ("routine", "back"),
        ("routine", "feet"),
        ("routine", "morning"),
    ]


def test_a_logged_session_whose_detail_is_damaged_is_not_counted_as_logged(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    def components() -> list[int]:
        doc = export(cli, tmp_path / "practice.json")
        (sessions,) = [o for o in of_type(doc, "Observation") if _footback(o) == "practice-sessions"]
        return [c["valueInteger"] for c in sessions["component"][:2]]

    assert cli.invoke(["log", "feet", "--minutes", "5"]).exit_code == 0
    assert components() == [0, 1]
    with open_store(home) as store, store.transaction() as conn:
        conn.execute("UPDATE stretch_sessions SET detail = '{not json'")
    assert components() == [1, 0]


def test_two_exports_are_byte_identical_whatever_the_clock(cli: Cli, home: Path, tmp_path: Path) -> None:
    seed(home)
    set_wall(cli.context, NOW.astimezone(UTC))
    export(cli, tmp_path / "first.json")
    set_wall(cli.context, datetime(2025, 6, 1, 9, 0, tzinfo=UTC))
    export(cli, tmp_path / "second.json")
    first = (tmp_path / "first.json").read_bytes()
    assert first == (tmp_path / "second.json").read_bytes()
    doc = json.loads(first)
    assert doc["timestamp"] == doc["meta"]["lastUpdated"] == at(0, 21).isoformat()  # the newest check-in


def test_since_keeps_records_from_that_day_on(cli: Cli, home: Path, tmp_path: Path) -> None:
    seed(home)
    day = at(2).date()
    doc = export(cli, tmp_path / "since.json", "--since", day.isoformat())
    validate(doc)
    days = {o["effectiveDateTime"][:10] for o in of_type(doc, "Observation")}
    assert days and min(days) == day.isoformat()
    assert len(of_type(doc, "QuestionnaireResponse")) == 1  # only the one from yesterday


@pytest.mark.parametrize("bad", ["2025-3-1", "yesterday", "2025-02-30"])
def test_a_bad_since_is_one_line_and_exit_2(cli: Cli, home: Path, tmp_path: Path, bad: str) -> None:
    result = cli.invoke(["export", "--format", "fhir", "--since", bad, "--output", str(tmp_path / "x.json")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("footback: error: --since:")
    assert not (tmp_path / "x.json").exists()


def test_since_and_name_belong_to_fhir(cli: Cli) -> None:
    result = cli.invoke(["export", "--format", "csv", "--since", "2025-01-01"])
    assert result.exit_code == 2 and "--format fhir" in result.stderr


def test_an_empty_store_is_a_valid_empty_bundle(cli: Cli, home: Path, tmp_path: Path) -> None:
    doc = export(cli, tmp_path / "none.json")  # no store at all: none is created
    assert not home.exists()
    validate(doc)
    assert "entry" not in doc and "timestamp" not in doc
    with open_store(home):
        pass  # an empty store
    assert export(cli, tmp_path / "empty.json") == doc


def test_name_adds_one_patient_that_every_record_refers_to_and_is_never_stored(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    seed(home)
    doc = export(cli, tmp_path / "named.json", "--name", "  Ada Lovelace ")
    validate(doc)
    (person,) = of_type(doc, "Patient")
    assert person["name"] == [{"text": "Ada Lovelace"}]
    url = f"urn:uuid:{person['id']}"
    for o in of_type(doc, "Observation"):
        assert o["subject"] == {"reference": url} and o["performer"] == [{"reference": url}]
    assert all(r["subject"] == {"reference": url} for r in of_type(doc, "QuestionnaireResponse"))
    assert not any(b"Lovelace" in p.read_bytes() for p in home.iterdir() if p.is_file())


def test_a_blank_name_is_bad_usage(cli: Cli) -> None:
    result = cli.invoke(["export", "--format", "fhir", "--name", "  "])
    assert result.exit_code == 2 and result.stderr.startswith("footback: error: --name:")


def test_hostile_text_stays_data(cli: Cli, home: Path, tmp_path: Path) -> None:
    with open_store(home) as store, store.transaction() as conn:
        conn.execute(
            "INSERT INTO checkins (day, foot, back, note, warning_signs, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            ("2025-03-12", 3, 4, HOSTILE, "[]", at(1, 21).isoformat()),
        )
    with open_store(home) as store:
        add_session(store, at(1), HOSTILE, 120)
    out = tmp_path / "hostile.json"
    doc = export(
        cli, out, "--name", "Ann Kim"
    )  # a typed --name is plain text (tests/hostile/test_fhir_hostile.py)
    validate(doc)
    text = out.read_text(encoding="utf-8")
    assert not UNSAFE.search(text.replace("\n", ""))  # no raw control, C1 or bidi character
    notes = {n["text"] for o in of_type(doc, "Observation") for n in o.get("note", [])}
    assert any(n.endswith(HOSTILE) for n in notes)
    routines = [c.get("valueString") for o in of_type(doc, "Observation") for c in o.get("component", [])]
    assert HOSTILE in routines
    assert of_type(doc, "Patient")[0]["name"] == [{"text": "Ann Kim"}]


def test_the_output_file_is_private(cli: Cli, home: Path, tmp_path: Path) -> None:
    seed(home)
    out = tmp_path / "clinic.json"
    result = cli.invoke(["export", "--format", "fhir", "--output", str(out)])
    assert result.exit_code == 0
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert "FHIR R4 Bundle" in result.stderr and "Observation" in result.stderr


def test_stdout_gets_only_the_bundle(cli: Cli, home: Path) -> None:
    seed(home)
    result = cli.invoke(["export", "--format", "fhir"])
    assert result.exit_code == 0
    validate(json.loads(result.stdout))


def test_a_json_file_name_suits_fhir_and_a_csv_one_does_not(cli: Cli, tmp_path: Path) -> None:
    assert cli.invoke(["export", "--format", "fhir", "-o", str(tmp_path / "a.json")]).exit_code == 0
    refused = cli.invoke(["export", "--format", "fhir", "-o", str(tmp_path / "a.csv")])
    assert refused.exit_code == 2 and "contradicts" in refused.stderr


def test_a_warning_sign_reported_at_a_check_in_is_exported_with_its_triage(cli: Cli, tmp_path: Path) -> None:
    done = cli.invoke(["checkin", "--foot", "2", "--back", "6", "--sign", "rf_fever", "--note", "hot"])
    assert done.exit_code == 0, done.output
    doc = export(cli, tmp_path / "sign.json")
    validate(doc)
    (response,) = of_type(doc, "QuestionnaireResponse")
    found = {_footback(o): o for o in _of_response(doc, response)}
    assert found["triage"]["valueCodeableConcept"]["coding"][0]["code"] == "urgent"
    assert found["warning-sign"]["component"][0]["valueString"] == "rf_fever"
    pain = [o for o in of_type(doc, "Observation") if "bodySite" in o]
    assert sorted(o["valueInteger"] for o in pain) == [2, 6]


def test_a_session_counts_on_the_day_it_was_played_whatever_the_zone_of_the_export(home: Path) -> None:
    late = datetime(2025, 3, 10, 23, 30, tzinfo=timezone(timedelta(hours=1)))  # 22:30 UTC
    with open_store(home) as store:
        save_logged(store, "feet", late, 300.0, 600.0, 4)  # keeps its UTC offset (+60)
        written = []
        for offset in (-300, 0, 600):  # the clock of the export: UTC-5, UTC, UTC+10
            out = io.StringIO()
            write_bundle(store, out, FhirRequest(offset_minutes=offset))
            written.append(out.getvalue())
    assert written[0] == written[1] == written[2]
    days = {o["effectiveDateTime"] for o in of_type(json.loads(written[0]), "Observation")}
    assert days == {"2025-03-10"}


def test_text_that_is_not_utf8_is_exported_with_replacement_characters(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert cli.invoke(["checkin", "--foot", "1", "--back", "2", "--note", "fine"]).exit_code == 0
    assert cli.invoke(["log", "feet", "--minutes", "5"]).exit_code == 0
    with open_store(home) as store, store.transaction() as conn:  # bytes another tool wrote
        conn.execute("UPDATE checkins SET note = CAST(x'6eff' AS TEXT)")
        conn.execute("UPDATE stretch_sessions SET routine = CAST(x'66ff6565' AS TEXT)")
    doc = export(cli, tmp_path / "bytes.json")
    validate(doc)
    notes = {n["text"] for o in of_type(doc, "Observation") for n in o.get("note", [])}
    assert any(n.endswith("n\ufffd") for n in notes)
    routines = [c.get("valueString") for o in of_type(doc, "Observation") for c in o.get("component", [])]
    assert "f\ufffdee" in routines
    assert len([o for o in of_type(doc, "Observation") if "bodySite" in o]) == 2  # the pain scores survive


def test_a_function_rating_is_an_observation_with_each_activity(cli: Cli, home: Path, tmp_path: Path) -> None:
    from footback.models.psfs import PsfsRating
    from footback.records.psfs import save_rating

    rating = PsfsRating(
        day=at(3).date(), activities=["stairs", "walking 30 min"], ratings=[4, 7], created_at=at(3, 21)
    )
    with open_store(home) as store:
        save_rating(store, rating)
    doc = export(cli, tmp_path / "psfs.json")
    validate(doc)
    (found,) = [o for o in of_type(doc, "Observation") if _footback(o) == "psfs"]
    assert found["valueQuantity"]["value"] == 5.5 and found["effectiveDateTime"] == at(3).date().isoformat()
    parts = [(c["code"]["text"], c["valueInteger"]) for c in found["component"]]
    assert parts == [("stairs", 4), ("walking 30 min", 7)]
    assert doc["timestamp"] == at(3, 21).isoformat()  # the newest record is the rating
