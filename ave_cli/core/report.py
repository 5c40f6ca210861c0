"""Views on case state for `ave show`, `ave report` and `ave reevaluate`. Pure: `now` and the
kapstokken are passed in."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any, NamedTuple

from ave_cli.core.cases import SEPARATOR, CaseState, CaseSummary
from ave_cli.core.messages import N_, Msg
from ave_cli.core.model import Decision, Kapstok, Outcome
from ave_cli.core.rules import evaluate, with_defaults

FLAGS = {  # shown with _()
    "review": N_("evaluatie te laat"),
    "long": N_("lang in hoge fase: overweeg afschalen"),
    "casusregie": N_("casusregisseur ontbreekt"),
    "procesregie": N_("procesregie geadviseerd, niet benoemd"),
    "afspraak": N_("afspraak te laat"),
    "plan": N_("regie zonder open afspraak (plan)"),
}

KapstokFor = Callable[[str], "Kapstok | None"]


def days_between(start: datetime | None, now: datetime) -> int | None:
    return None if start is None else max(0, (now - start).days)


DAY = 86_400.0


class Limits(NamedTuple):
    """What the kapstok says about one phase, for the flags; intervals in seconds."""

    rank: int
    review: float  # a decision older than this is overdue (inf: no review interval)
    long: float  # a case in the phase longer than this should consider afschalen
    requires_casusregie: bool


def flags(limits: Limits | None, s: CaseSummary, now_ts: float,
          due: tuple[int, date | None] | None = None,
          today: date | None = None) -> tuple[str, ...]:
    """The report flags of one open case, each configured per phase in the kapstok; `due` (when
    worked out): how many open afspraken it has and the earliest date (section 9: `afspraak`
    when that date is past, `plan` when a fase with casusregie has none)."""
    if s.closed or limits is None:
        return ()
    found: tuple[str, ...] = ()
    if now_ts - s.last_ts >= limits.review:
        found += ("review",)
    if s.since_ts is not None and now_ts - s.since_ts >= limits.long:
        found += ("long",)
    if limits.requires_casusregie and not s.casusregisseur:
        found += ("casusregie",)
    if not s.procesregisseur and "procesregie" in s.advice_roles:
        found += ("procesregie",)
    if due is not None:
        if due[1] is not None and today is not None and due[1] < today:
            found += ("afspraak",)
        if limits.requires_casusregie and not due[0]:
            found += ("plan",)
    return found


class Row(NamedTuple):
    case: str
    phase: str | None
    closed: bool
    since: float | None  # seconds since the epoch; local_date() for display
    days_in_phase: int | None
    casusregisseur: str
    procesregisseur: str
    last_kind: str
    last_time: float  # seconds since the epoch
    kapstok: str
    flags: tuple[str, ...]
    rank: int  # of the phase in its kapstok, -1 when unknown
    next_due: date | None = None  # the earliest date of its open afspraken


@dataclass(frozen=True)
class Count:
    kapstok: str
    phase: str | None  # None only for a case recorded without a phase
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


@dataclass(frozen=True)
class Report:
    rows: list[Row]
    counts: list[Count]
    open_total: int


def build_report(summaries: Iterable[CaseSummary], kapstok_for: KapstokFor, now: datetime,
                 filters: Filters = Filters(),
                 due: dict[str, tuple[int, date]] | None = None) -> Report:
    """Rows for the cases that pass the filters, and the count per phase of the open ones;
    `due`: per open case (by `cases.key`) with open afspraken, how many and the earliest date
    (None: the plan's flags are not worked out)."""
    now_ts = now.timestamp()
    today = now.date()
    limits: dict[tuple[str, str | None], Limits | None] = {}
    phases = {p.casefold() for p in filters.phases}
    since = datetime.combine(filters.since, time()).astimezone().timestamp() if filters.since \
        else None
    rows: list[Row] = []
    for s in summaries:
        if s.closed and not filters.include_closed:
            continue
        if phases and (s.phase or "").casefold() not in phases:
            continue
        if since is not None and s.last_ts < since:
            continue
        if filters.by and filters.by not in (s.casusregisseur, s.procesregisseur) and \
                filters.by not in s.deciders.split(SEPARATOR):
            continue
        key = (s.kapstok, s.phase)
        if key not in limits:
            limits[key] = _limits(kapstok_for(s.kapstok), s.phase)
        plan: tuple[int, date | None] | None = None if due is None else (0, None) if s.closed \
            else due.get(s.case.lower(), (0, None))  # a closed case's afspraken are no work
        found = flags(limits[key], s, now_ts, plan, today)
        if filters.flags and not set(filters.flags) & set(found):
            continue
        days = None if s.closed or s.since_ts is None else max(0, int((now_ts - s.since_ts) // DAY))
        rows.append(Row(s.case, s.phase, bool(s.closed), s.since_ts, days, s.casusregisseur,
                        s.procesregisseur, s.last_kind, s.last_ts, s.kapstok, found,
                        limit.rank if (limit := limits[key]) else -1,
                        plan[1] if plan else None))
    open_rows = [r for r in rows if not r.closed]
    counts: list[Count] = []
    for name in dict.fromkeys(r.kapstok for r in open_rows):
        kapstok = kapstok_for(name)
        in_kapstok = Counter(r.phase for r in open_rows if r.kapstok == name)
        known: list[tuple[str | None, str, str]] = (
            [(p.id, p.label, p.colour) for p in kapstok.phases] if kapstok else [])
        known += [(pid, pid or "—", "") for pid in sorted(set(in_kapstok) - {k[0] for k in known},
                                                          key=str)]
        counts += [Count(name, pid, label, colour, in_kapstok[pid], in_kapstok[pid] / len(open_rows))
                   for pid, label, colour in known]
    return Report(rows, counts, len(open_rows))


def local_date(timestamp: float | None) -> str | None:
    """The date of a moment in the user's own timezone, as YYYY-MM-DD."""
    return None if timestamp is None else datetime.fromtimestamp(timestamp).date().isoformat()


def _limits(kapstok: Kapstok | None, phase_id: str | None) -> Limits | None:
    phase = kapstok.find_phase(phase_id) if kapstok and phase_id else None
    if phase is None:
        return None
    def after(days: int | None) -> float:  # "more than N whole days" = at least N + 1 days
        return (days + 1) * DAY if days else math.inf

    assert kapstok is not None  # a phase was found in it
    return Limits(kapstok.rank(phase.id), after(phase.review_days),
                  after(phase.long_in_phase_days), phase.requires_casusregie)


def urgency(row: Row) -> tuple[Any, ...]:
    """Sort key: open before closed, highest phase, most flags, longest in the phase."""
    return (row.closed, -row.rank, -len(row.flags), -(row.days_in_phase or 0))


@dataclass(frozen=True)
class Reevaluation:
    state: CaseState
    kapstok: Kapstok
    outcome: Outcome
    answers: dict[str, Any]

    @property
    def changed(self) -> bool:
        return (self.outcome.phase.id != self.state.phase
                or self.kapstok.name != self.state.kapstok_name)


@dataclass(frozen=True)
class ReevaluationRun:
    changes: list[Reevaluation]  # the rules now give another phase
    departures: list[Reevaluation]  # would change, but the phase was a professional's decision
    unchanged: int
    skipped: list[tuple[str, Msg]]  # (case, why)
    # question key -> how many cases' latest answers lack it (a question newer than their
    # triage, such as ketenaanpak in contract v3): read as the kapstok's default, and said once
    defaulted: dict[str, tuple[int, str]] = field(default_factory=dict)  # key: (cases, label)
    readings: tuple[str, ...] = ()  # the kapstokken's own word on reading older answers, once


def reevaluate(states: Iterable[CaseState], kapstok_for: KapstokFor,
               chosen: Kapstok | None) -> ReevaluationRun:
    """Run the rules again on every open case's latest answers, under `chosen` or the case's own
    kapstok."""
    changes, departures, skipped = [], [], []
    defaulted: dict[str, tuple[int, str]] = {}
    used: dict[str, Kapstok] = {}  # the kapstokken the cases were evaluated under
    unchanged = 0
    for state in states:
        if state.closed:
            continue
        kapstok = chosen or kapstok_for(state.kapstok_name)
        if kapstok is None:
            skipped.append((state.case, Msg("kapstok '{kapstok_name}' niet beschikbaar",
                kapstok_name=state.kapstok_name)))
            continue
        answers = with_defaults(kapstok, state.answers)
        if answers is None:
            skipped.append((state.case, Msg("geen (volledige) triage-antwoorden")))
            continue
        for question in kapstok.questions:
            if question.key not in state.answers:
                count = defaulted.get(question.key, (0, ""))[0]
                default = question.default
                shown = (", ".join(default) if isinstance(default, list)
                         else question.label(default) if default is not None else "")
                defaulted[question.key] = (count + 1, shown)
        used[kapstok.name] = kapstok
        result = Reevaluation(state, kapstok, evaluate(kapstok, answers), answers)
        if not result.changed:
            unchanged += 1
        elif state.departs:
            departures.append(result)
        else:
            changes.append(result)
    readings = tuple(dict.fromkeys(k.oude_antwoorden for k in used.values() if k.oude_antwoorden))
    return ReevaluationRun(changes, departures, unchanged, skipped, defaulted, readings)


def reevaluation_decision(result: Reevaluation, *, decision_id: str, now: datetime,
                          by: str) -> Decision:
    outcome = result.outcome
    return Decision(
        id=decision_id, case=result.state.case, time=now, kind="reevaluation",
        phase_before=result.state.phase, phase_after=outcome.phase.id,
        advised_phase=outcome.phase.id, axis="horizontal", by=by, kapstok=result.kapstok.ref,
        answers=result.answers, reasons=outcome.reasons, roles=outcome.roles.as_dict(),
        in_overleg_met=outcome.in_overleg_met, advice=tuple(a.text for a in outcome.advice),
        advice_roles=tuple(a.role or "" for a in outcome.advice),
    )
