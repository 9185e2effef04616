"""Which stretch sessions count as practice (streak, today's screen, `due`, progress, plan
reviews): at least one step done, or finished with none skipped. A routine skipped step by step
to its end is no practice. The rule is written twice (Python `SavedSession.counts` and the SQL
every aggregate uses); both are checked on the same rows."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from footback.daily.practice import routines_done
from footback.models.stretch_session import SessionSummary
from footback.records.db import open_store
from footback.records.stretch_sessions import active_days, counted_totals, recent_sessions, save_session

START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def _summary(done: int, skipped: int, finished: bool) -> SessionSummary:
    statuses = ["done"] * done + ["skipped"] * skipped
    total = max(len(statuses), 1)
    return SessionSummary(
        routine="feet",
        planned_seconds=180,
        actual_seconds=20,
        paused_seconds=0,
        speed=1,
        steps_total=total,
        steps_done=done,
        steps_skipped=skipped,
        finished=finished,
        ended_by="end" if finished else "stop key",
        steps=statuses,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("done", "skipped", "finished", "counts"),
    [
        (0, 3, True, False),  # every step skipped to the end
        (0, 1, True, False),  # a one-step routine, skipped
        (1, 2, True, True),  # one step done is enough
        (3, 0, True, True),
        (1, 0, False, True),  # stopped after one step
        (0, 1, False, False),  # stopped in the first step
        (0, 0, True, True),  # finished with nothing skipped (a row saved before steps were counted)
    ],
)
def test_a_session_counts_with_a_step_done_or_finished_with_none_skipped(
    home: Path, done: int, skipped: int, finished: bool, counts: bool
) -> None:
    day = START.date()
    with open_store(home) as store:
        save_session(store, _summary(done, skipped, finished), START)
        (saved,) = recent_sessions(store)
        assert saved.counts is counts
        assert (day in active_days(store, day, day, 0)) is counts
        assert counted_totals(store, day, day, 0)[0] == int(counts)
        # Today's screen and `due` say "done" only for a session that counts.
        assert ("feet" in routines_done(store, START + timedelta(hours=1))) is counts


def test_a_skipped_through_session_leaves_the_routine_due_the_next_one_counts(home: Path) -> None:
    with open_store(home) as store:
        save_session(store, _summary(0, 3, True), START)
        assert routines_done(store, START + timedelta(minutes=5)) == set()
        save_session(store, _summary(1, 2, True), START + timedelta(minutes=10))
        assert routines_done(store, START + timedelta(minutes=15)) == {"feet"}
        assert active_days(store, date(2026, 3, 9), date(2026, 3, 11), 0) == {START.date()}


@pytest.mark.parametrize("seconds", [1e308, -5.0, 7 * 24 * 3600 + 1, "abc"])
def test_a_session_of_damaged_length_is_damaged_in_lists_and_adds_nothing_to_sums(
    home: Path, seconds: object
) -> None:
    """A hand-edited length (1e308 showed as a 300-digit count of minutes) is refused as import
    refuses it: the row is damaged in a list and adds no seconds to a sum."""
    from footback.records.import_rules import MAX_SECONDS
    from footback.records.stretch_sessions import MAX_SECONDS as SESSION_MAX

    assert MAX_SECONDS == SESSION_MAX == 7 * 24 * 3600  # one bound for the store and import
    day = START.date()
    with open_store(home) as store:
        save_session(store, _summary(1, 0, True), START)
        save_session(store, _summary(1, 0, True), START + timedelta(hours=1))
        with store.transaction() as conn:
            conn.execute("UPDATE stretch_sessions SET actual_seconds = ? WHERE id = 1", (seconds,))
        assert [s.id for s in recent_sessions(store)] == [2]  # the damaged one left out
        assert counted_totals(store, day, day, 0)[1] == 20.0  # only the sound session's seconds


def test_a_session_of_a_weeks_length_is_still_read(home: Path) -> None:
    day = START.date()
    with open_store(home) as store:
        save_session(store, _summary(1, 0, True), START)
        with store.transaction() as conn:
            conn.execute("UPDATE stretch_sessions SET actual_seconds = ?", (7 * 24 * 3600,))
        assert len(recent_sessions(store)) == 1
        assert counted_totals(store, day, day, 0)[1] == 7 * 24 * 3600
