"""The published triage benchmark (issue 20, item 16): every vignette in vignettes.toml gets the
triage its citation gives, no emergency is ever missed, and docs/triage.md shows today's table."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.content.answers_file import check_answers
from footback.content.loader import sources
from tests.support.vignettes import LEVELS, load_vignettes, run_all, run_vignette, table

VIGNETTES = load_vignettes()
CONTENT = load_assess_content()
DOCS = Path(__file__).resolve().parents[2] / "docs" / "triage.md"


def test_no_emergency_is_ever_missed() -> None:
    """CI fails on any emergency vignette that footback does not send to emergency care."""
    emergencies = [o for o in run_all() if o.vignette.expected == "emergency"]
    assert emergencies and [o.vignette.id for o in emergencies if o.triage != "emergency"] == []


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_every_vignette_gets_its_expected_triage(vignette: object) -> None:
    outcome = run_vignette(vignette)  # type: ignore[arg-type]
    assert outcome.triage == outcome.vignette.expected, outcome.vignette.story
    assert outcome.unanswered == ()  # a complete case: footback would ask nothing more


def test_the_vignettes_are_well_formed_and_cited() -> None:
    assert len(VIGNETTES) >= 60
    ids = [v.id for v in VIGNETTES]
    assert len(ids) == len(set(ids))
    known = sources().sources
    for v in VIGNETTES:
        assert v.expected in LEVELS, v.id
        assert v.source in known, v.id
        check_answers(v.answers, CONTENT.questions.questions, f"vignette {v.id}")  # real ids and values
    for level in LEVELS:
        assert sum(v.expected == level for v in VIGNETTES) >= 15, level


def test_every_warning_sign_is_found_alone_in_some_vignette() -> None:
    """Each question's sign has a vignette where it is the only one; each combination and age rule
    is found in some vignette (a combination comes with the signs it combines)."""
    outcomes = run_all()
    alone = {o.signs[0] for o in outcomes if len(o.signs) == 1}
    found = {sign for o in outcomes for sign in o.signs}
    assert set(CONTENT.red_flag_ids()) <= alone
    assert {rule.id for rule in CONTENT.sign_rules()} <= found


def test_docs_publish_todays_table() -> None:
    assert table(run_all()) in DOCS.read_text(encoding="utf-8")
