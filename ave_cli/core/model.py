"""Plain data for the AVE model: kapstok, questions, rules, outcomes and decisions.

Nothing here prints, prompts, reads the clock or touches a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Union

from ave_cli.core.messages import N_

ROLE_KEYS = ("casusregie", "procesregie", "operationeel", "bestuurlijk")
ROLE_TITLES = {  # shown with _()
    "casusregie": N_("Casusregie"),
    "procesregie": N_("Procesregie"),
    "operationeel": N_("Operationeel verantwoordelijk"),
    "bestuurlijk": N_("Bestuurlijk verantwoordelijk"),
}
QUESTION_TYPES = ("choice", "bool", "multi")
PLAN_DEFAULT = N_("Integraal plan van aanpak")  # the plan's name where a kapstok gives none

AnswerValue = Union[str, bool, list[str]]
Answers = dict[str, AnswerValue]


@dataclass(frozen=True)
class Question:
    key: str
    text: str
    help: str
    type: str
    values: tuple[str | bool, ...]
    labels: dict[str, str] = field(default_factory=dict)
    has_default: bool = False
    default: AnswerValue | None = None

    def label(self, value: str | bool) -> str:
        """The Dutch label of one value, for prompts and review screens."""
        if isinstance(value, bool):
            return N_("ja") if value else N_("nee")  # Dutch: reasons in the log quote it
        return self.labels.get(value, value)


@dataclass(frozen=True)
class Leaf:
    """`key in values` (or `not in` when negated); for a multi question: any value selected."""

    key: str
    values: tuple[str | bool, ...]
    negate: bool = False


@dataclass(frozen=True)
class Group:
    """`any` or `all` over sub-conditions."""

    mode: str
    items: tuple[Condition, ...]


Condition = Union[Leaf, Group]


@dataclass(frozen=True)
class Criterion:
    """One condition of a phase rule, with the words that explain it when it holds."""

    reason: str
    condition: Condition


@dataclass(frozen=True)
class Roles:
    casusregie: str
    procesregie: str
    operationeel: str
    bestuurlijk: str

    def as_dict(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in ROLE_KEYS}


@dataclass(frozen=True)
class Phase:
    id: str
    label: str
    colour: str
    description: str
    roles: Roles
    in_overleg_met: tuple[str, ...]
    opschalen_door: str
    opschalen_criteria: str
    afschalen_criteria: tuple[str, ...]  # each one a condition for scaling down from here
    match: str  # "any", "all" or "otherwise" (the lowest phase)
    criteria: tuple[Criterion, ...]
    otherwise_reason: str = ""
    notes: tuple[str, ...] = ()
    review_days: int | None = None
    long_in_phase_days: int | None = None
    requires_casusregie: bool = True
    share: str = ""  # which share of households is typically in this phase, in words
    expected_share: float | None = None  # the same as a fraction of all households (0..1)
    afschalen_door: str = ""  # who decides to scale down from this phase


@dataclass(frozen=True)
class Leefgebied:
    """An area of life the plan of a household covers (principle 4): its fixed key and label."""

    key: str
    label: str


@dataclass(frozen=True)
class Casus:
    """A test case the kapstok carries (its casuistiek): a situation as a professional tells it,
    where the expectation comes from, the answers, and what the rules should give."""

    naam: str
    verhaal: str
    bron: str
    answers: dict[str, AnswerValue]  # as given; missing keys take the kapstok's defaults
    fase: str
    casusregie: str = ""  # substring of the expected casusregie holder, if given
    procesregie: str = ""
    in_overleg_met_bevat: tuple[str, ...] = ()
    advies_bevat: tuple[str, ...] = ()


@dataclass(frozen=True)
class LocalRule:
    """A local rule: when its condition holds in one of its phases, it changes the outcome."""

    reason: str
    phases: tuple[str, ...]
    when: Condition | None
    set_roles: dict[str, str] = field(default_factory=dict)
    add_in_overleg_met: tuple[str, ...] = ()
    advice: str = ""
    advises_role: str | None = None


def phase_name(text: str) -> str:
    """A fase as people write it, reduced to compare: letter case, spaces, '-' and '_' and a
    leading "fase"/"phase" do not count ("Fase 2-B" and "2b" are one name)."""
    name = "".join(text.split()).casefold().replace("-", "").replace("_", "")
    for word in ("fase", "phase"):
        if name.startswith(word) and len(name) > len(word):
            name = name[len(word):]
    return name


@dataclass(frozen=True)
class Kapstok:
    name: str
    version: str
    title: str
    description: str
    questions: tuple[Question, ...]
    phases: tuple[Phase, ...]  # lowest first
    local_rules: tuple[LocalRule, ...]
    meningsverschil_beslisser: str
    notes: tuple[str, ...]
    sha256: str
    source: str
    english: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    casus: tuple[Casus, ...] = ()
    # how this version reads answers recorded under an earlier one (ave reevaluate, kapstok diff)
    oude_antwoorden: str = ""
    leefgebieden: tuple[Leefgebied, ...] = ()  # the areas of life of the plan, in plan order
    plan: str = ""  # the local word for the one integral plan (principle 4)
    begrippen: tuple[tuple[str, str], ...] = ()  # (term, explanation): the kapstok's own words

    def find_leefgebied(self, key: str) -> Leefgebied | None:
        return next((a for a in self.leefgebieden if a.key == key), None)

    def begrip(self, term: str) -> tuple[str, str] | None:
        """A term the kapstok explains, found without regard to letter case."""
        return next((b for b in self.begrippen if b[0].casefold() == term.strip().casefold()),
                    None)

    def question(self, key: str) -> Question | None:
        return self._by_key.get(key)

    @cached_property
    def _by_key(self) -> dict[str, Question]:
        found: dict[str, Question] = {}
        for question in self.questions:
            found.setdefault(question.key, question)  # the first, as a search from the top finds
        return found

    @cached_property
    def _by_id(self) -> dict[str, tuple[int, Phase]]:
        return {p.id.casefold(): (i, p) for i, p in enumerate(self.phases)}

    def find_phase(self, phase_id: str) -> Phase | None:
        """The phase with this id, compared case-insensitively."""
        found = self._by_id.get(phase_id.strip().casefold())
        return found[1] if found else None

    @cached_property
    def _by_name(self) -> dict[str, Phase]:
        found: dict[str, Phase] = {}
        for p in self.phases:
            name = phase_name(p.id)
            for form in (name, name[3:] if name.startswith("ave") else "ave" + name):
                found.setdefault(form, p)  # the phase's own id first, as the kapstok orders
        return found

    def phase_named(self, text: str) -> Phase | None:
        """The phase a person means: its id as written on any screen or typed ("AVE 4",
        "ave4", "fase 2b", "2B", "4" for AVE4); None when no phase of this kapstok is meant.
        For input only: a record names its phase by its exact id (find_phase)."""
        return self.find_phase(text) or self._by_name.get(phase_name(text))

    def rank(self, phase_id: str) -> int:
        """Position of a phase from low (0) to high; -1 when unknown."""
        found = self._by_id.get(phase_id.strip().casefold())
        return found[0] if found else -1

    def phase_above(self, phase: Phase) -> Phase | None:
        index = self.phases.index(phase)
        return self.phases[index + 1] if index + 1 < len(self.phases) else None

    @cached_property
    def ref(self) -> KapstokRef:
        return KapstokRef(self.name, self.version, self.sha256)


@dataclass(frozen=True)
class KapstokRef:
    name: str
    version: str
    sha256: str


@dataclass(frozen=True)
class Advice:
    text: str
    reasons: tuple[str, ...]
    role: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What the rules advise for one set of answers."""

    phase: Phase
    reasons: tuple[str, ...]
    roles: Roles
    in_overleg_met: tuple[str, ...]
    advice: tuple[Advice, ...]
    next_phase: Phase | None


PHASE_KINDS = ("triage", "escalation", "deescalation", "close", "reevaluation")
# the plan's records (principle 4): an afspraak, and a change of its stand; they change no fase
AFSPRAAK_KINDS = ("afspraak", "afspraak-stand")
DECISION_KINDS = PHASE_KINDS + AFSPRAAK_KINDS
STANDEN = ("gedaan", "vervallen", "verlengd")  # what an afspraak-stand may say
AXES = ("horizontal", "vertical")


@dataclass(frozen=True, slots=True)  # slots: a batch holds many
class Decision:
    """One record of the case log. Optional fields are None or empty when they do not apply."""

    id: str
    case: str
    time: datetime
    kind: str
    kapstok: KapstokRef
    by: str
    phase_after: str | None = None  # None for a close
    phase_before: str | None = None
    advised_phase: str | None = None
    motivation: str = ""
    axis: str | None = None
    decided_by: str = ""
    answers: Answers = field(default_factory=dict)
    reasons: tuple[str, ...] = ()
    roles: dict[str, str] = field(default_factory=dict)
    in_overleg_met: tuple[str, ...] = ()
    advice: tuple[str, ...] = ()
    advice_roles: tuple[str, ...] = ()  # per advice, the regie role it asks for ("" for none)
    casusregisseur: str = ""
    procesregisseur: str = ""
    role: str = ""
    signals: tuple[str, ...] = ()
    note: str = ""
    # an afspraak (kind afspraak) or a change of one (afspraak-stand): its number in the case
    afspraak: str = ""
    wat: str = ""
    wie: str = ""  # an organisation or role, never a private person
    leefgebied: str = ""  # a key of the kapstok's leefgebieden
    voor: str = ""  # a household member as a pseudonymous label (moeder, kind 1)
    uiterlijk: str = ""  # the date it is due (ISO 8601); for `verlengd` the new date
    stand: str = ""  # afspraak-stand: gedaan, vervallen or verlengd
