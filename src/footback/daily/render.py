"""Drawing `footback progress` with rich: verdicts, practice, pain beside practice, sparklines."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from footback.core.sparkline import sparkline
from footback.core.text import plural

if TYPE_CHECKING:
    from rich.console import Console

    from footback.daily.checkin import CheckIn
    from footback.daily.progress import PainChange, Progress, WeekGroup

PAIN_TOP = 10


def spark_gaps(values: Sequence[int | None], high: float) -> str:
    """A sparkline with a blank for each day without a value."""
    return "".join(" " if v is None else sparkline([v], low=0, high=high) for v in values)


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value:+.1f}" if signed else f"{value:.1f}"


def _pain_row(name: str, change: PainChange) -> list[str]:
    counts = f"({change.start_checkins} and {change.now_checkins} check-ins)"
    return [
        name,
        _num(change.start),
        _num(change.now),
        _num(change.change, signed=True),
        change.verdict,
        counts,
    ]


def _group(label: str, group: WeekGroup) -> str:
    weeks = f"{group.weeks} week" + ("" if group.weeks == 1 else "s")
    if group.foot is None or group.back is None:
        return f"  {label} ({weeks}): no check-ins"
    return f"  {label} ({weeks}): foot {group.foot:.1f}, back {group.back:.1f}"


def render_progress(console: Console, result: Progress) -> None:
    from rich.table import Table
    from rich.text import Text

    console.print(
        Text(
            f"Is it helping? Your progress up to {result.today:%a} {result.today.day} {result.today:%b %Y}",
            style="bold",
        )
    )
    console.print()
    console.print(Text("Pain, 0-10: your first week of check-ins against the last 7 days", style="bold"))
    table = Table(box=None, pad_edge=False, show_edge=False)
    for column in ("", "start", "now", "change", "verdict", ""):
        table.add_column(column, no_wrap=column != "")
    table.add_row(*_pain_row("foot", result.foot_pain))
    table.add_row(*_pain_row("back", result.back_pain))
    console.print(table)
    console.print(Text(_rule(result), style="dim"))
    console.print()
    p = result.practice
    console.print(Text("Practice", style="bold"))
    console.print(
        Text(
            f"  Last 7 days: {plural(p.sessions_per_week, 'session')}, {p.minutes_per_week:g} minutes "
            f"(target: {p.target_per_week:g} a week)."
        )
    )
    console.print(
        Text(
            f"  Streak: {plural(p.streak_days, 'day')} in a row. "
            f"Weeks on target: {p.weeks_on_target} of {p.weeks_counted}."
        )
    )
    console.print(Text(result.target_note, style="dim"))
    console.print()
    console.print(Text("Pain beside practice (mean pain in each kind of week)", style="bold"))
    console.print(Text(_group("weeks on target", result.pain_by_practice.on_target)))
    console.print(Text(_group("weeks below target", result.pain_by_practice.below_target)))
    console.print(Text(result.pain_by_practice.note, style="dim"))
    console.print()
    s = result.series
    console.print(Text(f"Last {len(s.days)} days (one mark a day, blank: no check-in)", style="bold"))
    top = max([3, *s.sessions])
    console.print(Text(f"  foot      {spark_gaps(s.foot, PAIN_TOP)}"))
    console.print(Text(f"  back      {spark_gaps(s.back, PAIN_TOP)}"))
    console.print(Text(f"  sessions  {spark_gaps(s.sessions, top)}"))
    plan = result.plan
    if plan.level is not None:
        console.print()
        review = f", next review {plan.next_review}" if plan.next_review else ""
        why = f": {plan.reason}" if plan.reason else ""
        console.print(Text(f"Plan: level {plan.level}{review}{why}"))


def render_checkins(
    console: Console, checkins: Sequence[CheckIn], result: Progress | None, rows: int
) -> None:
    """History's check-in section: the newest rows, then the progress verdicts in one line each."""
    from rich.table import Table
    from rich.text import Text

    from footback.core.text import safe_line
    from footback.history.render import CHECKINS

    console.print()
    console.print(CHECKINS[0], style="bold")
    if not checkins or result is None:
        console.print(f"  {CHECKINS[1]}", markup=False)
        return
    table = Table(box=None, pad_edge=False, show_edge=False)
    for header in ("day", "foot", "back", "note"):
        table.add_column(header)
    shown = list(checkins)[-rows:]
    for c in shown:
        note = safe_line(c.note or "")
        if c.warning_signs:
            note = ("warning sign; " + note).rstrip("; ")
        table.add_row(c.day.isoformat(), str(c.foot), str(c.back), Text(note))
    console.print(table)
    if len(checkins) > len(shown):
        console.print(f"  ... and {len(checkins) - len(shown)} earlier (see --json)", style="dim")
    for name, change in (("foot", result.foot_pain), ("back", result.back_pain)):
        numbers = f" ({_num(change.start)} -> {_num(change.now)})" if change.change is not None else ""
        console.print(Text(f"  {name} pain: {change.verdict}{numbers}"))


def progress_lines(result: Progress) -> list[str]:
    """The verdicts, practice and pain beside practice as plain sentences (for the report)."""
    lines = []
    for name, change in (("Foot", result.foot_pain), ("Back", result.back_pain)):
        numbers = (
            f": {_num(change.start)} at the start, {_num(change.now)} in the last 7 days "
            f"({_num(change.change, signed=True)})"
            if change.change is not None
            else f" ({change.start_checkins} and {change.now_checkins} check-ins)"
        )
        lines.append(f"{name} pain (0-10): {change.verdict}{numbers}.")
    lines.append(_rule(result))
    p = result.practice
    lines.append(
        f"Practice: {p.sessions_per_week} sessions in the last 7 days (target {p.target_per_week:g} a week); "
        f"{p.weeks_on_target} of {p.weeks_counted} weeks on target; streak {p.streak_days} days. "
        + result.target_note
    )
    by = result.pain_by_practice
    lines.append(
        _group("Weeks on target", by.on_target).strip()
        + "; "
        + _group("weeks below target", by.below_target).strip()
        + ". "
        + by.note
    )
    return lines


def _rule(result: Progress) -> str:
    """The meaningful-change sentence, cited from the content's sources."""
    from footback.content.loader import sources

    return result.rule(sources())
