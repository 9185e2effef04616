"""Drawing `footback history` in the terminal: tables, trend lines, streak."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from footback.core.models import SCORE_NAMES
from footback.core.sparkline import direction, sparkline
from footback.core.text import minutes_phrase, minutes_text, plural, safe_line, verdict_text
from footback.daily.render import num_text
from footback.history.model import AssessmentEntry, CheckEntry, History, ScoreEntry, SessionEntry

if TYPE_CHECKING:
    from rich.console import Console

    from footback.daily.pain import PainVerdicts
    from footback.history.service import HistoryShown
    from footback.models.checkin import CheckIn
    from footback.render.console import Hanging
    from footback.render.rows import Row

# Long histories: the terminal shows the most recent rows; --since or --json give the rest.
MAX_ROWS = 15
# One character per assessment; the newest ones when there are more (or more than fit the width).
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


def when(stamp: datetime) -> str:
    """A record's date and time as history shows it: on the clock it was written by (the entries
    hold their local time, records/window.py), never moved to today's offset."""
    return stamp.strftime("%Y-%m-%d %H:%M")


def _score_cell(entry: ScoreEntry | None) -> str:
    # A warning sign stopped that assessment before it was scored: no 0/0/0 to mislead.
    return "  -" if entry is None else f"{entry.score:>3} {entry.level}"


def _more(console: Console, hidden: int, what: str) -> None:
    """'... 1 earlier session not shown'; `what` is singular."""
    from footback.render.console import hanging

    if hidden > 0:
        more = f"... {plural(hidden, 'earlier ' + what)} not shown (use --since DATE or --json)"
        console.print(hanging("  ", more, "dim"))


def _total(history: History, kind: str) -> int:
    """How many records of a kind are stored (the history may hold only the newest)."""
    return max(history.totals.get(kind, 0), len(getattr(history, kind)))


def streak_line(history: History) -> str:
    return (
        f"Streak: {plural(history.streak_days, 'day')} in a row with a routine. "
        f"This week: {minutes_phrase(history.week_minutes)}."
    )


def _heading_lines(history: History) -> list[str]:
    lines = [f"Data file: {safe_line(history.data_file)}"]
    if history.since is not None:
        lines.append(f"Since {history.since.isoformat()}")
    return lines


def nothing_stored_text(history: History, width: int = 80) -> str:
    """The screen before anything is stored, as plain text: the same words as `render_history`
    draws for empty sections, wrapped the same way, without rich (a new user's first `history`
    starts faster)."""
    import textwrap

    def wrapped(text: str, indent: str = "") -> list[str]:
        # As `hanging` wraps: by word, never inside one, each line under the first.
        return textwrap.wrap(
            text,
            width,
            initial_indent=indent,
            subsequent_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        )

    lines = _heading_lines(history)
    for heading, none_yet in (ASSESSMENTS, SESSIONS, SHOE_CHECKS, CHECKINS):
        lines += ["", heading, *wrapped(none_yet, "  ")]
        if heading == SESSIONS[0]:
            lines += wrapped(streak_line(history))
    return "\n".join(lines)


def render_shown(console: Console, shown: HistoryShown) -> None:
    """The whole screen: the records, then the check-ins with their pain verdicts."""
    render_history(console, shown.history)
    render_checkins(console, shown.checkins, shown.verdicts, MAX_ROWS, shown.checkins_total)


def render_history(console: Console, history: History) -> None:
    """The whole screen; every trend is drawn in characters, so it reads without colour."""
    from rich.text import Text

    from footback.render.console import hanging
    from footback.render.rows import draw_rows

    # soft_wrap: the path stays on one line, whole, so it can be copied.
    data_file, *since = _heading_lines(history)
    console.print(Text(data_file), style="dim", soft_wrap=True)
    for since_line in since:
        console.print(since_line)

    console.print()
    console.print(ASSESSMENTS[0], style="bold")
    if not history.assessments:
        console.print(hanging("  ", ASSESSMENTS[1]))
    else:
        shown = history.assessments[-MAX_ROWS:]
        draw_rows(console, ("date", *SCORE_NAMES, ""), [_assessment_row(a) for a in shown], wrap_last=True)
        _more(console, _total(history, "assessments") - len(shown), "assessment")

        console.print()
        console.print("Score trends (oldest to newest, 0-100; higher means more risk)", style="bold")
        for name in SCORE_NAMES:
            console.print(_trend(name, history.trends[name], console.width))

    console.print()
    console.print(SESSIONS[0], style="bold")
    if not history.sessions:
        console.print(hanging("  ", SESSIONS[1]))
    else:
        shown_sessions = history.sessions[-MAX_ROWS:]
        draw_rows(
            console,
            ("date", "routine", "minutes", ""),
            [_session_row(s) for s in shown_sessions],
            right=("minutes",),
            wrap_last=True,
        )
        _more(console, _total(history, "sessions") - len(shown_sessions), "session")
    console.print(hanging("", streak_line(history)))

    console.print()
    console.print(SHOE_CHECKS[0], style="bold")
    if not history.shoe_checks:
        console.print(hanging("  ", SHOE_CHECKS[1]))
    else:
        shown_checks = history.shoe_checks[-MAX_ROWS:]
        draw_rows(console, ("date", "pair", "verdict", "score"), [_check_row(c) for c in shown_checks])
        _more(console, _total(history, "shoe_checks") - len(shown_checks), "shoe check")


def _assessment_row(a: AssessmentEntry) -> Row:
    from rich.text import Text

    from footback.render.rows import Block, Row

    sign = f"{a.triage} warning sign: {'; '.join(a.warning_signs)}" if a.urgent else ""
    note = Text(safe_line(" ".join(filter(None, ["quick" if a.quick else "", sign]))))
    scores = [_score_cell(a.score(n)) for n in SCORE_NAMES]
    details = [Text(f"{n} {cell.strip()}") for n, cell in zip(SCORE_NAMES, scores, strict=True)]
    date = Text(when(a.created_at))
    return Row([date, *(Text(cell) for cell in scores), note], Block(date, details, note))


def _session_row(s: SessionEntry) -> Row:
    from rich.text import Text

    from footback.render.rows import Block, Row

    date, routine, minutes = Text(when(s.started_at)), Text(safe_line(s.routine)), minutes_text(s.minutes)
    if s.logged:
        # Logged afterwards (`footback log`): the day is what was told, the time of day is not.
        date, ended = Text(f"{s.started_at:%Y-%m-%d}"), Text("logged, not timed")
    else:
        ended = Text("finished" if s.finished else stopped_text(s.steps_done, s.steps_total, s.steps_skipped))
    spent = Text(minutes_phrase(s.minutes))
    return Row([date, routine, Text(minutes), ended], Block(date, [routine, spent, ended]))


def _check_row(c: CheckEntry) -> Row:
    from rich.text import Text

    from footback.render.rows import Block, Row

    date, pair = Text(when(c.created_at)), Text(safe_line(c.pair or "-"))
    verdict = Text(safe_line(verdict_text(c.verdict)))
    return Row(
        [date, pair, verdict, Text(str(c.score))], Block(date, [pair, verdict, Text(f"score {c.score}")])
    )


def _trend(name: str, values: Sequence[int], width: int) -> Hanging:
    """'  foot  ▁▂▅  0 -> 62 (rising)': the newest points that fit the width, one per assessment."""
    from rich.text import Text

    from footback.render.console import Hanging

    lead = f"  {name:<5} "
    if not values:  # every assessment so far stopped at a warning sign
        return Hanging(lead, Text("no scored assessment yet"))
    values = values[-max(1, min(MAX_TREND_POINTS, width - len(lead))) :]
    arrow = {"up": "rising", "down": "falling", "same": "no change", "": ""}[direction(values)]
    span = f"{values[0]} -> {values[-1]}" if len(values) > 1 else f"{values[-1]}"
    return Hanging(lead, Text(sparkline(values) + f"  {span}" + (f" ({arrow})" if arrow else "")))


def render_checkins(
    console: Console, checkins: Sequence[CheckIn], result: PainVerdicts | None, rows: int, total: int = 0
) -> None:
    """History's check-in section: the newest rows, then the progress verdicts in one line each.

    `total`: how many check-ins are stored from the first day asked for, when `checkins` holds only
    the newest of them (the rest are counted in the line under the rows)."""
    from footback.render.console import hanging
    from footback.render.rows import draw_rows

    console.print()
    console.print(CHECKINS[0], style="bold")
    if not checkins or result is None:
        console.print(hanging("  ", CHECKINS[1]))
        return
    shown = list(checkins)[-rows:]
    draw_rows(console, ("day", "foot", "back", "note"), [_checkin_row(c) for c in shown], wrap_last=True)
    earlier = max(total, len(checkins)) - len(shown)
    if earlier > 0:
        console.print(hanging("  ", f"... and {earlier} earlier (see --json)", "dim"))
    for name, change in (("foot", result.foot_pain), ("back", result.back_pain)):
        numbers = (
            f" ({num_text(change.start)} -> {num_text(change.now)})" if change.change is not None else ""
        )
        console.print(hanging("  ", f"{name} pain: {change.verdict}{numbers}"))


def _checkin_row(c: CheckIn) -> Row:
    """A check-in as table cells, and as a block: its day, then the pains and the note two in."""
    from rich.text import Text

    from footback.core.text import safe_line
    from footback.render.rows import Block, Row

    note = safe_line(c.note or "")
    if c.warning_signs:
        note = ("warning sign; " + note).rstrip("; ")
    day = Text(c.day.isoformat())
    cells = [day, Text(str(c.foot)), Text(str(c.back)), Text(note)]
    return Row(cells, Block(day, [Text(f"foot {c.foot}"), Text(f"back {c.back}")], Text(note)))
