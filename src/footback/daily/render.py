"""Drawing `footback progress` with rich: verdicts, practice, pain beside practice, sparklines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from footback.core.sparkline import sparkline
from footback.core.text import plural, safe_line

if TYPE_CHECKING:
    from rich.console import Console

    from footback.daily.function import FunctionChange
    from footback.daily.pain import PainChange
    from footback.daily.progress import Progress, WeekGroup
    from footback.render.rows import Row

PAIN_TOP = 10
# The pain table's columns: the name, the numbers, the verdict and how many check-ins it rests on.
PAIN_HEADERS = ("", "start", "now", "change", "verdict", "")


def spark_gaps(values: Sequence[int | None], high: float) -> str:
    """A sparkline with a blank for each day without a value."""
    return "".join(" " if v is None else sparkline([v], low=0, high=high) for v in values)


def session_marks(sessions: Sequence[int]) -> str:
    """Sessions per day as a sparkline: a day without a session is blank, as a day without a
    check-in is on the pain lines, so a month of two sessions shows two marks."""
    return spark_gaps([n or None for n in sessions], max([3, *sessions]))


def num_text(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def _pain_row(name: str, change: PainChange) -> Row:
    """A pain verdict as table cells, and as a block: 'foot', the numbers, the verdict."""
    from rich.text import Text

    from footback.render.rows import Block, Row

    counts = f"({change.start_checkins} and {change.now_checkins} check-ins)"
    numbers = [num_text(change.start), num_text(change.now), num_text(change.change, signed=True)]
    details = [Text(f"{header} {value}") for header, value in zip(PAIN_HEADERS[1:4], numbers, strict=True)]
    cells = [Text(text) for text in (name, *numbers, change.verdict, counts)]
    return Row(cells, Block(Text(name), details, Text(f"{change.verdict} {counts}")))


def _group(label: str, group: WeekGroup) -> str:
    weeks = f"{group.weeks} week" + ("" if group.weeks == 1 else "s")
    if group.foot is None or group.back is None:
        return f"{label} ({weeks}): no check-ins"
    return f"{label} ({weeks}): foot {group.foot:.1f}, back {group.back:.1f}"


def render_progress(console: Console, result: Progress) -> None:
    from rich.text import Text

    from footback.render.console import hanging
    from footback.render.rows import draw_rows

    console.print(
        Text(
            f"Is it helping? Your progress up to {result.today:%a} {result.today.day} {result.today:%b %Y}",
            style="bold",
        )
    )
    console.print()
    console.print(Text("Pain, 0-10: your first week of check-ins against the last 7 days", style="bold"))
    rows = [_pain_row("foot", result.foot_pain), _pain_row("back", result.back_pain)]
    draw_rows(console, PAIN_HEADERS, rows, wrap_last=True)
    console.print(Text(_rule(result), style="dim"))
    console.print()
    if result.function is not None:
        _render_function(console, result.function)
    p = result.practice
    console.print(Text("Practice", style="bold"))
    console.print(
        hanging(
            "  ",
            f"Last 7 days: {plural(p.sessions_per_week, 'session')}, {p.minutes_per_week:g} minutes "
            f"(target: {p.target_per_week:g} a week).",
        )
    )
    console.print(
        hanging(
            "  ",
            f"Streak: {plural(p.streak_days, 'day')} in a row. "
            f"Weeks on target: {p.weeks_on_target} of {p.weeks_counted}.",
        )
    )
    console.print(Text(result.target_note, style="dim"))
    console.print()
    console.print(Text("Pain beside practice (mean pain in each kind of week)", style="bold"))
    console.print(hanging("  ", _group("weeks on target", result.pain_by_practice.on_target)))
    console.print(hanging("  ", _group("weeks below target", result.pain_by_practice.below_target)))
    console.print(Text(result.pain_by_practice.note, style="dim"))
    console.print()
    s = result.series
    console.print(Text(f"Last {len(s.days)} days (one mark a day, blank: none that day)", style="bold"))
    console.print(Text(f"  foot      {spark_gaps(s.foot, PAIN_TOP)}"))
    console.print(Text(f"  back      {spark_gaps(s.back, PAIN_TOP)}"))
    console.print(Text(f"  sessions  {session_marks(s.sessions)}"))
    plan = result.plan
    if plan.level is not None:
        console.print()
        review = f", next review {plan.next_review}" if plan.next_review else ""
        # The reason is stored text (an import or a hand edit could hold anything): shown, never obeyed.
        why = f": {safe_line(plan.reason)}" if plan.reason else ""
        console.print(Text(f"Plan: level {plan.level}{review}{why}"))


def function_lines(change: FunctionChange) -> list[str]:
    """The function score (PSFS) in plain sentences: the activities, the start against now, the rule."""
    # Activity names are stored text (an import could hold anything): shown on one line, never obeyed.
    names = "; ".join(safe_line(a) for a in change.activities)
    start = f"{num_text(change.start)} on {change.start_day}"
    if change.change is None:
        numbers = f"{start}; rate the same activities again from {change.next_due} to see a change"
    else:
        numbers = (
            f"{start}, {num_text(change.now)} on {change.now_day} ({num_text(change.change, signed=True)}): "
            f"{change.verdict}"
        )
    return [f"Function (0-10, higher is better) for {names}: {numbers}.", change.rule]


def _render_function(console: Console, change: FunctionChange) -> None:
    from rich.text import Text

    from footback.render.console import hanging

    console.print(
        Text("Function: activities your pain makes hard, 0 (unable) to 10 (as before)", style="bold")
    )
    line, rule = function_lines(change)
    console.print(hanging("  ", line))
    console.print(Text(rule, style="dim"))
    console.print()


def progress_lines(result: Progress) -> list[str]:
    """The verdicts, practice and pain beside practice as plain sentences (for the report)."""
    lines = []
    for name, change in (("Foot", result.foot_pain), ("Back", result.back_pain)):
        numbers = (
            f": {num_text(change.start)} at the start, {num_text(change.now)} in the last 7 days "
            f"({num_text(change.change, signed=True)})"
            if change.change is not None
            else f" ({change.start_checkins} and {change.now_checkins} check-ins)"
        )
        lines.append(f"{name} pain (0-10): {change.verdict}{numbers}.")
    lines.append(_rule(result))
    if result.function is not None:
        lines.extend(function_lines(result.function))
    p = result.practice
    lines.append(
        f"Practice: {plural(p.sessions_per_week, 'session')} in the last 7 days "
        f"(target {p.target_per_week:g} a week); {p.weeks_on_target} of {p.weeks_counted} weeks on target; "
        f"streak {plural(p.streak_days, 'day')}. " + result.target_note
    )
    by = result.pain_by_practice
    lines.append(
        _group("Weeks on target", by.on_target)
        + "; "
        + _group("weeks below target", by.below_target)
        + ". "
        + by.note
    )
    return lines


def _rule(result: Progress) -> str:
    """The meaningful-change sentence, cited from the content's sources."""
    from footback.content.loader import sources

    return result.rule(sources())
