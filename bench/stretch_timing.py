"""Benchmark: how accurately and cheaply `footback stretch` keeps time, next to `termdown`.

Plays a one-step routine of SECONDS (default 60) at real time in a pseudo-terminal, then runs
`termdown SECONDS` the same way, and reports for each:

* end-time error: (time the end shows on screen - time the first frame showed) - SECONDS, in ms.
  Start-up (imports, loading the routine) happens before the first frame and is excluded.
* CPU per wall second while timing: (user + system CPU of the whole run, minus the CPU spent
  up to the first frame) / (wall time from first frame to end). Total CPU including
  start-up is reported too.

Run: `.venv/bin/python bench/stretch_timing.py [--seconds 60] [--runs 1] [--out FILE]`.
termdown is not a dependency: `uv pip install termdown` puts it in the venv for this benchmark.
Not a test: it takes SECONDS x 2 x runs of wall time.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass
from pathlib import Path

ROWS, COLS = 30, 100
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    tool: str
    error_ms: float
    cpu_per_wall: float
    cpu_total_s: float
    wall_s: float


def cpu_seconds(pid: int) -> float:
    """User + system CPU of a live process so far, from /proc (clock-tick resolution)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def run_in_pty(
    argv: list[str],
    env: dict[str, str],
    start_marker: bytes | None,
    end_marker: bytes | None,
    seconds: float,
    tool: str,
) -> Run:
    """Spawn `argv` on a fresh pty; time from the start marker (or first output) to the end
    marker (or exit)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen = b""
    started = ended = None
    cpu_at_start = 0.0
    while True:
        ready, _, _ = select.select([master], [], [], 1.0)
        if not ready:
            if proc.poll() is not None:
                break
            continue
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            chunk = b""
        now = time.monotonic()
        if not chunk:
            break
        seen = (seen + chunk)[-4096:]
        if started is None and (start_marker is None or start_marker in seen):
            started = now
            cpu_at_start = cpu_seconds(proc.pid)
        if started is not None and end_marker is not None and ended is None and end_marker in seen:
            ended = now
    exit_time = time.monotonic()
    _, status, usage = os.wait4(proc.pid, 0)
    os.close(master)
    if started is None:
        raise SystemExit(f"{tool}: never showed its first frame (exit status {status})")
    finish = ended if ended is not None else exit_time
    wall = finish - started
    cpu_total = usage.ru_utime + usage.ru_stime
    return Run(tool, (wall - seconds) * 1000, (cpu_total - cpu_at_start) / wall, cpu_total, wall)


def footback_run(seconds: int, work: Path) -> Run:
    routine = work / "bench.toml"
    routine.write_text(
        f'name = "bench"\ndescription = "One {seconds}-second hold."\n\n[[steps]]\n'
        f'name = "Hold"\nseconds = {seconds}\ninstructions = "Hold still."\n',
        encoding="utf-8",
    )
    env = dict(
        os.environ,
        TERM="xterm-256color",
        FOOTBACK_HOME=str(work / "home"),
        COLUMNS=str(COLS),
        LINES=str(ROWS),
    )
    env.pop("NO_COLOR", None)
    argv = [
        sys.executable,
        "-m",
        "footback",
        "stretch",
        "--file",
        str(routine),
        "--lead-in",
        "0",
        "--quiet",
        "--no-save",
    ]
    return run_in_pty(argv, env, b"Step 1 of 1", b"Finished", seconds, "footback stretch")


def termdown_run(seconds: int, termdown: str) -> Run:
    env = dict(os.environ, TERM="xterm-256color")
    return run_in_pty([termdown, str(seconds)], env, None, None, seconds, "termdown")


def table(runs: list[Run], seconds: int) -> str:
    lines = [
        "| tool | runs | end-time error (ms), median [min, max] | CPU s per wall s while timing | "
        "CPU s total incl. start-up |",
        "| --- | --- | --- | --- | --- |",
    ]
    for tool in dict.fromkeys(r.tool for r in runs):
        mine = [r for r in runs if r.tool == tool]
        errors = [r.error_ms for r in mine]
        cpu = statistics.median(r.cpu_per_wall for r in mine)
        total = statistics.median(r.cpu_total_s for r in mine)
        lines.append(
            f"| {tool} {seconds} s | {len(mine)} | {statistics.median(errors):+.1f} "
            f"[{min(errors):+.1f}, {max(errors):+.1f}] | {cpu:.4f} ({cpu * 100:.2f}%) | {total:.2f} |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--out", type=Path, help="also write the markdown results here")
    args = parser.parse_args()
    termdown = shutil.which("termdown") or str(Path(sys.executable).with_name("termdown"))
    has_termdown = Path(termdown).exists()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            runs.append(footback_run(args.seconds, Path(tmp)))
            print(runs[-1], file=sys.stderr)
            if has_termdown:
                runs.append(termdown_run(args.seconds, termdown))
                print(runs[-1], file=sys.stderr)
    uname = os.uname()
    report = (
        "\n".join(
            [
                f"Measured {time.strftime('%Y-%m-%d')} on {uname.sysname} {uname.release} ({uname.machine}), "
                f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}, pty {COLS}x{ROWS}.",
                "",
                table(runs, args.seconds),
                "",
                "termdown not installed: `uv pip install termdown` to compare." if not has_termdown else "",
            ]
        ).rstrip()
        + "\n"
    )
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
