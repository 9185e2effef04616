"""A new user's first session, end to end, in a real pseudo-terminal.

Starting from nothing (no data folder, no config file) the person types an assessment, plays
the routine it suggests, checks a pair of shoes, reads their history and makes a report for a
podiatrist. Every step checks what they would read on screen, with a real TERM (so the live
player screen is used) and escape sequences stripped before matching.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from footback.assess.content import load_assess_content
from footback.assess.service import assess
from footback.content.questions import Answers
from tests.support.pty_screen import Screen, terminal_env, wrapped

pytestmark = pytest.mark.slow

# (words from the question as shown, what the person types, the answer it means)
# Part 1 asks age and back pain first, then yes/no warning signs (some only with back pain):
# (pattern on screen, what the person types, the answer it means); every yes/no gets "n".
PART_ONE_TYPED: list[tuple[str, str, Answers]] = [
    ("Your age in years", "40", {"age": 40}),
    ("How often does your lower back hurt", "often", {"back_pain": "often"}),
    ("how many weeks have you had the back pain", "10", {"back_pain_weeks": 10}),
]
ASSESS_TYPED: list[tuple[str, str, Answers]] = [
    ("How often do your feet hurt", "often", {"foot_pain": "often"}),
    ("Where does it hurt", "heel arch", {"foot_pain_areas": ["heel", "arch"]}),
    ("How bad is the foot pain", "6", {"foot_pain_level": 6}),
    ("how many weeks have you had the foot pain", "8", {"foot_pain_weeks": 8}),
    ("first steps in the morning", "y", {"first_step_pain": True}),
    ("what do your arches look like", "flat", {"arch": "flat"}),
    ("where is the sole most worn", "inner_edge", {"shoe_wear": "inner_edge"}),
    ("knee-to-wall test", "y", {"calf_tight": True}),
    ("foot or ankle injury", "n", {"past_foot_injury": False}),
    ("How bad is the back pain", "5", {"back_pain_level": 5}),
    ("build up over a day on your feet", "y", {"back_worse_after_standing": True}),
    # the STarT Back items as one checklist step: none of them
    (
        "Which of these are true for you",
        "",
        dict.fromkeys(
            ["leg_pain", "neck_shoulder_pain", "walk_limited", "dress_slowly", "fear_activity", "worry"],
            False,
        )
        | {"pain_never_better": False, "no_enjoyment": False},
    ),
    ("bothered you overall", "slightly", {"bothersome": "slightly"}),
    ("What do you wear on your feet", "flat_unsupportive", {"footwear": "flat_unsupportive"}),
    # those shoes and what was tried, one checklist step: none
    (
        "About those shoes",
        "",
        dict.fromkeys(["arch_support", "cushioning", "orthotics", "tried_shoes_and_stretches"], False),
    ),
    ("How do they fit", "good", {"shoe_fit": "good"}),
    ("how many hours are you on your feet", "8", {"standing_hours": 8}),
    ("how many days a week do you stretch", "1", {"stretch_days_per_week": 1}),
    ("height in cm", "", {}),
    ("weight in kg", "", {}),
]

SHOES_TYPED = [
    ("What kind of shoes are they", "walking"),
    ("How old is this pair", "10"),
    ("how far have you walked or run", "300 km"),
    ("Heel counter squeeze", "firm"),
    ("Bend test", "ball_of_foot"),
    ("Twist test", "resists"),
    ("room is there beyond your longest toe", "thumb_width"),
    ("How does the width feel", "comfortable"),
    ("heel slip", "n"),
    ("support your arch", "y"),
    ("How is the cushioning", "compressed"),
    ("outsole .the tread underneath. most worn", "outer_edge"),
    ("midsole .* creased", "n"),
    ("orthotics or insoles", "n"),
    ("for how many hours", "8"),
]


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Path]:
    """A brand-new user: no data folder yet and a config path with no file behind it."""
    paths = {"home": tmp_path / "data" / "footback", "config": tmp_path / "cfg" / "config.toml"}
    assert not paths["home"].exists() and not paths["config"].exists()
    return paths


def test_a_new_users_first_session(tmp_path: Path, world: dict[str, Path]) -> None:
    env = terminal_env(world["home"], world["config"])
    env["PAGER"] = "cat"  # the long result goes through $PAGER; `cat` lets this test read all of it
    content = load_assess_content()
    typed: Answers = {}

    # ---- 1. assess, typed answer by answer
    screen = Screen.spawn(["assess"], env)
    screen.expect(r"WARNING SIGNS \(part 1 of 4\)")
    named = "|".join(f"(?P<q{i}>{re.escape(words)})" for i, (words, _, _) in enumerate(PART_ONE_TYPED))
    yes_no = 0  # yes/no questions answered, one at a time or in a checklist step
    steps = "|".join(f"(?P<g{i}>{re.escape(g.text[:30])})" for i, g in enumerate(content.questions.groups))
    while True:
        found = screen.expect(
            rf"{named}|{steps}|(?P<yn>y\) yes\s+n\) no)|(?P<done>YOUR FEET \(part 2 of 4\))"
        )
        if found.group("done"):
            break
        screen.expect("> ")
        if found.group("yn"):
            yes_no += 1
            screen.child.sendline("n")
            continue
        group = next((int(k[1:]) for k, v in found.groupdict().items() if v and k.startswith("g")), None)
        if group is not None:  # a checklist step: Enter, none of these
            gid = content.questions.groups[group].id
            yes_no += sum(1 for q in content.questions.questions if q.group == gid and not q.ask_if_any)
            screen.child.sendline("")
            continue
        index = next(int(k[1:]) for k, v in found.groupdict().items() if v and k.startswith("q"))
        _, reply, meaning = PART_ONE_TYPED[index]
        screen.child.sendline(reply)
        typed.update(meaning)
    part_one = [q for q in content.questions.questions if q.part == "red_flags"]
    shown = " ".join(screen.text.split())
    # With back pain, every warning sign is asked, but the follow-ups (both legs: since when; the
    # pregnancy signs; the diabetic foot) only after a yes to what they follow.
    asked = [q for q in part_one if q.id.startswith("rf_") and not q.ask_if and not q.ask_if_any]
    groups = {g.id: g for g in content.questions.groups}
    for question in asked:
        listed = question.group in groups and groups[str(question.group)].wording == "item"
        words = question.item if listed and question.item else question.text
        assert " ".join(words.split())[:40] in shown, question.id
    assert yes_no >= len(asked)
    typed.update(
        {
            q.id: False
            for q in part_one
            if q.id not in typed and q.id != "age" and not q.ask_if and not q.ask_if_any
        }
    )
    for question, reply, meaning in ASSESS_TYPED:
        screen.answer(question, reply)
        typed.update(meaning)
    screen.expect(r"Activity 1:")  # the function score's step: Enter on its own skips it
    screen.child.sendline("")
    expected = assess(content, typed)
    assert not expected.urgent
    assert expected.recommendations.routines, "foot and back pain must lead to a routine"

    screen.expect("YOUR RESULT")
    for title, score in (
        ("Foot risk", expected.scores.foot),
        ("Back risk", expected.scores.back),
        ("Foot-back link", expected.scores.link),
    ):
        screen.expect(rf"{title}\s+[█░]+\s+{score.score}/100 ")
    screen.expect("(?i)WHAT TO DO NEXT")
    for name in expected.recommendations.routines:
        screen.expect(rf"footback stretch --routine {name}\b")
    screen.expect("not a diagnosis")
    screen.expect(r"Saved to\s+" + wrapped(str(world["home"] / "footback.sqlite3")))
    # The first assessment's next steps and offers (tests/today/test_first_run*.py): skipped here.
    screen.expect(r"YOUR NEXT STEPS")
    screen.expect(r"Save your plan now\?")
    screen.child.send("n")  # one key: no Enter after it
    screen.expect(r"Write the daily reminders")
    screen.child.send("n")  # one key: no Enter after it
    assert screen.finish() == 0
    assert "Traceback" not in screen.text
    assert not world["config"].exists(), "reading settings must never create a config file"

    # ---- 2. the feet routine, played to the end on the live screen at 20x speed
    screen = Screen.spawn(["stretch", "--routine", "feet", "--speed", "20"], env)
    screen.expect(r"Routine: feet, 4 steps")
    screen.expect(r"You will need: a tennis ball or a water bottle at room temperature; a wall to\s+lean on")
    screen.expect(r"Press Enter to start \(q to quit\)")  # it waits until the person is ready
    screen.child.send("\r")
    for number, name in enumerate(
        ["Toe lift", "Plantar fascia-specific stretch", "Ball or bottle roll", "Calf stretch at a wall"],
        start=1,
    ):
        screen.expect(rf"Step {number} of 4: {name}")  # the title (the "Next:" line never says "Step")
    screen.expect(r"space pause")  # the keys are offered while it plays
    screen.expect(r"Finished 'feet' in \d+:\d\d: 4 of 4 steps done\. Saved to your history\.")
    screen.expect(r"Check in now .*\[Enter: yes, n: skip\]")  # offered with one key; n skips it
    screen.child.send("n")
    assert screen.finish() == 0
    # It really played through time, not instantly: the screen is redrawn at most 10 times a
    # second and only when something visible changes, and the routine's time left (6:31 at 20x,
    # about 19.5 s, so a redraw every 2 routine seconds or so) was shown counting down in many
    # separate frames. Counted from the frames, not from a clock, so a busy machine cannot flake it.
    lefts = [int(m) * 60 + int(s) for m, s in re.findall(r"Routine\s+[█░]+ (\d+):(\d\d) left", screen.text)]
    assert lefts == sorted(lefts, reverse=True), "the time left only ever goes down"
    assert len(set(lefts)) >= 50, sorted(set(lefts))
    assert "\a" in screen.raw  # the bell marks the holds
    assert screen.raw.rfind("\x1b[?25h") > screen.raw.rfind("\x1b[?25l") >= 0  # cursor back

    # ---- 3. a guided shoe check, saved under the pair's name
    screen = Screen.spawn(["shoes-check", "--name", "Daily sneakers"], env)
    for question, reply in SHOES_TYPED:
        screen.answer(question, reply)
    # compressed cushioning (15) and outer-edge wear (10): 100 - 25 = 75
    screen.expect(r"Verdict: NEEDS ATTENTION")
    screen.expect(r"75/100")
    screen.expect(r"Distance: 300 km")
    screen.expect(r"WEAR PATTERN")
    screen.expect(r"roll outward")
    screen.expect(r'For footback assess: shoe_wear = "outer_edge"')
    screen.expect(r"Saved to ")
    assert screen.finish() == 0

    # ---- 4. history shows all three
    screen = Screen.spawn(["history"], env)
    screen.expect(r"Data file:\s+" + wrapped(str(world["home"] / "footback.sqlite3")))
    screen.expect("Assessments")
    foot, back, link = expected.scores.foot, expected.scores.back, expected.scores.link
    screen.expect(
        rf"\d{{4}}-\d\d-\d\d \d\d:\d\d\s+{foot.score} {foot.level}\s+{back.score} {back.level}"
        rf"\s+{link.score} {link.level}"
    )
    screen.expect("Stretch sessions")
    screen.expect(r"\d{4}-\d\d-\d\d \d\d:\d\d\s+feet\s+\d+\.\d\s+finished")
    screen.expect(r"Streak: 1 day in a row")
    screen.expect("Shoe checks")
    screen.expect(r"Daily sneakers\s+needs attention\s+75")
    assert screen.finish() == 0

    # ---- 5. a report for the podiatrist, as a private HTML file
    screen = Screen.spawn(["report", "--format", "html", "--output", "r.html"], env, cwd=tmp_path)
    screen.expect(r"Report written to .*r\.html")
    assert screen.finish() == 0
    report = tmp_path / "r.html"
    assert report.is_file()
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for name, score in (("foot", foot), ("back", back), ("link", link)):
        assert f"<tr><td>{name}</td><td class=n>{score.score}</td><td>{score.level}</td></tr>" in html
    assert "Daily sneakers" in html
    assert "Not a diagnosis" in html

    # Everything stayed in the one private folder: the store, the lock an assessment holds while it
    # runs and the shell prompt's state, each readable by the person only.
    kept = sorted(p for p in world["home"].iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert [p.name for p in kept] == ["assess-partial.lock", "footback.sqlite3", "prompt-due"]
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in kept)
    assert stat.S_IMODE(world["home"].stat().st_mode) == 0o700
