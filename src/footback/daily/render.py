"""Drawing `footback progress` as a page: verdicts, practice, pain beside practice, sparklines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from footback.core.sparkline import sparkline
from footback.core.text import plural, safe_line
from footback.render.page import BLANK, Hang, Item, Line, Record, Rows
from footback.render.rows import draw_page

if TYPE_CHECKING:
    from rich.console import Console

    from footback.daily.function import FunctionChange
    from footback.daily.pain import PainChange
    from footback.daily.progress import Progress, WeekGroup

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


def _pain_row(name: str, change: PainChange) -> Record:
    """A pain verdict as table cells, and as a block: 'foot', the numbers, the verdict."""
    counts = f"({change.start_checkins} and {change.now_checkins} check-ins)"
    numbers = [num_text(change.start), num_text(change.now), num_text(change.change, signed=True)]
    details = [f"{header} {value}" for header, value in zip(PAIN_HEADERS[1:4], numbers, strict=True)]
    return Record([name, *numbers, change.verdict, counts], name, details, f"{change.verdict} {counts}")


def _group(label: str, group: WeekGroup) -> str:
    weeks = f"{group.weeks} week" + ("" if group.weeks == 1 else "s")
    if group.foot is None or group.back is None:
        return f"{label} ({weeks}): no check-ins"
    return f"{label} ({weeks}): foot {group.foot:.1f}, back {group.back:.1f}"


def render_progress(console: Console, result: Progress) -> None:
    draw_page(console, progress_page(result))


def progress_page(result: Progress) -> list[Item]:
    """The whole screen: pain, function, practice, pain beside practice, the last days, the plan."""
    today = result.today
    page: list[Item] = [
        Line(f"Is it helping? Your progress up to {today:%a} {today.day} {today:%b %Y}", "bold"),
        BLANK,
        Line("Pain, 0-10: your first week of check-ins against the last 7 days", "bold"),
        Rows(
            PAIN_HEADERS,
            [_pain_row("foot", result.foot_pain), _pain_row("back", result.back_pain)],
            wrap_last=True,
        ),
        Line(_rule(result), "dim"),
        BLANK,
    ]
    if result.function is not None:
        line, rule = function_lines(result.function)
        page += [
            Line("Function: activities your pain makes hard, 0 (unable) to 10 (as before)", "bold"),
            Hang("  ", line),
            Line(rule, "dim"),
            BLANK,
        ]
    p = result.practice
    page += [
        Line("Practice", "bold"),
        Hang(
            "  ",
            f"Last 7 days: {plural(p.sessions_per_week, 'session')}, {p.minutes_per_week:g} minutes "
            f"(target: {p.target_per_week:g} a week).",
        ),
        Hang(
            "  ",
            f"Streak: {plural(p.streak_days, 'day')} in a row. "
            f"Weeks on target: {p.weeks_on_target} of {p.weeks_counted}.",
        ),
        Line(result.target_note, "dim"),
        BLANK,
        Line("Pain beside practice (mean pain in each kind of week)", "bold"),
        Hang("  ", _group("weeks on target", result.pain_by_practice.on_target)),
        Hang("  ", _group("weeks below target", result.pain_by_practice.below_target)),
        Line(result.pain_by_practice.note, "dim"),
    ]
    return page + _series_page(result)


def _series_page(result: Progress) -> list[Item]:
    """The last days as marks, then the plan's level (when there is a plan)."""
    s = result.series
    page: list[Item] = [
        BLANK,
        Line(f"Last {len(s.days)} days (one mark a day, blank: none that day)", "bold"),
        Line(f"  foot      {spark_gaps(s.foot, PAIN_TOP)}"),
        Line(f"  back      {spark_gaps(s.back, PAIN_TOP)}"),
        Line(f"  sessions  {session_marks(s.sessions)}"),
    ]
    plan = result.plan
    if plan.level is not None:
        review = f", next review {plan.next_review}" if plan.next_review else ""
        # The reason is stored text (an import or a hand edit could hold anything): shown, never obeyed.
        why = f": {safe_line(plan.reason)}" if plan.reason else ""
        page += [BLANK, Line(f"Plan: level {plan.level}{review}{why}")]
    return page


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
