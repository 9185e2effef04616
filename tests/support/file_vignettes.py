"""Vignettes written the way an outside clinician writes them: a short story turned into an answers
file, the one `footback assess --template` prints with some lines changed (`answers`) or deleted
(`drop`), run as a person runs it: `footback assess --answers FILE --json --no-save`.
The template leaves every warning sign blank; the vignette author answers "no" to each sign the
story does not mention (`story_baseline`), so a vignette changes only what its story says.

Each names the fact of the clinical facts that decides it (`fact`) and a source of
`data/sources.toml` (`source`). `expected` is a triage (emergency, urgent, self_care) or
`refused`: footback must not score the file (exit 2, one error line naming `names`), because a
warning-sign answer is missing or not a yes or no, and a missing one is never taken as "no".
The files are tests/assess/vignettes/*.toml; tests/assess/test_file_vignettes.py runs them.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from footback.content.answers_file import check_answers
from footback.content.guided import template_text
from tests.support.context import Cli
from tests.support.vignettes import Outcome, Vignette

FOLDER = Path(__file__).resolve().parents[1] / "assess" / "vignettes"
OUTCOMES = ("emergency", "urgent", "self_care", "refused")


@dataclass(frozen=True)
class FileVignette:
    id: str
    story: str
    fact: str  # the fact of the clinical facts that decides the outcome, in a few words
    source: str  # its id in data/sources.toml
    expected: str
    answers: dict[str, Any] = field(default_factory=dict)  # lines changed in the baseline
    drop: list[str] = field(default_factory=list)  # lines deleted from the baseline
    signs: list[str] | None = None  # the warning signs footback must name, when given
    startback: str | None = None  # the STarT Back group, when given
    foot_level: str | None = None  # the foot score's level, when given
    actions: list[str] = field(default_factory=list)  # advice ids that must be given
    names: list[str] = field(default_factory=list)  # ids a refusal must name
    adult_notice: bool = False  # under 16: footback says it is made for adults


@dataclass(frozen=True)
class Ran:
    exit_code: int
    result: dict[str, Any] | None  # the JSON result, when footback gave one
    stderr: str


def load_file_vignettes(folder: Path = FOLDER) -> list[FileVignette]:
    """Every vignette of every file in the folder, in file order."""
    found: list[FileVignette] = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        found += [FileVignette(**item) for item in data["vignettes"]]
    return found


def template_answers() -> dict[str, Any]:
    """The answers of the file `footback assess --template` prints (every answer 'no problem',
    every warning sign left blank), made by the function the command prints
    (tests/assess/test_file_vignettes.py checks that)."""
    return dict(_template())


def story_baseline() -> dict[str, Any]:
    """What every vignette starts from: the template with each warning sign answered "no", the
    author's reading of a story that does not mention the sign (never footback's: a file that
    leaves a sign out is refused). The vignette's `answers` then say yes where the story does."""
    return template_answers() | dict.fromkeys(load_assess_content().red_flag_ids(), False)


@cache
def _template() -> dict[str, Any]:
    questions = load_assess_content().questions
    return tomllib.loads(template_text(questions, questions.questions))


def answers_for(vignette: FileVignette, baseline: dict[str, Any]) -> dict[str, Any]:
    """The vignette's answers file: the baseline (`story_baseline`) with its lines changed and deleted."""
    kept = {k: v for k, v in baseline.items() if k not in vignette.drop}
    return kept | vignette.answers


def run_file_vignette(cli: Cli, vignette: FileVignette, baseline: dict[str, Any], folder: Path) -> Ran:
    """`footback assess --answers FILE --json --no-save` on the vignette's file, in-process."""
    path = folder / f"{vignette.id}.json"
    path.write_text(json.dumps(answers_for(vignette, baseline)), encoding="utf-8")
    out = cli.invoke(["assess", "--answers", str(path), "--json", "--no-save"])
    result = json.loads(out.stdout) if out.exit_code == 0 else None
    return Ran(out.exit_code, result, out.stderr)


def outcome_of(vignette: FileVignette, baseline: dict[str, Any]) -> Outcome:
    """A scored vignette's triage for the benchmark table (tests/support/vignettes.py `table`):
    the file's answers checked and assessed as `assess --answers` does, without the I/O."""
    content = load_assess_content()
    answers = check_answers(answers_for(vignette, baseline), content.questions.questions, vignette.id)
    result = assess(content, answers)
    plain = Vignette(vignette.id, "round 4", vignette.story, answers, vignette.expected, vignette.source)
    return Outcome(plain, result.triage, (), tuple(f.id for f in result.red_flags))


def scored_outcomes() -> list[Outcome]:
    """Every vignette that expects a triage (not a refusal), assessed."""
    baseline = story_baseline()
    return [outcome_of(v, baseline) for v in load_file_vignettes() if v.expected != "refused"]
