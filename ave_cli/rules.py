"""The rules: from a kapstok and a complete set of answers to an advised outcome. Pure."""

from __future__ import annotations

from dataclasses import replace

from ave_cli.model import LOCAL_RULE, Advice, Answers, Condition, Group, Kapstok, Outcome, Phase


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


def facts(condition: Condition, answers: Answers) -> list[str]:
    """The answers that make a (holding) condition hold, as `key = value` phrases."""
    if isinstance(condition, Group):
        found: list[str] = []
        for item in condition.items:
            if holds(item, answers):
                found += [f for f in facts(item, answers) if f not in found]
        return found
    value = answers.get(condition.key)
    if isinstance(value, bool):
        shown = "ja" if value else "nee"
    elif isinstance(value, list):
        shown = ", ".join(value) or "geen"
    else:
        shown = str(value)
    return [f"{condition.key} = {shown}"]


def _explain(reason: str, condition: Condition | None, answers: Answers) -> str:
    if condition is None:
        return reason
    return f"{reason} ({'; '.join(facts(condition, answers))})"


def advised_phase(kapstok: Kapstok, answers: Answers) -> tuple[Phase, tuple[str, ...]]:
    """Try the phases from the highest down; the first whose rule holds wins, with its reasons."""
    for phase in reversed(kapstok.phases):
        if phase.match == "otherwise":
            return phase, (phase.otherwise_reason,)
        held = [c for c in phase.criteria if holds(c.condition, answers)]
        if held and (phase.match == "any" or len(held) == len(phase.criteria)):
            return phase, tuple(_explain(c.reason, c.condition, answers) for c in held)
    raise AssertionError("a validated kapstok always has an 'otherwise' phase")


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
        why = _explain(rule.reason, rule.when, answers)
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
    return {q.key: answers.get(q.key, q.default) for q in kapstok.questions}


def evaluate(kapstok: Kapstok, answers: Answers) -> Outcome:
    """The advised outcome for a complete, validated set of answers."""
    phase, reasons = advised_phase(kapstok, answers)
    return outcome_for_phase(kapstok, phase, answers, reasons)
