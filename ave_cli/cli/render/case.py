"""The terminal views of a case's life: lifecycle panels, the case history (ave show), the
report and reevaluation tables. Uses rich, like render.py."""

from __future__ import annotations

import heapq
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ave_cli.cli.i18n import _, k_
from ave_cli.cli.output import state_facts
from ave_cli.cli.render.base import (
    AXIS_LABELS,
    KIND_LABELS,
    assemble,
    bullets,
    grid,
    heading,
    local_day,
    local_time,
    phase_style,
    phase_text,
    roles_table,
)
from ave_cli.cli.render.layout import Column, Layout, fit
from ave_cli.core.cases import CaseState
from ave_cli.core.model import (
    Decision,
    Kapstok,
)
from ave_cli.core.report import (
    FLAGS,
    Reevaluation,
    ReevaluationRun,
    Report,
    local_date,
    urgency,
)

if TYPE_CHECKING:
    from ave_cli.core.decisions import Change


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
    parts: list[Any] = [_movement(change, kapstok), heading(_("Waarom")),
                        bullets(list(d.reasons))]
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
        question = kapstok.question("signalen")
        parts.append(Text(_("Signalen: {signals}").format(signals=", ".join(
            k_(question.label(s)) if question else s for s in d.signals))))
    if change.outcome is not None:
        parts += [heading(_("Rollen")), roles_table(
            change.outcome.roles, change.outcome.in_overleg_met + d.in_overleg_met,
            casusregisseur=change.casusregisseur, procesregisseur=change.procesregisseur)]
    elif d.in_overleg_met:
        parts.append(Text(_("In overleg met: {names}").format(names=", ".join(d.in_overleg_met))))
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


def case_view(state: CaseState, kapstok: Kapstok, now: datetime, *, width: int = 100) -> Group:
    """The case as a film: the current state on top, then every decision in order."""
    facts = state_facts(state, kapstok, now)
    phase = kapstok.find_phase(state.phase or "")
    top = grid()
    if state.closed:
        top.add_row(_("Fase"), Text(_("afgesloten op {date}").format(
            date=local_day(state.since)), style="bold"))
    else:
        top.add_row(_("Fase"), phase_text(phase) if phase else Text(state.phase or "—"))
        top.add_row(_("Sinds"), _("{date} ({days} dagen)").format(
            date=local_day(state.since), days=facts["days_in_phase"]))
    top.add_row(_("Casusregisseur"), state.casusregisseur or _("— (niet genoemd)"))
    top.add_row(_("Procesregisseur"), state.procesregisseur or _("— (niet genoemd)"))
    top.add_row(_("Open advies"), "\n".join(k_(a) for a in facts["open_advice"]) or "—")
    top.add_row(_("Kapstok"), state.kapstok_name)
    wide = Layout([Column("#", keep=True), Column(_("Tijd"), keep=True), Column(_("Soort")),
                   Column(_("Fase"), keep=True), Column(_("As")), Column(_("Door")),
                   Column(_("Toelichting"))], lines=True)
    compact = Layout([Column("#", keep=True), Column(_("Tijd"), keep=True),
                      Column(_("Fase"), keep=True), Column(_("Door")), Column(_("Toelichting"))],
                     lines=True)
    for n, d in enumerate(state.history, start=1):
        kind, when = _(KIND_LABELS[d.kind]), local_time(d.time)
        axis = _(AXIS_LABELS[d.axis]) if d.axis in AXIS_LABELS else ""
        explained = _explain(d, kapstok)
        wide.rows.append([str(n), when, kind, _phase_step(d), axis or "—", d.by, explained])
        compact.rows.append([str(n), f"{when}\n{kind}" + (f"\n({axis})" if axis else ""),
                             _phase_step(d), d.by, explained])
    film = fit(width, _("Verloop"), [wide, compact], block_title=1)
    from ave_cli.cli.render.plan import open_table

    plan = open_table(state, kapstok, now.date(), width=width)
    return Group(Panel(top, title=_("Casus {case}").format(case=state.case),
                       border_style=phase_style(phase) if phase and not state.closed else "bold"),
                 *([plan] if plan is not None else []), film)


def _access_time(when: str) -> str:
    try:
        return local_time(datetime.fromisoformat(when))
    except ValueError:
        return when[:16].replace("T", " ")


def _phase_step(d: Decision) -> str:
    if d.kind in ("afspraak", "afspraak-stand"):
        return "—"
    if d.kind == "close":
        return _("{phase} → afgesloten").format(phase=d.phase_before)
    if d.phase_before and d.phase_before != d.phase_after:
        return f"{d.phase_before} → {d.phase_after}"
    return d.phase_after or "—"


def _explain(d: Decision, kapstok: Kapstok) -> str:
    if d.kind in ("afspraak", "afspraak-stand"):
        from ave_cli.cli.render.plan import record_lines

        return "\n".join(f"• {line}" for line in record_lines(d, kapstok))
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
        question = kapstok.question("signalen")
        lines.append(_("Signalen: {signals}").format(signals=", ".join(
            k_(question.label(s)) if question else s for s in d.signals)))
    if d.in_overleg_met and d.kind != "triage":
        lines.append(_("In overleg met: {names}").format(names=", ".join(d.in_overleg_met)))
    if d.decided_by:
        lines.append(_("Meningsverschil beslecht door {who}").format(who=d.decided_by))
    if d.note:
        lines.append(_("Notitie: {note}").format(note=d.note))
    return "\n".join(f"• {line}" for line in lines)


# --- report, reevaluate, export ------------------------------------------------------------


def report_view(report: Report, *, limit: int = 0, width: int = 100) -> Group:
    counts = Table(title=_("Open casussen: {n}").format(n=report.open_total))
    for n, header in enumerate((_("Kapstok"), _("Fase"), _("Aantal"), _("Aandeel"))):
        counts.add_column(header, justify="right" if n >= 2 else "left")
    for c in report.counts:
        style = f"bold {c.colour}" if c.colour else "bold"
        counts.add_row(c.kapstok, Text(f"● {k_(c.label)}", style=style), str(c.count),
                       f"{c.share:.0%}")
    rows = report.rows
    shown = heapq.nsmallest(limit, rows, key=urgency) if limit else sorted(rows, key=urgency)
    wide = Layout([Column(_("Casus"), keep=True), Column(_("Fase"), keep=True),
                   Column(_("Sinds"), keep=True), Column(_("Dagen"), keep=True, justify="right"),
                   Column(_("Casusregisseur")), Column(_("Procesregisseur")),
                   Column(_("Laatste besluit")), Column(_("Signaleringen"))])
    compact = Layout([Column(_("Casus"), keep=True), Column(_("Fase, sinds"), keep=True),
                      Column(_("Regie")), Column(_("Laatste besluit")), Column(_("Let op"))])
    for r in shown:
        since = local_date(r.since) or "—"
        days = "—" if r.days_in_phase is None else str(r.days_in_phase)
        kind = _(KIND_LABELS[r.last_kind])
        last = local_date(r.last_time)
        flags = Text("\n".join(_(FLAGS[f]) for f in r.flags), style="bold red")
        phase = r.phase or _("afgesloten")
        wide.rows.append([r.case, phase, since, days, r.casusregisseur or "—",
                          r.procesregisseur or "—", _("{kind} {date}").format(kind=kind, date=last),
                          flags])
        compact.rows.append([
            r.case, _("{phase}\n{date}\n{days} dagen").format(phase=phase, date=since, days=days)
            if r.days_in_phase is not None else f"{phase}\n{since}",
            _("casus: {casusregisseur}\nproces: {procesregisseur}").format(
                casusregisseur=r.casusregisseur or "—", procesregisseur=r.procesregisseur or "—"),
            f"{kind}\n{last}", flags])
    cases = fit(width, _("Casussen"), [wide, compact])
    if not report.rows:
        return Group(counts, Text(_("Geen casussen die aan de filters voldoen.")))
    if len(shown) < len(rows):
        return Group(counts, cases, Text(_("… en nog {n} casussen; --limit 0 toont ze allemaal, "
                                           "--format csv geeft ze voor een spreadsheet.").format(
                                             n=len(rows) - len(shown))))
    return Group(counts, cases)


def reevaluation_view(run: ReevaluationRun, *, applied: int, include_overrides: bool,
                      limit: int = 0, width: int = 100) -> Group:
    def table(title: str, items: list[Reevaluation]) -> Group:
        layout = Layout([Column(_("Casus"), keep=True), Column(_("Van")),
                         Column(_("Naar"), keep=True), Column(_("Waarom"))], lines=True)
        for r in items[:limit] if limit else items:
            source = (f"{r.state.phase} ({r.state.kapstok_name})"
                      if r.state.kapstok_name != r.kapstok.name else r.state.phase or "—")
            layout.rows.append([r.state.case, source, Text(r.outcome.phase.id,
                                                          style=phase_style(r.outcome.phase)),
                                bullets(list(r.outcome.reasons))])
        t = fit(width, title, [layout])
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
    lines += [k_(reading) for reading in run.readings]
    for key, (cases, label) in sorted(run.defaulted.items()):
        lines.append(_("{n} casussen hebben geen antwoord op '{key}' (de vraag is van na hun "
                       "triage); het telt als de standaard: {label}.").format(
                           n=cases, key=key, label=k_(label)))
    if applied:
        lines.append(_("Vastgelegd: {n} besluiten (herbeoordeling).").format(n=applied))
    elif run.changes:
        lines.append(_("Er is niets vastgelegd (gebruik --apply)."))
    else:
        lines.append(_("Er is niets vastgelegd."))
    parts.append(Text(" ".join(lines)))
    return Group(*parts)




def access_view(records: list[Any], *, width: int = 100) -> Any:
    """The access log: one row per access, oldest first."""
    if not records:
        return Text(_("Geen toegang vastgelegd die aan de filters voldoet."))
    layout = Layout([Column(_("Wanneer"), keep=True), Column(_("Wie")), Column(_("Actie")),
                     Column(_("Casus"), keep=True), Column(_("Resultaat"))])
    for a in records:
        who = a.who if not a.login or a.login == a.who else f"{a.who} ({a.login})"
        layout.rows.append([_access_time(a.when), who, a.action, a.case, a.result])
    return fit(width, _("Toegang: {n} keer").format(n=len(records)), [layout], block_title=0)
