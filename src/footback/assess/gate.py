"""After a warning sign: `stretch` and `plan` stop until the person says a clinician has seen them.

The rule (which signs are still open) is footback.core.safety's; this module reads the store,
asks, and records the answer with its date, so the report can show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from footback.core.errors import BadInputError
from footback.core.safety import Triage, open_signs, triage_of
from footback.models.assessment import RedFlagHit
from footback.records.db import Store

# Asks a yes/no question; None when there is no terminal to ask on.
Confirm = Callable[[str], bool]


@dataclass(frozen=True)
class OpenGate:
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


def pass_gate(
    open_store: Callable[[], Store],
    gate: OpenGate,
    *,
    now: datetime,
    seen_option: bool,
    confirm: Confirm | None,
    say: Callable[[str], None],
) -> bool:
    """Show the sign and ask; True to go on (the answer is recorded), False to stop.

    Without a terminal the option is the answer; without either, a one-line error (exit 2).
    """
    from footback.assess.content import load_assess_content

    text = load_assess_content().advice.gate
    date = f"{gate.reported_at.astimezone(now.tzinfo):%Y-%m-%d}"
    if not seen_option:
        if confirm is None:
            raise BadInputError(text.no_terminal.format(date=date, signs=gate.names(), option=text.option))
        say(text.reminder.format(date=date, signs=gate.names()))
        if not confirm(text.question.format(date=date)):
            for sign in gate.signs:
                say(sign.advice)
            say(text.declined)
            return False
    with open_store() as store:
        record_seen(store, gate, now)
    say(text.recorded.format(date=f"{now:%Y-%m-%d}"))
    return True
