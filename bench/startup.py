"""Start-up benchmark: footback commands against a bare typer app and `python -c pass`.

Run:  uv sync --compile-bytecode && uv run python bench/startup.py [--runs N]
(PYTHONDONTWRITEBYTECODE=1 on this machine: without compiled bytecode every run recompiles.)
Writes a Markdown table to bench/results/startup.md and prints it. footback and the bare typer app
(the same commands, no bodies: the floor, since typer itself loads pydantic) run alternately, N
times each after one warm-up; we report median wall times and the largest peak resident memory.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE_APP = '''
from typing import Annotated, Optional
from pathlib import Path
import typer

app = typer.Typer(no_args_is_help=True)


@app.command()
def assess(
    answers: Annotated[Optional[Path], typer.Option("--answers")] = None,
    json: Annotated[bool, typer.Option("--json")] = False,
    no_save: Annotated[bool, typer.Option("--no-save")] = False,
) -> None:
    """Assess."""


@app.command()
def stretch(
    routine: Annotated[Optional[str], typer.Option("--routine")] = None,
    preview: Annotated[bool, typer.Option("--preview")] = False,
) -> None:
    """Stretch."""


@app.command("shoes-check")
def shoes_check(list_: Annotated[bool, typer.Option("--list")] = False) -> None:
    """Shoes."""


@app.command()
def history() -> None:
    """History."""


@app.command()
def config() -> None:
    """Config."""


@app.command()
def plan() -> None:
    """Plan."""


@app.command()
def report() -> None:
    """Report."""


@app.command()
def export() -> None:
    """Export."""


@app.command("import")
def import_() -> None:
    """Import."""


@app.command()
def forget() -> None:
    """Forget."""


@app.command()
def checkin() -> None:
    """Check in."""


@app.command()
def progress() -> None:
    """Progress."""


app()
'''
# Targets from issue 12: within 1.2x of the bare app, and --help no slower than it.
TARGET = {"--help": 1.0}
DEFAULT_TARGET = 1.2


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MiB) of one child run.

    CPU time is the child's own work: on a shared machine it moves much less with the load than
    the wall time, which also counts the time the child waited for a core."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.stderr:
        proc.stderr.close()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}): {err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure_pair(
    argv: list[str], floor: list[str], env: dict[str, str], runs: int
) -> tuple[float, float, float, float, float]:
    """Median wall ms of argv and of floor, run alternately (so both see the same machine load),
    their median CPU ms, and argv's largest peak RSS in MiB."""
    run_once(argv, env)  # warm the file cache
    run_once(floor, env)
    mine, bare, mine_cpu, bare_cpu, peaks = [], [], [], [], []
    for _ in range(runs):
        wall, cpu, peak = run_once(argv, env)
        mine.append(wall)
        mine_cpu.append(cpu)
        peaks.append(peak)
        wall, cpu, _ = run_once(floor, env)
        bare.append(wall)
        bare_cpu.append(cpu)
    ms = [statistics.median(values) * 1000 for values in (mine, bare, mine_cpu, bare_cpu)]
    return ms[0], ms[1], ms[2], ms[3], max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    py = sys.executable
    # `uv sync --compile-bytecode` compiles the dependencies, not an editable project's own
    # source: compile footback too, as an installed wheel would be, or every run recompiles it.
    import compileall

    import footback

    compileall.compile_dir(str(Path(footback.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        bare = tmpdir / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        env = dict(os.environ, FOOTBACK_HOME=str(tmpdir / "home"), NO_COLOR="1", COLUMNS="80")
        env["FOOTBACK_CONFIG"] = str(tmpdir / "config.toml")  # no file: defaults
        template = subprocess.run(
            [py, "-m", "footback", "assess", "--template"],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        answers = tmpdir / "answers.toml"
        answers.write_text(template, encoding="utf-8")
        commands = [
            ["--help"],
            ["assess", "--answers", str(answers), "--json", "--no-save"],
            ["stretch", "--preview", "--routine", "feet"],
            ["history"],
            ["shoes-check", "--list"],
        ]
        labels = {"assess": "assess --answers F --json --no-save"}
        python_ms = statistics.median(run_once([py, "-c", "pass"], env)[0] for _ in range(args.runs)) * 1000
        uname = os.uname()
        lines = [
            f"Measured {time.strftime('%Y-%m-%d')} on {uname.sysname} {uname.release} ({uname.machine}), "
            f"{os.cpu_count()} CPUs (shared), Python {sys.version.split()[0]}, bytecode compiled "
            f"(`uv sync --compile-bytecode`, and footback's own modules by compileall), "
            "a new user's data folder (nothing stored).",
            f"{args.runs} alternating runs per command after one warm-up; median wall and CPU "
            f"(user + system) times; `python -c pass` takes {python_ms:.0f} ms; load average at the "
            f"start {os.getloadavg()[0]:.1f}.",
            "",
            "| command | footback ms | bare typer ms | ratio | target | footback CPU ms | bare CPU ms "
            "| CPU ratio | footback peak MiB (upper bound) |",
            "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
        ]
        for cmd in commands:
            label = labels.get(cmd[0], " ".join(cmd))
            ms, bare_ms, cpu, bare_cpu, peak = measure_pair(
                [py, "-m", "footback", *cmd], [py, str(bare), *cmd], env, args.runs
            )
            ratio = ms / bare_ms
            target = TARGET.get(label, DEFAULT_TARGET)
            verdict = "met" if ratio <= target else "NOT met"
            lines.append(
                f"| `footback {label}` | {ms:.0f} | {bare_ms:.0f} | {ratio:.2f} "
                f"| <= {target:.1f}x: {verdict} | {cpu:.0f} | {bare_cpu:.0f} | {cpu / bare_cpu:.2f} "
                f"| {peak:.1f} |"
            )
            print(lines[-1], file=sys.stderr)
    lines.append(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}.")
    table = "\n".join(lines) + "\n"
    out = ROOT / "bench" / "results" / "startup.md"
    out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
