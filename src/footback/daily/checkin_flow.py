"""`footback checkin` behind the option parsing: ask (or take) the answers, store, report.

The flow takes the run's context (`core.runtime.Runtime`: its console, its line reader, its
clock, the data folder) and one `CheckinRequest`, so tests drive it with a fake context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from footback.core.cited import Citer, citing
from footback.core.errors import BadInputError, FootbackError
from footback.daily.checkin import check_note, check_pain, parse_day, parse_pain
from footback.models.checkin import CheckIn

if TYPE_CHECKING:
    from rich.console import Console

    from footback.assess.content import AssessContent
    from footback.content.questions import Answers
    from footback.core.runtime import Runtime
    from footback.daily.content import DailyText
    from footback.daily.signs import Sign
    from footback.models.assessment import AssessmentResult
    from footback.records.db import Store
    from footback.render.page import Hang, Line

Ask = Callable[[str], str]


@dataclass(frozen=True)
class CheckinRequest:
    """What the command line gave; None means ask."""

    foot: int | None = None
    back: int | None = None
    note: str | None = None
    day: str | None = None
    replace: bool = False
    signs: list[str] = field(default_factory=list)
    no_color: bool = False
    # `--json`: what was stored goes to stdout as JSON; the questions and lines go to stderr.
    as_json: bool = False

    @property
    def interactive(self) -> bool:
        return self.foot is None or self.back is None


class CheckinOutcome(NamedTuple):
    checkin: CheckIn | None  # None: the person kept the existing one
    existing: CheckIn | None
    previous: CheckIn | None
    replaced: bool
    urgent: AssessmentResult | None = None
    # Severe pain well above the check-in before, without a warning sign: see a GP (data/daily.toml).
    jump: str | None = None

    def as_json(self, citer: Citer) -> dict[str, Any]:
        """The outcome as `checkin --json` prints it; warning signs cited by `citer`."""
        stored = self.checkin.model_dump(mode="json") if self.checkin is not None else None
        return {
            "stored": stored,
            "replaced": self.replaced,
            "kept": self.existing.model_dump(mode="json") if self.checkin is None and self.existing else None,
            "previous": self.previous.model_dump(mode="json") if self.previous is not None else None,
            "warning_signs": [f.model_dump(mode="json", context=citing(citer)) for f in self.urgent.red_flags]
            if self.urgent
            else [],
            "advice": self.jump,
        }


def _say(console: Console, text: str, style: str = "") -> None:
    """A line; an indented one keeps its indent on every line it wraps onto."""
    from footback.render.console import ConsoleScreen

    ConsoleScreen(console).say(text, style)


def _ask_line(ask: Ask, prompt: str) -> str:
    try:
        return ask(prompt)
    except EOFError:
        raise FootbackError("input ended before the check-in was finished; nothing was saved") from None


def _ask_pain(ask: Ask, console: Console, question: str, last: int | None, where: str) -> int:
    default = f" [{last}]" if last is not None else ""
    while True:
        raw = _ask_line(ask, f"{question}{default}: ").strip()
        if raw == "" and last is not None:
            return last
        try:
            return parse_pain(raw, where)
        except BadInputError as exc:
            _say(console, f"  Not understood: {exc.message}. Try again.", "yellow")


def _ask_yes(ask: Ask, prompt: str) -> bool:
    return _ask_line(ask, f"{prompt} [y/N]: ").strip().lower() in ("y", "yes")


def _ask_signs(ask: Ask, console: Console, text: DailyText, signs: list[Sign]) -> list[str]:
    from footback.render.checklist import ask_checklist

    try:
        return ask_checklist(ask, console, text.signs_question, [(s.id, s.text) for s in signs])
    except EOFError:
        raise FootbackError("input ended before the check-in was finished; nothing was saved") from None


def _anything_new(ask: Ask, console: Console, text: DailyText) -> bool:
    """The one question a day with nothing new needs: Enter is no, y opens the list and the note;
    anything else is asked again (a typed sign number is never taken as a no)."""
    while True:
        reply = _ask_line(ask, text.new_question).strip().lower()
        if reply in ("", "n", "no"):
            return False
        if reply in ("y", "yes"):
            return True
        _say(console, f"  {text.new_again}", "yellow")


def _ask_note(ask: Ask, console: Console, question: str) -> str | None:
    while True:
        try:
            return check_note(_ask_line(ask, f"{question}: "))
        except BadInputError as exc:
            _say(console, f"  Not understood: {exc.message}. Try again.", "yellow")


class _Place:
    """Where one check-in happens: the console it speaks on (made on first use: a check-in given
    on the command line needs none), how it asks (None: no terminal), and the local time it is
    made at (its date is 'today')."""

    def __init__(self, env: Runtime, request: CheckinRequest, *, asks: bool) -> None:
        self._env, self._request = env, request
        self.ask = _asker(env, self) if asks else None
        self.now = env.clock.now()

    @cached_property
    def console(self) -> Console:
        return checkin_console(self._env, self._request)


def checkin_console(env: Runtime, request: CheckinRequest) -> Console:
    """The check-in's console: on stderr with `--json`, so stdout stays pure JSON."""
    return env.console(no_color=request.no_color, stderr=request.as_json)


def _asker(env: Runtime, place: _Place) -> Ask:
    def ask(prompt: str) -> str:
        # Shown as written: as markup, rich took "[y/N]" for a style.
        place.console.print(prompt, end="", markup=False, highlight=False)
        return env.read_line()

    return ask


def run_checkin(env: Runtime, request: CheckinRequest) -> CheckinOutcome:
    """The whole check-in: asked on the terminal when there is one, else from the options."""
    from footback.records.db import open_store

    place = _Place(env, request, asks=env.stdin_tty)
    with open_store(env.data_dir) as store:
        outcome = _check_in(store, request, place)
        if outcome.checkin is not None and place.ask is not None:
            from footback.daily.function_ask import offer_rerating

            # Only every 4 weeks: a check-in with nothing new stays at its few answers.
            offer_rerating(store, place.ask, lambda line: _say(place.console, line), place.now)
        return outcome


class _Checklist(NamedTuple):
    """What the warning-sign checklist is made of: the assessment's questions and the facts of
    the latest readable assessment (None when none is stored)."""

    content: AssessContent
    facts: Answers | None


def _checklist(store: Store) -> _Checklist:
    from footback.assess.content import load_assess_content
    from footback.records.assessments import latest_assessment

    content = load_assess_content()
    latest = latest_assessment(store)
    return _Checklist(content, latest.answers if latest is not None else None)


def _check_in(store: Store, request: CheckinRequest, place: _Place) -> CheckinOutcome:
    from footback.daily.content import load_daily_content
    from footback.records.checkins import checkin_on, latest_before

    text = load_daily_content().text
    # Read only when a sign is given or the checklist may be asked: `checkin --foot N --back N`
    # needs neither the assessment's questions nor the latest assessment (start-up).
    checklist = _checklist(store) if request.signs or request.interactive else None
    day = parse_day(request.day, place.now.date())
    note = check_note(request.note)
    sign_ids: list[str] = []
    if checklist is not None:
        from footback.daily.signs import check_sign_ids, offered_signs, warning_signs

        offered = offered_signs(checklist.content, checklist.facts)
        sign_ids = check_sign_ids(request.signs, warning_signs(checklist.content), offered)
    if request.foot is not None:
        check_pain(request.foot, "--foot")
    if request.back is not None:
        check_pain(request.back, "--back")
    if request.interactive and place.ask is None:
        raise BadInputError("no terminal to ask on: give both --foot N and --back N (0-10)")

    existing = checkin_on(store, day)
    previous = latest_before(store, day)
    if existing is not None and not request.replace:
        if place.ask is None:
            raise BadInputError(
                f"there is already a check-in for {day} (foot {existing.foot}, back {existing.back}); "
                "add --replace to replace it"
            )
        question = text.replace_question.format(day=day, foot=existing.foot, back=existing.back)
        if not _ask_yes(place.ask, question):
            _say(place.console, text.kept)
            return CheckinOutcome(checkin=None, existing=existing, previous=previous, replaced=False)

    foot, back = request.foot, request.back
    if request.interactive and place.ask is not None and checklist is not None:
        foot, back = _ask_scores(place, place.ask, text, day, existing or previous)
        if (request.note is None or not sign_ids) and _anything_new(place.ask, place.console, text):
            if not sign_ids:
                from footback.daily.signs import new_signs

                listed = new_signs(checklist.content, checklist.facts)
                sign_ids = _ask_signs(place.ask, place.console, text, listed)
            if request.note is None:
                note = _ask_note(place.ask, place.console, text.note_question)
    if foot is None or back is None:  # unreachable: asked above, or given
        raise BadInputError("give both --foot N and --back N (0-10)")
    checkin = CheckIn(day=day, foot=foot, back=back, note=note, warning_signs=sign_ids, created_at=place.now)
    return _store(store, checkin, existing, previous)


def _ask_scores(
    place: _Place, ask: Ask, text: DailyText, day: date, shown: CheckIn | None
) -> tuple[int, int]:
    """Foot and back pain asked for, the last check-in's values shown and kept by Enter."""
    console = place.console
    _say(console, text.checkin_title.format(day=_nice(day)), "bold")
    if shown is not None:
        _say(console, text.last.format(day=_nice(shown.day), foot=shown.foot, back=shown.back), "dim")
    else:
        _say(console, text.first, "dim")
    foot = _ask_pain(ask, console, text.foot_question, shown.foot if shown else None, "foot pain")
    back = _ask_pain(ask, console, text.back_question, shown.back if shown else None, "back pain")
    return foot, back


def _store(
    store: Store, checkin: CheckIn, existing: CheckIn | None, previous: CheckIn | None
) -> CheckinOutcome:
    from footback.records.checkins import save_checkin

    urgent = None
    if checkin.warning_signs:
        from footback.assess.content import load_assess_content
        from footback.daily.signs import checkin_answers, result_for
        from footback.records.assessments import latest_assessment, save_assessment

        # The same history entry an assessment with these answers would leave.
        content = load_assess_content()
        latest = latest_assessment(store)
        answers = checkin_answers(
            content, checkin.warning_signs, latest.answers if latest is not None else None
        )
        urgent = result_for(content, answers)
        save_assessment(store, answers, urgent, checkin.created_at, citer=content.sources)
    replaced = save_checkin(store, checkin)
    return CheckinOutcome(
        checkin=checkin,
        existing=existing,
        previous=previous,
        replaced=replaced,
        urgent=urgent,
        jump=None if urgent is not None else _jump_advice(checkin, previous),
    )


def _jump_advice(checkin: CheckIn, previous: CheckIn | None) -> str | None:
    """Advice to see a GP when foot or back pain is severe and well above the check-in before."""
    from footback.daily.content import load_daily_content

    rule = load_daily_content().jump
    if previous is None:
        return None
    for part in ("foot", "back"):
        before, now = getattr(previous, part), getattr(checkin, part)
        if rule.jumped(before, now):
            return rule.advice.format(part=part, before=before, now=now, day=_nice(previous.day))
    return None


def _nice(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def render_outcome(console: Console, outcome: CheckinOutcome) -> None:
    """After storing: the warning-sign advice first, then one line of what was saved."""
    from footback.render.rows import draw_page

    if outcome.urgent is not None:
        from footback.assess.content import load_assess_content
        from footback.assess.render import render_urgent
        from footback.daily.content import load_daily_content

        render_urgent(console, outcome.urgent, load_assess_content().advice.urgent)
        _say(console, load_daily_content().text.sign_saved)
    draw_page(console, saved_page(outcome))


def saved_page(outcome: CheckinOutcome) -> list[Line | Hang]:
    """What was saved (nothing when the person kept the check-in there was), and the advice after
    a jump in pain: what `render_outcome` says after any warning sign's advice."""
    from footback.daily.content import load_daily_content
    from footback.render.page import said

    if outcome.checkin is None:
        return []
    text = load_daily_content().text
    c = outcome.checkin
    line = text.replaced if outcome.replaced else text.saved
    page = said(line.format(day=_nice(c.day), foot=c.foot, back=c.back))
    return page + said(outcome.jump, "bold") if outcome.jump is not None else page


def offer_checkin(env: Runtime, request: CheckinRequest) -> None:
    """After a finished routine, on a terminal: today's check-in offered with one key, as every
    offer is (`daily.one_key`: Enter checks in, n skips). `request` carries the console's
    settings (the routine's `--no-color`)."""
    from footback.daily.content import load_daily_content
    from footback.daily.one_key import offer_one_key
    from footback.records.checkins import checkin_on
    from footback.records.db import open_store

    if not (env.stdin_tty and env.stdout_tty):
        return
    place = _Place(env, request, asks=True)
    with open_store(env.data_dir) as store:
        if checkin_on(store, place.now.date()) is not None:
            return
        # Only on a terminal, so a key is read, never a line to say "again" after.
        text = load_daily_content().text
        if offer_one_key(env, place.console, text.offer, lambda: None):
            render_outcome(place.console, _check_in(store, request, place))
        else:  # not a dead end: the command for later
            place.console.print(text.offer_skipped, markup=False, highlight=False)
