"""Everything users see: rich panels and tables, and the JSON forms. The only module using rich."""

from __future__ import annotations

import heapq
import json
import sys
from dataclasses import asdict
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ave_cli.cases import CaseState, open_advice
from ave_cli.model import (
    ROLE_KEYS,
    ROLE_TITLES,
    Answers,
    Decision,
    Kapstok,
    Outcome,
    Phase,
    Roles,
)
from ave_cli.report import (
    FLAGS,
    Reevaluation,
    ReevaluationRun,
    Report,
    days_between,
    local_date,
    urgency,
)

if TYPE_CHECKING:
    from ave_cli.decisions import Change, Triage

KIND_LABELS = {"triage": "triage", "escalation": "opschaling", "deescalation": "afschaling",
               "close": "afsluiting", "reevaluation": "herbeoordeling"}
AXIS_LABELS = {"horizontal": "horizontaal", "vertical": "verticaal"}


def out() -> Console:
    return Console(highlight=False)


def err() -> Console:
    return Console(stderr=True, highlight=False)


def visible(text: str) -> str:
    """User input quoted in a message, with control characters shown as escapes: a message stays
    one line and cannot drive the terminal."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii")
                   for ch in text)


def error(message: str) -> None:
    err().print(Text(f"ave: fout: {visible(message)}", style="bold red"), soft_wrap=True)


def warning(message: str) -> None:
    err().print(Text(f"ave: let op: {visible(message)}", style="yellow"), soft_wrap=True)


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


def _grid() -> Table:
    """Two columns without borders: a bold label and its value."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    return table


def _roles_table(roles: Roles, in_overleg_met: tuple[str, ...]) -> Table:
    table = _grid()
    for key in ROLE_KEYS:
        table.add_row(ROLE_TITLES[key], getattr(roles, key))
    table.add_row("In overleg met", ", ".join(in_overleg_met) or "—")
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
              Text("\nRollen", style="bold underline"), _roles_table(outcome.roles, outcome.in_overleg_met)]
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


def batch_table(results: list[Triage], *, dry_run: bool) -> Table:
    saved = "proefdraai: niets opgeslagen" if dry_run else f"{len(results)} besluiten opgeslagen"
    table = Table(title=f"Batchtriage: {len(results)} casussen", caption=saved)
    for header in ("Casus", "Vorige fase", "Fase", "Richting", "Advies"):
        table.add_column(header, overflow="fold")
    for r in results:
        table.add_row(r.decision.case, r.previous_phase or "—",
                      Text(r.outcome.phase.id, style=phase_style(r.outcome.phase)),
                      r.direction or "nieuw", "\n".join(a.text for a in r.outcome.advice) or "—")
    return table


def review_panel(kapstok: Kapstok, answers: Answers, outcome: Outcome) -> Panel:
    """The review screen before saving: every answer and the advised phase."""
    table = _grid()
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
    for header in ("Fase", "Casusregie", "Procesregie", "Operationeel", "Bestuurlijk",
                   "In overleg met"):
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


def start_screen(version: str, kapstok: Kapstok, log: Any, open_cases: int | None) -> Group:
    """What `ave` alone shows: where you are, and where to begin."""
    facts = _grid()
    facts.add_row("Kapstok", f"{kapstok.name} {kapstok.version} ({kapstok.title})")
    facts.add_row("Caselog", f"{log}" + ("  (nog leeg)" if open_cases is None else
                                       f"  ({open_cases} open casussen)"))
    start = _grid()
    start.add_row("ave triage", "een casus beoordelen: vragen, advies van de regels, jouw besluit")
    start.add_row("ave report", "alle open casussen per fase, met signaleringen")
    start.add_row("ave kapstok", "wie welke regie en verantwoordelijkheid heeft, per fase")
    return Group(Text(f"ave {version}: AVE, Aanpak ter Voorkoming van Escalatie", style="bold"),
                 facts, Text("\nProbeer", style="bold underline"), start,
                 Text("\nAlle opdrachten en opties: ave --help"))


def kapstok_json(kapstok: Kapstok) -> dict[str, Any]:
    data = asdict(kapstok)
    return json.loads(json.dumps(data, default=str))


# --- lifecycle -------------------------------------------------------------------------------

def _movement(change: Change, kapstok: Kapstok) -> Text:
    d = change.decision
    if d.kind == "close":
        return Text(f"Casus afgesloten (was fase {d.phase_before}).", style="bold")
    after = kapstok.find_phase(d.phase_after or "")
    if d.axis == "vertical":
        holder = d.casusregisseur if d.role == "casusregie" else d.procesregisseur
        replaced = f" (vervangt {change.replaced})" if change.replaced else ""
        return Text.assemble(("Fase ", "bold"), phase_text(after) if after else d.phase_after or "",
                             f" blijft. Verticale opschaling: {d.role} → {holder}{replaced}")
    skipped = f"; overgeslagen: {', '.join(change.skipped)}" if change.skipped else ""
    return Text.assemble(("Fase ", "bold"), f"{d.phase_before} → ",
                         phase_text(after) if after else d.phase_after or "",
                         f"  ({KIND_LABELS[d.kind]}, horizontaal{skipped})")


def change_panel(change: Change, kapstok: Kapstok, *, dry_run: bool) -> Panel:
    """What an escalate, deescalate or close decided, and what the kapstok says about it."""
    d = change.decision
    parts: list[Any] = [_movement(change, kapstok), Text("\nWaarom", style="bold underline"),
                        _bullets(list(d.reasons))]
    if change.advised and d.phase_after and change.advised != d.phase_after:
        side = "halen" if d.kind == "escalation" else "adviseren nog"
        parts.append(Text(f"\nLet op: de laatste triage-antwoorden geven volgens de regels fase "
                          f"{change.advised}; zij {side} fase {d.phase_after} niet. Jij besluit; "
                          "je reden is vastgelegd als motivering.", style="bold yellow"))
    if d.signals:
        parts.append(Text(f"Signalen: {', '.join(d.signals)}"))
    if d.in_overleg_met:
        parts.append(Text(f"In overleg met: {', '.join(d.in_overleg_met)}"))
    if change.outcome is not None:
        parts += [Text("\nRollen", style="bold underline"), _roles_table(change.outcome.roles, change.outcome.in_overleg_met)]
    before = kapstok.find_phase(d.phase_before or "")
    if d.kind == "escalation" and d.axis == "horizontal" and before is not None:
        parts.append(Text(f"\nOpschalen vanuit {before.id} gebeurt volgens de kapstok door: "
                          f"{before.opschalen_door or '—'}"))
    if d.decided_by:
        parts.append(Text(f"Meningsverschil beslecht door: {d.decided_by}", style="bold"))
    elif kapstok.meningsverschil_beslisser and d.kind in ("escalation", "deescalation"):
        parts.append(Text(f"Bij een meningsverschil over op- of afschalen besluit volgens de kapstok: "
                          f"{kapstok.meningsverschil_beslisser} (leg vast met --decided-by)."))
    saved = "proefdraai: niets opgeslagen" if dry_run else f"opgeslagen als besluit {d.id}"
    style = phase_style(change.outcome.phase) if change.outcome else "bold"
    return Panel(Group(*parts), title=f"{KIND_LABELS[d.kind].capitalize()} {d.case} · kapstok "
                 f"{kapstok.name} {kapstok.version}", subtitle=saved, border_style=style)


def decision_json(d: Decision) -> dict[str, Any]:
    data = asdict(d)
    data["time"] = d.time.isoformat()
    return data


def change_json(change: Change, *, dry_run: bool) -> dict[str, Any]:
    d = change.decision
    outcome = change.outcome
    return {
        "case": d.case, "kind": d.kind, "axis": d.axis, "previous_phase": d.phase_before,
        "phase": d.phase_after, "advised_phase": change.advised, "skipped": list(change.skipped),
        "role": d.role or None, "replaced": change.replaced or None,
        "casusregisseur": d.casusregisseur or None, "procesregisseur": d.procesregisseur or None,
        "reasons": list(d.reasons), "signals": list(d.signals),
        "in_overleg_met": list(d.in_overleg_met), "decided_by": d.decided_by or None,
        "roles": ({**outcome.roles.as_dict(), "in_overleg_met": list(outcome.in_overleg_met)}
                  if outcome else None),
        "decision_id": None if dry_run else d.id,
    }


def _state_facts(state: CaseState, kapstok: Kapstok, now: datetime) -> dict[str, Any]:
    return {
        "case": state.case,
        "closed": state.closed,
        "phase": state.phase,
        "since": state.since.isoformat() if state.since else None,
        "days_in_phase": days_between(state.since, now),
        "casusregisseur": state.casusregisseur or None,
        "procesregisseur": state.procesregisseur or None,
        "open_advice": [text for text, _ in open_advice(state)],
        "kapstok": state.kapstok_name,
    }


def case_json(state: CaseState, kapstok: Kapstok, now: datetime) -> dict[str, Any]:
    return {**_state_facts(state, kapstok, now),
            "timeline": [decision_json(d) for d in state.history]}


def case_view(state: CaseState, kapstok: Kapstok, now: datetime) -> Group:
    """The case as a film: the current state on top, then every decision in order."""
    facts = _state_facts(state, kapstok, now)
    phase = kapstok.find_phase(state.phase or "")
    top = _grid()
    if state.closed:
        top.add_row("Fase", Text(f"afgesloten op {state.since:%Y-%m-%d}", style="bold"))
    else:
        top.add_row("Fase", phase_text(phase) if phase else Text(state.phase or "—"))
        top.add_row("Sinds", f"{state.since:%Y-%m-%d} ({facts['days_in_phase']} dagen)")
    top.add_row("Casusregisseur", state.casusregisseur or "— (niet genoemd)")
    top.add_row("Procesregisseur", state.procesregisseur or "— (niet genoemd)")
    top.add_row("Open advies", "\n".join(facts["open_advice"]) or "—")
    top.add_row("Kapstok", state.kapstok_name)
    film = Table(title="Verloop", show_lines=True, expand=True)
    for header in ("#", "Tijd", "Soort", "Fase", "As", "Door", "Toelichting"):
        film.add_column(header, overflow="fold", ratio=4 if header == "Toelichting" else None)
    for n, d in enumerate(state.history, start=1):
        film.add_row(str(n), f"{d.time:%Y-%m-%d %H:%M}", KIND_LABELS[d.kind],
                     _phase_step(d), AXIS_LABELS.get(d.axis or "", "—"), d.by, _explain(d))
    return Group(Panel(top, title=f"Casus {state.case}",
                       border_style=phase_style(phase) if phase and not state.closed else "bold"),
                 film)


def _phase_step(d: Decision) -> str:
    if d.kind == "close":
        return f"{d.phase_before} → afgesloten"
    if d.phase_before and d.phase_before != d.phase_after:
        return f"{d.phase_before} → {d.phase_after}"
    return d.phase_after or "—"


def _explain(d: Decision) -> str:
    lines = list(d.reasons)
    if d.advised_phase and d.advised_phase != d.phase_after and d.kind != "close":
        lines.append(f"Advies was {d.advised_phase}; motivering: {d.motivation or '—'}")
    if d.role:
        holder = d.casusregisseur if d.role == "casusregie" else d.procesregisseur
        lines.append(f"{d.role}: {holder}")
    else:
        named = [f"{label} {name}" for label, name in (("casusregisseur", d.casusregisseur),
                                                       ("procesregisseur", d.procesregisseur)) if name]
        if named:
            lines.append("Genoemd: " + ", ".join(named))
    if d.signals:
        lines.append(f"Signalen: {', '.join(d.signals)}")
    if d.in_overleg_met and d.kind != "triage":
        lines.append(f"In overleg met: {', '.join(d.in_overleg_met)}")
    if d.decided_by:
        lines.append(f"Meningsverschil beslecht door {d.decided_by}")
    if d.note:
        lines.append(f"Notitie: {d.note}")
    return "\n".join(f"• {line}" for line in lines)


# --- report, reevaluate, export ------------------------------------------------------------

def report_rows(report: Report) -> list[dict[str, Any]]:
    """One flat dict per case: the same data for JSON and CSV."""
    return [{
        "case": r.case, "phase": r.phase, "closed": r.closed,
        "since": local_date(r.since),
        "days_in_phase": r.days_in_phase, "casusregisseur": r.casusregisseur or None,
        "procesregisseur": r.procesregisseur or None, "last_kind": r.last_kind,
        "last_date": local_date(r.last_time), "kapstok": r.kapstok,
        "flags": list(r.flags),
    } for r in report.rows]


def report_json(report: Report) -> dict[str, Any]:
    return {
        "open": report.open_total,
        "counts": [{"kapstok": c.kapstok, "phase": c.phase, "count": c.count,
                    "share": round(c.share, 4)} for c in report.counts],
        "cases": report_rows(report),
    }


def report_view(report: Report, *, limit: int = 0) -> Group:
    counts = Table(title=f"Open casussen: {report.open_total}")
    for header in ("Kapstok", "Fase", "Aantal", "Aandeel"):
        counts.add_column(header, justify="right" if header in ("Aantal", "Aandeel") else "left")
    for c in report.counts:
        style = f"bold {c.colour}" if c.colour else "bold"
        counts.add_row(c.kapstok, Text(f"● {c.label}", style=style), str(c.count),
                       f"{c.share:.0%}")
    cases = Table(title="Casussen", expand=True)
    for header in ("Casus", "Fase", "Sinds", "Dagen", "Casusregisseur", "Procesregisseur",
                   "Laatste besluit", "Signaleringen"):
        cases.add_column(header, overflow="fold")
    rows = report.rows
    shown = heapq.nsmallest(limit, rows, key=urgency) if limit else sorted(rows, key=urgency)
    for r in shown:
        cases.add_row(r.case, r.phase or "afgesloten", local_date(r.since) or "—",
                      "—" if r.days_in_phase is None else str(r.days_in_phase),
                      r.casusregisseur or "—", r.procesregisseur or "—",
                      f"{KIND_LABELS[r.last_kind]} {local_date(r.last_time)}",
                      Text("\n".join(FLAGS[f] for f in r.flags), style="bold red"))
    if not report.rows:
        return Group(counts, Text("Geen casussen die aan de filters voldoen."))
    if len(shown) < len(rows):
        return Group(counts, cases, Text(f"… en nog {len(rows) - len(shown)} casussen; --limit 0 "
                                         "toont ze allemaal, --format csv geeft ze voor een "
                                         "spreadsheet."))
    return Group(counts, cases)


def reevaluation_json(run: ReevaluationRun, *, applied: int) -> dict[str, Any]:
    def item(r: Reevaluation) -> dict[str, Any]:
        return {"case": r.state.case, "from": r.state.phase, "from_kapstok": r.state.kapstok_name,
                "to": r.outcome.phase.id, "kapstok": r.kapstok.name,
                "reasons": list(r.outcome.reasons)}

    return {"changes": [item(r) for r in run.changes],
            "departures": [item(r) for r in run.departures], "unchanged": run.unchanged,
            "skipped": [{"case": c, "why": why} for c, why in run.skipped], "applied": applied}


def reevaluation_view(run: ReevaluationRun, *, applied: int, include_overrides: bool,
                      limit: int = 0) -> Group:
    def table(title: str, items: list[Reevaluation]) -> Group:
        t = Table(title=title, expand=True, show_lines=True)
        for header in ("Casus", "Van", "Naar", "Waarom"):
            t.add_column(header, overflow="fold", ratio=4 if header == "Waarom" else 1)
        for r in items[:limit] if limit else items:
            source = (f"{r.state.phase} ({r.state.kapstok_name})"
                      if r.state.kapstok_name != r.kapstok.name else r.state.phase or "—")
            t.add_row(r.state.case, source, Text(r.outcome.phase.id,
                                                 style=phase_style(r.outcome.phase)),
                      "\n".join(f"• {reason}" for reason in r.outcome.reasons))
        if limit and len(items) > limit:
            return Group(t, Text(f"… en nog {len(items) - limit}; --limit 0 toont ze allemaal, "
                                 "--format json geeft ze voor een script."))
        return Group(t)

    parts: list[Any] = []
    if run.changes:
        parts.append(table(f"Fase verandert: {len(run.changes)} casussen", run.changes))
    if run.departures:
        note = ("meegenomen" if include_overrides else
                "niet herbeoordeeld; neem mee met --include-overrides of doe een nieuwe triage")
        parts.append(table(f"Afwijkend besluit van een professional ({note}): "
                           f"{len(run.departures)}", run.departures))
    summary = f"Ongewijzigd: {run.unchanged}. Veranderd: {len(run.changes)}."
    if run.skipped:
        summary += " Overgeslagen: " + "; ".join(f"{c} ({why})" for c, why in run.skipped) + "."
    summary += (f" Vastgelegd: {applied} besluiten 'reevaluation'." if applied
                else " Er is niets vastgelegd" + (" (gebruik --apply)." if run.changes else "."))
    parts.append(Text(summary))
    return Group(*parts)


def flat_decision(d: Decision) -> dict[str, Any]:
    """A decision as one flat row: nested tables become dotted columns."""
    row: dict[str, Any] = {}
    for key, value in decision_json(d).items():
        if isinstance(value, dict):
            row.update({f"{key}.{k}": v for k, v in value.items()})
        else:
            row[key] = value
    return row


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        value = "; ".join(map(str, value))
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text  # no formulas in spreadsheets


def write_csv(stream: Any, rows: list[dict[str, Any]]) -> None:
    import csv

    columns = list(dict.fromkeys(key for row in rows for key in row))
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])


def write_export(stream: Any, rows: list[dict[str, Any]], fmt: str) -> None:
    if fmt == "csv":
        write_csv(stream, rows)
        return
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- uitleg ----------------------------------------------------------------------------------

def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def uitleg(kapstok: Kapstok) -> Group:
    """AVE explained from the active kapstok: axes, phases, responsibilities, principles, local rules."""
    from ave_cli import uitleg as u

    parts: list[Any] = [Text(f"AVE volgens kapstok {kapstok.title} ({kapstok.name} "
                             f"{kapstok.version})", style="bold"), Text(u.INTRO)]
    parts.append(_heading("Twee assen"))
    parts += [Text.assemble((f"{name}: ", "bold"), text) for name, text in u.AXES]
    parts.append(_heading("De fasen, van licht naar zwaar"))
    for phase in kapstok.phases:
        share = f" ({phase.share})" if phase.share else ""
        parts.append(Text.assemble(phase_text(phase), f"{share}: {phase.description}"))
    parts.append(_heading("Vier verantwoordelijkheden per fase"))
    parts += [Text.assemble((f"{ROLE_TITLES[key]}: ", "bold"), text)
              for key, text in u.RESPONSIBILITIES.items()]
    parts.append(_heading("Zeven leidende principes"))
    parts += [Text(f"{n}. {text}") for n, text in enumerate(u.PRINCIPLES, start=1)]
    rules = [f"{r.reason} (fasen {', '.join(r.phases)})" for r in kapstok.local_rules]
    if rules or kapstok.notes or kapstok.meningsverschil_beslisser:
        parts.append(_heading("Lokale regels en afspraken van deze kapstok"))
        parts.append(_bullets(rules + list(kapstok.notes)))
        if kapstok.meningsverschil_beslisser:
            parts.append(Text(f"Bij een meningsverschil over op- of afschalen besluit: "
                              f"{kapstok.meningsverschil_beslisser}."))
    parts.append(Text("\nMeer over één fase of rol: ave uitleg FASE, ave uitleg casusregie"))
    return Group(*parts)


def uitleg_phase(kapstok: Kapstok, phase: Phase) -> Panel:
    """One phase: its starting situation, who holds what, the rules that lead here, up and down."""
    parts: list[Any] = [Text(phase.description)]
    if phase.share:
        parts.append(Text(f"Aandeel: {phase.share}."))
    parts += [_heading("Rollen"), _roles_table(phase.roles, phase.in_overleg_met),
              _heading("Wanneer deze fase")]
    if phase.match == "otherwise":
        parts.append(Text(phase.otherwise_reason))
    else:
        parts.append(Text("Als één van deze criteria geldt:" if phase.match == "any"
                          else "Als al deze criteria gelden:"))
        parts.append(_bullets([c.reason for c in phase.criteria]))
    local = [r.reason for r in kapstok.local_rules if phase.id in r.phases]
    if local or phase.notes:
        parts += [_heading("Lokale regels en afspraken"), _bullets(local + list(phase.notes))]
    above = kapstok.phase_above(phase)
    parts.append(_heading("Opschalen"))
    parts.append(Text(f"Door: {phase.opschalen_door or '—'}" + (
        f"\nNaar {above.label} bij: {above.opschalen_criteria}" if above else
        "\nDit is de hoogste fase.")))
    parts += [_heading("Afschalen"), _bullets(list(phase.afschalen_criteria))
              if phase.afschalen_criteria else Text("— (dit is de laagste fase)")]
    return Panel(Group(*parts), title=f"Fase {phase.label} · kapstok {kapstok.name}",
                 border_style=phase_style(phase))


def uitleg_role(kapstok: Kapstok, role: str) -> Group:
    """One responsibility: what it means, and who holds it in each phase of the kapstok."""
    from ave_cli import uitleg as u

    table = Table(title=f"{ROLE_TITLES[role]} per fase · kapstok {kapstok.name}", expand=True)
    table.add_column("Fase", overflow="fold")
    table.add_column("Wie", overflow="fold", ratio=3)
    for phase in kapstok.phases:
        table.add_row(Text(phase.label, style=phase_style(phase)), getattr(phase.roles, role))
    overrides = [f"{r.reason} (fasen {', '.join(r.phases)})" for r in kapstok.local_rules
                 if role in r.set_roles]
    parts: list[Any] = [Text(ROLE_TITLES[role], style="bold"), Text(u.RESPONSIBILITIES[role]),
                        table]
    if overrides:
        parts += [Text("Lokale regels die dit veranderen:", style="bold"), _bullets(overrides)]
    return Group(*parts)
