"""The hostile-input corpus's shared pieces: a store with every record kind, and the contract checks.

The contract (issue 11, kept for every command added since): nothing raw reaches the terminal, no
traceback ever, bad input is one `footback: error:` line with exit 2 and nothing stored.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path

from footback.cli.app import app
from footback.records.db import open_store
from tests.support.history_seed import at, seed_full
from tests.support.runner import CliRunner, Result
from tests.support.templates import seeded_copy

runner = CliRunner()

# Retitle the terminal, clear it, write the clipboard (OSC 52), C1 CSI, bidi override, line separator.
EVIL = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\x9b31m\u202egnp\u2028x"
# Raw bytes/characters that must never reach stdout or stderr (ESC, BEL, other C0, C1, bidi, LS/PS).
RAW = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")

SGR = re.compile(r"\x1b\[[0-9;]*m")

# Every command that only reads the store, as a person runs it.
READERS: list[list[str]] = [
    ["history"],
    ["history", "--json"],
    ["shoes-check", "--list"],
    ["shoes-check", "--list", "--json"],
    ["report"],
    ["report", "--format", "html"],
    ["export"],
    ["export", "--format", "csv"],
    ["progress"],
    ["progress", "--json"],
    ["due"],
    ["assess", "--last"],
    ["assess", "--last", "--json"],
    ["plan", "--no-save"],
    ["plan", "--json", "--no-save"],
    ["config"],
]


def invoke(
    args: Sequence[str], env: Mapping[str, str | None] | None = None, stdin: str | None = None
) -> Result:
    """`footback ARGS` in-process, as the real command line builds its context."""
    return runner.invoke(app, list(args), env=dict(env or {}), input=stdin)


def clean(result: Result, *, codes: Sequence[int] = (0, 1, 2)) -> None:
    """The contract every run keeps, whatever it was given: no crash, nothing raw, errors one line."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in codes, (result.exit_code, result.stdout, result.stderr)
    for name, text in (("stdout", result.stdout), ("stderr", result.stderr)):
        assert "Traceback" not in text, f"{name}: {text}"
        text = SGR.sub("", text)  # footback's own colours and styles (FORCE_COLOR) are allowed
        raw = RAW.search(text)
        assert raw is None, f"raw {raw.group(0)!r} in {name}: {text[:2000]!r}"
    if result.exit_code == 2:
        errors = [line for line in result.stderr.splitlines() if line.strip()]
        assert errors and errors[-1].startswith("footback: error: "), result.stderr
        assert len(errors) == 1, result.stderr


def refused(result: Result, *words: str) -> None:
    """Bad input: exit 2, one error line that says (among other things) each of `words`."""
    clean(result, codes=(2,))
    line = result.stderr.lower()
    for word in words:
        assert word.lower() in line, result.stderr


_CHECKIN = "INSERT INTO checkins (day, foot, back, note, warning_signs, created_at) VALUES (?, ?, ?, ?, ?, ?)"


def seed_everything(home: Path) -> None:
    """The seed store plus a check-in, plan changes, a function rating, a clinician visit, a retired
    pair and a plan file (copied from a template, unless this test wrote a config the plan follows)."""
    config = os.environ.get("FOOTBACK_CONFIG")
    if config is not None and Path(config).exists():
        _seed_everything(home)
    else:
        seeded_copy(home, _seed_everything)


def _seed_everything(home: Path) -> None:
    seed_full(home)
    with open_store(home) as store, store.transaction() as conn:
        conn.execute(
            _CHECKIN,
            (at(1).date().isoformat(), 3, 4, "stiff morning", "[]", at(1).isoformat()),
        )
        conn.execute(
            _CHECKIN,
            (at(0).date().isoformat(), 2, 5, None, "[]", at(0).isoformat()),
        )
        conn.execute(
            "INSERT INTO plan_changes (created_at, action, level, previous, reason) VALUES (?, ?, ?, ?, ?)",
            (at(6).isoformat(), "start", 1, None, "Your plan starts at level 1."),
        )
        conn.execute(
            "INSERT INTO plan_changes (created_at, action, level, previous, reason) VALUES (?, ?, ?, ?, ?)",
            (at(1).isoformat(), "manual", 2, 1, "Level 2, set by hand."),
        )
        conn.execute(
            "INSERT INTO psfs_ratings (day, activities, ratings, created_at) VALUES (?, ?, ?, ?)",
            (at(1).date().isoformat(), '["stairs", "walking"]', "[4, 6]", at(1, 21).isoformat()),
        )
        conn.execute(
            "INSERT INTO clinician_seen (seen_at, assessment_id, signs) VALUES (?, ?, ?)",
            (at(1).isoformat(), 3, '["rf_fever"]'),
        )
        conn.execute(
            "INSERT INTO psfs_ratings (day, activities, ratings, created_at) VALUES (?, ?, ?, ?)",
            (at(2).date().isoformat(), '["walking to work", "stairs"]', "[4, 6]", at(2).isoformat()),
        )
        conn.execute(
            "INSERT INTO shoe_pairs (name, shoe_type, distance_km, age_months, created_at, updated_at,"
            " retired_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ("old boots", "everyday", 900.0, 30, at(90).isoformat(), at(30).isoformat(), at(30).isoformat()),
        )
    result = invoke(["plan"], env={"FOOTBACK_HOME": str(home)})
    assert result.exit_code == 0, result.output


def digest(home: Path) -> str:
    """Everything stored, as one hash: the store's rows and every file in the data folder."""
    parts: list[str] = []
    store = home / "footback.sqlite3"
    if store.is_file() and store.read_bytes()[:16] == b"SQLite format 3\x00":
        import sqlite3

        conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
                rows = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()
                parts.append(f"{table}:{json.dumps(rows, default=repr)}")
        finally:
            conn.close()
    elif home.exists():
        for path in sorted(home.rglob("*")):
            if path.is_file():
                parts.append(f"{path.name}:{path.read_bytes().hex()}")
    for path in sorted(home.glob("*.toml")) if home.is_dir() else []:
        parts.append(f"{path.name}:{path.read_text(errors='replace')}")
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()
