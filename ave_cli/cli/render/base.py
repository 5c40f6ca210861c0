"""The terminal views: rich panels and tables (with render_kapstok.py the only modules using rich).
The JSON, CSV and JSON Lines forms are in output.py."""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING, Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ave_cli.cli.i18n import _, k_, n_
from ave_cli.cli.render.layout import Column, Layout, fit
from ave_cli.core.messages import N_, Msg
from ave_cli.core.model import (
    ROLE_KEYS,
    ROLE_TITLES,
    Answers,
    Kapstok,
    Outcome,
    Phase,
    Roles,
)

if TYPE_CHECKING:
    from ave_cli.core.decisions import Triage

KIND_LABELS = {"triage": N_("triage"), "escalation": N_("opschaling"),
               "deescalation": N_("afschaling"), "close": N_("afsluiting"),
               "reevaluation": N_("herbeoordeling"), "afspraak": N_("afspraak"),
               "afspraak-stand": N_("afspraak gewijzigd")}  # shown with _()
STAND_LABELS = {"open": N_("open"), "gedaan": N_("gedaan"), "vervallen": N_("vervallen"),
                "verlengd": N_("verlengd"), "te laat": N_("te laat")}  # shown with _()
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


def _said(text: Text) -> None:
    """A message on stderr: at a terminal wrapped between words at its width (never cut off,
    whatever the terminal does with a long line); to a file or a script one line."""
    console = err()
    console.print(text, soft_wrap=not console.is_terminal)


def error(message: str) -> None:
    _said(Text(_("ave: fout: {message}").format(message=visible(message)), style="bold red"))


def warning(message: Msg | str) -> None:
    _said(Text(_("ave: let op: {message}").format(message=visible(str(message))),
               style="yellow"))


def info(message: Msg | str) -> None:
    _said(Text(str(message)))


def local_time(when: datetime) -> str:
    """A recorded moment in the reader's time zone, the zone named when the record was made in
    another one (a decision made in UTC reads as the local time, marked as converted)."""
    local = when.astimezone()
    text = f"{local:%Y-%m-%d %H:%M}"
    if when.utcoffset() != local.utcoffset():
        text += f" {local.tzname() or local.strftime('%z')}"
    return text


def local_day(when: datetime | None) -> str:
    """The date of a recorded moment in the reader's time zone."""
    return f"{when.astimezone():%Y-%m-%d}" if when is not None else "—"


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


def roles_table(roles: Roles, in_overleg_met: tuple[str, ...], *, casusregisseur: str = "",
                procesregisseur: str = "") -> Table:
    """Who holds each role: the kapstok's, with the person or team named for this case first."""
    named = {"casusregie": casusregisseur, "procesregie": procesregisseur}
    table = grid()
    for key in ROLE_KEYS:
        kapstok_says = getattr(roles, key)
        if named.get(key):
            table.add_row(_(ROLE_TITLES[key]), _("{name} (volgens de kapstok: {role})").format(
                name=named[key], role=kapstok_says))
        else:
            table.add_row(_(ROLE_TITLES[key]), kapstok_says)
    table.add_row(_("In overleg met"), ", ".join(dict.fromkeys(in_overleg_met)) or "—")
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
    parts += decided_parts(decision.advised_phase or "", decision.phase_after or "",
                           decision.reasons, decision.motivation)
    parts += _outcome_parts(kapstok, outcome, decision.answers,
                            result.casusregisseur or casusregisseur,
                            result.procesregisseur or procesregisseur)
    saved = (_("proefdraai: niets opgeslagen") if dry_run
             else _("opgeslagen als besluit {id}").format(id=decision.id))
    title = _("Triage {case} · kapstok {kapstok} {version}").format(
        case=decision.case, kapstok=kapstok.name, version=kapstok.version)
    return Panel(Group(*parts), title=title, subtitle=saved, border_style=phase_style(phase))


def decided_parts(advised: str, decided: str, reasons: tuple[str, ...] | list[str],
                  motivation: str) -> list[Any]:
    """Why this fase: the rules' reasons when the advice is followed; when another fase is
    chosen, that choice and its motivation first, then what the advice rested on. The same on
    the review screen (before saving) and after."""
    if not decided or decided == advised:
        return [heading(_("Waarom")), bullets(list(reasons))]
    return [Text(_("Besloten: fase {phase}, afwijkend van het advies ({advised}).").format(
                phase=decided, advised=advised), style="bold yellow"),
            heading(_("Waarom")), bullets([_("Motivering: {motivation}").format(
                motivation=motivation or "—")]),
            heading(_("Het advies ({advised}) rustte op").format(advised=advised)),
            bullets(list(reasons))]


def _outcome_parts(kapstok: Kapstok, outcome: Outcome, answers: Answers, casusregisseur: str,
                   procesregisseur: str) -> list[Any]:
    """What every outcome shows after its reasons, on the review screen as after saving: roles
    (the named regisseurs of the case first), signals, advice, up, down, who settles a dispute."""
    phase = outcome.phase
    parts: list[Any] = [heading(_("Rollen")), roles_table(
        outcome.roles, outcome.in_overleg_met, casusregisseur=casusregisseur,
        procesregisseur=procesregisseur)]
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


BATCH_ROWS = 200  # a longer batch is summed up per fase and direction (all rows: -f json)


def batch_table(results: list[Triage], *, dry_run: bool) -> Table | Group:
    saved = (_("proefdraai: niets opgeslagen") if dry_run
             else _("{n} besluiten opgeslagen").format(n=len(results)))
    directions = {"opschaling": _("opschaling"), "afschaling": _("afschaling"),
                  "gelijk": _("gelijk")}
    if len(results) > BATCH_ROWS:
        from collections import Counter

        counts = Counter((r.outcome.phase.id, directions.get(r.direction or "", _("nieuw")))
                         for r in results)
        phases = {r.outcome.phase.id: r.outcome.phase for r in results}
        table = Table()
        for header in (_("Fase"), _("Richting"), _("Aantal")):
            table.add_column(header, justify="right" if header == _("Aantal") else "left")
        for (phase, direction), count in sorted(counts.items()):
            table.add_row(Text(phase, style=phase_style(phases[phase])), direction, str(count))
        return Group(Text(_("Batchtriage: {n} casussen, per fase").format(n=len(results)),
                          style="italic"), table,
                     Text(_("{saved}; elke casus apart: --format json").format(saved=saved)))
    table = Table(title=_("Batchtriage: {n} casussen").format(n=len(results)), caption=saved)
    for header in (_("Casus"), _("Vorige fase"), _("Fase"), _("Richting"), _("Advies")):
        table.add_column(header, overflow="fold")
    for r in results:
        table.add_row(r.decision.case, r.previous_phase or "—",
                      Text(r.outcome.phase.id, style=phase_style(r.outcome.phase)),
                      directions.get(r.direction or "", _("nieuw")),
                      "\n".join(k_(a.text) for a in r.outcome.advice) or "—")
    return table


def review_panel(kapstok: Kapstok, answers: Answers, outcome: Outcome, *, casusregisseur: str = "",
                 procesregisseur: str = "", chosen: Outcome | None = None,
                 motivation: str = "", everything: bool = False, current: str | None = None,
                 current_roles: dict[str, str] | None = None, case: str = "",
                 width: int = 80) -> Panel:
    """The review screen: the decision as it will be saved, in one screen of 80 x 24 with the
    menu under it: the answers in short, the case's fase now and the one advised or chosen with
    what confirming means (opschaling, afschaling, gelijk; fasen passed over), the roles that
    change, the advice and the reasons (the first few, all with `everything`). At 120 columns
    and more the answers stand beside the decision."""
    from ave_cli.core.decisions import direction

    decided = chosen or outcome
    phase = decided.phase
    shown_answers = []
    for question in kapstok.questions:
        value = answers.get(question.key)
        if width < 120 and question.has_default and value == question.default:
            continue  # at 80 columns the answers that differ from the default
        if isinstance(value, list):
            text = ", ".join(str(v) for v in value) or "—"
        elif isinstance(value, bool):
            text = k_(question.label(value))
        else:
            text = str(value) if value is not None else "—"
        shown_answers.append(f"{question.key} {text}")
    answers_text = Text(" · ".join(shown_answers) + (_(" (de rest: standaard)")
                                                     if width < 120 else ""), style="dim")
    move = direction(kapstok, current, phase.id)
    words = {"opschaling": _("opschaling"), "afschaling": _("afschaling"),
             "gelijk": _("gelijk: de fase blijft")}
    other = chosen is not None and chosen.phase.id != outcome.phase.id
    if current is None:
        step = assemble(_("Advies van de regels: {phase}"), "bold",
                        phase=phase_text(outcome.phase))
    else:
        step = assemble(_("Nu {current}  →  {phase}: {move}") if other else
                        _("Nu {current}  →  {phase} (het advies): {move}"), "bold",
                        current=current, phase=phase_text(phase),
                        move=words.get(move or "", _("andere kapstok")))
        low, high = sorted((kapstok.rank(current), kapstok.rank(phase.id)))
        passed = [p.id for p in kapstok.phases[low + 1:high]] if low >= 0 else []
        if passed:
            step.append(Text(_(" (slaat {phases} over)").format(phases=", ".join(passed))))
    lines: list[Any] = [step]
    if other:
        lines += [Text(_("Besloten: fase {phase}, afwijkend van het advies ({advised}).").format(
                      phase=phase.id, advised=outcome.phase.id), style="bold yellow"),
                  Text(_("Motivering: {motivation}").format(motivation=motivation or "—"))]
    roles = decided.roles.as_dict()
    named = {"casusregie": casusregisseur, "procesregie": procesregisseur}
    before = current_roles or {}
    changed = [key for key in ROLE_KEYS if roles.get(key) != before.get(key)]
    if changed:
        said = []
        for key in changed:
            holder = roles.get(key) or "—"
            if named.get(key):
                holder = f"{named[key]} ({holder})"
            said.append(f"{_(ROLE_TITLES[key])}: {holder}")
        lines.append(Text.assemble(((_("Rollen die veranderen") if current else _("Rollen"))
                                    + ": ", "bold"), "; ".join(said)))
    else:
        lines.append(Text(_("De rollen blijven zoals ze zijn."), style="bold"))
    advice = [k_(a.text) for a in decided.advice]
    reasons = [k_(r) for r in outcome.reasons]
    limit = None if everything else FOLDED_REVIEW
    if advice:
        lines += [Text(_("Advies"), style="bold"), bullets(advice[:limit])]
    lines += [Text(_("Waarom"), style="bold"), bullets(reasons[:limit])]
    hidden = (len(advice) - len(advice[:limit])) + (len(reasons) - len(reasons[:limit]))
    if hidden:
        lines.append(Text(_("(+{n} meer: kies 'Alle redenen en adviezen tonen')").format(
            n=hidden), style="italic"))
    title = _("Controleer het besluit · casus {case}").format(case=case) if case else \
        _("Controleer het besluit")
    if width >= 120:
        body = Table.grid(padding=(0, 2))
        body.add_column(ratio=2)
        body.add_column(ratio=3)
        body.add_row(Group(Text(_("Antwoorden"), style="bold"), Text("\n".join(shown_answers),
                                                                     style="dim")),
                     Group(*lines))
        return Panel(body, title=title, border_style=phase_style(phase))
    return Panel(Group(answers_text, *lines), title=title, border_style=phase_style(phase))


FOLDED_REVIEW = 2  # advice and reasons shown on the review screen before "show all"


def kapstok_table(kapstok: Kapstok, *, width: int = 100) -> Group:
    """The kapstok as a phase x role matrix in the phase colours (figure 1 of the Handreiking),
    then how each phase scales up and down; one block per phase where the table does not fit."""
    matrix = Layout([Column(_("Fase")), Column(_("Casusregie")), Column(_("Procesregie")),
                     Column(_("Operationeel")), Column(_("Bestuurlijk")),
                     Column(_("In overleg met"))], lines=True)
    scaling = Layout([Column(_("Fase")), Column(_("Opschalen door")),
                      Column(_("Naar de fase erboven bij")), Column(_("Afschalen door")),
                      Column(_("Afschalen als"))], lines=True)
    for phase in reversed(kapstok.phases):
        label = Text(k_(phase.label), style=phase_style(phase))
        matrix.rows.append([label, *(getattr(phase.roles, key) for key in ROLE_KEYS),
                            ", ".join(phase.in_overleg_met) or "—"])
        scaling.rows.append([label, phase.opschalen_door or "—",
                             k_(phase.opschalen_criteria) or "—", phase.afschalen_door or "—",
                             bullets(list(phase.afschalen_criteria))])
    title = _("Kapstok {title} ({kapstok} {version})").format(
        title=k_(kapstok.title), kapstok=kapstok.name, version=kapstok.version)
    parts: list[Any] = [fit(width, title, [matrix]),
                        fit(width, _("Op- en afschalen"), [scaling])]
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
