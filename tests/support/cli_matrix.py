"""Every command as a person runs it, for the colour, narrow-terminal, pipe and config tests."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from tests.support.history_seed import heel_and_back_answers, seed_full
from tests.support.shoes_helpers import good_pair

# Select Graphic Rendition sequences; only some of their parameters are colours.
SGR = re.compile(r"\x1b\[([0-9;]*)m")
ANY_ESCAPE = re.compile(r"\x1b")
# Colour on for rich even though CliRunner's stdout is not a terminal; NO_COLOR is removed.
COLOUR_ALLOWED = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLORTERM": "truecolor", "NO_COLOR": None}


def colour_codes(text: str) -> list[str]:
    """The escape sequences in `text` that set a foreground or background colour."""
    found = []
    for match in SGR.finditer(text):
        params = [int(p) for p in match.group(1).split(";") if p.isdigit()]
        if any(30 <= p <= 38 or 40 <= p <= 48 or 90 <= p <= 97 or 100 <= p <= 107 for p in params):
            found.append(match.group(0))
    return found


@dataclass(frozen=True)
class Command:
    name: str
    args: tuple[str, ...]
    rich: bool = True  # drawn by rich (wrapped to the width, has --no-color)
    # Shows colour when colour is allowed (the control); the others use only bold, dim and italic.
    colours: bool = False


# {answers} and {shoes} are replaced by the answers files that `seeded` writes.
COMMANDS = [
    Command("assess result", ("assess", "--answers", "{answers}", "--no-save"), colours=True),
    Command("shoes-check result", ("shoes-check", "--answers", "{shoes}", "--no-save"), colours=True),
    Command("shoes-check --list", ("shoes-check", "--list"), colours=True),
    Command("stretch --preview", ("stretch", "--preview", "--routine", "feet")),
    Command("stretch --list", ("stretch", "--list")),
    Command("stretch play", ("stretch", "--routine", "morning", "--speed", "100", "--plain", "--no-save")),
    Command("history", ("history",)),
    Command("plan", ("plan", "--no-save")),
    Command("config", ("config",)),
    Command("report", ("report",), rich=False),
    Command("export", ("export",), rich=False),
    Command("export csv", ("export", "--format", "csv"), rich=False),
    Command("export fhir", ("export", "--format", "fhir"), rich=False),
]
RICH = [c for c in COMMANDS if c.rich]
IDS = [c.name for c in COMMANDS]


@dataclass(frozen=True)
class Seeded:
    answers: Path
    shoes: Path

    def args(self, command: Command) -> list[str]:
        return [a.format(answers=self.answers, shoes=self.shoes) for a in command.args]


def seed(tmp_path: Path, home: Path) -> Seeded:
    """A store with history and answers files (run commands with `context_for`: a fake clock)."""
    seed_full(home)
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(heel_and_back_answers()), encoding="utf-8")
    shoes = tmp_path / "shoes.json"
    shoes.write_text(json.dumps(good_pair(distance_km=700)), encoding="utf-8")
    return Seeded(answers, shoes)
