"""Benchmark: how accurately and cheaply `footback stretch` keeps time, next to `termdown`.

For each hold length (default 10, 30 and 60 s) and each run, plays a one-step routine of that
length at real time in a pseudo-terminal (100x30), then `termdown SECONDS` in the same size,
interleaved so both see the same machine load. Both are measured between the same two events:

* start: the first frame on screen (footback: "Step 1 of 1"; termdown: its first output);
* end: footback leaving its screen (the alternate screen, left as soon as the routine ends:
  footback rings only when a new step starts, so a one-step routine never rings); termdown's
  bell when it reaches zero. Teardown after that (saving, exit) is not counted for either.

Reported per tool and hold, median of the runs:

* end-time error: (end - start) - SECONDS, in ms;
* CPU during play: CPU time the process (all its threads) used between start and end, from
  /proc/PID/task/*/schedstat (nanoseconds), divided by the wall time between them.

Run: `uv sync --compile-bytecode` first (this machine sets PYTHONDONTWRITEBYTECODE), then
`.venv/bin/python bench/stretch_timing.py --termdown PATH [--holds 10 30 60] [--runs 3] [--out FILE]`.
termdown is never a project dependency: install it into a throwaway venv
(`python3 -m venv /tmp/td && /tmp/td/bin/pip install termdown`) and pass `--termdown /tmp/td/bin/termdown`.
Not a test: it takes 2 x runs x the sum of the holds in wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import re
import select
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
BELL = b"\x07"
OSC = re.compile(rb"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)")
ALT_SCREEN_OFF = b"\x1b[?1049l"  # footback.stretch.render.ALT_SCREEN_OFF


def _ended(output: bytes, end_marker: bytes | None) -> bool:
    """The end marker is in `output` (None: a bell that does not end an OSC title)."""
    if end_marker is not None:
        return end_marker in output
    return BELL in OSC.sub(b"", output)


@dataclass
class Run:
    tool: str
    seconds: int
    error_ms: float
    cpu_share: float  # CPU seconds per wall second between start and end


def cpu_ns(pid: int) -> int:
    """CPU time of every thread of a live process so far, in ns (/proc schedstat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        with contextlib.suppress(OSError, ValueError, IndexError):  # a thread that just ended
            total += int((task / "schedstat").read_text().split()[0])
    return total


def run_in_pty(
    argv: list[str],
    env: dict[str, str],
    markers: tuple[bytes | None, bytes | None],
    seconds: int,
    tool: str,
) -> Run:
    """Spawn `argv` on a fresh pty; time and CPU from the start marker to the end marker after
    it (None: the first output; the first bell)."""
    start_marker, end_marker = markers
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    seen = b""
    started = ended = None
    cpu_start = cpu_end = 0
    after = 0  # where in `seen` the bell is looked for: after the start marker
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
        seen += chunk
        if started is None:
            found = seen.find(start_marker) if start_marker is not None else 0
            if found >= 0:
                started, cpu_start = now, cpu_ns(proc.pid)
                after = found + len(start_marker or b"")
        # A BEL that ends an OSC sequence (a window title) is not a bell.
        if started is not None and ended is None and _ended(seen[after:], end_marker):
            ended, cpu_end = now, cpu_ns(proc.pid)
            proc.terminate()  # measured: the rest (teardown, blinking) does not matter
        if started is not None:
            after = max(after, seen.rfind(b"\x1b", 0, max(0, len(seen) - 256)))
    os.wait4(proc.pid, 0)
    os.close(master)
    if started is None or ended is None:
        raise SystemExit(f"{tool}: no start or no end seen")
    wall = ended - started
    return Run(tool, seconds, (wall - seconds) * 1000, (cpu_end - cpu_start) / 1e9 / wall)


def footback_run(seconds: int, work: Path) -> Run:
    routine = work / f"bench{seconds}.toml"
    routine.write_text(
        f'name = "bench"\ndescription = "One {seconds}-second hold."\n\n[[steps]]\n'
        f'name = "Hold"\nseconds = {seconds}\ninstructions = "Hold still."\n',
        encoding="utf-8",
    )
    env = dict(os.environ, TERM="xterm-256color", FOOTBACK_HOME=str(work / "home"))
    env.update(COLUMNS=str(COLS), LINES=str(ROWS), FOOTBACK_CONFIG=str(work / "none.toml"))
    env.pop("NO_COLOR", None)
    argv = [sys.executable, "-m", "footback", "stretch", "--file", str(routine)]
    argv += ["--lead-in", "0", "--sound", "--no-wait", "--no-save"]
    return run_in_pty(argv, env, (b"Step 1 of 1", ALT_SCREEN_OFF), seconds, "footback stretch")


def termdown_run(seconds: int, termdown: str) -> Run:
    env = dict(os.environ, TERM="xterm-256color")
    return run_in_pty([termdown, str(seconds)], env, (None, None), seconds, "termdown")


def table(runs: list[Run]) -> str:
    lines = [
        "| tool | hold | runs | end-time error (ms), median [min, max] "
        "| CPU during play, median [min, max] |",
        "| --- | --- | --- | --- | --- |",
    ]
    for seconds in dict.fromkeys(r.seconds for r in runs):
        for tool in dict.fromkeys(r.tool for r in runs):
            mine = [r for r in runs if r.tool == tool and r.seconds == seconds]
            errors = [r.error_ms for r in mine]
            cpu = [r.cpu_share * 100 for r in mine]
            lines.append(
                f"| {tool} | {seconds} s | {len(mine)} | {statistics.median(errors):+.1f} "
                f"[{min(errors):+.1f}, {max(errors):+.1f}] | {statistics.median(cpu):.3f}% "
                f"[{min(cpu):.3f}, {max(cpu):.3f}] |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--holds", type=int, nargs="+", default=[10, 30, 60])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--termdown", help="path to a termdown installed in a throwaway venv")
    parser.add_argument("--out", type=Path, help="also write the markdown results here")
    args = parser.parse_args()
    runs: list[Run] = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.runs):
            for seconds in args.holds:
                runs.append(footback_run(seconds, Path(tmp)))
                print(runs[-1], file=sys.stderr)
                if args.termdown:
                    runs.append(termdown_run(seconds, args.termdown))
                    print(runs[-1], file=sys.stderr)
    uname = os.uname()
    report = "\n".join(
        [
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {uname.sysname} "
            f"{uname.release} ({uname.machine}), {os.cpu_count()} CPUs, Python {sys.version.split()[0]}, "
            f"pty {COLS}x{ROWS}, bytecode compiled, runs interleaved; "
            "start = first frame, end = footback leaving its screen, termdown's end bell.",
            "",
            table(runs),
            "",
        ]
    )
    if not args.termdown:
        report += "\ntermdown not measured: pass --termdown PATH (see the module docstring).\n"
    print(report)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
