"""`history --json` streams: the same document as before, and memory that does not grow with the store."""

from __future__ import annotations

import io
import json
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

import pytest

from footback.core.paths import db_path
from footback.history.service import history_json, read_history
from footback.history.stream import write_history_json
from footback.records.db import open_store
from tests.support.history_seed import NOW, seed_typical, seed_years


class Sink(io.TextIOBase):
    """Standard output that keeps nothing (a pipe to `jq` or a file)."""

    def write(self, text: str) -> int:
        return len(text)


@pytest.mark.parametrize("since", [None, date(2025, 3, 1), date(2099, 1, 1)])
def test_the_streamed_document_is_the_one_json_dumps_gave(home: Path, since: date | None) -> None:
    seed_typical(home)
    whole = read_history(home, db_path(home), now=NOW, since=since, limit=None)
    out = io.StringIO()
    write_history_json(home, db_path(home), now=NOW, since=since, out=out)
    assert out.getvalue() == json.dumps(history_json(whole), indent=2) + "\n"
    assert since is not None or json.loads(out.getvalue())["sessions"]


def test_before_anything_is_stored_it_is_the_empty_document_and_creates_nothing(home: Path) -> None:
    out = io.StringIO()
    write_history_json(home, db_path(home), now=NOW, since=None, out=out)
    whole = read_history(home, db_path(home), now=NOW, since=None, limit=None)
    assert out.getvalue() == json.dumps(history_json(whole), indent=2) + "\n"
    assert not home.exists()


def _peak(folder: Path) -> int:
    tracemalloc.start()
    try:
        write_history_json(folder, db_path(folder), now=NOW, since=None, out=Sink())
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_store(tmp_path: Path) -> None:
    """Eight times the records, about the same peak: nothing is held but the score series
    (three integers an assessment). Built-up lists of every session (the old way) grow eightfold."""
    small, large = tmp_path / "small", tmp_path / "large"
    with open_store(small) as store:
        rows_small = seed_years(store, years=1, per_day=2)
    with open_store(large) as store:
        rows_large = seed_years(store, years=8, per_day=2)
    assert rows_large["stretch_sessions"] >= 7 * rows_small["stretch_sessions"]
    peak_small, peak_large = _peak(small), _peak(large)
    # The large store's sessions alone would take ~20 MB as entries; the streamed peak stays low.
    assert peak_large < peak_small * 1.5 + 1_000_000, (peak_small, peak_large)
    assert peak_large < 100 * 1024 * 1024


def _checkins(folder: Path, days: int) -> None:
    with open_store(folder) as store, store.transaction() as conn:
        conn.executemany(
            "INSERT INTO checkins (day, foot, back, note, warning_signs, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                ((NOW.date() - timedelta(days=d)).isoformat(), d % 11, 3, "a note", "[]", NOW.isoformat())
                for d in range(days)
            ],
        )


def test_memory_does_not_grow_with_the_checkins(tmp_path: Path) -> None:
    """Eight times the check-ins (forty years of them), about the same peak: they are written one
    at a time and the pain verdicts read only their two windows. Held in a list, 16,000 check-ins
    took about 19 MB more."""
    small, large = tmp_path / "small", tmp_path / "large"
    _checkins(small, 2_000)
    _checkins(large, 16_000)
    peak_small, peak_large = _peak(small), _peak(large)
    assert peak_large < peak_small * 1.5 + 1_000_000, (peak_small, peak_large)
