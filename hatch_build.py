"""The wheel's build hook: footback's validated content, cached beside the package.

`src/footback/content/cache.py` says what the cache is and when a run reads it. The hook runs
`python -m footback.cli.content_cache` on the code being built (src/ first on the path), which
loads and checks every content file as a run would, and puts the pieces in the wheel as
`footback/content_cache/`. An editable install gets none: it runs src/ as it is edited, and loads
the TOML every time.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ContentCacheHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        # Loading the content needs footback's own dependencies (pydantic, tomli) in the build.
        return list(self.metadata.core.dependencies)

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        self._folder = Path(tempfile.mkdtemp(prefix="footback-content-cache-"))
        env = dict(os.environ, PYTHONPATH=str(Path(self.root) / "src"), PYTHONDONTWRITEBYTECODE="1")
        subprocess.run(
            [sys.executable, "-m", "footback.cli.content_cache", str(self._folder)],
            check=True,
            env=env,
            cwd=self.root,
        )
        build_data["force_include"][str(self._folder)] = "footback/content_cache"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if getattr(self, "_folder", None) is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
