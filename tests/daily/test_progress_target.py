"""`footback progress` gives the practice target once, in one unit (sessions a week), with the
note that it is a habit target and not a clinical threshold (users item 6: it said "target: 3 a
week" and then "The target of 6 sessions in 14 days ...")."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from footback.daily.content import load_daily_content
from footback.daily.render import progress_lines, render_progress
from tests.daily.test_progress import stored
from tests.support.narrow import draw

PRACTICE = load_daily_content().practice
# Any statement of a target in sessions: "target: 3 a week", "target 3 a week", "6 sessions in 14 days".
STATED = re.compile(r"target:? \d+(\.\d+)? a week|\d+ sessions? in \d+ days", re.IGNORECASE)


def _texts(home: Path) -> tuple[str, str]:
    """The progress screen as drawn at 80 columns, and the report's plain lines."""
    result = stored(home, [], [date(2026, 3, d) for d in (16, 17, 18, 25, 30, 31)])
    rows = draw(80, lambda console: render_progress(console, result))
    return " ".join(" ".join(rows).split()), " ".join(progress_lines(result))


def test_the_target_is_stated_once_in_sessions_a_week(home: Path) -> None:
    week = f"{PRACTICE.per_week:g} a week"
    for text in _texts(home):
        assert [m.group(0).lower() for m in STATED.finditer(text)] in (
            [f"target: {week}"],
            [f"target {week}"],
        ), text
        assert "a habit target" in text and "not a clinical threshold" in text
    assert PRACTICE.sources == ["adherence_heuristic"]  # the note's content keeps its citation
