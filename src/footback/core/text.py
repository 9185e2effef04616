"""Text helpers every screen and file uses: safe display lines, minutes, plurals, doses, verdicts."""

from __future__ import annotations

import re

# C0, DEL, C1 and the bidi overrides: text typed by someone else (a routine file, a file name,
# a key) must not drive the terminal, and must not read differently from what it is.
UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile(r"[\t\n\r]+")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str) -> str:
    r"""Every control or bidi character shown as a visible escape (`\x1b`, `\u202e`)."""
    return UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """All whitespace runs squeezed to single spaces, other controls made visible."""
    return visible_controls(" ".join(text.split()))


def safe_line(text: str) -> str:
    """One display line: whitespace controls become spaces, other controls visible escapes."""
    return visible_controls(_BREAKS.sub(" ", text)).strip()


def safe_block(text: str) -> str:
    """Like `safe_line` but keeps line breaks (instructions may have paragraphs)."""
    lines = [safe_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def minutes_text(value: float) -> str:
    """Minutes as a person reads them: whole from 10 up, one decimal below when there is one."""
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def plural(count: int, word: str) -> str:
    """`1 step`, `2 steps`."""
    return f"{count} {word}" + ("" if count == 1 else "s")


def verdict_text(verdict: str) -> str:
    """A stored verdict id (`replace_soon`) as words."""
    return verdict.replace("_", " ")


def dose_text(seconds: int, reps: int, each_side: bool, rest: int = 0, *, full: bool = False) -> str:
    """A step's dose: `30 s x 3, each side`; `full` adds the hold, left-then-right and the rest."""
    text = f"{seconds} s" + (f" x {reps}" if reps > 1 else "")
    if full:
        text = "hold " + text
    if each_side:
        text += ", each side (left then right)" if full else ", each side"
    if full and rest and reps > 1:
        text += f", {rest} s rest between"
    return text
