"""`footback progress` as pure functions: is this helping?

Pain: the first days with a check-in against the last days (daily/pain.py). Practice: sessions per
week against the habit target, the streak, and weeks on target. Pain beside practice: an
association, never proof.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any, NamedTuple, Protocol

from pydantic import Field, SerializationInfo, SerializerFunctionWrapHandler, model_serializer

from footback.core.cited import citer_in
from footback.core.dates import monday
from footback.core.floats import whole_up
from footback.core.models import StrictModel
from footback.daily.content import DailyContent, PracticeRule
from footback.daily.function import FunctionChange
from footback.daily.pain import PainChange, pain_change
from footback.models.checkin import CheckIn, PainSums


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
            return data  # a chosen subset of fields has no sentence to write
        citer = citer_in(info)
        if citer is None:
            raise ValueError("Progress written out without its sources: pass context=citing(...)")
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key == "target_note":
                out["rule"] = self.rule(citer)
            out[key] = value
        return out


def recent_span(today: date) -> tuple[date, date]:
    """The last 7 days up to `today`: the days practice is counted on."""
    return today - timedelta(days=6), today


def sessions_needed(rule: PracticeRule) -> int:
    """Sessions a week needs to be on target: the weekly target, rounded up."""
    return whole_up(rule.per_week)


class PracticeFacts(NamedTuple):
    """What the store says about sessions that count, up to today (counted in SQL, local days)."""

    first_day: date | None  # the first day with one
    weeks_on_target: int  # weeks (this one too) with at least `sessions_needed`
    this_week: int  # this week, up to today
    recent: int  # in `recent_span`
    recent_seconds: float
    streak_days: int
    per_day: Mapping[date, int]  # on each of the chart's days


NO_PRACTICE = PracticeFacts(
    first_day=None, weeks_on_target=0, this_week=0, recent=0, recent_seconds=0.0, streak_days=0, per_day={}
)


class CheckinFacts(NamedTuple):
    """What the store says about check-ins: the first day, the rows of the two pain windows
    (`pain_spans`) and of the chart's days, and pain summed over the weeks on target and below it
    (weeks from the first check-in's on, this one once it is on target; summed in SQL)."""

    first_day: date | None = None
    start: Sequence[CheckIn] = ()
    recent: Sequence[CheckIn] = ()
    on_target: PainSums = PainSums()
    below_target: PainSums = PainSums()
    chart: Sequence[CheckIn] = ()


NO_CHECKINS = CheckinFacts()


def practice(facts: PracticeFacts, first_day: date | None, today: date, rule: PracticeRule) -> Practice:
    """Practice against the target; weeks are counted from the week of `first_day` (the first record)."""
    this_week = monday(today)
    weeks_counted = 0
    if first_day is not None and monday(first_day) <= this_week:
        this_counts = facts.this_week >= sessions_needed(rule)
        weeks_counted = (this_week - monday(first_day)).days // 7 + this_counts
    return Practice(
        sessions_per_week=facts.recent,
        minutes_per_week=round(facts.recent_seconds / 60, 1),
        target_per_week=round(rule.per_week, 1),
        weeks_on_target=facts.weeks_on_target,
        weeks_counted=weeks_counted,
        streak_days=facts.streak_days,
    )


def _group(sums: PainSums) -> WeekGroup:
    # The sums of whole numbers are exact, so sum / count is the float fmean gives.
    n = sums.checkins
    return WeekGroup(
        weeks=sums.weeks,
        foot=round(sums.foot / n, 1) if n else None,
        back=round(sums.back / n, 1) if n else None,
    )


def pain_by_practice(on_target: PainSums, below_target: PainSums, note: str) -> PainByPractice:
    """Mean pain in weeks on target against weeks below it, with how many weeks are behind each."""
    return PainByPractice(on_target=_group(on_target), below_target=_group(below_target), note=note)


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
    checkins: CheckinFacts,
    facts: PracticeFacts,
    *,
    today: date,
    content: DailyContent,
    plan: PlanStatus | None = None,
) -> Progress:
    """Everything `footback progress` shows, from the check-in facts and the practice facts."""
    rule = content.pain
    start, recent = checkins.start, checkins.recent
    firsts = [d for d in (checkins.first_day, facts.first_day) if d is not None]
    text = content.text
    return Progress(
        today=today,
        foot_pain=pain_change(start, recent, lambda c: c.foot, rule),
        back_pain=pain_change(start, recent, lambda c: c.back, rule),
        practice=practice(facts, min(firsts) if firsts else None, today, content.practice),
        pain_by_practice=pain_by_practice(checkins.on_target, checkins.below_target, text.association),
        series=series(checkins.chart, facts.per_day, today, content.practice.chart_days),
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
        target_note=text.target_note.format(per_week=content.practice.per_week),
    )
