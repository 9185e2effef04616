"""Answers typed the way they are shown: labels, starts of labels, numbers with units, scales."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from footback.assess.content import load_assess_content
from footback.content.interview import Interview, PartIntro, Screen, run_interview
from footback.content.questions import Answers, InvalidAnswer, OutOfRange, Question, with_body_units
from footback.content.steps import estimate, estimate_line, still_to_ask
from footback.content.typed import check_value, parse_typed
from footback.render.console import ConsoleScreen
from footback.shoes.content import load_shoe_content


class Fed:
    """A `Terminal`: what `screen` says, and typed lines from `feed` (EOFError when it runs out)."""

    def __init__(self, screen: Screen, feed: Iterator[str]) -> None:
        self.screen = screen
        self.feed = feed

    def say(self, text: str, style: str = "") -> None:
        self.screen.say(text, style)

    def blank(self) -> None:
        self.screen.blank()

    def ask(self, prompt: str) -> str:
        try:
            return next(self.feed)
        except StopIteration:
            raise EOFError from None


ASSESS = {q.id: q for q in load_assess_content().questions.questions}
SHOES = {q.id: q for q in load_shoe_content().questions.questions}
CHOICE_QUESTIONS = [q for q in [*ASSESS.values(), *SHOES.values()] if q.kind in ("choice", "multi")]
LABELS = [(q, c.label, c.value) for q in CHOICE_QUESTIONS for c in q.choices]


def _one(answer: object) -> object:
    return answer[0] if isinstance(answer, list) and len(answer) == 1 else answer


@pytest.mark.parametrize(("question", "label", "value"), LABELS, ids=[f"{q.id}:{v}" for q, _, v in LABELS])
def test_every_label_on_screen_is_accepted_as_typed(question: Question, label: str, value: str) -> None:
    assert _one(parse_typed(question, label)) == value
    assert _one(parse_typed(question, f"  {label.upper()}  ")) == value
    assert _one(parse_typed(question, label.replace(" ", ""))) == value


@pytest.mark.parametrize(
    ("question_id", "typed", "expected"),
    [
        ("shoe_wear", "inner edge", "inner_edge"),
        ("shoe_wear", "Inner  Edge", "inner_edge"),
        ("shoe_wear", "inner_edge", "inner_edge"),
        ("shoe_wear", "inn", "inner_edge"),
        ("shoe_fit", "well", "good"),
        ("shoe_fit", "too tight", "tight"),
        ("foot_pain", "all the time", "constant"),
        ("foot_pain", "all", "constant"),
        ("foot_pain", "ne", "none"),  # the start of both the value and the label "never"
        ("foot_pain", "of", "often"),  # two letters are enough when only one choice starts so
        ("arch", "not sure", "unsure"),
        ("arch", "not", "unsure"),
        ("footwear", "flip-flops or sandals", "flip_flops"),
        ("footwear", "flip flops", "flip_flops"),
    ],
)
def test_labels_values_and_unambiguous_starts(question_id: str, typed: str, expected: str) -> None:
    assert parse_typed(ASSESS[question_id], typed) == expected


@pytest.mark.parametrize(
    ("typed", "expected"), [("2)", "midsole"), (" 3 ) ", "does_not_bend"), ("1", "ball_of_foot")]
)
def test_a_number_typed_with_its_mark_as_the_list_shows_it(typed: str, expected: str) -> None:
    # The list reads "2) in the middle, under the arch"; "2)" was refused.
    assert parse_typed(SHOES["bend_point"], typed) == expected


@pytest.mark.parametrize(("typed", "expected"), [("y)", True), ("N)", False)])
def test_a_yes_or_no_typed_with_its_mark(typed: str, expected: bool) -> None:
    assert parse_typed(ASSESS["calf_tight"], typed) is expected


def test_labels_with_commas_are_listed_apart_when_not_understood() -> None:
    # Listed with commas, "in the middle, under the arch" read as two choices.
    with pytest.raises(InvalidAnswer) as caught:
        parse_typed(SHOES["bend_point"], "9)")
    listed = "at the ball of the foot; in the middle, under the arch; it does not bend at all"
    assert f"one of: {listed}" in str(caught.value)


def test_an_ambiguous_start_names_the_candidates() -> None:
    with pytest.raises(InvalidAnswer, match=r"'to' could be too tight or too loose; type a little more"):
        parse_typed(ASSESS["shoe_fit"], "to")


SINGLE_LETTERS = [(q, letter) for q in CHOICE_QUESTIONS for letter in "abcdefghijklmnopqrstuvwxyz"]


@pytest.mark.parametrize(
    ("question", "letter"), SINGLE_LETTERS, ids=[f"{q.id}:{letter}" for q, letter in SINGLE_LETTERS]
)
def test_a_single_letter_is_never_taken_as_the_start_of_a_choice(question: Question, letter: str) -> None:
    # Choices are shown with number keys: a stray `n` on "How often do your feet hurt?" was taken
    # as "never" and skipped the whole foot part.
    with pytest.raises(InvalidAnswer, match="is not one of the keys shown; type its number or its word"):
        parse_typed(question, letter)
    with pytest.raises(InvalidAnswer):
        parse_typed(question, f"{letter})")


def test_a_stray_letter_shows_the_choices_again_and_the_number_then_answers() -> None:
    question = ASSESS["foot_pain"]
    out = io.StringIO()
    screen = ConsoleScreen(Console(file=out, width=80, color_system=None))
    typed = iter(["n", "1"])
    answers = run_interview(Fed(screen, typed), Interview([question]))
    assert answers == {"foot_pain": "none"}
    shown = out.getvalue()
    assert "Not understood: 'n' is not one of the keys shown" in shown
    # The list once with the question and once more after the stray letter.
    assert shown.count("1) never  [none]") == 2 and shown.count("4) all the time  [constant]") == 2


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("heel, ball of the foot", ["heel", "ball"]),
        ("ball of the foot heel", ["ball", "heel"]),
        ("outer edge, toes", ["outer_edge", "toes"]),
        ("heel arch", ["heel", "arch"]),
        ("1 3", ["heel", "ball"]),
        ("heel heel", ["heel"]),
        ("none", []),
        ("", []),
    ],
)
def test_several_choices_with_labels_of_several_words(typed: str, expected: list[str]) -> None:
    assert parse_typed(ASSESS["foot_pain_areas"], typed) == expected


def test_an_unknown_word_among_several_choices_is_refused() -> None:
    with pytest.raises(InvalidAnswer, match="choose 1-6 or one of: heel, arch, ball of the foot"):
        parse_typed(ASSESS["foot_pain_areas"], "heel elbow")


@pytest.mark.parametrize(
    ("question_id", "typed", "expected"),
    [
        ("foot_pain_weeks", "12 weeks", 12),
        ("foot_pain_weeks", "12", 12),
        ("foot_pain_weeks", "3 months", 13),
        ("foot_pain_weeks", "1.5 years", 78),
        ("foot_pain_level", "6/10", 6),
        ("foot_pain_level", "6 / 10", 6),
        ("back_pain_level", "0/10", 0),
        ("height_cm", "170cm", 170.0),
        ("height_cm", "5 ft 9", 175.26),
        ("height_cm", "1.70 m", 170.0),
        ("weight_kg", "185 lb", 83.91),
        ("weight_kg", "80 kg", 80.0),
        ("standing_hours", "7.5", 7.5),
        ("age", "45 years", 45),
    ],
)
def test_numbers_with_units_and_scales(question_id: str, typed: str, expected: float) -> None:
    assert parse_typed(ASSESS[question_id], typed) == expected


def test_shoe_age_reads_years_as_months() -> None:
    assert parse_typed(SHOES["age_months"], "2 years") == 24


@pytest.mark.parametrize(
    ("question_id", "typed", "message"),
    [
        ("foot_pain_level", "11", "11 is more than 10"),
        ("foot_pain_level", "-1", "-1 is less than 0"),
        ("height_cm", "300 cm", "300 cm is more than 250 cm"),
        ("height_cm", "30", "30 cm is less than 50 cm"),
        ("weight_kg", "1000 lb", "1000 lb is more than 400 kg"),
        ("age", "130", "130 years is more than 120 years"),
        ("foot_pain_weeks", "120 years", "120 years is more than 5200 weeks"),
    ],
)
def test_out_of_range_says_the_range(question_id: str, typed: str, message: str) -> None:
    with pytest.raises(OutOfRange) as caught:
        parse_typed(ASSESS[question_id], typed)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("question_id", "typed", "message"),
    [
        ("foot_pain_level", "6/5", "'6/5' is not on this scale"),
        ("foot_pain_level", "6.5", "expected a whole number from 0 to 10"),
        ("foot_pain_level", "six", "'six' is not a number"),
        ("height_cm", "5 kg", "write it like 170 cm or 5 ft 9"),
    ],
)
def test_what_is_not_understood_says_what_would_be(question_id: str, typed: str, message: str) -> None:
    with pytest.raises(InvalidAnswer, match=message) as caught:
        parse_typed(ASSESS[question_id], typed)
    assert not isinstance(caught.value, OutOfRange)


def test_imperial_bare_numbers_are_inches_and_pounds() -> None:
    imperial = {q.id: q for q in with_body_units(list(ASSESS.values()), "imperial")}
    assert parse_typed(imperial["height_cm"], "69") == 175.26
    assert parse_typed(imperial["height_cm"], "175 cm") == 175.0
    assert parse_typed(imperial["weight_kg"], "185") == 83.91
    assert parse_typed(imperial["weight_kg"], "80 kg") == 80.0
    assert imperial["height_cm"].allowed() == "a height from 1 ft 8 to 8 ft 2, e.g. 5 ft 9 or 175 cm"
    assert imperial["weight_kg"].allowed() == "a number from 44 to 882 lb, e.g. 185 lb or 80 kg"
    with pytest.raises(OutOfRange, match=r"^1000 lb is more than 882 lb$"):
        parse_typed(imperial["weight_kg"], "1000")
    assert with_body_units(list(ASSESS.values()), "metric") == list(ASSESS.values())


def test_answers_files_take_amounts_with_units_too() -> None:
    assert check_value(ASSESS["foot_pain_weeks"], "3 months") == 13
    assert check_value(ASSESS["height_cm"], "5 ft 9") == 175.26
    with pytest.raises(OutOfRange, match="11 is more than 10"):
        check_value(ASSESS["foot_pain_level"], 11)


def test_choices_are_listed_in_a_natural_order_not_by_concern() -> None:
    assert [c.label for c in ASSESS["arch"].choices] == ["normal", "flat", "high", "not sure"]
    assert [c.label for c in ASSESS["shoe_wear"].choices][-1] == "not sure"


@given(st.integers(min_value=0, max_value=10))
def test_every_point_of_a_ten_point_scale_reads_both_ways(n: int) -> None:
    question = ASSESS["foot_pain_level"]
    assert parse_typed(question, str(n)) == parse_typed(question, f"{n}/10") == n


@given(st.integers(min_value=0, max_value=5200))
def test_weeks_read_back_the_same_with_or_without_the_unit(n: int) -> None:
    question = ASSESS["foot_pain_weeks"]
    assert parse_typed(question, str(n)) == parse_typed(question, f"{n} weeks") == n


def _interview(lines: list[str], questions: list[Question]) -> str:
    console = Console(file=io.StringIO(), width=80, color_system=None)
    feed = iter(lines)
    parts = {"feet": PartIntro("Your feet", "About your feet.")}
    run_interview(Fed(ConsoleScreen(console), feed), Interview(questions, {}, parts))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    return str(out)


def test_progress_and_time_estimate_are_shown() -> None:
    questions = [ASSESS[i] for i in ("foot_pain", "foot_pain_areas", "foot_pain_level", "arch")]
    assert still_to_ask(questions, {}, set()) == 4
    out = _interview(["never", "normal"], questions)
    assert (
        out.splitlines()[0]
        == estimate_line(*estimate(questions, {}, set()))
        == "About 4 questions, about 1 minute."
    )
    assert "Your feet · question 1 of about 4" in out
    # "never" rules out the pain details: the estimate shrinks.
    assert "Your feet · question 2 of about 2" in out


def test_an_out_of_range_answer_says_the_range_not_not_understood() -> None:
    out = _interview(
        ["often", "heel", "11", "6/10", "normal"],
        [ASSESS[i] for i in ("foot_pain", "foot_pain_areas", "foot_pain_level", "arch")],
    )
    assert "11 is more than 10: a whole number from 0 to 10. Try again." in out
    assert "Not understood" not in out


@pytest.mark.parametrize(("unit", "said"), [("km", "(in km)"), ("mi", "(in miles)")])
def test_a_distance_question_says_the_unit_of_a_bare_number(unit: str, said: str) -> None:
    from footback.content.questions import with_distance_unit

    question = with_distance_unit([SHOES["distance_km"]], unit)[0]  # type: ignore[arg-type]
    console = Console(file=io.StringIO(), width=200, color_system=None)
    run_interview(Fed(ConsoleScreen(console), iter(["300"])), Interview([question], {"shoe_type": "running"}))
    out = console.file.getvalue()  # type: ignore[attr-defined]
    assert f"About how far have you walked or run in them? A rough total is fine. {said}" in out


class Recorded:
    """A Screen that keeps (style, text) lines: the interview needs nothing from rich."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str]] = []

    def say(self, text: str, style: str = "") -> None:
        self.lines.append((style, text))

    def blank(self) -> None:
        self.lines.append(("", ""))


def test_the_interview_writes_styled_lines_to_any_screen() -> None:
    screen = Recorded()
    feed = iter(["b", "?", "never", "normal"])
    parts = {"feet": PartIntro("Your feet", "About your feet.")}
    questions = [ASSESS[i] for i in ("foot_pain", "foot_pain_areas", "foot_pain_level", "arch")]
    answers = run_interview(Fed(screen, feed), Interview(questions, {}, parts))
    assert answers == {"foot_pain": "none", "arch": "normal"}  # "never" is the label of "none"
    assert screen.lines[0] == ("dim", estimate_line(*estimate(questions, {}, set())))
    assert ("bold underline", "YOUR FEET (part 1 of 1)") in screen.lines
    assert ("dim", "  Nothing to go back to.") in screen.lines  # `b` before any answer
    assert ("bold", ASSESS["foot_pain"].text) in screen.lines


def test_a_continued_interview_counts_on_from_the_answers_it_already_has() -> None:
    questions = [ASSESS[i] for i in ("foot_pain", "foot_pain_areas", "foot_pain_level", "arch")]
    console = Console(file=io.StringIO(), width=80, color_system=None)
    feed = iter(["6", "normal"])
    parts = {"feet": PartIntro("Your feet", "About your feet.")}
    so_far: Answers = {"foot_pain": "often", "foot_pain_areas": ["heel"]}
    run_interview(Fed(ConsoleScreen(console), feed), Interview(questions, so_far, parts))
    out = str(console.file.getvalue())  # type: ignore[attr-defined]
    assert "Your feet · question 3 of about 4" in out and "Your feet · question 4 of about 4" in out
    assert "question 1 of" not in out


def test_an_optional_question_says_on_screen_that_enter_skips_it() -> None:
    console = Console(file=io.StringIO(), width=80, color_system=None)
    age = ASSESS["age"]
    assert "press Enter" not in age.text  # the text is also the report's and the answers file's
    answers = run_interview(Fed(ConsoleScreen(console), iter([""])), Interview([age]))
    assert answers == {}
    assert "Your age in years (optional, press Enter to skip)" in console.file.getvalue()  # type: ignore[attr-defined]
