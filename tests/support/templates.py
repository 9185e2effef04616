"""Seeded data folders built once per test process and copied for each test (store templates).

Seeding a store means scoring and saving assessments, sessions and shoe checks, and for some seeds
running `footback plan`: 20 to 200 ms of CPU, paid again by hundreds of tests. The seeds are
deterministic (a fixed clock; `footback plan` dates its plan by the real day, so a template is kept
per day), so each seed is built once in a private folder and its files are copied: the same records,
the same modes (0600 files in a 0700 folder, made the way footback makes it). Only the records'
`uid`s are new: the store gives every new record a random one, so two seeded stores never share one
(import skips a record whose uid is stored), and each copy gets its own, references following.

`tests/test_seed_templates.py` checks that a copy holds exactly what seeding the folder itself gives.
"""

from __future__ import annotations

import atexit
import secrets
import shutil
import sqlite3
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from footback.core.paths import DB_NAME, make_private_dirs

_BUILT: dict[tuple[str, date], Path] = {}


def _root() -> Path:
    root = Path(tempfile.mkdtemp(prefix="footback-templates-"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


def seeded_copy(folder: Path, build: Callable[[Path], None]) -> None:
    """Fill `folder` as `build(folder)` would: from a copy of a folder `build` filled once per process.

    A folder that already exists is seeded directly: a seed adds to whatever is there."""
    if folder.exists():
        build(folder)
        return
    key = (f"{build.__module__}.{build.__qualname__}", date.today())
    template = _BUILT.get(key)
    if template is None:
        template = _root() / "home"
        build(template)
        _BUILT[key] = template
    make_private_dirs(folder)
    for path in template.iterdir():
        if path.is_dir():
            shutil.copytree(path, folder / path.name)
        else:
            shutil.copy2(path, folder / path.name)
    if (folder / DB_NAME).exists():
        _fresh_uids(folder / DB_NAME)


def _fresh_uids(store: Path) -> None:
    """A new random `uid` for every record, as the store's insert trigger gives a new record
    (`lower(hex(randomblob(16)))`); `*_uid` columns that name a record follow it."""
    conn = sqlite3.connect(store)
    try:
        conn.execute("PRAGMA synchronous = OFF")  # a test's throwaway copy: no need to wait for the disk
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        columns = {t: [row[1] for row in conn.execute(f'PRAGMA table_info("{t}")')] for t in tables}
        renamed: dict[str, str] = {}
        for table in (t for t, names in columns.items() if "uid" in names):
            rows = conn.execute(f'SELECT rowid, uid FROM "{table}" WHERE uid IS NOT NULL').fetchall()
            for rowid, uid in rows:
                renamed[uid] = secrets.token_hex(16)
                conn.execute(f'UPDATE "{table}" SET uid = ? WHERE rowid = ?', (renamed[uid], rowid))
        for table, names in columns.items():
            for column in (name for name in names if name.endswith("_uid")):
                conn.executemany(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE "{column}" = ?',
                    [(new, old) for old, new in renamed.items()],
                )
        conn.commit()
    finally:
        conn.close()
