"""The flows of the plan: `ave afspraak` (make one, or change its stand), `ave afspraken` (the
list over cases) and `ave plan` (one case's plan over its leefgebieden). Nothing printed.

An afspraak is written like any decision (decide.change): under the lock, refused when the case
changed since the command began, with an access record for every look and every write.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from ave_cli.core import afspraken as afs
from ave_cli.core.afspraken import Afspraak, NewAfspraak
from ave_cli.core.decisions import Change, Who, check_case_id, open_case
from ave_cli.core.guard import check_free_text
from ave_cli.core.messages import AveError, Cancelled, Msg, Text
from ave_cli.flows import questions
from ave_cli.flows.context import Context
from ave_cli.flows.decide import _quietly, change, not_found, record, typo_of
from ave_cli.flows.questions import Prompt
from ave_cli.stores.writeguard import LOCK_TIMEOUT

if TYPE_CHECKING:
    from ave_cli.core.cases import CaseState
    from ave_cli.core.model import Decision, Kapstok


@dataclass
class AfspraakRequest:
    """`ave afspraak CASE [...]` as given: a new afspraak (what is not given is asked at a
    terminal), or with a number a change of its stand."""

    case: str
    kapstok: str | None = None
    wat: str | None = None
    wie: str | None = None
    leefgebied: str | None = None
    voor: str | None = None
    uiterlijk: str | None = None
    note: str = ""
    nummer: str | None = None
    stand: str | None = None  # gedaan, vervallen, verlengd
    reden: str = ""
    verleng: str | None = None
    dry_run: bool = False
    lock_timeout: float = LOCK_TIMEOUT


@dataclass
class AfspraakResult:
    decision: Decision
    afspraak: Afspraak  # as it stands after this record
    kapstok: Kapstok
    dry_run: bool


FIELDS = ("wat", "wie", "leefgebied", "voor", "uiterlijk")


def afspraak(ctx: Context, req: AfspraakRequest, *,
             confirm: Callable[[Afspraak, Kapstok], None] = lambda a, k: None) -> AfspraakResult:
    """A new afspraak, or (with a number) a change of one; `confirm` shows a new afspraak before
    the terminal asks to save it."""
    check_case_id(req.case)
    today = ctx.now().date()
    if req.nummer is not None or req.stand is not None:
        return _stand(ctx, req, today)
    view = ctx.read(not req.dry_run)
    state = view.case(req.case)
    kap = ctx.kapstokken.for_case(req.kapstok, state)
    try:
        if state is None and typo_of(view, req.case):
            raise not_found(view, req.case, ctx.settings.where)
        open_case(state, req.case, kap)  # before any question: a case not there or closed
    except AveError:
        _quietly(ctx, "afspraak", state.case if state else req.case, "geweigerd")
        raise
    given = {name: getattr(req, name) for name in FIELDS}
    missing = [name for name in FIELDS if given[name] is None and name != "voor"]
    if missing and ctx.ask is None:
        raise AveError(Msg("geen terminal om te vragen wat is afgesproken; geef {options}",
                           options=", ".join(f"--{name}" for name in missing)))
    asked = bool(missing)  # then also who it is for, and a look before it is saved
    try:
        new = _ask(ctx, kap, given, today) if asked else _checked(kap, given, today)
        if asked:
            preview = afs.start(_draft(kap, state, req.case, new, ctx, req.note, today))
            confirm(preview, kap)
            assert ctx.ask is not None
            if not ctx.ask(Prompt("select", Msg("Deze afspraak vastleggen?"), (
                    (Msg("Vastleggen") if not req.dry_run else Msg("Vastleggen (proefdraai)"),
                     True), (Msg("Afbreken zonder op te slaan"), False)), True)):
                raise Cancelled
    except (Cancelled, KeyboardInterrupt):
        _quietly(ctx, "afspraak", state.case if state else req.case, "afgebroken")
        raise
    except AveError:  # the case was read: a refused afspraak is in the access log too
        _quietly(ctx, "afspraak", state.case if state else req.case, "geweigerd")
        raise

    def make(kap: Kapstok, state: Any, who: Any) -> Change:
        return Change(afs.make(kap, state, req.case, new, who=who, today=today), None)

    made, kap = change(ctx, req.case, req.kapstok, make, _who(req), dry_run=req.dry_run,
                       lock_timeout=req.lock_timeout, action="afspraak", began=(state,))
    return AfspraakResult(made.decision, afs.start(made.decision), kap, req.dry_run)


def _who(req: AfspraakRequest) -> dict[str, Any]:
    return {"note": check_free_text("--note", req.note) if req.note else ""}


def _draft(kap: Kapstok, state: CaseState | None, case: str, new: NewAfspraak, ctx: Context,
           note: str, today: date) -> Decision:
    """The afspraak as it would be saved now (to show before asking to save it)."""
    return afs.make(kap, state, case, new, today=today,
                    who=Who(by=ctx.settings.by, now=ctx.now(), decision_id="-", note=note))


def _checked(kap: Kapstok, given: dict[str, str | None], today: date) -> NewAfspraak:
    """The afspraak from the options, each checked (one line for the first problem)."""
    new = NewAfspraak(
        wat=given["wat"] or "", wie=given["wie"] or "",
        leefgebied=afs.known_leefgebied(kap, given["leefgebied"] or "").key,
        uiterlijk=afs.parse_date(given["uiterlijk"] or "", today),
        voor=afs.check_voor(given["voor"] or "") if (given["voor"] or "").strip() else "")
    for label, text in (("--wat", new.wat), ("--wie", new.wie)):
        if not text.strip():
            raise AveError(Msg("{option} is verplicht", option=label))
        check_free_text(label, text)
    return new


def _ask(ctx: Context, kap: Kapstok, given: dict[str, str | None], today: date) -> NewAfspraak:
    """What the options leave open, asked at the terminal (each answer checked as typed)."""
    ask = ctx.ask
    assert ask is not None
    values = dict(given)
    if values["wat"] is None:
        values["wat"] = questions.ask_text(ask, Msg("Wat wordt er gedaan?"), questions.required_text(
            "--wat", Msg("beschrijf wat er wordt gedaan")))
    if values["wie"] is None:
        values["wie"] = questions.ask_text(ask, Msg("Wie doet het (organisatie of rol, geen "
                                                    "naam van een inwoner)?"),
                                           questions.required_text("--wie", Msg(
                                               "noem de organisatie of rol die het doet")))
    if values["leefgebied"] is None:
        values["leefgebied"] = ask(Prompt("select", Msg("Op welk leefgebied?"), tuple(
            (Text(a.label), a.key) for a in kap.leefgebieden)))
        afs.known_leefgebied(kap, values["leefgebied"] or "")
    if values["voor"] is None:
        values["voor"] = questions.ask_text(ask, Msg("Voor wie in het huishouden (een rol zoals "
                                                     "moeder of kind 1; leeg: het huishouden)?"),
                                            lambda text: afs.check_voor(text) if text.strip()
                                            else "")
    if values["uiterlijk"] is None:
        values["uiterlijk"] = questions.ask_text(
            ask, Msg("Uiterlijk wanneer (JJJJ-MM-DD, of +14 voor over veertien dagen)?"),
            lambda text: afs.check_due(afs.parse_date(text, today), today))
    return _checked(kap, values, today)


def _stand(ctx: Context, req: AfspraakRequest, today: date) -> AfspraakResult:
    if req.nummer is None:
        raise AveError(Msg("noem de afspraak: ave afspraak {case} A1 --{stand}", case=req.case,
                           stand=req.stand or "gedaan"))
    if req.stand is None:
        raise AveError(Msg("zeg wat er met afspraak {nummer} is: --gedaan, --vervallen --reden "
                           "TEKST of --verleng DATUM --reden TEKST", nummer=req.nummer))
    new_date = afs.parse_date(req.verleng, today, label="--verleng") if req.verleng else None
    stand = req.stand
    after: list[Afspraak] = []

    def make(kap: Kapstok, state: Any, who: Any) -> Change:
        decision = afs.change(kap, state, req.case, req.nummer or "", stand, reason=req.reden,
                              new_date=new_date, who=who)
        after[:] = [afs.fold([*state.history, decision])[decision.afspraak]]
        return Change(decision, None)

    made, kap = change(ctx, req.case, req.kapstok, make, _who(req), dry_run=req.dry_run,
                       lock_timeout=req.lock_timeout, action="afspraak")
    return AfspraakResult(made.decision, after[0], kap, req.dry_run)


# --- reading ---------------------------------------------------------------------------------

@dataclass
class ListRequest:
    case: str | None = None
    open_only: bool = False
    te_laat: bool = False
    wie: str = ""
    voor_datum: str | None = None


@dataclass
class Listing:
    afspraken: list[Afspraak]
    today: date
    kapstokken: dict[str, Kapstok]  # by name: the kapstok each afspraak was made under


def listing(ctx: Context, req: ListRequest) -> Listing:
    """The afspraken over cases (or of one), open ones first, each group by date."""
    today = ctx.now().date()
    before = afs.parse_date(req.voor_datum, today, label="--voor-datum") if req.voor_datum \
        else None
    if req.te_laat:
        before = min(before, today) if before else today
    view = ctx.read(False)
    ids = None
    if req.case is not None:
        check_case_id(req.case)
        state = view.case(req.case)
        if state is None:
            record(ctx, "afspraken", [req.case], "niet gevonden")
            raise not_found(view, req.case, ctx.settings.where)
        ids = [state.case]
    found = view.afspraken(ids, open_only=req.open_only or req.te_laat, due_before=before)
    if req.wie.strip():
        wanted = req.wie.strip().casefold()
        found = [a for a in found if wanted in a.wie.casefold()]
    found = afs.ordered(found)
    record(ctx, "afspraken", [a.case for a in found] or ([req.case] if req.case else []))
    lookup = ctx.kapstokken.lookup(None)
    names = {a.history[0].kapstok.name for a in found}
    return Listing(found, today, {name: kap for name in names if (kap := lookup(name))})


@dataclass
class PlanResult:
    state: CaseState
    kapstok: Kapstok
    rows: list[afs.PlanRow]
    members: list[str]
    today: date


def plan(ctx: Context, case: str, kapstok: str | None) -> PlanResult:
    """One case's plan: the kapstok's leefgebieden with the afspraken on each."""
    check_case_id(case)
    view = ctx.read(False)
    state = view.case(case)
    record(ctx, "plan", [state.case if state else case], "ok" if state else "niet gevonden")
    if state is None:
        raise not_found(view, case, ctx.settings.where)
    kap = ctx.kapstokken.for_case(kapstok, state)
    rows, members = afs.plan(kap, afs.fold(state.history).values())
    return PlanResult(state, kap, rows, members, ctx.now().date())
