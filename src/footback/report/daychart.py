"""The report's chart of pain and sessions per day, as inline SVG (no scripts, no links out).

It draws the series `footback progress --json` gives (`daily.progress_service.chart_series`); the same
series always gives the same bytes, so the report can be compared and tested.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from footback.core.text import html_text as _e
from footback.core.text import plural
from footback.daily.progress import Series
from footback.report.build import ReportText

W, H = 640, 190
LEFT, RIGHT, TOP, BOTTOM = 34, 44, 10, 26
PLOT_W, PLOT_H = W - LEFT - RIGHT, H - TOP - BOTTOM
PAIN_TOP = 10
# Shape and dash tell the lines apart in black-and-white print, as in the score chart.
PAIN_LINES = (("foot", "#1f5fa8", "", "circle"), ("back", "#b3541e", "6 4", "square"))


def _pain_words(values: Sequence[int | None], text: ReportText) -> str:
    found = [v for v in values if v is not None]
    if not found:
        return text.chart_no_pain
    return text.chart_pain.format(
        checkins=plural(len(found), "check-in"),
        first=found[0],
        last=found[-1],
        low=min(found),
        high=max(found),
    )


def chart_summary(series: Series, text: ReportText) -> str:
    """The chart in one sentence: the text fallback under it and its description for screen readers."""
    return text.chart_summary.format(
        foot=_pain_words(series.foot, text),
        back=_pain_words(series.back, text),
        sessions=plural(sum(series.sessions), "session"),
        active=sum(1 for n in series.sessions if n),
        days=len(series.days),
    )


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    if shape == "circle":
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>'
    return f'<rect x="{x - 3:.1f}" y="{y - 3:.1f}" width="6" height="6" fill="{colour}"/>'


def _segments(values: Sequence[int | None]) -> list[list[tuple[int, int]]]:
    """Runs of days with a value: a day without a check-in breaks the line."""
    runs: list[list[tuple[int, int]]] = [[]]
    for i, v in enumerate(values):
        if v is None:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append((i, v))
    return [run for run in runs if run]


def _axes(band: float, top_sessions: int, days: Sequence[date]) -> list[str]:
    """The pain grid and ticks (left), the session ticks (right) and the dates under the plot."""
    y_pain, y_sessions = _y_of(PAIN_TOP), _y_of(top_sessions)
    parts = []
    for tick in (0, 5, 10):
        y = y_pain(tick)
        parts.append(
            f'<line x1="{LEFT}" y1="{y:.1f}" x2="{LEFT + PLOT_W}" y2="{y:.1f}" '
            'stroke="#ddd" stroke-width="1"/>'
        )
        parts.append(f'<text x="{LEFT - 5}" y="{y + 4:.1f}" font-size="11" text-anchor="end">{tick}</text>')
    for tick in (0, top_sessions):
        parts.append(
            f'<text x="{LEFT + PLOT_W + 5}" y="{y_sessions(tick) + 4:.1f}" font-size="11">{tick}</text>'
        )
    parts.append(
        f'<text x="{W - 2}" y="{TOP + PLOT_H / 2:.1f}" font-size="10" text-anchor="end">sessions</text>'
    )
    return parts


def _dates(band: float, days: Sequence[date]) -> list[str]:
    """The first, middle and last day under the plot."""
    count = max(len(days), 1)
    shown = sorted({0, count - 1, (count - 1) // 2}) if days else []
    return [
        f'<text x="{_x(band, i):.1f}" y="{H - 8}" font-size="11" text-anchor="middle">'
        f"{days[i]:%Y-%m-%d}</text>"
        for i in shown
    ]


def _x(band: float, i: int) -> float:
    return LEFT + band * (i + 0.5)


def _y_of(top: float) -> Callable[[float], float]:
    return lambda v: TOP + PLOT_H * (1 - min(max(v, 0), top) / top)


def day_chart_svg(series: Series, title: str, summary: str) -> str:
    """Pain lines (0-10, left axis) over session bars (right axis), one column a day; `summary`
    (the chart in words, `chart_summary`) describes it for screen readers."""
    count = max(len(series.days), 1)
    band = PLOT_W / count
    top_sessions = max([3, *series.sessions])

    def x_at(i: int) -> float:
        return _x(band, i)

    y_pain, y_sessions = _y_of(PAIN_TOP), _y_of(top_sessions)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
        'aria-labelledby="day-title day-desc" id="day-chart">',
        f'<title id="day-title">{_e(title)}</title>',
        f'<desc id="day-desc">{_e(summary)}</desc>',
        *_axes(band, top_sessions, series.days),
    ]
    for i, n in enumerate(series.sessions):
        if n:
            y = y_sessions(n)
            parts.append(
                f'<rect class="sessions" x="{x_at(i) - band * 0.3:.1f}" y="{y:.1f}" width="{band * 0.6:.1f}" '
                f'height="{TOP + PLOT_H - y:.1f}" fill="#c8c8c8"/>'
            )
    parts += _dates(band, series.days)
    for name, colour, dash, shape in PAIN_LINES:
        values: list[int | None] = series.foot if name == "foot" else series.back
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        for run in _segments(values):
            if len(run) > 1:
                points = " ".join(f"{x_at(i):.1f},{y_pain(v):.1f}" for i, v in run)
                parts.append(
                    f'<polyline class="pain" data-pain="{name}" points="{points}" fill="none" '
                    f'stroke="{colour}" stroke-width="2"{dash_attr}/>'
                )
            parts.extend(_marker(shape, x_at(i), y_pain(v), colour) for i, v in run)
    parts.append("</svg>")
    return "\n".join(parts)
