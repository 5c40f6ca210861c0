"""The terminal views: rich panels and tables (with render_kapstok.py the only modules using rich).
The JSON, CSV and JSON Lines forms are in output.py."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ave_cli.i18n import N_, _, k_, n_
from ave_cli.model import (
    ROLE_KEYS,
    ROLE_TITLES,
    Answers,
    Kapstok,
    Outcome,
    Phase,
    Roles,
)

if TYPE_CHECKING:
    from ave_cli.decisions import Triage

KIND_LABELS = {"triage": N_("triage"), "escalation": N_("opschaling"),
               "deescalation": N_("afschaling"), "close": N_("afsluiting"),
               "reevaluation": N_("herbeoordeling")}  # shown with _()
AXIS_LABELS = {"horizontal": N_("horizontaal"), "vertical": N_("verticaal")}


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
    err().print(Text(_("ave: fout: {message}").format(message=visible(message)), style="bold red"),
                soft_wrap=True)


def warning(message: str) -> None:
    err().print(Text(_("ave: let op: {message}").format(message=visible(message)), style="yellow"),
                soft_wrap=True)


def info(message: str) -> None:
    err().print(Text(message), soft_wrap=True)


def phase_style(phase: Phase) -> str:
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    try:
        Style.parse(phase.colour)
    except StyleSyntaxError:
        return "bold"
    return f"bold {phase.colour}"


def phase_text(phase: Phase) -> Text:
    return Text(f"● {k_(phase.label)}", style=phase_style(phase))


def assemble(template: str, style: str = "", **parts: str | Text) -> Text:
    """A translated template with `{name}` places filled by plain or styled text, so a styled
    phase label sits inside a whole translated sentence instead of between fragments."""
    text = Text(style=style)
    for piece in re.split(r"(\{\w+\})", template):
        name = piece[1:-1] if piece.startswith("{") and piece.endswith("}") else None
        text.append(parts[name] if name in parts else piece)
    return text


def heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def grid() -> Table:
    """Two columns without borders: a bold label and its value."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    return table


def roles_table(roles: Roles, in_overleg_met: tuple[str, ...]) -> Table:
    table = grid()
    for key in ROLE_KEYS:
        table.add_row(_(ROLE_TITLES[key]), getattr(roles, key))
    table.add_row(_("In overleg met"), ", ".join(in_overleg_met) or "—")
    return table


def bullets(items: tuple[str, ...] | list[str]) -> Text:
    """Kapstok texts and recorded reasons as a list, in the interface language where the kapstok
    gives a translation."""
    return Text("\n".join(f"• {k_(item)}" for item in items) or "—")


def triage_panel(result: Triage, kapstok: Kapstok, *, dry_run: bool,
                 casusregisseur: str = "", procesregisseur: str = "") -> Panel:
    """The outcome of a triage: phase in its colour, reasons, roles, advice, up and down."""
    decision, outcome = result.decision, result.outcome
    phase = outcome.phase
    head = assemble(_("Fase {phase}  —  {description}"), phase=phase_text(phase),
                    description=k_(phase.description))
    parts: list[Any] = [head]
    if result.previous_phase is not None:
        movement = {"opschaling": _("Vorige fase: {previous}  →  opschaling"),
                    "afschaling": _("Vorige fase: {previous}  →  afschaling"),
                    "gelijk": _("Vorige fase: {previous}  →  fase blijft gelijk")}.get(
                        result.direction or "", _("Vorige fase: {previous}  →  andere kapstok"))
        parts.append(Text(movement.format(previous=result.previous_phase), style="bold"))
    if decision.advised_phase != decision.phase_after:
        parts.append(Text(_("Advies van de regels: fase {advised}; besloten: {phase}. "
                            "Motivering: {motivation}").format(
                              advised=decision.advised_phase, phase=decision.phase_after,
                              motivation=decision.motivation), style="bold yellow"))
    parts += [heading(_("Waarom")), bullets(list(decision.reasons))]
    parts += _outcome_parts(kapstok, outcome, decision.answers,
                            result.casusregisseur or casusregisseur,
                            result.procesregisseur or procesregisseur)
    saved = (_("proefdraai: niets opgeslagen") if dry_run
             else _("opgeslagen als besluit {id}").format(id=decision.id))
    title = _("Triage {case} · kapstok {kapstok} {version}").format(
        case=decision.case, kapstok=kapstok.name, version=kapstok.version)
    return Panel(Group(*parts), title=title, subtitle=saved, border_style=phase_style(phase))


def _outcome_parts(kapstok: Kapstok, outcome: Outcome, answers: Answers, casusregisseur: str,
                   procesregisseur: str) -> list[Any]:
    """What every outcome shows after its reasons, on the review screen as after saving: roles
    (the named regisseurs of the case first), signals, advice, up, down, who settles a dispute."""
    phase = outcome.phase
    parts: list[Any] = [heading(_("Rollen")), roles_table(outcome.roles, outcome.in_overleg_met)]
    if casusregisseur or procesregisseur:
        parts.append(Text(_("Genoemd voor deze casus: casusregisseur {casusregisseur}, "
                            "procesregisseur {procesregisseur}").format(
                                casusregisseur=casusregisseur or "—",
                                procesregisseur=procesregisseur or "—")))
    signals = answers.get("signalen") or []
    question = kapstok.question("signalen")
    if signals and question is not None and isinstance(signals, list):
        parts += [heading(_("Signalen")), bullets([k_(question.label(s)) for s in signals])]
    if outcome.advice:
        parts += [heading(_("Advies")),
                  bullets([_("{advice} Waarom: {reasons}").format(
                      advice=k_(a.text), reasons="; ".join(k_(r) for r in a.reasons))
                      for a in outcome.advice])]
    if phase.notes:
        parts += [heading(_("Afspraken")), bullets(list(phase.notes))]
    parts.append(heading(_("Opschalen")))
    if outcome.next_phase is None:
        parts.append(Text(_("Dit is de hoogste fase.")))
    else:
        parts.append(Text(_("Door: {who}\nNaar {phase} bij: {criteria}").format(
            who=phase.opschalen_door or "—", phase=k_(outcome.next_phase.label),
            criteria=k_(phase.opschalen_criteria) or "—")))
    parts.append(heading(_("Afschalen")))
    if phase.afschalen_criteria:
        parts += [Text(_("Door: {who}").format(who=phase.afschalen_door or "—")),
                  bullets(list(phase.afschalen_criteria))]
    else:
        parts.append(Text(_("— (dit is de laagste fase)")))
    if kapstok.meningsverschil_beslisser:
        parts.append(Text(_("Bij een meningsverschil over op- of afschalen besluit: "
                            "{who}").format(who=kapstok.meningsverschil_beslisser)))
    return parts


def batch_table(results: list[Triage], *, dry_run: bool) -> Table:
    saved = (_("proefdraai: niets opgeslagen") if dry_run
             else _("{n} besluiten opgeslagen").format(n=len(results)))
    table = Table(title=_("Batchtriage: {n} casussen").format(n=len(results)), caption=saved)
    for header in (_("Casus"), _("Vorige fase"), _("Fase"), _("Richting"), _("Advies")):
        table.add_column(header, overflow="fold")
    directions = {"opschaling": _("opschaling"), "afschaling": _("afschaling"),
                  "gelijk": _("gelijk")}
    for r in results:
        table.add_row(r.decision.case, r.previous_phase or "—",
                      Text(r.outcome.phase.id, style=phase_style(r.outcome.phase)),
                      directions.get(r.direction or "", _("nieuw")),
                      "\n".join(k_(a.text) for a in r.outcome.advice) or "—")
    return table


def review_panel(kapstok: Kapstok, answers: Answers, outcome: Outcome, *, casusregisseur: str = "",
                 procesregisseur: str = "") -> Panel:
    """The review screen before saving: every answer, the advised phase and everything the
    outcome will show (roles, signals, advice, up, down, who settles a dispute)."""
    table = grid()
    for question in kapstok.questions:
        value = answers.get(question.key)
        shown = (", ".join(k_(question.label(v)) for v in value) or _("geen")) \
            if isinstance(value, list) else k_(question.label(value)) if value is not None else "—"
        table.add_row(k_(question.text), shown)
    advice = assemble(_("\nAdvies van de regels: {phase}"), "bold", phase=phase_text(outcome.phase))
    reasons = bullets(list(outcome.reasons))
    rest = _outcome_parts(kapstok, outcome, answers, casusregisseur, procesregisseur)
    return Panel(Group(table, advice, reasons, *rest), title=_("Controleer de antwoorden"),
                 border_style=phase_style(outcome.phase))


def kapstok_table(kapstok: Kapstok) -> Group:
    """The kapstok as a phase x role matrix in the phase colours (figure 1 of the Handreiking)."""
    matrix = Table(title=_("Kapstok {title} ({kapstok} {version})").format(
        title=k_(kapstok.title), kapstok=kapstok.name, version=kapstok.version),
                   show_lines=True, expand=True)
    scaling = Table(title=_("Op- en afschalen"), show_lines=True, expand=True)
    # fold, never truncate: a cut-off role name would mislead
    for header in (_("Fase"), _("Casusregie"), _("Procesregie"), _("Operationeel"),
                   _("Bestuurlijk"), _("In overleg met")):
        matrix.add_column(header, overflow="fold")
    for n, header in enumerate((_("Fase"), _("Opschalen door"), _("Naar de fase erboven bij"),
                                _("Afschalen door"), _("Afschalen als"))):
        scaling.add_column(header, overflow="fold", ratio=1 if n == 0 else 3)
    for phase in reversed(kapstok.phases):
        label = Text(k_(phase.label), style=phase_style(phase))
        matrix.add_row(label, *(Text(getattr(phase.roles, key)) for key in ROLE_KEYS),
                       Text(", ".join(phase.in_overleg_met) or "—"))
        scaling.add_row(label, Text(phase.opschalen_door or "—"),
                        Text(k_(phase.opschalen_criteria) or "—"),
                        Text(phase.afschalen_door or "—"),
                        bullets(list(phase.afschalen_criteria)))
    parts: list[Any] = [matrix, scaling]
    rules = local_rules(kapstok.local_rules)
    if rules or kapstok.notes:
        parts += [Text(_("Lokale regels en afspraken"), style="bold underline"),
                  bullets(rules + list(kapstok.notes))]
    if kapstok.meningsverschil_beslisser:
        parts.append(Text(_("Bij een meningsverschil besluit: {who}").format(
            who=kapstok.meningsverschil_beslisser)))
    return Group(*parts)


def local_rules(rules: Any) -> list[str]:
    return [_("{reason} (fasen {phases})").format(reason=k_(r.reason), phases=", ".join(r.phases))
            for r in rules]


def start_screen(version: str, kapstok: Kapstok, log: Any, open_cases: int | None) -> Group:
    """What `ave` alone shows: where you are, and where to begin."""
    facts = grid()
    facts.add_row(_("Kapstok"), f"{kapstok.name} {kapstok.version} ({k_(kapstok.title)})")
    facts.add_row(_("Caselog"), _("{log}  (nog leeg)").format(log=log) if open_cases is None
                  else n_("{log}  ({n} open casus)", "{log}  ({n} open casussen)",
                          open_cases).format(log=log, n=open_cases))
    start = grid()
    start.add_row("ave triage", _("een casus beoordelen: vragen, advies van de regels, jouw "
                                  "besluit"))
    start.add_row("ave report", _("alle open casussen per fase, met signaleringen"))
    start.add_row("ave kapstok", _("wie welke regie en verantwoordelijkheid heeft, per fase"))
    return Group(Text(_("ave {version}: AVE, Aanpak ter Voorkoming van Escalatie").format(
                     version=version), style="bold"),
                 facts, heading(_("Probeer")), start,
                 Text(_("\nAlle opdrachten en opties: ave --help")))
