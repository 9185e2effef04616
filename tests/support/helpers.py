"""Small helpers shared by the test modules."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from footback.assess.content import load_assess_content
from footback.content.questions import Answers


def no_problem_answers() -> Answers:
    """Every required assessment question answered with its no-problem value."""
    content = load_assess_content()
    return {q.id: q.no_problem for q in content.questions.questions if q.no_problem is not None}


def template_signs_answered_no(template: str) -> str:
    """`assess --template`'s text as a person hands it in after answering every warning sign
    "no": the template leaves each blank (`# rf_fever = `), and an unedited one is refused."""
    for qid in load_assess_content().red_flag_ids():
        blank = f"# {qid} = \n"
        if blank not in template:
            raise ValueError(f"the template has no blank line for the warning sign {qid}")
        template = template.replace(blank, f"{qid} = false\n")
    return template


def signs_answered(**answers: object) -> Answers:
    """Every question of part 1 (age, back pain, the warning signs) answered with its no-problem
    value, then `answers`: the least a file needs, since a warning sign is never assumed."""
    content = load_assess_content()
    first = content.questions.parts[0].id
    part_one = {q.id: q.no_problem for q in content.questions.questions if q.part == first}
    base: Answers = {k: v for k, v in part_one.items() if v is not None}
    return base | answers  # type: ignore[operator]


def back_pain_answers(**items: object) -> Answers:
    """No-problem answers plus back pain 'often' and the given STarT Back items."""
    answers = no_problem_answers() | {"back_pain": "often"}
    answers.update(items)  # type: ignore[arg-type]
    return answers


# A one-step, one-second routine file for tests that only need something playable.
TINY_ROUTINE = """
name = "tiny"
description = "One short step."

[[steps]]
name = "Toe lift"
seconds = 1
instructions = "Lift your toes."
"""


def part_one_keys(back_pain: str = "1") -> list[str]:
    """Keyboard answers to part 1 with no warning sign: skip the optional ones, back pain as given,
    Enter (none) at each checklist step (a group of questions asked at once)."""
    content = load_assess_content()
    keys: list[str] = []
    groups: set[str] = set()
    for q in content.questions.questions:
        if q.part != content.questions.parts[0].id:
            continue
        if q.group is not None:
            if q.group not in groups:
                groups.add(q.group)
                keys.append("")
        elif q.id == "back_pain":
            keys.append(back_pain)
        elif q.id == "back_pain_weeks":
            if back_pain != "1":
                keys.append("10")
        elif q.optional:
            keys.append("")
        elif not q.ask_if and not q.ask_if_any:  # follow-ups (both legs since when, pregnancy signs)
            keys.append("n")
    return keys


def stopped_assessment(home: Path, now: datetime, left: str = "calf_tight") -> None:
    """An assessment stopped one question (`left`) before its end, saved as `assess` keeps one,
    so that `footback assess` on a terminal offers to continue it and asks only that question."""
    answers = {k: v for k, v in back_pain_answers().items() if k != left}
    optional = [q.id for q in load_assess_content().questions.questions if q.optional and q.id not in answers]
    home.mkdir(mode=0o700, exist_ok=True)
    document = {"saved_at": now.isoformat(), "answers": answers, "skipped": optional}
    (home / "assess-partial.json").write_text(json.dumps(document), encoding="utf-8")
    (home / "assess-partial.json").chmod(0o600)
