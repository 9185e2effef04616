"""A measured first run: `footback assess` in a real 80x24 terminal, answered by a simulated
reader, against the time estimate the screen gives at its start.

The reader is the one the estimate assumes (footback's own assumption, not a timing of people:
see docs/assess.md): before each answer it reads the words the screen showed since its last
answer at 200 words a minute, then takes 3 seconds to answer. Two readers are reported:

* `skim` (the one slept with `--pace 1`): reads each line once; a line shown again (numbers
  aside: "question 5 of about 35", "b back", "y) yes   n) no") is recognised, not read again;
* `every`: reads every word on every screen, repeats included (an upper bound).

The words are what the terminal showed, not what the estimate counts: the disclaimer, part
headings and introductions, progress lines, key hints and choices included. The answers are the
typical first run of tests/assess/test_interview_length.py (a desk worker of 45, foot and back
pain, no warning sign) plus Enter at the function score's step, which a terminal offers after
the questions.

Measured with `--pace 1`: the wall time from starting `footback assess` to its result on screen,
the skimming reader's pauses slept for real (about 10 minutes); footback's own time (from an
answer sent to the next prompt on screen) is part of it. `--pace 0` sleeps nothing and adds the
pauses to footback's measured time instead, for a quick look.

Run:  uv run python bench/interview_time.py [--pace 1] [--out FILE]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pexpect

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.assess.test_interview_length import ON_A_TERMINAL  # noqa: E402
from tests.support.pty_screen import visible  # noqa: E402

from footback.content.steps import ANSWER_SECONDS, WORDS_PER_MINUTE  # noqa: E402

# The interview's prompt, and the function score's step (Enter on its own skips it).
PROMPTS = ["> ", "Activity 1: "]
ESTIMATE = re.compile(r"About (\d+) questions?, about (\d+) minutes?\.")


@dataclass
class Run:
    shown_estimate: str = ""
    answers: int = 0
    words: int = 0  # every word on every screen
    new_words: int = 0  # words on lines not shown before
    footback_s: float = 0.0
    wall_s: float = 0.0
    seen: set[str] = field(default_factory=set)

    def pause(self, words: int) -> float:
        return words * 60 / WORDS_PER_MINUTE + ANSWER_SECONDS

    def read(self, lines: list[str]) -> float:
        """Counts a screen's words both ways; the skimming reader's pause before answering."""
        fresh = 0
        for line in lines:
            key = re.sub(r"\d+", "#", line.strip())
            if key and key not in self.seen:
                self.seen.add(key)
                fresh += len(line.split())
        self.words += sum(len(line.split()) for line in lines)
        self.new_words += fresh
        self.answers += 1
        return self.pause(fresh)


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ, FOOTBACK_HOME=str(home), FOOTBACK_CONFIG=str(home.parent / "config.toml"))
    env.update(TERM="xterm", NO_COLOR="1", COLUMNS="80", LINES="24", PAGER="cat")
    return env


def measure(pace: float) -> Run:
    home = Path(tempfile.mkdtemp()) / "home"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "footback", "assess"],
        env=_env(home),
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 80),
        cwd=str(home.parent),
    )
    run = Run()
    started = time.monotonic()
    for number, answer in enumerate(ON_A_TERMINAL):
        sent = time.monotonic()
        child.expect_exact(PROMPTS)
        run.footback_s += time.monotonic() - sent
        screen = visible(child.before + child.after).splitlines()
        found = ESTIMATE.search("\n".join(screen))
        if found and not run.shown_estimate:
            run.shown_estimate = found.group(0)
        pause = run.read(screen[1 if number else 0 :])  # not the echo of the last answer
        time.sleep(pause * pace)
        child.send(answer + "\r")
    sent = time.monotonic()
    child.expect("YOUR RESULT")
    run.footback_s += time.monotonic() - sent
    run.wall_s = time.monotonic() - started
    for offer in ("Save your plan now", "Write the daily reminders"):
        child.expect(offer)
        child.send("n")
    child.expect(pexpect.EOF)
    child.close()
    return run


def report(run: Run, pace: float) -> str:
    load = os.getloadavg()[0]
    when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    skim = run.pause(run.new_words) + (run.answers - 1) * ANSWER_SECONDS
    every = run.pause(run.words) + (run.answers - 1) * ANSWER_SECONDS
    measured = f"{run.wall_s:.0f} s" if pace == 1 else f"{skim + run.footback_s:.0f} s (not slept)"
    return "\n".join(
        [
            f"{when}, load average {load:.2f}, pace {pace:g}, python {sys.version.split()[0]}",
            "",
            "| answers | on screen at the start | skim: words, pauses | every word: words, pauses "
            "| footback's own | start to result (skim reader) |",
            "| --- | --- | --- | --- | --- | --- |",
            f"| {run.answers} | {run.shown_estimate} | {run.new_words}, {skim:.0f} s | {run.words}, "
            f"{every:.0f} s | {run.footback_s:.1f} s | {measured} |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pace", type=float, default=1.0, help="1: the reader's pauses slept for real")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    options = parser.parse_args()
    table = report(measure(options.pace), options.pace)
    print(table)
    if options.out:
        options.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
