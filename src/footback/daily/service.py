"""Reading what the daily-loop commands need from the store (never creating it)."""

from __future__ import annotations

from datetime import datetime

from footback.daily.progress import Progress, progress


def load_progress(now: datetime) -> Progress:
    """Progress up to `now`'s local day; an empty result when nothing is stored yet."""
    from footback.daily.content import load_daily_content
    from footback.records.checkins import list_checkins
    from footback.records.db import open_existing_store
    from footback.records.stretch_sessions import recent_sessions

    store = open_existing_store()
    checkins, sessions = [], []
    if store is not None:
        with store:
            checkins = list_checkins(store)
            sessions = recent_sessions(store, None)
    return progress(checkins, sessions, today=now.date(), tz=now.tzinfo, content=load_daily_content())
