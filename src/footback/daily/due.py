"""`footback due` behind the option parsing: what is still due today."""

from __future__ import annotations

from datetime import datetime, time
from pathlib import Path


def due_now(folder: Path, now: datetime) -> list[str]:
    """What is still due today at `now` (local): routines whose time has come, and the check-in."""
    from footback.daily.remind import due_at

    return due_at(due_today(folder, now), now.time())


def due_today(folder: Path, now: datetime, *, quiet: bool = False) -> list[tuple[time, str]]:
    """Everything still to do on `now`'s day, each with the local time it falls due (`due_now`
    reads it at one moment, the shell prompt's state file keeps all of it). `quiet`: a damaged
    record is skipped without its warning (the command that ran has given it already)."""
    from footback.assess.gate import open_gate
    from footback.core.paths import plan_path
    from footback.daily.content import load_daily_content
    from footback.daily.practice import routines_done
    from footback.daily.remind import day_slots, due_schedule
    from footback.records.checkins import checkin_on
    from footback.records.db import open_existing_store

    rule = load_daily_content().remind
    slots = day_slots(rule, plan_saved=plan_path(folder).is_file())
    done: set[str] = set()
    checked_in = False
    gate = None
    store = open_existing_store(folder)
    if store is not None:
        if quiet:
            store.warn = _unsaid
        with store:
            checked_in = checkin_on(store, now.date()) is not None
            done = routines_done(store, now)
            gate = open_gate(store)
    if gate is not None:
        # A warning sign waits for a clinician: stretch and plan refuse, so no routine is due.
        reported = f"{gate.reported_at.astimezone(now.tzinfo):%Y-%m-%d}"
        checkin = due_schedule(slots, {s.routine for s in slots}, checked_in, rule.checkin_after_last)
        return [(time(0), rule.due_gate.format(date=reported)), *checkin]
    return due_schedule(slots, done, checked_in, rule.checkin_after_last)


def _unsaid(message: str) -> None:
    """A warning not given twice in one run."""
