"""Export and import stream: memory stays flat at any size, and large exports round-trip exactly.

Peak memory is the child process's own high-water mark (VmHWM, written at exit), and the child
runs under an address-space limit set with `resource`, so a non-streaming export or import
(about 8.5 times the file in memory) fails outright instead of merely measuring high.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.support.big_export import write_big_export
from tests.support.history_seed import seed_full
from tests.support.peak import LAUNCH

pytestmark = pytest.mark.slow

CEILING_MIB = 100
COPIES = 600  # about a 21 MB export (old code peaked at 8.5x the file): 1,800 assessments, 3,600 sessions


def seed_export(tmp_path: Path) -> dict[str, Any]:
    seed_full(tmp_path / "seed")
    env = dict(os.environ, FOOTBACK_HOME=str(tmp_path / "seed"))
    done = subprocess.run(
        [sys.executable, "-m", "footback", "export"], env=env, capture_output=True, check=True
    )
    doc: dict[str, Any] = json.loads(done.stdout)
    return doc


def _limit_address_space() -> None:
    # Generous for Python's own mappings; far below what holding a 35 MB export as objects needs.
    limit = 700 * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def run(tmp_path: Path, home: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """Run footback under the limit; returns the result and its peak resident memory in MiB."""
    peak = tmp_path / "peak"
    peak.unlink(missing_ok=True)
    env = dict(os.environ, FOOTBACK_HOME=str(home), PEAK_FILE=str(peak))
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=_limit_address_space,
    )
    return done, int(peak.read_text()) / 1024 if peak.exists() else float("inf")


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    tmp = tmp_path_factory.mktemp("big")
    path = tmp / "big.json"
    counts = write_big_export(seed_export(tmp), path, COPIES)
    assert path.stat().st_size > 14 * 2**20  # compact; footback's own export of it is about 21 MB
    return path, counts


def test_a_large_export_imports_and_exports_within_the_memory_ceiling(
    tmp_path: Path, big: tuple[Path, dict[str, int]]
) -> None:
    path, counts = big
    home = tmp_path / "home"

    imported, import_peak = run(tmp_path, home, "import", str(path))
    assert imported.returncode == 0, imported.stderr
    assert f"{counts['assessments']} assessments" in imported.stdout
    assert import_peak < CEILING_MIB, import_peak

    first = tmp_path / "first.json"
    exported, export_peak = run(tmp_path, home, "export", "--output", str(first))
    assert exported.returncode == 0, exported.stderr
    assert export_peak < CEILING_MIB, export_peak
    doc = json.loads(first.read_text(encoding="utf-8"))
    assert {table: len(rows) for table, rows in doc.items() if isinstance(rows, list)} == counts

    as_csv, csv_peak = run(tmp_path, home, "export", "--format", "csv", "--output", str(tmp_path / "x.csv"))
    assert as_csv.returncode == 0 and csv_peak < CEILING_MIB, (as_csv.stderr, csv_peak)

    # Importing its own export again finds every record by its unique key: nothing is added.
    again, again_peak = run(tmp_path, home, "import", str(first))
    assert again.returncode == 0 and "Imported nothing new" in again.stdout, again.stdout
    assert again_peak < CEILING_MIB

    # A fresh store restored from the large export exports the very same file.
    fresh = tmp_path / "fresh"
    assert run(tmp_path, fresh, "import", str(first))[0].returncode == 0
    second = tmp_path / "second.json"
    assert run(tmp_path, fresh, "export", "--output", str(second))[0].returncode == 0
    assert second.read_bytes() == first.read_bytes()
