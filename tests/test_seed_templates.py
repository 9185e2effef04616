"""The seeded data folders that tests get as copies of a template (tests/support/templates.py) hold
exactly what seeding the folder itself gives: the same files, records and modes, and record uids of
their own, as freshly seeded stores have. `seed_everything` runs `footback plan`, which stamps the plan
and its plan change with the real time: a copy keeps the time its template was made, earlier the same
day (as the module-scoped seeded folders of tests/cli did before templates), so times of today are
compared as "today"."""

from __future__ import annotations

import re
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from tests.support import history_seed, hostile

# (the seed tests call, the seeding it stands for)
SEEDS: dict[str, tuple[Callable[[Path], None], Callable[[Path], None]]] = {
    "seed_full": (history_seed.seed_full, history_seed._seed_full),
    "seed_typical": (history_seed.seed_typical, history_seed._seed_typical),
    "seed_everything": (hostile.seed_everything, hostile._seed_everything),
}


UID = re.compile(r"'[0-9a-f]{32}'")


def _today(text: str) -> str:
    """`text` with each time of today (the plan's stamps, local or UTC) written as `TODAY`."""
    days = {date.today().isoformat(), datetime.now(UTC).date().isoformat()}
    return re.sub("|".join(rf"{day}[T ]\d\d:\d\d(:\d\d)?(\+00:00)?" for day in days), "TODAY", text)


def _uids(store: Path) -> set[str]:
    conn = sqlite3.connect(store)
    try:
        return {uid for line in conn.iterdump() for uid in UID.findall(line)}
    finally:
        conn.close()


def _dump(store: Path) -> list[str]:
    """The store's SQL dump, each record uid (random in every store) named by where it first appears."""
    names: dict[str, str] = {}
    conn = sqlite3.connect(store)
    try:
        lines = list(conn.iterdump())
    finally:
        conn.close()
    named = (UID.sub(lambda m: names.setdefault(m.group(0), f"uid{len(names)}"), line) for line in lines)
    return [_today(line) for line in named]


def _contents(folder: Path) -> dict[str, tuple[int, object]]:
    """Each file's mode and content (the store as its dump), and the folder's mode."""
    found: dict[str, tuple[int, object]] = {".": (stat.S_IMODE(folder.stat().st_mode), None)}
    for path in sorted(folder.iterdir()):
        if path.suffix == ".sqlite3":
            content: object = _dump(path)
        else:
            content = _today(path.read_text(encoding="utf-8"))
        found[path.name] = (stat.S_IMODE(path.stat().st_mode), content)
    return found


@pytest.mark.parametrize("name", list(SEEDS))
def test_a_copied_seed_is_what_seeding_gives(tmp_path: Path, home: Path, name: str) -> None:
    seed, build = SEEDS[name]
    seed(tmp_path / "warm")  # makes the template, if no test has yet in this process
    seed(home)
    built = tmp_path / "built"
    build(built)
    assert _contents(home) == _contents(built)
    assert _uids(home / "footback.sqlite3"), "the store's records have uids"
    assert not _uids(home / "footback.sqlite3") & _uids(tmp_path / "warm" / "footback.sqlite3")


def test_each_copy_is_its_own(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    history_seed.seed_full(first)
    (first / "footback.sqlite3").write_bytes(b"damaged")
    history_seed.seed_full(second)
    assert (second / "footback.sqlite3").read_bytes().startswith(b"SQLite format 3\x00")


def test_a_folder_that_exists_is_seeded_in_place(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o700)
    (folder / "notes.txt").write_text("kept", encoding="utf-8")
    history_seed.seed_full(folder)
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "kept"
    assert {p.name for p in folder.iterdir()} >= {"notes.txt", "footback.sqlite3"}
