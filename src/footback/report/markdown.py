"""The clinician summary as Markdown (prints fine as plain text too)."""

from __future__ import annotations

import re
from functools import singledispatch

from footback.core.models import SCORE_NAMES
from footback.core.sparkline import sparkline
from footback.core.text import safe_line
from footback.report.build import PlanStep, Report
from footback.report.sections import (
    AssessmentSection,
    ChartSection,
    DailySection,
    EvidenceSection,
    PlanHistorySection,
    RoutinesSection,
    Scores,
    Section,
    ShoesSection,
    StepsSection,
    TrendsSection,
    WarningsSection,
    report_sections,
)

# A short summary: the newest rows of long tables.
MAX_TREND_ROWS = 10
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~@])")
# Bare links: renderers (GFM) turn them into live links; an escaped slash or dot keeps them text.
_LINK = re.compile(r"(?<=:)//|(?<=\bwww)\.", re.IGNORECASE)


def md(text: str) -> str:
    """Text that cannot turn into Markdown structure (a pair named `|x|` stays text)."""
    escaped = _SPECIAL.sub(r"\\\1", safe_line(" ".join(text.split())))
    return _LINK.sub(lambda m: "\\/\\/" if m.group(0) == "//" else "\\.", escaped)


@singledispatch
def section_md(section: Section) -> list[str]:
    """One section's lines, its heading to the blank line after it: one registered function per kind."""
    raise TypeError(f"no Markdown for {type(section).__name__}")


def _scores(s: Scores) -> list[str]:
    """The latest scores, their factors and the back grouping (with Keele's notice)."""
    out = ["| score | value | level |", "| --- | ---: | --- |"]
    out += [f"| {name} | {score} | {level} |" for name, score, level in s.rows]
    out += ["", md(s.note), ""]
    out += [f"- {f.score}, +{f.points}: {md(f.reason)} ({md(f.citation)})" for f in s.factors]
    if s.startback is not None and s.keele is not None:
        out += ["", md(s.startback), "", md(s.keele)]
    return out


def _warnings(s: WarningsSection) -> list[str]:
    out = [f"## {md(s.heading)}", ""]
    out += [f"- {w.day}, **{md(w.triage)}**: {md(w.signs)}; {md(w.seen)}" for w in s.items] or [md(s.empty)]
    return [*out, ""]


@section_md.register
def _assessment(s: AssessmentSection) -> list[str]:
    """The latest assessment, then the period's warning signs (a section of their own)."""
    out = [f"## {md(s.heading)}", ""]
    if s.empty is not None:
        return [*out, md(s.empty), "", *_warnings(s.warnings)]
    if s.quick_note is not None:
        out += [md(s.quick_note), ""]
    out += [f"### {md(s.flags_heading)}", ""]
    if s.urgent is not None:
        out += [f"**{md(s.urgent)}**", ""]
        out += [f"- **{f.severity}**: {md(f.question)} {md(f.advice)}" for f in s.flags]
    else:
        out.append(md(s.no_flags))
    out += ["", f"### {md(s.scores_heading)}", ""]
    out += [md(s.not_scored or "")] if s.scores is None else _scores(s.scores)
    out += ["", f"### {md(s.answers_heading)}", ""]
    if s.answers:
        out += ["| question | answer |", "| --- | --- |"]
        out += [f"| {md(a.question)} | {md(a.answer)} |" for a in s.answers]
    else:
        out.append(md(s.no_answers))
    return [*out, "", *_warnings(s.warnings)]


@section_md.register
def _trends(s: TrendsSection) -> list[str]:
    out = [f"## {md(s.heading)}", ""]
    if len(s.entries) < 2:
        return [*out, md(s.no_trend if s.entries else s.no_assessment), ""]
    for name in SCORE_NAMES:
        values = s.series[name]
        out.append(f"- {name}: `{sparkline(values, ascii_only=False)}` {values[0]} to {values[-1]}")
    out += ["", "| date | foot | back | link |", "| --- | ---: | ---: | ---: |"]
    for a in s.entries[-MAX_TREND_ROWS:]:
        cells = [str(entry.score) if (entry := a.score(n)) else "-" for n in SCORE_NAMES]
        day = f"{a.created_at:%Y-%m-%d}" + (f" ({md(s.quick)})" if a.quick else "")
        out.append(f"| {day} | {' | '.join(cells)} |")
    return [*out, ""]


@section_md.register
def _routines(s: RoutinesSection) -> list[str]:
    out = [f"## {md(s.heading)}", ""]
    if s.adherence is None:
        return [*out, md(s.empty), ""]
    out += [md(s.adherence), "", "| routine | sessions |", "| --- | ---: |"]
    out += [f"| {md(name)} | {count} |" for name, count in s.by_routine]
    return [*out, ""]


@section_md.register
def _daily(s: DailySection) -> list[str]:
    return [f"## {md(s.heading)}", "", *(f"- {md(line)}" for line in s.lines), ""]


@section_md.register
def _plan_history(s: PlanHistorySection) -> list[str]:
    rows = [f"| {day} | {level} | {md(reason)} |" for day, level, reason in s.rows]
    return [f"## {md(s.heading)}", "", "| date | level | reason |", "| --- | ---: | --- |", *rows, ""]


@section_md.register
def _chart(s: ChartSection) -> list[str]:
    """Pain and sessions per day as sparklines (a blank: no check-in, no session), then the chart in words."""
    from footback.daily.render import PAIN_TOP, session_marks, spark_gaps

    series = s.series
    rows = [
        ("foot pain", spark_gaps(series.foot, PAIN_TOP)),
        ("back pain", spark_gaps(series.back, PAIN_TOP)),
    ]
    rows.append(("sessions", session_marks(series.sessions)))
    out = [f"## {md(s.heading)}", "", *(f"- {name}: `{line}`" for name, line in rows)]
    return [*out, "", md(s.caption), "", md(s.summary), ""]


@section_md.register
def _shoes(s: ShoesSection) -> list[str]:
    out = [f"## {md(s.heading)}", ""]
    if not s.rows:
        return [*out, md(s.empty), ""]
    out += ["| pair | checked | verdict | score |", "| --- | --- | --- | ---: |"]
    out += [f"| {md(pair)} | {day} | {md(verdict)} | {score} |" for pair, day, verdict, score in s.rows]
    return [*out, ""]


@section_md.register
def _evidence(s: EvidenceSection) -> list[str]:
    out = [f"## {md(s.heading)}", ""]
    out += [f"- {md(n.text)} ({md(n.citation)})" for n in s.notes] or [md(s.empty)]
    return [*out, ""]


def fence(rows: list[str]) -> str:
    """A code fence longer than any run of backticks in `rows`, so a drawing cannot close it."""
    longest = max((len(run) for row in rows for run in re.findall(r"`+", row)), default=0)
    return "`" * max(3, longest + 1)


def figure_text(step: PlanStep) -> list[str]:
    """A step's figures side by side, each under its side's name, as the player's preview draws them."""
    from footback.stretch.bigtype import beside

    blocks = [[f.words, "", *f.drawn()] if f.words else f.drawn() for f in step.figures]
    drawing = blocks[0]
    for block in blocks[1:]:
        drawing = beside(drawing, block, 6)
    return [row.rstrip() for row in drawing]


@section_md.register
def _steps(s: StepsSection) -> list[str]:
    """The saved plan's steps: dose, what each side does and the figure in a code block."""
    out = [f"## {md(s.heading)}", ""]
    if s.unreadable is not None:
        return [*out, md(s.unreadable), ""]
    if s.paused is not None:
        out += [f"**{md(s.paused)}**", ""]
    out += [md(s.figure_note), ""]
    for step in s.plan.steps:
        out += [f"### {md(step.name)}", "", md(step.dose), ""]
        sides = [f"- {md(f.words)}: {md(f.on_side)}" for f in step.figures if f.on_side]
        if sides:
            out += [*sides, ""]
        if step.figures:
            drawing = figure_text(step)
            out += [fence(drawing), *drawing, fence(drawing), ""]
    return out


def render_markdown(report: Report) -> str:
    doc = report_sections(report)
    c = doc.cover
    out = [f"# {md(c.title)}", "", md(c.made), "", md(c.intro), "", f"> **{md(c.not_diagnosis)}**", ""]
    for section in doc.sections:
        out += section_md(section)
    out += ["---", "", md(c.not_diagnosis), ""]
    return "\n".join(out)
