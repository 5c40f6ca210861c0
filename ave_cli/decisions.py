"""Build decisions from outcomes and case state, and guard what may enter the log. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ave_cli.cases import CaseState
from ave_cli.model import Answers, AveError, Decision, Kapstok, Outcome, Phase
from ave_cli.rules import evaluate, outcome_for_phase

CASE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_DIGIT_RUNS = re.compile(r"\d+")
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


def passes_elfproef(digits: str) -> bool:
    """The BSN eleven-test on nine digits (not all zero)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    return sum(int(d) * w for d, w in zip(digits, _BSN_WEIGHTS)) % 11 == 0


def looks_like_bsn(text: str) -> bool:
    """Nine digits that pass the elfproef, alone or spread with separators ('123.456.782')."""
    runs = _DIGIT_RUNS.findall(text)
    candidates = [run for run in runs if len(run) == 9]
    # Also nine digits written in groups (dots, dashes, spaces) within one token.
    for token in re.findall(r"\d[\d.\- ]{7,14}\d", text):
        digits = re.sub(r"\D", "", token)
        if len(digits) == 9:
            candidates.append(digits)
    return any(passes_elfproef(c) for c in candidates)


def check_case_id(case: str) -> str:
    """A valid pseudonymous case id, or an AveError that says why not."""
    if looks_like_bsn(case):
        raise AveError(f"zaak-id '{case}' lijkt op een BSN (negen cijfers die de elfproef halen); "
                       "het caselog mag geen directe persoonsgegevens bevatten: gebruik een pseudoniem "
                       "zoals het dossiernummer van het wijkteam")
    if not CASE_ID.match(case):
        raise AveError(f"zaak-id '{case}' is ongeldig: gebruik 1 tot 64 letters, cijfers, '-', '_' of "
                       "'.', beginnend met een letter of cijfer")
    return case


def check_free_text(label: str, text: str) -> str:
    """Refuse free text that holds a BSN-like number (the log holds no direct identifiers)."""
    if looks_like_bsn(text):
        raise AveError(f"{label} bevat een nummer dat op een BSN lijkt; laat directe "
                       "persoonsgegevens weg uit het caselog")
    return text


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


def decide_phase(kapstok: Kapstok, advised: Phase, chosen: str | None, motivation: str) -> Phase:
    """The phase the professional decides: the advice, or another phase with a motivation."""
    if chosen is None:
        return advised
    phase = kapstok.find_phase(chosen)
    if phase is None:
        raise AveError(f"fase '{chosen}' bestaat niet in kapstok {kapstok.name} "
                       f"(fasen: {', '.join(p.id for p in kapstok.phases)})")
    if phase != advised and not motivation.strip():
        raise AveError(f"je kiest fase {phase.id} terwijl de regels {advised.id} adviseren: geef een "
                       "motivering met --motivation (de afwijking wordt vastgelegd)")
    return phase


def triage(kapstok: Kapstok, answers: Answers, *, case: str, state: CaseState | None,
           decision_id: str, now: datetime, by: str, chosen: str | None = None,
           motivation: str = "", note: str = "", casusregisseur: str = "",
           procesregisseur: str = "") -> Triage:
    """Evaluate the answers and build the triage decision for one case."""
    advised = evaluate(kapstok, answers)
    phase = decide_phase(kapstok, advised.phase, chosen, motivation)
    outcome = advised if phase == advised.phase else outcome_for_phase(
        kapstok, phase, answers, advised.reasons)
    previous = state.phase if state and not state.closed else None
    decision = Decision(
        id=decision_id,
        case=case,
        time=now,
        kind="triage",
        phase_before=previous,
        phase_after=phase.id,
        advised_phase=advised.phase.id,
        motivation=motivation.strip() if phase != advised.phase else "",
        axis="horizontal" if previous is not None and previous != phase.id else None,
        by=by,
        kapstok=kapstok.ref,
        answers=dict(answers),
        reasons=outcome.reasons,
        roles=outcome.roles.as_dict(),
        in_overleg_met=outcome.in_overleg_met,
        advice=tuple(a.text for a in outcome.advice),
        casusregisseur=casusregisseur,
        procesregisseur=procesregisseur,
        signals=tuple(answers.get("signalen", ())),  # type: ignore[arg-type]
        note=note,
    )
    return Triage(advised, outcome, decision, previous, direction(kapstok, previous, phase.id))
