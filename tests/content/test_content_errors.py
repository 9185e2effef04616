"""Content errors, for people editing data/: every problem at once, each with its file and key."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import typer

from footback.assess.content import load_assess_content
from footback.cli.boundary import command_boundary
from footback.content.loader import key_path, load_model, sources
from footback.core.errors import ContentError
from footback.shoes.content import load_shoe_content

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A private copy of the shipped content, to break on purpose."""
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    return root


def append(root: Path, relpath: str, text: str) -> None:
    with (root / relpath).open("a", encoding="utf-8") as out:
        out.write("\n" + text)


def problems_of(load: Callable[[], object]) -> tuple[str, ...]:
    with pytest.raises(ContentError) as caught:
        load()
    return caught.value.problems


def test_the_shipped_content_loads(tree: Path) -> None:
    assert load_assess_content(tree).questions.questions
    assert load_shoe_content(tree).checks.problems


def test_every_problem_in_every_file_is_reported_at_once(tree: Path) -> None:
    append(
        tree,
        "assess/scoring.toml",
        '[[scores.foot.factors]]\nid = "bmi_typo"\npoints = "lots"\nreason = "x"\n'
        'source = "article_sweeney"\ncolour = "red"\n',
    )
    append(tree, "assess/advice.toml", '[[actions]]\nid = "broken"\ntext = 7\nsource = "apma_footwear"\n')
    append(tree, "sources.toml", '[sources.broken]\ncitation = ["not", "text"]\n')

    problems = problems_of(lambda: load_assess_content(tree))

    assert (
        "data/assess/scoring.toml: scores.foot.factors.bmi_typo.points: Input should be a valid integer, "
        "unable to parse string as an integer" in problems
    )
    assert (
        "data/assess/scoring.toml: scores.foot.factors.bmi_typo.colour: Extra inputs are not permitted"
        in problems
    )
    assert "data/assess/advice.toml: actions.broken.text: Input should be a valid string" in problems
    assert "data/sources.toml: sources.broken.citation: Input should be a valid string" in problems
    assert len(problems) == 4, problems


def test_cross_file_problems_are_all_reported_too(tree: Path) -> None:
    append(
        tree,
        "assess/scoring.toml",
        '[[scores.foot.factors]]\nid = "new_factor"\npoints = 5\nreason = "x"\nsource = "no_such_source"\n'
        "when = { foot_pian = { is = true } }\n",
    )
    append(
        tree,
        "assess/advice.toml",
        '[[actions]]\nid = "new_action"\ntext = "x"\nsource = "smith_1999"\n'
        "when = { sole = { is = true } }\n",
    )

    problems = problems_of(lambda: load_assess_content(tree))

    assert problems == (
        "data/assess/scoring.toml: scores.foot.factors.new_factor: unknown source 'no_such_source' "
        "(not in data/sources.toml)",
        "data/assess/advice.toml: actions.new_action: unknown source 'smith_1999' (not in data/sources.toml)",
        "data/assess/scoring.toml: scores.foot.factors.new_factor: condition names unknown fact 'foot_pian'",
        "data/assess/advice.toml: actions.new_action: condition names unknown fact 'sole'",
    )


def test_shoe_content_problems_are_all_reported(tree: Path) -> None:
    append(tree, "shoes/checks.toml", '[[problems]]\nid = "x"\npoints = -5\nfix = 3\n')
    append(tree, "shoes/questions.toml", '[[questions]]\nid = "laces"\npart = "nowhere"\n')

    problems = problems_of(lambda: load_shoe_content(tree))

    assert len({p.split(":")[0] for p in problems}) == 2, problems
    assert any(p.startswith("data/shoes/checks.toml: problems.x.points:") for p in problems), problems
    assert any(p.startswith("data/shoes/checks.toml: problems.x.fix:") for p in problems), problems
    assert any(p.startswith("data/shoes/questions.toml: questions.laces") for p in problems), problems


def test_a_missing_file_and_bad_toml_are_named_with_the_file(tree: Path) -> None:
    (tree / "assess" / "advice.toml").unlink()
    (tree / "assess" / "scoring.toml").write_text("[scores\n", encoding="utf-8")

    problems = problems_of(lambda: load_assess_content(tree))

    assert problems[0].startswith("data/assess/scoring.toml: invalid TOML:")
    assert problems[1] == "data/assess/advice.toml: file is missing"
    assert not any("packag" in p or "install" in p for p in problems)


def test_list_items_are_named_by_their_id() -> None:
    raw = {"scores": {"foot": {"factors": [{"id": "a"}, {"points": 1}]}}}
    assert key_path(("scores", "foot", "factors", 0, "points"), raw) == "scores.foot.factors.a.points"
    assert key_path(("scores", "foot", "factors", 1, "points"), raw) == "scores.foot.factors.1.points"
    assert key_path((), raw) == "(top level)"


def test_one_file_reports_all_its_problems(tree: Path) -> None:
    append(tree, "sources.toml", "[sources.a]\ncitation = 1\n[sources.b]\nshort = 2\n")
    with pytest.raises(ContentError) as caught:
        load_model("sources.toml", type(sources()), tree)
    assert caught.value.problems == (
        "data/sources.toml: sources.a.citation: Input should be a valid string",
        "data/sources.toml: sources.b.citation: Field required",
        "data/sources.toml: sources.b.short: Input should be a valid string",
    )


def test_the_boundary_prints_one_line_per_problem(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(typer.Exit) as stopped, command_boundary():
        raise ContentError("data/a.toml: x: bad", "data/b.toml: y: worse")
    assert stopped.value.exit_code == 1
    assert capsys.readouterr().err.splitlines() == [
        "footback: error: 2 problems in footback's content (data/):",
        "footback: error: data/a.toml: x: bad",
        "footback: error: data/b.toml: y: worse",
    ]
