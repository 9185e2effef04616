"""What a run imports, seen in-process: the modules under some prefixes are set aside for a block,
so the block imports them as a new process would, and every import is recorded."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType


class _Recorder(MetaPathFinder):
    """Notes every module name looked up; finds nothing itself (the usual finders do)."""

    def __init__(self) -> None:
        self.names: list[str] = []

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        self.names.append(fullname)
        return None


@contextmanager
def fresh_imports(prefixes: tuple[str, ...]) -> Iterator[list[str]]:
    """Yields the list of modules imported in the block (it fills as the block runs). Modules
    under `prefixes` are out of `sys.modules` during the block and put back after it, so the
    rest of the test session keeps the very modules (and classes) it had."""
    kept = {name: module for name, module in sys.modules.items() if name.startswith(prefixes)}
    for name in kept:
        del sys.modules[name]
    recorder = _Recorder()
    sys.meta_path.insert(0, recorder)
    try:
        yield recorder.names
    finally:
        sys.meta_path.remove(recorder)
        for name in [name for name in sys.modules if name.startswith(prefixes)]:
            del sys.modules[name]
        sys.modules.update(kept)
