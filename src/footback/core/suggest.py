"""'Did you mean' hints for mistyped ids, names and keys (kept free of heavy imports)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def closest(name: str, options: Sequence[str]) -> str | None:
    """The most similar known name, or None when nothing is close."""
    found = difflib.get_close_matches(name, list(options), n=1, cutoff=0.5)
    return found[0] if found else None
