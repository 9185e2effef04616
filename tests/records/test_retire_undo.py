"""Shoe pairs: a retired pair leaves the list but keeps its checks; a mistaken --add-distance
can be undone (migration 50 adds `retired_at`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from footback.core.errors import BadInputError
from footback.records.db import open_store
from footback.records.migrations import SCHEMA_VERSION
from footback.records.shoes import (
    find_pair,
    list_pairs,
    recent_checks,
    retire_pair,
    save_check,
    undo_addition,
)
from footback.shoes.check import check_shoes
from footback.shoes.content import load_shoe_content
from tests.support.shoes_helpers import good_pair

CONTENT = load_shoe_content()
T0 = datetime(2025, 3, 1, 8, tzinfo=UTC)
T1 = datetime(2025, 3, 5, 8, tzinfo=UTC)
T2 = datetime(2025, 3, 9, 8, tzinfo=UTC)


def _check(distance: float, origin: str = "check") -> tuple[dict[str, object], object]:
    answers = good_pair(shoe_type="running", distance_km=distance)
    result = check_shoes(CONTENT, answers).model_copy(update={"origin": origin, "pair": "trail"})
    return answers, result


def test_the_schema_has_the_retired_column(home: Path) -> None:
    assert SCHEMA_VERSION >= 50
    with open_store(home) as store:
        columns = [r[1] for r in store.query("PRAGMA table_info(shoe_pairs)")]
    assert "retired_at" in columns


def test_a_retired_pair_leaves_the_list_but_keeps_its_checks(home: Path) -> None:
    with open_store(home) as store:
        save_check(store, *_check(100), T0, "trail", citer=CONTENT.sources)  # type: ignore[arg-type]
        save_check(store, *_check(50), T0, "road", citer=CONTENT.sources)  # type: ignore[arg-type]
        retire_pair(store, "trail", T1)
        assert [p.name for p in list_pairs(store)] == ["road"]
        assert {p.name for p in list_pairs(store, retired=True)} == {"road", "trail"}
        retired = find_pair(store, "trail")
        assert retired is not None and retired.retired_at == T1
        assert len(recent_checks(store)) == 2  # history keeps them
        save_check(store, *_check(120), T2, "trail", citer=CONTENT.sources)  # type: ignore[arg-type]
        assert {p.name for p in list_pairs(store)} == {"road", "trail"}  # checked again: back in use


def test_undo_puts_the_distance_back_and_removes_only_the_addition(home: Path) -> None:
    with open_store(home) as store:
        save_check(store, *_check(100), T0, "trail", citer=CONTENT.sources)  # type: ignore[arg-type]
        save_check(store, *_check(142, "add_distance"), T1, "trail", citer=CONTENT.sources)  # type: ignore[arg-type]
        pair = find_pair(store, "trail")
        assert pair is not None and pair.distance_km == 142
        removed = undo_addition(store, pair)
        assert removed.result.distance_km == 142
        after = find_pair(store, "trail")
        assert after is not None and after.distance_km == 100 and after.updated_at == T0
        assert len(recent_checks(store)) == 1
        with pytest.raises(BadInputError, match="was not an --add-distance: nothing to undo"):
            undo_addition(store, after)
