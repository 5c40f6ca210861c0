"""The terminal views: rich panels and tables (with render_kapstok.py the only modules using rich).
The JSON, CSV and JSON Lines forms are in output.py."""

from __future__ import annotations

import heapq
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ave_cli.cases import CaseState
from ave_cli.i18n import N_, _, k_, n_
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
from ave_cli.output import state_facts
from ave_cli.report import (
    FLAGS,
    Reevaluation,
    ReevaluationRun,
    Report,
    local_date,
    urgency,
)

if TYPE_CHECKING:
    from ave_cli.decisions import Change, Triage

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


def _grid() -> Table:
    """Two columns without borders: a bold label and its value."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    return table


def _roles_table(roles: Roles, in_overleg_met: tuple[str, ...]) -> Table:
    table = _grid()
    for key in ROLE_KEYS:
        table.add_row(_(ROLE_TITLES[key]), getattr(roles, key))
    table.add_row(_("In overleg met"), ", ".join(in_overleg_met) or "—")
    return table


def _bullets(items: tuple[str, ...] | list[str]) -> Text:
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
    parts += [_heading(_("Waarom")), _bullets(list(decision.reasons))]
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
    parts: list[Any] = [_heading(_("Rollen")), _roles_table(outcome.roles, outcome.in_overleg_met)]
    if casusregisseur or procesregisseur:
        parts.append(Text(_("Genoemd voor deze casus: casusregisseur {casusregisseur}, "
                            "procesregisseur {procesregisseur}").format(
                                casusregisseur=casusregisseur or "—",
                                procesregisseur=procesregisseur or "—")))
    signals = answers.get("signalen") or []
    question = kapstok.question("signalen")
    if signals and question is not None and isinstance(signals, list):
        parts += [_heading(_("Signalen")), _bullets([k_(question.label(s)) for s in signals])]
    if outcome.advice:
        parts += [_heading(_("Advies")),
                  _bullets([_("{advice} Waarom: {reasons}").format(
                      advice=k_(a.text), reasons="; ".join(k_(r) for r in a.reasons))
                      for a in outcome.advice])]
    if phase.notes:
        parts += [_heading(_("Afspraken")), _bullets(list(phase.notes))]
    parts.append(_heading(_("Opschalen")))
    if outcome.next_phase is None:
        parts.append(Text(_("Dit is de hoogste fase.")))
    else:
        parts.append(Text(_("Door: {who}\nNaar {phase} bij: {criteria}").format(
            who=phase.opschalen_door or "—", phase=k_(outcome.next_phase.label),
            criteria=k_(phase.opschalen_criteria) or "—")))
    parts.append(_heading(_("Afschalen")))
    if phase.afschalen_criteria:
        parts += [Text(_("Door: {who}").format(who=phase.afschalen_door or "—")),
                  _bullets(list(phase.afschalen_criteria))]
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
    table = _grid()
    for question in kapstok.questions:
        value = answers.get(question.key)
        shown = (", ".join(k_(question.label(v)) for v in value) or _("geen")) \
            if isinstance(value, list) else k_(question.label(value)) if value is not None else "—"
        table.add_row(k_(question.text), shown)
    advice = assemble(_("\nAdvies van de regels: {phase}"), "bold", phase=phase_text(outcome.phase))
    reasons = _bullets(list(outcome.reasons))
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
                        _bullets(list(phase.afschalen_criteria)))
    parts: list[Any] = [matrix, scaling]
    rules = _local_rules(kapstok.local_rules)
    if rules or kapstok.notes:
        parts += [Text(_("Lokale regels en afspraken"), style="bold underline"),
                  _bullets(rules + list(kapstok.notes))]
    if kapstok.meningsverschil_beslisser:
        parts.append(Text(_("Bij een meningsverschil besluit: {who}").format(
            who=kapstok.meningsverschil_beslisser)))
    return Group(*parts)


def _local_rules(rules: Any) -> list[str]:
    return [_("{reason} (fasen {phases})").format(reason=k_(r.reason), phases=", ".join(r.phases))
            for r in rules]


def start_screen(version: str, kapstok: Kapstok, log: Any, open_cases: int | None) -> Group:
    """What `ave` alone shows: where you are, and where to begin."""
    facts = _grid()
    facts.add_row(_("Kapstok"), f"{kapstok.name} {kapstok.version} ({k_(kapstok.title)})")
    facts.add_row(_("Caselog"), _("{log}  (nog leeg)").format(log=log) if open_cases is None
                  else n_("{log}  ({n} open casus)", "{log}  ({n} open casussen)",
                          open_cases).format(log=log, n=open_cases))
    start = _grid()
    start.add_row("ave triage", _("een casus beoordelen: vragen, advies van de regels, jouw "
                                  "besluit"))
    start.add_row("ave report", _("alle open casussen per fase, met signaleringen"))
    start.add_row("ave kapstok", _("wie welke regie en verantwoordelijkheid heeft, per fase"))
    return Group(Text(_("ave {version}: AVE, Aanpak ter Voorkoming van Escalatie").format(
                     version=version), style="bold"),
                 facts, _heading(_("Probeer")), start,
                 Text(_("\nAlle opdrachten en opties: ave --help")))


# --- lifecycle -------------------------------------------------------------------------------

def _movement(change: Change, kapstok: Kapstok) -> Text:
    d = change.decision
    if d.kind == "close":
        return Text(_("Casus afgesloten (was fase {phase}).").format(phase=d.phase_before),
                    style="bold")
    after = kapstok.find_phase(d.phase_after or "")
    shown_after = phase_text(after) if after else Text(d.phase_after or "")
    if d.axis == "vertical":
        holder = d.casusregisseur if d.role == "casusregie" else d.procesregisseur or ""
        template = (_("Fase {phase} blijft. Verticale opschaling: {role} → {holder} (vervangt "
                      "{replaced})") if change.replaced
                    else _("Fase {phase} blijft. Verticale opschaling: {role} → {holder}"))
        return assemble(template, phase=shown_after, role=d.role or "", holder=holder,
                        replaced=change.replaced)
    if d.kind == "escalation":
        template = (_("Fase {before} → {after}  (opschaling, horizontaal; overgeslagen: "
                      "{skipped})") if change.skipped
                    else _("Fase {before} → {after}  (opschaling, horizontaal)"))
    else:
        template = (_("Fase {before} → {after}  (afschaling, horizontaal; overgeslagen: "
                      "{skipped})") if change.skipped
                    else _("Fase {before} → {after}  (afschaling, horizontaal)"))
    return assemble(template, before=d.phase_before or "", after=shown_after,
                    skipped=", ".join(change.skipped))


def change_panel(change: Change, kapstok: Kapstok, *, dry_run: bool) -> Panel:
    """What an escalate, deescalate or close decided, and what the kapstok says about it."""
    d = change.decision
    parts: list[Any] = [_movement(change, kapstok), _heading(_("Waarom")),
                        _bullets(list(d.reasons))]
    if change.advised and d.phase_after and change.advised != d.phase_after:
        if d.kind == "escalation":
            warning_text = _("\nLet op: de laatste triage-antwoorden geven volgens de regels fase "
                             "{advised}; zij halen fase {phase} niet. Jij besluit; je reden is "
                             "vastgelegd als motivering.")
        else:
            warning_text = _("\nLet op: de laatste triage-antwoorden geven volgens de regels fase "
                             "{advised}; zij adviseren nog fase {phase} niet. Jij besluit; je reden "
                             "is vastgelegd als motivering.")
        parts.append(Text(warning_text.format(advised=change.advised, phase=d.phase_after),
                          style="bold yellow"))
    if d.signals:
        parts.append(Text(_("Signalen: {signals}").format(signals=", ".join(d.signals))))
    if d.in_overleg_met:
        parts.append(Text(_("In overleg met: {names}").format(names=", ".join(d.in_overleg_met))))
    if change.outcome is not None:
        parts += [_heading(_("Rollen")),
                  _roles_table(change.outcome.roles, change.outcome.in_overleg_met)]
    before = kapstok.find_phase(d.phase_before or "")
    if d.kind == "escalation" and d.axis == "horizontal" and before is not None:
        parts.append(Text(_("\nOpschalen vanuit {phase} gebeurt volgens de kapstok door: "
                            "{who}").format(phase=before.id, who=before.opschalen_door or "—")))
    if d.decided_by:
        parts.append(Text(_("Meningsverschil beslecht door: {who}").format(who=d.decided_by),
                          style="bold"))
    elif kapstok.meningsverschil_beslisser and d.kind in ("escalation", "deescalation"):
        parts.append(Text(_("Bij een meningsverschil over op- of afschalen besluit volgens de "
                            "kapstok: {who} (leg vast met --decided-by).").format(
                              who=kapstok.meningsverschil_beslisser)))
    saved = (_("proefdraai: niets opgeslagen") if dry_run
             else _("opgeslagen als besluit {id}").format(id=d.id))
    style = phase_style(change.outcome.phase) if change.outcome else "bold"
    titles = {"escalation": _("Opschaling {case} · kapstok {kapstok} {version}"),
              "deescalation": _("Afschaling {case} · kapstok {kapstok} {version}"),
              "close": _("Afsluiting {case} · kapstok {kapstok} {version}")}
    title = titles.get(d.kind, _("Besluit {case} · kapstok {kapstok} {version}"))
    return Panel(Group(*parts), title=title.format(case=d.case, kapstok=kapstok.name,
                                                   version=kapstok.version),
                 subtitle=saved, border_style=style)


def case_view(state: CaseState, kapstok: Kapstok, now: datetime) -> Group:
    """The case as a film: the current state on top, then every decision in order."""
    facts = state_facts(state, kapstok, now)
    phase = kapstok.find_phase(state.phase or "")
    top = _grid()
    if state.closed:
        top.add_row(_("Fase"), Text(_("afgesloten op {date}").format(
            date=f"{state.since:%Y-%m-%d}"), style="bold"))
    else:
        top.add_row(_("Fase"), phase_text(phase) if phase else Text(state.phase or "—"))
        top.add_row(_("Sinds"), _("{date} ({days} dagen)").format(
            date=f"{state.since:%Y-%m-%d}", days=facts["days_in_phase"]))
    top.add_row(_("Casusregisseur"), state.casusregisseur or _("— (niet genoemd)"))
    top.add_row(_("Procesregisseur"), state.procesregisseur or _("— (niet genoemd)"))
    top.add_row(_("Open advies"), "\n".join(k_(a) for a in facts["open_advice"]) or "—")
    top.add_row(_("Kapstok"), state.kapstok_name)
    film = Table(title=_("Verloop"), show_lines=True, expand=True)
    headers = ("#", _("Tijd"), _("Soort"), _("Fase"), _("As"), _("Door"), _("Toelichting"))
    for n, header in enumerate(headers):
        film.add_column(header, overflow="fold", ratio=4 if n == len(headers) - 1 else None)
    for n, d in enumerate(state.history, start=1):
        film.add_row(str(n), f"{d.time:%Y-%m-%d %H:%M}", _(KIND_LABELS[d.kind]),
                     _phase_step(d), _(AXIS_LABELS[d.axis]) if d.axis in AXIS_LABELS else "—",
                     d.by, _explain(d))
    return Group(Panel(top, title=_("Casus {case}").format(case=state.case),
                       border_style=phase_style(phase) if phase and not state.closed else "bold"),
                 film)


def _phase_step(d: Decision) -> str:
    if d.kind == "close":
        return _("{phase} → afgesloten").format(phase=d.phase_before)
    if d.phase_before and d.phase_before != d.phase_after:
        return f"{d.phase_before} → {d.phase_after}"
    return d.phase_after or "—"


def _explain(d: Decision) -> str:
    lines = [k_(reason) for reason in d.reasons]
    if d.advised_phase and d.advised_phase != d.phase_after and d.kind != "close":
        lines.append(_("Advies was {advised}; motivering: {motivation}").format(
            advised=d.advised_phase, motivation=d.motivation or "—"))
    if d.role:
        holder = d.casusregisseur if d.role == "casusregie" else d.procesregisseur
        lines.append(f"{d.role}: {holder}")
    elif d.casusregisseur and d.procesregisseur:
        lines.append(_("Genoemd: casusregisseur {casusregisseur}, procesregisseur "
                       "{procesregisseur}").format(casusregisseur=d.casusregisseur,
                                                   procesregisseur=d.procesregisseur))
    elif d.casusregisseur:
        lines.append(_("Genoemd: casusregisseur {name}").format(name=d.casusregisseur))
    elif d.procesregisseur:
        lines.append(_("Genoemd: procesregisseur {name}").format(name=d.procesregisseur))
    if d.signals:
        lines.append(_("Signalen: {signals}").format(signals=", ".join(d.signals)))
    if d.in_overleg_met and d.kind != "triage":
        lines.append(_("In overleg met: {names}").format(names=", ".join(d.in_overleg_met)))
    if d.decided_by:
        lines.append(_("Meningsverschil beslecht door {who}").format(who=d.decided_by))
    if d.note:
        lines.append(_("Notitie: {note}").format(note=d.note))
    return "\n".join(f"• {line}" for line in lines)


# --- report, reevaluate, export ------------------------------------------------------------


def report_view(report: Report, *, limit: int = 0) -> Group:
    counts = Table(title=_("Open casussen: {n}").format(n=report.open_total))
    for n, header in enumerate((_("Kapstok"), _("Fase"), _("Aantal"), _("Aandeel"))):
        counts.add_column(header, justify="right" if n >= 2 else "left")
    for c in report.counts:
        style = f"bold {c.colour}" if c.colour else "bold"
        counts.add_row(c.kapstok, Text(f"● {k_(c.label)}", style=style), str(c.count),
                       f"{c.share:.0%}")
    cases = Table(title=_("Casussen"), expand=True)
    for header in (_("Casus"), _("Fase"), _("Sinds"), _("Dagen"), _("Casusregisseur"),
                   _("Procesregisseur"), _("Laatste besluit"), _("Signaleringen")):
        cases.add_column(header, overflow="fold")
    rows = report.rows
    shown = heapq.nsmallest(limit, rows, key=urgency) if limit else sorted(rows, key=urgency)
    for r in shown:
        cases.add_row(r.case, r.phase or _("afgesloten"), local_date(r.since) or "—",
                      "—" if r.days_in_phase is None else str(r.days_in_phase),
                      r.casusregisseur or "—", r.procesregisseur or "—",
                      _("{kind} {date}").format(kind=_(KIND_LABELS[r.last_kind]),
                                                date=local_date(r.last_time)),
                      Text("\n".join(_(FLAGS[f]) for f in r.flags), style="bold red"))
    if not report.rows:
        return Group(counts, Text(_("Geen casussen die aan de filters voldoen.")))
    if len(shown) < len(rows):
        return Group(counts, cases, Text(_("… en nog {n} casussen; --limit 0 toont ze allemaal, "
                                           "--format csv geeft ze voor een spreadsheet.").format(
                                             n=len(rows) - len(shown))))
    return Group(counts, cases)


def reevaluation_view(run: ReevaluationRun, *, applied: int, include_overrides: bool,
                      limit: int = 0) -> Group:
    def table(title: str, items: list[Reevaluation]) -> Group:
        t = Table(title=title, expand=True, show_lines=True)
        for n, header in enumerate((_("Casus"), _("Van"), _("Naar"), _("Waarom"))):
            t.add_column(header, overflow="fold", ratio=4 if n == 3 else 1)
        for r in items[:limit] if limit else items:
            source = (f"{r.state.phase} ({r.state.kapstok_name})"
                      if r.state.kapstok_name != r.kapstok.name else r.state.phase or "—")
            t.add_row(r.state.case, source, Text(r.outcome.phase.id,
                                                 style=phase_style(r.outcome.phase)),
                      _bullets(list(r.outcome.reasons)))
        if limit and len(items) > limit:
            return Group(t, Text(_("… en nog {n}; --limit 0 toont ze allemaal, --format json "
                                   "geeft ze voor een script.").format(n=len(items) - limit)))
        return Group(t)

    parts: list[Any] = []
    if run.changes:
        parts.append(table(_("Fase verandert: {n} casussen").format(n=len(run.changes)),
                           run.changes))
    if run.departures:
        title = (_("Afwijkend besluit van een professional (meegenomen): {n}")
                 if include_overrides else
                 _("Afwijkend besluit van een professional (niet herbeoordeeld; neem mee met "
                   "--include-overrides of doe een nieuwe triage): {n}"))
        parts.append(table(title.format(n=len(run.departures)), run.departures))
    lines = [_("Ongewijzigd: {unchanged}. Veranderd: {changed}.").format(
        unchanged=run.unchanged, changed=len(run.changes))]
    if run.skipped:
        lines.append(_("Overgeslagen: {cases}.").format(
            cases="; ".join(f"{c} ({why})" for c, why in run.skipped)))
    if applied:
        lines.append(_("Vastgelegd: {n} besluiten 'reevaluation'.").format(n=applied))
    elif run.changes:
        lines.append(_("Er is niets vastgelegd (gebruik --apply)."))
    else:
        lines.append(_("Er is niets vastgelegd."))
    parts.append(Text(" ".join(lines)))
    return Group(*parts)


# --- uitleg ----------------------------------------------------------------------------------

def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def uitleg(kapstok: Kapstok) -> Group:
    """AVE explained from the active kapstok: axes, phases, responsibilities, principles, local rules."""
    from ave_cli import uitleg as u

    parts: list[Any] = [Text(_("AVE volgens kapstok {title} ({kapstok} {version})").format(
        title=k_(kapstok.title), kapstok=kapstok.name, version=kapstok.version), style="bold"),
        Text(_(u.INTRO))]
    parts.append(_heading(_("Twee assen")))
    parts += [Text.assemble((f"{_(name)}: ", "bold"), _(text)) for name, text in u.AXES]
    parts.append(_heading(_("De fasen, van licht naar zwaar")))
    for phase in kapstok.phases:
        template = _("{phase} ({share}): {description}") if phase.share \
            else _("{phase}: {description}")
        parts.append(assemble(template, phase=phase_text(phase), share=k_(phase.share),
                              description=k_(phase.description)))
    parts.append(_heading(_("Vier verantwoordelijkheden per fase")))
    parts += [Text.assemble((f"{_(ROLE_TITLES[key])}: ", "bold"), _(text))
              for key, text in u.RESPONSIBILITIES.items()]
    parts.append(_heading(_("Zeven leidende principes")))
    parts += [Text(f"{n}. {_(text)}") for n, text in enumerate(u.PRINCIPLES, start=1)]
    rules = _local_rules(kapstok.local_rules)
    if rules or kapstok.notes or kapstok.meningsverschil_beslisser:
        parts.append(_heading(_("Lokale regels en afspraken van deze kapstok")))
        parts.append(_bullets(rules + list(kapstok.notes)))
        if kapstok.meningsverschil_beslisser:
            parts.append(Text(_("Bij een meningsverschil over op- of afschalen besluit: "
                                "{who}.").format(who=kapstok.meningsverschil_beslisser)))
    if kapstok.begrippen:
        parts.append(_heading(_("Begrippen van deze kapstok")))
        parts.append(Text(", ".join(k_(term) for term, _text in kapstok.begrippen)))
    parts.append(Text(_("\nMeer over één fase of rol: ave uitleg FASE, ave uitleg casusregie")))
    if kapstok.begrippen:
        parts.append(Text(_("Een begrip: ave uitleg {term}").format(
            term=kapstok.begrippen[0][0].split()[0].lower())))
    return Group(*parts)


def uitleg_begrip(begrip: tuple[str, str]) -> Group:
    """One term in the kapstok's own words."""
    term, text = begrip
    return Group(_heading(k_(term)), Text(k_(text)))


def uitleg_phase(kapstok: Kapstok, phase: Phase) -> Panel:
    """One phase: its starting situation, who holds what, the rules that lead here, up and down."""
    parts: list[Any] = [Text(k_(phase.description))]
    if phase.share:
        parts.append(Text(_("Aandeel: {share}.").format(share=k_(phase.share))))
    parts += [_heading(_("Rollen")), _roles_table(phase.roles, phase.in_overleg_met),
              _heading(_("Wanneer deze fase"))]
    if phase.match == "otherwise":
        parts.append(Text(k_(phase.otherwise_reason)))
    else:
        parts.append(Text(_("Als één van deze criteria geldt:") if phase.match == "any"
                          else _("Als al deze criteria gelden:")))
        parts.append(_bullets([c.reason for c in phase.criteria]))
    local = [r.reason for r in kapstok.local_rules if phase.id in r.phases]
    if local or phase.notes:
        parts += [_heading(_("Lokale regels en afspraken")), _bullets(local + list(phase.notes))]
    above = kapstok.phase_above(phase)
    parts.append(_heading(_("Opschalen")))
    if above:
        parts.append(Text(_("Door: {who}\nNaar {phase} bij: {criteria}").format(
            who=phase.opschalen_door or "—", phase=k_(above.label),
            criteria=k_(phase.opschalen_criteria) or "—")))
    else:
        parts.append(Text(_("Door: {who}\nDit is de hoogste fase.").format(
            who=phase.opschalen_door or "—")))
    parts += [_heading(_("Afschalen")), _bullets(list(phase.afschalen_criteria))
              if phase.afschalen_criteria else Text(_("— (dit is de laagste fase)"))]
    return Panel(Group(*parts), title=_("Fase {phase} · kapstok {kapstok}").format(
                     phase=k_(phase.label), kapstok=kapstok.name),
                 border_style=phase_style(phase))


def uitleg_role(kapstok: Kapstok, role: str) -> Group:
    """One responsibility: what it means, and who holds it in each phase of the kapstok."""
    from ave_cli import uitleg as u

    table = Table(title=_("{role} per fase · kapstok {kapstok}").format(
        role=_(ROLE_TITLES[role]), kapstok=kapstok.name), expand=True)
    table.add_column(_("Fase"), overflow="fold")
    table.add_column(_("Wie"), overflow="fold", ratio=3)
    for phase in kapstok.phases:
        table.add_row(Text(k_(phase.label), style=phase_style(phase)), getattr(phase.roles, role))
    overrides = _local_rules([r for r in kapstok.local_rules if role in r.set_roles])
    parts: list[Any] = [Text(_(ROLE_TITLES[role]), style="bold"),
                        Text(_(u.RESPONSIBILITIES[role])), table]
    if overrides:
        parts += [Text(_("Lokale regels die dit veranderen:"), style="bold"), _bullets(overrides)]
    return Group(*parts)
