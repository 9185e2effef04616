"""The check-in's lines at 40, 60, 80 and 120 columns: every row fits, nothing is cut, and a retry
line ("  Not understood: ...") hangs under its own text."""

from __future__ import annotations

from pathlib import Path

import pytest

from footback.daily.checkin_flow import CheckinRequest, render_outcome, run_checkin
from footback.records.db import open_store
from tests.daily.test_checkin import NOW, answers
from tests.support.narrow import WIDTHS, assert_fits, assert_hangs, draw, whole


@pytest.mark.parametrize("width", WIDTHS)
def test_the_check_in_reads_whole_at_every_width(home: Path, width: int) -> None:
    _, ask = answers("eleven", "3", "4", "sore after the walk", "")

    def paint(console: object) -> None:
        with open_store(home) as store:
            outcome = run_checkin(store, CheckinRequest(), now=NOW, ask=ask, console=console)  # type: ignore[arg-type]
        render_outcome(console, outcome)  # type: ignore[arg-type]

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
