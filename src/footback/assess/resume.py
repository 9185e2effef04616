"""An assessment stopped part-way keeps its answers so far, privately, in the data folder.

After each answer, skip or undo the answers so far (and the optional questions skipped) are
written to `assess-partial.json` (0600), so
Ctrl-C, Ctrl-D, a closed terminal or even a killed process loses at most the question on screen.
The next `footback assess` offers to continue; the file is dropped when the assessment is
finished, when it is more than `MAX_AGE` old, or when the person says no.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from footback.content.questions import Answers, Question
from footback.core.errors import FootbackError
from footback.core.files import json_decoder
from footback.records.folder import PARTIAL_FILE, set_aside

MAX_AGE = timedelta(hours=24)
MAX_BYTES = 256_000


def partial_path(folder: Path) -> Path:
    return folder / PARTIAL_FILE


def drop_partial(folder: Path) -> None:
    with contextlib.suppress(OSError):
        partial_path(folder).unlink()


@dataclass(frozen=True)
class Partial:
    saved_at: datetime
    answers: Answers
    skipped: frozenset[str] = frozenset()


def _valid(question: Question, value: object) -> bool:
    from footback.content.typed import check_value

    try:
        check_value(question, value)
    except (ValueError, TypeError):
        return False
    return True


def load_partial(folder: Path, now: datetime, questions: Sequence[Question]) -> Partial | None:
    """The saved partial answers, if recent and readable; a stale file is dropped, a damaged one
    set aside with one warning (records.folder.set_aside), never a traceback or a blocked `assess`."""
    path = partial_path(folder)
    try:
        if path.is_symlink() or not path.is_file():
            return None
        if path.stat().st_size > MAX_BYTES:
            raise ValueError("too large")
        raw: Any = json_decoder().decode(path.read_text(encoding="utf-8"))
        saved_at = datetime.fromisoformat(raw["saved_at"])
        stored = raw["answers"]
        if saved_at.tzinfo is None or not isinstance(stored, dict):
            raise ValueError("not what footback wrote")
        known = {q.id for q in questions}
        # The file sits in the data folder and may be edited by hand: an answer of the wrong
        # type, out of range or with control characters is dropped (asked again), never used.
        answers = {q.id: stored[q.id] for q in questions if q.id in stored and _valid(q, stored[q.id])}
        # Files written before skips were kept have no "skipped".
        skipped = frozenset(k for k in raw.get("skipped", []) if k in known and k not in answers)
    except OSError:
        return None  # unreadable now (permissions, a disk error): not known to be damaged
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        set_aside(path, "the answers of a stopped assessment")
        return None
    fresh = saved_at.tzinfo is not None and timedelta(0) <= now - saved_at <= MAX_AGE
    if not fresh or not (answers or skipped):
        drop_partial(folder)
        return None
    return Partial(saved_at, answers, skipped)


@dataclass
class PartialRecorder:
    """An interview `on_progress` hook: saves the answers so far and the skipped questions after
    every answer, skip or undo (so an undone answer does not come back on continuing)."""

    folder: Path
    clock: Any  # anything with now() -> aware datetime
    answers: Answers = field(default_factory=dict)
    skipped: frozenset[str] = frozenset()

    def __call__(self, answers: Answers, skipped: frozenset[str]) -> None:
        from footback.core.files import write_private
        from footback.core.paths import ensure_data_dir

        self.answers, self.skipped = dict(answers), skipped
        document = {
            "saved_at": self.clock.now().isoformat(),
            "answers": self.answers,
            "skipped": sorted(skipped),
        }
        # Saving the answers so far is a help, never a reason for the interview to fail.
        with contextlib.suppress(OSError, FootbackError):
            write_private(partial_path(ensure_data_dir(self.folder)), json.dumps(document, sort_keys=True))


def offer_resume(
    folder: Path, clock: Any, questions: Sequence[Question], ask: Callable[[str], str]
) -> PartialRecorder:
    """Offer to continue a recent stopped assessment (Enter or y: continue; n: start again).

    Returns the hook that keeps saving; its `answers` and `skipped` are where the interview
    starts from."""
    partial = load_partial(folder, clock.now(), questions)
    answers: Answers = {}
    skipped: frozenset[str] = frozenset()
    if partial is not None:
        when = partial.saved_at.astimezone(clock.now().tzinfo)
        count = len(partial.answers) + len(partial.skipped)
        reply = ask(
            f"You stopped an assessment at {when:%H:%M} on {when:%a %d %b} after {count} answers. "
            "Continue it? [Y/n] "
        )
        if reply.strip().lower() in ("n", "no"):
            drop_partial(folder)
        else:
            answers, skipped = dict(partial.answers), partial.skipped
    return PartialRecorder(folder, clock, answers, skipped)
