"""What a shell prompt pays to show what is due: `footback prompt SHELL`'s function against starting
`footback due`.

Run:  uv run python bench/prompt.py [--calls 2000] [--runs 5]

A store in a temporary data folder gets a check-in, a session and a plan's worth of reminders; the
state file is written by footback itself (`footback prompt bash`). Each shell then sources the snippet
and calls the function `--calls` times in one process, timed with the shell's own clock (bash's
EPOCHREALTIME, zsh's zsh/datetime, fish's `date`), and `footback due` is started `--runs` times. Prints
a Markdown table: milliseconds per prompt, median of `--runs` rounds.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Each prints the microseconds its calls took, then (on stderr) what the function showed.
LOOPS = {
    "bash": (
        "source {snippet}; s=$EPOCHREALTIME; for ((i = 0; i < {calls}; i++)); do __footback_due; done;"
        ' e=$EPOCHREALTIME; echo $(( ${{e/./}} - ${{s/./}} )); echo "$FOOTBACK_DUE" >&2'
    ),
    "zsh": (
        "source {snippet}; s=$EPOCHREALTIME; for ((i = 0; i < {calls}; i++)); do __footback_due; done;"
        ' e=$EPOCHREALTIME; printf "%.0f\\n" $(( (e - s) * 1e6 )); echo "$FOOTBACK_DUE" >&2'
    ),
    "fish": (
        "source {snippet}; set s (date +%s%N); for i in (seq {calls}); footback_due >/dev/null; end;"
        ' set e (date +%s%N); math --scale=0 "($e - $s) / 1000"; footback_due >&2'
    ),
}
ARGS = {"bash": ["bash", "--norc", "-c"], "zsh": ["zsh", "-f", "-c"], "fish": ["fish", "-N", "-c"]}


def footback(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "footback", *args], env=env, capture_output=True, text=True, check=False
    )


def per_prompt(shell: str, snippet: Path, calls: int, env: dict[str, str]) -> tuple[float, str]:
    script = LOOPS[shell].format(snippet=snippet, calls=calls)
    done = subprocess.run([*ARGS[shell], script], env=env, capture_output=True, text=True, check=True)
    return float(done.stdout) / 1000 / calls, done.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp()) / "home"
    env = {**os.environ, "FOOTBACK_HOME": str(home), "NO_COLOR": "1"}
    footback("checkin", "--foot", "2", "--back", "3", env=env)
    footback("log", "feet", "--minutes", "5", env=env)
    shells = [s for s in LOOPS if shutil.which(s)]
    rows: dict[str, list[float]] = {s: [] for s in shells}
    rows["footback due"] = []
    said: dict[str, str] = {}
    for shell in shells:
        (home.parent / f"snippet.{shell}").write_text(footback("prompt", shell, env=env).stdout)
    for _ in range(options.runs):
        for shell in shells:
            took, said[shell] = per_prompt(shell, home.parent / f"snippet.{shell}", options.calls, env)
            rows[shell].append(took)
        began = time.perf_counter()
        said["footback due"] = footback("due", env=env).stdout.strip()
        rows["footback due"].append((time.perf_counter() - began) * 1000)
    print(f"load average {os.getloadavg()[0]:.1f}; {options.calls} calls a round, {options.runs} rounds\n")
    print("| what | ms per prompt (median) | min | max | shows |")
    print("| --- | ---: | ---: | ---: | --- |")
    for name, times in rows.items():
        label = f"`footback prompt {name}` function" if name in LOOPS else f"`{name}` (a process)"
        shown = said.get(name, "")
        print(f"| {label} | {statistics.median(times):.3f} | {min(times):.3f} | {max(times):.3f} | {shown} |")
    shutil.rmtree(home.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
