"""Where footback keeps a person's data, resolved at call time."""

from __future__ import annotations

import os
from pathlib import Path

from footback.core.errors import StoreError

APP_NAME = "footback"
HOME_ENV = "FOOTBACK_HOME"
DIR_MODE = 0o700
FILE_MODE = 0o600
DB_NAME = "footback.sqlite3"


def data_dir() -> Path:
    """The folder for all stored data: `$FOOTBACK_HOME`, else the platform's user data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return platformdirs.user_data_path(APP_NAME, appauthor=False)


def ensure_data_dir(path: Path | None = None) -> Path:
    """Create the data folder owner-only (0700); health data must not be world-readable."""
    folder = path if path is not None else data_dir()
    try:
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        # Only when needed: a chmod on a read-only disk fails even when nothing would change.
        if folder.stat().st_mode & 0o777 != DIR_MODE:
            os.chmod(folder, DIR_MODE)
    except OSError as exc:
        raise StoreError(f"cannot create the data folder {folder}: {exc.strerror}") from None
    return folder


def db_path(folder: Path | None = None) -> Path:
    """The SQLite history file inside the data folder."""
    return (folder if folder is not None else data_dir()) / DB_NAME
