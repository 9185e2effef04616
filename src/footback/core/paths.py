"""The files inside footback's data folder; the folder itself is chosen by `cli/` and passed in."""

from __future__ import annotations

import os
from pathlib import Path

from footback.core.errors import StoreError

DIR_MODE = 0o700
FILE_MODE = 0o600
DB_NAME = "footback.sqlite3"


def ensure_data_dir(folder: Path) -> Path:
    """Create the data folder owner-only (0700); health data must not be world-readable."""
    try:
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        # Only when needed: a chmod on a read-only disk fails even when nothing would change.
        if folder.stat().st_mode & 0o777 != DIR_MODE:
            os.chmod(folder, DIR_MODE)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {folder}: {exc.strerror}") from None
    return folder


def db_path(folder: Path) -> Path:
    """The SQLite history file inside the data folder."""
    return folder / DB_NAME
