"""The content cache's build: every piece a loader asks for is written, and reads back as loaded."""

from __future__ import annotations

import re
from pathlib import Path

from footback.cli.content_cache import pieces, write_cache
from footback.content.cache import read_piece
from footback.content.loader import data_bytes

SRC = Path(__file__).resolve().parents[2] / "src" / "footback"


def test_every_piece_a_loader_asks_for_is_built() -> None:
    asked = set()
    for path in SRC.rglob("*.py"):
        asked |= set(re.findall(r'from_cache\(f?"([a-z{}-]+)"', path.read_text(encoding="utf-8")))
    assert "routine-{name}" in asked and "assess" in asked
    built = set(pieces())
    assert {name for name in asked if "{" not in name} <= built
    assert {name for name in built if name.startswith("routine-")} == {
        "routine-back",
        "routine-feet",
        "routine-full",
        "routine-morning",
    }


def test_every_piece_reads_back_as_its_loader_loads_it(tmp_path: Path) -> None:
    written = write_cache(tmp_path)
    assert written == list(pieces())
    loaders = pieces()
    for name in written:
        kept = read_piece(tmp_path / f"{name}.json", object, data_bytes)
        assert kept is not None, name
        assert kept == loaders[name](), name
