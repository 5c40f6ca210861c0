"""Views on case state for `ave show` and `ave report`. Pure: `now` is passed in."""

from __future__ import annotations

from datetime import datetime

from ave_cli.cases import CaseState
from ave_cli.model import Advice, Kapstok
from ave_cli.rules import outcome_for_phase, with_defaults


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
