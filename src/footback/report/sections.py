"""The report as typed sections, built once from what was read (`build.Report`).

`report.html` and `report.markdown` each draw every kind of section with one function (a
`singledispatch` registration); a new section is a class here, a line in `report_sections`, and
one function per format. Sections hold plain text: each format escapes it as it draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from footback.core.models import SCORE_NAMES, ScoreName
from footback.core.text import verdict_text

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from footback.daily.progress import Series
    from footback.history.model import AssessmentEntry
    from footback.report.build import Answer, Latest, PlanSection, Report, ReportText, ShoeLine


@dataclass(frozen=True)
class Cover:
    """The title, when it was made and what it is not: the top of the page and its footer."""

    title: str
    made: str
    intro: str
    not_diagnosis: str
    made_at: datetime
    fhir_export: str  # the HTML's last line: the same records for a clinic's record system


@dataclass(frozen=True)
class Flag:
    severity: str
    question: str
    advice: str


@dataclass(frozen=True)
class Factor:
    score: str
    points: int
    reason: str
    brief: str  # short citations (HTML keeps the page to two sheets)
    citation: str  # the full citation (Markdown)


@dataclass(frozen=True)
class Scores:
    rows: list[tuple[str, int, str]]  # name, score /100, level
    note: str
    factors: list[Factor]
    startback: str | None  # the back grouping in words, with Keele's notice
    keele: str | None


@dataclass(frozen=True)
class WarningItem:
    day: str
    triage: str
    signs: str
    seen: str


@dataclass(frozen=True)
class WarningsSection:
    heading: str
    items: list[WarningItem]
    empty: str


@dataclass(frozen=True)
class AssessmentSection:
    """The latest assessment (or that there is none), with the period's warning signs."""

    heading: str  # with the date, and whether it was a quick re-check
    warnings: WarningsSection
    empty: str | None = None  # no assessment yet: the rest is empty
    quick_note: str | None = None
    flags_heading: str = ""
    urgent: str | None = None  # said first when there are warning signs
    flags: tuple[Flag, ...] = ()
    no_flags: str = ""
    scores_heading: str = ""
    not_scored: str | None = None  # a warning sign stopped the scoring
    scores: Scores | None = None
    answers_heading: str = ""
    answers: tuple[Answer, ...] = ()
    no_answers: str = ""


@dataclass(frozen=True)
class Note:
    text: str
    brief: str
    citation: str


@dataclass(frozen=True)
class EvidenceSection:
    heading: str
    notes: list[Note]
    empty: str


@dataclass(frozen=True)
class TrendsSection:
    """The scored assessments over time (the newest `build.TREND_POINTS`)."""

    heading: str
    entries: list[AssessmentEntry]
    series: dict[ScoreName, list[int]]
    caption: str
    quick: str  # the word marking a quick re-check
    quick_dates: str | None  # 'Quick re-checks: ...' when some were quick
    no_trend: str  # fewer than two points
    no_assessment: str


@dataclass(frozen=True)
class ChartSection:
    heading: str
    series: Series
    caption: str
    summary: str  # the chart in words


@dataclass(frozen=True)
class RoutinesSection:
    heading: str
    adherence: str | None  # None: no session in the window
    by_routine: list[tuple[str, int]]
    empty: str


@dataclass(frozen=True)
class DailySection:
    heading: str
    lines: list[str]


@dataclass(frozen=True)
class PlanHistorySection:
    heading: str
    rows: list[tuple[str, int, str]]  # date, level, reason


@dataclass(frozen=True)
class ShoesSection:
    heading: str
    rows: list[tuple[str, str, str, int]]  # pair, checked, verdict, score
    empty: str


@dataclass(frozen=True)
class StepsSection:
    heading: str
    plan: PlanSection
    unreadable: str | None  # why the saved plan could not be read
    paused: str | None  # a warning sign waits for a clinician
    figure_note: str


Section = (
    AssessmentSection
    | EvidenceSection
    | TrendsSection
    | ChartSection
    | RoutinesSection
    | DailySection
    | PlanHistorySection
    | ShoesSection
    | StepsSection
)


@dataclass(frozen=True)
class ReportDoc:
    cover: Cover
    sections: list[Section]

    def get(self, kind: type[Section]) -> Section | None:
        return next((s for s in self.sections if isinstance(s, kind)), None)


def cover(report: Report) -> Cover:
    t = report.text
    made = t.made.format(date=f"{report.made_at:%Y-%m-%d %H:%M}")
    return Cover(
        title=t.title,
        made=made,
        intro=t.intro,
        not_diagnosis=t.not_diagnosis,
        made_at=report.made_at,
        fhir_export=t.fhir_export,
    )


def _warnings(report: Report) -> WarningsSection:
    t = report.text
    items = [
        WarningItem(day=f"{w.at:%Y-%m-%d}", triage=w.triage, signs="; ".join(w.signs), seen=w.seen_text(t))
        for w in report.warnings
    ]
    return WarningsSection(heading=t.headings.warnings, items=items, empty=t.no_warnings)


def _scores(latest: Latest, t: ReportText, brief: Callable[[Sequence[str]], str]) -> Scores:
    from footback.assess.content import keele_notice
    from footback.content.loader import sources

    result = latest.result
    cited = sources()
    factors = [
        Factor(
            score=name,
            points=hit.points,
            reason=hit.reason,
            brief=brief(hit.source_ids) or hit.saved_source or "",
            citation=hit.citation(cited),
        )
        for name, score in result.scores.named()
        for hit in score.factors
    ]
    sb = result.startback
    return Scores(
        rows=[(name, score.score, score.level) for name, score in result.scores.named()],
        note=t.scores_note,
        factors=factors,
        startback=None
        if sb is None
        else t.startback.format(group=sb.group, total=sb.total, psychosocial=sb.psychosocial),
        keele=None if sb is None else keele_notice(sb),
    )


def _assessment(report: Report, brief: Callable[[Sequence[str]], str]) -> AssessmentSection:
    t, h, latest = report.text, report.text.headings, report.latest
    if latest is None:
        return AssessmentSection(heading=h.assessment, warnings=_warnings(report), empty=t.no_assessment)
    result = latest.result
    kind = f", {t.quick}" if result.quick else ""
    return AssessmentSection(
        heading=f"{h.assessment} ({latest.created_at:%Y-%m-%d}{kind})",
        warnings=_warnings(report),
        quick_note=t.quick_note if result.quick else None,
        flags_heading=h.red_flags,
        urgent=t.urgent if result.red_flags else None,
        flags=tuple(Flag(f.severity, f.question, f.advice) for f in result.red_flags),
        no_flags=t.no_red_flags,
        scores_heading=h.scores,
        not_scored=t.not_scored if result.needs_clinician else None,
        scores=None if result.needs_clinician else _scores(latest, t, brief),
        answers_heading=h.answers,
        answers=tuple(latest.answers),
        no_answers=t.no_answers,
    )


def _evidence(report: Report, brief: Callable[[Sequence[str]], str]) -> EvidenceSection:
    from footback.content.loader import sources

    t = report.text
    found = report.latest.result.recommendations.evidence_notes if report.latest else []
    notes: list[Note] = []
    if found:
        cited = sources()
        notes = [Note(n.text, brief(n.source_ids) or n.saved_source or "", n.citation(cited)) for n in found]
    return EvidenceSection(heading=t.headings.evidence, notes=notes, empty=t.no_evidence)


def _trends(report: Report) -> TrendsSection:
    t = report.text
    quick_days = ", ".join(f"{a.created_at:%Y-%m-%d}" for a in report.trends if a.quick)
    return TrendsSection(
        heading=t.headings.trends,
        entries=report.trends,
        series={name: report.series(name) for name in SCORE_NAMES},
        caption=t.trend_caption,
        quick=t.quick,
        quick_dates=t.quick_dates.format(dates=quick_days) if quick_days else None,
        no_trend=t.no_trend,
        no_assessment=t.no_assessment,
    )


def _chart(report: Report) -> ChartSection | None:
    from footback.report.daychart import chart_summary

    t, series = report.text, report.chart
    if series is None:
        return None
    caption = t.chart_caption.format(days=len(series.days))
    return ChartSection(
        heading=t.headings.chart, series=series, caption=caption, summary=chart_summary(series, t)
    )


def _routines(report: Report) -> RoutinesSection:
    t, r = report.text, report.routines
    adherence = report.adherence() if r.sessions else None
    return RoutinesSection(
        heading=t.headings.routines, adherence=adherence, by_routine=r.by_routine, empty=t.no_sessions
    )


def _shoe_row(s: ShoeLine) -> tuple[str, str, str, int]:
    return (s.pair, f"{s.checked_at:%Y-%m-%d}", verdict_text(s.verdict), s.score)


def _steps(report: Report) -> StepsSection | None:
    t, plan = report.text, report.plan
    if plan is None:
        return None
    unreadable = None if plan.problem is None else t.plan_unreadable.format(problem=plan.problem)
    paused = t.plan_paused if plan.paused else None
    return StepsSection(t.headings.steps, plan, unreadable, paused, t.figure_note)


def report_sections(report: Report) -> ReportDoc:
    """Every section the report shows, in reading order (each format lays them out)."""
    from footback.content.loader import sources

    h = report.text.headings
    # One reader of short citations for the whole report: the article is named where first cited.
    brief = sources().briefer()
    history = [(f"{at:%Y-%m-%d}", level, reason) for at, level, reason in report.plan_history]
    found: list[Section | None] = [
        _assessment(report, brief),
        _trends(report),
        _routines(report),
        DailySection(h.daily, report.daily) if report.daily else None,
        PlanHistorySection(h.plan, history) if history else None,
        _chart(report),
        ShoesSection(h.shoes, [_shoe_row(s) for s in report.shoes], report.text.no_shoes),
        _evidence(report, brief),
        _steps(report),
    ]
    return ReportDoc(cover(report), [s for s in found if s is not None])
