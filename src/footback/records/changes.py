"""Which data folders had a write land in this run: the one place that state derived from the store
(the shell prompt's file, `footback prompt`) learns that it has to be made again.

The store's `transaction()` notes every commit here, and a feature that writes a file footback
keeps beside the store (the plan) notes that write; whoever keeps derived state asks once, at the
end of the command (`cli/app.py`), with `take_changed`.
"""

from __future__ import annotations

import os
from pathlib import Path

_changed: set[str] = set()
# Every folder a write landed in since the run began (`begin_run`), kept after `take_changed`: when
# standard output fails late, the error line says what was already saved (cli/boundary.py).
_landed: set[str] = set()


def _key(folder: Path) -> str:
    return os.path.realpath(folder)


def note_change(folder: Path) -> None:
    """A write landed in `folder`: a commit, or a file footback keeps there."""
    _changed.add(_key(folder))
    _landed.add(_key(folder))


def begin_run(folder: Path) -> None:
    """A command starts: only its own writes count from here."""
    _changed.discard(_key(folder))
    _landed.clear()


def landed() -> bool:
    """Whether this run has saved anything (a commit, or a file footback keeps)."""
    return bool(_landed)


def take_changed(folder: Path) -> bool:
    """Whether a write landed in `folder` since the last time this was asked."""
    key = _key(folder)
    found = key in _changed
    _changed.discard(key)
    return found
