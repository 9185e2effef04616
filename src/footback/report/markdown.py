"""The clinician summary as Markdown (prints fine as plain text too)."""

from __future__ import annotations

import re

from footback.content.loader import sources
from footback.core.models import SCORE_NAMES
from footback.core.sparkline import sparkline
from footback.core.text import safe_line, verdict_text
from footback.report.build import Report

# A one-page summary: the newest rows of long tables.
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
    out += ["", "---", "", md(t.not_diagnosis), ""]
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
        if sb.notice:
            out += ["", md(sb.notice)]
    return out
