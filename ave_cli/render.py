"""Everything users see: rich panels and tables, and the JSON forms. The only module using rich."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ave_cli.decisions import Triage
from ave_cli.model import ROLE_KEYS, ROLE_TITLES, Answers, Kapstok, Outcome, Phase

KIND_LABELS = {"triage": "triage", "escalation": "opschaling", "deescalation": "afschaling",
               "close": "afsluiting", "reevaluation": "herbeoordeling"}
AXIS_LABELS = {"horizontal": "horizontaal", "vertical": "verticaal"}


def out() -> Console:
    return Console(highlight=False)


def err() -> Console:
    return Console(stderr=True, highlight=False)


def error(message: str) -> None:
    err().print(Text(f"ave: fout: {message}", style="bold red"), soft_wrap=True)


def warning(message: str) -> None:
    err().print(Text(f"ave: let op: {message}", style="yellow"), soft_wrap=True)


def info(message: str) -> None:
    err().print(Text(message), soft_wrap=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def phase_style(phase: Phase) -> str:
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    try:
        Style.parse(phase.colour)
    except StyleSyntaxError:
        return "bold"
    return f"bold {phase.colour}"


def phase_text(phase: Phase) -> Text:
    return Text(f"● {phase.label}", style=phase_style(phase))


def _roles_table(outcome: Outcome) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for key in ROLE_KEYS:
        table.add_row(ROLE_TITLES[key], getattr(outcome.roles, key))
    table.add_row("In overleg met", ", ".join(outcome.in_overleg_met) or "—")
    return table


def _bullets(items: tuple[str, ...] | list[str]) -> Text:
    return Text("\n".join(f"• {item}" for item in items) or "—")


def triage_panel(result: Triage, kapstok: Kapstok, *, dry_run: bool,
                 casusregisseur: str = "", procesregisseur: str = "") -> Panel:
    """The outcome of a triage: phase in its colour, reasons, roles, advice, up and down."""
    decision, outcome = result.decision, result.outcome
    phase = outcome.phase
    head = Text.assemble(("Fase ", "bold"), phase_text(phase), f"  —  {phase.description}")
    parts: list[Any] = [head]
    if result.previous_phase is not None:
        movement = {"opschaling": "opschaling", "afschaling": "afschaling",
                    "gelijk": "fase blijft gelijk"}.get(result.direction or "", "andere kapstok")
        parts.append(Text(f"Vorige fase: {result.previous_phase}  →  {movement}", style="bold"))
    if decision.advised_phase != decision.phase_after:
        parts.append(Text(f"Advies van de regels: fase {decision.advised_phase}; besloten: "
                          f"{decision.phase_after}. Motivering: {decision.motivation}",
                          style="bold yellow"))
    parts += [Text("\nWaarom", style="bold underline"), _bullets(list(decision.reasons)),
              Text("\nRollen", style="bold underline"), _roles_table(outcome)]
    if casusregisseur or procesregisseur:
        parts.append(Text(f"Genoemd: casusregisseur {casusregisseur or '—'}, procesregisseur "
                          f"{procesregisseur or '—'}"))
    if outcome.advice:
        parts += [Text("\nAdvies", style="bold underline"),
                  _bullets([f"{a.text} Waarom: {'; '.join(a.reasons)}" for a in outcome.advice])]
    if phase.notes:
        parts += [Text("\nAfspraken", style="bold underline"), _bullets(list(phase.notes))]
    parts.append(Text("\nOpschalen", style="bold underline"))
    if outcome.next_phase is None:
        parts.append(Text("Dit is de hoogste fase."))
    else:
        parts.append(Text(f"Door: {phase.opschalen_door or '—'}\nNaar {outcome.next_phase.label} "
                          f"bij: {outcome.next_phase.opschalen_criteria or '—'}"))
    parts += [Text("\nAfschalen", style="bold underline"),
              _bullets(list(phase.afschalen_criteria)) if phase.afschalen_criteria
              else Text("— (dit is de laagste fase)")]
    saved = ("proefdraai: niets opgeslagen" if dry_run
             else f"opgeslagen als besluit {decision.id}")
    title = f"Triage {decision.case} · kapstok {kapstok.name} {kapstok.version}"
    return Panel(Group(*parts), title=title, subtitle=saved, border_style=phase_style(phase))


def triage_json(result: Triage, *, dry_run: bool) -> dict[str, Any]:
    decision, outcome = result.decision, result.outcome
    return {
        "case": decision.case,
        "phase": decision.phase_after,
        "advised_phase": decision.advised_phase,
        "previous_phase": result.previous_phase,
        "direction": result.direction,
        "motivation": decision.motivation or None,
        "kapstok": asdict(decision.kapstok),
        "reasons": list(decision.reasons),
        "roles": {**outcome.roles.as_dict(), "in_overleg_met": list(outcome.in_overleg_met)},
        "advice": [a.text for a in outcome.advice],
        "opschalen_door": outcome.phase.opschalen_door,
        "next_phase": outcome.next_phase.id if outcome.next_phase else None,
        "next_phase_criteria": outcome.next_phase.opschalen_criteria if outcome.next_phase else None,
        "afschalen_criteria": list(outcome.phase.afschalen_criteria),
        "casusregisseur": decision.casusregisseur or None,
        "procesregisseur": decision.procesregisseur or None,
        "decision_id": None if dry_run else decision.id,
    }


def review_panel(kapstok: Kapstok, answers: Answers, outcome: Outcome) -> Panel:
    """The review screen before saving: every answer and the advised phase."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    for question in kapstok.questions:
        value = answers.get(question.key)
        shown = (", ".join(question.label(v) for v in value) or "geen") if isinstance(value, list) \
            else question.label(value) if value is not None else "—"
        table.add_row(question.text, shown)
    advice = Text.assemble(("\nAdvies van de regels: ", "bold"), phase_text(outcome.phase))
    reasons = _bullets(list(outcome.reasons))
    return Panel(Group(table, advice, reasons), title="Controleer de antwoorden",
                 border_style=phase_style(outcome.phase))


def kapstok_table(kapstok: Kapstok) -> Group:
    """The kapstok as a phase x role matrix in the phase colours (figure 1 of the Handreiking)."""
    matrix = Table(title=f"Kapstok {kapstok.title} ({kapstok.name} {kapstok.version})",
                   show_lines=True, expand=True)
    scaling = Table(title="Op- en afschalen", show_lines=True, expand=True)
    # fold, never truncate: a cut-off role name would mislead
    for header in ("Fase", "Casusregie", "Procesregie", "Operationeel verantwoordelijk",
                   "Bestuurlijk verantwoordelijk", "In overleg met"):
        matrix.add_column(header, overflow="fold")
    for header in ("Fase", "Opschalen door", "Naar deze fase bij", "Afschalen als"):
        scaling.add_column(header, overflow="fold", ratio=1 if header == "Fase" else 3)
    for phase in reversed(kapstok.phases):
        label = Text(phase.label, style=phase_style(phase))
        matrix.add_row(label, *(Text(getattr(phase.roles, key)) for key in ROLE_KEYS),
                       Text(", ".join(phase.in_overleg_met) or "—"))
        scaling.add_row(label, Text(phase.opschalen_door or "—"),
                        Text(phase.opschalen_criteria or "—"), _bullets(list(phase.afschalen_criteria)))
    parts: list[Any] = [matrix, scaling]
    rules = [f"{r.reason} (fasen {', '.join(r.phases)})" for r in kapstok.local_rules]
    if rules or kapstok.notes:
        parts += [Text("Lokale regels en afspraken", style="bold underline"),
                  _bullets(rules + list(kapstok.notes))]
    if kapstok.meningsverschil_beslisser:
        parts.append(Text(f"Bij een meningsverschil besluit: {kapstok.meningsverschil_beslisser}"))
    return Group(*parts)


def kapstok_json(kapstok: Kapstok) -> dict[str, Any]:
    data = asdict(kapstok)
    return json.loads(json.dumps(data, default=str))
