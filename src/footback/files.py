"""Writing files that hold health data: owner-only, and replaced atomically."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from footback.errors import BadInputError, FootbackError
from footback.paths import FILE_MODE


def write_private(path: Path, text: str) -> None:
    """Replace `path` with `text` (mode 0600); a crash or a full disk leaves the old file whole."""
    if path.is_dir():
        raise BadInputError(f"{path} is a folder; give a file name")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise FootbackError(f"cannot write {path}: {exc.strerror}") from None
