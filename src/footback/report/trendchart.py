"""The report's chart of the three scores over the assessments, as inline SVG."""

from __future__ import annotations

from datetime import datetime

from footback.core.models import SCORE_NAMES, ScoreName
from footback.core.text import html_text as e

# Shape and dash tell the three lines apart in black-and-white print; colour only helps.
LINES: dict[ScoreName, tuple[str, str, str]] = {
    "foot": ("#1f5fa8", "", "circle"),
    "back": ("#b3541e", "6 4", "square"),
    "link": ("#2e7d32", "2 3", "triangle"),
}
CHART_W, CHART_H = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 90, 12, 30


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
