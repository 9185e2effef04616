"""User settings: a TOML file at the platform config location (`cli.context` finds it).

Each effective value remembers where it came from, so `footback config` can say.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from footback.core.errors import BadInputError
from footback.core.files import parse_toml, read_input_text
from footback.core.models import BodyUnits, StrictModel
from footback.core.suggest import closest

MAX_CONFIG_BYTES = 64_000
Origin = Literal["default", "config file", "environment"]


class Settings(StrictModel):
    """Every setting with its default. Keys are a public interface (documented in docs/data.md)."""

    units: Literal["km", "mi"] = Field("km", description="distance units for shoes: km or mi")
    body_units: BodyUnits = Field(
        "metric", description="bare heights and weights in assess: metric (cm, kg) or imperial (in, lb)"
    )
    sound: bool = Field(True, description="ring the terminal bell in routines")
    lead_in: int = Field(3, ge=0, le=60, description="get-ready seconds before each stretch")
    default_routine: str | None = Field(
        None, max_length=40, description="routine for `footback stretch` with no --routine"
    )
    color: bool = Field(True, description="colour output (NO_COLOR also turns it off)")
    wait_for_enter: bool = Field(
        True, description="on a terminal, wait for Enter before a routine's first step"
    )
    voice: bool = Field(False, description="speak routine cues through espeak-ng, spd-say or say")


class Effective(BaseModel):
    model_config = ConfigDict(frozen=True, defer_build=True)

    settings: Settings
    origins: dict[str, Origin]
    path: Path

    def colour_off(self, no_color_flag: bool) -> bool:
        """`--no-color` wins; otherwise the `color` setting (which NO_COLOR already turned off)."""
        return no_color_flag or not self.settings.color

    def is_set(self, key: str) -> bool:
        """Whether the person chose this value (config file or environment), not the default."""
        return self.origins[key] != "default"


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    # Read by every command: a FIFO put in its place must not hang them all (wait=False).
    return parse_toml(read_input_text(path, MAX_CONFIG_BYTES, "a config file", wait=False), path)


def load_settings(path: Path, *, no_color_env: bool) -> Effective:
    """Read and validate the config file; a bad key or value is one clear error naming the key."""
    raw = _read(path)
    known = list(Settings.model_fields)
    for key in raw:
        if key not in known:
            hint = closest(str(key), known)
            extra = f"; did you mean '{hint}'?" if hint else f"; known keys: {', '.join(known)}"
            raise BadInputError(f"{path}: unknown setting {str(key)[:60]!r}{extra}")
    try:
        # No file (the usual case): the defaults as they are, without building the validators
        # (validating nothing costs a run several ms; start-up, bench/startup.py).
        settings = Settings.model_validate(raw, strict=True) if raw else Settings.model_construct()
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"])
        field = Settings.model_fields.get(key)
        allowed = f" ({field.description})" if field and field.description else ""
        raise BadInputError(f"{path}: {key}: {first['msg']}{allowed}") from None
    origins: dict[str, Origin] = {k: ("config file" if k in raw else "default") for k in known}
    if no_color_env:
        settings = settings.model_copy(update={"color": False})
        origins["color"] = "environment"
    # Every value is checked above or is footback's own: nothing to validate again.
    return Effective.model_construct(settings=settings, origins=origins, path=path)
