"""Start-up benchmark: footback commands against a bare typer app and `python -c pass`.

Run:  uv run python bench/startup.py [--runs N]
(PYTHONDONTWRITEBYTECODE=1 on this machine: without compiled bytecode every run recompiles, which
pulls every ratio towards 1. The benchmark compiles the environment's site-packages, footback's
dependencies included, and footback's own modules first, as an installed wheel would have them.)
footback runs as installed from its wheel: the benchmark builds the wheel (so its build hook writes
the validated-content cache, src/footback/content/cache.py), unpacks it and compiles it, and puts it
first on PYTHONPATH; a checkout or an editable install has no cache and loads the TOML every run.
Each command runs through the console script an installer writes (`footback`, a script file, as the
bare app is run); `python -m footback --help` has its own row (runpy costs a few ms more).
Writes a Markdown table to bench/results/startup.md and prints it. footback and the bare typer app
(the same commands and options, no bodies, the same plain help style: the floor, since typer itself
loads pydantic) run alternately, N times each after one warm-up, twice: with a new user's empty
data folder, and with a year of data (330 routines, 53 assessments, 313 check-ins and a plan). We
report median wall and CPU times and the largest peak resident memory. footback pauses Python's
cyclic garbage collector for start-up (src/footback/cli/collector.py) and the bare app does not:
a third floor, the bare app with the collector paused, runs in the same rounds, and its column
shows what footback costs besides that pause.
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

# footback's help style: click's plain help (no rich panels).
app = typer.Typer(no_args_is_help=True, rich_markup_mode=None)


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
def checkin(
    foot: Annotated[Optional[int], typer.Option("--foot")] = None,
    back: Annotated[Optional[int], typer.Option("--back")] = None,
    replace: Annotated[bool, typer.Option("--replace")] = False,
) -> None:
    """Check in."""


@app.command()
def due() -> None:
    """Due."""


@app.command()
def progress() -> None:
    """Progress."""


app()
'''
# Targets from issue 12: within 1.2x of the bare app, and --help no slower than it.
TARGET = {"--help": 1.0, "--help, as python -m footback": 1.0}
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


# Peak memory is read through this small launcher: a child's ru_maxrss starts at the RSS of the
# process that forked it (Linux keeps the high-water mark across exec), so measured straight from
# this benchmark (which has seeded a year of data in-process) every command showed this process's
# 48 MiB. The launcher, started without site-packages, is far smaller than any footback run.
PEAK_LAUNCHER = (
    "import os, sys\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    null = os.open(os.devnull, os.O_WRONLY)\n"
    "    os.dup2(null, 1)\n"
    "    os.dup2(null, 2)\n"
    "    os.execv(sys.argv[1], sys.argv[1:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "print(usage.ru_maxrss, os.waitstatus_to_exitcode(status))\n"
)


def peak_mib(argv: list[str], env: dict[str, str]) -> float:
    """The peak resident memory of one run of argv in MiB, its own (see PEAK_LAUNCHER)."""
    launch = [sys.executable, "-S", "-c", PEAK_LAUNCHER, *argv]
    out = subprocess.run(launch, capture_output=True, text=True, env=env, check=True).stdout.split()
    if out[1] != "0":
        raise SystemExit(f"{' '.join(argv)} failed ({out[1]})")
    return int(out[0]) / 1024


def measure_pair(
    argv: list[str], floor: list[str], env: dict[str, str], runs: int, paused: list[str]
) -> tuple[float, float, float, float, float, float]:
    """Median wall ms of argv and of floor, run alternately (so both see the same machine load),
    their median CPU ms, argv's largest peak RSS in MiB (of 3 runs), and the median CPU ms of `paused` (the
    floor with the collector paused as footback pauses it, run in the same rounds)."""
    run_once(argv, env)  # warm the file cache
    run_once(floor, env)
    mine, bare, mine_cpu, bare_cpu, paused_cpu = [], [], [], [], []
    for _ in range(runs):
        wall, cpu, _ = run_once(argv, env)
        mine.append(wall)
        mine_cpu.append(cpu)
        wall, cpu, _ = run_once(floor, env)
        bare.append(wall)
        bare_cpu.append(cpu)
        paused_cpu.append(run_once(paused, env)[1])
    ms = [statistics.median(values) * 1000 for values in (mine, bare, mine_cpu, bare_cpu, paused_cpu)]
    return ms[0], ms[1], ms[2], ms[3], max(peak_mib(argv, env) for _ in range(3)), ms[4]


def compile_everything() -> None:
    """Bytecode for the dependencies and footback, as an installed environment has it."""
    import compileall
    import sysconfig

    import footback

    for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        if not compileall.compile_dir(folder, quiet=1, workers=0):
            raise SystemExit(f"could not compile {folder}: the benchmark needs bytecode")
    if not compileall.compile_dir(str(Path(footback.__file__).parent), quiet=1):
        raise SystemExit("could not compile footback: the benchmark needs bytecode")


def install_wheel(folder: Path) -> Path:
    """footback's wheel, built (with its content cache), unpacked and compiled in `folder`/site."""
    import compileall
    import zipfile

    dist = folder / "dist"
    build = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)]
    subprocess.run(build, check=True, capture_output=True)
    site = folder / "site"
    with zipfile.ZipFile(next(dist.glob("footback-*.whl"))) as wheel:
        wheel.extractall(site)
    if not (site / "footback" / "content_cache").is_dir():
        raise SystemExit("the wheel has no content cache (hatch_build.py)")
    if not compileall.compile_dir(str(site), quiet=1):
        raise SystemExit("could not compile the installed wheel: the benchmark needs bytecode")
    _write_console_script(site)
    return site


# What an installer writes for a console script (pip's and uv's launcher, less the shebang): the
# `footback` a person runs. `python -m footback` also goes through runpy, which the bare app (run
# as a script) does not pay: measured in its own row.
LAUNCHER = """import re
import sys
from {module} import {function}
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit({function}())
"""


def _write_console_script(site: Path) -> Path:
    """site/bin/footback, the launcher of the wheel's `footback` console script."""
    import configparser

    entry_points = configparser.ConfigParser()
    entry_points.read(next(site.glob("footback-*.dist-info")) / "entry_points.txt", encoding="utf-8")
    module, function = entry_points["console_scripts"]["footback"].split(":")
    script = site / "bin" / "footback"
    script.parent.mkdir(exist_ok=True)
    script.write_text(LAUNCHER.format(module=module.strip(), function=function.strip()), encoding="utf-8")
    return script


def seed_a_year(home: Path) -> dict[str, int]:
    """A year of daily use ending now: routines most days, weekly assessments, check-ins, a plan."""
    from datetime import UTC, datetime, timedelta

    sys.path.insert(0, str(ROOT))
    from tests.support.context import fake_context, set_wall
    from tests.support.history_seed import seed_years

    from footback.models.checkin import CheckIn
    from footback.plan.service import PlanRequest, make_plan
    from footback.records.checkins import save_checkin
    from footback.records.db import open_store

    now = datetime.now(UTC)
    home.mkdir(mode=0o700, parents=True)
    with open_store(home) as store:
        counts = seed_years(store, years=1, end=now)
        days = [d for d in range(365, 0, -1) if d % 7 != 3]  # 313 of 365 days
        for day in days:
            when = now - timedelta(days=day)
            save_checkin(store, CheckIn(day=when.date(), foot=3, back=4, created_at=when))
    env = fake_context(home, home.parent / "config.toml")
    set_wall(env, now)
    if make_plan(env, PlanRequest(save=True)).saved_to is None:
        raise SystemExit("the year of data has no plan")
    return counts | {"checkins": len(days)}


# Issue 22's targets: 1.3x for assess --json, 1.2x for the rest, --help no slower than the bare app.
TARGET.update({"assess --answers F --json --no-save": 1.3})
EMPTY = [
    ["--help"],
    ["-m", "--help"],
    ["assess", "--answers", "ANSWERS", "--json", "--no-save"],
    ["stretch", "--preview", "--routine", "feet"],
    ["history"],
    ["shoes-check", "--list"],
]
A_YEAR = [
    ["stretch", "--preview", "--routine", "feet"],
    ["history"],
    ["shoes-check", "--list"],
    ["checkin", "--foot", "3", "--back", "4", "--replace"],
    ["progress"],
    ["due"],
    ["assess", "--answers", "ANSWERS", "--json", "--no-save"],
]
LABELS = {"assess": "assess --answers F --json --no-save", "-m": "--help, as python -m footback"}


def table_rows(
    commands: list[list[str]], py: str, bare: Path, env: dict[str, str], runs: int, script: Path
) -> list[str]:
    rows = []
    paused = bare.with_name("bare_paused.py")
    for cmd in commands:
        label = LABELS.get(cmd[0], " ".join(cmd))
        # footback as a person runs it: its console script (or `python -m footback` where asked).
        mine = [py, "-m", "footback", *cmd[1:]] if cmd[0] == "-m" else [py, str(script), *cmd]
        ms, bare_ms, cpu, bare_cpu, peak, paused_cpu = measure_pair(
            mine,
            [py, str(bare), *cmd[cmd[0] == "-m" :]],
            env,
            runs,
            [py, str(paused), *cmd[cmd[0] == "-m" :]],
        )
        target = TARGET.get(label, DEFAULT_TARGET)
        # The verdict is on CPU time: on a shared machine wall time mostly measures the wait for a core.
        verdict = "met" if cpu / bare_cpu <= target else "NOT met"
        rows.append(
            f"| `footback {label}` | {ms:.0f} | {bare_ms:.0f} | {ms / bare_ms:.2f} | {cpu:.0f} "
            f"| {bare_cpu:.0f} | {cpu / bare_cpu:.2f} | <= {target:.1f}x: {verdict} | {peak:.1f} "
            f"| {paused_cpu:.0f} | {cpu / paused_cpu:.2f} |"
        )
        print(rows[-1], file=sys.stderr)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", metavar="WORD", help="only commands holding WORD (no results file)")
    args = parser.parse_args()
    py = sys.executable
    compile_everything()
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        bare = tmpdir / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        # The same app with the cyclic collector paused as footback pauses it (src/footback/cli/
        # collector.py; the bare commands have empty bodies, so paused to the end): what footback
        # costs besides that pause.
        bare.with_name("bare_paused.py").write_text("import gc\ngc.disable()\n" + BARE_APP, encoding="utf-8")
        env = dict(os.environ, FOOTBACK_HOME=str(tmpdir / "home"), NO_COLOR="1", COLUMNS="80")
        site = install_wheel(tmpdir)
        env["PYTHONPATH"] = str(site)  # footback as installed, not the checkout
        env["FOOTBACK_CONFIG"] = str(tmpdir / "config.toml")  # no file: defaults
        argv = [py, "-m", "footback", "assess", "--template"]
        template = subprocess.run(argv, capture_output=True, text=True, env=env, check=True).stdout
        answers = tmpdir / "answers.toml"
        answers.write_text(_signs_answered(template), encoding="utf-8")
        python_ms = statistics.median(run_once([py, "-c", "pass"], env)[0] for _ in range(args.runs)) * 1000
        uname = os.uname()
        header = (
            "| command | footback ms | bare typer ms | ratio | footback CPU ms | bare CPU ms | CPU ratio "
            "| target (on CPU) | footback peak MiB | bare, collector paused, CPU ms | CPU ratio to it |\n"
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |"
        )
        lines = [
            f"Measured {time.strftime('%Y-%m-%d %H:%M')} UTC on {uname.sysname} {uname.release} "
            f"({uname.machine}), "
            f"{os.cpu_count()} CPUs (shared), Python {sys.version.split()[0]}, bytecode compiled for the "
            "dependencies and footback (compileall on site-packages and the package); footback "
            "installed from its wheel (with the content cache its build writes).",
            f"{args.runs} alternating runs per command after one warm-up; median wall and CPU (user + "
            f"system) times; `python -c pass` takes {python_ms:.0f} ms; load average at the start "
            f"{os.getloadavg()[0]:.1f}.",
            "",
            "A new user's data folder (nothing stored):",
            "",
            header,
        ]
        fill = _chosen(EMPTY, answers, args.only)
        lines += table_rows(fill, py, bare, env, args.runs, site / "bin" / "footback")
        counts = seed_a_year(tmpdir / "year")
        env["FOOTBACK_HOME"] = str(tmpdir / "year")
        held = ", ".join(f"{n} {k}" for k, n in counts.items())
        lines += ["", f"A year of data ({held}, a plan):", "", header]
        fill = _chosen(A_YEAR, answers, args.only)
        lines += table_rows(fill, py, bare, env, args.runs, site / "bin" / "footback")
    lines.append(f"\nLoad average at the end: {os.getloadavg()[0]:.1f}.")
    table = "\n".join(lines) + "\n"
    if args.only is None:
        (ROOT / "bench" / "results" / "startup.md").write_text(table, encoding="utf-8")
    print(table)


def _signs_answered(template: str) -> str:
    """The template as a person hands it in: it leaves the warning signs blank (an unedited one
    is refused), so each is answered "no" here, as tests/support/helpers.py does."""
    sys.path.insert(0, str(ROOT))
    from tests.support.helpers import template_signs_answered_no

    return template_signs_answered_no(template)


def _chosen(commands: list[list[str]], answers: Path, only: str | None) -> list[list[str]]:
    filled = [[str(answers) if word == "ANSWERS" else word for word in cmd] for cmd in commands]
    return [cmd for cmd in filled if only is None or only in " ".join(cmd)]


if __name__ == "__main__":
    main()
