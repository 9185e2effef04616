"""Reading what the daily-loop commands need from the store (never creating it)."""

from __future__ import annotations

from datetime import datetime, timedelta

from footback.daily.progress import PlanStatus, Progress, progress


def load_progress(now: datetime) -> Progress:
    """Progress up to `now`'s local day; an empty result when nothing is stored yet."""
    from footback.daily.content import load_daily_content
    from footback.plan.build import load_plan_content
    from footback.records.checkins import list_checkins
    from footback.records.db import open_existing_store
    from footback.records.plan_changes import latest_change
    from footback.records.stretch_sessions import recent_sessions

    store = open_existing_store()
    checkins, sessions, plan = [], [], PlanStatus()
    if store is not None:
        with store:
            checkins = list_checkins(store)
            sessions = recent_sessions(store, None)
            latest = latest_change(store)
        if latest is not None:
            days = timedelta(days=load_plan_content().progression.review_days)
            plan = PlanStatus(
                level=latest.level, next_review=latest.created_at.date() + days, reason=latest.reason
            )
    content = load_daily_content()
    return progress(checkins, sessions, today=now.date(), tz=now.tzinfo, content=content, plan=plan)
