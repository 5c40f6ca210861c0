"""The plan's afspraken (principle 4: one integral plan over every leefgebied): who does what,
for whom, by when, and how each one stands. Pure: the records are made here and folded here; the
clock's today is given.

An afspraak is a record of kind `afspraak` in the case's own chain; each change of it (gedaan,
vervallen with a reason, verlengd to a later date with a reason) is an `afspraak-stand`. Neither
changes the case's fase, regie or review clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ave_cli.core.cases import CaseState
from ave_cli.core.decisions import Who, open_case
from ave_cli.core.guard import check_free_text
from ave_cli.core.messages import AveError, Msg
from ave_cli.core.model import Decision, Kapstok, Leefgebied

MAX_SHORT = 200  # wie, voor: a name of an organisation or a role, a household member's label

# Who in the household an afspraak is for: a role in the household, never a name (a known set,
# not a list of what to refuse), with an optional number or letter: "moeder", "kind 2",
# "zoon B", "huishouden".
VOOR_WORDS = ("huishouden", "gezin", "inwoner", "bewoner", "moeder", "vader", "ouder", "ouders",
              "partner", "kind", "kinderen", "zoon", "dochter", "broer", "zus", "grootouder",
              "oma", "opa", "stiefouder", "stiefmoeder", "stiefvader", "pleegkind",
              "pleegouder", "mantelzorger", "huisgenoot", "baby", "jongere", "tiener")
_VOOR = re.compile(r"(?P<word>[a-z]+)(?: (?P<tag>[0-9]{1,2}|[a-z]))?")


@dataclass
class Afspraak:
    """One afspraak as it stands now."""

    case: str
    nummer: str  # A1, A2, ... within the case
    wat: str
    wie: str
    leefgebied: str
    uiterlijk: date  # the date it is due now (after any verlenging)
    gemaakt: datetime
    by: str
    voor: str = ""
    note: str = ""
    stand: str = "open"  # open, gedaan or vervallen
    afgerond: datetime | None = None  # when it was gedaan or vervallen
    eerst: date | None = None  # the first date, when it was verlengd
    redenen: list[str] = field(default_factory=list)  # of each vervallen or verlenging
    history: list[Decision] = field(default_factory=list)

    @property
    def open(self) -> bool:
        return self.stand == "open"

    def te_laat(self, today: date) -> bool:
        """Open and past its date."""
        return self.open and self.uiterlijk < today

    def op_tijd(self) -> bool | None:
        """Whether a gedaan afspraak was done by its first date (None: not gedaan)."""
        if self.stand != "gedaan" or self.afgerond is None:
            return None
        return self.afgerond.date() <= (self.eerst or self.uiterlijk)


def start(decision: Decision) -> Afspraak:
    return Afspraak(decision.case, decision.afspraak, decision.wat, decision.wie,
                    decision.leefgebied, date.fromisoformat(decision.uiterlijk), decision.time,
                    decision.by, decision.voor, decision.note, history=[decision])


def apply(afspraak: Afspraak, decision: Decision) -> Afspraak:
    """The afspraak after one change of its stand (mutates and returns it)."""
    afspraak.history.append(decision)
    if decision.stand == "verlengd":
        afspraak.eerst = afspraak.eerst or afspraak.uiterlijk
        afspraak.uiterlijk = date.fromisoformat(decision.uiterlijk)
    else:
        afspraak.stand, afspraak.afgerond = decision.stand, decision.time
    afspraak.redenen.extend(decision.reasons)
    return afspraak


def fold(decisions: Iterable[Decision]) -> dict[str, Afspraak]:
    """A case's afspraken by number, in the order they were made, from its records (others are
    passed over; a change of an afspraak that is not there, or is closed, too: `ave check`
    names it)."""
    found: dict[str, Afspraak] = {}
    for decision in decisions:
        if decision.kind == "afspraak" and decision.afspraak not in found:
            found[decision.afspraak] = start(decision)
        elif decision.kind == "afspraak-stand":
            afspraak = found.get(decision.afspraak)
            if afspraak is not None and afspraak.open:
                apply(afspraak, decision)
    return found


def problems(decisions: Iterable[Decision]) -> list[tuple[Decision, Msg]]:
    """What `ave check` says about a case's afspraak records: a number made twice, a change of
    an afspraak that is not there, or of one already gedaan or vervallen, a verlenging to a
    date that is not later."""
    found: list[tuple[Decision, Msg]] = []
    made: dict[str, Afspraak] = {}
    for decision in decisions:
        if decision.kind == "afspraak":
            if decision.afspraak in made:
                found.append((decision, Msg("afspraak {nummer} van casus {case} bestaat al",
                                            nummer=decision.afspraak, case=decision.case)))
            else:
                made[decision.afspraak] = start(decision)
        elif decision.kind == "afspraak-stand":
            afspraak = made.get(decision.afspraak)
            if afspraak is None:
                found.append((decision, Msg("wijziging van afspraak {nummer}, die casus {case} "
                                            "niet heeft", nummer=decision.afspraak,
                                            case=decision.case)))
            elif not afspraak.open:
                found.append((decision, Msg("wijziging van afspraak {nummer} van casus {case} "
                                            "nadat die {stand} was", nummer=decision.afspraak,
                                            case=decision.case, stand=afspraak.stand)))
            elif (decision.stand == "verlengd"
                  and date.fromisoformat(decision.uiterlijk) <= afspraak.uiterlijk):
                found.append((decision, Msg("verlenging van afspraak {nummer} van casus {case} "
                                            "naar een datum die niet later is",
                                            nummer=decision.afspraak, case=decision.case)))
            else:
                apply(afspraak, decision)
    return found


# --- making them ---------------------------------------------------------------------------

def parse_date(text: str, today: date, *, label: str = "--uiterlijk") -> date:
    """A date as people type it: 2026-12-21, 21-12-2026, or +14 (days from today)."""
    text = text.strip()
    if re.fullmatch(r"\+[0-9]{1,4}", text, re.ASCII):
        return today + timedelta(days=int(text[1:]))
    found = re.fullmatch(r"([0-9]{1,2})-([0-9]{1,2})-([0-9]{4})", text, re.ASCII)
    try:
        if found:
            return date(int(found[3]), int(found[2]), int(found[1]))
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text, re.ASCII):
            return date.fromisoformat(text)
    except ValueError:
        pass
    raise AveError(Msg("{label} '{text}' is geen datum: schrijf JJJJ-MM-DD (2026-12-21), "
                       "DD-MM-JJJJ (21-12-2026) of +14 voor over veertien dagen",
                       label=label, text=text))


def check_due(when: date, today: date) -> date:
    """A new afspraak's date: today or later (a date in the past is a typo, not a plan)."""
    if when < today:
        raise AveError(Msg("--uiterlijk {date} ligt in het verleden; kies vandaag of later",
                           date=when.isoformat()))
    return when


def check_voor(text: str) -> str:
    """A household member as a role and maybe a number ("kind 2"), never a name."""
    text = " ".join(text.split()).lower()
    found = _VOOR.fullmatch(text)
    if not found or found["word"] not in VOOR_WORDS:
        raise AveError(Msg("--voor '{text}' is geen rol in het huishouden; noem nooit een naam, "
                           "maar een rol zoals moeder, vader, kind 1, partner of huishouden "
                           "(toegestaan: {words}, met een nummer of letter erachter)",
                           text=text, words=", ".join(VOOR_WORDS)))
    return text


def known_leefgebied(kapstok: Kapstok, key: str) -> Leefgebied:
    """The kapstok's leefgebied with this key (or label), or an error listing them."""
    wanted = key.strip().casefold()
    for area in kapstok.leefgebieden:
        if wanted in (area.key.casefold(), area.label.casefold()):
            return area
    if not kapstok.leefgebieden:
        raise AveError(Msg("kapstok {kapstok} noemt geen leefgebieden ([[leefgebied]]); voeg "
                           "ze toe om afspraken te maken", kapstok=kapstok.name))
    raise AveError(Msg("onbekend leefgebied '{key}' in kapstok {kapstok} (toegestaan: {items})",
                       key=key, kapstok=kapstok.name,
                       items=", ".join(f"{a.key} ({a.label})" if a.label != a.key else a.key
                                       for a in kapstok.leefgebieden)))


def _required(label: str, text: str, *, max_length: int | None = None) -> str:
    text = " ".join(text.split()) if max_length else text.strip()
    if not text:
        raise AveError(Msg("{option} is verplicht", option=label))
    if max_length is None:
        return check_free_text(label, text)
    return check_free_text(label, text, max_length=max_length)


@dataclass(frozen=True)
class NewAfspraak:
    """An afspraak as the professional gives it."""

    wat: str
    wie: str
    leefgebied: str
    uiterlijk: date
    voor: str = ""


def make(kapstok: Kapstok, state: CaseState | None, case: str, new: NewAfspraak, *,
         who: Who, today: date) -> Decision:
    """A new afspraak on an open case: the next number, every text guarded, a date not in the
    past."""
    state, _phase = open_case(state, case, kapstok)
    area = known_leefgebied(kapstok, new.leefgebied)
    check_due(new.uiterlijk, today)
    numbers = [int(d.afspraak[1:]) for d in state.history if d.kind == "afspraak"]
    return Decision(
        id=who.decision_id, case=state.case, time=who.now, kind="afspraak", by=who.by,
        decided_by=who.decided_by, kapstok=kapstok.ref, in_overleg_met=who.in_overleg_met,
        note=who.note, afspraak=f"A{max(numbers, default=0) + 1}",
        wat=_required("--wat", new.wat), wie=_required("--wie", new.wie, max_length=MAX_SHORT),
        leefgebied=area.key, voor=check_voor(new.voor) if new.voor.strip() else "",
        uiterlijk=new.uiterlijk.isoformat())


def find(state: CaseState, nummer: str) -> Afspraak:
    """An afspraak of the case by its number (a1 and A1 alike), or an error listing them."""
    wanted = nummer.strip().upper()
    afspraken = fold(state.history)
    found = afspraken.get(wanted)
    if found is None:
        raise AveError(Msg("casus {case} heeft geen afspraak {nummer} (wel: {items})",
                           case=state.case, nummer=nummer, items=", ".join(afspraken) or "-")
                       if afspraken else
                       Msg("casus {case} heeft nog geen afspraken; maak er een met ave "
                           "afspraak {case}", case=state.case))
    return found


def change(kapstok: Kapstok, state: CaseState | None, case: str, nummer: str, stand: str, *,
           reason: str, new_date: date | None, who: Who) -> Decision:
    """A change of an open afspraak of an open case: gedaan, vervallen (with a reason) or
    verlengd (to a later date, with a reason)."""
    state, _phase = open_case(state, case, kapstok)
    afspraak = find(state, nummer)
    if not afspraak.open:
        raise AveError(Msg("afspraak {nummer} van casus {case} is al {stand}; maak een nieuwe "
                           "afspraak als er weer iets te doen is", nummer=afspraak.nummer,
                           case=state.case, stand=afspraak.stand))
    reasons: tuple[str, ...] = ()
    if stand in ("vervallen", "verlengd"):
        if not reason.strip():
            raise AveError(Msg("geef een reden met --reden (een afspraak die {stand} is, "
                               "zegt waarom)", stand=stand))
        reasons = (check_free_text("--reden", reason.strip()),)
    elif reason.strip():
        reasons = (check_free_text("--reden", reason.strip()),)
    due = ""
    if stand == "verlengd":
        assert new_date is not None
        if new_date <= afspraak.uiterlijk:
            raise AveError(Msg("--verleng {date} is niet later dan de huidige datum van "
                               "afspraak {nummer} ({current})", date=new_date.isoformat(),
                               nummer=afspraak.nummer, current=afspraak.uiterlijk.isoformat()))
        due = new_date.isoformat()
    return Decision(
        id=who.decision_id, case=state.case, time=who.now, kind="afspraak-stand", by=who.by,
        decided_by=who.decided_by, kapstok=kapstok.ref, in_overleg_met=who.in_overleg_met,
        reasons=reasons, note=who.note, afspraak=afspraak.nummer, stand=stand, uiterlijk=due)


# --- the plan --------------------------------------------------------------------------------

@dataclass(frozen=True)
class PlanRow:
    """One leefgebied of the plan with its afspraken (open first)."""

    leefgebied: Leefgebied
    afspraken: tuple[Afspraak, ...]


def plan(kapstok: Kapstok, afspraken: Iterable[Afspraak]) -> tuple[list[PlanRow], list[str]]:
    """The kapstok's leefgebieden as rows with their afspraken (open ones first, then by date),
    and the household members the afspraken name. An afspraak on a leefgebied this kapstok does
    not know (made under another) gets a row of its own at the end."""
    by_area: dict[str, list[Afspraak]] = {}
    members: list[str] = []
    for a in afspraken:
        by_area.setdefault(a.leefgebied, []).append(a)
        if a.voor and a.voor not in members:
            members.append(a.voor)
    areas = list(kapstok.leefgebieden) + [Leefgebied(k, k) for k in by_area
                                          if kapstok.find_leefgebied(k) is None]
    rows = [PlanRow(area, tuple(sorted(by_area.get(area.key, ()), key=_order)))
            for area in areas]
    return rows, members


def _order(a: Afspraak) -> tuple[bool, date, int]:
    return (not a.open, a.uiterlijk, int(a.nummer[1:]))


def ordered(afspraken: Iterable[Afspraak]) -> list[Afspraak]:
    """Open ones first, each group by date, then by case and number."""
    return sorted(afspraken, key=lambda a: (not a.open, a.uiterlijk, a.case.lower(),
                                            int(a.nummer[1:])))
