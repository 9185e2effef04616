"""`history --json` names an assessment's warning signs by id as well as by label: the labels are
wording (they may change), the ids are what answers files, check-ins and the export use."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from footback.records.db import open_store
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers
from tests.support.history_seed import add_assessment


def test_an_assessment_stopped_by_signs_lists_their_ids_after_the_other_keys(cli: Cli, home: Path) -> None:
    with open_store(home) as store:
        add_assessment(store, no_problem_answers(), datetime(2026, 11, 1, 8, tzinfo=UTC))
        add_assessment(
            store, {**no_problem_answers(), "rf_fever": True}, datetime(2026, 11, 2, 8, tzinfo=UTC)
        )
    calm, fever = json.loads(cli.invoke(["history", "--json"]).stdout)["assessments"]
    assert calm["warning_sign_ids"] == []
    assert fever["warning_sign_ids"] == ["rf_fever"]
    assert fever["warning_signs"] != ["rf_fever"]  # the label, in words
    assert list(fever)[-1] == "warning_sign_ids"  # added at the end: the other keys keep their places
