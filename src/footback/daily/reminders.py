"""`footback remind` behind the option parsing: the calendar file of daily reminders."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from footback.daily.ics import Reminder


def _known_routines(plan_saved: bool) -> list[str]:
    from footback.core.models import PLAN_NAME
    from footback.stretch import catalogue

    return [*catalogue.names(), *([PLAN_NAME] if plan_saved else [])]


def _minutes(folder: Path, name: str) -> int:
    """A routine's length in whole minutes, for the calendar event (10 when it cannot be read)."""
    from footback.core.errors import FootbackError
    from footback.core.models import PLAN_NAME
    from footback.stretch import catalogue

    try:
        routine = catalogue.load_saved_plan(folder) if name == PLAN_NAME else catalogue.load_builtin(name)
    except FootbackError:
        return 10
    return max(1, round(routine.total_seconds() / 60))


def _calendar(
    folder: Path, *, at: list[str], routine: str | None, now: datetime
) -> tuple[list[Reminder], str]:
    """The reminders asked for (the day's slots without `at`) and their iCalendar text."""
    from footback import __version__
    from footback.core.paths import plan_path
    from footback.daily.content import load_daily_content
    from footback.daily.ics import calendar
    from footback.daily.remind import chosen_slots, reminders

    rule = load_daily_content().remind
    saved = plan_path(folder).is_file()
    slots = chosen_slots(rule, at=at, routine=routine, plan_saved=saved, known=_known_routines(saved))
    made = reminders(rule, slots, lambda name: _minutes(folder, name))
    return made, calendar(made, stamp=now, start=now.date(), version=__version__)


def write_reminders(
    folder: Path, path: Path, *, at: list[str], routine: str | None, now: datetime
) -> list[Reminder]:
    """Write the iCalendar file of daily reminders to the person's `path`; returns what it holds."""
    from footback.core.files import write_output

    made, text = _calendar(folder, at=at, routine=routine, now=now)
    # Same rules as --output: never into footback's own folder, a device is written in place, - is stdout.
    write_output(path, text, folder, "--ics")
    return made


def write_own_reminders(folder: Path, now: datetime) -> tuple[list[Reminder], Path]:
    """The day's reminders written as footback's own file in the data folder (0600; `forget`
    deletes it: records/folder.py); returns what it holds and where it went."""
    from footback.core.files import write_private
    from footback.core.paths import ensure_data_dir
    from footback.records.folder import REMINDER_FILE

    made, text = _calendar(folder, at=[], routine=None, now=now)
    path = ensure_data_dir(folder) / REMINDER_FILE
    write_private(path, text)
    return made, path
