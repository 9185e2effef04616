"""Start-up: a run builds only the command it invokes and loads only what that path needs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from footback.cli.app import COMMANDS, build_app

PROBE = (
    "import sys, json\n"
    "from footback.cli.app import main\n"
    "sys.argv = ['footback', *json.loads(sys.argv[1])]\n"
    "try:\n"
    "    main()\n"
    "except SystemExit:\n"
    "    pass\n"
    "sys.stderr.write(json.dumps(sorted(sys.modules)))\n"
)


def _modules_loaded_by(args: list[str], home: Path) -> set[str]:
    # Without coverage's subprocess hook, which itself loads sqlite3 for its data file.
    env = {k: v for k, v in os.environ.items() if not k.startswith("COVERAGE_")}
    env["FOOTBACK_HOME"] = str(home)
    out = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)], capture_output=True, text=True, check=True, env=env
    )
    return set(json.loads(out.stderr.splitlines()[-1]))


def test_a_run_builds_only_the_invoked_command() -> None:
    assert [c.name for c in build_app("history").registered_commands] == ["history"]
    assert [c.name for c in build_app().registered_commands] == list(COMMANDS)


@pytest.mark.parametrize(
    "args",
    [["shoes-check", "--list", "--json"], ["shoes-check", "--list"], ["history", "--json"]],
)
def test_paths_that_draw_nothing_load_neither_rich_nor_content(home: Path, args: list[str]) -> None:
    loaded = _modules_loaded_by(args, home)
    # Nothing is stored: no shoe content is needed to say so.
    assert "footback.shoes.content" not in loaded
    assert "footback.cli.commands.assess" not in loaded  # other commands are not built
    if "--json" in args:
        assert not any(m.startswith("rich") for m in loaded)
