"""FOOTBACK_HOME or FOOTBACK_CONFIG starting with the `~user` of no known user: Python's expanduser
raised RuntimeError, a traceback in every command. Now one usage line naming the variable, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.hostile import invoke, refused

NOBODY = "~no-such-user-hostile5"


@pytest.mark.parametrize("name", ["FOOTBACK_HOME", "FOOTBACK_CONFIG"])
@pytest.mark.parametrize(
    "args", [["history"], ["log", "feet"], ["config"], []], ids=["history", "log", "config", "today"]
)
def test_a_home_folder_nobody_has_is_one_line(home: Path, name: str, args: list[str]) -> None:
    refused(invoke(args, env={name: f"{NOBODY}/footback"}), name, "full path")
    assert not home.exists()


def test_a_known_users_home_is_expanded(tmp_path: Path) -> None:
    result = invoke(["config", "--path"], env={"FOOTBACK_CONFIG": "~root/footback.toml"})
    assert result.exit_code == 0 and result.stdout.strip() == str(Path("~root/footback.toml").expanduser())
