"""The clinician summary as Markdown (prints fine as plain text too)."""

from __future__ import annotations

import re

from footback.assess.content import keele_notice
from footback.content.loader import sources
from footback.core.models import SCORE_NAMES
from footback.core.sparkline import sparkline
from footback.core.text import safe_line, verdict_text
from footback.report.build import PlanSection, PlanStep, Report, ReportText

# A short summary: the newest rows of long tables.
MAX_TREND_ROWS = 10
_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~@])")
# Bare links: renderers (GFM) turn them into live links; an escaped slash or dot keeps them text.
_LINK = re.compile(r"(?<=:)//|(?<=\bwww)\.", re.IGNORECASE)


def md(text: str) -> str:
    """Text that cannot turn into Markdown structure (a pair named `|x|` stays text)."""
    escaped = _SPECIAL.sub(r"\\\1", safe_line(" ".join(text.split())))
    return _LINK.sub(lambda m: "\\/\\/" if m.group(0) == "//" else "\\.", escaped)


def render_markdown(report: Report) -> str:
    t = report.text
    h = t.headings
    out: list[str] = [f"# {md(t.title)}", "", md(t.made.format(date=f"{report.made_at:%Y-%m-%d %H:%M}")), ""]
    out += [md(t.intro), "", f"> **{md(t.not_diagnosis)}**", ""]

    latest = report.latest
    if latest is None:
        out += [f"## {md(h.assessment)}", "", md(t.no_assessment), ""]
    else:
        result = latest.result
        kind = f", {md(t.quick)}" if result.quick else ""
        out += [f"## {md(h.assessment)} ({latest.created_at:%Y-%m-%d}{kind})", ""]
        if result.quick:
            out += [md(t.quick_note), ""]
        out += [f"### {md(h.red_flags)}", ""]
        if result.red_flags:
            out += [f"**{md(t.urgent)}**", ""]
            out += [
                f"- **{flag.severity}**: {md(flag.question)} {md(flag.advice)}" for flag in result.red_flags
            ]
        else:
            out.append(md(t.no_red_flags))
        out.append("")
        out += [f"### {md(h.scores)}", ""]
        if result.needs_clinician:
            out += [md(t.not_scored)]
        else:
            out += _scores(report)
        out += ["", f"### {md(h.answers)}", ""]
        if latest.answers:
            out += ["| question | answer |", "| --- | --- |"]
            out += [f"| {md(a.question)} | {md(a.answer)} |" for a in latest.answers]
        else:
            out.append(md(t.no_answers))
        out.append("")

    out += [f"## {md(h.warnings)}", ""]
    if report.warnings:
        out += [
            f"- {w.at:%Y-%m-%d}, **{md(w.triage)}**: {md('; '.join(w.signs))}; {md(w.seen_text(t))}"
            for w in report.warnings
        ]
    else:
        out.append(md(t.no_warnings))
    out.append("")

    out += [f"## {md(h.trends)}", ""]
    if len(report.trends) < 2:
        out.append(md(t.no_trend if report.trends else t.no_assessment))
    else:
        for name in SCORE_NAMES:
            values = report.series(name)
            out.append(f"- {name}: `{sparkline(values, ascii_only=False)}` {values[0]} to {values[-1]}")
        out += ["", "| date | foot | back | link |", "| --- | ---: | ---: | ---: |"]
        for a in report.trends[-MAX_TREND_ROWS:]:
            cells = [str(entry.score) if (entry := a.score(n)) else "-" for n in SCORE_NAMES]
            day = f"{a.created_at:%Y-%m-%d}" + (f" ({md(t.quick)})" if a.quick else "")
            out.append(f"| {day} | {' | '.join(cells)} |")
    out.append("")

    r = report.routines
    out += [f"## {md(h.routines)}", ""]
    if r.sessions == 0:
        out.append(md(t.no_sessions))
    else:
        out.append(md(report.adherence()))
        out += ["", "| routine | sessions |", "| --- | ---: |"]
        out += [f"| {md(name)} | {count} |" for name, count in r.by_routine]
    out.append("")

    if report.daily:
        out += [f"## {md(h.daily)}", ""]
        out += [f"- {md(line)}" for line in report.daily]
        out.append("")
    if report.plan_history:
        out += [f"## {md(h.plan)}", "", "| date | level | reason |", "| --- | ---: | --- |"]
        out += [f"| {at:%Y-%m-%d} | {level} | {md(reason)} |" for at, level, reason in report.plan_history]
        out.append("")

    if report.chart is not None:
        out += _chart(report)
    out += [f"## {md(h.shoes)}", ""]
    if not report.shoes:
        out.append(md(t.no_shoes))
    else:
        out += ["| pair | checked | verdict | score |", "| --- | --- | --- | ---: |"]
        out += [
            f"| {md(s.pair)} | {s.checked_at:%Y-%m-%d} | {md(verdict_text(s.verdict))} | {s.score} |"
            for s in report.shoes
        ]
    out.append("")

    out += [f"## {md(h.evidence)}", ""]
    notes = latest.result.recommendations.evidence_notes if latest else []
    if notes:
        out += [f"- {md(note.text)} ({md(note.citation(sources()))})" for note in notes]
    else:
        out.append(md(t.no_evidence))
    out.append("")
    if report.plan is not None:
        out += _plan(report.plan, t)
    out += ["---", "", md(t.not_diagnosis), ""]
    return "\n".join(out)


def _scores(report: Report) -> list[str]:
    """The latest scores, their factors and the back grouping (with Keele's notice)."""
    assert report.latest is not None
    t = report.text
    result = report.latest.result
    out = ["| score | value | level |", "| --- | ---: | --- |"]
    for name, score in result.scores.named():
        out.append(f"| {name} | {score.score} | {score.level} |")
    out += ["", md(t.scores_note), ""]
    for name, score in result.scores.named():
        for hit in score.factors:
            out.append(f"- {name}, +{hit.points}: {md(hit.reason)} ({md(hit.citation(sources()))})")
    if result.startback is not None:
        sb = result.startback
        out += ["", md(t.startback.format(group=sb.group, total=sb.total, psychosocial=sb.psychosocial))]
        out += ["", md(keele_notice(sb))]
    return out


def _chart(report: Report) -> list[str]:
    """Pain and sessions per day as sparklines (a blank: no check-in), then the chart in words."""
    from footback.daily.render import PAIN_TOP, spark_gaps
    from footback.report.daychart import chart_summary

    assert report.chart is not None
    s = report.chart
    t = report.text
    rows = [("foot pain", spark_gaps(s.foot, PAIN_TOP)), ("back pain", spark_gaps(s.back, PAIN_TOP))]
    rows.append(("sessions", spark_gaps(s.sessions, max([3, *s.sessions]))))
    out = [f"## {md(t.headings.chart)}", ""]
    out += [f"- {name}: `{line}`" for name, line in rows]
    out += ["", md(t.chart_caption.format(days=len(s.days))), "", md(chart_summary(s, t)), ""]
    return out


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


def _plan(plan: PlanSection, t: ReportText) -> list[str]:
    """The saved plan's steps: dose, what each side does and the figure in a code block."""
    out = [f"## {md(t.headings.steps)}", ""]
    if plan.problem is not None:
        return [*out, md(t.plan_unreadable.format(problem=plan.problem)), ""]
    if plan.paused:
        out += [f"**{md(t.plan_paused)}**", ""]
    out += [md(t.figure_note), ""]
    for step in plan.steps:
        out += [f"### {md(step.name)}", "", md(step.dose), ""]
        sides = [f"- {md(f.words)}: {md(f.on_side)}" for f in step.figures if f.on_side]
        if sides:
            out += [*sides, ""]
        if step.figures:
            drawing = figure_text(step)
            out += [fence(drawing), *drawing, fence(drawing), ""]
    return out
