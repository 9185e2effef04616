"""Calendar dates people type (`--since`, `--date`) and the years footback accepts anywhere."""

from __future__ import annotations

from datetime import date

from footback.core.errors import BadInputError
from footback.core.text import excerpt

# Outside these years a date overflows when moved to another time zone or a week later, and no
# real record is there: typed dates and imported records are held to the same range.
MIN_YEAR, MAX_YEAR = 1900, 2999


def parse_date(text: str, option: str, example: date) -> date:
    """A YYYY-MM-DD date from an option, or one `footback: error:` line naming the option."""
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise BadInputError(
            f"{option}: {excerpt(text)} is not a date; use YYYY-MM-DD, e.g. {example}"
        ) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise BadInputError(f"{option}: {day} is out of range; use a date from {MIN_YEAR} to {MAX_YEAR}")
    return day


def day_text(day: date) -> str:
    """A day as screens show it: 'Mon 2 Mar 2026'."""
    return f"{day:%a} {day.day} {day:%b %Y}"
