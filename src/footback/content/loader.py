"""Finding and loading footback's content (the TOML files in `data/`)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from footback.core.errors import ContentError
from footback.core.models import StrictModel

M = TypeVar("M", bound=BaseModel)


def content_root(override: Path | None = None) -> Traversable:
    """The content folder: an explicit override, the packaged copy, or the checkout's `data/`.

    A wheel carries `footback/data`; an editable install or a checkout imports from `src/`,
    where the content sits two folders up.
    """
    if override is not None:
        return override
    packaged = files("footback") / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "data"
    if checkout.is_dir():
        return checkout
    raise ContentError("footback's content folder (data/) is missing from this installation")


def read_toml(relpath: str, root: Traversable | None = None) -> dict[str, Any]:
    """Parse one content file; `relpath` uses `/` separators."""
    node = root if root is not None else content_root()
    for part in relpath.split("/"):
        node = node.joinpath(part)
    if not node.is_file():
        raise ContentError(f"footback's content file data/{relpath} is missing")
    try:
        return tomllib.loads(node.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(f"data/{relpath}: invalid TOML: {exc}") from None


def load_model(relpath: str, model: type[M], root: Traversable | None = None) -> M:
    """Parse and validate one content file against its pydantic model."""
    raw = read_toml(relpath, root)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ContentError(f"data/{relpath}: {where}: {first['msg']}") from None


class Source(StrictModel):
    """One reference that a factor, flag, step or check cites."""

    citation: str
    # A few words for screens; the full citation goes in JSON, reports and exports.
    short: str | None = None
    evidence: str = "published"
    note: str | None = None


class Sources(StrictModel):
    sources: dict[str, Source]

    def cite(self, source_id: str) -> str:
        """The printable citation for a source id."""
        return self.sources[source_id].citation

    def brief(self, source_id: str) -> str:
        """The short form of a citation for narrow screens."""
        source = self.sources[source_id]
        return source.short or source.citation

    def check(self, ids: list[str], where: str) -> None:
        """Fail loudly at load time when content cites a source that does not exist."""
        for source_id in ids:
            if source_id not in self.sources:
                raise ContentError(f"{where}: unknown source '{source_id}' (not in data/sources.toml)")


@cache
def sources() -> Sources:
    """All sources, loaded once per process."""
    return load_model("sources.toml", Sources)
