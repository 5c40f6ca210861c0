"""What `ave check` and `ave purge` decide about a whole log of sealed records. Pure: blocks and
dates in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from ave_cli.core.cases import fold, key
from ave_cli.core.guard import looks_like_bsn
from ave_cli.core.messages import Msg
from ave_cli.core.model import AFSPRAAK_KINDS, Decision, Kapstok, KapstokRef
from ave_cli.record.logformat import Block

REGISSEURS = {"casusregie": "casusregisseur", "procesregie": "procesregisseur"}


@dataclass(frozen=True)
class Problem:
    line: int  # 0: not about one line
    message: Msg | str
    info: bool = False  # worth saying, but not a fault of the log (exit code stays 0)


_TEXTS = ("case", "by", "decided_by", "motivation", "note", "casusregisseur", "procesregisseur",
          "wat", "wie", "voor")
_TEXT_LISTS = ("reasons", "in_overleg_met", "advice")


def _has_bsn(d: Decision) -> bool:
    texts = [getattr(d, f) or "" for f in _TEXTS]
    texts += [t for f in _TEXT_LISTS for t in getattr(d, f)] + list(d.roles.values())
    return any(looks_like_bsn(t) for t in texts)


def audit(blocks: list[Block],
          kapstok_for: Callable[[KapstokRef], Kapstok | None]) -> list[Problem]:
    """Unique ids, time order per case, one spelling per case id, no BSN-like numbers, phases
    the kapstok each decision records knows (phase_before: the kapstok of the case's decision
    before), and at most one casusregisseur and one procesregisseur per case at a time."""
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    last_time: dict[str, tuple[datetime, int]] = {}
    spelling: dict[str, tuple[str, int]] = {}
    previous_ref: dict[str, KapstokRef] = {}
    holders: dict[tuple[str, str], str] = {}
    missing_kapstok: set[KapstokRef] = set()
    for block in blocks:
        d, line = block.decision, block.line
        case = key(d.case)
        if d.id in first_line:
            problems.append(Problem(line, Msg("besluit-id {id} staat ook op regel {line}",
                id=d.id, line=first_line[d.id])))
        first_line.setdefault(d.id, line)
        first = spelling.setdefault(case, (d.case, line))
        if first[0] != d.case:
            problems.append(Problem(line, Msg("casus '{case}' is dezelfde casus als '{first}' "
                                            "(regel {line}): hoofdletters tellen niet mee",
                                                case=d.case, first=first[0], line=first[1])))
        if _has_bsn(d):
            problems.append(Problem(line, Msg("besluit {id} bevat een nummer dat op een BSN lijkt; "
                                            "het caselog mag geen directe persoonsgegevens "
                                            "bevatten", id=d.id)))
        latest = last_time.get(case)
        if latest and d.time < latest[0]:
            when = d.time.strftime("%Y-%m-%d %H:%M")
            problems.append(Problem(line, Msg("besluit over casus '{case}' ({when}) is "
                                            "ouder dan het vorige, op regel {line}",
                                                case=d.case, when=when, line=latest[1])))
        else:
            last_time[case] = (d.time, line)
        checks = (("phase_before", d.phase_before, previous_ref.get(case, d.kapstok)),
                  ("phase_after", d.phase_after, d.kapstok),
                  ("advised_phase", d.advised_phase, d.kapstok))
        for label, phase, ref in checks:
            kapstok = kapstok_for(ref)
            if kapstok is None:
                if ref not in missing_kapstok:
                    missing_kapstok.add(ref)
                    problems.append(Problem(line, Msg("kapstok {name} {version} (zoals vastgelegd) "
                                                    "is hier niet beschikbaar, dus de fasen van "
                                                    "de besluiten ermee zijn niet gecontroleerd; "
                                                    "geef dat bestand mee met --kapstok "
                                                    "PAD", name=ref.name,
                                                                  version=ref.version),
                                            info=True))
            elif phase and kapstok.find_phase(phase) is None:
                problems.append(Problem(line, Msg("{label} '{phase}' bestaat niet in "
                                                "kapstok {kapstok}", label=label, phase=phase,
                                                  kapstok=kapstok.name)))
        previous_ref[case] = d.kapstok
        if d.axis == "vertical" and (d.role not in REGISSEURS or not getattr(d, REGISSEURS[d.role])):
            problems.append(Problem(line, Msg("verticale opschaling zonder houder voor "
                                            "rol '{role}'", role=d.role)))
        for role, field in REGISSEURS.items():
            holder = getattr(d, field)
            current = holders.get((case, field))
            if holder and current and holder != current and not (
                    d.axis == "vertical" and d.role == role):
                problems.append(Problem(line, Msg("casus '{case}' krijgt {field} "
                                                "{holder} terwijl {current} die rol "
                                                "nog heeft (twee tegelijk); leg een "
                                                "wissel vast met ave escalate --role "
                                                "{role}", case=d.case, field=field, holder=holder,
                                                  current=current, role=role)))
            if holder:
                holders[(case, field)] = holder
            if d.kind == "close":
                holders.pop((case, field), None)
    return problems + _plan(blocks, kapstok_for)


def _plan(blocks: list[Block],
          kapstok_for: Callable[[KapstokRef], Kapstok | None]) -> list[Problem]:
    """The afspraken of each case: a number once, a change only of an afspraak there is and
    that is open, a verlenging to a later date, a leefgebied the kapstok knows, and none on a
    case that is closed or has no record about its fase yet."""
    from ave_cli.core import afspraken  # (ave check only: not loaded by every read)

    problems: list[Problem] = []
    lines: dict[int, int] = {}
    by_case: dict[str, list[Decision]] = {}
    closed: dict[str, bool] = {}
    for block in blocks:
        d = block.decision
        case = key(d.case)
        if d.kind not in AFSPRAAK_KINDS:
            closed[case] = d.kind == "close"
            continue
        lines[id(d)] = block.line
        by_case.setdefault(case, []).append(d)
        if closed.get(case, True):
            problems.append(Problem(block.line, Msg(
                "afspraakrecord {nummer} bij casus '{case}', die {state}", nummer=d.afspraak,
                case=d.case, state=Msg("afgesloten is") if case in closed else Msg(
                    "nog geen besluit over de fase heeft"))))
        kapstok = kapstok_for(d.kapstok)
        if d.kind == "afspraak" and kapstok and kapstok.find_leefgebied(d.leefgebied) is None:
            problems.append(Problem(block.line, Msg(
                "leefgebied '{key}' van afspraak {nummer} bestaat niet in kapstok {kapstok}",
                key=d.leefgebied, nummer=d.afspraak, kapstok=kapstok.name)))
    for made in by_case.values():
        problems += [Problem(lines[id(d)], message) for d, message in afspraken.problems(made)]
    return problems


def closed_before(blocks: list[Block], cutoff: date) -> set[str]:
    """Cases whose latest decision is a close from before `cutoff`."""
    states = fold((b.decision for b in blocks), keep_history=False)
    return {case for case, s in states.items()
            if s.closed and s.since is not None and s.since.date() < cutoff}
