"""Drawing `footback history` in the terminal: tables, trend lines, streak."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from footback.core.models import SCORE_NAMES
from footback.core.sparkline import direction, sparkline
from footback.core.text import minutes_text, plural, safe_line, verdict_text
from footback.records.history import History, ScoreEntry

if TYPE_CHECKING:
    from rich.console import Console

# Long histories: the terminal shows the most recent rows; --since or --json give the rest.
MAX_ROWS = 15
# One character per assessment; the newest ones when there are more.
MAX_TREND_POINTS = 40
# What the screen draws from: `load_history(limit=ROWS_READ)` reads no more than this per kind.
ROWS_READ = max(MAX_ROWS, MAX_TREND_POINTS)
# Each section's heading, and what it says when nothing of its kind is stored.
ASSESSMENTS = ("Assessments", "none yet: run `footback assess` to make the first one")
SESSIONS = ("Stretch sessions", "none yet: try `footback stretch`")
SHOE_CHECKS = ("Shoe checks", "none yet: try `footback shoes-check`")
CHECKINS = ("Check-ins", "none yet: try `footback checkin`")


def stopped_text(done: int, total: int, skipped: int) -> str:
    """'stopped (0 of 4 steps, 2 skipped)': done out of the routine's steps, then what was skipped."""
    text = f"stopped ({done} of {plural(total, 'step')}"
    return text + (f", {skipped} skipped)" if skipped else ")")


def when(stamp: datetime, tz: tzinfo | None) -> str:
    return stamp.astimezone(tz).strftime("%Y-%m-%d %H:%M")


def _score_cell(entry: ScoreEntry | None) -> str:
    # A warning sign stopped that assessment before it was scored: no 0/0/0 to mislead.
    return "  -" if entry is None else f"{entry.score:>3} {entry.level}"


def _more(console: Console, hidden: int, what: str) -> None:
    """'... 1 earlier session not shown'; `what` is singular."""
    if hidden > 0:
        console.print(
            f"  ... {plural(hidden, 'earlier ' + what)} not shown (use --since DATE or --json)", style="dim"
        )


def _total(history: History, kind: str) -> int:
    """How many records of a kind are stored (the history may hold only the newest)."""
    return max(history.totals.get(kind, 0), len(getattr(history, kind)))


def streak_line(history: History) -> str:
    minutes = history.week_minutes
    return (
        f"Streak: {plural(history.streak_days, 'day')} in a row with a routine. "
        f"This week: {minutes_text(minutes)} minute{'' if minutes == 1 else 's'}."
    )


def _heading_lines(history: History) -> list[str]:
    lines = [f"Data file: {safe_line(history.data_file)}"]
    if history.since is not None:
        lines.append(f"Since {history.since.isoformat()}")
    return lines


def nothing_stored_text(history: History) -> str:
    """The screen before anything is stored, as plain text: the same words as `render_history`
    draws for empty sections, without rich (a new user's first `history` starts faster)."""
    lines = _heading_lines(history)
    for heading, none_yet in (ASSESSMENTS, SESSIONS, SHOE_CHECKS, CHECKINS):
        lines += ["", heading, f"  {none_yet}"]
        if heading == SESSIONS[0]:
            lines.append(streak_line(history))
    return "\n".join(lines)


def render_history(console: Console, history: History, tz: tzinfo | None) -> None:
    """The whole screen; every trend is drawn in characters, so it reads without colour."""
    from rich.table import Table
    from rich.text import Text

    # soft_wrap: the path stays on one line, whole, so it can be copied.
    data_file, *since = _heading_lines(history)
    console.print(Text(data_file), style="dim", soft_wrap=True)
    for since_line in since:
        console.print(since_line)

    console.print()
    console.print(ASSESSMENTS[0], style="bold")
    if not history.assessments:
        console.print(f"  {ASSESSMENTS[1]}", markup=False)
    else:
        table = Table(box=None, pad_edge=False, show_edge=False)
        for header in ("date", *SCORE_NAMES, ""):
            table.add_column(header)
        shown = history.assessments[-MAX_ROWS:]
        for a in shown:
            sign = f"{a.triage} warning sign: {'; '.join(a.warning_signs)}" if a.urgent else ""
            table.add_row(
                when(a.created_at, tz),
                *(_score_cell(a.score(n)) for n in SCORE_NAMES),
                Text(safe_line(" ".join(filter(None, ["quick" if a.quick else "", sign])))),
            )
        console.print(table)
        _more(console, _total(history, "assessments") - len(shown), "assessment")

        console.print()
        console.print("Score trends (oldest to newest, 0-100; higher means more risk)", style="bold")
        for name in SCORE_NAMES:
            values = history.trends[name][-MAX_TREND_POINTS:]
            line = Text(f"  {name:<5} ")
            if not values:  # every assessment so far stopped at a warning sign
                console.print(line.append("no scored assessment yet"))
                continue
            line.append(sparkline(values))
            arrow = {"up": "rising", "down": "falling", "same": "no change", "": ""}[direction(values)]
            span = f"{values[0]} -> {values[-1]}" if len(values) > 1 else f"{values[-1]}"
            line.append(f"  {span}" + (f" ({arrow})" if arrow else ""))
            console.print(line)

    console.print()
    console.print(SESSIONS[0], style="bold")
    if not history.sessions:
        console.print(f"  {SESSIONS[1]}", markup=False)
    else:
        table = Table(box=None, pad_edge=False, show_edge=False)
        for header, justify in (("date", "left"), ("routine", "left"), ("minutes", "right"), ("", "left")):
            table.add_column(header, justify=justify)  # type: ignore[arg-type]
        shown_sessions = history.sessions[-MAX_ROWS:]
        for s in shown_sessions:
            table.add_row(
                when(s.started_at, tz),
                Text(safe_line(s.routine)),
                minutes_text(s.minutes),
                "finished" if s.finished else stopped_text(s.steps_done, s.steps_total, s.steps_skipped),
            )
        console.print(table)
        _more(console, _total(history, "sessions") - len(shown_sessions), "session")
    console.print(streak_line(history))

    console.print()
    console.print(SHOE_CHECKS[0], style="bold")
    if not history.shoe_checks:
        console.print(f"  {SHOE_CHECKS[1]}", markup=False)
    else:
        table = Table(box=None, pad_edge=False, show_edge=False)
        for header in ("date", "pair", "verdict", "score"):
            table.add_column(header)
        shown_checks = history.shoe_checks[-MAX_ROWS:]
        for c in shown_checks:
            table.add_row(
                when(c.created_at, tz),
                Text(safe_line(c.pair or "-")),
                safe_line(verdict_text(c.verdict)),
                str(c.score),
            )
        console.print(table)
        _more(console, _total(history, "shoe_checks") - len(shown_checks), "shoe check")
