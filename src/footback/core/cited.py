"""Findings that cite their sources by id; the citation text is made only where results are written out.

Scoring and advice put source ids in their results. Whoever writes a result out (the JSON a command
prints, the row the store keeps) passes the content's sources as serialization context, and each
finding's `source` field is filled in there: `result.model_dump_json(context=citing(sources))`.
Screens turn the same ids into short citations themselves (`Cited.citation`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from pydantic import (
    Field,
    SerializationInfo,
    SerializerFunctionWrapHandler,
    model_serializer,
    model_validator,
)

from footback.core.models import StrictModel

_CONTEXT_KEY = "citations"


class Citer(Protocol):
    """What turns source ids into one printable citation (content.loader.Sources)."""

    def cites(self, source_ids: Sequence[str], /) -> str: ...


def citing(citer: Citer) -> dict[str, Any]:
    """The serialization context that writes each finding's `source` from its ids."""
    return {_CONTEXT_KEY: citer}


def citer_in(info: SerializationInfo) -> Any:
    """The citer a `citing(...)` context carries, or None when the result is dumped without one."""
    context = info.context if isinstance(info.context, dict) else {}
    return context.get(_CONTEXT_KEY)


class Cited(StrictModel):
    """A finding with the ids of its sources; written out, it also carries `source` (the citation).

    A finding read back from the store is cited from its ids like a new one; one saved before ids
    existed keeps the citation it was saved with (`saved_source`).
    """

    if TYPE_CHECKING:
        # Each finding declares `source_ids` itself, where its written-out fields put it.
        source_ids: list[str]
    saved_source: str | None = Field(default=None, exclude=True, repr=False)
    # Where `source` goes in the written-out object: before this field, or last when None.
    source_before: ClassVar[str | None] = "source_ids"

    @model_validator(mode="before")
    @classmethod
    def _read_saved_source(cls, data: Any) -> Any:
        # A stored finding with ids is cited from them again; only one saved before ids keeps its text.
        if isinstance(data, dict) and "source" in data:
            rest = {key: value for key, value in data.items() if key != "source"}
            if rest.get("source_ids") or not data["source"]:
                return rest
            return rest | {"saved_source": data["source"]}
        return data

    def citation(self, citer: Citer) -> str:
        """The full citation, made from its ids (or the one saved before ids existed)."""
        return self.saved_source if self.saved_source is not None else citer.cites(self.source_ids)

    @model_serializer(mode="wrap")
    def _with_source(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        data = handler(self)
        if not isinstance(data, dict):  # pragma: no cover - a model always serializes to a dict
            return data
        citer = citer_in(info)
        if self.saved_source is not None:
            source = self.saved_source
        elif citer is not None:
            source = citer.cites(self.source_ids)
        else:
            name = type(self).__name__
            raise ValueError(f"{name} written out without its sources: pass context=citing(...)")
        out: dict[str, Any] = {}
        for key, value in data.items():
            if key == self.source_before:
                out["source"] = source
            out[key] = value
        if "source" not in out:
            out["source"] = source
        return out
