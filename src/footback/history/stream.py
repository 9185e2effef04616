"""`history --json` written record by record: memory stays flat whatever is stored.

The document is exactly what `json.dumps(history_json(...), indent=2)` gives (the same keys in
the same order); each record is read, turned into its entry and written, never kept. Only the
score series (three integers an assessment) is held, as the trends need it whole; the pain
verdicts come from the few check-ins of their two windows.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, closing
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from footback.core.models import SCORE_NAMES
from footback.core.text import safe_json
from footback.history.model import assessment_entry, check_entry, empty_history, session_entry

if TYPE_CHECKING:
    from footback.core.models import ScoreName
    from footback.records.assessments import SavedAssessment
    from footback.records.db import Store
    from footback.records.shoes import SavedCheck
    from footback.records.stretch_sessions import SavedSession


def _dump(value: Any) -> str:
    return safe_json(json.dumps(value, indent=2))


def _write_list(out: TextIO, key: str, items: Iterable[Any], last: bool = False) -> int:
    """`  "key": [...]` as json.dumps(indent=2) lays it out inside the document; returns the count."""
    out.write(f"  {json.dumps(key)}: ")
    count = 0
    for item in items:
        out.write("[\n" if count == 0 else ",\n")
        out.write(textwrap.indent(_dump(item), "    "))
        count += 1
    out.write("[]" if count == 0 else "\n  ]")
    out.write("\n" if last else ",\n")
    return count


def _write_value(out: TextIO, key: str, value: Any, last: bool = False) -> None:
    text = _dump(value).replace("\n", "\n  ")
    out.write(f"  {json.dumps(key)}: {text}" + ("\n" if last else ",\n"))


def _assessments(
    rows: Iterable[SavedAssessment], trends: dict[ScoreName, list[int]], now: datetime
) -> Iterator[dict[str, Any]]:
    for saved in rows:
        entry = assessment_entry(saved, now)
        for name in SCORE_NAMES:
            if (score := entry.score(name)) is not None:
                trends[name].append(score.score)
        yield entry.model_dump(mode="json")


def write_history_json(
    folder: Path, data_file: Path, *, now: datetime, since: date | None, out: TextIO
) -> None:
    """Everything `history --json` prints, streamed to `out`."""
    from footback.records.db import open_existing_store

    store = open_existing_store(folder)
    if store is None:
        empty = empty_history(str(data_file), since).model_dump(mode="json")
        out.write(_dump({**empty, "checkins": [], "progress": None}) + "\n")
        return
    with store:
        write_store(store, now=now, since=since, out=out)


def write_store(store: Store, *, now: datetime, since: date | None, out: TextIO) -> None:
    """`write_history_json` from an open store."""
    from footback.records.assessments import oldest_assessments
    from footback.records.shoes import oldest_checks
    from footback.records.stretch_sessions import oldest_sessions
    from footback.records.window import offset_of

    offset = offset_of(now)
    # The lazy readers are closed here, while the store is open: a reader that went away (a closed
    # pipe) stops the writing midway, and a reader left to the collector would close its cursor at
    # interpreter exit, on a closed connection ("Exception ignored in: <generator ...>").
    with ExitStack() as readers:
        rows = readers.enter_context(closing(oldest_assessments(store, since=since, offset_minutes=offset)))
        sessions = readers.enter_context(closing(oldest_sessions(store, since=since, offset_minutes=offset)))
        checks = readers.enter_context(closing(oldest_checks(store, since=since, offset_minutes=offset)))
        _write_records(out, store, rows, sessions, checks, now=now, since=since)


def _write_records(
    out: TextIO,
    store: Store,
    rows: Iterable[SavedAssessment],
    sessions: Iterable[SavedSession],
    checks: Iterable[SavedCheck],
    *,
    now: datetime,
    since: date | None,
) -> None:
    from footback.daily.pain import checkin_verdicts
    from footback.daily.practice import current_streak, week_minutes
    from footback.records.checkins import oldest_checkins

    trends: dict[ScoreName, list[int]] = {name: [] for name in SCORE_NAMES}
    out.write("{\n")
    _write_value(out, "data_file", str(store.path))
    _write_value(out, "since", since.isoformat() if since else None)
    _write_list(out, "assessments", _assessments(rows, trends, now))
    _write_list(out, "sessions", (session_entry(s, now).model_dump(mode="json") for s in sessions))
    _write_list(out, "shoe_checks", (check_entry(c, now).model_dump(mode="json") for c in checks))
    _write_value(out, "streak_days", current_streak(store, now))
    _write_value(out, "week_minutes", week_minutes(store, now))
    _write_value(out, "trends", trends)
    verdicts = checkin_verdicts(store, now=now)
    with closing(oldest_checkins(store, since)) as checkins:
        _write_list(out, "checkins", (c.model_dump(mode="json") for c in checkins))
    progress = None if verdicts is None else verdicts.model_dump(mode="json")
    _write_value(out, "progress", progress, last=True)
    out.write("}\n")
