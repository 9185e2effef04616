"""The one warning-sign rule, used by assess, checkin, plan, stretch, history and report.

Pure: the signs themselves (questions, combinations, age rules) live in `data/assess/` and are
turned into `SignRule`s by `footback.assess`; this module only decides what a set of answers
means and when footback may go on after a warning sign.

- A sign holds when its test holds on the answers. A missing answer never holds, so the callers
  ask every warning-sign question that applies (or stop with an error naming it): footback never
  takes an unanswered sign as "no".
- The triage of an answers set is its most serious sign: `emergency`, `urgent`, else `self_care`.
- After an urgent or emergency result, exercise advice waits until the person says a clinician
  has seen them. An emergency or episodic sign needs that confirmation after it was reported; a
  standing sign (a fact about the person, such as a cancer history) stays cleared once a
  clinician has seen them about it, so nobody has to deny a true answer to use footback again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, Literal, NamedTuple

Severity = Literal["emergency", "urgent"]
Triage = Literal["emergency", "urgent", "self_care"]
SELF_CARE: Triage = "self_care"
# Most serious first: the order results, screens and reports list signs in.
SEVERITY_ORDER: tuple[Severity, ...] = ("emergency", "urgent")

# Answers (and facts worked out from them) in, whether the sign holds out.
AnswerTest = Callable[[Mapping[str, Any]], bool]


class SignRule(NamedTuple):
    """One warning sign as data describes it, with its test over the answers."""

    id: str
    severity: Severity
    test: AnswerTest
    # A fact about the person that does not go away (e.g. a cancer history), not an episode.
    standing: bool = False


class Sign(NamedTuple):
    """A warning sign that holds for one answers set."""

    id: str
    severity: Severity
    standing: bool = False


def evaluate(rules: Iterable[SignRule], answers: Mapping[str, Any]) -> list[Sign]:
    """Every sign that holds, emergencies first, each id once, in the rules' order otherwise."""
    found: dict[str, Sign] = {}
    for rule in rules:
        if rule.id not in found and rule.test(answers):
            found[rule.id] = Sign(rule.id, rule.severity, rule.standing)
    return sorted(found.values(), key=lambda s: SEVERITY_ORDER.index(s.severity))


def triage_of(severities: Iterable[Severity]) -> Triage:
    """The most serious severity, or `self_care` when there is none."""
    seen = set(severities)
    return next((s for s in SEVERITY_ORDER if s in seen), SELF_CARE)


def needs_clinician(triage: Triage) -> bool:
    """Whether a result stops exercise advice until a clinician has seen the person."""
    return triage != SELF_CARE


class Reported(NamedTuple):
    """Warning signs reported in one assessment."""

    at: datetime
    signs: tuple[Sign, ...]

    @property
    def triage(self) -> Triage:
        return triage_of(s.severity for s in self.signs)


class Seen(NamedTuple):
    """A person's word that a clinician has seen them about these signs."""

    at: datetime
    sign_ids: frozenset[str]


def cleared(sign: Sign, reported_at: datetime, seen: Sequence[Seen]) -> bool:
    """Whether a clinician has seen the person about this sign (see the module docstring)."""
    if any(s.at >= reported_at and sign.id in s.sign_ids for s in seen):
        return True
    return seen_before(sign, seen)


def open_signs(reported: Reported, seen: Sequence[Seen]) -> list[Sign]:
    """The signs of one assessment that still wait for a clinician."""
    return [s for s in reported.signs if not cleared(s, reported.at, seen)]


def seen_since(sign_ids: Iterable[str], reported_at: datetime, seen: Sequence[Seen]) -> datetime | None:
    """When a clinician first saw the person about any of these signs after they were reported."""
    ids = set(sign_ids)
    dates = [s.at for s in seen if s.at >= reported_at and ids & s.sign_ids]
    return min(dates) if dates else None


def seen_before(sign: Sign, seen: Sequence[Seen]) -> bool:
    """Whether an earlier visit already covers this sign in a new assessment (standing signs only)."""
    return sign.standing and sign.severity == "urgent" and any(sign.id in s.sign_ids for s in seen)
