"""Fixtures shared by the CLI tests: a seeded data folder, made once per module and copied per case."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.hostile import seed_everything


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A seeded data folder made once and copied for every case."""
    folder = tmp_path_factory.mktemp("seeded") / "home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FOOTBACK_HOME", str(folder))
        patch.setenv("FOOTBACK_CONFIG", str(folder.parent / "none.toml"))
        seed_everything(folder)
    return folder


@pytest.fixture
def seeded(template: Path, home: Path) -> Path:
    shutil.copytree(template, home)
    return home
