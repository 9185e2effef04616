"""`footback assess` behind the option parsing: the answers (file, resume, interview, or the
quick re-check), then the result, compared with the last one and stored.

The flow takes the run's context (`core.runtime.Runtime`) and one request: what was asked."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from footback.core.runtime import Runtime

if TYPE_CHECKING:
    from collections.abc import Sequence

    from footback.assess.content import AssessContent
    from footback.content.questions import Answers, Question
    from footback.core.models import BodyUnits
    from footback.core.safety import Seen
    from footback.models.assessment import AssessmentResult
    from footback.records.assessments import SavedAssessment
    from footback.render.console import ConsoleScreen

    # Activity names and their 0-10 ratings (the function score, from an answers file).
    Rated = tuple[list[str], list[int]]


@dataclass(frozen=True)
class AssessRequest:
    """What `footback assess` was asked (cli/ parses the options and reads the config)."""

    answers: Path | None = None
    no_save: bool = False
    as_json: bool = False
    quick: bool = False
    no_color: bool = False
    # How typed heights and weights are read (the config's `body_units`).
    body_units: BodyUnits = "metric"


def run_assess(app: Runtime, request: AssessRequest) -> tuple[AssessmentResult, SavedAssessment | None]:
    """Gather the answers, then score, compare and store them."""
    from footback.assess import service
    from footback.assess.content import load_assess_content

    content = load_assess_content()
    # The answers file is read once, here; its function score's answers are checked before
    # anything is asked or stored.
    raw = _read_file(request.answers) if request.answers else None
    function = _function_from_file(app, request.answers, raw) if request.answers and raw is not None else None
    seen = service.clinician_visits(app.data_dir)  # standing signs a clinician has seen
    given: Answers | None = None
    if request.quick:
        given = _quick_answers(app, request, content, seen, raw)
    quick = given is not None
    if given is None:
        given = _full_answers(app, request, content, seen, raw)
    result = service.assess(content, given, seen)
    if function is None and _first_rating_due(app, request, quick) and not result.red_flags:
        function = _ask_first_rating(app, request, _steps_answered(content, given) + 1)
    if quick:  # marked as such in history and the report
        result = result.model_copy(update={"quick": True})
    return result, _record(app, request, content, (given, function), result)


def _function_step(app: Runtime, request: AssessRequest) -> tuple[str, ...]:
    """The words the function score's first rating shows, when it will be offered after the
    questions (a terminal, to be saved, none rated yet); else nothing."""
    if not _first_rating_due(app, request, request.quick):
        return ()
    from footback.assess.function_input import function_step_words

    return (function_step_words(),)


def _read_file(path: Path) -> dict[str, Any]:
    from footback.content.answers_file import read_mapping

    return read_mapping(path)


def _function_from_file(app: Runtime, path: Path, raw: dict[str, Any]) -> Rated | None:
    """The activities and ratings the answers file gives, if any (the same activities as before)."""
    from footback.assess.function_input import function_input
    from footback.records.db import read_store
    from footback.records.psfs import list_ratings

    stored = read_store(app.data_dir, list_ratings) or []
    return function_input(raw, str(path), stored[0].activities if stored else None)


def _first_rating_due(app: Runtime, request: AssessRequest, quick: bool) -> bool:
    """A full assessment asked on a terminal, to be saved, with no activities rated yet."""
    from footback.records.db import read_store
    from footback.records.psfs import list_ratings

    if quick or request.answers is not None or request.no_save or not app.stdin_tty:
        return False
    return not read_store(app.data_dir, list_ratings)


def _steps_answered(content: AssessContent, answers: Answers) -> int:
    from footback.content.steps import steps_answered

    qset = content.questions
    return steps_answered(qset.questions, answers, {g.id for g in qset.groups})


def _ask_first_rating(app: Runtime, request: AssessRequest, number: int) -> Rated | None:
    """The optional step after the questions (the last one, `number`, counted in the interview's
    total): up to 3 activities and a 0-10 rating each."""
    from footback.assess.function_input import ask_function, load_function_rule
    from footback.content.steps import progress_line

    screen = _screen(app, request)
    screen.blank()
    screen.say(progress_line(load_function_rule().title, number, number), "dim")
    try:
        return ask_function(screen.ask, screen.say)
    except EOFError:
        return None  # an optional step: the assessment is kept, nothing is rated


def _load(path: Path, raw: dict[str, Any], questions: Sequence[Question]) -> Answers:
    """The file's answers to the questions (the function score's keys are read apart)."""
    from footback.assess.function_input import without_function
    from footback.content.answers_file import check_answers

    return check_answers(without_function(raw), questions, str(path))


def _record(
    app: Runtime,
    request: AssessRequest,
    content: AssessContent,
    given: tuple[Answers, Rated | None],
    result: AssessmentResult,
) -> SavedAssessment | None:
    """Store the result unless `--no-save`; the previous scored assessment, to compare with.
    The comparison is only drawn on the result screen: `--json --no-save` touches no store."""

    from footback.records.assessments import latest_scored_assessment, save_assessment
    from footback.records.db import open_existing_store, open_store

    answers, function = given
    save, compare = not request.no_save, not request.as_json
    if not (save or compare):
        return None
    store = open_store(app.data_dir) if save else open_existing_store(app.data_dir)
    if store is None:
        return None
    with store:
        # "Since last time" compares scores: an assessment stopped by a warning sign has none.
        previous = latest_scored_assessment(store)
        if save:
            now = app.clock.now()
            save_assessment(store, answers, result, now, citer=content.sources)
            if function is not None:
                from footback.models.psfs import PsfsRating
                from footback.records.psfs import save_rating

                save_rating(store, PsfsRating.rated_now(now, *function))
    return previous


def _ask_rest(
    app: Runtime, request: AssessRequest, content: AssessContent, given: Answers, seen: list[Seen]
) -> Answers:
    """`given` with every missing answer asked on the terminal (or the one error line why not)."""
    from footback.records.folder import PARTIAL_LOCK, exclusive

    keeping = request.answers is None and app.stdin_tty and not request.no_save and not request.quick
    # Two interviews at once must not share the one partial file: the second neither offers nor
    # deletes the first's answers, and keeps none of its own.
    with exclusive(app.data_dir, PARTIAL_LOCK) if keeping else nullcontext(False) as mine:
        if keeping and not mine:
            app.console(stderr=True).print(BUSY, highlight=False, markup=False)
        return _interview(app, request, content, given, seen, keep_partial=mine)


# Shown to a second `footback assess` while one is running with the same data folder.
BUSY = (
    "Another footback assess is running with this data folder: its saved answers are left as they"
    " are, and this one's are not kept if it stops."
)


def _interview(
    app: Runtime,
    request: AssessRequest,
    content: AssessContent,
    given: Answers,
    seen: list[Seen],
    *,
    keep_partial: bool,
) -> Answers:
    """The interview itself; with `keep_partial`, a stopped one is offered and its answers kept."""
    from footback.assess import service
    from footback.content.guided import Asking, GuidedCheck, complete_answers
    from footback.content.interview import Interview
    from footback.content.questions import with_body_units

    qset = content.questions
    keep = None
    if keep_partial:
        from footback.assess.resume import offer_resume

        keep = offer_resume(app.data_dir, app.clock, qset.questions, app.console(stderr=True).input)
        given = keep.answers | given
    # Questions go to the terminal (stderr), so `footback assess > result.txt` still asks them.
    asking = Asking(app.stdin_tty, app.stdin_closed, lambda: _screen(app, request))
    interview = Interview(
        # Typed heights and weights follow `body_units`; files keep the units in their ids.
        with_body_units(qset.questions, request.body_units),
        given,
        stop_before=service.interview_stop(content, seen),
        on_progress=keep,
        skipped=sorted(keep.skipped) if keep is not None else (),
        # The continued run's answers in asking order, so `b` can go back into them.
        earlier=[q.id for q in qset.questions if keep and (q.id in keep.answers or q.id in keep.skipped)],
        # The function score's first rating follows the questions: counted in the total shown.
        after=_function_step(app, request),
    )
    missing = service.to_ask(content, given, seen)
    answers = complete_answers(
        asking, GuidedCheck(qset, interview, missing, request.answers, "the assessment")
    )
    if keep is not None:
        from footback.assess.resume import drop_partial

        drop_partial(app.data_dir)
    return answers


def _full_answers(
    app: Runtime, request: AssessRequest, content: AssessContent, seen: list[Seen], raw: dict[str, Any] | None
) -> Answers:
    # A file's missing answers are asked on a terminal, or named in an error: a warning sign
    # left out is never taken as "no".
    questions = content.questions.questions
    given = _load(request.answers, raw, questions) if request.answers and raw is not None else {}
    return _ask_rest(app, request, content, given, seen)


def _quick_answers(
    app: Runtime, request: AssessRequest, content: AssessContent, seen: list[Seen], raw: dict[str, Any] | None
) -> Answers | None:
    """The quick re-check's answers, or None (after saying why) when a full assessment is due."""
    import sys

    from footback.assess.quick import quick_interview, quick_start
    from footback.content.interview import InputEnded
    from footback.content.questions import with_body_units
    from footback.core.errors import FootbackError, MissingAnswersError

    base = quick_start(content, app.data_dir, app.clock.now())
    if isinstance(base, str):
        sys.stderr.write(base + "\n")
        return None
    if request.answers is not None and raw is not None:
        # A file answers what it names; the rest is carried, as Enter would keep it, except the
        # warning signs: last week's "no" is not this week's, so a missing one is asked or named.
        signs = set(content.red_flag_ids())
        carried = {k: v for k, v in base.answers.items() if k not in signs}
        given = carried | _load(request.answers, raw, content.questions.questions)
        return _ask_rest(app, request, content, given, seen)
    if app.stdin_closed:
        raise MissingAnswersError(
            "assess --quick: standard input is closed; give the week's answers with --answers FILE "
            "(what the file leaves out is kept from the last assessment) or use a terminal"
        )
    questions = with_body_units(content.questions.questions, request.body_units)
    try:
        given = quick_interview(content, base, questions, _screen(app, request), seen)
    except InputEnded:
        raise FootbackError("input ended before the quick re-check was finished; nothing was saved") from None
    return _ask_rest(app, request, content, given, seen)


def _screen(app: Runtime, request: AssessRequest) -> ConsoleScreen:
    """The screen the questions are asked on: the terminal's stderr side."""
    from footback.render.console import ConsoleScreen

    return ConsoleScreen(app.console(no_color=request.no_color, stderr=True))
