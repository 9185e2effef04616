"""The check-in's lines at 40, 60, 80 and 120 columns: every row fits, nothing is cut, and a retry
line ("  Not understood: ...") hangs under its own text."""

from __future__ import annotations

import pytest
from rich.console import Console

from footback.cli.context import AppContext
from footback.daily.checkin_flow import CheckinRequest, render_outcome, run_checkin
from tests.daily.test_checkin import NOW
from tests.support.context import Lines, set_wall
from tests.support.narrow import WIDTHS, assert_fits, assert_hangs, draw, whole


@pytest.mark.parametrize("width", WIDTHS)
def test_the_check_in_reads_whole_at_every_width(context: AppContext, width: int) -> None:
    def paint(console: Console) -> None:
        # The check-in draws on the context's console: the same stream, at this width.
        set_wall(context, NOW)
        context.stdout, context.width, context.stdin_tty = console.file, width, True  # type: ignore[assignment]
        typed = Lines(["eleven", "3", "4", "y", "", "sore after the walk"])

        def read_line() -> str:
            line = typed()
            console.file.write("\n")  # the Enter that ends the typed line (not footback's text)
            return line

        context.line_reader = read_line
        render_outcome(console, run_checkin(context, CheckinRequest()))

    rows = draw(width, paint)
    assert_fits(rows, width)
    retry = next(row.strip() for row in rows if row.startswith("  Not understood: "))
    for below in rows[rows.index("  " + retry) + 1 :]:
        if not below.startswith("  "):
            break
        retry += " " + below.strip()
    wrapped = assert_hangs(rows, retry)
    assert retry.endswith("Try again.") and (wrapped > 0) == (width < 120)
    assert whole(rows, "foot 3, back 4.")
