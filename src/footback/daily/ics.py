"""Reminders as an iCalendar file (RFC 5545), written by hand: no daemon, any calendar imports it.

Lines end in CRLF and are folded at 75 octets; each reminder has a stable UID (from its routine
and time), so importing a new file updates the events instead of adding copies. Times are
floating local times: 07:00 stays 07:00 wherever the person is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import NamedTuple

from footback.core.errors import BadInputError

FOLD_OCTETS = 75
CRLF = "\r\n"


class Reminder(NamedTuple):
    at: time
    routine: str
    summary: str
    description: str
    minutes: int


def parse_at(text: str) -> time:
    """`--at HH:MM`, 24-hour clock; a one-digit hour (`7:30`) is read as people write it."""
    found = _AT.fullmatch(text.strip())
    if found is None:
        raise BadInputError(f"--at: {text.strip()[:20]!r} is not a time; use HH:MM, 24-hour, e.g. 07:30")
    return time(int(found.group(1)), int(found.group(2)))


# ASCII digits only (int() would also read other scripts' digits).
_AT = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])", re.ASCII)


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    out = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return out.replace("\r\n", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    parts: list[str] = []
    current = ""
    size = 0
    limit = FOLD_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, FOLD_OCTETS - 1  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def uid(reminder: Reminder) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in reminder.routine)
    return f"footback-{safe}-{reminder.at:%H%M}@footback.invalid"


def calendar(reminders: Sequence[Reminder], *, stamp: datetime, start: date, version: str) -> str:
    """The whole VCALENDAR, one daily VEVENT with a VALARM per reminder."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//footback//footback {version}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    utc = stamp.astimezone(UTC)
    for reminder in reminders:
        begins = datetime.combine(start, reminder.at)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid(reminder)}",
            f"DTSTAMP:{utc:%Y%m%dT%H%M%SZ}",
            f"DTSTART:{begins:%Y%m%dT%H%M%S}",
            f"DURATION:PT{max(reminder.minutes, 1)}M",
            "RRULE:FREQ=DAILY",
            f"SUMMARY:{escape_text(reminder.summary)}",
            f"DESCRIPTION:{escape_text(reminder.description)}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(reminder.summary)}",
            "TRIGGER:PT0S",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
