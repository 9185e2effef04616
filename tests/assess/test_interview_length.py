"""A shorter interview (issue 24, item 3): how many answers a typical person gives, counted by
running the interview in-process with exactly that many typed lines (one fewer runs out)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

from footback.assess.content import load_assess_content
from footback.assess.function_input import function_step_words, load_function_rule
from footback.cli.context import AppContext
from tests.support.context import WALL, Cli, set_wall

CONTENT = load_assess_content()
FIRST_RUN_MAX, QUICK_MAX = 35, 15

# A desk worker of 45 with three months of first-step heel pain and eight weeks of low back pain,
# no warning sign and none of the situations: one line per answer, as typed.
TYPICAL = [
    "45",  # age
    "3",  # back pain: often
    "8",  # for 8 weeks
    "",  # situations (pregnant, diabetes, numb feet, cancer, immune system, injected drugs): none
    *["n"] * 8,  # the emergency signs, one at a time
    "",  # the urgent back signs: none
    "",  # the urgent foot signs (no diabetic-foot question: no diabetes, no numb feet): none
    "3",  # foot pain: often
    "heel",
    "6",  # at its worst
    "12",  # weeks
    "y",  # first steps
    "normal",  # arches
    "not sure",  # shoe wear
    "n",  # calf
    "n",  # old injury
    "5",  # back pain at its worst
    "n",  # builds up over a day on your feet
    "2",  # the STarT Back items: neck or shoulder pain only
    "slightly",  # bothersome
    "1",  # footwear: supportive
    "1 2",  # those shoes: arch support, cushioning
    "well",  # fit
    "2",  # hours on your feet
    "0",  # stretch days
    "175",  # height
    "80",  # weight
]


def _run(cli: Cli, args: list[str], lines: list[str]) -> tuple[int, str, str]:
    result = cli.invoke(args, input="".join(f"{line}\n" for line in lines))
    return result.exit_code, result.stdout, result.stderr


def test_a_typical_first_run_is_at_most_35_answers(cli: Cli) -> None:
    code, out, err = _run(cli, ["assess", "--json"], TYPICAL)
    assert code == 0, err
    assert "input ended" not in err
    result = json.loads(out)
    assert result["triage"] == "self_care" and result["scores"]["foot"]["level"] in ("moderate", "high")
    # Exactly this many: one line fewer runs out of input before the end.
    short, _, short_err = _run(cli, ["assess", "--json", "--no-save"], TYPICAL[:-1])
    assert short == 1 and "input ended" in short_err
    assert len(TYPICAL) <= FIRST_RUN_MAX, f"{len(TYPICAL)} answers"
    # The count on screen is the count typed, from the start (a follow-up of a yes is not counted
    # until the yes: "since when in both legs?", the pregnancy signs).
    assert "About 34 questions" in err and "question 1 of about 34" in err
    assert "question 34 of about 34" in err and "of about 35" not in err
    assert "Do you have diabetes or numb feet, and now" not in err  # follows from two noes


# On a terminal the first run ends with the function score's step (Enter on its own skips it).
ON_A_TERMINAL = [*TYPICAL, ""]


def test_on_a_terminal_the_function_step_is_one_more_answer_and_counted_from_the_start(
    cli: Cli, context: AppContext
) -> None:
    context.stdin_tty = True
    code, out, err = _run(cli, ["assess", "--json"], ON_A_TERMINAL)
    assert code == 0, err
    said = " ".join(err.split())
    count = len(ON_A_TERMINAL)
    assert count == 35 and count <= FIRST_RUN_MAX
    assert f"About {count} questions" in said and f"question 1 of about {count}" in said
    assert f"question {count - 1} of about {count}" in said  # the last question (weight)
    assert f"{load_function_rule().title} · question {count} of about {count}" in said
    assert f"of about {count + 1}" not in said and f"of about {count - 1}" not in said
    assert said.count("Activity 1:") == 1 and "psfs" not in out  # skipped with Enter


def test_a_quick_recheck_with_nothing_changed_is_at_most_15_answers(cli: Cli) -> None:
    assert _run(cli, ["assess", "--json"], TYPICAL)[0] == 0
    set_wall(cli.context, WALL + timedelta(days=7))
    enters = 0
    while True:  # the fewest Enters that finish it
        enters += 1
        code, out, err = _run(cli, ["assess", "--quick", "--json", "--no-save"], [""] * enters)
        if code == 0 or enters > QUICK_MAX + 5:
            break
    assert code == 0, err
    assert enters <= QUICK_MAX, f"{enters} answers"
    assert json.loads(out)["quick"] is True
    # The lifetime facts are offered for updating (the situations step), not in the sign list.
    assert "you have had cancer" in err and "Have you ever had cancer?" not in err


def test_each_situation_follow_up_is_asked_only_when_it_applies(cli: Cli, tmp_path: Path) -> None:
    pregnant = [*TYPICAL[:3], "1", *TYPICAL[4:12], "n", *TYPICAL[12:]]  # pregnancy signs: no
    code, _, err = _run(cli, ["assess", "--json", "--no-save"], pregnant)
    assert code == 0, err
    assert CONTENT.question("rf_pregnancy_signs").text in " ".join(err.split())
    code, _, err = _run(cli, ["assess", "--json", "--no-save"], TYPICAL)
    assert code == 0 and CONTENT.question("rf_pregnancy_signs").text[:40] not in " ".join(err.split())


def test_the_docs_give_the_count_and_the_minutes_the_screen_gives() -> None:
    from footback.content.questions import applies
    from footback.content.steps import Extra, estimate

    final = {"age": 45, "back_pain": "often", "pregnant": False, "diabetes": False, "foot_numbness": False}
    final |= {"rf_both_legs": False, "foot_pain": "often"}
    asked = [q for q in CONTENT.questions.questions if applies(q, final)]  # type: ignore[arg-type]
    groups = {g.id: g for g in CONTENT.questions.groups}
    parts = [f"{p.title} {p.intro}" for p in CONTENT.questions.parts]
    count, seconds = estimate(asked, {}, set(), groups, Extra(after=(function_step_words(),), once=parts))
    assert count == len(ON_A_TERMINAL)
    root = Path(__file__).parents[2]
    for page in ("assess.md", "daily.md"):
        docs = " ".join((root / "docs" / page).read_text(encoding="utf-8").split())
        assert f"{count} answers" in docs and f"about {round(seconds / 60)} minutes" in docs, page
    assess = " ".join((root / "docs" / "assess.md").read_text(encoding="utf-8").split())
    assert f"{count} steps, {seconds} seconds" in assess
