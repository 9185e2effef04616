"""The function score (Patient-Specific Functional Scale, issue 20 item 15): judged against its
minimal important difference from data/daily.toml, shown by `progress` and the report."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from footback.daily.content import load_daily_content
from footback.daily.function import function_change, judge_function, recheck_due
from footback.models.checkin import CheckIn
from footback.models.psfs import PsfsRating
from footback.records.checkins import save_checkin
from footback.records.db import open_store
from footback.records.psfs import save_rating
from footback.report.build import build_report
from tests.support.context import WALL, Cli

RULE = load_daily_content().function
DAY = WALL.date()


def rated(days_ago: int, ratings: list[int], activities: list[str] | None = None) -> PsfsRating:
    names = activities or ["Walking 1 km", "Stairs", "Lifting"][: len(ratings)]
    return PsfsRating(day=DAY - timedelta(days=days_ago), activities=names, ratings=ratings, created_at=WALL)


@pytest.mark.parametrize(
    ("start", "now", "verdict"),
    [
        (4.0, 6.0, "better"),  # exactly the minimal important difference of 2 points
        (4.0, 5.9, "no clear change"),
        (6.0, 4.0, "worse"),
        (6.0, 4.1, "no clear change"),
        (5.0, 5.0, "no clear change"),
    ],
)
def test_two_points_on_the_mean_is_real_and_less_is_not(start: float, now: float, verdict: str) -> None:
    assert judge_function(start, now, RULE) == verdict


def test_the_threshold_is_about_two_points_and_cites_abbott_and_schmitt() -> None:
    assert RULE.meaningful_points == 2.0
    assert RULE.recheck_days == 28
    assert "abbott_schmitt_2014" in RULE.sources


def test_the_first_set_against_the_latest_of_the_same_activities() -> None:
    sets = [rated(56, [2, 3, 4]), rated(28, [4, 4, 4]), rated(0, [5, 5, 5])]
    change = function_change(sets, RULE, "rule")
    assert change is not None
    assert (change.start, change.now, change.verdict, change.ratings) == (3.0, 5.0, "better", 3)
    assert change.next_due == DAY + timedelta(days=28)
    # A set of other activities is not compared with the first.
    other = function_change([sets[0], rated(0, [9], ["Running"])], RULE, "rule")
    assert other is not None and other.verdict == "too little data" and other.now is None
    assert function_change([], RULE, "rule") is None


def test_a_new_rating_is_due_from_28_days_after_the_last() -> None:
    assert recheck_due([rated(28, [3])], DAY, RULE)
    assert not recheck_due([rated(27, [3])], DAY, RULE)
    assert not recheck_due([], DAY, RULE)


def _seed(home: Path, names: list[str]) -> None:
    with open_store(home) as store:
        save_rating(store, rated(30, [2, 3], names))
        save_rating(store, rated(1, [5, 5], names))
        save_checkin(store, CheckIn(day=DAY, foot=3, back=2, created_at=WALL))


def test_progress_shows_function_beside_pain_with_its_rule(home: Path, cli: Cli) -> None:
    _seed(home, ["Walking 1 km", "[red]Stairs[/red]"])
    shown = cli.invoke(["progress"])
    assert shown.exit_code == 0, shown.output
    text = " ".join(shown.output.split())
    assert "2.5 on 2025-02-02, 5.0 on 2025-03-03 (+2.5): better" in text
    assert "[red]Stairs[/red]" in text  # stored text is shown, never read as markup
    assert "Abbott" in text and "about 2 points" in text
    as_json = cli.invoke(["progress", "--json"])
    function = json.loads(as_json.output)["function"]
    assert function["verdict"] == "better" and function["start"] == 2.5 and function["now"] == 5.0
    assert "Abbott" in function["rule"]


def test_progress_without_ratings_has_no_function(home: Path, cli: Cli) -> None:
    with open_store(home) as store:
        save_checkin(store, CheckIn(day=DAY, foot=3, back=2, created_at=WALL))
    as_json = cli.invoke(["progress", "--json"])
    assert json.loads(as_json.output)["function"] is None
    assert "Function" not in cli.invoke(["progress"]).output


def test_the_report_shows_function_beside_pain(home: Path) -> None:
    _seed(home, ["Walking 1 km", "Stairs"])
    with open_store(home) as store:
        lines = build_report(store, now=WALL).daily
    (line,) = [line for line in lines if line.startswith("Function (0-10")]
    assert "Walking 1 km; Stairs" in line and line.endswith("(+2.5): better.")
    assert any("Abbott" in line for line in lines)


def test_one_rating_set_says_when_to_rate_again(home: Path, cli: Cli) -> None:
    with open_store(home) as store:
        save_rating(store, rated(3, [4]))
    text = " ".join(cli.invoke(["progress"]).output.split())
    assert "rate the same activities again from " + (DAY + timedelta(days=25)).isoformat() in text
