"""Text that reaches a terminal, a Markdown/CSV/HTML file or an error line: one set of rules.

Anything a person (or a hand-edited store, or an imported file) can put into footback may be shown
later. An ESC or BEL could retitle or clear the terminal or write the clipboard (OSC 52), a bidi
override could make a line read differently from what it is, a lone surrogate could not even be
encoded. `safe_line`/`safe_block` make such characters visible as `\\xNN` text; `check_text` is the
input-side rule (refuse them) used by import and by commands that save typed text.
"""

from __future__ import annotations

import re
from functools import cache

from footback.core.floats import whole_up
from footback.core.sparkline import ASCII, BLOCKS

# C0, DEL, C1, the bidi marks, overrides and isolates, the Unicode line and paragraph separators
# (str.splitlines and some terminals break lines on them) and lone surrogates.
_OTHER_UNSAFE = r"\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff"
UNSAFE = re.compile(rf"[\x00-\x1f{_OTHER_UNSAFE}]")
_BREAKS = re.compile(r"[\t\n\r]+")
# OWASP CSV injection: cells starting with these are read as formulas by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
EXCERPT = 24


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible_controls(text: str) -> str:
    """Every unsafe character as visible text; nothing else changes."""
    return UNSAFE.sub(_escape, text)


def safe_line(text: str) -> str:
    """One display line: tabs and line breaks become spaces, other controls visible escapes."""
    return visible_controls(_BREAKS.sub(" ", text)).strip()


def html_text(text: object) -> str:
    """Text for an HTML page: one safe line (`safe_line`), markup and quotes escaped."""
    from html import escape

    return escape(safe_line(str(text)), quote=True)


def safe_block(text: str) -> str:
    """Like `safe_line` but keeps line breaks (instructions may have paragraphs)."""
    lines = [safe_line(line) for line in text.replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip()


def safe_document(text: str) -> str:
    """A whole Markdown or HTML document as written, with only its unsafe characters made visible."""
    return UNSAFE.sub(lambda m: m.group(0) if m.group(0) == "\n" else _escape(m), text)


# The two rarer patterns are compiled on first use: each Unicode range set takes about half a
# millisecond to compile, on every start-up of every command.
@cache
def _json_unsafe() -> re.Pattern[str]:
    # Inside a JSON document C0 is already escaped by json.dumps; the rest may appear raw.
    return re.compile(rf"[{_OTHER_UNSAFE}]")


@cache
def _unsafe_but_newline() -> re.Pattern[str]:
    return re.compile(rf"[\x00-\x09\x0b-\x1f{_OTHER_UNSAFE}]")


def safe_json(text: str) -> str:
    """A JSON document with C1, bidi and surrogate characters written as `\\uXXXX` (same data)."""
    return _json_unsafe().sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def quoted(text: str) -> str:
    """`text` in single quotes with its control characters shown once as `\\x1b` (not repr's `\\\\x1b`)."""
    return f"'{visible_controls(text)}'"


def excerpt(value: object) -> str:
    """A short, safe quotation of a bad value for an error line."""
    text = value if isinstance(value, str) else repr(value)
    short = text if len(text) <= EXCERPT else text[: EXCERPT - 3] + "..."
    return quoted(short) if isinstance(value, str) else visible_controls(short)


def text_problem(value: str, *, max_length: int, multiline: bool = False) -> str | None:
    """Why `value` is not acceptable stored text (None when it is): the rule for saved text."""
    if not value.strip():
        return "is blank"
    if len(value) > max_length:
        return f"is longer than {max_length} characters"
    # One regex pass, not one per character: import checks every text of every record with this.
    if (_unsafe_but_newline() if multiline else UNSAFE).search(value):
        return "contains control characters"
    return None


def csv_cell(value: object) -> object:
    """A spreadsheet-safe cell: text that would start a formula gets a leading `'` (OWASP)."""
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START) and not _NUMBER.match(value):  # -3 is a number, not a formula
        value = "'" + value
    return visible_controls(value)


def minutes_text(value: float) -> str:
    """Minutes as a person reads them: whole from 10 up, one decimal below when there is one."""
    return f"{value:.0f}" if value >= 10 or value == int(value) else f"{value:.1f}"


def minutes_phrase(value: float) -> str:
    """'1 minute', '2.5 minutes': `minutes_text` with its word."""
    return f"{minutes_text(value)} minute{'' if value == 1 else 's'}"


def plural(count: int, word: str) -> str:
    """`1 step`, `2 steps`."""
    return f"{count} {word}" + ("" if count == 1 else "s")


# Tables whose name is not a noun with an s.
_RECORD_NOUNS = {
    "clinician_seen": "clinician confirmation",
    "checkins": "check-in",
    "psfs_ratings": "function rating",
}


def record_count(count: int, table: str) -> str:
    """A count of stored records by table name: `1 shoe pair`, `2 stretch sessions`, `1 check-in`."""
    return plural(count, _RECORD_NOUNS.get(table) or table.replace("_", " ").removesuffix("s"))


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


# A terminal or pipe that is not UTF-8 (PYTHONIOENCODING=ascii, an old console) gets these stand-ins
# for footback's drawing characters; anything else it cannot show becomes '?', never a crash.
ASCII_STANDINS: dict[str, str] = {
    **dict(zip(BLOCKS, ASCII, strict=True)),
    "\u2588": "#",  # full block: progress bars
    "\u2591": ".",  # light shade
    "\u2500": "-",  # rules
    "\u00b7": "*",  # middle dot
    "\u2192": "->",
    "\u2190": "<-",
    "\u2026": "...",
    "\u2014": "-",
    "\u2013": "-",
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
}


def ascii_standins(exc: UnicodeError) -> tuple[str, int]:
    """A codec error handler: what an encoder that cannot write a character writes instead."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return "".join(ascii_standin(ch) for ch in bad), exc.end


def ascii_standin(ch: str) -> str:
    """What a character an ASCII stream cannot show becomes: its stand-in, else '?'."""
    return ASCII_STANDINS.get(ch, "?")


def fmt_clock(seconds: float, *, up: bool = True) -> str:
    """Whole seconds as M:SS (or H:MM:SS); a countdown rounds up so 0:00 means done."""
    whole = max(0, whole_up(seconds) if up else round(seconds))
    hours, rest = divmod(whole, 3600)
    if hours:
        return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"
    return f"{rest // 60}:{rest % 60:02d}"
