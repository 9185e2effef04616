"""At a check-in the function score's activities are offered for re-rating (one key, Enter skips)
only when 28 days or more have passed since the last rating; never without a terminal."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from footback.cli.context import AppContext
from footback.daily.checkin_flow import CheckinOutcome, CheckinRequest
from footback.models.psfs import PsfsRating
from footback.records.db import open_store
from footback.records.psfs import list_ratings, save_rating
from tests.daily.test_checkin import NOW
from tests.daily.test_checkin import check_in as _check_in

OFFER = "Rate them again?"
# Foot, back, and Enter for "anything new": the check-in's 3 answers when nothing is new.
THREE = ("3", "2", "")


def _rated(home: Path, days_ago: int) -> None:
    with open_store(home) as store:
        day = NOW.date() - timedelta(days=days_ago)
        save_rating(
            store, PsfsRating(day=day, activities=["Stairs", "Walking"], ratings=[3, 4], created_at=NOW)
        )


def check_in(context: AppContext, request: CheckinRequest, *lines: str) -> tuple[CheckinOutcome, str]:
    """The check-in, and what it showed with its line wrapping undone."""
    outcome, shown = _check_in(context, request, *lines)
    return outcome, " ".join(shown.split())


def _ratings(home: Path) -> list[list[int]]:
    with open_store(home) as store:
        return [r.ratings for r in list_ratings(store)]


def test_due_after_28_days_the_same_activities_are_rated_again(context: AppContext, home: Path) -> None:
    _rated(home, 28)
    outcome, shown = check_in(context, CheckinRequest(), *THREE, "y", "11", "6", "7")
    assert outcome.checkin is not None and OFFER in shown
    assert "Not understood: a whole number from 0 to 10" in shown  # 11 was asked again
    assert "Stairs: 0 (unable)" in shown and "mean 6.5" in shown
    assert _ratings(home) == [[3, 4], [6, 7]]


@pytest.mark.parametrize("days", [27, 0])
def test_not_due_the_checkin_stays_at_three_answers(context: AppContext, home: Path, days: int) -> None:
    _rated(home, days)
    outcome, shown = check_in(context, CheckinRequest(), *THREE)  # a fourth question would end the input
    assert outcome.checkin is not None and OFFER not in shown
    assert _ratings(home) == [[3, 4]]


def test_enter_skips_and_nothing_is_rated(context: AppContext, home: Path) -> None:
    _rated(home, 40)
    outcome, shown = check_in(context, CheckinRequest(), *THREE, "")
    assert outcome.checkin is not None and OFFER in shown
    assert _ratings(home) == [[3, 4]]


def test_without_a_terminal_it_is_never_asked(context: AppContext, home: Path) -> None:
    _rated(home, 40)
    outcome, shown = check_in(context, CheckinRequest(foot=3, back=2))
    assert outcome.checkin is not None and OFFER not in shown
    assert _ratings(home) == [[3, 4]]


def test_no_ratings_no_offer(context: AppContext, home: Path) -> None:
    outcome, shown = check_in(context, CheckinRequest(), *THREE)
    assert outcome.checkin is not None and OFFER not in shown
