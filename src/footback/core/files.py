"""Files people hand to footback (read safely) and files footback writes (owner-only, atomic)."""

from __future__ import annotations

import contextlib
import os
import re
import tomllib
from pathlib import Path
from typing import Any

from footback.core.errors import BadInputError, FootbackError
from footback.core.paths import FILE_MODE

_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


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


def read_input_text(path: Path, limit: int, kind: str = "file") -> str:
    """The UTF-8 text of an input file; every problem is one line naming the file.

    Reads at most one byte past `limit`, never the whole thing: /dev/zero, a FIFO or a huge
    file must be refused, not read until memory runs out.
    """
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{path}: is a folder, not {kind}") from None
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise BadInputError(f"{path}: file is larger than {limit} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadInputError(f"{path}: not valid UTF-8 text (byte {exc.start})") from None


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML from an input file; a syntax error names the file and line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        found = _TOML_LINE.search(msg)
        line = found.group(1) if found else "?"
        raise BadInputError(f"{path}:{line}: invalid TOML: {_TOML_LINE.sub('', msg).strip()}") from None
    except RecursionError:
        raise BadInputError(f"{path}: invalid TOML: nested too deeply") from None
