"""Scaling benchmark: does `history`, `report`, `export` and `import` cost grow with what is stored?

1x is five years of daily routines and weekly assessments, ending today (a routine every day but
every tenth, so the streak is a realistic one; 1,644 sessions and 261 assessments). Nx stores N
times as many of each over the same five years (N routines a day, N assessments a week), so the
30-day and this-week windows grow with N too: the honest case for SQL aggregates.
Records are real footback records (one scored assessment's answers and result, repeated, from
tests/support/history_seed.seed_years, the generator the tests use),
bulk-inserted through footback's own store so the schema and indexes are the shipped ones.

Each command runs as a child process (`python -m footback ...`, bytecode compiled) `--runs` times
after one warm-up; we report the median wall time and the child's largest peak RSS (its
VmHWM, read by the child itself at exit). `import` reads the same scale's export into an empty
data folder each run.

Run:  uv sync --compile-bytecode && uv run python bench/scaling.py [--scales 1,10,100] [--runs 3]
Heavy at 100x (a ~240 MB store): not part of the test suite.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support: the same generator and launcher the tests use

from tests.support.peak import LAUNCH  # noqa: E402

YEARS = 5
COMMANDS = ("history", "report", "export", "import")


def generate(home: Path, scale: int, now: datetime) -> dict[str, int]:
    """A store at `scale` in `home` (the tests' own generator); returns the number of rows per table."""
    from tests.support.history_seed import seed_years

    from footback.records.db import open_store

    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_store(home) as store:
        return seed_years(store, years=YEARS, per_day=scale, end=now)


def run_once(argv: list[str], env: dict[str, str], peak_file: Path) -> tuple[float, float, int, str]:
    """Wall seconds, peak RSS (MiB), exit status and the last stderr line of one child run."""
    peak_file.unlink(missing_ok=True)
    env = dict(env, PEAK_FILE=str(peak_file))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    status = proc.wait()
    wall = time.perf_counter() - start
    lines = err.strip().splitlines()
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return wall, peak, status, lines[-1] if lines else ""


def measure(
    command: str, home: Path, work: Path, runs: int, base_env: dict[str, str]
) -> tuple[float, float, str]:
    """Median ms, largest peak MiB and a note (an error line if the command failed)."""
    py = [sys.executable, "-c", LAUNCH]
    export_file = work / f"{home.name}.json"
    walls, peaks = [], []
    note = ""
    for attempt in range(runs + 1):  # the first run warms the file cache
        env = dict(base_env, FOOTBACK_HOME=str(home))
        if command == "history":
            argv = [*py, "history"]
        elif command == "report":
            argv = [*py, "report", "--output", str(work / "report.md")]
        elif command == "export":
            argv = [*py, "export", "--format", "json", "--output", str(export_file)]
        else:
            target = work / "import-home"
            shutil.rmtree(target, ignore_errors=True)
            env["FOOTBACK_HOME"] = str(target)
            argv = [*py, "import", str(export_file)]
        wall, peak, code, last = run_once(argv, env, work / "peak")
        if code != 0:
            note = f"exit {code}: {last[:120]}"
        if attempt:
            walls.append(wall)
            peaks.append(peak)
    return statistics.median(walls) * 1000, max(peaks), note


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scales", default="1,10,100")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--commands", default=",".join(COMMANDS))
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "scaling.md")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    commands = [c for c in args.commands.split(",") if c]
    import footback

    # An editable install's own modules are not compiled by `uv sync --compile-bytecode`.
    compileall.compile_dir(str(Path(footback.__file__).parent), quiet=1)
    now = datetime.now(UTC)
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80")
    results: dict[tuple[str, int], tuple[float, float, str]] = {}
    sizes: dict[int, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env["FOOTBACK_CONFIG"] = str(work / "config.toml")  # no file: defaults
        for scale in scales:
            home = work / f"x{scale}"
            rows = generate(home, scale, now)
            mib = (home / "footback.sqlite3").stat().st_size / 2**20
            sizes[scale] = (
                f"{rows['stretch_sessions']:,} sessions, {rows['assessments']:,} assessments, {mib:.1f} MiB"
            )
            print(f"{scale}x: {sizes[scale]}", file=sys.stderr)
            for command in commands:
                results[(command, scale)] = measure(command, home, work, args.runs, env)
                ms, peak, note = results[(command, scale)]
                print(f"  {command}: {ms:.0f} ms, {peak:.1f} MiB {note}", file=sys.stderr)
            shutil.rmtree(home)
    uname = os.uname()
    lines = [
        f"Measured {time.strftime('%Y-%m-%d')} on {uname.sysname} {uname.release} ({uname.machine}), "
        f"{os.cpu_count()} CPUs (shared with other work), Python {sys.version.split()[0]}, "
        "bytecode compiled.",
        f"Median of {args.runs} runs after one warm-up; peak = the largest VmHWM of the footback process.",
        "",
        *(f"- {scale}x: {sizes[scale]}" for scale in scales),
        "",
        "| command | "
        + " | ".join(f"{s}x ms | {s}x peak MiB" for s in scales)
        + " | time 10x/1x | time 100x/1x |",
        "| --- | " + " | ".join("---: | ---:" for _ in scales) + " | ---: | ---: |",
    ]
    notes = []
    for command in commands:
        cells = []
        for scale in scales:
            ms, peak, note = results[(command, scale)]
            cells.append(f"{ms:.0f} | {peak:.1f}")
            if note:
                notes.append(f"- `{command}` at {scale}x failed: {note}")
        base = results.get((command, 1))
        ratios = [
            f"{results[(command, s)][0] / base[0]:.2f}" if base and (command, s) in results else "-"
            for s in (10, 100)
        ]
        lines.append(f"| `{command}` | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    report = "\n".join([*lines, "", *notes]).rstrip() + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
