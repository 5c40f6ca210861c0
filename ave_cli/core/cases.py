"""Fold the decisions of the log into the state of each case. Pure."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import NamedTuple

from ave_cli.core.model import AFSPRAAK_KINDS, Answers, Decision


def key(case: str) -> str:
    """Case ids are compared without regard to letter case: `wt-17` and `WT-17` are one case."""
    return case.lower()


@dataclass
class CaseState:
    case: str  # as first written; later spellings in other letter case are the same case
    phase: str | None = None  # current phase; None when closed or never phased
    since: datetime | None = None  # when the case entered its current phase (or was closed)
    closed: bool = False
    casusregisseur: str = ""
    procesregisseur: str = ""
    answers: Answers = field(default_factory=dict)  # the latest answers given for the case
    advice: list[str] = field(default_factory=list)  # of the latest triage or re-evaluation
    advice_roles: list[str] = field(default_factory=list)  # per advice, the regie role it asks
    departs: bool = False  # the current phase was decided against (or without) the rules' advice
    last_kind: str = ""
    last_time: datetime | None = None
    kapstok_name: str = ""  # of the latest decision
    deciders: list[str] = field(default_factory=list)  # everyone who decided about the case
    history: list[Decision] = field(default_factory=list)  # only when asked for (ave show)


def apply(state: CaseState, decision: Decision, *, keep_history: bool = True) -> CaseState:
    """The state after one more decision (mutates and returns `state`)."""
    if keep_history:
        state.history.append(decision)
    if decision.kind in AFSPRAAK_KINDS and state.last_time is not None:
        return state  # the plan's records change no fase, regie or review clock (afspraken.py)
    state.last_kind, state.last_time = decision.kind, decision.time
    state.kapstok_name = decision.kapstok.name
    if decision.by not in state.deciders:
        state.deciders.append(decision.by)
    if decision.kind == "close":
        state.closed, state.phase, state.since = True, None, decision.time
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
        state.advice = list(decision.advice)
        state.advice_roles = list(decision.advice_roles) or [""] * len(decision.advice)
    if decision.casusregisseur:
        state.casusregisseur = decision.casusregisseur
    if decision.procesregisseur:
        state.procesregisseur = decision.procesregisseur
    return state


def fold(decisions: Iterable[Decision], *, keep_history: bool = True) -> dict[str, CaseState]:
    """Every case in the log by its key, in order of first appearance."""
    states: dict[str, CaseState] = {}
    for decision in decisions:
        state = states.get(key(decision.case))
        if state is None:
            state = states[key(decision.case)] = CaseState(decision.case)
        apply(state, decision, keep_history=keep_history)
    return states


def _loose(case: str) -> str:
    """A case id as a typo leaves it: no letter case, separators or leading zeros
    ("wt 2024 17" and "WT-2024-017" are the same)."""
    numbers = re.sub(r"[0-9]+", lambda m: str(int(m.group())), case.casefold())
    return re.sub(r"[^0-9a-z]+", "", numbers)


def _distance(a: str, b: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from a to b."""
    before, row = None, list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            cost = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + (x != y))
            if before is not None and i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                cost = min(cost, before[j - 2] + 1)
            current.append(cost)
        before, row = row, current
    return row[-1]


def nearest(case: str, known: Iterable[str], n: int = 3) -> list[str]:
    """The known case ids `case` is most likely a typo of (at most `n`, the likeliest first):
    the same id but for letter case, separators or leading zeros, else one or two edits away."""
    wanted, target = case.casefold(), _loose(case)
    by_fold = {k.casefold(): k for k in known}
    by_fold.pop(wanted, None)
    same = [f for f in by_fold if _loose(f) == target]
    close = [f for f in difflib.get_close_matches(wanted, list(by_fold), n=30, cutoff=0.7)
             if _distance(wanted, f) <= 2 and f not in same]
    ranked = sorted(same) + sorted(close, key=lambda f: (_distance(wanted, f), f))
    return [by_fold[f] for f in ranked[:n]]


def open_advice(state: CaseState) -> list[tuple[str, str]]:
    """(text, role) of the advice recorded with the case's latest triage or re-evaluation that is
    not followed yet: advice to add a regisseur is followed once one is named."""
    if state.closed:
        return []
    named = {"casusregie": state.casusregisseur, "procesregie": state.procesregisseur}
    return [(text, role) for text, role in zip(state.advice, state.advice_roles, strict=False)
            if not (role and named.get(role))]


class CaseSummary(NamedTuple):
    """What `ave report` needs of a case, as plain values (fast to read for many cases)."""

    case: str
    phase: str | None
    closed: int
    since_ts: float | None  # seconds since the epoch
    last_ts: float
    last_kind: str
    kapstok: str
    casusregisseur: str
    procesregisseur: str
    advice_roles: str  # comma-separated
    deciders: str  # joined by SEPARATOR


SEPARATOR = "\x1f"  # between names; free text never holds control characters


def summary(state: CaseState) -> CaseSummary:
    assert state.last_time is not None
    return CaseSummary(
        state.case, state.phase, int(state.closed),
        state.since.timestamp() if state.since else None, state.last_time.timestamp(),
        state.last_kind,
        state.kapstok_name, state.casusregisseur, state.procesregisseur,
        ",".join(state.advice_roles), SEPARATOR.join(state.deciders))


_INDEXED = tuple(f.name for f in fields(CaseState) if f.name != "history")


def to_json(state: CaseState) -> str:
    """The state without its history, for the index."""
    data = {name: getattr(state, name) for name in _INDEXED}  # asdict would copy the history
    for key in ("since", "last_time"):
        data[key] = data[key].isoformat() if data[key] else None
    return _dumps(data)


_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"),
                          check_circular=False).encode  # a state holds no cycles


def from_json(text: str) -> CaseState:
    data = json.loads(text)
    for key in ("since", "last_time"):
        data[key] = datetime.fromisoformat(data[key]) if data[key] else None
    return CaseState(**data)
