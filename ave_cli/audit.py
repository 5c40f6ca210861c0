"""What `ave check` and `ave purge` decide about a whole log. Pure: blocks and dates in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from ave_cli.cases import fold
from ave_cli.i18n import _
from ave_cli.logformat import Block
from ave_cli.model import Kapstok

REGISSEURS = {"casusregie": "casusregisseur", "procesregie": "procesregisseur"}


@dataclass(frozen=True)
class Problem:
    line: int  # 0: not about one line
    message: str


def audit(blocks: list[Block], kapstok_for: Callable[[str], Kapstok | None]) -> list[Problem]:
    """Unique ids, time order per case, phases the named kapstok knows, and at most one
    casusregisseur and one procesregisseur per case at a time."""
    problems: list[Problem] = []
    first_line: dict[str, int] = {}
    last_time: dict[str, tuple[datetime, int]] = {}
    holders: dict[tuple[str, str], str] = {}
    missing_kapstok: set[str] = set()
    for block in blocks:
        d, line = block.decision, block.line
        if d.id in first_line:
            problems.append(Problem(line, _("besluit-id {id} staat ook op regel {line}").format(
                                              id=d.id, line=first_line[d.id])))
        first_line.setdefault(d.id, line)
        latest = last_time.get(d.case)
        if latest and d.time < latest[0]:
            when = d.time.strftime("%Y-%m-%d %H:%M")
            problems.append(Problem(line, _("besluit over casus '{case}' ({when}) is "
                                            "ouder dan het vorige, op regel {line}").format(
                                              case=d.case, when=when, line=latest[1])))
        else:
            last_time[d.case] = (d.time, line)
        kapstok = kapstok_for(d.kapstok.name)
        if kapstok is None:
            if d.kapstok.name not in missing_kapstok:
                missing_kapstok.add(d.kapstok.name)
                problems.append(Problem(line, _("kapstok '{name}' is niet beschikbaar, "
                                                "dus de fasen zijn niet gecontroleerd; "
                                                "geef hem mee met --kapstok PAD").format(
                                                  name=d.kapstok.name)))
        else:
            for label, phase in (("phase_before", d.phase_before), ("phase_after", d.phase_after),
                                 ("advised_phase", d.advised_phase)):
                if phase and kapstok.find_phase(phase) is None:
                    problems.append(Problem(line, _("{label} '{phase}' bestaat niet in "
                                                    "kapstok {kapstok}").format(
                                                      label=label, phase=phase,
                                                      kapstok=kapstok.name)))
        if d.axis == "vertical" and (d.role not in REGISSEURS or not getattr(d, REGISSEURS[d.role])):
            problems.append(Problem(line, _("verticale opschaling zonder houder voor "
                                            "rol '{role}'").format(role=d.role)))
        for role, field in REGISSEURS.items():
            holder = getattr(d, field)
            current = holders.get((d.case, field))
            if holder and current and holder != current and not (
                    d.axis == "vertical" and d.role == role):
                problems.append(Problem(line, _("casus '{case}' krijgt {field} "
                                                "{holder} terwijl {current} die rol "
                                                "nog heeft (twee tegelijk); leg een "
                                                "wissel vast met ave escalate --role "
                                                "{role}").format(
                                                  case=d.case, field=field, holder=holder,
                                                  current=current, role=role)))
            if holder:
                holders[(d.case, field)] = holder
            if d.kind == "close":
                holders.pop((d.case, field), None)
    return problems


def closed_before(blocks: list[Block], cutoff: date) -> set[str]:
    """Cases whose latest decision is a close from before `cutoff`."""
    states = fold((b.decision for b in blocks), keep_history=False)
    return {case for case, s in states.items()
            if s.closed and s.since is not None and s.since.date() < cutoff}
