"""`footback forget`: the files footback keeps, counted, then deleted."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from footback.core.errors import FootbackError
from footback.records.db import Store
from footback.records.folder import owned_files
from footback.records.transfer.layout import TABLES


def stored_files(folder: Path) -> list[Path]:
    """Every file footback keeps in the data folder (records/folder.py lists them), store first."""
    return owned_files(folder)


def stored(folder: Path) -> tuple[list[Path], dict[str, int]]:
    """What `forget` would delete: the files, and the records in the store by kind.

    Opening proves the file is footback's: a foreign file at that path is never counted or deleted.
    """
    from footback.records.db import read_store

    return stored_files(folder), read_store(folder, count_records, full_check=True) or {}


def forget_all(folder: Path, files: Iterable[Path]) -> list[Path]:
    """Delete the files, then the folder if nothing else is left in it."""
    gone = forget_files(files)
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty: files someone else put there stay
    return gone


def count_records(store: Store) -> dict[str, int]:
    return {table: int(store.query(f"SELECT count(*) FROM {table}")[0][0]) for table in TABLES}


def forget_files(files: Iterable[Path]) -> list[Path]:
    """Delete the given files in order (the store first); stops at the first that will not go."""
    gone: list[Path] = []
    for path in files:
        try:
            path.unlink(missing_ok=True)
        except OSError as exc:
            raise FootbackError(f"cannot delete {path}: {exc.strerror}") from None
        gone.append(path)
    return gone
