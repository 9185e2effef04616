"""After a warning sign: `stretch` and `plan` stop until the person says a clinician has seen them.

The rule (which signs are still open) is footback.core.safety's; this module reads the store,
asks, and records the answer with its date, so the report can show it.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from footback.core.errors import BadInputError
from footback.core.safety import Triage, open_signs, triage_of
from footback.models.assessment import RedFlagHit
from footback.records.db import Store

if TYPE_CHECKING:
    from footback.core.runtime import Runtime


class OpenGate(NamedTuple):
    """The latest assessment's warning signs that still wait for a clinician."""

    assessment_id: int
    reported_at: datetime
    signs: list[RedFlagHit]

    @property
    def triage(self) -> Triage:
        return triage_of(s.severity for s in self.signs)

    def names(self) -> str:
        return "; ".join(s.name for s in self.signs)


def open_gate(store: Store | None) -> OpenGate | None:
    """The latest assessment's open warning signs, or None when footback may go on."""
    if store is None:
        return None
    from footback.records.clinician import latest_report, read_seen

    report = latest_report(store)
    if report is None:
        return None
    still = {s.id for s in open_signs(report.reported(), read_seen(store))}
    if not still:
        return None
    return OpenGate(report.assessment_id, report.at, [f for f in report.signs if f.id in still])


def record_seen(store: Store, gate: OpenGate, now: datetime) -> None:
    """Store the person's word that a clinician has seen them, with today's date."""
    from footback.records.clinician import save_seen

    save_seen(store, now, gate.assessment_id, [s.id for s in gate.signs])


class ClinicianQuestion(NamedTuple):
    """The question after a warning sign, as a flow asks it: the open `gate`, the
    `--seen-clinician` option (the answer when there is no terminal), and the console's settings
    (`stderr` with `--json`, so stdout stays pure JSON)."""

    gate: OpenGate
    seen_option: bool = False
    no_color: bool = False
    stderr: bool = False


def pass_gate(env: Runtime, question: ClinicianQuestion) -> bool:
    """Show the sign and ask; True to go on (the answer is recorded), False to stop.

    Without a terminal the option is the answer; without either, a one-line error (exit 2).
    """
    from footback.assess.content import load_assess_content
    from footback.records.db import open_store
    from footback.render.console import ask_yes_no, say

    console = env.console(no_color=question.no_color, stderr=question.stderr)
    text = load_assess_content().advice.gate
    gate, now = question.gate, env.clock.now()
    date = f"{gate.reported_at.astimezone(now.tzinfo):%Y-%m-%d}"
    if not question.seen_option:
        if not env.stdin_tty:
            raise BadInputError(text.no_terminal.format(date=date, signs=gate.names(), option=text.option))
        say(console, text.reminder.format(date=date, signs=gate.names()))
        if not ask_yes_no(console, text.question.format(date=date)):
            for sign in gate.signs:
                say(console, sign.advice)
            say(console, text.declined)
            return False
    with open_store(env.data_dir) as store:
        record_seen(store, gate, now)
    say(console, text.recorded.format(date=f"{now:%Y-%m-%d}"))
    return True
