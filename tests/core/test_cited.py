"""Results carry source ids; the citation text is made only where a result is written out."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic_core import PydanticSerializationError

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from footback.content.loader import Source, Sources
from footback.core.cited import Cited, citing
from footback.models.assessment import AssessmentResult, FactorHit, Note
from footback.models.shoe_check import WearHint
from footback.records.assessments import list_assessments, save_assessment
from footback.records.db import open_store
from footback.shoes.check import check_shoes
from footback.shoes.content import load_shoe_content
from tests.support.helpers import back_pain_answers
from tests.support.shoes_helpers import good_pair

CONTENT = load_assess_content()
ANSWERS = back_pain_answers(arch="flat", shoe_wear="inner_edge", footwear="worn_out", calf_tight=True)


def findings(result: AssessmentResult) -> list[Cited]:
    recs = result.recommendations
    found: list[Cited] = [f for _, score in result.scores.named() for f in score.factors]
    return found + list(result.red_flags) + recs.routine_reasons + recs.action_details + recs.evidence_notes


class Marked:
    """Cites every id as `<id>`: shows which text the writer made, and from which ids."""

    def cites(self, source_ids: object) -> str:
        return "; ".join(f"<{i}>" for i in source_ids)  # type: ignore[attr-defined]


def test_scored_findings_carry_ids_and_no_citation_text() -> None:
    result = assess(CONTENT, ANSWERS)
    found = findings(result)
    assert found and all(f.source_ids and f.saved_source is None for f in found)
    assert not any(hasattr(f, "source") for f in found)


def test_the_writer_makes_each_source_from_the_ids() -> None:
    written = json.loads(assess(CONTENT, ANSWERS).model_dump_json(context=citing(Marked())))
    factor = written["scores"]["foot"]["factors"][0]
    assert factor["source"] == "; ".join(f"<{i}>" for i in factor["source_ids"])
    # `source` sits where it always was: just before `source_ids`.
    keys = list(factor)
    assert keys.index("source") + 1 == keys.index("source_ids")


def test_written_out_without_sources_is_an_error_not_a_blank() -> None:
    with pytest.raises(PydanticSerializationError, match="without its sources"):
        assess(CONTENT, ANSWERS).model_dump_json()


def test_shoe_findings_keep_their_json_layout() -> None:
    content = load_shoe_content()
    result = check_shoes(content, good_pair(distance_km=900, outsole_wear="inner_edge", orthotics=True))
    written = json.loads(result.model_dump_json(context=citing(content.sources)))
    problem, note, wear = written["problems"][0], written["notes"][0], written["wear_pattern"]
    assert list(problem)[-3:] == ["source", "evidence", "source_ids"]
    assert list(note)[-3:] == ["source", "evidence", "source_ids"]
    assert list(wear) == ["outsole_wear", "text", "source"]  # the ids are not part of its JSON
    assert problem["source"] == content.sources.cites(problem["source_ids"])
    assert isinstance(result.wear_pattern, WearHint) and result.wear_pattern.source_ids


def test_a_stored_finding_with_ids_is_cited_from_its_ids_again() -> None:
    read = FactorHit.model_validate(
        {"id": "x", "points": 1, "reason": "r", "source": "Old", "source_ids": ["a"]}
    )
    assert read == FactorHit(id="x", points=1, reason="r", source_ids=["a"])
    assert read.citation(Marked()) == "<a>"


def test_a_finding_saved_before_ids_keeps_its_citation() -> None:
    read = Note.model_validate({"id": "n", "text": "t", "source": "NHS advice"})
    assert read.citation(Marked()) == "NHS advice"
    assert json.loads(read.model_dump_json()) == {
        "id": "n",
        "text": "t",
        "source": "NHS advice",
        "source_ids": [],
    }


def test_the_store_still_keeps_the_citation_text(home: Path) -> None:
    # The export format carries the stored result as it is: its `source` fields must stay.
    result = assess(CONTENT, ANSWERS)
    with open_store(home) as store:
        save_assessment(store, ANSWERS, result, datetime(2025, 3, 1, 9, tzinfo=UTC), citer=CONTENT.sources)
        (raw,) = store.query("SELECT result FROM assessments")
        saved = list_assessments(store)[0].result
    factor = json.loads(raw[0])["scores"]["foot"]["factors"][0]
    assert factor["source"] == CONTENT.sources.cites(factor["source_ids"])
    assert saved == result


def test_a_reference_with_a_semicolon_stays_whole() -> None:
    src = Sources(
        sources={"a": Source(citation="Foot 2018;34:18-22"), "b": Source(citation="NHS; Foot 2018;34:18-22")}
    )
    assert src.cites(["a", "b"]) == "Foot 2018;34:18-22; NHS"
