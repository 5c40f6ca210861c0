"""Views on case state for `ave show`, `ave report` and `ave reevaluate`. Pure: `now` and the
kapstokken are passed in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from ave_cli.cases import CaseState
from ave_cli.model import Advice, Decision, Kapstok, Outcome
from ave_cli.rules import evaluate, outcome_for_phase, with_defaults

FLAGS = {
    "review": "evaluatie te laat",
    "long": "lang in hoge fase: overweeg afschalen",
    "casusregie": "casusregisseur ontbreekt",
    "procesregie": "procesregie geadviseerd, niet benoemd",
}

KapstokFor = Callable[[str], "Kapstok | None"]


def open_advice(kapstok: Kapstok, state: CaseState) -> list[Advice]:
    """The advice of the case's phase under its latest answers that is not yet followed
    (advice to add a procesregisseur is followed once one is named)."""
    phase = kapstok.find_phase(state.phase or "")
    answers = with_defaults(kapstok, state.answers)
    if state.closed or phase is None or answers is None:
        return []
    named = {"casusregie": state.casusregisseur, "procesregie": state.procesregisseur}
    return [a for a in outcome_for_phase(kapstok, phase, answers).advice
            if not (a.role and named.get(a.role))]


def days_between(start: datetime | None, now: datetime) -> int | None:
    return None if start is None else max(0, (now - start).days)


def flags(kapstok: Kapstok | None, state: CaseState, now: datetime) -> tuple[str, ...]:
    """The report flags of one open case, each configured per phase in the kapstok."""
    phase = kapstok.find_phase(state.phase or "") if kapstok else None
    if state.closed or phase is None or kapstok is None:
        return ()
    found = []
    if phase.review_days and days_between(state.last_time, now) > phase.review_days:
        found.append("review")
    if phase.long_in_phase_days and days_between(state.since, now) > phase.long_in_phase_days:
        found.append("long")
    if phase.requires_casusregie and not state.casusregisseur:
        found.append("casusregie")
    if any(a.role == "procesregie" for a in open_advice(kapstok, state)):
        found.append("procesregie")
    return tuple(found)


@dataclass(frozen=True)
class Row:
    case: str
    phase: str | None
    closed: bool
    since: datetime | None
    days_in_phase: int | None
    casusregisseur: str
    procesregisseur: str
    last_kind: str
    last_time: datetime
    kapstok: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class Count:
    kapstok: str
    phase: str
    label: str
    colour: str
    count: int
    share: float  # of all open cases in the report


@dataclass(frozen=True)
class Filters:
    phases: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    by: str = ""
    since: date | None = None
    include_closed: bool = False


def _matches(state: CaseState, row: Row, f: Filters) -> bool:
    if row.closed and not f.include_closed:
        return False
    if f.phases and (row.phase or "").casefold() not in {p.casefold() for p in f.phases}:
        return False
    if f.flags and not set(f.flags) & set(row.flags):
        return False
    if f.by and f.by not in {state.casusregisseur, state.procesregisseur, *state.deciders}:
        return False
    return not (f.since and row.last_time.date() < f.since)


@dataclass(frozen=True)
class Report:
    rows: list[Row]
    counts: list[Count]
    open_total: int


def build_report(states: Iterable[CaseState], kapstok_for: KapstokFor, now: datetime,
                 filters: Filters = Filters()) -> Report:
    """Rows for the cases that pass the filters, and the count per phase of the open ones."""
    rows: list[Row] = []
    for state in states:
        kapstok = kapstok_for(state.kapstok_name)
        row = Row(case=state.case, phase=state.phase, closed=state.closed, since=state.since,
                  days_in_phase=None if state.closed else days_between(state.since, now),
                  casusregisseur=state.casusregisseur, procesregisseur=state.procesregisseur,
                  last_kind=state.last_kind, last_time=state.last_time,
                  kapstok=state.kapstok_name, flags=flags(kapstok, state, now))
        if _matches(state, row, filters):
            rows.append(row)
    open_rows = [r for r in rows if not r.closed]
    counts: list[Count] = []
    for name in dict.fromkeys(r.kapstok for r in open_rows):
        kapstok = kapstok_for(name)
        in_kapstok = [r for r in open_rows if r.kapstok == name]
        phases = [(p.id, p.label, p.colour) for p in kapstok.phases] if kapstok else \
            [(pid, pid, "") for pid in sorted({r.phase or "" for r in in_kapstok})]
        for pid, label, colour in phases:
            n = sum(1 for r in in_kapstok if r.phase == pid)
            counts.append(Count(name, pid, label, colour, n, n / len(open_rows)))
    return Report(rows, counts, len(open_rows))


@dataclass(frozen=True)
class Reevaluation:
    state: CaseState
    kapstok: Kapstok
    outcome: Outcome
    answers: dict

    @property
    def changed(self) -> bool:
        return (self.outcome.phase.id != self.state.phase
                or self.kapstok.name != self.state.kapstok_name)


@dataclass(frozen=True)
class ReevaluationRun:
    changes: list[Reevaluation]  # the rules now give another phase
    departures: list[Reevaluation]  # would change, but the phase was a professional's decision
    unchanged: int
    skipped: list[tuple[str, str]]  # (case, why)


def reevaluate(states: Iterable[CaseState], kapstok_for: KapstokFor,
               chosen: Kapstok | None) -> ReevaluationRun:
    """Run the rules again on every open case's latest answers, under `chosen` or the case's own
    kapstok."""
    changes, departures, skipped = [], [], []
    unchanged = 0
    for state in states:
        if state.closed:
            continue
        kapstok = chosen or kapstok_for(state.kapstok_name)
        if kapstok is None:
            skipped.append((state.case, f"kapstok '{state.kapstok_name}' niet beschikbaar"))
            continue
        answers = with_defaults(kapstok, state.answers)
        if answers is None:
            skipped.append((state.case, "geen (volledige) triage-antwoorden"))
            continue
        result = Reevaluation(state, kapstok, evaluate(kapstok, answers), answers)
        if not result.changed:
            unchanged += 1
        elif state.departs:
            departures.append(result)
        else:
            changes.append(result)
    return ReevaluationRun(changes, departures, unchanged, skipped)


def reevaluation_decision(result: Reevaluation, *, decision_id: str, now: datetime,
                          by: str) -> Decision:
    outcome = result.outcome
    return Decision(
        id=decision_id, case=result.state.case, time=now, kind="reevaluation",
        phase_before=result.state.phase, phase_after=outcome.phase.id,
        advised_phase=outcome.phase.id, axis="horizontal", by=by, kapstok=result.kapstok.ref,
        answers=result.answers, reasons=outcome.reasons, roles=outcome.roles.as_dict(),
        in_overleg_met=outcome.in_overleg_met, advice=tuple(a.text for a in outcome.advice),
    )
