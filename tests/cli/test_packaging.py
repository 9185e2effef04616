"""The content in data/ must ship inside the wheel and the sdist, and be found when installed."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from footback.content.loader import content_root

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


def data_files() -> set[str]:
    return {p.relative_to(ROOT / "data").as_posix() for p in (ROOT / "data").rglob("*.toml")}


def test_wheel_carries_every_content_file(dist: Path) -> None:
    wheel = next(dist.glob("footback-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    packaged = {n.removeprefix("footback/data/") for n in names if n.startswith("footback/data/")}
    assert data_files() <= packaged
    assert "footback/cli/app.py" in names


def test_wheel_installs_a_footback_script(dist: Path) -> None:
    # `uv tool install .` and `pipx install .` put this script on PATH (README, Quick start).
    wheel = next(dist.glob("footback-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        entry_points = next(n for n in zf.namelist() if n.endswith(".dist-info/entry_points.txt"))
        text = zf.read(entry_points).decode("utf-8")
    assert "[console_scripts]\nfootback = footback.cli.start:main" in text


def test_sdist_carries_the_content(dist: Path) -> None:
    sdist = next(dist.glob("footback-*.tar.gz"))
    with tarfile.open(sdist) as tf:
        names = {n.split("/", 1)[1] for n in tf.getnames() if "/" in n}
    assert {f"data/{f}" for f in data_files()} <= names


def test_installed_wheel_finds_its_content(dist: Path, tmp_path: Path) -> None:
    wheel = next(dist.glob("footback-*.whl"))
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    code = (
        "from footback.content.loader import content_root; from footback.assess.content import "
        "load_assess_content as l; print(content_root()); print(len(l().questions.questions))"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    root, count = out.stdout.split()
    assert root.startswith(str(target))
    assert int(count) > 40


def test_checkout_or_editable_install_finds_the_top_level_data() -> None:
    root = content_root()
    assert root.joinpath("assess").joinpath("questions.toml").is_file()


def test_wheel_carries_the_content_cache_and_an_installed_wheel_reads_it(dist: Path, tmp_path: Path) -> None:
    from footback.cli.content_cache import pieces

    wheel = next(dist.glob("footback-*.whl"))
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as zf:
        zf.extractall(target)
    assert {f"{name}.json" for name in pieces()} == {
        p.name for p in (target / "footback/content_cache").iterdir()
    }
    code = (
        "from footback.assess.content import AssessContent as A; from footback.content.loader import "
        "from_cache; print(from_cache('assess', A) is not None)"
    )
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-c", code]
    assert subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout == "True\n"
    # A content file edited after the build: its piece is stale, and the TOML is loaded instead.
    scoring = target / "footback/data/assess/scoring.toml"
    scoring.write_text(scoring.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert subprocess.run(run, env=env, capture_output=True, text=True, check=True).stdout == "False\n"
