"""Writing commands on a store damaged by hand: one line that says what is wrong, nothing stored."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.hostile import digest, invoke, refused, seed_everything


def test_a_pair_whose_only_check_is_damaged_is_not_called_the_wrong_type(home: Path) -> None:
    # Its check lost its pair: add-distance said "'trail runners' are running shoes: distance is
    # tracked only for running and walking shoes".
    seed_everything(home)
    conn = sqlite3.connect(home / "footback.sqlite3")
    conn.execute("UPDATE shoe_checks SET pair = NULL WHERE pair = 'trail runners'")
    conn.commit()
    conn.close()
    before = digest(home)
    result = invoke(["shoes-check", "--name", "trail runners", "--add-distance", "5km"])
    refused(result, "no shoe check footback can read", "footback shoes-check --name 'trail runners'")
    assert "running shoes" not in result.stderr
    assert digest(home) == before
