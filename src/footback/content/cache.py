"""Validated content kept beside the package, so a run need not parse and check the TOML again.

A wheel's build (`hatch_build.py`) loads every piece of content from `data/` as a run would
(parsed, validated by its pydantic models, cross-checked) and writes each piece as plain JSON to
`footback/content_cache/<name>.json`: the models' field values, tagged with their class. A run
reads a piece back only when every file it came from is unchanged: the content files in `data/`
and the footback modules that define its classes, each checked by its SHA-256. A missing, stale
or unreadable piece is ignored and the TOML is loaded as usual (an editable install or a checkout
has no cache unless one is written there, as `bench/startup.py` does).

The cache is never written or read anywhere but beside the package (never in the data folder),
and it holds plain data (JSON), never code: reading it back makes only footback's own model
classes, with the values the build validated.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

FORMAT = 1
FOLDER = "content_cache"
PACKAGE = Path(__file__).resolve().parents[1]  # the footback package

T = TypeVar("T")

# While set, content is loaded from the TOML and the files read are noted (the build's recording).
_recording: list[set[str]] = []


def note_read(relpath: str) -> None:
    """Called by the loader for every content file it reads (`relpath` under `data/`)."""
    if _recording:
        _recording[-1].add(relpath)


@contextmanager
def recording() -> Iterator[set[str]]:
    """The content files read in the block; the cache is not used inside it."""
    read: set[str] = set()
    _recording.append(read)
    try:
        yield read
    finally:
        _recording.pop()


# ---------------------------------------------------------------- writing (at build time)

# How lists, tuples and sets are tagged (JSON has lists only).
CONTAINERS: dict[str, type[Any]] = {"l": list, "t": tuple, "f": frozenset, "s": set}


def encode(value: Any, classes: set[type]) -> Any:
    """`value` as JSON: models and enums tagged with their class (noted in `classes`), lists,
    tuples, sets and non-text keys tagged by kind; anything else is refused."""
    if value is None or (isinstance(value, bool | int | float | str) and not isinstance(value, Enum)):
        return value
    if isinstance(value, BaseModel):
        kind = type(value)
        if value.__pydantic_private__ or value.__pydantic_extra__:
            raise TypeError(f"{kind.__qualname__}: private or extra attributes are not cached")
        classes.add(kind)
        fields = {name: encode(getattr(value, name), classes) for name in kind.model_fields}
        return ["m", _class_name(kind), fields, sorted(value.model_fields_set)]
    if isinstance(value, Enum):
        classes.add(type(value))
        return ["e", _class_name(type(value)), encode(value.value, classes)]
    if isinstance(value, dict):
        if all(isinstance(key, str) for key in value):
            return {key: encode(item, classes) for key, item in value.items()}
        return ["k", [[encode(k, classes), encode(v, classes)] for k, v in value.items()]]
    for tag, container in CONTAINERS.items():
        if isinstance(value, container):
            return [tag, [encode(item, classes) for item in value]]
    raise TypeError(f"{type(value).__qualname__} is not cached: {value!r:.60}")


def _class_name(kind: type) -> str:
    if not kind.__module__.startswith("footback."):
        raise TypeError(f"{kind.__module__}.{kind.__qualname__} is not footback's")
    return f"{kind.__module__}:{kind.__qualname__}"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def piece(value: Any, data_files: set[str], read_data: Callable[[str], bytes]) -> dict[str, Any]:
    """One cache file's content: `value` encoded, with the digests of what it came from."""
    classes: set[type] = set()
    encoded = encode(value, classes)
    modules = {import_module(kind.__module__).__file__ or "" for kind in classes}
    code = {Path(m).resolve().relative_to(PACKAGE).as_posix(): m for m in modules}
    return {
        "format": FORMAT,
        "data": {rel: digest(read_data(rel)) for rel in sorted(data_files)},
        "code": {rel: digest(Path(path).read_bytes()) for rel, path in sorted(code.items())},
        "value": encoded,
    }


# ---------------------------------------------------------------- reading (every run)


def cached(name: str, kind: type[T], read_data: Callable[[str], bytes]) -> T | None:
    """The piece `name` when the cache beside the package has it and it is fresh, else None
    (load the TOML)."""
    if _recording:
        return None
    return read_piece(PACKAGE / FOLDER / f"{name}.json", kind, read_data)


# What reading a missing, unreadable or damaged piece may raise (a node cut short: IndexError;
# nested past the stack: RecursionError).
_DAMAGED = (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, ImportError, RecursionError)


def read_piece(path: Path, kind: type[T], read_data: Callable[[str], bytes]) -> T | None:
    """The value in the cache file `path` if it is a `kind` and every file it came from is
    unchanged (`read_data` reads a content file by its path under `data/`), else None."""
    try:
        stored = json.loads(path.read_bytes())
        if stored["format"] != FORMAT or not _fresh(stored, read_data):
            return None
        value = decode(stored["value"])
    except _DAMAGED:
        return None  # missing, unreadable, damaged or from another footback: the TOML is the truth
    return value if isinstance(value, kind) else None


def _fresh(stored: dict[str, Any], read_data: Callable[[str], bytes]) -> bool:
    for rel, sha in stored["data"].items():
        if not _plain(rel, ".toml") or digest(read_data(rel)) != sha:
            return False
    for rel, sha in stored["code"].items():
        if not _plain(rel, ".py") or digest(PACKAGE.joinpath(*rel.split("/")).read_bytes()) != sha:
            return False
    return True


def _plain(rel: str, suffix: str) -> bool:
    """Whether `rel` names a `suffix` file under its folder (data/, the package): any other path
    (/dev/zero, ../..) in a damaged piece is never read."""
    parts = rel.split("/")
    return rel.endswith(suffix) and not rel.startswith("/") and all(p not in ("", ".", "..") for p in parts)


def decode(node: Any) -> Any:
    """The value `encode` wrote: footback's models are made without validating again (the
    build validated these very values)."""
    if isinstance(node, dict):
        return {key: decode(item) for key, item in node.items()}
    if not isinstance(node, list):
        return node
    tag = node[0]
    if tag == "m":
        return _model(
            _footback_class(node[1], BaseModel), {k: decode(v) for k, v in node[2].items()}, node[3]
        )
    if tag == "e":
        return _footback_class(node[1], Enum)(decode(node[2]))
    if tag == "k":
        return {decode(key): decode(item) for key, item in node[1]}
    return CONTAINERS[tag](decode(item) for item in node[1])


def _model(kind: type[BaseModel], fields: dict[str, Any], fields_set: list[str]) -> BaseModel:
    """What `model_construct` makes from every field's value, without its per-field lookups
    (which cost more than the rest of reading the cache)."""
    if (
        kind.__pydantic_post_init__
        or kind.__pydantic_root_model__
        or fields.keys() != kind.model_fields.keys()
    ):
        return kind.model_construct(set(fields_set), **fields)
    made = kind.__new__(kind)
    object.__setattr__(made, "__dict__", fields)
    object.__setattr__(made, "__pydantic_fields_set__", set(fields_set))
    object.__setattr__(made, "__pydantic_extra__", None)
    object.__setattr__(made, "__pydantic_private__", None)
    return made


@cache
def _footback_class(name: str, base: type[T]) -> type[T]:
    """Only footback's own model and enum classes are made from the cache."""
    module, _, qualname = name.partition(":")
    if not module.startswith("footback."):
        raise TypeError(f"{name}: not footback's")
    found: Any = import_module(module)
    for part in qualname.split("."):
        found = getattr(found, part)
    if not (isinstance(found, type) and issubclass(found, base)):
        raise TypeError(f"{name}: not a {base.__name__}")
    return found
