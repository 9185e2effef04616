"""The load-time checks shared by every questionnaire's content."""

from __future__ import annotations

from footback.content.questions import Condition, Question
from footback.content.rules import Part, QuestionSet, Rule


def test_a_rule_naming_an_unknown_fact_is_a_content_error() -> None:
    rule = Rule(when={"foot_pain": Condition(any_of=["often"])}, any=[{"bmi": Condition(above=27)}])
    assert rule.unknown_facts({"foot_pain", "bmi"}, "data/x.toml: rule") == []  # known names pass
    assert rule.unknown_facts({"bmi"}, "data/x.toml: rule") == [
        "data/x.toml: rule: condition names unknown fact 'foot_pain'"
    ]
    assert rule.unknown_facts(set(), "data/x.toml: rule") == [
        "data/x.toml: rule: condition names unknown fact 'foot_pain'",
        "data/x.toml: rule: condition names unknown fact 'bmi'",
    ]


def test_ask_if_on_an_unknown_question_is_a_content_error() -> None:
    q = Question(
        id="detail",
        part="p",
        kind="bool",
        text="?",
        why="!",
        no_problem=False,
        ask_if={"pain": Condition(none_of=["none"])},
    )
    qs = QuestionSet[Question](
        title="t", disclaimer="d", parts=[Part(id="p", title="P", intro="i")], questions=[q]
    )
    assert qs.unknown_ask_if({"pain", "detail"}, "data/q.toml") == []
    assert qs.unknown_ask_if({"detail"}, "data/q.toml") == [
        "data/q.toml: detail: ask_if names unknown 'pain'"
    ]
