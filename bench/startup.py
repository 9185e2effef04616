"""Start-up benchmark: footback commands against a bare typer app and `python -c pass`.

Run:  uv run python bench/startup.py [--runs N]
Writes a Markdown table to bench/results/startup.md and prints it. Each command runs N times
(after one warm-up run); we report the median wall time and the peak resident memory of the child.
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
def shoes_check() -> None:
    """Shoes."""


@app.command()
def history() -> None:
    """History."""


@app.command()
def config() -> None:
    """Config."""


app()
'''


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one child run."""
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
    return wall, usage.ru_maxrss / 1024


def measure(argv: list[str], env: dict[str, str], runs: int) -> tuple[float, float]:
    run_once(argv, env)  # warm the file cache
    walls, peaks = [], []
    for _ in range(runs):
        wall, peak = run_once(argv, env)
        walls.append(wall)
        peaks.append(peak)
    return statistics.median(walls) * 1000, max(peaks)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    py = sys.executable
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
        footback = [py, "-m", "footback"]
        rows = [
            ("python -c pass", [py, "-c", "pass"], None),
            ("--help", [*footback, "--help"], [py, str(bare), "--help"]),
            (
                "assess --answers F --json --no-save",
                [*footback, "assess", "--answers", str(answers), "--json", "--no-save"],
                [py, str(bare), "assess", "--answers", str(answers), "--json", "--no-save"],
            ),
            (
                "stretch --preview --routine feet",
                [*footback, "stretch", "--preview", "--routine", "feet"],
                [py, str(bare), "stretch", "--preview", "--routine", "feet"],
            ),
        ]
        lines = [
            f"Runs per command: {args.runs} (median wall time; peak RSS is the largest of the runs).",
            f"Python {sys.version.split()[0]}, {os.cpu_count()} cores.",
            "",
            "| command | footback ms | bare typer ms | ratio | footback peak MiB | target |",
            "| --- | ---: | ---: | ---: | ---: | --- |",
        ]
        for label, cmd, floor in rows:
            ms, peak = measure(cmd, env, args.runs)
            if floor is None:
                lines.append(f"| `{label}` | {ms:.0f} | - | - | {peak:.1f} | floor of Python |")
                continue
            bare_ms, _ = measure(floor, env, args.runs)
            ratio = ms / bare_ms
            ok = "met" if ratio <= 1.15 and peak < 60 else "NOT met"
            lines.append(
                f"| `footback {label}` | {ms:.0f} | {bare_ms:.0f} | {ratio:.2f} | {peak:.1f} | "
                f"<= 1.15x and < 60 MiB: {ok} |"
            )
    table = "\n".join(lines) + "\n"
    out = ROOT / "bench" / "results" / "startup.md"
    out.write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
