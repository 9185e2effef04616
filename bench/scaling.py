"""Scaling benchmark: does `history`, `report`, `export` (JSON, FHIR) and `import` cost grow with data?

1x is five years of daily routines and weekly assessments, ending today (a routine every day but
every tenth, so the streak is a realistic one; 1,644 sessions and 261 assessments). Nx stores N
times as many of each over the same five years (N routines a day, N assessments a week), so the
30-day and this-week windows grow with N too: the honest case for SQL aggregates.
Records are real footback records (one scored assessment's answers and result, repeated, from
tests/support/history_seed.seed_years, the generator the tests use),
bulk-inserted through footback's own store so the schema and indexes are the shipped ones.

Each command runs as a child process (`python -m footback ...`, bytecode compiled) `--runs` rounds
after one warm-up round; a round runs every size in turn, so all sizes see the same machine load.
We report the median wall time, the median CPU time (user + system, which moves much less with the
load of a shared machine) and the child's largest peak RSS (its VmHWM, read by the child itself
at exit). `import` reads the same scale's export into an empty
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
COMMANDS = ("history", "report", "export", "import", "export-fhir")


def generate(home: Path, scale: int, now: datetime) -> dict[str, int]:
    """A store at `scale` in `home` (the tests' own generator); returns the number of rows per table."""
    from tests.support.history_seed import seed_years

    from footback.records.db import open_store

    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_store(home) as store:
        return seed_years(store, years=YEARS, per_day=scale, end=now)


def run_once(argv: list[str], env: dict[str, str], peak_file: Path) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds (user + system), peak RSS (MiB), exit status and the last stderr
    line of one child run."""
    peak_file.unlink(missing_ok=True)
    env = dict(env, PEAK_FILE=str(peak_file))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = err.strip().splitlines()
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return wall, usage.ru_utime + usage.ru_stime, peak, proc.returncode, lines[-1] if lines else ""


def command_line(
    command: str, home: Path, work: Path, env: dict[str, str]
) -> tuple[list[str], dict[str, str]]:
    """The child's argv and environment for one run of `command` on the store in `home`."""
    py = [sys.executable, "-c", LAUNCH]
    export_file = work / f"{home.name}.json"
    env = dict(env, FOOTBACK_HOME=str(home))
    if command == "history":
        return [*py, "history"], env
    if command == "report":
        return [*py, "report", "--output", str(work / "report.md")], env
    if command == "export":
        return [*py, "export", "--format", "json", "--output", str(export_file)], env
    if command == "export-fhir":
        return [*py, "export", "--format", "fhir", "--output", str(work / "clinic.json")], env
    target = work / "import-home"
    shutil.rmtree(target, ignore_errors=True)
    env["FOOTBACK_HOME"] = str(target)
    return [*py, "import", str(export_file)], env


def open_cost(home: Path, runs: int) -> tuple[float, float]:
    """Median ms, in this process, to open and close the store: an ordinary open, and one that
    walks every page (`full_check`, as export and import do)."""
    from footback.records.db import open_existing_store

    costs = []
    for full in (False, True):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            store = open_existing_store(home, full_check=full)
            assert store is not None
            store.close()
            times.append(time.perf_counter() - start)
        costs.append(statistics.median(times) * 1000)
    return costs[0], costs[1]


Result = tuple[float, float, float, str]  # median wall ms, median CPU ms, largest peak MiB, note


def measure(
    command: str, homes: dict[int, Path], work: Path, runs: int, base_env: dict[str, str]
) -> dict[int, Result]:
    """Every scale's store in turn within each run (so all sizes see the same machine load)."""
    walls: dict[int, list[float]] = {scale: [] for scale in homes}
    cpus: dict[int, list[float]] = {scale: [] for scale in homes}
    peaks: dict[int, list[float]] = {scale: [] for scale in homes}
    notes = dict.fromkeys(homes, "")
    for attempt in range(runs + 1):  # the first round warms the file cache
        for scale, home in homes.items():
            argv, env = command_line(command, home, work, base_env)
            wall, cpu, peak, code, last = run_once(argv, env, work / "peak")
            if code != 0:
                notes[scale] = f"exit {code}: {last[:120]}"
            if attempt:
                walls[scale].append(wall)
                cpus[scale].append(cpu)
                peaks[scale].append(peak)
    return {
        scale: (
            statistics.median(walls[scale]) * 1000,
            statistics.median(cpus[scale]) * 1000,
            max(peaks[scale]),
            notes[scale],
        )
        for scale in homes
    }


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
    results: dict[tuple[str, int], Result] = {}
    sizes: dict[int, str] = {}
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env["FOOTBACK_CONFIG"] = str(work / "config.toml")  # no file: defaults
        homes = {scale: work / f"x{scale}" for scale in scales}
        for scale, home in homes.items():
            rows = generate(home, scale, now)
            mib = (home / "footback.sqlite3").stat().st_size / 2**20
            sizes[scale] = (
                f"{rows['stretch_sessions']:,} sessions, {rows['assessments']:,} assessments, {mib:.1f} MiB"
            )
            print(f"{scale}x: {sizes[scale]}", file=sys.stderr)
        opens = {scale: open_cost(home, max(args.runs, 5)) for scale, home in homes.items()}
        # export before import: import reads the export file each scale's export wrote.
        for command in sorted(commands, key=COMMANDS.index):
            for scale, result in measure(command, homes, work, args.runs, env).items():
                results[(command, scale)] = result
                ms, cpu, peak, note = result
                print(
                    f"  {command} {scale}x: {ms:.0f} ms, CPU {cpu:.0f} ms, {peak:.1f} MiB {note}",
                    file=sys.stderr,
                )
    uname = os.uname()
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} on {uname.sysname} {uname.release} "
        f"({uname.machine}), "
        f"{os.cpu_count()} CPUs (shared with other work; load average {load_start:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end), Python {sys.version.split()[0]}, bytecode compiled.",
        f"Median of {args.runs} rounds after one warm-up round; each round runs every size in turn. "
        "CPU = the child's user + system time; peak = the largest VmHWM of the footback process.",
        "",
        *(f"- {scale}x: {sizes[scale]}" for scale in scales),
        "",
        "| command | "
        + " | ".join(f"{s}x ms | {s}x CPU ms | {s}x peak MiB" for s in scales)
        + " | time 10x/1x | time 100x/1x | CPU 10x/1x | CPU 100x/1x |",
        "| --- | " + " | ".join("---: | ---: | ---:" for _ in scales) + " | ---: | ---: | ---: | ---: |",
    ]
    notes = []
    for command in commands:
        cells = []
        for scale in scales:
            ms, cpu, peak, note = results[(command, scale)]
            cells.append(f"{ms:.0f} | {cpu:.0f} | {peak:.1f}")
            if note:
                notes.append(f"- `{command}` at {scale}x failed: {note}")
        base = results.get((command, 1))
        ratios = [
            f"{results[(command, s)][k] / base[k]:.2f}" if base and (command, s) in results else "-"
            for k in (0, 1)
            for s in (10, 100)
        ]
        lines.append(f"| `{command}` | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
    lines += [
        "",
        "Opening the store (in-process, median of "
        f"{max(args.runs, 5)}; an ordinary open, and one walking every page as export and import do):",
        "",
        "| size | ordinary open ms | full-check open ms |",
        "| --- | ---: | ---: |",
        *(f"| {scale}x | {opens[scale][0]:.1f} | {opens[scale][1]:.1f} |" for scale in scales),
    ]
    report = "\n".join([*lines, "", *notes]).rstrip() + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
