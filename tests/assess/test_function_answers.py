"""The function score (PSFS, issue 20 item 15) in an answers file: `psfs_activities` and
`psfs_ratings`, checked before anything is stored, the same activities rated again later."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from footback.records.db import open_store
from footback.records.psfs import list_ratings
from tests.assess.test_assess_quick import SIGNS, _full, _later
from tests.support.context import Cli
from tests.support.helpers import no_problem_answers


def _assess(cli: Cli, tmp_path: Path, extra: dict[str, object], *args: str) -> tuple[int, str]:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(no_problem_answers() | extra), encoding="utf-8")
    result = cli.invoke(["assess", "--answers", str(path), "--json", *args])
    return result.exit_code, result.output


def test_a_full_assessment_stores_the_activities_and_their_ratings(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    code, out = _assess(
        cli, tmp_path, {"psfs_activities": ["Walking 1 km", "Stairs"], "psfs_ratings": [3, 6]}
    )
    assert code == 0, out
    with open_store(home) as store:
        (rating,) = list_ratings(store)
    assert rating.activities == ["Walking 1 km", "Stairs"] and rating.ratings == [3, 6] and rating.mean == 4.5


def test_without_the_keys_nothing_is_rated_and_with_no_save_nothing_stored(
    cli: Cli, home: Path, tmp_path: Path
) -> None:
    assert _assess(cli, tmp_path, {})[0] == 0
    assert _assess(cli, tmp_path, {"psfs_activities": ["Stairs"], "psfs_ratings": [2]}, "--no-save")[0] == 0
    with open_store(home) as store:
        assert list_ratings(store) == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"psfs_activities": ["a", "b", "c", "d"], "psfs_ratings": [1, 1, 1, 1]}, "a list of 1 to 3"),
        ({"psfs_activities": ["Stairs"], "psfs_ratings": [11]}, "11 is not a whole number from 0 to 10"),
        ({"psfs_activities": ["Stairs"], "psfs_ratings": [7.5]}, "is not a whole number"),
        ({"psfs_activities": ["Stairs"], "psfs_ratings": [True]}, "is not a whole number"),
        ({"psfs_activities": ["Stairs", "Walking"], "psfs_ratings": [3]}, "one rating for each of the 2"),
        ({"psfs_activities": ["x" * 81], "psfs_ratings": [3]}, "longer than 80"),
        ({"psfs_activities": ["bell\x07"], "psfs_ratings": [3]}, "control characters"),
        ({"psfs_activities": ["Stairs", "stairs"], "psfs_ratings": [3, 3]}, "named twice"),
        ({"psfs_ratings": [3]}, "name the activities first"),
    ],
)
def test_a_bad_function_answer_is_one_error_line_and_nothing_is_stored(
    cli: Cli, home: Path, tmp_path: Path, extra: dict[str, object], message: str
) -> None:
    code, out = _assess(cli, tmp_path, extra)
    assert code == 2
    assert "footback: error:" in out and message in out and "Traceback" not in out
    if home.exists():
        with open_store(home) as store:
            assert list_ratings(store) == []


def test_the_quick_recheck_rates_the_same_activities_again(cli: Cli, home: Path, tmp_path: Path) -> None:
    _full(cli, tmp_path, psfs_activities=["Walking 1 km", "Stairs"], psfs_ratings=[3, 4])
    _later(cli.context, 28, 16)
    signs = "".join(f"{sign} = false\n" for sign in SIGNS)
    other = tmp_path / "other.toml"
    other.write_text('psfs_activities = ["Running"]\npsfs_ratings = [5]\n' + signs, encoding="utf-8")
    refused = cli.invoke(["assess", "--quick", "--answers", str(other), "--json"])
    assert refused.exit_code == 2 and "rate the same activities as before" in refused.output
    week = tmp_path / "week.toml"
    week.write_text("psfs_ratings = [6, 5]\n" + signs, encoding="utf-8")
    result = cli.invoke(["assess", "--quick", "--answers", str(week), "--json"])
    assert result.exit_code == 0, result.output
    with open_store(home) as store:
        first, again = list_ratings(store)
    assert again.activities == first.activities and again.ratings == [6, 5]
    progress = json.loads(cli.invoke(["progress", "--json"]).output)["function"]
    assert (progress["start"], progress["now"], progress["verdict"]) == (3.5, 5.5, "better")
