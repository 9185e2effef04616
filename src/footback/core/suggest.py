"""'Did you mean' hints for mistyped ids, names and keys (kept free of heavy imports)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def closest(name: str, options: Sequence[str]) -> str | None:
    """The most similar known name, or None when nothing is close; a difference of case only is
    the closest of all (`HTML` for `html`, `RF_FEVER` for `rf_fever`)."""
    folded = {option.casefold(): option for option in options}
    if name.casefold() in folded:
        return folded[name.casefold()]
    found = difflib.get_close_matches(name, list(options), n=1, cutoff=0.5)
    return found[0] if found else None


def did_you_mean(name: str, options: Sequence[str]) -> str:
    """ "; did you mean 'feet'?" for the closest known option, to follow an error's first clause; ""
    when nothing is close."""
    hint = closest(name, options)
    return f"; did you mean {hint!r}?" if hint else ""
