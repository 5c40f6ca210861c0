"""Fold the decisions of the log into the state of each case. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ave_cli.model import Answers, Decision


@dataclass
class CaseState:
    case: str
    phase: str | None = None  # current phase; None when closed or never phased
    since: datetime | None = None  # when the case entered its current phase
    closed: bool = False
    casusregisseur: str = ""
    procesregisseur: str = ""
    answers: Answers = field(default_factory=dict)  # the latest answers given for the case
    advice: tuple[str, ...] = ()  # the advice of the latest triage or re-evaluation
    departs: bool = False  # the current phase was decided against (or without) the rules' advice
    history: list[Decision] = field(default_factory=list)

    @property
    def last(self) -> Decision:
        return self.history[-1]

    @property
    def kapstok_name(self) -> str:
        return self.last.kapstok.name


def apply(state: CaseState, decision: Decision) -> CaseState:
    """The state after one more decision (mutates and returns `state`)."""
    state.history.append(decision)
    if decision.kind == "close":
        state.closed = True
        state.phase = None
        state.since = decision.time
        return state
    if state.closed or decision.phase_after != state.phase:
        state.since = decision.time
    if decision.axis != "vertical":
        state.departs = decision.advised_phase != decision.phase_after
    state.closed = False
    state.phase = decision.phase_after
    if decision.answers:
        state.answers = dict(decision.answers)
    if decision.kind in ("triage", "reevaluation"):
        state.advice = decision.advice
    if decision.casusregisseur:
        state.casusregisseur = decision.casusregisseur
    if decision.procesregisseur:
        state.procesregisseur = decision.procesregisseur
    return state


def fold(decisions: Iterable[Decision]) -> dict[str, CaseState]:
    """Every case in the log, in order of first appearance."""
    states: dict[str, CaseState] = {}
    for decision in decisions:
        state = states.get(decision.case) or states.setdefault(decision.case, CaseState(decision.case))
        apply(state, decision)
    return states


def case_state(decisions: Iterable[Decision], case: str) -> CaseState | None:
    """The state of one case, or None when the log does not know it."""
    state = None
    for decision in decisions:
        if decision.case == case:
            state = apply(state or CaseState(case), decision)
    return state
