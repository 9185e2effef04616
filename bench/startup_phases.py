"""Where `assess --json` and `stretch --preview` spend their start-up beyond typer and pydantic.

Run:  uv sync --compile-bytecode && uv run python bench/startup_phases.py [--runs 5]
Each run is a fresh child process (so nothing is cached between runs) that first imports what the
bare typer app of bench/startup.py also loads (typer, pydantic and typer's pydantic adapters), then
times each phase of the footback command with `time.perf_counter`. Prints the median of each phase
in milliseconds. A diagnostic for docs/performance.md, not a target: bench/startup.py measures those.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Each phase is the code that runs between two timestamps, in one process.
FLOOR = """
import os, time, io, json
os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
import typer, typer.main, pydantic, pydantic.fields, typer._adapters
from pydantic import TypeAdapter
TypeAdapter(int)
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
"""

ASSESS = """
import footback.cli.app, footback.cli.context, footback.cli.config
mark("cli, context and settings modules")
import footback.cli.commands.assess, footback.assess.flow
mark("the assess command module")
import footback.assess.content, footback.models.assessment
mark("content and result model classes")
import footback.assess.service
mark("scoring and advice modules")
from footback.content.loader import read_toml
for name in ["assess/questions.toml", "assess/scoring.toml", "assess/advice.toml",
             "assess/safety.toml", "assess/quick.toml", "sources.toml"]:
    read_toml(name)
mark("(parsing the content TOML alone: also inside the next line)")
from footback.assess.content import load_assess_content
content = load_assess_content()
mark("loading the content (parse, validate, cross-check)")
from tests.support.helpers import no_problem_answers
answers = no_problem_answers()
marks.append(("", time.perf_counter()))
result = footback.assess.service.assess(content, answers)
mark("scoring (with the result models' first build)")
footback.assess.service.result_json(result, content)
mark("the result's JSON")
"""

STRETCH = """
import footback.cli.app, footback.cli.context, footback.cli.config
mark("cli, context and settings modules")
import footback.cli.commands.stretch
mark("the stretch command module")
import footback.stretch.session, footback.stretch.choice, footback.stretch.catalogue
import footback.stretch.preview
mark("stretch modules")
from footback.stretch.catalogue import load_builtin
load_builtin("feet")
mark("loading the routine (parse, validate, sources)")
import rich.console
mark("importing rich to draw")
"""

REPORT = """
print(json.dumps([(name, (t - marks[i][1]) * 1000) for i, (name, t) in enumerate(marks[1:]) if name]))
"""


def run(body: str, runs: int, env: dict[str, str]) -> dict[str, float]:
    samples: dict[str, list[float]] = {}
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", FLOOR + body + REPORT],
            capture_output=True,
            text=True,
            check=True,
            env=env,
            cwd=ROOT,
        ).stdout
        for name, ms in json.loads(out.splitlines()[-1]):
            samples.setdefault(name, []).append(ms)
    return {name: statistics.median(values) for name, values in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    import compileall

    import footback

    # As in bench/startup.py: footback's own modules compiled, as an installed wheel has them.
    compileall.compile_dir(str(Path(footback.__file__).parent), quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, FOOTBACK_HOME=str(Path(tmp) / "home"), PYTHONPATH=str(ROOT))
        env["FOOTBACK_CONFIG"] = str(Path(tmp) / "config.toml")
        print(f"load average {os.getloadavg()[0]:.1f}; medians of {args.runs} runs, ms")
        for title, body in (("assess --json", ASSESS), ("stretch --preview", STRETCH)):
            phases = run(body, args.runs, env)
            total = sum(ms for name, ms in phases.items() if not name.startswith("("))
            print(f"\n{title}: {total:.1f} ms in these phases")
            for name, ms in phases.items():
                print(f"  {ms:6.1f}  {name}")


if __name__ == "__main__":
    main()
