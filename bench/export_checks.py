"""What export's per-record checks cost: import's rules, and the features' content checks on top.

`footback export` checks every record with the checks `footback import` makes, so that a backup
never holds a record that would stop its own restore: import's own rules (records/import_rules.py:
dates, numbers, text) and, since issue 21's last round, the features' content checks (answers that
fit their questions, warning-sign ids, shoe types: the registry cli/import_checks.py builds). This
measures, in one process, on the scaling benchmark's stores (bench/scaling.py `generate`: 1x is
five years of daily use):

- the whole JSON export to /dev/null (`records.transfer.export.export_all`) with the rules only
  (an empty `ImportChecks`, as export was before) and with the content checks (as it is now);
- the checks alone, on the export's records read into memory first: the rules, and the rules plus
  the content checks, so the per-record cost is seen without the reading and writing around it.

CPU time (`time.process_time`), median of `--runs` after one warm-up run that also loads the
content the checks read. That content (the assessment's and the shoe check's, which export did not
load before) is loaded once per export: its cost is measured apart, in a fresh process.

Run:  uv run python bench/export_checks.py [--scales 1,10] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support and bench: the generator the scaling benchmark uses

from bench.scaling import generate  # noqa: E402

from footback.records.import_rules import ImportChecks  # noqa: E402
from footback.records.transfer.layout import DAMAGED, TABLES  # noqa: E402
from footback.records.transfer.rows import Row  # noqa: E402


def _cpu_ms(work: Callable[[], object], runs: int) -> float:
    """Median CPU milliseconds of `work` over `runs` (after the caller's warm-up)."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        work()
        times.append((time.process_time() - start) * 1000)
    return statistics.median(times)


def _export(home: Path, checks: ImportChecks) -> None:
    from footback.records.transfer.export import export_all

    export_all(home, "json", Path(os.devnull), checks)


def _records(home: Path) -> list[tuple[str, Row]]:
    """Every record the export writes (damaged ones left out), as import reads them: exported once
    to a file and read back into memory."""
    import json

    from footback.records.transfer.export import export_all

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        export_all(home, "json", path, ImportChecks())
        doc = json.loads(path.read_text(encoding="utf-8"))
    return [(t, r) for t in TABLES for r in doc[t] if DAMAGED not in r]


def _check_all(records: list[tuple[str, Row]], checks: ImportChecks) -> None:
    from footback.records.import_rules import check_record

    for table, row in records:
        check_record(table, row, "", checks)


def measure(home: Path, runs: int) -> dict[str, float]:
    from footback.cli.import_checks import import_checks

    rules, content = ImportChecks(), import_checks()
    records = _records(home)
    _check_all(records, content)  # the warm-up (the content is loaded once per process)
    _export(home, rules)
    return {
        "records": len(records),
        "export, rules only": _cpu_ms(lambda: _export(home, rules), runs),
        "export, rules + content": _cpu_ms(lambda: _export(home, content), runs),
        "checks alone, rules": _cpu_ms(lambda: _check_all(records, rules), runs),
        "checks alone, rules + content": _cpu_ms(lambda: _check_all(records, content), runs),
    }


# What `footback export` has imported by the time it checks a record, then the content it now loads.
_LOAD = """
import time
import footback.cli.app, footback.records.transfer.export, footback.models.assessment
import footback.models.shoe_check, footback.cli.import_checks
start = time.process_time()
from footback.assess.content import load_assess_content
from footback.shoes.content import load_shoe_content
load_assess_content(); load_shoe_content()
print((time.process_time() - start) * 1000)
"""


def content_load_ms(runs: int) -> float:
    """Median CPU ms a fresh process, with export's own modules imported, spends importing and
    loading the content the checks read."""
    found = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, "-c", _LOAD], capture_output=True, text=True, check=True)
        found.append(float(done.stdout))
    return statistics.median(found)


def table(results: dict[int, dict[str, float]]) -> list[str]:
    lines = [
        "| size | records | export, rules only ms | export, + content ms | added | checks: rules ms"
        " | checks: + content ms | content per record us |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for scale, r in results.items():
        added = r["export, rules + content"] - r["export, rules only"]
        per_record = (r["checks alone, rules + content"] - r["checks alone, rules"]) / r["records"] * 1000
        before, after = r["export, rules only"], r["export, rules + content"]
        lines.append(
            f"| {scale}x | {r['records']:,.0f} | {before:.0f} | {after:.0f}"
            f" | {added:+.0f} ({added / r['export, rules only']:+.0%}) | {r['checks alone, rules']:.0f}"
            f" | {r['checks alone, rules + content']:.0f} | {per_record:.1f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--scales", default="1,10", help="sizes to measure (default 1,10)")
    parser.add_argument("--runs", type=int, default=3, help="runs after the warm-up (default 3)")
    args = parser.parse_args()
    now = datetime.now(UTC).astimezone()
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="footback-export-checks-") as work:
        for scale in (int(s) for s in args.scales.split(",")):
            home = Path(work) / f"{scale}x"
            generate(home, scale, now)
            os.environ["FOOTBACK_HOME"] = str(home)
            results[scale] = measure(home, args.runs)
    load = os.getloadavg()[0]
    print(f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average {load:.1f}, median CPU of {args.runs} runs:")
    print("\n".join(table(results)))
    print(f"content load, once per export (fresh process): {content_load_ms(args.runs):.0f} ms of CPU")


if __name__ == "__main__":
    main()
