"""The clinician summary as one self-contained HTML file: inline CSS and SVG, no scripts, no links out."""

from __future__ import annotations

from datetime import datetime
from html import escape

from footback.assess.content import keele_notice
from footback.core.models import SCORE_NAMES, ScoreName
from footback.core.text import safe_line, verdict_text, visible_controls
from footback.daily.progress import Series
from footback.report.build import PlanFigure, PlanSection, Report, ReportText
from footback.report.daychart import chart_summary, day_chart_svg
from footback.stretch.routine_file import FIGURE_MARK

CSS = """
@page { margin: 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #111;
  max-width: 190mm; margin: 0 auto; padding: 8mm 4mm; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid #999; padding-bottom: 0.5mm; }
h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
p { margin: 1mm 0; }
.meta { color: #444; }
.notdx { border: 1.5px solid #111; padding: 2mm 3mm; font-weight: 600; margin: 3mm 0; }
.urgent { border: 2px solid #b00; padding: 2mm 3mm; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; }
th, td { text-align: left; padding: 0.6mm 2mm 0.6mm 0; vertical-align: top; border-bottom: 0.5px solid #ccc; }
td.n, th.n { text-align: right; }
ul { margin: 1mm 0; padding-left: 5mm; }
li { margin: 0.3mm 0; }
.src { color: #555; font-size: 9pt; }
svg { display: block; width: 100%; max-width: 170mm; height: auto; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 6mm; }
footer { margin-top: 5mm; border-top: 1px solid #999; padding-top: 1.5mm; font-size: 9pt; }
.steps { display: grid; grid-template-columns: repeat(auto-fill, minmax(88mm, 1fr)); gap: 1mm 6mm; }
.step { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0 3mm; break-inside: avoid; }
.step h3 { margin: 1.5mm 0 0; } .dose { font-weight: normal; color: #444; }
.side { font-size: 8.5pt; }
.figs { display: flex; flex-wrap: wrap; gap: 0 6mm; }
.fig { margin: 0.5mm 0; }
.fig pre { font: 8pt/1.1 "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; margin: 0; }
.fig figcaption { font-size: 8pt; }
/* The working foot or leg: bold, coloured and shaded, so it shows in black-and-white print too. */
b.work { color: #b00; background: #ddd; }
.fallback { color: #333; }
@media print {
  /* Two A4 or Letter pages for a typical history at 9 pt: page 1 the assessment (scores, factors,
     answers, warning signs, evidence), page 2 practice (trends, routines, check-ins, the plan's levels,
     shoes, the day chart) and the plan's steps with their figures. */
  @page { margin: 8mm 10mm; }
  body { padding: 0; font-size: 9pt; line-height: 1.15; max-width: none; }
  h1 { font-size: 13pt; margin-bottom: 1mm; } h2 { font-size: 10.5pt; margin: 2.5mm 0 1mm; }
  h3 { font-size: 9pt; margin: 1.5mm 0 0.5mm; }
  p { margin: 0.6mm 0; } .notdx { padding: 1mm 2mm; margin: 1.5mm 0; }
  th, td { padding: 0 2mm 0 0; }
  .src { font-size: 8pt; } td .src { white-space: nowrap; }
  .answers { columns: 2; column-gap: 6mm; }
  .answers p { margin: 0; break-inside: avoid; }
  svg { max-width: 100mm; }
  .page2 { break-before: page; }
  .steps { grid-template-columns: 1fr 1fr; gap: 0 6mm; } .figs { gap: 0 3mm; flex-wrap: nowrap; }
  /* The highlighted L or R names the side in print; the side lines beside say which is which. */
  .fig pre { font-size: 7pt; line-height: 1.05; } .fig figcaption { display: none; } .side { font-size: 8pt; }
  tr, svg, li, .cols, .step { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  footer { margin-top: 2mm; font-size: 8pt; }
}
"""

# Shape and dash tell the three lines apart in black-and-white print; colour only helps.
LINES: dict[ScoreName, tuple[str, str, str]] = {
    "foot": ("#1f5fa8", "", "circle"),
    "back": ("#b3541e", "6 4", "square"),
    "link": ("#2e7d32", "2 3", "triangle"),
}
CSP = "default-src 'none'; style-src 'unsafe-inline'"
CHART_W, CHART_H = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 90, 12, 30


def _brief(source_ids: list[str], full: str) -> str:
    """Short citations keep the page to one or two sheets; the JSON export keeps the full ones."""
    from footback.content.loader import sources

    return sources().briefs(source_ids) or full


def e(text: object) -> str:
    return escape(safe_line(str(text)), quote=True)


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'
    if shape == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    corners = f"{x:.1f},{y - 4.5:.1f} {x - 4:.1f},{y + 3:.1f} {x + 4:.1f},{y + 3:.1f}"
    return f'<polygon points="{corners}" fill="{colour}"/>'


def trend_svg(dates: list[datetime], series: dict[ScoreName, list[int]], caption: str) -> str:
    """A line chart of the scores (0-100) against assessment order, dates under the axis."""
    plot_w, plot_h = CHART_W - LEFT - RIGHT, CHART_H - TOP - BOTTOM
    count = len(dates)

    def x_at(i: int) -> float:
        return LEFT + (plot_w / 2 if count == 1 else plot_w * i / (count - 1))

    def y_at(v: float) -> float:
        return TOP + plot_h * (1 - min(max(v, 0), 100) / 100)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {CHART_W} {CHART_H}" role="img" '
        f'aria-labelledby="trend-title" id="trend-chart">',
        f'<title id="trend-title">{e(caption)}</title>',
    ]
    for tick in (0, 25, 50, 75, 100):
        y = y_at(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + plot_w}" y2="{y:.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        parts.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{tick}</text>')
    labelled = sorted({0, count - 1, (count - 1) // 2}) if count > 2 else list(range(count))
    for i in labelled:
        parts.append(
            f'<text x="{x_at(i):.1f}" y="{CHART_H - 10}" font-size="11" text-anchor="middle">'
            f"{dates[i]:%Y-%m-%d}</text>"
        )
    for row, name in enumerate(SCORE_NAMES):
        colour, dash, shape = LINES[name]
        values = series[name]
        points = " ".join(f"{x_at(i):.1f},{y_at(v):.1f}" for i, v in enumerate(values))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        if count > 1:
            parts.append(
                f'<polyline class="series" data-score="{name}" points="{points}" fill="none" '
                f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
            )
        parts.extend(_marker(shape, x_at(i), y_at(v), colour) for i, v in enumerate(values))
        ly = TOP + 14 + row * 20
        lx = LEFT + plot_w + 12
        parts.append(
            f'<line x1="{lx}" y1="{ly}" x2="{lx + 24}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
        )
        parts.append(_marker(shape, lx + 12, ly, colour))
        parts.append(f'<text x="{lx + 30}" y="{ly + 4}" font-size="12">{name}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _table(headers: list[tuple[str, bool]], rows: list[list[str]]) -> str:
    head = "".join(f"<th{' class=n' if num else ''}>{e(h)}</th>" for h, num in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if num else ''}>{cell}</td>" for cell, (_, num) in zip(row, headers, strict=True)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def figure_html(figure: PlanFigure, step: str) -> str:
    """One side's drawing in a <pre>: every character escaped, the working-limb mark highlighted."""
    mark = f'<b class="work">{e(figure.letter)}</b>'
    # Not `e`: a drawing keeps its leading spaces (figures hold printable characters only anyway).
    drawing = "\n".join(
        mark.join(escape(visible_controls(part), quote=True) for part in row.split(FIGURE_MARK))
        for row in figure.rows
    )
    label = ", ".join(part for part in (step, figure.words.lower(), figure.on_side) if part)
    caption = f"<figcaption>{e(figure.words)}</figcaption>" if figure.words else ""
    return f'<figure class="fig"><pre role="img" aria-label="{e(label)}">{drawing}</pre>{caption}</figure>'


def plan_html(plan: PlanSection, t: ReportText) -> list[str]:
    """The saved plan's steps: name, dose and what each side does beside a figure per side."""
    out = [f'<section id="steps"><h2>{e(t.headings.steps)}</h2>']
    if plan.problem is not None:
        return [*out, f"<p>{e(t.plan_unreadable.format(problem=plan.problem))}</p></section>"]
    if plan.paused:
        out.append(f'<p class="urgent">{e(t.plan_paused)}</p>')
    out.append(f'<p class="src">{e(t.figure_note)}</p><div class="steps">')
    for step in plan.steps:
        sides = "".join(
            f'<p class="side">{e(f.words)}: {e(f.on_side)}</p>' for f in step.figures if f.on_side
        )
        figures = "".join(figure_html(f, step.name) for f in step.figures)
        out.append(
            f'<div class="step"><div><h3>{e(step.name)} <span class="dose">{e(step.dose)}</span></h3>'
            f"{sides}</div>"
            f'<div class="figs">{figures}</div></div>'
        )
    out.append("</div></section>")
    return out


def chart_html(chart: Series, t: ReportText) -> list[str]:
    """Pain and sessions per day: the SVG, its caption and the chart in words (the text fallback)."""
    return [
        f'<section id="day-chart-section"><h2>{e(t.headings.chart)}</h2>',
        day_chart_svg(chart, t),
        f'<p class="src">{e(t.chart_caption.format(days=len(chart.days)))}</p>',
        f'<p class="fallback">{e(chart_summary(chart, t))}</p>',
        "</section>",
    ]


def _warnings_html(report: Report) -> list[str]:
    """Every warning sign reported in the report's period, with any clinician visit since."""
    if not report.warnings:
        return [f"<p>{e(report.text.no_warnings)}</p>"]
    items = [
        f"<li>{w.at:%Y-%m-%d}, <strong>{e(w.triage)}</strong>: {e('; '.join(w.signs))}; "
        f"{e(w.seen_text(report.text))}</li>"
        for w in report.warnings
    ]
    return ["<ul>", *items, "</ul>"]


def render_html(report: Report) -> str:
    """The whole page; every piece of stored or content text is escaped."""
    t = report.text
    h = t.headings
    made = t.made.format(date=f"{report.made_at:%Y-%m-%d %H:%M}")
    body: list[str] = [
        "<header>",
        f"<h1>{e(t.title)}</h1>",
        f'<p class="meta">{e(made)}. {e(t.intro)}</p>',
        f'<p class="notdx" id="not-a-diagnosis">{e(t.not_diagnosis)}</p>',
        "</header>",
    ]

    latest = report.latest
    body.append('<section id="assessment">')
    if latest is None:
        body += [f"<h2>{e(h.assessment)}</h2>", f"<p>{e(t.no_assessment)}</p>"]
    else:
        result = latest.result
        kind = f", {e(t.quick)}" if result.quick else ""
        body.append(f"<h2>{e(h.assessment)} ({latest.created_at:%Y-%m-%d}{kind})</h2>")
        if result.quick:
            body.append(f"<p>{e(t.quick_note)}</p>")
        # Warning signs beside the three scores: the first page needs the space.
        body.append(f'<div class="cols"><div><h3>{e(h.red_flags)}</h3>')
        if result.red_flags:
            body.append(f'<p class="urgent">{e(t.urgent)}</p><ul>')
            body += [
                f"<li><strong>{e(f.severity)}</strong>: {e(f.question)} {e(f.advice)}</li>"
                for f in result.red_flags
            ]
            body.append("</ul>")
        else:
            body.append(f"<p>{e(t.no_red_flags)}</p>")
        # The period's warning signs under the latest ones, in the space beside the scores.
        body += [f'<section id="warnings"><h3>{e(h.warnings)}</h3>', *_warnings_html(report), "</section>"]
        body.append(f"</div><div><h3>{e(h.scores)}</h3>")
        if result.needs_clinician:
            body.append(f"<p>{e(t.not_scored)}</p></div></div>")
        else:
            rows = [[e(name), e(score.score), e(score.level)] for name, score in result.scores.named()]
            body.append(_table([("score", False), ("value /100", True), ("level", False)], rows))
            body.append(f'<p class="src">{e(t.scores_note)}</p></div></div>')
            factor_rows = [
                [
                    e(name),
                    e(hit.reason),
                    e(f"+{hit.points}"),
                    f'<span class="src">{e(_brief(hit.source_ids, hit.saved_source or ""))}</span>',
                ]
                for name, score in result.scores.named()
                for hit in score.factors
            ]
            if factor_rows:
                body.append(
                    _table(
                        [("score", False), ("factor", False), ("points", True), ("source", False)],
                        factor_rows,
                    )
                )
            if result.startback is not None:
                sb = result.startback
                line = t.startback.format(group=sb.group, total=sb.total, psychosocial=sb.psychosocial)
                body.append(f"<p>{e(line)}</p>")
                body.append(f'<p class="src">{e(keele_notice(sb))}</p>')
        body.append(f"<h3>{e(h.answers)}</h3>")
        if latest.answers:
            # Question and answer on one line each, in two columns when printed.
            body.append('<div class="answers">')
            body += [f"<p>{e(a.question)} <strong>{e(a.answer)}</strong></p>" for a in latest.answers]
            body.append("</div>")
        else:
            body.append(f"<p>{e(t.no_answers)}</p>")
    body.append("</section>")

    if latest is None:
        body += [f"<section><h2>{e(h.warnings)}</h2>", *_warnings_html(report), "</section>"]

    body.append(f'<section id="evidence"><h2>{e(h.evidence)}</h2>')
    notes = latest.result.recommendations.evidence_notes if latest else []
    if notes:
        body.append("<ul>")
        body += [
            f'<li>{e(n.text)} <span class="src">({e(_brief(n.source_ids, n.saved_source or ""))})</span></li>'
            for n in notes
        ]
        body.append("</ul>")
    else:
        body.append(f"<p>{e(t.no_evidence)}</p>")
    body.append("</section>")
    # Page 2 in print: practice (trends, routines, check-ins, plan, shoes), the day chart, the plan's figures.
    body.append('<div class="page2">')
    body.append(f'<div class="cols"><div><section id="trends"><h2>{e(h.trends)}</h2>')
    if report.trends:
        series = {name: report.series(name) for name in SCORE_NAMES}
        body.append(trend_svg([a.created_at for a in report.trends], series, t.trend_caption))
        body.append(f'<p class="src">{e(t.trend_caption)}</p>')
        quick_days = ", ".join(f"{a.created_at:%Y-%m-%d}" for a in report.trends if a.quick)
        if quick_days:
            body.append(f"<p>{e(t.quick_dates.format(dates=quick_days))}</p>")
        if len(report.trends) < 2:
            body.append(f"<p>{e(t.no_trend)}</p>")
    else:
        body.append(f"<p>{e(t.no_assessment)}</p>")
    body.append("</section>")
    if report.chart is not None:
        body += chart_html(report.chart, t)

    r = report.routines
    body.append(f'</div><div><section id="routines"><h2>{e(h.routines)}</h2>')
    if r.sessions == 0:
        body.append(f"<p>{e(t.no_sessions)}</p>")
    else:
        body.append(f"<p>{e(report.adherence())}</p>")
        body.append(_table([("routine", False), ("sessions", True)], [[e(n), e(c)] for n, c in r.by_routine]))
    if report.daily:
        body.append(f'</section><section id="daily"><h2>{e(h.daily)}</h2>')
        body.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in report.daily) + "</ul>")
    if report.plan_history:
        body.append(f'</section><section id="plan"><h2>{e(h.plan)}</h2>')
        rows = [[e(f"{at:%Y-%m-%d}"), e(level), e(reason)] for at, level, reason in report.plan_history]
        body.append(_table([("date", False), ("level", True), ("reason", False)], rows))
    body.append(f'</section><section id="shoes"><h2>{e(h.shoes)}</h2>')
    if report.shoes:
        rows = [
            [e(s.pair), f"{s.checked_at:%Y-%m-%d}", e(verdict_text(s.verdict)), e(s.score)]
            for s in report.shoes
        ]
        body.append(_table([("pair", False), ("checked", False), ("verdict", False), ("score", True)], rows))
    else:
        body.append(f"<p>{e(t.no_shoes)}</p>")
    body.append("</section></div></div>")

    if report.plan is not None:
        body += plan_html(report.plan, t)
    body.append("</div>")
    # The same records for a clinic's record system: one line, where the page ends.
    fhir = f'<span id="fhir-export">{e(t.fhir_export)}</span>'
    body.append(f"<footer>{e(made)}. {e(t.not_diagnosis)}<br>{fhir}</footer>")

    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No scripts, no requests: the page is safe to open anywhere and to e-mail.
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{e(t.title)} ({report.made_at:%Y-%m-%d})</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
