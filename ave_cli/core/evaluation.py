"""Borgen: the numbers of the evaluation report (`ave report --format html`). Pure: the decisions,
the kapstokken, the period and `now` are passed in.

Every number is counted from the decisions themselves, in log order:
- open cases per fase at the end of the period, against the kapstok's `expected_share`;
- per month: new cases (a case's first decision), closed, afgeschaald (a deescalation), and
  reopened (a decision on a case that was closed);
- time in fase: each stay of a case in a fase that ended in the period or still runs at its end,
  in whole days; the median and the 90th percentile (nearest rank) per fase; and the open cases
  longer in their fase than its `long_in_phase_days`;
- transitions: every change of fase in the period, from -> to, up or down, and how many skip a
  fase;
- departures: decisions with an advice (triage, reevaluation) in the period, and how often the
  professional chose another fase, up or down, per advised fase;
- flags of the open cases at the end (as `ave report` sets them, the plan's two included), and
  open cases per casusregisseur;
- the plan (section 9): afspraken made per month (an afspraak record in the period); gedaan in
  the period on time (by the date first agreed) or late; vervallen in the period; open at the
  end, and of those past their date (the afspraken of open cases only); per leefgebied the
  afspraken made in the period and those open at the end.
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from ave_cli.core import cases
from ave_cli.core.cases import CaseState
from ave_cli.core.model import AFSPRAAK_KINDS, Decision, Kapstok
from ave_cli.core.report import build_report

if TYPE_CHECKING:
    from ave_cli.core.afspraken import Afspraak

KapstokFor = Callable[[str], "Kapstok | None"]


@dataclass(frozen=True)
class Share:
    kapstok: str
    phase: str
    label: str
    colour: str
    count: int
    share: float  # of the open cases under this kapstok
    expected: float | None  # the kapstok's expected_share

    @property
    def difference(self) -> float | None:
        return None if self.expected is None else self.share - self.expected


@dataclass(frozen=True)
class Month:
    month: str  # YYYY-MM
    new: int = 0
    closed: int = 0
    afgeschaald: int = 0
    reopened: int = 0


@dataclass(frozen=True)
class Stay:
    kapstok: str
    phase: str
    label: str
    stays: int
    median: float | None
    p90: int | None
    long_days: int | None  # the kapstok's long_in_phase_days
    past_long: int  # open cases at the end longer in this fase than long_days


@dataclass(frozen=True)
class Transition:
    kapstok: str
    source: str
    target: str
    count: int
    up: bool
    skipped: int  # fasen passed over (0: the next one)


@dataclass(frozen=True)
class Departure:
    kapstok: str
    phase: str  # the advised fase
    label: str
    advised: int  # decisions with this advice
    up: int  # the professional chose a higher fase
    down: int  # ... a lower one

    @property
    def departed(self) -> int:
        return self.up + self.down


@dataclass(frozen=True)
class AreaCount:
    kapstok: str
    key: str
    label: str
    made: int  # afspraken made on it in the period
    open: int  # open at the end
    late: int  # of those, past their date


@dataclass(frozen=True)
class Plan:
    """The afspraken: made per month (YYYY-MM, count); how those that ended in the period ended;
    how many are open at the end; per leefgebied."""

    months: list[tuple[str, int]]
    made: int
    on_time: int
    late: int
    vervallen: int
    open: int
    open_late: int
    areas: list[AreaCount]


@dataclass(frozen=True)
class Evaluation:
    start: datetime | None
    end: datetime
    kapstokken: list[str]
    decisions: int  # in the period
    cases: int  # with a decision in the period
    open_cases: int  # at the end
    shares: list[Share]
    months: list[Month]
    stays: list[Stay]
    transitions: list[Transition]
    departures: list[Departure]
    flags: dict[str, int]  # flag -> open cases at the end that have it
    by_casusregisseur: list[tuple[str, int]]  # open cases at the end per casusregisseur
    open_rows: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # detail
    plan: Plan | None = None


def percentile(values: list[int], fraction: float) -> int:
    """Nearest rank: the smallest value with at least `fraction` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def _days(start: datetime, end: datetime) -> int:
    return max(0, (end - start).days)


def evaluate(decisions: Iterable[Decision], kapstok_for: KapstokFor, *, end: datetime,
             start: datetime | None = None, kapstok: str | None = None,
             keep: Callable[[str], bool] = lambda case: True,
             detail: bool = False) -> Evaluation:
    """The evaluation of the decisions up to `end` (those after it are left out), counting
    flows from `start` on. `kapstok`: only cases decided under it; `keep`: only these cases."""
    states: dict[str, CaseState] = {}
    months: dict[str, Counter[str]] = {}
    stays: dict[tuple[str, str], list[int]] = {}
    moves: Counter[tuple[str, str, str]] = Counter()
    advised: Counter[tuple[str, str]] = Counter()
    departed: Counter[tuple[str, str, str]] = Counter()
    counted, seen = 0, set()

    def in_period(when: datetime) -> bool:
        return start is None or when >= start

    plan_records: dict[str, list[Decision]] = {}
    for d in decisions:
        if d.time > end or not keep(d.case) or (kapstok and d.kapstok.name != kapstok):
            continue
        key = cases.key(d.case)
        if d.kind in AFSPRAAK_KINDS:  # the plan changes no fase: counted apart
            plan_records.setdefault(key, []).append(d)
            continue
        before = states.get(key)
        if in_period(d.time):
            counted += 1
            seen.add(key)
            month = months.setdefault(d.time.strftime("%Y-%m"), Counter())
            if before is None:
                month["new"] += 1
            elif before.closed:
                month["reopened"] += 1
            if d.kind == "close":
                month["closed"] += 1
            elif d.kind == "deescalation":
                month["afgeschaald"] += 1
            if d.advised_phase and d.phase_after:
                advised[(d.kapstok.name, d.advised_phase)] += 1
                direction = _direction(kapstok_for(d.kapstok.name), d.advised_phase,
                                       d.phase_after)
                if direction:
                    departed[(d.kapstok.name, d.advised_phase, direction)] += 1
        old_phase = None if before is None or before.closed else before.phase
        if old_phase and old_phase != d.phase_after and before is not None and before.since:
            if in_period(d.time):
                stays.setdefault((d.kapstok.name, old_phase), []).append(
                    _days(before.since, d.time))
                if d.phase_after:
                    moves[(d.kapstok.name, old_phase, d.phase_after)] += 1
        states[key] = cases.apply(before or CaseState(d.case), d, keep_history=False)

    open_states = [s for s in states.values() if not s.closed and s.phase]
    for s in open_states:  # the stays still running at the end
        if s.since is not None:
            stays.setdefault((s.kapstok_name, s.phase or ""), []).append(_days(s.since, end))
    from ave_cli.core import afspraken  # (the evaluation only: not loaded by ave report)

    summaries = [cases.summary(s) for s in states.values() if s.last_time is not None]
    made = {key: afspraken.fold(records) for key, records in plan_records.items()}
    due: dict[str, tuple[int, date]] = {}
    for key, found in made.items():
        still = [a.uiterlijk for a in found.values()
                 if a.open and key in states and not states[key].closed]
        if still:
            due[key] = (len(still), min(still))
    report = build_report(summaries, kapstok_for, end, due=due)
    flag_counts: Counter[str] = Counter(f for r in report.rows for f in r.flags)
    names = sorted({s.kapstok_name for s in states.values()})
    return Evaluation(
        start=start, end=end, kapstokken=names, decisions=counted, cases=len(seen),
        open_cases=len(open_states),
        shares=_shares(open_states, names, kapstok_for),
        months=[Month(m, c["new"], c["closed"], c["afgeschaald"], c["reopened"])
                for m, c in sorted(months.items())],
        stays=_stays(stays, open_states, names, kapstok_for, end),
        transitions=_transitions(moves, kapstok_for),
        departures=_departures(advised, departed, names, kapstok_for),
        flags={name: flag_counts[name] for name in ("review", "long", "casusregie",
                                                    "procesregie", "afspraak", "plan")},
        by_casusregisseur=sorted(Counter(s.casusregisseur or "" for s in open_states).items(),
                                 key=lambda item: (-item[1], item[0])),
        open_rows=[(r.case, r.phase or "", r.flags) for r in report.rows] if detail else [],
        plan=_plan(made, states, kapstok_for, start, end),
    )


def _plan(made: dict[str, dict[str, Afspraak]], states: dict[str, CaseState],
          kapstok_for: KapstokFor, start: datetime | None, end: datetime) -> Plan:
    def in_period(when: datetime) -> bool:
        return (start is None or when >= start) and when <= end

    months: Counter[str] = Counter()
    areas: dict[tuple[str, str], list[int]] = {}  # (kapstok, key) -> [made, open, late]
    on_time = late = vervallen = still = still_late = made_count = 0
    today = end.date()
    for key, found in made.items():
        state = states.get(key)
        case_open = state is not None and not state.closed
        for a in found.values():
            name = a.history[0].kapstok.name
            counts = areas.setdefault((name, a.leefgebied), [0, 0, 0])
            if in_period(a.gemaakt):
                made_count += 1
                months[a.gemaakt.strftime("%Y-%m")] += 1
                counts[0] += 1
            if a.afgerond is not None and in_period(a.afgerond):
                if a.stand == "vervallen":
                    vervallen += 1
                elif a.op_tijd():
                    on_time += 1
                else:
                    late += 1
            if a.open and case_open:
                still += 1
                counts[1] += 1
                if a.te_laat(today):
                    still_late += 1
                    counts[2] += 1
    listed = []
    for name in sorted({k for k, _key in areas}):
        kapstok = kapstok_for(name)
        order = [a.key for a in kapstok.leefgebieden] if kapstok else []
        keys = order + sorted(k for n, k in areas if n == name and k not in order)
        for area in keys:
            counts = areas.get((name, area), [0, 0, 0])
            found_area = kapstok.find_leefgebied(area) if kapstok else None
            listed.append(AreaCount(name, area, found_area.label if found_area else area,
                                    *counts))
    return Plan(sorted(months.items()), made_count, on_time, late, vervallen, still,
                still_late, listed)


def _direction(kapstok: Kapstok | None, advised: str, chosen: str) -> str:
    if advised == chosen:
        return ""
    if kapstok is None:
        return "up"
    return "up" if kapstok.rank(chosen) > kapstok.rank(advised) else "down"


def _phases(kapstok: Kapstok | None, found: Iterable[str]) -> list[tuple[str, str, str]]:
    """The kapstok's fasen in order (id, label, colour), then any other fase the log holds."""
    known = [(p.id, p.label, p.colour) for p in kapstok.phases] if kapstok else []
    ids = {k[0] for k in known}
    return known + [(p, p, "") for p in sorted(set(found) - ids)]


def _shares(open_states: list[CaseState], names: list[str],
            kapstok_for: KapstokFor) -> list[Share]:
    found = []
    for name in names:
        kapstok = kapstok_for(name)
        counts = Counter(s.phase for s in open_states if s.kapstok_name == name)
        total = sum(counts.values())
        expected = {p.id: p.expected_share for p in kapstok.phases} if kapstok else {}
        for pid, label, colour in _phases(kapstok, [p for p in counts if p]):
            found.append(Share(name, pid, label, colour, counts[pid],
                               counts[pid] / total if total else 0.0, expected.get(pid)))
    return found


def _stays(stays: dict[tuple[str, str], list[int]], open_states: list[CaseState],
           names: list[str], kapstok_for: KapstokFor, end: datetime) -> list[Stay]:
    found = []
    for name in names:
        kapstok = kapstok_for(name)
        limits = {p.id: p.long_in_phase_days for p in kapstok.phases} if kapstok else {}
        for pid, label, _colour in _phases(kapstok, [p for (k, p) in stays if k == name]):
            days = stays.get((name, pid), [])
            limit = limits.get(pid)
            past = sum(1 for s in open_states if s.kapstok_name == name and s.phase == pid
                       and limit is not None and s.since is not None
                       and _days(s.since, end) >= limit)
            found.append(Stay(name, pid, label, len(days),
                              statistics.median(days) if days else None,
                              percentile(days, 0.9) if days else None, limit, past))
    return found


def _transitions(moves: Counter[tuple[str, str, str]],
                 kapstok_for: KapstokFor) -> list[Transition]:
    found = []
    for (name, source, target), count in sorted(moves.items()):
        kapstok = kapstok_for(name)
        step = kapstok.rank(target) - kapstok.rank(source) if kapstok else 1
        found.append(Transition(name, source, target, count, step > 0, max(0, abs(step) - 1)))
    return found


def _departures(advised: Counter[tuple[str, str]], departed: Counter[tuple[str, str, str]],
                names: list[str], kapstok_for: KapstokFor) -> list[Departure]:
    found = []
    for name in names:
        kapstok = kapstok_for(name)
        for pid, label, _colour in _phases(kapstok, [p for (k, p) in advised if k == name]):
            found.append(Departure(name, pid, label, advised[(name, pid)],
                                   departed[(name, pid, "up")], departed[(name, pid, "down")]))
    return found
