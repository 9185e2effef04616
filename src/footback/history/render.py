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
from footback.render.page import BLANK, Hang, Item, Line, Record, Rows

if TYPE_CHECKING:
    from footback.daily.pain import PainVerdicts
    from footback.history.service import HistoryShown
    from footback.models.checkin import CheckIn

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


def _more(hidden: int, what: str) -> list[Item]:
    """'... 1 earlier session not shown'; `what` is singular."""
    if hidden <= 0:
        return []
    return [
        Hang("  ", f"... {plural(hidden, 'earlier ' + what)} not shown (use --since DATE or --json)", "dim")
    ]


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
    """The screen before anything is stored, as plain text: the same words as `history_page`
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


def shown_page(shown: HistoryShown, width: int) -> list[Item]:
    """The whole screen: the records, then the check-ins with their pain verdicts."""
    return history_page(shown.history, width) + checkins_page(
        shown.checkins, shown.verdicts, MAX_ROWS, shown.checkins_total
    )


def history_page(history: History, width: int) -> list[Item]:
    """The records' sections; every trend is drawn in characters, so it reads without colour."""
    # whole: the path stays on one line, so it can be copied.
    data_file, *since = _heading_lines(history)
    page: list[Item] = [Line(data_file, "dim", whole=True, outer=True), *(Line(line) for line in since)]
    page += [BLANK, Line(ASSESSMENTS[0], "bold", outer=True)]
    if not history.assessments:
        page.append(Hang("  ", ASSESSMENTS[1]))
    else:
        shown = history.assessments[-MAX_ROWS:]
        page.append(Rows(("date", *SCORE_NAMES, ""), [_assessment_row(a) for a in shown], wrap_last=True))
        page += _more(_total(history, "assessments") - len(shown), "assessment")
        page += [
            BLANK,
            Line("Score trends (oldest to newest, 0-100; higher means more risk)", "bold", outer=True),
        ]
        page += [_trend(name, history.trends[name], width) for name in SCORE_NAMES]

    page += [BLANK, Line(SESSIONS[0], "bold", outer=True)]
    if not history.sessions:
        page.append(Hang("  ", SESSIONS[1]))
    else:
        sessions = history.sessions[-MAX_ROWS:]
        headers = ("date", "routine", "minutes", "")
        page.append(Rows(headers, [_session_row(s) for s in sessions], right=("minutes",), wrap_last=True))
        page += _more(_total(history, "sessions") - len(sessions), "session")
    page.append(Hang("", streak_line(history)))

    page += [BLANK, Line(SHOE_CHECKS[0], "bold", outer=True)]
    if not history.shoe_checks:
        page.append(Hang("  ", SHOE_CHECKS[1]))
    else:
        checks = history.shoe_checks[-MAX_ROWS:]
        page.append(Rows(("date", "pair", "verdict", "score"), [_check_row(c) for c in checks]))
        page += _more(_total(history, "shoe_checks") - len(checks), "shoe check")
    return page


def _assessment_row(a: AssessmentEntry) -> Record:
    sign = f"{a.triage} warning sign: {'; '.join(a.warning_signs)}" if a.urgent else ""
    note = safe_line(" ".join(filter(None, ["quick" if a.quick else "", sign])))
    scores = [_score_cell(a.score(n)) for n in SCORE_NAMES]
    details = [f"{n} {cell.strip()}" for n, cell in zip(SCORE_NAMES, scores, strict=True)]
    date = when(a.created_at)
    return Record([date, *scores, note], date, details, note)


def _session_row(s: SessionEntry) -> Record:
    date, routine, minutes = when(s.started_at), safe_line(s.routine), minutes_text(s.minutes)
    if s.logged:
        # Logged afterwards (`footback log`): the day is what was told, the time of day is not.
        date, ended = f"{s.started_at:%Y-%m-%d}", "logged, not timed"
    else:
        ended = "finished" if s.finished else stopped_text(s.steps_done, s.steps_total, s.steps_skipped)
    return Record([date, routine, minutes, ended], date, [routine, minutes_phrase(s.minutes), ended])


def _check_row(c: CheckEntry) -> Record:
    date, pair = when(c.created_at), safe_line(c.pair or "-")
    verdict = safe_line(verdict_text(c.verdict))
    return Record([date, pair, verdict, str(c.score)], date, [pair, verdict, f"score {c.score}"])


def _trend(name: str, values: Sequence[int], width: int) -> Hang:
    """'  foot  ▁▂▅  0 -> 62 (rising)': the newest points that fit the width, one per assessment."""
    lead = f"  {name:<5} "
    if not values:  # every assessment so far stopped at a warning sign
        return Hang(lead, "no scored assessment yet")
    values = values[-max(1, min(MAX_TREND_POINTS, width - len(lead))) :]
    arrow = {"up": "rising", "down": "falling", "same": "no change", "": ""}[direction(values)]
    span = f"{values[0]} -> {values[-1]}" if len(values) > 1 else f"{values[-1]}"
    return Hang(lead, sparkline(values) + f"  {span}" + (f" ({arrow})" if arrow else ""))


def checkins_page(
    checkins: Sequence[CheckIn], result: PainVerdicts | None, rows: int, total: int = 0
) -> list[Item]:
    """History's check-in section: the newest rows, then the progress verdicts in one line each.

    `total`: how many check-ins are stored from the first day asked for, when `checkins` holds only
    the newest of them (the rest are counted in the line under the rows)."""
    page: list[Item] = [BLANK, Line(CHECKINS[0], "bold", outer=True)]
    if not checkins or result is None:
        return [*page, Hang("  ", CHECKINS[1])]
    shown = list(checkins)[-rows:]
    page.append(Rows(("day", "foot", "back", "note"), [_checkin_row(c) for c in shown], wrap_last=True))
    earlier = max(total, len(checkins)) - len(shown)
    if earlier > 0:
        page.append(Hang("  ", f"... and {earlier} earlier (see --json)", "dim"))
    for name, change in (("foot", result.foot_pain), ("back", result.back_pain)):
        numbers = (
            f" ({num_text(change.start)} -> {num_text(change.now)})" if change.change is not None else ""
        )
        page.append(Hang("  ", f"{name} pain: {change.verdict}{numbers}"))
    return page


def _checkin_row(c: CheckIn) -> Record:
    """A check-in as table cells, and as a block: its day, then the pains and the note two in."""
    note = safe_line(c.note or "")
    if c.warning_signs:
        note = ("warning sign; " + note).rstrip("; ")
    day = c.day.isoformat()
    return Record([day, str(c.foot), str(c.back), note], day, [f"foot {c.foot}", f"back {c.back}"], note)
