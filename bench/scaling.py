"""Scaling benchmark: does each reading and writing command cost the same with 10x and 100x the data?

The stores come from tests/support/scale_seed.seed_daily_use, the generator the tests check
(tests/records/test_scale_seed.py): 1x is five years of daily use ending now (1,644 played and
365 logged sessions, 261 assessments, 260 plan changes, 66 function ratings, 1,565 check-ins)
and a saved plan. Nx holds N times as many sessions, assessments, plan changes and ratings over
the same five years (so the 30-day and this-week windows grow with N too). Check-ins are one per
local day, so Nx check-ins span N times the years: 50 at 10x; at 100x the one date range
(core/dates, from 1900) stops the span at 1900-01-02, about 127 years, 39,738 check-ins, about 25
times 1x. Rows are bulk-inserted into a store footback's own `open_store` made (shipped schema,
indexes and triggers).

Each command runs as a child process (bytecode compiled for footback and its dependencies, by
bench/startup.py's `compile_everything`) `--runs` rounds after a warm-up run at the smallest size;
a round runs every size in turn, so all sizes see the same machine load. Reported: the median wall time, the
median CPU time (user + system: the figure that matters on a shared machine) and the child's
largest peak RSS (its own VmHWM at exit), with verdicts on CPU time against issue 22's targets
(10x within 1.25x of 1x, 100x within 2x, peak under 100 MiB). Writing commands (`checkin`, `log`,
`plan --review`) run on a fresh copy of the store each time (the copy is not timed), `import` into
an empty data folder, so nothing accumulates between runs.

Run:  uv run python bench/scaling.py [--quick] [--scales 1,10,100] [--runs 3] [--commands ...]
      uv run python bench/scaling.py --history-json-sessions 529000   (issue 21's big history)
Heavy at 100x (a ~210 MB store): not part of the test suite.
"""

from __future__ import annotations

import argparse
import math
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.support and bench: the generator and launcher the tests use

from bench.startup import compile_everything  # noqa: E402
from tests.support.peak import LAUNCH  # noqa: E402

YEARS = 5
ARGV = {
    "history": ["history"],
    "history --json": ["history", "--json"],
    "report": ["report", "--output", "{work}/report.md"],
    "progress": ["progress"],
    "today": ["today"],
    "due": ["due"],
    "checkin": ["checkin", "--foot", "3", "--back", "4", "--replace"],
    "log": ["log", "feet"],
    "plan --review": ["plan", "--review"],
    "export": ["export", "--format", "json", "--output", "{export}"],
    "export-fhir": ["export", "--format", "fhir", "--output", "{work}/clinic.json"],
    "import": ["import", "{export}"],
}
COMMANDS = tuple(ARGV)
WRITING = ("checkin", "log", "plan --review")
# They carry every record, so their time grows with the data by design; memory is their target.
WHOLE_STORE = ("history --json", "export", "export-fhir", "import")
OK_EXIT = {"due": (0, 1)}  # `due` exits 1 for "nothing is due"
TARGET = {10: 1.25, 100: 2.0}
MEMORY_MIB = 100.0
SESSIONS_PER_SCALE = 1644 + 365  # played and logged sessions in five years at 1x


def generate(home: Path, scale: int, now: datetime, session_scale: int | None = None) -> dict[str, int]:
    """A store at `scale` in `home`, with a saved plan; the number of rows per kind."""
    from tests.support.scale_seed import save_a_plan, seed_daily_use

    from footback.records.db import open_store

    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open_store(home) as store:
        counts = seed_daily_use(store, years=YEARS, scale=scale, end=now, session_scale=session_scale)
    save_a_plan(home, now)
    return counts


def run_once(argv: list[str], env: dict[str, str], peak_file: Path) -> tuple[float, float, float, int, str]:
    """Wall seconds, CPU seconds (user + system), peak RSS (MiB), exit status and the last stderr
    line of one child run."""
    peak_file.unlink(missing_ok=True)
    env = dict(env, PEAK_FILE=str(peak_file))
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    assert proc.stderr is not None
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = err.strip().splitlines()
    peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return wall, usage.ru_utime + usage.ru_stime, peak, proc.returncode, lines[-1] if lines else ""


def prepare(command: str, home: Path, work: Path, env: dict[str, str]) -> tuple[list[str], dict[str, str]]:
    """The child's argv and environment for one run of `command` on the store in `home` (a
    writing command gets a fresh copy of it, `import` an empty folder), outside the timing."""
    target = home
    if command in WRITING:
        target = work / "scratch"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(home, target)
    elif command == "import":
        target = work / "import-home"
        shutil.rmtree(target, ignore_errors=True)
    fill = {"work": str(work), "export": str(work / f"{home.name}.json")}
    argv = [sys.executable, "-c", LAUNCH, *(word.format(**fill) for word in ARGV[command])]
    return argv, dict(env, FOOTBACK_HOME=str(target))


Result = tuple[float, float, float, str]  # median wall ms, median CPU ms, largest peak MiB, note


def measure(
    command: str, homes: dict[int, Path], work: Path, runs: int, env: dict[str, str], *, warm: bool = True
) -> tuple[dict[int, Result], tuple[float, float]]:
    """Every size's store in turn within each round; the results and the load average (1 minute)
    at the start and the end."""
    samples: dict[int, list[tuple[float, float, float]]] = {scale: [] for scale in homes}
    notes = dict.fromkeys(homes, "")
    load = os.getloadavg()[0]
    for attempt in range(0 if warm else 1, runs + 1):
        # The warm-up round runs the smallest size only: it loads the command's bytecode into the
        # file cache; every store was just written, so its pages are there already.
        for scale, home in homes.items() if attempt else [min(homes.items())]:
            argv, child_env = prepare(command, home, work, env)
            wall, cpu, peak, code, last = run_once(argv, child_env, work / "peak")
            if code not in OK_EXIT.get(command, (0,)):
                notes[scale] = f"exit {code}: {last[:120]}"
            if attempt:
                samples[scale].append((wall, cpu, peak))
    results: dict[int, Result] = {
        scale: (
            statistics.median(s[0] for s in runs_) * 1000,
            statistics.median(s[1] for s in runs_) * 1000,
            max(s[2] for s in runs_),
            notes[scale],
        )
        for scale, runs_ in samples.items()
    }
    return results, (load, os.getloadavg()[0])


def verdicts(command: str, by_scale: dict[int, Result]) -> list[str]:
    """CPU ratio and verdict for 10x and 100x against 1x, then the memory verdict."""
    cells = []
    base = by_scale.get(1)
    for scale, limit in TARGET.items():
        if base is None or scale not in by_scale:
            cells.append("-")
            continue
        ratio = by_scale[scale][1] / base[1]
        verdict = "met" if ratio <= limit else "MISS"
        if command in WHOLE_STORE and verdict == "MISS":
            verdict = "MISS (reads every record)"
        cells.append(f"{ratio:.2f} {verdict}")
    peak = max(result[2] for result in by_scale.values())
    cells.append(f"{peak:.1f} {'met' if peak < MEMORY_MIB else 'MISS'}")
    return cells


def machine_line(runs: int, *, tiers: bool = True) -> str:
    uname = os.uname()
    git = ["git", "-C", str(ROOT), "log", "-1", "--format=%h %cd", "--date=format:%Y-%m-%d %H:%M"]
    commit = subprocess.run(git, capture_output=True, text=True, check=False).stdout.strip() or "unknown"
    return (
        f"Measured {time.strftime('%Y-%m-%d %H:%M %Z')} on {uname.sysname} {uname.release} "
        f"({uname.machine}), footback at commit {commit}, "
        f"{os.cpu_count()} CPUs shared with other work, Python {sys.version.split()[0]}, bytecode compiled "
        f"for footback and its dependencies. Median of {runs} round(s) "
        + (
            "after a warm-up run at the smallest size; each round runs every size in turn. "
            if tiers
            else "(no warm-up: the store was just written). "
        )
        + "CPU = the child's user + system time; peak = the footback process's VmHWM."
    )


def table(
    commands: list[str],
    scales: list[int],
    results: dict[str, dict[int, Result]],
    loads: dict[str, tuple[float, float]],
) -> list[str]:
    head = " | ".join(f"{s}x ms | {s}x CPU ms | {s}x peak MiB" for s in scales)
    lines = [
        f"| command | load | {head} | CPU 10x/1x (<= 1.25) | CPU 100x/1x (<= 2) | peak MiB (< 100) |",
        "| --- | --- | " + " | ".join("---: | ---: | ---:" for _ in scales) + " | --- | --- | --- |",
    ]
    for command in commands:
        cells = [
            f"{results[command][s][0]:.0f} | {results[command][s][1]:.0f} | {results[command][s][2]:.1f}"
            for s in scales
        ]
        load = f"{loads[command][0]:.1f}-{loads[command][1]:.1f}"
        row = [f"`{command}`", load, *cells, *verdicts(command, results[command])]
        lines.append("| " + " | ".join(row) + " |")
    notes = [
        f"- `{command}` at {scale}x failed: {result[3]}"
        for command in commands
        for scale, result in results[command].items()
        if result[3]
    ]
    return [*lines, "", *notes] if notes else lines


def tiers(args: argparse.Namespace, env: dict[str, str], work: Path) -> list[str]:
    """Generate every size, measure every command, and the report's lines."""
    now = datetime.now().astimezone()
    homes = {scale: work / f"x{scale}" for scale in args.scales}
    sizes = []
    for scale, home in homes.items():
        start = time.perf_counter()
        counts = generate(home, scale, now)
        mib = (home / "footback.sqlite3").stat().st_size / 2**20
        held = ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
        sizes.append(f"- {scale}x: {held}; {mib:.1f} MiB (generated in {time.perf_counter() - start:.1f} s)")
        print(sizes[-1], file=sys.stderr)
    results: dict[str, dict[int, Result]] = {}
    loads: dict[str, tuple[float, float]] = {}
    for command in sorted(args.commands, key=COMMANDS.index):  # export before import: it reads that file
        results[command], loads[command] = measure(command, homes, work, args.runs, env)
        print(*table([command], args.scales, results, loads)[2:], sep="\n", file=sys.stderr)
    return [*sizes, "", *table(args.commands, args.scales, results, loads)]


def big_history(args: argparse.Namespace, env: dict[str, str], work: Path) -> list[str]:
    """`history --json` (and `history`) on one store of about `--history-json-sessions` sessions."""
    session_scale = math.ceil(args.history_json_sessions / SESSIONS_PER_SCALE)
    home = work / "big"
    start = time.perf_counter()
    counts = generate(home, 1, datetime.now().astimezone(), session_scale=session_scale)
    mib = (home / "footback.sqlite3").stat().st_size / 2**20
    held = ", ".join(f"{n:,} {kind}" for kind, n in counts.items())
    lines = [f"- store: {held}; {mib:.1f} MiB (generated in {time.perf_counter() - start:.1f} s)", ""]
    lines += ["| command | load | wall ms | CPU ms | peak MiB (< 100) |", "| --- | --- | ---: | ---: | --- |"]
    for command in ("history --json", "history"):
        # No warm-up: the store was just written (its pages are in the file cache), and a warm-up
        # at this size would cost as much as a measured run.
        results, load = measure(command, {1: home}, work, args.runs, env, warm=False)
        wall, cpu, peak, note = results[1]
        verdict = "met" if peak < MEMORY_MIB else "MISS"
        lines.append(
            f"| `{command}` | {load[0]:.1f}-{load[1]:.1f} | {wall:.0f} | {cpu:.0f} | {peak:.1f} {verdict} |"
            + (f" {note}" if note else "")
        )
        print(lines[-1], file=sys.stderr)
    return lines


def open_cost(homes: dict[int, Path], runs: int) -> list[str]:
    """Median ms, in this process, to open and close each store: an ordinary open, and one that
    walks every page (`full_check`, as export and import do)."""
    from footback.records.db import open_existing_store

    lines = ["| size | ordinary open ms | full-check open ms |", "| --- | ---: | ---: |"]
    for scale, home in homes.items():
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
        lines.append(f"| {scale}x | {costs[0]:.1f} | {costs[1]:.1f} |")
    return lines


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--scales", default="1,10,100", help="sizes to measure (default 1,10,100)")
    parser.add_argument("--quick", action="store_true", help="1x and 10x only")
    parser.add_argument("--runs", type=int, default=3, help="rounds after the warm-up (default 3)")
    parser.add_argument(
        "--commands", default=",".join(COMMANDS), help="comma-separated, from: " + ", ".join(COMMANDS)
    )
    parser.add_argument(
        "--history-json-sessions",
        type=int,
        default=0,
        help="measure only `history --json` on this many sessions",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="where the Markdown goes (default bench/results/)"
    )
    args = parser.parse_args()
    args.scales = [1, 10] if args.quick else [int(s) for s in args.scales.split(",")]
    args.commands = [c.strip() for c in args.commands.split(",") if c.strip()]
    unknown = [c for c in args.commands if c not in ARGV]
    if unknown:
        parser.error(f"unknown command(s) {unknown}; choose from {', '.join(COMMANDS)}")
    name = "history_json_big" if args.history_json_sessions else "scaling-quick" if args.quick else "scaling"
    args.out = args.out or ROOT / "bench" / "results" / f"{name}.md"
    return args


def main() -> None:
    args = parse()
    compile_everything()
    env = dict(os.environ, NO_COLOR="1", COLUMNS="80")
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env["FOOTBACK_CONFIG"] = str(work / "config.toml")  # no file: defaults
        if args.history_json_sessions:
            body = big_history(args, env, work)
        else:
            body = tiers(args, env, work)
            homes = {scale: work / f"x{scale}" for scale in args.scales}
            body += ["", "Opening the store (in-process, median of 5):", "", *open_cost(homes, 5)]
    command = "uv run python " + shlex.join(["bench/scaling.py", *sys.argv[1:]])
    head = [
        machine_line(args.runs, tiers=not args.history_json_sessions),
        f"Load average (1, 5, 15 min) at the start {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}, at the end "
        f"{os.getloadavg()[0]:.1f}. Reproduce: `{command}`",
        "",
    ]
    report = "\n".join([*head, *body]).rstrip() + "\n"
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
