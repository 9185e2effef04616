"""The clinician summary as one self-contained HTML file: inline CSS and SVG, no scripts, no links out."""

from __future__ import annotations

from functools import singledispatch
from html import escape

from footback.core.text import html_text as e
from footback.core.text import visible_controls
from footback.report.build import PlanFigure, Report
from footback.report.daychart import day_chart_svg
from footback.report.sections import (
    AssessmentSection,
    ChartSection,
    Cover,
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
from footback.report.trendchart import trend_svg
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
  /* Letter is 18 mm shorter than A4: the top and bottom margins and the heading spacing are what
     keep practice and the figures on one Letter sheet (about 4 mm to spare on each sheet). */
  @page { margin: 7mm 10mm; }
  body { padding: 0; font-size: 9pt; line-height: 1.15; max-width: none; }
  h1 { font-size: 13pt; margin-bottom: 1mm; } h2 { font-size: 10.5pt; margin: 2mm 0 0.6mm; }
  h3 { font-size: 9pt; margin: 1mm 0 0.3mm; }
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
  .step h3 { margin-top: 1mm; }
  footer { margin-top: 1.5mm; font-size: 8pt; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'"


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


@singledispatch
def section_html(section: Section) -> list[str]:
    """One section's lines, `<section>` to `</section>`: one registered function per kind."""
    raise TypeError(f"no HTML for {type(section).__name__}")


def _warnings_items(s: WarningsSection) -> list[str]:
    """Every warning sign reported in the report's period, with any clinician visit since."""
    if not s.items:
        return [f"<p>{e(s.empty)}</p>"]
    items = [
        f"<li>{e(w.day)}, <strong>{e(w.triage)}</strong>: {e(w.signs)}; {e(w.seen)}</li>" for w in s.items
    ]
    return ["<ul>", *items, "</ul>"]


def _scores_html(s: Scores) -> list[str]:
    """The score table, then (under the two columns) the factors and the back grouping."""
    rows = [[e(name), e(score), e(level)] for name, score, level in s.rows]
    out = [_table([("score", False), ("value /100", True), ("level", False)], rows)]
    out.append(f'<p class="src">{e(s.note)}</p></div></div>')
    factor_rows = [
        [e(f.score), e(f.reason), e(f"+{f.points}"), f'<span class="src">{e(f.brief)}</span>']
        for f in s.factors
    ]
    if factor_rows:
        headers = [("score", False), ("factor", False), ("points", True), ("source", False)]
        out.append(_table(headers, factor_rows))
    if s.startback is not None:
        out += [f"<p>{e(s.startback)}</p>", f'<p class="src">{e(s.keele)}</p>']
    return out


@section_html.register
def _assessment(s: AssessmentSection) -> list[str]:
    out = ['<section id="assessment">', f"<h2>{e(s.heading)}</h2>"]
    if s.empty is not None:
        # No assessment: the period's warning signs get a section of their own.
        warnings = s.warnings
        own = [f"<section><h2>{e(warnings.heading)}</h2>", *_warnings_items(warnings), "</section>"]
        return [*out, f"<p>{e(s.empty)}</p>", "</section>", *own]
    if s.quick_note is not None:
        out.append(f"<p>{e(s.quick_note)}</p>")
    # Warning signs beside the three scores: the first page needs the space.
    out.append(f'<div class="cols"><div><h3>{e(s.flags_heading)}</h3>')
    if s.urgent is not None:
        out.append(f'<p class="urgent">{e(s.urgent)}</p><ul>')
        out += [f"<li><strong>{e(f.severity)}</strong>: {e(f.question)} {e(f.advice)}</li>" for f in s.flags]
        out.append("</ul>")
    else:
        out.append(f"<p>{e(s.no_flags)}</p>")
    # The period's warning signs under the latest ones, in the space beside the scores.
    warnings = s.warnings
    out += [
        f'<section id="warnings"><h3>{e(warnings.heading)}</h3>',
        *_warnings_items(warnings),
        "</section>",
    ]
    out.append(f"</div><div><h3>{e(s.scores_heading)}</h3>")
    if s.scores is None:
        out.append(f"<p>{e(s.not_scored)}</p></div></div>")
    else:
        out += _scores_html(s.scores)
    out.append(f"<h3>{e(s.answers_heading)}</h3>")
    if s.answers:
        # Question and answer on one line each, in two columns when printed.
        out.append('<div class="answers">')
        out += [f"<p>{e(a.question)} <strong>{e(a.answer)}</strong></p>" for a in s.answers]
        out.append("</div>")
    else:
        out.append(f"<p>{e(s.no_answers)}</p>")
    return [*out, "</section>"]


@section_html.register
def _evidence(s: EvidenceSection) -> list[str]:
    out = [f'<section id="evidence"><h2>{e(s.heading)}</h2>']
    if s.notes:
        out += [
            "<ul>",
            *(f'<li>{e(n.text)} <span class="src">({e(n.brief)})</span></li>' for n in s.notes),
            "</ul>",
        ]
    else:
        out.append(f"<p>{e(s.empty)}</p>")
    return [*out, "</section>"]


@section_html.register
def _trends(s: TrendsSection) -> list[str]:
    out = [f'<section id="trends"><h2>{e(s.heading)}</h2>']
    if s.entries:
        out.append(trend_svg([a.created_at for a in s.entries], s.series, s.caption))
        out.append(f'<p class="src">{e(s.caption)}</p>')
        if s.quick_dates is not None:
            out.append(f"<p>{e(s.quick_dates)}</p>")
        if len(s.entries) < 2:
            out.append(f"<p>{e(s.no_trend)}</p>")
    else:
        out.append(f"<p>{e(s.no_assessment)}</p>")
    return [*out, "</section>"]


@section_html.register
def _chart(s: ChartSection) -> list[str]:
    """Pain and sessions per day: the SVG, its caption and the chart in words (the text fallback)."""
    return [
        f'<section id="day-chart-section"><h2>{e(s.heading)}</h2>',
        day_chart_svg(s.series, s.heading, s.summary),
        f'<p class="src">{e(s.caption)}</p>',
        f'<p class="fallback">{e(s.summary)}</p>',
        "</section>",
    ]


@section_html.register
def _routines(s: RoutinesSection) -> list[str]:
    out = [f'<section id="routines"><h2>{e(s.heading)}</h2>']
    if s.adherence is None:
        out.append(f"<p>{e(s.empty)}</p>")
    else:
        out.append(f"<p>{e(s.adherence)}</p>")
        out.append(_table([("routine", False), ("sessions", True)], [[e(n), e(c)] for n, c in s.by_routine]))
    return [*out, "</section>"]


@section_html.register
def _daily(s: DailySection) -> list[str]:
    items = "".join(f"<li>{e(line)}</li>" for line in s.lines)
    return [f'<section id="daily"><h2>{e(s.heading)}</h2>', f"<ul>{items}</ul>", "</section>"]


@section_html.register
def _plan_history(s: PlanHistorySection) -> list[str]:
    rows = [[e(day), e(level), e(reason)] for day, level, reason in s.rows]
    table = _table([("date", False), ("level", True), ("reason", False)], rows)
    return [f'<section id="plan"><h2>{e(s.heading)}</h2>', table, "</section>"]


@section_html.register
def _shoes(s: ShoesSection) -> list[str]:
    out = [f'<section id="shoes"><h2>{e(s.heading)}</h2>']
    if s.rows:
        rows = [[e(pair), e(day), e(verdict), e(score)] for pair, day, verdict, score in s.rows]
        out.append(_table([("pair", False), ("checked", False), ("verdict", False), ("score", True)], rows))
    else:
        out.append(f"<p>{e(s.empty)}</p>")
    return [*out, "</section>"]


@section_html.register
def _steps(s: StepsSection) -> list[str]:
    """The saved plan's steps: name, dose and what each side does beside a figure per side."""
    out = [f'<section id="steps"><h2>{e(s.heading)}</h2>']
    if s.unreadable is not None:
        return [*out, f"<p>{e(s.unreadable)}</p></section>"]
    if s.paused is not None:
        out.append(f'<p class="urgent">{e(s.paused)}</p>')
    out.append(f'<p class="src">{e(s.figure_note)}</p><div class="steps">')
    for step in s.plan.steps:
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


# Where each kind goes on the printed page: page 1 the assessment, page 2 two columns of practice,
# then everything else (the plan's steps) under them.
PAGE_1: tuple[type[Section], ...] = (AssessmentSection, EvidenceSection)
LEFT_COLUMN: tuple[type[Section], ...] = (TrendsSection, ChartSection)
RIGHT_COLUMN: tuple[type[Section], ...] = (RoutinesSection, DailySection, PlanHistorySection, ShoesSection)


def _run_on(parts: list[list[str]]) -> list[str]:
    """Sections one after another, each `</section>` on the line that opens the next."""
    out: list[str] = []
    for lines in parts:
        if out and out[-1] == "</section>":
            out[-1] += lines[0]
            out += lines[1:]
        else:
            out += lines
    return out


def _layout(sections: list[Section]) -> list[str]:
    """The sections placed on the two pages."""

    def drawn(kinds: tuple[type[Section], ...]) -> list[list[str]]:
        return [section_html(s) for s in sections if isinstance(s, kinds)]

    placed = PAGE_1 + LEFT_COLUMN + RIGHT_COLUMN
    left = [line for lines in drawn(LEFT_COLUMN) for line in lines]
    right = _run_on(drawn(RIGHT_COLUMN))
    rest = [section_html(s) for s in sections if not isinstance(s, placed)]
    return [
        *(line for lines in drawn(PAGE_1) for line in lines),
        # Page 2 in print: practice (trends, chart | routines, check-ins, plan, shoes), the steps.
        '<div class="page2">',
        '<div class="cols"><div>' + left[0],
        *left[1:],
        "</div><div>" + right[0],
        *right[1:-1],
        right[-1] + "</div></div>",
        *(line for lines in rest for line in lines),
        "</div>",
    ]


def _header(c: Cover) -> list[str]:
    return [
        "<header>",
        f"<h1>{e(c.title)}</h1>",
        f'<p class="meta">{e(c.made)}. {e(c.intro)}</p>',
        f'<p class="notdx" id="not-a-diagnosis">{e(c.not_diagnosis)}</p>',
        "</header>",
    ]


def render_html(report: Report) -> str:
    """The whole page; every piece of stored or content text is escaped."""
    doc = report_sections(report)
    c = doc.cover
    # The same records for a clinic's record system: one line, where the page ends.
    fhir = f'<span id="fhir-export">{e(c.fhir_export)}</span>'
    footer = f"<footer>{e(c.made)}. {e(c.not_diagnosis)}<br>{fhir}</footer>"
    body = [*_header(c), *_layout(doc.sections), footer]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # No scripts, no requests: the page is safe to open anywhere and to e-mail.
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{e(c.title)} ({c.made_at:%Y-%m-%d})</title>\n"
        f"<style>{CSS}</style>\n</head>\n<body>\n" + "\n".join(body) + "\n</body>\n</html>\n"
    )
