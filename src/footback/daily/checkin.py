"""Check-in rules as plain functions: pain scores, notes, which day, what is stored."""

from __future__ import annotations

from datetime import date, timedelta

from footback.core.dates import parse_date
from footback.core.errors import BadInputError
from footback.core.text import UNSAFE
from footback.core.units import read_whole, split_scale
from footback.models.checkin import MAX_NOTE, PAIN_MAX, PAIN_MIN

# How far back `--date` reaches: a missed day, not a typo a decade back (2015 for 2025), which
# would become the "start" of every progress verdict from then on.
MAX_DAYS_BACK = 365


def check_pain(value: int, where: str) -> int:
    """A pain score is a whole number from 0 to 10."""
    if not PAIN_MIN <= value <= PAIN_MAX:
        raise BadInputError(
            f"{where}: {value} is out of range; use a whole number from 0 (none) to 10 (worst)"
        )
    return value


def parse_pain(text: str, where: str) -> int:
    """A typed pain score ("6", or "6/10" as assess takes it too); the error says what is allowed."""
    scale = split_scale(text)
    if scale is not None and scale[1] == PAIN_MAX and scale[0].is_integer():
        return check_pain(int(scale[0]), where)
    value = read_whole(text)  # never int(): it reads "1_0" as 10
    if value is None:
        raise BadInputError(
            f"{where}: {text.strip()[:20]!r} is not a number; use a whole number from 0 to 10"
        )
    return check_pain(value, where)


def check_note(text: str | None) -> str | None:
    """An optional one-line note of at most MAX_NOTE characters; blank means none."""
    if text is None or not text.strip():
        return None
    note = text.strip()
    if len(note) > MAX_NOTE:
        raise BadInputError(f"--note: {len(note)} characters is too long; at most {MAX_NOTE}")
    # Notes are shown on screens and in reports: refuse what could drive a terminal.
    if UNSAFE.search(note):
        raise BadInputError("--note: control characters are not allowed; use plain text on one line")
    return note


def parse_day(text: str | None, today: date, what: str = "a check-in") -> date:
    """The day of a check-in (or of `what`, a logged session): today by default, a past day for a
    missed one, never the future, at most MAX_DAYS_BACK back."""
    if text is None:
        return today
    day = parse_date(text, "--date", today)
    if day > today:
        raise BadInputError(f"--date: {day} is in the future; {what} is for today ({today}) or a past day")
    if (today - day).days > MAX_DAYS_BACK:
        raise BadInputError(
            f"--date: {day} is more than {MAX_DAYS_BACK} days ago; {what} is for today ({today}) "
            f"or a missed day since {today - timedelta(days=MAX_DAYS_BACK)}"
        )
    return day
