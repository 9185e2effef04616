"""The plan's levels: every edge of the weekly review, hand-set levels, doses, the stored history."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from footback.cli.app import app
from footback.core.errors import BadInputError
from footback.daily.pain import PainChange
from footback.models.checkin import CheckIn
from footback.plan.content import load_plan_content
from footback.plan.levels import settle_level
from footback.plan.progression import ReviewFacts, find_flare, review
from footback.records.checkins import save_checkin
from footback.records.db import Store, open_store
from footback.records.plan_changes import list_changes
from tests.support.helpers import back_pain_answers
from tests.support.runner import CliRunner

runner = CliRunner()
RULE = load_plan_content().progression
REASONS = RULE.reasons
RULE_MIN = 2  # data/daily.toml pain.min_checkins (checked in tests/daily/test_progress.py)
NOW = datetime(2026, 3, 31, 9, 0, tzinfo=UTC)


def pain(verdict: str = "no clear change", change: float | None = 0.0) -> PainChange:
    return PainChange(start=5, now=5, change=change, verdict=verdict, start_checkins=7, now_checkins=5)  # type: ignore[arg-type]


def facts(**changes: object) -> ReviewFacts:
    base: dict[str, object] = {
        "level": 3,
        "top": 6,
        "recent_checkins": 5,
        "min_checkins": 2,
        "sessions": 3,
        "target": 3.0,
        "foot": pain(),
        "back": pain(),
        "flare": None,
        "warning_sign": False,
    }
    base.update(changes)
    return ReviewFacts(**base)  # type: ignore[arg-type]


def test_levels_stay_within_acsm_ranges() -> None:
    """ACSM: holds 10-30 s (30-60 s from 65), about 60 s per stretch in total (issue 20, item 12)."""
    assert (RULE.levels[0].hold, RULE.levels[0].reps) == (10, 2)
    assert all(10 <= d.hold <= 30 and 2 <= d.reps <= 4 for d in RULE.levels)
    assert all(30 <= d.hold <= 60 and 1 <= d.reps <= 4 for d in RULE.older_levels)
    for ladder in (RULE.levels, RULE.older_levels):
        totals = [d.hold * d.reps for d in ladder]
        assert max(totals) == 60 and totals == sorted(totals), totals  # never past 60 s, never less


def test_65_is_an_older_adult() -> None:
    """ACSM counts 65 and over as older adults (issue 20, item 11)."""
    assert RULE.older_age == 65
    assert RULE.ladder(65) == RULE.older_levels and RULE.ladder(64) == RULE.levels
    assert RULE.ladder(None) == RULE.levels


def _docs_ladders() -> dict[str, list[str]]:
    from pathlib import Path

    text = (Path(__file__).parents[2] / "docs" / "daily.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith(("| under 65 |", "| 65 and over |"))]
    return {r.split("|")[1].strip(): [c.strip() for c in r.split("|")[2:-1] if c.strip()] for r in rows}


def test_the_ladders_in_the_docs_are_the_ladders_in_the_data() -> None:
    """One hold changed in data/plan.toml (15 -> 16 s) fails here until docs/daily.md says so too."""
    shown = _docs_ladders()
    assert shown["under 65"] == [f"{d.hold} s x {d.reps}" for d in RULE.levels]
    assert shown["65 and over"] == [f"{d.hold} s x {d.reps}" for d in RULE.older_levels]


def test_on_target_and_pain_not_worse_steps_up() -> None:
    action, level, reason = review(facts(), REASONS)
    assert (action, level) == ("up", 4) and "3 sessions" in reason
    assert review(facts(foot=pain("better", -2.5)), REASONS)[:2] == ("up", 4)


def test_below_target_stays() -> None:
    action, level, reason = review(facts(sessions=2), REASONS)
    assert (action, level) == ("stay", 3) and "below the target" in reason


def test_too_little_data_stays() -> None:
    action, level, reason = review(facts(recent_checkins=1), REASONS)
    assert (action, level) == ("stay", 3) and "too little data" in reason


def test_meaningfully_worse_pain_steps_back() -> None:
    action, level, reason = review(facts(back=pain("worse", 2.0)), REASONS)
    assert (action, level) == ("back", 2) and "back pain got worse" in reason and "+2.0" in reason


def test_flare_steps_back_even_on_target() -> None:
    flare = find_flare(
        [_c(date(2026, 3, d), 3) for d in (20, 21, 22)] + [_c(date(2026, 3, 24), 5)], _midnight(24), 2
    )
    assert flare is not None and (flare.part, flare.score, flare.jump) == ("foot", 5, 2.0)
    action, level, reason = review(facts(flare=flare), REASONS)
    assert (action, level) == ("back", 2) and "flare" in reason


def test_no_flare_below_the_threshold_or_before_the_period() -> None:
    week = [_c(date(2026, 3, d), 3) for d in (20, 21, 22)]
    assert find_flare([*week, _c(date(2026, 3, 24), 4)], _midnight(24), 2) is None
    assert find_flare([*week, _c(date(2026, 3, 23), 6)], _midnight(24), 2) is None  # seen before


def test_flare_at_level_one_stays_at_the_bottom() -> None:
    action, level, reason = review(facts(level=1, back=pain("worse", 3.0)), REASONS)
    assert (action, level) == ("stay", 1) and "get advice" in reason


def test_top_level_stays() -> None:
    assert review(facts(level=6), REASONS)[:2] == ("stay", 6)


def test_warning_sign_stops_progression() -> None:
    action, level, reason = review(facts(warning_sign=True), REASONS)
    assert (action, level) == ("stop", 3) and "warning sign" in reason


def _c(day: date, foot: int, back: int = 0, signs: list[str] | None = None) -> CheckIn:
    """A check-in saved at 08:00 on its day."""
    saved = datetime(day.year, day.month, day.day, 8, tzinfo=UTC)
    return CheckIn(day=day, foot=foot, back=back, warning_signs=signs or [], created_at=saved)


def _midnight(day: int) -> datetime:
    return datetime(2026, 3, day, tzinfo=UTC)


# ------------------------------------------------------------------ settling and storing


@pytest.fixture
def store(home: Path) -> Iterator[Store]:
    with open_store(home) as opened:
        yield opened


def test_first_plan_starts_at_level_one_and_is_stored(store: Store) -> None:
    state = settle_level(store, RULE, now=NOW, age=40, review_now=False, manual=None)
    assert (state.level, state.dose.hold, state.dose.reps) == (1, 10, 2)
    assert state.next_review == date(2026, 4, 7)
    assert [c.action for c in list_changes(store)] == ["start"]


def test_no_review_before_a_week_then_one(store: Store) -> None:
    settle_level(store, RULE, now=NOW, age=40, review_now=False, manual=None)
    later = NOW + timedelta(days=6)
    assert settle_level(store, RULE, now=later, age=40, review_now=False, manual=None).changed is None
    week = NOW + timedelta(days=7)
    state = settle_level(store, RULE, now=week, age=40, review_now=False, manual=None)
    assert state.changed is not None and state.changed.action == "stay"  # no check-ins: too little data
    assert [c.action for c in list_changes(store)] == ["start", "stay"]


def test_review_now_with_a_warning_sign_checkin_stops(store: Store) -> None:
    settle_level(store, RULE, now=NOW - timedelta(hours=2), age=40, review_now=False, manual=None)
    save_checkin(store, _c(NOW.date(), 2, 2, ["rf_fever"]))
    state = settle_level(store, RULE, now=NOW, age=40, review_now=True, manual=None)
    assert state.changed is not None and state.changed.action == "stop" and state.level == 1


def test_manual_level_is_stored_with_its_reason(store: Store) -> None:
    state = settle_level(store, RULE, now=NOW, age=70, review_now=False, manual=3)
    assert (state.level, state.dose.hold, state.top) == (3, 30, 4)  # the older adults' ladder
    assert list_changes(store)[-1].reason == "Level 3, set by hand."
    with pytest.raises(BadInputError, match="use 1 to 4"):
        settle_level(store, RULE, now=NOW, age=70, review_now=False, manual=5)
    assert len(list_changes(store)) == 1


# ------------------------------------------------------------------ the command


def _assessed(tmp_path: Path) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps(back_pain_answers(calf_tight=True)), encoding="utf-8")
    assert runner.invoke(app, ["assess", "--answers", str(answers), "--json"]).exit_code == 0


def test_plan_level_by_hand_changes_the_dose_of_the_progressing_stretches(tmp_path: Path) -> None:
    _assessed(tmp_path)
    result = runner.invoke(app, ["plan", "--level", "5", "--json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["level"]["level"] == 5 and doc["level"]["changed"] is True
    doses = {s["name"]: (s["seconds"], s.get("reps", 1)) for s in doc["steps"]}
    assert doses["Calf stretch at a wall"] == (20, 3)
    assert doses["Knee rolls"] == (10, 3)  # not a progressing stretch: its routine's dose


def test_plan_review_and_bad_level(tmp_path: Path) -> None:
    _assessed(tmp_path)
    first = runner.invoke(app, ["plan"])
    assert first.exit_code == 0 and "Level 1 of 6" in first.stdout
    reviewed = runner.invoke(app, ["plan", "--review"])
    assert reviewed.exit_code == 0 and "too little data" in " ".join(reviewed.stdout.split())
    bad = runner.invoke(app, ["plan", "--level", "0"])
    assert bad.exit_code == 2 and "--level: 0 is not a level" in bad.stderr


def test_plan_level_with_no_save_shows_that_level_and_stores_nothing(tmp_path: Path) -> None:
    # qa-cli: `plan --level N --no-save` used to ignore N, even 0 or 99, and exit 0.
    _assessed(tmp_path)
    assert runner.invoke(app, ["plan"]).exit_code == 0
    home = Path(os.environ["FOOTBACK_HOME"])
    before = (home / "footback.sqlite3").read_bytes(), (home / "plan.toml").read_bytes()
    shown = runner.invoke(app, ["plan", "--level", "5", "--no-save", "--json"])
    assert shown.exit_code == 0, shown.output
    level = json.loads(shown.stdout)["level"]
    assert (level["level"], level["hold"], level["reps"], level["changed"]) == (5, 20, 3, False)
    for bad in ("0", "7", "-1", "99999999999999999999"):
        refused = runner.invoke(app, ["plan", "--level", bad, "--no-save"])
        assert refused.exit_code == 2 and "--level" in refused.stderr, (bad, refused.output)
    assert ((home / "footback.sqlite3").read_bytes(), (home / "plan.toml").read_bytes()) == before


def test_the_level_line_names_only_the_plans_own_progressing_stretches(tmp_path: Path) -> None:
    # It used to name every progressing stretch in data/plan.toml ("Knee to chest and Knee to
    # chest, lying on your side and Calf stretch at a wall") for a plan without either knee step.
    _assessed(tmp_path)
    doc = json.loads(runner.invoke(app, ["plan", "--json", "--no-save"]).stdout)
    names = [s["name"] for s in doc["steps"]]
    assert "Calf stretch at a wall" in names and not any(n.startswith("Knee to chest") for n in names)
    shown = " ".join(runner.invoke(app, ["plan"]).stdout.split())
    assert "Level 1 of 6: 10 s x 2 for Calf stretch at a wall." in shown
    assert "Knee to chest" not in shown


def test_a_level_line_for_a_plan_without_a_progressing_stretch_says_so() -> None:
    from footback.plan.content import Dose
    from footback.plan.levels import LevelState, level_line

    state = LevelState(2, Dose(hold=15, reps=2), 6, date(2025, 3, 8), "Level 2, set by hand.", None)
    assert level_line(state, []).startswith("Level 2 of 6 (no step of this plan changes with the level).")
    both = level_line(state, ["Knee to chest", "Calf stretch at a wall"])
    assert both.startswith("Level 2 of 6: 15 s x 2 for Knee to chest and Calf stretch at a wall.")


# ------------------------------------------------------------------ the same days are counted once


def _on_target_week(store: Store, end: date, foot: int = 4) -> None:
    """A session and a check-in on each of the 7 days up to `end`."""
    from tests.support.history_seed import add_session

    for n in range(7):
        day = end - timedelta(days=n)
        add_session(store, datetime(day.year, day.month, day.day, 7, tzinfo=UTC))
        save_checkin(store, _c(day, foot, 4))


def test_review_twice_in_a_row_steps_up_once(store: Store) -> None:
    settle_level(store, RULE, now=NOW - timedelta(days=7), age=40, review_now=False, manual=None)
    _on_target_week(store, NOW.date())
    first = settle_level(store, RULE, now=NOW, age=40, review_now=True, manual=None)
    again = settle_level(store, RULE, now=NOW + timedelta(minutes=1), age=40, review_now=True, manual=None)
    assert (first.level, again.level) == (2, 2)
    assert again.changed is not None and again.changed.action == "stay"
    assert "set on 2026-03-31" in again.reason and "next from 2026-04-07" in again.reason
    # A week later the same practice can step up again.
    later = settle_level(store, RULE, now=NOW + timedelta(days=7), age=40, review_now=False, manual=None)
    assert later.level == 2  # no check-ins or sessions in the new week: too little data
    _on_target_week(store, (NOW + timedelta(days=14)).date())
    week = settle_level(store, RULE, now=NOW + timedelta(days=14), age=40, review_now=False, manual=None)
    assert week.level == 3


def test_a_flare_steps_back_once_and_a_new_one_again(store: Store) -> None:
    settle_level(store, RULE, now=NOW - timedelta(days=14), age=40, review_now=False, manual=3)
    _on_target_week(store, (NOW - timedelta(days=1)).date(), foot=3)
    save_checkin(store, _c(NOW.date(), 6))  # a flare: 3 points above the week before
    review_at = NOW + timedelta(hours=1)
    first = settle_level(store, RULE, now=review_at, age=40, review_now=True, manual=None)
    assert first.changed is not None and first.changed.action == "back" and first.level == 2
    # The same flare is not counted again, however often the plan is reviewed.
    again = settle_level(
        store, RULE, now=review_at + timedelta(minutes=5), age=40, review_now=True, manual=None
    )
    assert again.level == 2 and again.changed is not None and again.changed.action == "stay"
    for n in (5, 6):  # ordinary days: the week before the next flare
        save_checkin(store, _c((NOW + timedelta(days=n)).date(), 3))
    week = settle_level(store, RULE, now=review_at + timedelta(days=7), age=40, review_now=False, manual=None)
    assert week.level == 2 and week.changed is not None and "flare" not in week.reason
    # A new flare after that review steps back at once, within the week.
    save_checkin(store, _c((NOW + timedelta(days=8)).date(), 9))
    new = settle_level(
        store, RULE, now=NOW + timedelta(days=8, hours=2), age=40, review_now=True, manual=None
    )
    assert new.level == 1 and "flare" in new.reason


# ------------------------------------------------------------------ rules no test moved before (issue 20)


def test_exactly_the_minimum_of_checkins_is_enough_data() -> None:
    assert review(facts(recent_checkins=RULE_MIN), REASONS)[:2] == ("up", 4)
    assert review(facts(recent_checkins=RULE_MIN - 1), REASONS)[:2] == ("stay", 3)


def test_a_worse_trend_within_the_held_week_does_not_step_back_again() -> None:
    held = (date(2026, 3, 28), date(2026, 4, 4))
    action, level, reason = review(facts(back=pain("worse", 2.5), held=held), REASONS)
    assert (action, level) == ("stay", 3) and "2026-04-04" in reason
    assert review(facts(back=pain("worse", 2.5)), REASONS)[:2] == ("back", 2)


def test_the_flare_look_back_is_seven_days() -> None:
    flare_day = _c(date(2026, 3, 24), 5)
    # The only check-in before it is 7 days earlier: inside the look-back ...
    assert find_flare([_c(date(2026, 3, 17), 3), flare_day], _midnight(24), 2) is not None
    # ... 8 days earlier: outside, so nothing to compare with.
    assert find_flare([_c(date(2026, 3, 16), 3), flare_day], _midnight(24), 2) is None


def test_the_shipped_flare_is_two_points_above_the_week_before(store: Store) -> None:
    assert RULE.flare_points == 2
    settle_level(store, RULE, now=NOW - timedelta(days=14), age=40, review_now=False, manual=3)
    _on_target_week(store, (NOW - timedelta(days=1)).date(), foot=3)
    save_checkin(store, _c(NOW.date(), 5))  # exactly 2 points above the week before
    state = settle_level(store, RULE, now=NOW + timedelta(hours=1), age=40, review_now=True, manual=None)
    assert state.changed is not None and state.changed.action == "back" and "flare" in state.reason


def test_a_warning_sign_counts_at_one_review_only(store: Store) -> None:
    settle_level(store, RULE, now=NOW - timedelta(days=8), age=40, review_now=False, manual=3)
    save_checkin(store, _c((NOW - timedelta(days=7)).date(), 3, 3, ["rf_fever"]))
    stopped = settle_level(
        store, RULE, now=NOW - timedelta(days=7, hours=-1), age=40, review_now=True, manual=None
    )
    assert stopped.changed is not None and stopped.changed.action == "stop"
    # A week later, on target with no new sign: the old sign is not counted again.
    _on_target_week(store, NOW.date())
    later = settle_level(store, RULE, now=NOW + timedelta(hours=1), age=40, review_now=False, manual=None)
    assert later.changed is not None and later.changed.action == "up"


def test_a_review_with_the_clock_in_2038_does_not_strand_the_weekly_review(store: Store) -> None:
    """A review made while the clock read 2038 is stored with that date; back in the present, the
    next review is due at once (core.dates.next_due), not in 2038."""
    settle_level(store, RULE, now=NOW, age=40, review_now=False, manual=None)
    future = datetime(2038, 1, 19, 3, 14, tzinfo=UTC)
    assert settle_level(store, RULE, now=future, age=40, review_now=True, manual=None).changed is not None
    back = NOW + timedelta(days=1)
    state = settle_level(store, RULE, now=back, age=40, review_now=False, manual=None)
    # Counted from the last change made in the present (the start), never from 2038.
    assert state.changed is None and state.next_review == NOW.date() + timedelta(days=7)
    week = NOW + timedelta(days=7)
    state = settle_level(store, RULE, now=week, age=40, review_now=False, manual=None)
    assert state.changed is not None, "the weekly review ran on its own again"
    assert state.next_review == week.date() + timedelta(days=7)
    assert settle_level(store, RULE, now=week, age=40, review_now=False, manual=None).changed is None


def test_next_due_counts_from_a_past_or_today_and_resets_a_future_last() -> None:
    from footback.core.dates import next_due

    week, today = timedelta(days=7), date(2026, 3, 10)
    assert next_due(date(2026, 3, 9), today, week) == date(2026, 3, 16)
    assert next_due(date(2026, 3, 11), today, week) == date(2026, 3, 18)  # a zone ahead: one day's grace
    assert next_due(date(2026, 3, 12), today, week) == today
    assert next_due(date(2038, 1, 19), today, week) == today
