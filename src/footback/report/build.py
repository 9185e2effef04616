"""`footback report`: gathering the two-page clinician summary (rendered by report_md / report_html)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from footback.content.questions import Question, Value
from footback.core.models import ScoreName, StrictModel
from footback.core.text import minutes_text, plural
from footback.history.model import AssessmentEntry, assessment_entry, score_series
from footback.models.assessment import AssessmentResult
from footback.records.assessments import list_assessments
from footback.records.db import Store
from footback.records.plan_changes import newest_changes
from footback.records.shoes import latest_checks
from footback.records.stretch_sessions import session_totals
from footback.records.window import local_time, offset_of
from footback.stretch.routine_file import Routine

if TYPE_CHECKING:
    from footback.daily.progress import Series

WINDOW_DAYS = 30
# A short summary: the trend chart draws the newest assessments, the shoe table the newest lines.
TREND_POINTS = 40
MAX_SHOE_LINES = 12


class Headings(StrictModel):
    assessment: str
    red_flags: str
    scores: str
    answers: str
    trends: str
    routines: str
    shoes: str
    evidence: str
    warnings: str
    daily: str
    plan: str
    steps: str
    chart: str


class ReportText(StrictModel):
    title: str
    intro: str
    not_diagnosis: str
    made: str
    fhir_export: str
    no_assessment: str
    no_red_flags: str
    no_answers: str
    no_trend: str
    no_sessions: str
    no_shoes: str
    no_evidence: str
    urgent: str
    scores_note: str
    adherence: str
    logged: str
    startback: str
    trend_caption: str
    not_scored: str
    no_warnings: str
    warning_seen: str
    warning_not_seen: str
    no_plan: str
    plan_paused: str
    plan_unreadable: str
    figure_note: str
    on_screen: str
    chart_caption: str
    chart_pain: str
    chart_no_pain: str
    chart_summary: str
    chart_empty: str
    # A quick re-check (`assess --quick`): named in the heading, explained once, listed by date.
    quick: str
    quick_note: str
    quick_dates: str
    headings: Headings


@cache
def load_report_text() -> ReportText:
    from footback.content.loader import kept_or_loaded

    return kept_or_loaded("report", ReportText, "report.toml")


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str


@dataclass(frozen=True)
class Latest:
    created_at: datetime
    result: AssessmentResult
    answers: list[Answer]


@dataclass(frozen=True)
class Routines:
    days: int
    sessions: int
    minutes: float
    finished: int
    stopped: int
    by_routine: list[tuple[str, int]]
    logged: int = 0  # logged afterwards (`footback log`), not timed

    @property
    def percent(self) -> int:
        return round(100 * self.days / WINDOW_DAYS)


@dataclass(frozen=True)
class ShoeLine:
    pair: str
    checked_at: datetime
    verdict: str
    score: int


@dataclass(frozen=True)
class WarningLine:
    """One assessment's warning signs, and when (if ever) a clinician saw the person since."""

    at: datetime
    triage: str
    signs: list[str]
    seen_at: datetime | None

    def seen_text(self, text: ReportText) -> str:
        if self.seen_at is None:
            return text.warning_not_seen
        return text.warning_seen.format(date=f"{self.seen_at:%Y-%m-%d}")


@dataclass(frozen=True)
class PlanFigure:
    """One side's drawing of a step: rows with the working-limb mark still `FIGURE_MARK`."""

    side: str | None
    words: str  # 'LEFT FOOT', '' for a one-sided step
    on_side: str  # 'left foot across your right knee', '' when the step says nothing per side
    rows: list[str]
    letter: str  # what the mark is drawn as: L, R or *

    def drawn(self) -> list[str]:
        """The rows as text, the mark drawn as its letter (as the player shows it)."""
        from footback.stretch.routine_file import FIGURE_MARK

        return [row.replace(FIGURE_MARK, self.letter) for row in self.rows]


@dataclass(frozen=True)
class PlanStep:
    name: str
    dose: str
    figures: list[PlanFigure]


@dataclass(frozen=True)
class PlanSection:
    """The saved plan's steps with their figures, or why there are none."""

    name: str = ""
    steps: list[PlanStep] = field(default_factory=list)
    paused: bool = False
    problem: str | None = None


def plan_steps(routine: Routine) -> list[PlanStep]:
    """Every step of a routine with its dose in words and a figure per side (as the player draws it)."""
    from footback.stretch.figure import marked_rows, side_letter
    from footback.stretch.preview import dose

    return [
        PlanStep(
            name=step.name,
            dose=dose(step),
            figures=[
                PlanFigure(
                    side=side,
                    words=step.side_words(side),
                    on_side=step.on_side(side),
                    rows=marked_rows(step, side),
                    letter=side_letter(side),
                )
                for side in step.sides
                if step.figure is not None
            ],
        )
        for step in routine.steps
    ]


def _plan(store: Store, folder: Path | None) -> PlanSection | None:
    """The saved plan in the data folder (None when there is none); a broken file is said, not fatal."""
    from footback.assess.gate import open_gate
    from footback.core.errors import FootbackError
    from footback.core.paths import plan_path
    from footback.stretch.catalogue import load_file

    if folder is None or not plan_path(folder).is_file():
        return None
    try:
        routine = load_file(plan_path(folder))
    except FootbackError as error:
        return PlanSection(problem=str(error))
    return PlanSection(name=routine.name, steps=plan_steps(routine), paused=open_gate(store) is not None)


@dataclass(frozen=True)
class Report:
    made_at: datetime
    text: ReportText
    latest: Latest | None
    # Scored assessments only: one that stopped at a warning sign has no scores to chart.
    trends: list[AssessmentEntry]
    routines: Routines
    shoes: list[ShoeLine]
    warnings: list[WarningLine] = field(default_factory=list)
    # Check-in verdicts and practice, in plain sentences (empty without check-ins).
    daily: list[str] = field(default_factory=list)
    # The plan's level changes, oldest first: (date, level, reason).
    plan_history: list[tuple[datetime, int, str]] = field(default_factory=list)
    # The saved plan's steps and figures (None: no plan saved, or the report was built without a folder).
    plan: PlanSection | None = None
    # Pain and sessions per day: the same series `footback progress --json` gives (None: nothing to draw).
    chart: Series | None = None

    def series(self, name: ScoreName) -> list[int]:
        return score_series(self.trends, name)

    def adherence(self) -> str:
        """The routines sentence both formats print: days, sessions, minutes, finished or stopped."""
        r = self.routines
        said = self.text.adherence.format(
            days=r.days,
            percent=r.percent,
            sessions=plural(r.sessions, "session"),
            minutes=minutes_text(r.minutes),
            finished=r.finished,
            stopped=r.stopped,
        )
        return said + (" " + self.text.logged.format(count=r.logged) if r.logged else "")


def answer_text(question: Question, value: Value) -> str:
    """An answer as a person would say it: labels, not stored values."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        labels = {c.value: c.label for c in question.choices}
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if isinstance(value, str):
        return next((c.label for c in question.choices if c.value == value), value)
    number = f"{value:g}"
    return f"{number} {question.unit}" if question.unit else number


def answers_that_matter(questions: list[Question], answers: dict[str, Value]) -> list[Answer]:
    """Every answer other than the no-problem one, in question order."""
    shown = []
    for question in questions:
        if question.id not in answers:
            continue
        value = answers[question.id]
        if value == question.no_problem or value in ([], None):
            continue
        shown.append(Answer(question=question.text, answer=answer_text(question, value)))
    return shown


def _routines(store: Store, now: datetime) -> Routines:
    since = now.date() - timedelta(days=WINDOW_DAYS - 1)
    totals = session_totals(store, since, now.date(), offset_of(now))
    return Routines(
        days=totals.days,
        sessions=totals.sessions,
        minutes=round(totals.seconds / 60, 1),
        finished=totals.finished,
        stopped=totals.sessions - totals.finished,
        by_routine=totals.by_routine,
        logged=totals.logged,
    )


def _shoes(store: Store, now: datetime) -> list[ShoeLine]:
    """The latest check of each named pair, then unnamed checks (one a day), newest first."""
    return [
        ShoeLine(
            pair=c.pair or f"unnamed check {c.local_time(now):%Y-%m-%d}",
            checked_at=c.local_time(now),
            verdict=c.result.verdict,
            score=c.result.score,
        )
        for c in latest_checks(store, MAX_SHOE_LINES)
    ]


def build_report(store: Store | None, *, now: datetime, folder: Path | None = None) -> Report:
    """Everything the summary shows, read from the store at `now`: only the rows it shows.

    With the data `folder`, the saved plan's steps and figures are shown too."""
    from footback.assess.content import load_assess_content

    text = load_report_text()
    if store is None:
        empty = Routines(days=0, sessions=0, minutes=0.0, finished=0, stopped=0, by_routine=[])
        return Report(made_at=now, text=text, latest=None, trends=[], routines=empty, shoes=[])
    saved = list_assessments(store, limit=TREND_POINTS)
    latest = None
    if saved:
        newest = saved[-1]
        questions: list[Question] = list(load_assess_content().questions.questions)
        latest = Latest(
            created_at=newest.local_time(now),
            result=newest.result,
            answers=answers_that_matter(questions, newest.answers),
        )
    entries = [assessment_entry(a, now) for a in saved]
    return Report(
        made_at=now,
        text=text,
        latest=latest,
        trends=[a for a in entries if a.scored],
        routines=_routines(store, now),
        shoes=_shoes(store, now),
        warnings=_warnings(store, saved[0].local_time(now).date() if saved else None, now),
        daily=_daily(store, now),
        plan_history=[
            (local_time(c.created_at, c.utc_offset, now), c.level, c.reason)
            for c in newest_changes(store, MAX_PLAN_LINES)
        ],
        plan=_plan(store, folder),
        chart=_chart(store, now),
    )


MAX_PLAN_LINES = 12


def _daily(store: Store, now: datetime) -> list[str]:
    from footback.daily.progress_service import checked_in_progress
    from footback.daily.render import progress_lines
    from footback.plan.content import review_days

    # The same reading as `footback progress`, so the numbers agree; none without check-ins.
    result = checked_in_progress(store, now, review_days=review_days())
    return progress_lines(result) if result is not None else []


def _chart(store: Store, now: datetime) -> Series | None:
    """Pain and sessions per day, as `footback progress --json` gives them; None when all is empty."""
    from footback.daily.progress_service import chart_series

    s = chart_series(store, now)
    return s if any(v is not None for v in s.foot + s.back) or any(s.sessions) else None


def _warnings(store: Store, since: date | None, now: datetime) -> list[WarningLine]:
    """Every warning sign reported in the report's period, with the clinician visit since, if any."""
    from footback.core.safety import seen_since
    from footback.records.clinician import read_seen, sign_reports

    seen = read_seen(store)
    return [
        WarningLine(
            at=r.at,
            triage=r.reported().triage,
            signs=[f.name for f in r.signs],
            seen_at=seen_since([f.id for f in r.signs], r.at, seen),
        )
        for r in sign_reports(store, since=since, offset_minutes=offset_of(now))
    ]
