"""Today's screen as lines: styled on a terminal, plain in a pipe (the same facts either way)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from footback.core.dates import day_text
from footback.core.text import plural, safe_line
from footback.today.facts import DayItem, PainTrend, Today

if TYPE_CHECKING:
    from rich.console import Console

    from footback.today.content import TodayText

# The progress verdict when there are too few check-ins (footback.core.models.ChangeVerdict).
TOO_LITTLE = "too little data"
# (style, text): the style is used on a terminal only.
Line = tuple[str, str]


def _item(item: DayItem, text: TodayText) -> str:
    shape = {"done": text.done, "due": text.due, "later": text.later, "waiting": text.waiting}[item.state]
    return shape.format(what=item.what, at=f"{item.at:%H:%M}")


def _trend(trend: PainTrend, text: TodayText) -> str:
    if trend.foot == trend.back == TOO_LITTLE:
        return text.no_trend
    return text.trend.format(foot=trend.foot, back=trend.back)


def today_lines(today: Today, text: TodayText) -> list[Line]:
    """Every line of the screen, in order; the one next command last."""
    lines: list[Line] = [("bold", text.title.format(day=day_text(today.today)))]
    step = text.next.format(command=today.next.command, why=today.next.why)
    if today.first_step:
        return [*lines, ("", text.welcome), ("bold", step)]
    wait = today.warning_sign
    if wait is not None:
        shape = text.emergency if wait.triage == "emergency" else text.gate
        lines.append(("bold red", shape.format(date=wait.since.isoformat(), signs="; ".join(wait.signs))))
    items = ", ".join(_item(item, text) for item in today.items) or text.nothing
    lines.append(("", text.today.format(items=items)))
    last, trend = today.last_checkin, today.pain_trend
    if last is not None and trend is not None:
        lines.append(
            (
                "",
                text.last.format(
                    day=day_text(last.day), foot=last.foot, back=last.back, trend=_trend(trend, text)
                ),
            )
        )
    else:
        lines.append(("", text.no_checkin))
    streak = text.streak.format(days=plural(today.streak_days, "day"))
    plan = today.plan
    if plan.saved and plan.level is not None:
        review = day_text(plan.next_review) if plan.next_review is not None else "-"
        shape = text.plan_review_due if plan.review_due(today.today) else text.plan
        lines.append(("", shape.format(level=plan.level, review=review, streak=streak)))
    else:
        lines.append(("", text.plan_unsaved.format(streak=streak)))
    return [*lines, ("bold", step)]


def write_plain(out: TextIO, lines: list[Line]) -> None:
    """The lines as plain text, one a line (a pipe, a prompt, a script): no rich import."""
    out.write("".join(safe_line(text) + "\n" for _, text in lines))


def draw(console: Console, lines: list[Line]) -> None:
    """The lines on a terminal, each wrapped under its own start."""
    from footback.render.console import hanging

    for style, text in lines:
        console.print(hanging("", safe_line(text), style))
