"""Finding and loading footback's content (the TOML files in `data/`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from footback.content.cache import cached, note_read
from footback.core.errors import ContentError
from footback.core.models import StrictModel

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def content_root(override: Path | None = None) -> Traversable:
    """The content folder: an explicit override, the packaged copy, or the checkout's `data/`.

    A wheel carries `footback/data`; an editable install or a checkout imports from `src/`,
    where the content sits two folders up.
    """
    if override is not None:
        return override
    return _installed_root()


@cache
def _installed_root() -> Traversable:
    # Found once per run: every content file read (and every cache check) starts here.
    packaged = files("footback") / "data"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[3] / "data"
    if checkout.is_dir():
        return checkout
    raise ContentError("footback's content folder data/ is missing")


def _node(relpath: str, root: Traversable | None) -> Traversable:
    node = root if root is not None else content_root()
    for part in relpath.split("/"):
        node = node.joinpath(part)
    return node


def read_toml(relpath: str, root: Traversable | None = None) -> dict[str, Any]:
    """Parse one content file; `relpath` uses `/` separators."""
    node = _node(relpath, root)
    if root is None:
        note_read(relpath)  # what a cache piece built now comes from
    if not node.is_file():
        raise ContentError(f"data/{relpath}: file is missing")
    import tomli  # only when the cache beside the package is missing or stale (content/cache.py)

    try:
        return tomli.loads(node.read_text(encoding="utf-8"))
    except tomli.TOMLDecodeError as exc:
        raise ContentError(f"data/{relpath}: invalid TOML: {exc}") from None


def key_path(loc: Sequence[int | str], raw: object) -> str:
    """A pydantic error location as the key a person looks for: list items by their `id` when they have one.

    `("scores", "foot", "factors", 3, "points")` reads `scores.foot.factors.bmi.points` when the fourth
    factor has `id = "bmi"`, and `...factors.3.points` when it has no id.
    """
    parts: list[str] = []
    node = raw
    for key in loc:
        child = None
        if isinstance(key, int) and isinstance(node, list) and 0 <= key < len(node):
            child = node[key]
            ident = child.get("id") if isinstance(child, dict) else None
            parts.append(ident if isinstance(ident, str) and ident else str(key))
        else:
            child = node.get(key) if isinstance(node, dict) and isinstance(key, str) else None
            parts.append(str(key))
        node = child
    return ".".join(parts) or "(top level)"


def load_model(relpath: str, model: type[M], root: Traversable | None = None) -> M:
    """Parse and validate one content file against its pydantic model; every problem is reported."""
    raw = read_toml(relpath, root)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = [f"data/{relpath}: {key_path(e['loc'], raw)}: {e['msg']}" for e in exc.errors()]
        raise ContentError(*problems) from None


class ContentProblems:
    """Problems gathered while loading several content files, so that one run reports them all."""

    def __init__(self) -> None:
        self.found: list[str] = []

    def attempt(self, load: Callable[[], T]) -> T | None:
        """What `load` returns, or None after noting its problems."""
        try:
            return load()
        except ContentError as exc:
            self.found += exc.problems
            return None

    def load(self, relpath: str, model: type[M], root: Traversable | None = None) -> M | None:
        """The validated file, or None after noting its problems."""
        return self.attempt(lambda: load_model(relpath, model, root))

    def add(self, problems: Sequence[str]) -> None:
        self.found += problems

    def raise_if_any(self) -> None:
        if self.found:
            raise ContentError(*self.found)


class Source(StrictModel):
    """One reference that a factor, flag, step or check cites."""

    citation: str
    # A few words for screens; the full citation goes in JSON, reports and exports.
    short: str | None = None
    # The first short form on a screen or in a report, when `short` does not say what the source
    # is ("the article"): e.g. "a podiatry clinic's web article: expert opinion".
    named: str | None = None
    evidence: str = "published"
    note: str | None = None


def _once(citations: Sequence[str]) -> str:
    # A citation may itself name several sources ("NHS; Royal Free"): each part is listed once.
    # Parts are split at "; " only, so a reference such as "2018;34:18-22" stays whole.
    parts = (part.strip() for citation in citations for part in citation.split("; "))
    return "; ".join(dict.fromkeys(part for part in parts if part))


class Sources(StrictModel):
    sources: dict[str, Source]

    def cite(self, source_id: str) -> str:
        """The printable citation for a source id."""
        return self.sources[source_id].citation

    def brief(self, source_id: str) -> str:
        """The short form of a citation for narrow screens."""
        source = self.sources[source_id]
        return source.short or source.citation

    def briefs(self, source_ids: Sequence[str]) -> str:
        """Short citations joined with '; ', each name once (never 'NHS; Royal Free; NHS')."""
        return _once([self.brief(i) for i in source_ids if i in self.sources])

    def briefer(self) -> Callable[[Sequence[str]], str]:
        """`briefs` for one screen or report: a source's `named` form the first time it is cited
        there, its short form after."""
        seen: set[str] = set()

        def brief(source_ids: Sequence[str]) -> str:
            parts: list[str] = []
            for i in source_ids:
                if (source := self.sources.get(i)) is None:
                    continue
                first = source.named if source.named and i not in seen else None
                parts.append(first or self.brief(i))
                seen.add(i)
            return _once(parts)

        return brief

    def cites(self, source_ids: Sequence[str]) -> str:
        """Full citations joined with '; ', each once."""
        return _once([self.cite(i) for i in source_ids if i in self.sources])

    def missing(self, ids: list[str], where: str) -> list[str]:
        """A problem for each cited source that does not exist (checked when content is loaded)."""
        return [
            f"{where}: unknown source '{source_id}' (not in data/sources.toml)"
            for source_id in ids
            if source_id not in self.sources
        ]

    def check(self, ids: list[str], where: str) -> None:
        """Fail at load time when content cites a source that does not exist."""
        if problems := self.missing(ids, where):
            raise ContentError(*problems)


def data_bytes(relpath: str) -> bytes:
    """A content file's bytes, for checking a cache piece against it."""
    return _node(relpath, None).read_bytes()


def from_cache(name: str, kind: type[T]) -> T | None:
    """The validated piece `name` kept beside the package, when it is fresh (`content/cache.py`)."""
    return cached(name, kind, data_bytes)


def kept_or_loaded(name: str, kind: type[M], file: str, check: Callable[[M], None] | None = None) -> M:
    """The validated piece `name` kept beside the package when fresh, else data/`file` loaded,
    validated and given to `check` (its source ids; a kept piece was checked when it was built)."""
    if (kept := from_cache(name, kind)) is not None:
        return kept
    content = load_model(file, kind)
    if check is not None:
        check(content)
    return content


@cache
def sources(root: Path | None = None) -> Sources:
    """All sources, loaded once per process (per content root)."""
    if root is None and (kept := from_cache("sources", Sources)) is not None:
        return kept
    return load_model("sources.toml", Sources, root)
