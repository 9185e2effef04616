"""The assessment's content models: questions, scoring weights and advice rules from `data/assess/`."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import Field

from footback.content.loader import ContentProblems, Sources, from_cache, sources
from footback.content.questions import Question, When, when_holds
from footback.content.questions import Value as Value
from footback.content.rules import QuestionSet, Rule
from footback.core.errors import ContentError
from footback.core.models import Level, ScoreName, StrictModel

if TYPE_CHECKING:
    from footback.models.assessment import StartBack
from footback.core.safety import Severity, SignRule

QUESTIONS, SCORING, ADVICE, SAFETY, QUICK = (
    "data/assess/questions.toml",
    "data/assess/scoring.toml",
    "data/assess/advice.toml",
    "data/assess/safety.toml",
    "data/assess/quick.toml",
)
Facts = dict[str, Value | None]


class RedFlag(StrictModel):
    severity: Severity
    # A few words naming the sign in history, reports and the stretch/plan reminder.
    label: str
    advice: str
    sources: list[str]
    # A fact about the person that stays true (see footback.core.safety): a lifetime fact,
    # so a check-in does not ask whether it is new; `assess --quick` offers to update it.
    standing: bool = False
    # The sign does not count when every condition here holds (e.g. no back pain).
    unless: When = {}
    # Said instead when `unless` holds, so the answer is not lost.
    mention: str | None = None
    # The box's title when this sign is the most serious one (e.g. "contact your midwife now").
    title: str | None = None

    def counts(self, facts: Mapping[str, Value | None]) -> bool:
        return not (self.unless and when_holds(self.unless, facts))


class AssessQuestion(Question):
    red_flag: RedFlag | None = None

    @property
    def must_answer(self) -> bool:
        """A warning sign is never answered for the person, not even by the template."""
        return self.red_flag is not None

    def sign_rule(self) -> SignRule | None:
        """This question's warning sign for the safety rule: a yes that counts."""
        flag = self.red_flag
        if flag is None:
            return None
        qid = self.id
        return SignRule(
            id=qid,
            severity=flag.severity,
            test=lambda facts: facts.get(qid) is True and flag.counts(facts),
            standing=flag.standing,
        )


class DerivedSign(Rule):
    """A warning sign no single question asks: a combination of answers, or an age rule."""

    id: str
    severity: Severity
    label: str
    question: str
    advice: str
    sources: list[str]
    standing: bool = False
    # The box's title when this sign is the most serious one (e.g. "see your GP within days").
    title: str | None = None
    # Listed before the single signs, so its title heads the box over theirs (a sign that needs
    # care sooner than "today", e.g. the maternity team now).
    first: bool = False

    def sign_rule(self) -> SignRule:
        return SignRule(id=self.id, severity=self.severity, test=self.applies, standing=self.standing)


class Adults(StrictModel):
    """footback is for adults: below `min_age` it says so and gives no grouping or routine."""

    min_age: int
    notice: str
    who: str
    sources: list[str]


class Safety(StrictModel):
    carried: list[str] = []
    signs: list[DerivedSign]
    adults: Adults


class AssessQuestions(QuestionSet[AssessQuestion]):
    """The assessment's questions (with their red-flag details)."""


class Factor(Rule):
    id: str
    points: int
    reason: str
    source: str
    # Further sources the reason draws on (e.g. a study that found the opposite).
    also: tuple[str, ...] = ()

    @property
    def source_ids(self) -> list[str]:
        return [self.source, *self.also]


class ScoreSpec(StrictModel):
    title: str
    moderate_at: int
    high_at: int
    level_note: str | None = None
    requires: When = {}
    # Factors resting only on the article or expert opinion add at most a third of the score
    # (none at all without a factor from a published study, so never `high` without one).
    cap_unpublished: bool = False
    # Said under the factors when some of their points do not count (the rule above).
    uncounted_note: str | None = None
    factors: list[Factor]

    def level_for(self, score: int) -> Level:
        if score >= self.high_at:
            return "high"
        return "moderate" if score >= self.moderate_at else "low"


class StartBackItem(StrictModel):
    id: str
    psychosocial: bool = False
    when: When


class StartBackSpec(StrictModel):
    source: str
    # Keele's copyright and funding statement, shown wherever the grouping is.
    notice: str
    short_notice: str
    summary: str
    low_max_total: int
    high_min_psychosocial: int
    items: list[StartBackItem]


class Scoring(StrictModel):
    scores: dict[ScoreName, ScoreSpec]
    startback: StartBackSpec


class UrgentText(StrictModel):
    emergency_title: str
    urgent_title: str
    # Said when the interview stops after part 1 because of an urgent sign.
    stop_urgent: str
    # Said first when a standing sign was already seen by a clinician ({signs}).
    seen_note: str
    no_exercise: str
    why_specialist: str
    # Under an emergency, the less urgent signs are only named ({signs}), for the team to know.
    also_tell: str


class RoutineRule(Rule):
    routine: str
    reason: str
    source: str


class RoutineAdvice(StrictModel):
    both: str
    combine: list[str]
    fallback: str
    fallback_reason: str
    fallback_source: str
    rules: list[RoutineRule]


class Action(Rule):
    id: str
    text: str
    source: str


class EvidenceNote(Rule):
    id: str
    text: str
    sources: list[str]


class SpecialistRule(Rule):
    id: str
    who: str
    why: str
    source: str


class GateText(StrictModel):
    """What stretch and plan say after a warning sign (see footback.assess.gate)."""

    reminder: str
    question: str
    recorded: str
    declined: str
    no_terminal: str
    option: str


class Advice(StrictModel):
    urgent: UrgentText
    gate: GateText
    routines: RoutineAdvice
    actions: list[Action]
    evidence_notes: list[EvidenceNote]
    specialist: list[SpecialistRule]


class QuickSpec(StrictModel):
    """`assess --quick`: what is asked again, how long carried answers stay fresh, the wording."""

    full_every_days: int = Field(ge=1, le=366)
    pain_questions: list[str]
    label: str
    intro: str
    signs_question: str
    no_full: str
    full_due: str
    # Checklist groups asked again with last time's answers kept by Enter: the situations, whose
    # lifetime facts (a cancer history) a check-in never asks about.
    update_groups: list[str] = []


class AssessContent(StrictModel):
    questions: AssessQuestions
    scoring: Scoring
    advice: Advice
    safety: Safety
    quick: QuickSpec
    # The sources this content cites (same content root): scoring and advice look here, not a global.
    sources: Sources

    def question(self, qid: str) -> AssessQuestion:
        return next(q for q in self.questions.questions if q.id == qid)

    def sign_rules(self) -> list[SignRule]:
        """Every warning sign: the combinations marked `first`, the single questions, then the
        other combinations and age rules (the order results and the box list them in)."""
        single = [rule for q in self.questions.questions if (rule := q.sign_rule()) is not None]
        first = [s.sign_rule() for s in self.safety.signs if s.first]
        return first + single + [s.sign_rule() for s in self.safety.signs if not s.first]

    def quick_ids(self) -> list[str]:
        """The questions `assess --quick` asks again besides the warning signs, in asking order:
        the signs' follow-ups, the pain questions and the questions the STarT Back items read."""
        wanted = set(self.quick.pain_questions) | set(self.follow_up_ids())
        wanted |= {name for item in self.scoring.startback.items for name in item.when}
        wanted |= {q.id for q in self.questions.questions if q.group in self.quick.update_groups}
        return [q.id for q in self.questions.questions if q.id in wanted]

    def follow_up_ids(self) -> list[str]:
        """Questions after a warning-sign yes that change what it means (both legs: new or old)."""
        flags = set(self.red_flag_ids())
        return [q.id for q in self.questions.questions if set(q.ask_if) & flags]

    def red_flag_ids(self) -> list[str]:
        """The ids of the questions that are warning signs (a missing one is asked, never assumed)."""
        return [q.id for q in self.questions.questions if q.red_flag is not None]


def _steps_check(content: AssessContent) -> list[str]:
    """Every warning sign has an item (a check-in's line) and each group quick re-asks exists."""
    problems = [
        f"{QUESTIONS}: questions.{q.id}: a warning sign needs an item"
        for q in content.questions.questions
        if q.red_flag and q.item is None
    ]
    return problems + [
        f"{QUICK}: update_groups: unknown group '{gid}'"
        for gid in content.quick.update_groups
        if gid not in {g.id for g in content.questions.groups}
    ]


def _cross_check(content: AssessContent, src: Sources) -> list[str]:
    """Every cited source exists and every condition names a known fact: the problems found."""
    known = {q.id for q in content.questions.questions} | {
        "bmi",
        "foot_level",
        "back_level",
        "link_level",
    }
    cited: list[tuple[str, str]] = []
    rules: list[tuple[str, Rule]] = []
    problems = content.questions.unknown_ask_if(known, QUESTIONS)
    problems += _steps_check(content)
    for q in content.questions.questions:
        if q.red_flag:
            cited += [(f"{QUESTIONS}: questions.{q.id}.red_flag", s) for s in q.red_flag.sources]
            rules.append((f"{QUESTIONS}: questions.{q.id}.red_flag.unless", Rule(when=q.red_flag.unless)))
    for sign in content.safety.signs:
        cited += [(f"{SAFETY}: signs.{sign.id}", s) for s in sign.sources]
        rules.append((f"{SAFETY}: signs.{sign.id}", sign))
    cited += [(f"{SAFETY}: adults", s) for s in content.safety.adults.sources]
    problems += [
        f"{SAFETY}: {field}: unknown question '{key}'"
        for field, keys in (("carried", content.safety.carried),)
        for key in keys
        if key not in known
    ]
    for name, spec in content.scoring.scores.items():
        for f in spec.factors:
            where = f"{SCORING}: scores.{name}.factors.{f.id}"
            cited += [(where, s) for s in f.source_ids]
            rules.append((where, f))
    cited.append((f"{SCORING}: startback", content.scoring.startback.source))
    problems += [
        f"{QUICK}: pain_questions: unknown question '{qid}'"
        for qid in content.quick.pain_questions
        if qid not in known or qid in content.red_flag_ids()
    ]
    adv = content.advice
    cited.append((f"{ADVICE}: routines.fallback_source", adv.routines.fallback_source))
    for r in adv.routines.rules:
        cited.append((f"{ADVICE}: routines.rules.{r.routine}", r.source))
        rules.append((f"{ADVICE}: routines.rules.{r.routine}", r))
    for a in adv.actions:
        cited.append((f"{ADVICE}: actions.{a.id}", a.source))
        rules.append((f"{ADVICE}: actions.{a.id}", a))
    for n in adv.evidence_notes:
        cited += [(f"{ADVICE}: evidence_notes.{n.id}", s) for s in n.sources]
        rules.append((f"{ADVICE}: evidence_notes.{n.id}", n))
    for s in adv.specialist:
        cited.append((f"{ADVICE}: specialist.{s.id}", s.source))
        rules.append((f"{ADVICE}: specialist.{s.id}", s))
    for where, source_id in cited:
        problems += src.missing([source_id], where)
    for where, rule in rules:
        problems += rule.unknown_facts(known, where)
    return problems


@cache
def load_assess_content(root: Path | None = None) -> AssessContent:
    """Load and cross-check the assessment content once per process (per content root).

    Every problem in every file is reported at once, each with its file and key.
    """
    if root is None and (kept := from_cache("assess", AssessContent)) is not None:
        return kept
    found = ContentProblems()
    src = found.attempt(lambda: sources(root))
    questions = found.load("assess/questions.toml", AssessQuestions, root)
    scoring = found.load("assess/scoring.toml", Scoring, root)
    advice = found.load("assess/advice.toml", Advice, root)
    safety = found.load("assess/safety.toml", Safety, root)
    quick = found.load("assess/quick.toml", QuickSpec, root)
    if (
        src is None
        or questions is None
        or scoring is None
        or advice is None
        or safety is None
        or quick is None
    ):
        raise ContentError(*found.found)
    content = AssessContent(
        questions=questions, scoring=scoring, advice=advice, safety=safety, quick=quick, sources=src
    )
    found.add(_cross_check(content, src))
    found.raise_if_any()
    return content


def keele_notice(grouping: StartBack, *, short: bool = False) -> str:
    """Keele's copyright and funding statement for a shown grouping (the short form for the summary).

    A result stored before footback kept the statement gets today's wording: Keele asks for it
    wherever the grouping is shown, old results included.
    """
    spec = load_assess_content().scoring.startback
    if short:
        return grouping.short_notice or spec.short_notice
    return grouping.notice or spec.notice
