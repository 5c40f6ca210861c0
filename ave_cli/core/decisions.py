"""Build decisions from outcomes and case state, and guard what may enter the log. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ave_cli.core.cases import CaseState
from ave_cli.core.guard import check_free_text, looks_like_bsn
from ave_cli.core.messages import AveError, Msg
from ave_cli.core.model import Answers, Decision, Kapstok, Outcome, Phase
from ave_cli.core.rules import advised_phase, evaluate, outcome_for_phase, with_defaults

# the whole id, ASCII only (a `$` would also match before a final newline: 'C-1\n' would pass)
CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", re.ASCII)


def check_case_id(case: str) -> str:
    """A valid pseudonymous case id, or an AveError that says why not."""
    if looks_like_bsn(case):
        raise AveError(Msg("casus '{case}' lijkt op een BSN (negen cijfers die de "
                         "elfproef halen); het caselog mag geen directe "
                         "persoonsgegevens bevatten: gebruik een pseudoniem zoals het "
                         "dossiernummer van het wijkteam", case=case))
    if not CASE_ID.fullmatch(case):
        raise AveError(Msg("casus '{case}' is ongeldig: gebruik 1 tot 64 letters, "
                         "cijfers, '-', '_' of '.', beginnend met een letter of cijfer", case=case))
    return case


def direction(kapstok: Kapstok, before: str | None, after: str | None) -> str | None:
    """'opschaling', 'afschaling' or 'gelijk'; None when there is no earlier phase to compare."""
    if before is None or after is None:
        return None
    a, b = kapstok.rank(before), kapstok.rank(after)
    if a < 0 or b < 0:
        return None
    return "opschaling" if b > a else "afschaling" if b < a else "gelijk"


@dataclass(frozen=True)
class Triage:
    """A triage as decided: the advice, the professional's phase and the resulting decision."""

    advised: Outcome
    outcome: Outcome  # for the decided phase
    decision: Decision
    previous_phase: str | None
    direction: str | None
    casusregisseur: str = ""  # named for the case: given now, or carried over (principle 2)
    procesregisseur: str = ""
    meningsverschil_beslisser: str = ""


def decide_phase(kapstok: Kapstok, advised: Phase, chosen: str | None, motivation: str) -> Phase:
    """The phase the professional decides: the advice, or another phase with a motivation."""
    if chosen is None:
        return advised
    phase = known_phase(kapstok, chosen)
    if phase != advised and not motivation.strip():
        raise AveError(Msg("je kiest fase {phase} terwijl de regels {advised} adviseren: "
                         "geef een motivering met --motivation (de afwijking wordt "
                         "vastgelegd)", phase=phase.id, advised=advised.id))
    return phase


def triage(kapstok: Kapstok, answers: Answers, *, case: str, state: CaseState | None,
           decision_id: str, now: datetime, by: str, chosen: str | None = None,
           motivation: str = "", note: str = "", casusregisseur: str = "",
           procesregisseur: str = "", advised: Outcome | None = None,
           unmet: tuple[str, ...] = ()) -> Triage:
    """Evaluate the answers and build the triage decision for one case. `advised`: the rules'
    outcome for these answers when it is already known (a batch evaluates each distinct set of
    answers once, and its rows with the same answers share one dict, kept as given: nothing
    changes a decision's answers). `unmet`: the down criteria not met, when the professional
    confirmed an afschaling on the review screen (recorded as with ave deescalate)."""
    shared = advised
    if advised is None:
        advised = evaluate(kapstok, answers)
    phase = decide_phase(kapstok, advised.phase, chosen, motivation)
    same = phase is advised.phase or phase == advised.phase
    # Another phase keeps the rules' reasons but gets its own local rules, not the advised one's.
    outcome = advised if same else outcome_for_phase(
        kapstok, phase, answers, advised_phase(kapstok, answers)[1])
    previous = state.phase if state and not state.closed else None
    decision = Decision(
        id=decision_id,
        case=state.case if state else case,  # the case's first spelling
        time=now,
        kind="triage",
        phase_before=previous,
        phase_after=phase.id,
        advised_phase=advised.phase.id,
        motivation=motivation.strip() if not same else "",
        axis="horizontal" if previous is not None and previous != phase.id else None,
        by=by,
        kapstok=kapstok.ref,
        answers=dict(answers) if shared is None else answers,
        reasons=outcome.reasons + unmet_reasons(unmet),
        roles=outcome.roles.as_dict(),
        in_overleg_met=outcome.in_overleg_met,
        advice=tuple(a.text for a in outcome.advice),
        advice_roles=tuple(a.role or "" for a in outcome.advice),
        casusregisseur=casusregisseur,
        procesregisseur=procesregisseur,
        signals=tuple(answers.get("signalen", ())),  # type: ignore[arg-type]
        note=note,
    )
    carried = state if state and not state.closed else None
    return Triage(advised, outcome, decision, previous, direction(kapstok, previous, phase.id),
                  casusregisseur or (carried.casusregisseur if carried else ""),
                  procesregisseur or (carried.procesregisseur if carried else ""),
                  kapstok.meningsverschil_beslisser)


# --- the case lifecycle ----------------------------------------------------------------------

REGIE_ROLES = ("casusregie", "procesregie")


@dataclass(frozen=True)
class Change:
    """A lifecycle decision with what the output explains about it."""

    decision: Decision
    outcome: Outcome | None  # the roles of the phase after (None for a close)
    skipped: tuple[str, ...] = ()  # phases passed over by a horizontal step
    advised: str | None = None  # what the latest answers give under the rules, if any
    replaced: str = ""  # the holder a vertical escalation replaced
    casusregisseur: str = ""  # who holds casusregie for the case after this decision
    procesregisseur: str = ""  # and procesregie


def open_case(state: CaseState | None, case: str, kapstok: Kapstok) -> tuple[CaseState, Phase]:
    """The state and current phase of a case that is known, open and phased in this kapstok."""
    if state is None:
        raise AveError(Msg("casus '{case}' staat niet in het caselog; begin met ave "
                         "triage {case}", case=case))
    if state.closed:
        raise AveError(Msg("casus '{case}' is afgesloten; heropen hem met ave triage "
                         "{case}", case=case))
    phase = kapstok.find_phase(state.phase or "")
    if phase is None:
        raise AveError(Msg("casus '{case}' staat in fase '{phase}', die kapstok "
                         "{kapstok} niet kent; geef de kapstok van de casus mee met "
                         "--kapstok", case=case, phase=state.phase, kapstok=kapstok.name))
    return state, phase


def _reason(reason: str) -> str:
    if not reason.strip():
        raise AveError(Msg("een reden is verplicht: geef --reason TEKST"))
    return check_free_text("--reason", reason.strip())


def unmet_reasons(unmet: tuple[str, ...]) -> tuple[str, ...]:
    """The down criteria an afschaling went ahead without, as the decision records them."""
    return tuple(f"Afschaalcriterium niet (zeker) vervuld: {c}" for c in unmet)


def known_phase(kapstok: Kapstok, phase_id: str) -> Phase:
    """The kapstok's phase with this id, or an error that lists the phases there are."""
    phase = kapstok.phase_named(phase_id)
    if phase is None:
        raise AveError(Msg("fase '{phase}' bestaat niet in kapstok {kapstok} (fasen: "
                         "{items})", phase=phase_id, kapstok=kapstok.name,
                                            items=", ".join(p.id for p in kapstok.phases)))
    return phase


def check_signals(kapstok: Kapstok, signals: tuple[str, ...]) -> tuple[str, ...]:
    """Signal keys as the kapstok's `signalen` question knows them."""
    question = kapstok.question("signalen")
    allowed = question.values if question else ()
    for signal in signals:
        if signal not in allowed:
            raise AveError(Msg("onbekend signaal '{signal}' (toegestaan: {allowed})",
                signal=signal, allowed=', '.join(
                    f"{v} ({question.label(v)})" if question and question.label(v) != v
                    else str(v) for v in allowed)))
    return tuple(dict.fromkeys(signals))


def _advised(kapstok: Kapstok, state: CaseState) -> str | None:
    """The phase the case's latest answers give under the rules; None without (enough) answers."""
    answers = with_defaults(kapstok, state.answers)
    return advised_phase(kapstok, answers)[0].id if answers is not None else None


def _answers_for(kapstok: Kapstok, state: CaseState) -> Answers:
    return with_defaults(kapstok, state.answers) or dict(state.answers)


@dataclass(frozen=True)
class Who:
    """Who decides, when, with which id: the same for every lifecycle decision."""

    by: str
    now: datetime
    decision_id: str
    decided_by: str = ""
    casusregisseur: str = ""
    procesregisseur: str = ""
    in_overleg_met: tuple[str, ...] = ()
    note: str = ""


def _step(kapstok: Kapstok, state: CaseState, current: Phase, target: Phase, *, kind: str,
          reasons: tuple[str, ...], signals: tuple[str, ...], who: Who) -> Change:
    advised = _advised(kapstok, state)
    low, high = sorted((kapstok.phases.index(current), kapstok.phases.index(target)))
    skipped = tuple(p.id for p in kapstok.phases[low + 1:high])
    outcome = outcome_for_phase(kapstok, target, _answers_for(kapstok, state))
    decision = Decision(
        id=who.decision_id, case=state.case, time=who.now, kind=kind,
        phase_before=current.id, phase_after=target.id, advised_phase=advised,
        motivation=reasons[0] if advised and advised != target.id else "",
        axis="horizontal", by=who.by, decided_by=who.decided_by, kapstok=kapstok.ref,
        reasons=reasons, roles=outcome.roles.as_dict(), in_overleg_met=who.in_overleg_met,
        casusregisseur=who.casusregisseur, procesregisseur=who.procesregisseur,
        signals=signals, note=who.note,
    )
    return Change(decision, outcome, skipped, advised,
                  casusregisseur=who.casusregisseur or state.casusregisseur or "",
                  procesregisseur=who.procesregisseur or state.procesregisseur or "")


def escalate(kapstok: Kapstok, state: CaseState | None, case: str, *, to: str, reason: str,
             signals: tuple[str, ...], who: Who) -> Change:
    """Horizontal opschaling: the case moves to a higher phase (skipping phases is allowed)."""
    state, current = open_case(state, case, kapstok)
    target = known_phase(kapstok, to)
    if kapstok.phases.index(target) <= kapstok.phases.index(current):
        raise AveError(Msg("opschalen kan alleen naar een fase boven {current}; om naar "
                         "{target} te gaan gebruik je ave deescalate {case} --to "
                         "{target}", current=current.id, target=target.id, case=case)
                       if target != current else
                       Msg("casus '{case}' staat al in fase {current}; voor een extra "
                         "regisseur in dezelfde fase gebruik je --role procesregie "
                         "--holder NAAM", case=case, current=current.id))
    return _step(kapstok, state, current, target, kind="escalation", reasons=(_reason(reason),),
                 signals=check_signals(kapstok, signals), who=who)


def deescalate(kapstok: Kapstok, state: CaseState | None, case: str, *, to: str, reason: str,
               unmet: tuple[str, ...], who: Who) -> Change:
    """Afschaling: the case moves to a lower phase; unmet down criteria are recorded."""
    state, current = open_case(state, case, kapstok)
    target = known_phase(kapstok, to)
    if kapstok.phases.index(target) >= kapstok.phases.index(current):
        raise AveError(Msg("afschalen kan alleen naar een fase onder {current}; om naar "
                         "{target} te gaan gebruik je ave escalate {case} --to {target}",
                             current=current.id, target=target.id, case=case)
                       if target != current else Msg("casus '{case}' staat al in fase "
                                                   "{current}", case=case, current=current.id))
    reasons = (_reason(reason),) + unmet_reasons(unmet)
    return _step(kapstok, state, current, target, kind="deescalation", reasons=reasons,
                 signals=(), who=who)


def add_regisseur(kapstok: Kapstok, state: CaseState | None, case: str, *, role: str,
                  holder: str, reason: str, who: Who) -> Change:
    """Vertical opschaling: the phase stays; a casus- or procesregisseur is added or replaced."""
    state, current = open_case(state, case, kapstok)
    if role not in REGIE_ROLES:
        raise AveError(Msg("rol '{role}' kan hier niet per casus worden belegd; kies "
                         "casusregie of procesregie (de overige verantwoordelijkheden "
                         "staan vast in de kapstok)", role=role))
    if not holder.strip():
        raise AveError(Msg("noem wie de {role} krijgt met --holder NAAM", role=role))
    holder = check_free_text("--holder", holder.strip())
    field_name = "casusregisseur" if role == "casusregie" else "procesregisseur"
    previous = getattr(state, field_name)
    if previous == holder:
        raise AveError(Msg("{holder} heeft de {role} van casus '{case}' al",
            holder=holder, role=role, case=case))
    reasons = (_reason(reason),) + ((f"Vervangt {field_name} {previous}",) if previous else ())
    outcome = outcome_for_phase(kapstok, current, _answers_for(kapstok, state))
    decision = Decision(
        id=who.decision_id, case=state.case, time=who.now, kind="escalation",
        phase_before=current.id, phase_after=current.id, axis="vertical", by=who.by,
        decided_by=who.decided_by, kapstok=kapstok.ref, reasons=reasons,
        roles=outcome.roles.as_dict(), in_overleg_met=who.in_overleg_met, role=role,
        casusregisseur=holder if role == "casusregie" else who.casusregisseur,
        procesregisseur=holder if role == "procesregie" else who.procesregisseur,
        note=who.note,
    )
    return Change(decision, outcome, replaced=previous,
                  casusregisseur=decision.casusregisseur or state.casusregisseur or "",
                  procesregisseur=decision.procesregisseur or state.procesregisseur or "")


def close(kapstok: Kapstok, state: CaseState | None, case: str, *, reason: str,
          who: Who) -> Change:
    """End a case (no further help needed, or handed to the voorliggend veld)."""
    state, current = open_case(state, case, kapstok)
    decision = Decision(
        id=who.decision_id, case=state.case, time=who.now, kind="close",
        phase_before=current.id, phase_after=None, by=who.by, decided_by=who.decided_by,
        kapstok=kapstok.ref, reasons=(_reason(reason),), in_overleg_met=who.in_overleg_met,
        note=who.note,
    )
    return Change(decision, None)
