"""A kapstok proves what it says: run its own casuistiek, and compare two kapstokken over every
combination of answers. Pure: kapstokken and answers in, results out."""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ave_cli.core.messages import Msg, TooLarge
from ave_cli.core.model import Answers, Casus, Condition, Group, Kapstok, Outcome, phase_name
from ave_cli.core.rules import advised_phase, evaluate, holds, with_defaults


@dataclass(frozen=True)
class Miss:
    """One expectation of a casus that the outcome does not meet."""

    what: str  # fase, casusregie, procesregie, in_overleg_met, advies
    expected: str
    got: str


@dataclass(frozen=True)
class CasusResult:
    casus: Casus
    answers: Answers  # with the kapstok's defaults
    outcome: Outcome
    misses: tuple[Miss, ...]

    @property
    def ok(self) -> bool:
        return not self.misses


@dataclass(frozen=True)
class Coverage:
    """Conditions and local rules that no casus makes hold (in the phase they belong to)."""

    conditions: tuple[tuple[str, str], ...]  # (phase id, reason)
    local_rules: tuple[str, ...]  # reasons


def run_casus(kapstok: Kapstok, casus: Casus) -> CasusResult:
    answers = with_defaults(kapstok, casus.answers)
    assert answers is not None, "a validated casus has every required answer"
    outcome = evaluate(kapstok, answers)
    misses = []
    if outcome.phase.id.casefold() != casus.fase.casefold():
        misses.append(Miss("fase", casus.fase, outcome.phase.id))
    for role in ("casusregie", "procesregie"):
        expected = getattr(casus, role)
        got = getattr(outcome.roles, role)
        if expected and expected.casefold() not in got.casefold():
            misses.append(Miss(role, expected, got))
    for name in casus.in_overleg_met_bevat:
        if not any(name.casefold() in o.casefold() for o in outcome.in_overleg_met):
            misses.append(Miss("in_overleg_met", name, "; ".join(outcome.in_overleg_met)))
    for words in casus.advies_bevat:
        if not any(words.casefold() in a.text.casefold() for a in outcome.advice):
            misses.append(Miss("advies", words, "; ".join(a.text for a in outcome.advice)))
    return CasusResult(casus, answers, outcome, tuple(misses))


def run_all(kapstok: Kapstok) -> tuple[list[CasusResult], Coverage]:
    """Every casus of the kapstok, and what no casus covers."""
    results = [run_casus(kapstok, c) for c in kapstok.casus]
    uncovered = []
    for phase in kapstok.phases:
        for criterion in phase.criteria:
            if not any(r.outcome.phase == phase and holds(criterion.condition, r.answers)
                       for r in results):
                uncovered.append((phase.id, criterion.reason))
    rules = []
    for rule in kapstok.local_rules:
        applied = any(r.outcome.phase.id in rule.phases
                      and (rule.when is None or holds(rule.when, r.answers)) for r in results)
        if not applied:
            rules.append(rule.reason)
    return results, Coverage(tuple(uncovered), tuple(rules))


# --- the whole answer space ------------------------------------------------------------------

def _compile(condition: Condition) -> Callable[[Answers], bool]:
    """A condition as a function, for evaluating hundreds of thousands of answer sets."""
    if isinstance(condition, Group):
        parts = [_compile(item) for item in condition.items]
        if condition.mode == "any":
            return lambda a: any(p(a) for p in parts)
        return lambda a: all(p(a) for p in parts)
    key, values, negate = condition.key, frozenset(condition.values), condition.negate
    wants_bool = isinstance(condition.values[0], bool)

    def leaf(a: Answers) -> bool:
        value = a.get(key)
        if isinstance(value, list):
            return any(v in values for v in value) != negate
        return (value in values and isinstance(value, bool) == wants_bool) != negate
    return leaf


def phase_function(kapstok: Kapstok) -> Callable[[Answers], str]:
    """advised_phase(kapstok, answers).id, compiled: the same result, many times faster."""
    steps = []
    for phase in reversed(kapstok.phases):
        steps.append((phase.id, phase.match, [_compile(c.condition) for c in phase.criteria]))

    def advised(a: Answers) -> str:
        for phase_id, match, tests in steps:
            if match == "otherwise":
                return phase_id
            if match == "any":
                if any(t(a) for t in tests):
                    return phase_id
            elif all(t(a) for t in tests):
                return phase_id
        raise AssertionError("a validated kapstok always has an 'otherwise' phase")
    return advised


def _leaves(condition: Condition) -> Iterator[Condition]:
    if isinstance(condition, Group):
        for item in condition.items:
            yield from _leaves(item)
    else:
        yield condition


def answer_space(*kapstokken: Kapstok) -> tuple[list[str], list[list[Any]]]:
    """The keys and, per key, the values to combine: every value of a choice or yes/no question;
    for a question with several answers, one representative per group of values that no rule
    tells apart (so the space stays exact and small)."""
    keys: list[str] = []
    domains: list[list[Any]] = []
    for kapstok in kapstokken:
        for question in kapstok.questions:
            if question.key in keys:
                continue
            keys.append(question.key)
            if question.type == "bool":
                domains.append([False, True])
            elif question.type == "choice":
                domains.append(list(question.values))
            else:
                leaves = [leaf for k in kapstokken for c in _conditions(k)
                          for leaf in _leaves(c) if leaf.key == question.key]  # type: ignore[union-attr]
                groups: dict[tuple[bool, ...], str] = {}
                for value in question.values:
                    signature = tuple(value in leaf.values for leaf in leaves)  # type: ignore[union-attr]
                    groups.setdefault(signature, value)  # type: ignore[arg-type]
                representatives = list(groups.values())
                domains.append([list(chosen) for n in range(len(representatives) + 1)
                                for chosen in itertools.combinations(representatives, n)])
    return keys, domains


def _conditions(kapstok: Kapstok) -> Iterator[Condition]:
    for phase in kapstok.phases:
        for criterion in phase.criteria:
            yield criterion.condition
    for rule in kapstok.local_rules:
        if rule.when is not None:
            yield rule.when


@dataclass
class Diff:
    """How the advised phase moves from one kapstok to the other."""

    total: int = 0
    matrix: Counter[tuple[str, str]] = field(default_factory=Counter)  # (from, to) -> count
    samples: dict[tuple[str, str], Answers] = field(default_factory=dict)  # per changed cell
    # when the two kapstokken have other fasen (AVE3 beside 3): what each fase is compared by,
    # per kapstok: its place from low to high ("1e") when both have as many fasen, else its
    # name without 'AVE' or 'fase' ("3"; "2" is then the same as "2a" and "2b")
    orders: tuple[dict[str, str], dict[str, str]] | None = None
    by_place: bool = False

    def same(self, before: str, after: str) -> bool:
        if self.orders is None:
            return before == after
        a, b = self.orders[0].get(before, ""), self.orders[1].get(after, "")
        if self.by_place or a == b:
            return a == b
        short, long = sorted((a, b), key=len)
        return bool(short) and long.startswith(short) and long[len(short):].isalpha() \
            and short[-1:].isdigit()

    @property
    def changed(self) -> int:
        return sum(n for (a, b), n in self.matrix.items() if not self.same(a, b))


MAX_DIFF_GROUPS = 1_000_000  # answer groups `diff` evaluates; past it, it says so and stops


def answer_groups(old: Kapstok, new: Kapstok) -> tuple[list[str], list[list[tuple[Any, int]]]]:
    """The answer space in groups: per question, its values grouped by which of the two
    kapstokken's phase conditions (leaves) they make hold, each group as (its first value, how
    many values). Answer sets whose values fall in the same groups get the same phase from both
    kapstokken, so evaluating one per combination of groups gives the whole space's matrix."""
    keys, domains = answer_space(old, new)
    leaves = list(dict.fromkeys(leaf for k in (old, new) for p in k.phases
                                for c in p.criteria for leaf in _leaves(c.condition)))
    grouped = []
    for key, domain in zip(keys, domains, strict=True):
        mine = [leaf for leaf in leaves if leaf.key == key]  # type: ignore[union-attr]
        groups: dict[tuple[bool, ...], list[Any]] = {}
        for value in domain:
            signature = tuple(holds(leaf, {key: value}) for leaf in mine)
            found = groups.setdefault(signature, [value, 0])
            found[1] += 1
        grouped.append([(value, count) for value, count in groups.values()])
    return keys, grouped


def _bare(phase_id: str) -> str:
    """A fase's name without 'AVE' or 'fase' in front ("AVE3" and "fase 3" are "3")."""
    name = phase_name(phase_id)
    return name[3:] if name.startswith("ave") and len(name) > 3 else name


def diff(old: Kapstok, new: Kapstok, answer_sets: Iterator[Answers] | None = None) -> Diff:
    """The from -> to matrix over the whole answer space (or over the given answer sets), with
    one sample answer set per cell that changed (the first in the space's order).

    Over the whole space it evaluates one answer set per combination of answer groups
    (`answer_groups`), weighted by how many answer sets it stands for: the time grows with the
    number of answer sets the rules tell apart (at most MAX_DIFF_GROUPS, else TooLarge), times
    the size of the two kapstokken's phase rules, each bounded by kapstok.LIMITS; a kapstok that
    repeats its conditions costs no more than one that states them once."""
    first, second = phase_function(old), phase_function(new)
    result = Diff()
    if {p.id for p in old.phases} != {p.id for p in new.phases}:
        result.by_place = len(old.phases) == len(new.phases)
        result.orders = tuple(  # type: ignore[assignment]
            {p.id: str(n) if result.by_place else _bare(p.id)
             for n, p in enumerate(k.phases, 1)} for k in (old, new))
    if answer_sets is not None:
        for answers in answer_sets:
            cell = (first(answers), second(answers))
            result.matrix[cell] += 1
            result.total += 1
            if not result.same(*cell) and cell not in result.samples:
                result.samples[cell] = answers
        return result
    keys, grouped = answer_groups(old, new)
    size = math.prod(len(g) for g in grouped)
    if size > MAX_DIFF_GROUPS:
        raise TooLarge(Msg("de antwoordruimte van deze kapstokken heeft {size} combinaties die "
                           "de regels onderscheiden; ave kapstok diff vergelijkt er ten hoogste "
                           "{limit}: vergelijk met --log over echte casussen, of vereenvoudig "
                           "de regels", size=size, limit=MAX_DIFF_GROUPS))
    for combo in itertools.product(*grouped):
        answers = {key: value for key, (value, _count) in zip(keys, combo, strict=True)}
        weight = math.prod(count for _value, count in combo)
        cell = (first(answers), second(answers))
        result.matrix[cell] += weight
        result.total += weight
        if not result.same(*cell) and cell not in result.samples:
            result.samples[cell] = answers
    return result


def explain(kapstok: Kapstok, answers: Answers) -> tuple[str, tuple[str, ...]]:
    """The phase and reasons one kapstok gives (for a diff's sample answers)."""
    phase, reasons = advised_phase(kapstok, answers)
    return phase.id, reasons
