"""The rules: from a kapstok and a complete set of answers to an advised outcome. Pure."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ave_cli.core.messages import LOCAL_RULE
from ave_cli.core.model import (
    Advice,
    Answers,
    AnswerValue,
    Condition,
    Group,
    Kapstok,
    Outcome,
    Phase,
)


def holds(condition: Condition, answers: Answers) -> bool:
    """Whether a condition holds; for a multi question, `in` means any listed value is chosen."""
    if isinstance(condition, Group):
        results = (holds(item, answers) for item in condition.items)
        return any(results) if condition.mode == "any" else all(results)
    value = answers.get(condition.key)
    if isinstance(value, list):
        hit = any(v in condition.values for v in value)
    else:
        hit = value in condition.values and isinstance(value, bool) == isinstance(
            condition.values[0], bool)
    return hit != condition.negate


def shown(kapstok: Kapstok, key: str, value: AnswerValue | None) -> str:
    """An answer as people read it: the kapstok's label (the key for an unknown question)."""
    question = kapstok.question(key)
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list):
        return ", ".join(question.label(v) if question else v for v in value) or "geen"
    if value is None:
        return "-"
    return question.label(value) if question else str(value)


def facts(condition: Condition, answers: Answers, kapstok: Kapstok) -> list[str]:
    """The answers that make a (holding) condition hold, as `question: label` phrases."""
    if isinstance(condition, Group):
        found: list[str] = []
        for item in condition.items:
            if holds(item, answers):
                found += [f for f in facts(item, answers, kapstok) if f not in found]
        return found
    return [f"{condition.key}: {shown(kapstok, condition.key, answers.get(condition.key))}"]


def _explain(reason: str, condition: Condition | None, answers: Answers, kapstok: Kapstok) -> str:
    if condition is None:
        return reason
    return f"{reason} ({'; '.join(facts(condition, answers, kapstok))})"


def advised_phase(kapstok: Kapstok, answers: Answers) -> tuple[Phase, tuple[str, ...]]:
    """Try the phases from the highest down; the first whose rule holds wins, with its reasons."""
    for phase in reversed(kapstok.phases):
        if phase.match == "otherwise":
            return phase, (phase.otherwise_reason,)
        held = [c for c in phase.criteria if holds(c.condition, answers)]
        if held and (phase.match == "any" or len(held) == len(phase.criteria)):
            return phase, tuple(_explain(c.reason, c.condition, answers, kapstok) for c in held)
    raise AssertionError("a validated kapstok always has an 'otherwise' phase")


@dataclass(frozen=True)
class Step:
    """One condition of one phase as the rules tried it (for --trace)."""

    phase: str
    match: str  # any, all or otherwise
    reason: str
    held: bool
    answers: str  # the answers the condition looks at, as people read them
    reached: bool  # whether this phase was the one the rules gave


def trace(kapstok: Kapstok, answers: Answers) -> list[Step]:
    """Every phase from the top down to the one reached, each condition with whether it held
    and the answers behind it: why a phase was not reached."""
    reached, _reasons = advised_phase(kapstok, answers)
    steps: list[Step] = []
    for phase in reversed(kapstok.phases):
        if phase.match == "otherwise":
            steps.append(Step(phase.id, "otherwise", phase.otherwise_reason, True, "",
                              phase == reached))
        for criterion in phase.criteria:
            keys = list(dict.fromkeys(_keys(criterion.condition)))
            steps.append(Step(phase.id, phase.match, criterion.reason,
                              holds(criterion.condition, answers),
                              "; ".join(f"{k}: {shown(kapstok, k, answers.get(k))}" for k in keys),
                              phase == reached))
        if phase == reached:
            break
    return steps


def _keys(condition: Condition) -> list[str]:
    if isinstance(condition, Group):
        return [k for item in condition.items for k in _keys(item)]
    return [condition.key]


def outcome_for_phase(kapstok: Kapstok, phase: Phase, answers: Answers,
                      reasons: tuple[str, ...] = ()) -> Outcome:
    """Roles, in overleg met and advice of one phase after the kapstok's local rules."""
    roles = phase.roles
    in_overleg_met = list(phase.in_overleg_met)
    advice: list[Advice] = []
    local: list[str] = []
    for rule in kapstok.local_rules:
        if phase.id not in rule.phases:
            continue
        if rule.when is not None and not holds(rule.when, answers):
            continue
        why = _explain(rule.reason, rule.when, answers, kapstok)
        if rule.set_roles or rule.add_in_overleg_met:
            roles = replace(roles, **rule.set_roles)
            in_overleg_met += [name for name in rule.add_in_overleg_met if name not in in_overleg_met]
            local.append(f"{LOCAL_RULE}{why}")
        if rule.advice:
            advice.append(Advice(rule.advice, (why,), rule.advises_role))
    return Outcome(
        phase=phase,
        reasons=tuple(reasons) + tuple(local),
        roles=roles,
        in_overleg_met=tuple(in_overleg_met),
        advice=tuple(advice),
        next_phase=kapstok.phase_above(phase),
    )


def with_defaults(kapstok: Kapstok, answers: Answers) -> Answers | None:
    """The answers with the kapstok's defaults filled in; None when a required one is missing."""
    if any(q.key not in answers and not q.has_default for q in kapstok.questions):
        return None
    return {q.key: answers.get(q.key, q.default) for q in kapstok.questions}  # type: ignore[misc]


def evaluate(kapstok: Kapstok, answers: Answers) -> Outcome:
    """The advised outcome for a complete, validated set of answers."""
    phase, reasons = advised_phase(kapstok, answers)
    return outcome_for_phase(kapstok, phase, answers, reasons)
