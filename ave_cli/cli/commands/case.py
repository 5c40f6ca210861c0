"""The case lifecycle: `ave escalate`, `ave deescalate`, `ave close`, `ave show`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ave_cli.cli import complete
from ave_cli.cli.app import (
    LOCK_TIMEOUT,
    ByOpt,
    CaseArg,
    DryRunOpt,
    Format,
    FormatOpt,
    KapstokOpt,
    LockOpt,
    LogOpt,
    NoteFileOpt,
    ReasonFileOpt,
    app,
    guarded,
    text_input,
)
from ave_cli.cli.hooks import hooks
from ave_cli.cli.i18n import _, n_
from ave_cli.core.messages import AveError, Cancelled

if TYPE_CHECKING:
    from collections.abc import Callable

    from ave_cli.core.decisions import Change
    from ave_cli.core.model import Kapstok, Phase
    from ave_cli.flows.context import Context

ReasonOpt = Annotated[str, typer.Option("--reason", "-r", help=_("Waarom (verplicht)."))]
DecidedByOpt = Annotated[str, typer.Option(
    "--decided-by", help=_("Bij een meningsverschil: wie de knoop doorhakte (de "
                           "kapstok noemt wie dat standaard is)."))]
ConsultedOpt = Annotated[Optional[list[str]], typer.Option(
    "--in-overleg-met", help=_("Met wie is overlegd (herhaalbaar)."))]
NoteOpt = Annotated[str, typer.Option("--note", help=_("Vrije notitie bij het besluit."))]
CasusregisseurOpt = Annotated[str, typer.Option(
    "--casusregisseur", help=_("Wie (persoon of team) vanaf nu de casusregie heeft."))]
ProcesregisseurOpt = Annotated[str, typer.Option(
    "--procesregisseur", help=_("Wie (persoon of team) vanaf nu de procesregie heeft."))]


TEXT_LABELS = {"decided_by": "--decided-by", "note": "--note", "casusregisseur":
               "--casusregisseur", "procesregisseur": "--procesregisseur",
               "in_overleg_met": "--in-overleg-met"}


def _run_change(action: str, case: str, kapstok_opt: str | None, ctx: Context,
                dry_run: bool, fmt: Format, lock_timeout: float,
                make: Callable[[Kapstok, Any, Any], Change], who_fields: dict[str, Any]) -> None:
    """Read, decide with `make(kapstok, state, who)`, append (unless dry run), render."""
    from ave_cli.cli import output
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import case as render_case
    from ave_cli.core.decisions import check_case_id
    from ave_cli.core.guard import check_free_text
    from ave_cli.flows import decide as actions

    check_case_id(case)
    who_fields = {key: tuple(check_free_text(TEXT_LABELS[key], text) for text in value)
                  if isinstance(value, tuple) else check_free_text(TEXT_LABELS[key], value)
                  for key, value in who_fields.items()}  # each in its composed form (NFC)
    made, kap = actions.change(ctx, case, kapstok_opt, make, who_fields,
                               dry_run=dry_run, lock_timeout=lock_timeout, action=action)
    if fmt is Format.json:
        output.print_json(output.change_json(made, dry_run=dry_run))
    else:
        render.out().print(render_case.change_panel(made, kap, dry_run=dry_run))


def _texts(reason: str, reason_file: str | None, note: str,
           note_file: str | None) -> tuple[str, str]:
    if reason_file == "-" and note_file == "-":
        raise AveError(_("stdin kan maar één keer worden gelezen: geef de reden of de "
                         "notitie als bestand"))
    return (text_input(reason, reason_file, "--reason", _("De reden (verplicht):"), required=True),
            text_input(note, note_file, "--note", _("De notitie:")))


def _who(decided_by: str = "", in_overleg_met: list[str] | None = None, note: str = "",
         casusregisseur: str = "", procesregisseur: str = "") -> dict[str, Any]:
    """The Who fields a command was given (checked for BSN-like numbers by _run_change)."""
    return {"decided_by": decided_by, "in_overleg_met": tuple(in_overleg_met or ()), "note": note,
            "casusregisseur": casusregisseur, "procesregisseur": procesregisseur}


ESCALATE_HELP = _("Leg een opschaling vast.\n\n[bold]Horizontaal[/bold] (--to): de situatie "
                  "verandert, de casus gaat naar een hogere fase. Fasen overslaan mag (naar de "
                  "hoogste fase kan vanuit elke fase).\n[bold]Verticaal[/bold] (--role en "
                  "--holder): de fase blijft, er komt een regisseur bij of een andere regisseur, "
                  "meestal een procesregisseur.\n\n[bold]Voorbeelden[/bold]\n\n  ave escalate "
                  "WT-17 --to AVE3 --reason \"Samenwerking stagneert\" --signal agressie\n\n  ave "
                  "escalate WT-17 --role procesregie --holder \"OGGZ-coördinator\" --reason \"Hulp "
                  "stagneert\"\n\n  ave escalate WT-17 --to AVE4 --reason \"Dreigende onrust\" "
                  "--decided-by \"Teamleider Wmo\"\n")


@app.command("escalate", help=ESCALATE_HELP)
@guarded
def escalate_command(
    case_id: CaseArg,
    to: Annotated[Optional[str], typer.Option("--to", help=_("De hogere fase (horizontaal)."),
                                              autocompletion=complete.phase_ids)] = None,
    role: Annotated[Optional[str], typer.Option(
        "--role", help=_("De rol die een (andere) houder krijgt (verticaal): "
                         "casusregie of procesregie."))] = None,
    holder: Annotated[str, typer.Option("--holder", help=_("Wie de rol krijgt (met --role)."))] = "",
    reason: ReasonOpt = "",
    reason_file: ReasonFileOpt = None,
    signal: Annotated[Optional[list[str]], typer.Option(
        "--signal", autocompletion=complete.signal_keys,
        help=_("Gezien signaal (herhaalbaar): een waarde van de vraag 'signalen' van de "
               "kapstok; Tab vult ze aan."))] = None,
    in_overleg_met: ConsultedOpt = None,
    decided_by: DecidedByOpt = "",
    casusregisseur: CasusregisseurOpt = "",
    procesregisseur: ProcesregisseurOpt = "",
    note: NoteOpt = "",
    note_file: NoteFileOpt = None,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    by: ByOpt = None,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli.context import context
    from ave_cli.core.decisions import add_regisseur, escalate

    if (to is None) == (role is None):
        raise AveError(_("geef --to FASE (horizontaal) of --role ROL --holder NAAM "
                         "(verticaal)"))
    if role is None and holder:
        raise AveError(_("--holder hoort bij --role"))
    reason, note = _texts(reason, reason_file, note, note_file)
    extra = _who(decided_by, in_overleg_met, note, casusregisseur, procesregisseur)

    def make(kap: Kapstok, state: Any, who: Any) -> Change:
        if to is not None:
            return escalate(kap, state, case_id, to=to, reason=reason,
                            signals=tuple(signal or ()), who=who)
        assert role is not None  # without --to, --role is required (checked above)
        return add_regisseur(kap, state, case_id, role=role, holder=holder, reason=reason, who=who)

    _run_change("escalate", case_id, kapstok, context(log, kapstok, by), dry_run, fmt,
                lock_timeout, make, extra)


DEESCALATE_HELP = _("Leg een afschaling vast: de casus gaat naar een lagere fase.\n\nEerst toont "
                    "ave de afschaalcriteria van de huidige fase als checklist om te bevestigen; "
                    "zonder terminal bevestig je ze met --yes. Een criterium dat niet is "
                    "vervuld, wordt vastgelegd.\n\n[bold]Voorbeelden[/bold]\n\n  ave deescalate "
                    "WT-17 --to AVE2 --reason \"Doorbraak: samenwerking werkt weer\"\n\n  ave "
                    "deescalate WT-17 --to AVE1 --reason \"Situatie onder controle\" --yes "
                    "--decided-by \"Teamleider Wmo\"\n")


@app.command("deescalate", help=DEESCALATE_HELP)
@guarded
def deescalate_command(
    case_id: CaseArg,
    to: Annotated[str, typer.Option("--to", help=_("De lagere fase."),
                                    autocompletion=complete.phase_ids)],
    reason: ReasonOpt = "",
    reason_file: ReasonFileOpt = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("De afschaalcriteria zijn vervuld (sla "
                                                            "de checklist over)."))] = False,
    in_overleg_met: ConsultedOpt = None,
    decided_by: DecidedByOpt = "",
    casusregisseur: CasusregisseurOpt = "",
    procesregisseur: ProcesregisseurOpt = "",
    note: NoteOpt = "",
    note_file: NoteFileOpt = None,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    by: ByOpt = None,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli.context import context
    from ave_cli.core.decisions import deescalate

    reason, note = _texts(reason, reason_file, note, note_file)
    extra = _who(decided_by, in_overleg_met, note, casusregisseur, procesregisseur)
    unmet: tuple[str, ...] = ()
    ctx = context(log, kapstok, by)
    if not yes:
        unmet = _checklist(ctx, case_id, kapstok, dry_run)

    def make(kap: Kapstok, state: Any, who: Any) -> Change:
        return deescalate(kap, state, case_id, to=to, reason=reason, unmet=unmet, who=who)

    _run_change("deescalate", case_id, kapstok, ctx, dry_run, fmt, lock_timeout, make, extra)


def _checklist(ctx: Context, case: str, kapstok_opt: str | None,
               dry_run: bool) -> tuple[str, ...]:
    """Ask which down criteria of the current phase hold; return the ones that do not."""
    from ave_cli.cli import questionnaire as q
    from ave_cli.core.decisions import check_case_id, open_case
    from ave_cli.flows.decide import not_found, typo_of

    check_case_id(case)
    view = ctx.read(writing=not dry_run)
    state = view.case(case)
    if state is None and typo_of(view, case):
        raise not_found(view, case, ctx.settings.where)
    kap = ctx.kapstokken.for_case(kapstok_opt, state)
    _state, phase = open_case(state, case, kap)
    if not phase.afschalen_criteria:
        return ()
    ask = hooks["ask"]
    if ask is None:
        if not q.can_prompt():
            raise AveError(_("bevestig de afschaalcriteria met --yes (er is geen "
                             "terminal voor de checklist)"))
        ask = q.terminal_ask
    return ask_afschalen(ask, phase)


def ask_afschalen(ask: Callable[..., Any], phase: Phase) -> tuple[str, ...]:
    """The down criteria of the fase a case leaves, as a checklist to confirm: the ones not met
    (they are recorded), or Cancelled when the professional does not go on without them. Also
    asked when an afschaling is confirmed on the triage's review screen."""
    from ave_cli.flows.questions import Prompt

    if not phase.afschalen_criteria:
        return ()
    met = ask(Prompt("checkbox", _("Afschalen vanuit {phase}: welke criteria zijn "
                                     "vervuld?").format(phase=phase.id),
                       tuple((c, c) for c in phase.afschalen_criteria), []))
    unmet = tuple(c for c in phase.afschalen_criteria if c not in met)
    if unmet:
        question = n_("{n} criterium niet vervuld. Toch afschalen?",
                      "{n} criteria niet vervuld. Toch afschalen?", len(unmet))
        go = ask(Prompt("select", question.format(n=len(unmet)),
                          ((_("Nee, afbreken"), False), (_("Ja, afschalen en vastleggen wat niet "
                                                        "is vervuld"), True)), False))
        if not go:
            raise Cancelled
    return unmet


CLOSE_HELP = _("Sluit een casus af: geen (verdere) hulp nodig, of overgedragen aan het "
               "voorliggend veld. Een latere ave triage heropent de "
               "casus.\n\n[bold]Voorbeelden[/bold]\n\n  ave close WT-17 --reason \"Overgedragen "
               "aan het voorliggend veld\" --dry-run\n\n  ave close WT-17 --reason \"Geen verdere "
               "hulp nodig\"\n")


@app.command("close", help=CLOSE_HELP)
@guarded
def close_command(
    case_id: CaseArg,
    reason: ReasonOpt = "",
    reason_file: ReasonFileOpt = None,
    note: NoteOpt = "",
    note_file: NoteFileOpt = None,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    by: ByOpt = None,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli.context import context
    from ave_cli.core.decisions import close

    reason, note = _texts(reason, reason_file, note, note_file)

    def make(kap: Kapstok, state: Any, who: Any) -> Change:
        return close(kap, state, case_id, reason=reason, who=who)

    _run_change("close", case_id, kapstok, context(log, kapstok, by), dry_run, fmt, lock_timeout,
                make, _who(note=note))


SHOW_HELP = _("Toon een casus als film: de huidige stand (fase, dagen in de fase, regisseurs, "
              "open advies) en daaronder elk besluit op "
              "volgorde.\n\n[bold]Voorbeelden[/bold]\n\n  ave show WT-17\n\n  ave show WT-17 "
              "--format json\n")


@app.command("show", help=SHOW_HELP)
@guarded
def show_command(
    case_id: CaseArg,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import case as render_case
    from ave_cli.flows import decide as actions

    state, kap = actions.show(context(log, kapstok), case_id, kapstok)
    now = hooks["now"]()
    if fmt is Format.json:
        output.print_json(output.case_json(state, kap, now))
    else:
        render.out().print(render_case.case_view(state, kap, now, width=render.out().width))
