"""`footback progress` as pure functions: is this helping?

Pain: the average of the first days with a check-in against the last days, judged by the
meaningful-change rule in data/daily.toml. Practice: sessions per week against the habit target,
the streak, and weeks on target. Pain beside practice: an association, never proof.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil
from statistics import fmean
from typing import Any, Protocol

from pydantic import Field, SerializationInfo, SerializerFunctionWrapHandler, model_serializer

from footback.core.cited import citer_in
from footback.core.models import ChangeVerdict, StrictModel
from footback.daily.content import DailyContent, PainRule, PracticeRule
from footback.daily.function import FunctionChange
from footback.models.checkin import CheckIn

Verdict = ChangeVerdict
# Float noise must not move a change that sits exactly on a threshold.
_EPSILON = 1e-9


class PainChange(StrictModel):
    start: float | None
    now: float | None
    change: float | None
    verdict: Verdict
    start_checkins: int
    now_checkins: int


class Practice(StrictModel):
    sessions_per_week: int
    minutes_per_week: float
    target_per_week: float
    weeks_on_target: int
    weeks_counted: int
    streak_days: int


class WeekGroup(StrictModel):
    weeks: int
    foot: float | None
    back: float | None


class PainByPractice(StrictModel):
    on_target: WeekGroup
    below_target: WeekGroup
    note: str


class Series(StrictModel):
    days: list[date]
    foot: list[int | None]
    back: list[int | None]
    sessions: list[int]


class PlanStatus(StrictModel):
    level: int | None = None
    next_review: date | None = None
    reason: str | None = None


class BriefCiter(Protocol):
    """What turns source ids into short citations (content.loader.Sources)."""

    def briefs(self, source_ids: Sequence[str], /) -> str: ...


class Progress(StrictModel):
    today: date
    foot_pain: PainChange
    back_pain: PainChange
    practice: Practice
    pain_by_practice: PainByPractice
    series: Series
    plan: PlanStatus
    # The function score (PSFS) beside pain; None until activities are rated.
    function: FunctionChange | None = None
    # The meaningful-change sentence with `{sources}` left open: whoever shows or writes it cites the ids.
    rule_template: str = Field(exclude=True)
    rule_sources: list[str] = Field(exclude=True)
    target_note: str

    def rule(self, citer: BriefCiter) -> str:
        """The meaningful-change sentence with its short citations."""
        return self.rule_template.format(sources=citer.briefs(self.rule_sources))

    @model_serializer(mode="wrap")
    def _with_rule(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        if info.include is not None or not isinstance(data, dict):
            return data  # a chosen subset of fields (history --json) has no sentence to write
        citer = citer_in(info)
        if citer is None:
            raise ValueError("Progress written out without its sources: pass context=citing(...)")
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key == "target_note":
                out["rule"] = self.rule(citer)
            out[key] = value
        return out


def judge(start: float, now: float, rule: PainRule) -> Verdict:
    """Better or worse only when the change reaches the points or the percentage threshold, and
    from a low start (the 30% rule comes from moderate to severe pain) also enough points."""
    change = now - start
    if start < rule.low_start_below and abs(change) + _EPSILON < rule.low_start_points:
        return "no clear change"
    by_points = abs(change) + _EPSILON >= rule.meaningful_points
    by_percent = start > 0 and abs(change) / start * 100 + _EPSILON >= rule.meaningful_percent
    if not (by_points or by_percent) or change == 0:
        return "no clear change"
    return "better" if change < 0 else "worse"


def pain_windows(
    checkins: Sequence[CheckIn], today: date, rule: PainRule
) -> tuple[list[CheckIn], list[CheckIn]]:
    """The start window (first check-in days before the recent window) and the recent window."""
    recent_from = today - timedelta(days=rule.window_days - 1)
    recent = [c for c in checkins if recent_from <= c.day <= today]
    earlier = sorted((c for c in checkins if c.day < recent_from), key=lambda c: c.day)
    if not earlier:
        return [], recent
    start_until = earlier[0].day + timedelta(days=rule.window_days - 1)
    return [c for c in earlier if c.day <= start_until], recent


def pain_change(
    start: Sequence[CheckIn], recent: Sequence[CheckIn], pick: Callable[[CheckIn], int], rule: PainRule
) -> PainChange:
    """One body part's change; too little data below `min_checkins` in either window."""
    # The averages are judged as shown (to 0.1): "7.6 -> 5.6, -2.0" must not read "no clear change"
    # because the unrounded change was 1.97.
    first = round(fmean(pick(c) for c in start), 1) if start else None
    last = round(fmean(pick(c) for c in recent), 1) if recent else None
    enough = len(start) >= rule.min_checkins and len(recent) >= rule.min_checkins
    verdict: Verdict = "too little data"
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


def monday(day: date) -> date:
    """The Monday of `day`'s week (weeks run Monday to Sunday)."""
    return day - timedelta(days=day.weekday())


def recent_span(today: date) -> tuple[date, date]:
    """The last 7 days up to `today`: the days practice is counted on."""
    return today - timedelta(days=6), today


def sessions_needed(rule: PracticeRule) -> int:
    """Sessions a week needs to be on target: the weekly target, rounded up."""
    return ceil(rule.per_week - _EPSILON)


@dataclass(frozen=True)
class PracticeFacts:
    """What the store says about sessions that count, up to today (counted in SQL, local days)."""

    first_day: date | None  # the first day with one
    weeks_on_target: int  # weeks (this one too) with at least `sessions_needed`
    # Per week (keyed by its Monday) from the first check-in's week (this week at the latest) on.
    per_week: Mapping[date, int]
    recent: int  # in `recent_span`
    recent_seconds: float
    streak_days: int
    per_day: Mapping[date, int]  # on each of the chart's days


NO_PRACTICE = PracticeFacts(
    first_day=None, weeks_on_target=0, per_week={}, recent=0, recent_seconds=0.0, streak_days=0, per_day={}
)


def decided_weeks(
    first_week: date, today: date, per_week: Mapping[date, int], needed: int
) -> dict[date, bool]:
    """Each week from the one of `first_week` to this one: on target or not. This week counts once it
    is on target."""
    decided: dict[date, bool] = {}
    week = monday(first_week)
    this_week = monday(today)
    while week <= this_week:
        on_target = per_week.get(week, 0) >= needed
        if week < this_week or on_target:
            decided[week] = on_target
        week += timedelta(days=7)
    return decided


def practice(facts: PracticeFacts, first_day: date | None, today: date, rule: PracticeRule) -> Practice:
    """Practice against the target; weeks are counted from the week of `first_day` (the first record)."""
    this_week = monday(today)
    weeks_counted = 0
    if first_day is not None and monday(first_day) <= this_week:
        this_counts = facts.per_week.get(this_week, 0) >= sessions_needed(rule)
        weeks_counted = (this_week - monday(first_day)).days // 7 + this_counts
    return Practice(
        sessions_per_week=facts.recent,
        minutes_per_week=round(facts.recent_seconds / 60, 1),
        target_per_week=round(rule.per_week, 1),
        weeks_on_target=facts.weeks_on_target,
        weeks_counted=weeks_counted,
        streak_days=facts.streak_days,
    )


def _group(checkins: Sequence[CheckIn], weeks: AbstractSet[date]) -> WeekGroup:
    # A set: looking each check-in's week up in a list made this checkins x weeks (issue 22).
    chosen = [c for c in checkins if monday(c.day) in weeks]
    with_data = {monday(c.day) for c in chosen}
    return WeekGroup(
        weeks=len(with_data),
        foot=round(fmean(c.foot for c in chosen), 1) if chosen else None,
        back=round(fmean(c.back for c in chosen), 1) if chosen else None,
    )


def pain_by_practice(checkins: Sequence[CheckIn], weeks: dict[date, bool], note: str) -> PainByPractice:
    """Mean pain in weeks on target against weeks below it, with how many weeks are behind each."""
    return PainByPractice(
        on_target=_group(checkins, {w for w, on in weeks.items() if on}),
        below_target=_group(checkins, {w for w, on in weeks.items() if not on}),
        note=note,
    )


def chart_span(today: date, days: int) -> list[date]:
    """The chart's days: the last `days` days up to `today`, oldest first."""
    return [today - timedelta(days=offset) for offset in range(days - 1, -1, -1)]


def series(checkins: Sequence[CheckIn], counts: Mapping[date, int], today: date, days: int) -> Series:
    """Pain and sessions per day for the last `days` days (None where there was no check-in)."""
    span = chart_span(today, days)
    by_day = {c.day: c for c in checkins}
    return Series(
        days=span,
        foot=[by_day[d].foot if d in by_day else None for d in span],
        back=[by_day[d].back if d in by_day else None for d in span],
        sessions=[counts.get(d, 0) for d in span],
    )


def progress(
    checkins: Sequence[CheckIn],
    facts: PracticeFacts,
    *,
    today: date,
    content: DailyContent,
    plan: PlanStatus | None = None,
) -> Progress:
    """Everything `footback progress` shows, from every check-in and the practice facts."""
    rule = content.pain
    start, recent = pain_windows(checkins, today, rule)
    first_checkin = min((c.day for c in checkins), default=None)
    firsts = [d for d in (first_checkin, facts.first_day) if d is not None]
    # Pain beside practice looks only at the weeks with check-ins: from the first one's on.
    needed = sessions_needed(content.practice)
    weeks = {} if first_checkin is None else decided_weeks(first_checkin, today, facts.per_week, needed)
    text = content.text
    return Progress(
        today=today,
        foot_pain=pain_change(start, recent, lambda c: c.foot, rule),
        back_pain=pain_change(start, recent, lambda c: c.back, rule),
        practice=practice(facts, min(firsts) if firsts else None, today, content.practice),
        pain_by_practice=pain_by_practice(checkins, weeks, text.association),
        series=series(checkins, facts.per_day, today, content.practice.chart_days),
        plan=plan or PlanStatus(),
        # `{sources}` stays open for the renderer or the JSON writer to cite.
        rule_template=text.change_rule.format(
            points=rule.meaningful_points,
            percent=rule.meaningful_percent,
            low=rule.low_start_below,
            low_points=rule.low_start_points,
            sources="{sources}",
        ),
        rule_sources=rule.sources,
        target_note=text.target_note.format(
            sessions=content.practice.target_sessions, days=content.practice.target_days
        ),
    )
