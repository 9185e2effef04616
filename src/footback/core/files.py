"""Files people hand to footback (read safely) and files footback writes (owner-only, atomic)."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from footback.core.errors import BadInputError, FootbackError
from footback.core.paths import FILE_MODE
from footback.core.text import excerpt

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


STDOUT = Path("-")


def _resolved(path: Path) -> Path:
    """`path` with its folder and any symlink resolved, whether or not the file exists yet."""
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    target, root = _resolved(path), _resolved(folder)
    return target == root or root in target.parents


def check_output(path: Path, protected: Path | None, option: str = "--output") -> None:
    """Refuse an `--output` that cannot be written or must not be: exit 2, one line, nothing touched."""
    if str(path) in ("", "."):
        raise BadInputError(f"{option}: give a file name (or - for the screen)")
    if protected is not None and _inside(path, protected):
        raise BadInputError(
            f"{option}: {path} is inside footback's data folder {protected}; writing there could "
            "destroy your history; choose a file elsewhere"
        )
    try:
        target = _resolved(path)
        folder, parent = target.is_dir(), target.parent.is_dir()
    except OSError as exc:  # a name longer than the system allows (ENAMETOOLONG), and the like
        raise BadInputError(f"{option}: {excerpt(str(path))}: {exc.strerror}") from None
    if folder:
        raise BadInputError(f"{option}: {path} is a folder; give a file name")
    if not parent:
        raise BadInputError(f"{option}: the folder {path.parent} does not exist; create it first")
    if _is_database(target):
        # Another data folder's store (FOOTBACK_HOME set elsewhere today) is not protected above.
        raise BadInputError(
            f"{option}: {path} is an SQLite database (a footback store from another data folder, "
            "perhaps); writing there would destroy it; choose another file"
        )


# The first bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def _is_database(target: Path) -> bool:
    """Whether `target` is a regular file holding an SQLite database (never opens a FIFO)."""
    try:
        if not target.is_file():
            return False
        with target.open("rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


@contextlib.contextmanager
def output_stream(path: Path | None, protected: Path | None, option: str = "--output") -> Iterator[TextIO]:
    """Where a command writes its document: stdout, a device or FIFO in place, or a file replaced whole.

    A regular file is written beside itself and renamed over the old one only once complete (a
    crash or a full disk leaves the old file whole) and keeps the old file's mode; a new one is 0600.
    A device, FIFO or socket is written into, never replaced by a regular file. A symlink is
    followed: its target is replaced and the link stays. `protected` (footback's data folder) is
    refused, so `report -o <the store>` cannot destroy the history.
    """
    if path is None or path == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    check_output(path, protected, option)
    target = _resolved(path)
    try:
        # The path itself, not its resolved name: /dev/fd/63 (a shell's `>(...)`) resolves to
        # "pipe:[...]", which is no file name at all.
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise FootbackError(f"cannot write {path}: {exc.strerror}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        yield from _write_in_place(path, path)
        return
    mode = stat.S_IMODE(info.st_mode) if info is not None else FILE_MODE
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as exc:
        raise FootbackError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _write_in_place(path: Path, target: Path) -> Iterator[TextIO]:
    try:
        fd = os.open(target, os.O_WRONLY | os.O_NOCTTY)
    except OSError as exc:
        raise FootbackError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
    except OSError as exc:
        raise FootbackError(f"cannot write {path}: {exc.strerror}") from None


def write_output(path: Path | None, text: str, protected: Path | None, option: str = "--output") -> None:
    """Write a whole document to `--output` (or another option naming a file; see `output_stream`)."""
    with output_stream(path, protected, option) as out:
        out.write(text)


def open_input(path: Path, kind: str = "file", *, wait: bool = True) -> BinaryIO:
    """An input file opened for reading; every problem is one line naming the file (exit 2).

    Like `cat`, a FIFO named here waits for its writer (a shell's `<(...)` already has one).
    With `wait=False` (a file nobody named on this command line, like the config) a FIFO
    without a writer reads as empty instead of hanging every command.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOCTTY | (0 if wait else os.O_NONBLOCK))
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except FileNotFoundError:
        raise BadInputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise BadInputError(f"{path}: is a folder, not {kind}") from None
    except OSError as exc:
        raise BadInputError(f"{path}: cannot read: {exc.strerror}") from None


def read_input_text(path: Path, limit: int, kind: str = "file", *, wait: bool = True) -> str:
    """The UTF-8 text of an input file; every problem is one line naming the file.

    Reads at most one byte past `limit`, never the whole thing: /dev/zero, a FIFO or a huge
    file must be refused, not read until memory runs out.
    """
    with open_input(path, kind, wait=wait) as fh:
        try:
            data = fh.read(limit + 1)
        except OSError as exc:
            raise BadInputError(f"{path}: cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise BadInputError(f"{path}: file is larger than {limit} bytes")
    try:
        # utf-8-sig: Windows editors (Notepad) may start a UTF-8 file with a byte-order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInputError(f"{path}: not valid UTF-8 text (byte {exc.start})") from None


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML from an input file; a syntax error names the file and line."""
    import tomli  # imported only by runs that read a TOML file (start-up)

    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as exc:
        msg = str(exc)
        found = _TOML_LINE.search(msg)
        line = found.group(1) if found else "?"
        raise BadInputError(f"{path}:{line}: invalid TOML: {_TOML_LINE.sub('', msg).strip()}") from None
    except RecursionError:
        raise BadInputError(f"{path}: invalid TOML: nested too deeply") from None
    except ValueError:
        # tomli converts numbers with int(), which refuses more than 4300 digits.
        raise BadInputError(f"{path}: invalid TOML: {TOO_LONG_NUMBER}") from None


# The longest number footback reads from a file: SQLite's integers have 19 digits, a double's
# exact text 17. A longer one is refused before it is converted (CPython refuses ints of more than
# 4300 digits with a ValueError, and converting one of millions takes quadratic time).
MAX_NUMBER_CHARS = 100
TOO_LONG_NUMBER = f"a number longer than {MAX_NUMBER_CHARS} characters"


class NumberTooLong(ValueError):
    """A number in a JSON file longer than MAX_NUMBER_CHARS."""


def _bounded(convert: Any) -> Any:
    def parse(text: str) -> Any:
        if len(text) > MAX_NUMBER_CHARS:
            raise NumberTooLong(TOO_LONG_NUMBER)
        return convert(text)

    return parse


class DuplicateKey(ValueError):
    """A JSON object naming one key twice: `{"foot": 3, "foot": 9}` showed 3 and stored 9."""


def _each_key_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKey(f"{excerpt(key)} is given twice in one object")
            seen.add(key)
    return found


def json_decoder(**hooks: Any) -> Any:
    """A `json.JSONDecoder` for every JSON file footback reads: numbers are bounded in length
    before they are converted, and an object may name each key once (which of two values counts
    is a guess a person reading the file may guess differently: DuplicateKey)."""
    import json

    return json.JSONDecoder(
        parse_int=_bounded(int), parse_float=_bounded(float), object_pairs_hook=_each_key_once, **hooks
    )
