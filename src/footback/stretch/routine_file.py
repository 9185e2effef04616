"""Routine files: the public TOML format, its limits, and the built-in catalogue.

Text from a routine file is made safe when it is loaded: control characters and terminal
escape sequences become visible `\\xNN` text, so nothing downstream can be tricked into
moving the cursor or clearing the screen. Rich markup is neutralised at display time by
never rendering routine text as markup.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, ValidationError, model_validator

from footback.core.errors import BadInputError
from footback.core.files import parse_toml, read_input_text
from footback.core.models import StrictModel
from footback.core.text import quoted, safe_block, safe_line
from footback.models.stretch_session import MAX_ROUTINE_NAME

MAX_FILE_BYTES = 256_000
MAX_STEPS = 100
MAX_TOTAL_SECONDS = 2 * 60 * 60
MIN_SECONDS, MAX_SECONDS = 1, 600
MAX_REPS = 50
DEFAULT_SWITCH_SECONDS = 5
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def _not_blank(text: str) -> str:
    # Checked after cleaning: a name of only spaces or control characters would show as nothing.
    if not text:
        raise ValueError("must not be blank")
    return text


Line = Annotated[str, AfterValidator(safe_line), AfterValidator(_not_blank)]
Block = Annotated[str, AfterValidator(safe_block), AfterValidator(_not_blank)]


class Cue(StrictModel):
    """A short prompt spoken (printed) at `at` seconds into each hold."""

    model_config = ConfigDict(strict=True)

    at: float = Field(ge=0)
    text: Line = Field(min_length=1, max_length=80)


MAX_FIGURE_LINES, MAX_FIGURE_COLUMNS = 10, 28
FIGURE_MARK = "@"  # where the working foot or leg is: drawn as L or R
# Figures are line drawings: printable ASCII plus box-drawing and block characters, all one
# cell wide, so a figure's width is its length and mirroring it stays a drawing.
_FIGURE_CHARS = re.compile(r"[\x20-\x7e\u2500-\u259f]*")


def _figure(text: str) -> str:
    """Validate a figure: blank edges trimmed, right ends stripped, left indent kept."""
    rows = [row.rstrip() for row in text.replace("\r\n", "\n").split("\n")]
    while rows and not rows[0]:
        rows.pop(0)
    while rows and not rows[-1]:
        rows.pop()
    if not rows:
        raise ValueError("must not be blank")
    if len(rows) > MAX_FIGURE_LINES:
        raise ValueError(f"{len(rows)} lines; a figure has at most {MAX_FIGURE_LINES}")
    for number, row in enumerate(rows, start=1):
        if not _FIGURE_CHARS.fullmatch(row):
            bad = next(char for char in row if not _FIGURE_CHARS.fullmatch(char))
            raise ValueError(
                f"line {number}: character {quoted(bad)} is not allowed "
                "(printable ASCII and box-drawing characters only)"
            )
        if len(row) > MAX_FIGURE_COLUMNS:
            raise ValueError(f"line {number} is {len(row)} columns; at most {MAX_FIGURE_COLUMNS}")
    return "\n".join(rows)


Figure = Annotated[str, AfterValidator(_figure)]
StepKind = Literal["hold", "roll", "move"]
Limb = Literal["foot", "leg", "knee"]


class SideText(StrictModel):
    """What each side's holds say: which foot or leg works, e.g. 'left foot across your right knee'."""

    model_config = ConfigDict(strict=True)

    left: Line = Field(min_length=1, max_length=120)
    right: Line = Field(min_length=1, max_length=120)


class Step(StrictModel):
    """One exercise: a hold of `seconds`, repeated `reps` times, on one or both sides."""

    model_config = ConfigDict(strict=True)

    name: Line = Field(min_length=1, max_length=80)
    seconds: int = Field(ge=MIN_SECONDS, le=MAX_SECONDS)
    # What the person does for `seconds`: the word shown in big type (a roll is not a hold).
    kind: StepKind = "hold"
    each_side: bool = False
    limb: Limb | None = None
    side_text: SideText | None = None
    figure: Figure | None = None
    reps: int = Field(default=1, ge=1, le=MAX_REPS)
    rest: int = Field(default=0, ge=0, le=MAX_SECONDS)
    instructions: Block = Field(min_length=1, max_length=2000)
    equipment: list[Annotated[Line, Field(min_length=1, max_length=80)]] = Field(
        default_factory=list, max_length=10
    )
    cues: list[Cue] = Field(default_factory=list, max_length=20)
    sources: list[Annotated[Line, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=10
    )
    evidence: Literal["expert opinion"] | None = None
    note: Block | None = Field(default=None, max_length=1000)
    # Pregnancy: from about 16 weeks nothing is done lying flat on the back (NHS; ACOG 2020).
    # A step that is marks it, and may give the version played instead (see stretch/pregnancy.py).
    lying_on_back: bool = False
    pregnancy: Step | None = None

    @model_validator(mode="after")
    def _cues_inside_hold(self) -> Step:
        for cue in self.cues:
            if cue.at >= self.seconds:
                raise ValueError(f"cues: a cue at {cue.at:g} s is not inside the {self.seconds} s hold")
        if self.side_text is not None and not self.each_side:
            raise ValueError("side_text: only a step with each_side = true has sides")
        if self.pregnancy is not None:
            if not self.lying_on_back:
                raise ValueError("pregnancy: only a step with lying_on_back = true needs a pregnancy version")
            if self.pregnancy.lying_on_back or self.pregnancy.pregnancy is not None:
                raise ValueError("pregnancy: the pregnancy version must not be done lying on the back")
        return self

    def side_words(self, side: str | None) -> str:
        """'LEFT FOOT' (or 'LEFT' when the step names no limb); '' for a one-sided step."""
        if side is None:
            return ""
        return f"{side} {self.limb}".upper() if self.limb else side.upper()

    def on_side(self, side: str | None) -> str:
        """The per-side instruction naming the working foot or leg ('' when there is none)."""
        if side is None or self.side_text is None:
            return ""
        return self.side_text.left if side == "left" else self.side_text.right

    @property
    def sides(self) -> tuple[str | None, ...]:
        return ("left", "right") if self.each_side else (None,)

    def hold_seconds(self, switch_seconds: int) -> int:
        """The step's own time: holds, rests between reps, and the switch between sides."""
        per_side = self.seconds * self.reps + self.rest * (self.reps - 1)
        return per_side * len(self.sides) + (switch_seconds if self.each_side else 0)


class RoutineFile(StrictModel):
    """A routine file exactly as written (before `include` is expanded)."""

    # Strict: TOML gives real numbers and booleans, so `seconds = "10"` is a mistake to report.
    model_config = ConfigDict(strict=True)

    name: Line = Field(min_length=1, max_length=MAX_ROUTINE_NAME)
    description: Block = Field(min_length=1, max_length=500)
    caution: Block | None = Field(default=None, max_length=1000)
    switch_seconds: int = Field(default=DEFAULT_SWITCH_SECONDS, ge=0, le=60)
    include: list[str] = Field(default_factory=list, max_length=10)
    steps: list[Step] = Field(default_factory=list, max_length=MAX_STEPS)


def caution_lines(caution: str | None) -> list[str]:
    """A routine file's `caution`, one caution a line (blank lines dropped): the unit shown once
    when routines play together."""
    if caution is None:
        return []
    return [line.strip() for line in caution.split("\n") if line.strip()]


class Routine(StrictModel):
    """A playable routine: every included routine's steps already expanded."""

    name: str
    description: str
    cautions: list[str] = Field(default_factory=list)
    source: str = "catalogue"
    switch_seconds: int = DEFAULT_SWITCH_SECONDS
    steps: list[Step]

    def total_seconds(self, lead_in: float = 0) -> float:
        """Planned length with a lead-in of `lead_in` seconds before each step."""
        own = sum(step.hold_seconds(self.switch_seconds) for step in self.steps)
        return own + lead_in * len(self.steps)

    @property
    def equipment(self) -> list[str]:
        """Everything needed, in order of first use, without repeats."""
        seen: dict[str, None] = {}
        for step in self.steps:
            for item in step.equipment:
                seen.setdefault(item, None)
        return list(seen)


def _step_label(raw: dict[str, Any], index: int) -> str:
    steps = raw.get("steps")
    name = None
    if isinstance(steps, list) and index < len(steps) and isinstance(steps[index], dict):
        candidate = steps[index].get("name")
        if isinstance(candidate, str):
            name = safe_line(candidate)
            name = name if len(name) <= 40 else name[:37] + "..."
    return f"step {index + 1}" + (f" ({quoted(name)})" if name else "")


def describe_error(exc: ValidationError, raw: dict[str, Any], where: str) -> str:
    """The first validation problem as 'FILE: step N ('name'): FIELD: what is wrong'."""
    first = exc.errors()[0]
    loc = list(first["loc"])
    parts = [where]
    if len(loc) >= 2 and loc[0] == "steps" and isinstance(loc[1], int):
        parts.append(_step_label(raw, loc[1]))
        loc = loc[2:]
    field = ".".join(str(p) for p in loc)
    msg = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        msg = "unknown field (see the routine file format in docs/stretch.md)"
    if msg.startswith(f"{field}: "):
        msg = msg[len(field) + 2 :]
    if field:
        parts.append(field)
    # A check across fields (a model validator) puts the field name in its own message.
    return ": ".join([*parts, msg])


def parse_routine_file(raw: dict[str, Any], where: str) -> RoutineFile:
    """Validate a parsed TOML mapping; errors name the file, the step and the field."""
    try:
        return RoutineFile.model_validate(raw)
    except ValidationError as exc:
        raise BadInputError(describe_error(exc, raw, where)) from None


def read_routine_toml(path: Path) -> dict[str, Any]:
    """Parse a user's routine file; every problem is one line naming the file."""
    text = read_input_text(path, MAX_FILE_BYTES, "a routine file")
    return parse_toml(text, path)


def check_name(name: str) -> str:
    """A `--routine` value must be a catalogue name: never a path."""
    if not NAME_RE.fullmatch(name):
        raise BadInputError(
            f"--routine takes a routine name such as 'feet', not {quoted(name[:60])}; "
            "to play your own file use --file PATH"
        )
    return name
