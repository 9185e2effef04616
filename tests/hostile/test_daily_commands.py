"""The hostile corpus for the commands added since round two: checkin, log, plan --review and
--level, remind, due, progress, today and prompt. Each bad value is one `footback: error:` line, exit 2,
nothing raw, no traceback, and nothing stored or changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.hostile import EVIL, clean, digest, invoke, refused, seed_everything

LONG = "9" * 5000

BAD: list[tuple[list[str], str]] = [
    (["checkin", "--foot", LONG, "--back", "1"], "--foot"),
    (["checkin", "--foot", "-1", "--back", "1"], "--foot"),
    (["checkin", "--foot", "nan", "--back", "1"], "--foot"),
    (["checkin", "--foot", "٣", "--back", "1"], "--foot"),
    (["checkin", "--foot", "1", "--back", "1", "--note", EVIL], "--note"),
    (["checkin", "--foot", "1", "--back", "1", "--note", "x" * 501], "--note"),
    (["checkin", "--foot", "1", "--back", "1", "--date", EVIL], "--date"),
    (["checkin", "--foot", "1", "--back", "1", "--date", "2026-W49-1"], "--date"),
    (["checkin", "--foot", "1", "--back", "1", "--date", "3000-01-01"], "--date"),
    (["checkin", "--foot", "1", "--back", "1", "--sign", EVIL], "sign"),
    (["log", EVIL], "routine"),
    (["log", "feet", "--minutes", "nan"], "--minutes"),
    (["log", "feet", "--minutes", LONG], "--minutes"),
    (["log", "feet", "--minutes", "-5"], "--minutes"),
    (["log", "feet", "--date", "20261206"], "--date"),
    (["log", "feet", "--date", "2999-12-31"], "future"),
    (["plan", "--level", "999"], "--level"),
    (["plan", "--level", LONG], "--level"),
    (["plan", "--level", "-1"], "--level"),
    (["plan", "--review", "--level", "2"], "--review"),
    (["remind", "--ics", "-", "--at", EVIL], "--at"),
    (["remind", "--ics", "-", "--at", "25:00"], "--at"),
    (["remind", "--ics", "-", "--at", "٠٧:٣٠"], "--at"),
    (["remind", "--ics", "-", "--routine", EVIL], "routine"),
    (["due", "--json"], "no such option"),
    (["history", "--since", EVIL], "--since"),
    (["progress", "--since", "x"], "no such option"),
    (["today", "--bogus"], "no such option"),
    (["prompt", EVIL], "no prompt for the shell"),
]


@pytest.mark.parametrize(("args", "word"), BAD, ids=[" ".join(a)[:40] for a, _ in BAD])
def test_each_bad_value_is_one_line_and_changes_nothing(home: Path, args: list[str], word: str) -> None:
    seed_everything(home)
    before = digest(home)
    result = invoke(args)
    refused(result, word)
    assert digest(home) == before, args


REVIEW = [["plan", "--review"], ["plan", "--review", "--json"], ["plan", "--level", "1"], ["today"]]


@pytest.mark.parametrize("args", REVIEW, ids=" ".join)
def test_the_writing_commands_run_clean_on_a_store_with_hostile_text(home: Path, args: list[str]) -> None:
    """A plan reason, a note and a routine holding escapes: stored text never reaches the
    terminal raw, whatever the command writes next."""
    import sqlite3

    seed_everything(home)
    conn = sqlite3.connect(home / "footback.sqlite3")
    conn.execute("UPDATE plan_changes SET reason = ? || reason", (EVIL,))
    conn.execute("UPDATE checkins SET note = ?", (EVIL,))
    conn.execute("UPDATE stretch_sessions SET routine = ?", (EVIL,))
    conn.commit()
    conn.close()
    result = invoke(args, env={"COLUMNS": "300"})
    clean(result, codes=(0, 1))
