"""Large exports for the streaming tests: the seed export's records repeated, each copy a day earlier."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from footback.records.transfer.layout import TABLES, TIME_COLUMNS


def _earlier(row: dict[str, Any], days: int, copy: int) -> dict[str, Any]:
    moved = dict(row)
    # A time that may be empty (a pair's retired_at) stays empty.
    for key in {k for k in TIME_COLUMNS & set(row) if row[k] is not None}:
        moved[key] = (datetime.fromisoformat(row[key]) - timedelta(days=days)).isoformat()
    if "uid" in row:
        moved["uid"] = f"{copy:08d}{row['uid'][8:]}"
    return moved


def write_big_export(seed: dict[str, Any], path: Path, copies: int) -> dict[str, int]:
    """An export file with `copies` of every seed record (pairs once); written row by row."""
    counts = dict.fromkeys(TABLES, 0)
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({k: seed[k] for k in ("format", "version", "schema")})[:-1])
        for table in TABLES:
            out.write(f', "{table}": [')
            rows = seed[table] if table == "shoe_pairs" else None
            first = True
            for copy in range(1 if rows is not None else copies):
                for row in rows or seed[table]:
                    out.write(("" if first else ",\n") + json.dumps(_earlier(row, copy, copy)))
                    first = False
                    counts[table] += 1
            out.write("]")
        out.write(', "plan": null}\n')
    return counts
