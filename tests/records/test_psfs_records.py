"""Function ratings (Patient-Specific Functional Scale, issue 20 item 15): stored, exported, imported."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from footback.models.psfs import MAX_ACTIVITY, PsfsRating
from footback.records.db import open_store
from footback.records.psfs import list_ratings, save_rating
from tests.support.context import WALL, Cli


def rating(day: date, activities: list[str], ratings: list[int]) -> PsfsRating:
    return PsfsRating(day=day, activities=activities, ratings=ratings, created_at=WALL)


def test_a_rating_set_round_trips_and_its_score_is_the_mean(home: Path) -> None:
    with open_store(home) as store:
        save_rating(store, rating(WALL.date(), ["Walking 1 km", "Stairs", "Lifting a child"], [3, 4, 8]))
        save_rating(store, rating(WALL.date() - timedelta(days=28), ["Walking 1 km"], [2]))
        first, second = list_ratings(store)
    assert first.activities == ["Walking 1 km"] and first.mean == 2
    assert second.ratings == [3, 4, 8] and second.mean == 5


@pytest.mark.parametrize(
    ("activities", "ratings"),
    [
        (["a", "b", "c", "d"], [1, 2, 3, 4]),  # at most 3 activities
        (["a"], [11]),
        (["a"], [-1]),
        (["a", "b"], [1]),
        (["a", "A"], [1, 2]),
        (["x" * (MAX_ACTIVITY + 1)], [1]),
        (["bell\x07"], [1]),
        ([], []),
    ],
)
def test_a_rating_set_that_is_not_one_is_refused(activities: list[str], ratings: list[int]) -> None:
    with pytest.raises(ValidationError):
        rating(WALL.date(), activities, ratings)


def _export(cli: Cli, path: Path) -> dict[str, Any]:
    result = cli.invoke(["export", "--format", "json", "--output", str(path)])
    assert result.exit_code == 0, result.output
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_export_carries_ratings_and_import_restores_them_once(home: Path, cli: Cli, tmp_path: Path) -> None:
    with open_store(home) as store:
        save_rating(store, rating(WALL.date(), ["Walking", "Stairs"], [3, 7]))
    doc = _export(cli, tmp_path / "backup.json")
    (stored,) = doc["psfs_ratings"]
    assert stored["activities"] == ["Walking", "Stairs"] and stored["ratings"] == [3, 7]
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    restored = cli.invoke(["import", str(tmp_path / "backup.json")])
    assert restored.exit_code == 0, restored.output
    assert "1 function rating" in restored.output
    again = cli.invoke(["import", str(tmp_path / "backup.json")])
    assert again.exit_code == 0
    with open_store(home) as store:
        assert [r.ratings for r in list_ratings(store)] == [[3, 7]]


def test_csv_export_has_a_row_per_rating_set(home: Path, cli: Cli) -> None:
    with open_store(home) as store:
        save_rating(store, rating(WALL.date(), ["=cmd|' /C calc'!A0"], [3]))
    result = cli.invoke(["export", "--format", "csv"])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("psfs_ratings")]
    assert "[3]" in line and "'=cmd" not in line  # inside a JSON list: no cell starts with '='


@pytest.mark.parametrize(
    ("field", "value", "where"),
    [
        ("ratings", [11], "ratings[0]"),
        ("ratings", [7.5], "ratings[0]"),
        ("ratings", [True], "ratings[0]"),
        ("ratings", [1, 2], "ratings"),
        ("activities", ["x" * (MAX_ACTIVITY + 1)], "activities[0]"),
        ("activities", ["ring\x1b[2J"], "activities[0]"),
        ("activities", [" Walking"], "activities[0]"),
        ("activities", ["a", "b", "c", "d"], "activities"),
        ("activities", [5], "activities[0]"),
        ("day", "2025-02-30", "day"),
    ],
)
def test_import_refuses_a_bad_rating_set_and_stores_nothing(
    home: Path, cli: Cli, tmp_path: Path, field: str, value: object, where: str
) -> None:
    with open_store(home) as store:
        save_rating(store, rating(WALL.date(), ["Walking"], [3]))
    doc = _export(cli, tmp_path / "backup.json")
    assert cli.invoke(["forget", "--yes"]).exit_code == 0
    doc["psfs_ratings"][0][field] = value
    doc["psfs_ratings"][0].pop("uid")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    result = cli.invoke(["import", str(path)])
    assert result.exit_code == 2
    assert f"psfs_ratings[0]: {where}" in result.output
    with open_store(home) as store:
        assert list_ratings(store) == []
