"""The files inside footback's data folder; the folder itself is chosen by `cli/` and passed in."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from footback.core.errors import StoreError

# Named in messages; only `cli.context` reads it.
HOME_ENV = "FOOTBACK_HOME"
DIR_MODE = 0o700
FILE_MODE = 0o600
DB_NAME = "footback.sqlite3"
# The files SQLite keeps beside the store (`-journal` only outside WAL mode).
SIDECARS = ("-wal", "-shm", "-journal")
# The personal routine `footback plan` saves.
PLAN_FILE = "plan.toml"


def make_private_dirs(folder: Path) -> bool:
    """Create `folder` and any missing parents owner-only (0700) whatever the umask; True if created."""
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # another footback made it a moment ago
        # mkdir's mode is cut by the umask only; chmod says it exactly (umask 000 must not give 0777).
        os.chmod(part, DIR_MODE)
    return bool(missing)


def ensure_data_dir(folder: Path) -> Path:
    """The data folder, created owner-only (0700); health data must not be world-readable.

    footback tightens only folders it made: one it creates now, or one that already holds its
    store. A folder other users can write to (a shared 1777 `/tmp`, a group folder) or one owned by
    someone else is refused rather than chmod'ed: changing it would break it for everyone else,
    and anyone who can write there could replace the store.
    """
    try:
        if make_private_dirs(folder):
            return folder
        info = folder.stat()
        if not stat.S_ISDIR(info.st_mode):
            raise StoreError(f"the data folder {folder} is not a folder")
        if info.st_uid != os.geteuid():
            raise StoreError(
                f"the data folder {folder} belongs to another user; set {HOME_ENV} to a folder of your own"
            )
        if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            raise StoreError(
                f"the data folder {folder} can be written by other users; footback keeps health data "
                f"only in a private folder: set {HOME_ENV} to one of your own (it will be created 0700)"
            )
        # Only when needed: a chmod on a read-only disk fails even when nothing would change.
        if stat.S_IMODE(info.st_mode) != DIR_MODE and (folder / DB_NAME).exists():
            os.chmod(folder, DIR_MODE)
    except OSError as exc:
        raise StoreError(f"cannot use the data folder {folder}: {exc.strerror}") from None
    return folder


def plan_path(folder: Path) -> Path:
    """The saved plan inside the data folder."""
    return folder / PLAN_FILE


def db_path(folder: Path) -> Path:
    """The SQLite history file inside the data folder."""
    return folder / DB_NAME
