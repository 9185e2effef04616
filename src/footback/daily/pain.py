"""Pain: the average of the first days with a check-in against the last days, judged by the
meaningful-change rule in data/daily.toml.

`footback progress` shows these verdicts beside practice (daily/progress.py); `history` shows them
alone and reads only this module and the rows of the two windows (start-up: it builds none of
progress's other models).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import TYPE_CHECKING

from footback.core.floats import reaches
from footback.core.models import ChangeVerdict, StrictModel
from footback.daily.content import PainRule
from footback.models.checkin import CheckIn

if TYPE_CHECKING:
    from footback.records.db import Store


class PainChange(StrictModel):
    start: float | None
    now: float | None
    change: float | None
    verdict: ChangeVerdict
    start_checkins: int
    now_checkins: int


class PainVerdicts(StrictModel):
    """The two verdicts alone, as `history` shows them and writes them in its JSON."""

    foot_pain: PainChange
    back_pain: PainChange


def judge(start: float, now: float, rule: PainRule) -> ChangeVerdict:
    """Better or worse only when the change reaches the points or the percentage threshold, and
    from a low start (the 30% rule comes from moderate to severe pain) also enough points."""
    change = now - start
    if start < rule.low_start_below and not reaches(abs(change), rule.low_start_points):
        return "no clear change"
    by_points = reaches(abs(change), rule.meaningful_points)
    by_percent = start > 0 and reaches(abs(change) / start * 100, rule.meaningful_percent)
    if not (by_points or by_percent) or change == 0:
        return "no clear change"
    return "better" if change < 0 else "worse"


Span = tuple[date, date]


def pain_spans(first_day: date | None, today: date, rule: PainRule) -> tuple[Span | None, Span]:
    """The start window's days (from the first check-in's day, `window_days` long, ending before
    the recent window; None when no check-in is older than it) and the recent window's days."""
    recent_from = today - timedelta(days=rule.window_days - 1)
    if first_day is None or first_day >= recent_from:
        return None, (recent_from, today)
    start_until = min(first_day + timedelta(days=rule.window_days - 1), recent_from - timedelta(days=1))
    return (first_day, start_until), (recent_from, today)


def pain_change(
    start: Sequence[CheckIn], recent: Sequence[CheckIn], pick: Callable[[CheckIn], int], rule: PainRule
) -> PainChange:
    """One body part's change; too little data below `min_checkins` in either window."""
    # The averages are judged as shown (to 0.1): "7.6 -> 5.6, -2.0" must not read "no clear change"
    # because the unrounded change was 1.97.
    first = round(fmean(pick(c) for c in start), 1) if start else None
    last = round(fmean(pick(c) for c in recent), 1) if recent else None
    enough = len(start) >= rule.min_checkins and len(recent) >= rule.min_checkins
    verdict: ChangeVerdict = "too little data"
    change = None
    if enough and first is not None and last is not None:
        verdict = judge(first, last, rule)
        change = round(last - first, 1)
    return PainChange(
        start=first,
        now=last,
        change=change,
        verdict=verdict,
        start_checkins=len(start),
        now_checkins=len(recent),
    )


def pain_rows(
    store: Store, first_day: date | None, today: date, rule: PainRule
) -> tuple[list[CheckIn], list[CheckIn]]:
    """The check-ins of the two windows (`pain_spans`), read from the store."""
    from footback.records.checkins import checkins_between

    start_span, recent_span = pain_spans(first_day, today, rule)
    start = checkins_between(store, *start_span) if start_span is not None else []
    return start, checkins_between(store, *recent_span)


def checkin_verdicts(store: Store, *, now: datetime) -> PainVerdicts | None:
    """The pain verdicts `history` shows beside its check-ins (None without a check-in).

    They come from the two pain windows' rows alone (history reads no sessions: its cost must not
    grow with everything stored, issue 12)."""
    from footback.daily.content import load_daily_content
    from footback.records.checkins import first_checkin_day

    first = first_checkin_day(store)
    if first is None:
        return None
    rule = load_daily_content().pain
    start, recent = pain_rows(store, first, now.date(), rule)
    return PainVerdicts(
        foot_pain=pain_change(start, recent, lambda c: c.foot, rule),
        back_pain=pain_change(start, recent, lambda c: c.back, rule),
    )
