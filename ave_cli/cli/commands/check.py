"""Keeping the log whole and private: `ave check`, `ave purge`, `ave reindex`."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from ave_cli.cli.app import (
    LOCK_TIMEOUT,
    DryRunOpt,
    Format,
    FormatOpt,
    KapstokOpt,
    LockOpt,
    LogOpt,
    app,
    guarded,
)
from ave_cli.cli.hooks import asker
from ave_cli.cli.i18n import _, n_
from ave_cli.core.messages import AveError, Cancelled

CHECK_HELP = _("Controleer het hele caselog en de kapstokken: elk record (zegel, velden en "
               "typen), unieke besluit-ids, de tijdsvolgorde per casus, fasen die de kapstok van "
               "het besluit kent, ten hoogste één casusregisseur en één procesregisseur per "
               "casus tegelijk, en de bestandsrechten. Elk probleem komt met zijn regelnummer. "
               "Exitcode 0: in orde; 1: er is iets mis.\n\nMet --repair gaat een beschadigd "
               "einde (na een crash of een volle schijf) naar een quarantainebestand naast het "
               "log; het log houdt al zijn intacte besluiten. Beschadiging midden in het log "
               "wordt nooit automatisch hersteld.\n\nHet caselog, zijn toeganglog en de laatste "
               "kop die deze computer zag bewaken elkaar: een ingekort, teruggezet of "
               "herschreven log wordt gemeld. Met --head KOP bewijst ave dat het log een eerder "
               "genoteerde kop (van `ave head`, bijvoorbeeld in de notulen) nog voortzet. "
               "\n\n[bold]Voorbeelden[/bold]\n\n  ave check\n\n  ave check --repair\n")


@app.command("check", help=CHECK_HELP)
@guarded
def check_command(
    repair: Annotated[bool, typer.Option("--repair", help=_("Zet een beschadigd einde in "
                                                            "quarantaine."))] = False,
    head: Annotated[Optional[str], typer.Option(
        "--head", metavar="KOP", help=_("Bewijs dat het caselog deze eerder genoteerde kop "
                                        "(van `ave head`) nog voortzet."))] = None,
    accept_log: Annotated[bool, typer.Option(
        "--accept-log", help=_("Neem het caselog zoals het nu is aan als het juiste (na het "
                               "bewust terugzetten van een back-up); wordt vastgelegd in het "
                               "toeganglog."))] = False,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows import read as actions_read
    from ave_cli.flows.kapstokken import bundled_kapstokken

    ctx = context(log, kapstok)
    path = ctx.settings.where
    if head is not None or accept_log:
        if accept_log:
            before, now = actions_read.accept_log(ctx)
            if fmt is Format.json:
                output.print_json({"log": path, "accepted": f"{now[0]}:{now[1]}",
                                   "replaced": f"{before[0]}:{before[1]}" if before else None})
            else:
                render.out().print(_("Het caselog is aangenomen zoals het nu is: kop {head} "
                                     "({count} besluiten); vastgelegd in het "
                                     "toeganglog.").format(head=f"{now[0]}:{now[1]}",
                                                           count=now[0]), soft_wrap=True)
            return
        assert head is not None
        ok, message = actions_read.extends(ctx, head)
        if fmt is Format.json:
            output.print_json({"log": path, "head": head, "ok": ok, "message": str(message)})
        else:
            render.out().print(str(message), soft_wrap=True, markup=False)
        if not ok:
            raise typer.Exit(1)
        return
    result = actions_read.check(ctx, kapstok, repair=repair,
                                stamp=ctx.now().strftime("%Y%m%dT%H%M%S"),
                                lock_timeout=lock_timeout, bundled=bundled_kapstokken())
    problems, faults, repaired = result.problems, result.faults, result.repaired
    if fmt is Format.json:
        output.print_json({
            "log": path, "decisions": result.decisions, "ok": not faults,
            "problems": [{"line": p.line, "message": str(p.message)} for p in faults],
            "notes": [{"line": p.line, "message": str(p.message)} for p in problems if p.info],
            "repaired": ({"quarantine": str(repaired.quarantine), "bytes": repaired.moved,
                          "line": repaired.line} if repaired else None)})
    else:
        console = render.out()
        if repaired:
            console.print(_("Hersteld: {moved} beschadigde bytes vanaf regel {line} "
                            "staan nu in {quarantine}").format(
                              moved=repaired.moved, line=repaired.line,
                              quarantine=repaired.quarantine))
        elif repair:
            console.print(_("Er was geen beschadigd einde om te herstellen."))
        for p in problems:
            where = f"{path}:{p.line}: " if p.line else f"{path}: "
            note = _("(ter informatie) ") if p.info else ""
            console.print(where + note + str(p.message), soft_wrap=True, markup=False)
        if not faults:
            summary = _("{n} besluiten gecontroleerd: in orde.").format(n=result.decisions)
        else:
            summary = n_("{n} besluiten gecontroleerd: {p} probleem.",
                         "{n} besluiten gecontroleerd: {p} problemen.",
                         len(faults)).format(n=result.decisions, p=len(faults))
        console.print(summary)
    if faults:
        raise typer.Exit(1)


PURGE_HELP = _("Verwijder de besluiten van casussen die vóór een datum zijn afgesloten "
               "(bewaartermijn, AVG). Dit is de enige opdracht die het log herschrijft: er wordt "
               "een nieuw bestand geschreven dat het oude in één keer vervangt, met dezelfde "
               "rechten. Vraagt om bevestiging (of --yes).\n\n[bold]Voorbeelden[/bold]\n\n  ave "
               "purge --closed-before 2024-01-01 --dry-run\n\n  ave purge --closed-before "
               "2024-01-01 --yes\n")


@app.command("purge", help=PURGE_HELP)
@guarded
def purge_command(
    closed_before_date: Annotated[str, typer.Option(
        "--closed-before", help=_("Verwijder casussen die vóór deze datum (JJJJ-MM-DD) "
                                  "zijn afgesloten."))],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Niet om bevestiging vragen."))] = False,
    log: LogOpt = None,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows import upkeep
    from ave_cli.flows.questions import Prompt

    try:
        cutoff = date.fromisoformat(closed_before_date)
    except ValueError:
        raise AveError(_("--closed-before '{closed_before_date}' is geen datum; "
                         "schrijf JJJJ-MM-DD").format(closed_before_date=closed_before_date)) from None
    ctx = context(log)
    if not ctx.store.exists():
        raise AveError(_("caselog {log} bestaat niet").format(log=ctx.settings.log))

    def confirm(removed: int, cases: int) -> None:
        if yes:
            return
        ask = asker()
        if ask is None:
            raise AveError(_("bevestig het verwijderen met --yes (er is geen terminal "
                             "om het te vragen)"))
        if not ask(Prompt("select", _("{removed} besluiten van {cases} afgesloten "
                                      "casussen definitief verwijderen?").format(
                                        removed=removed, cases=cases),
                          ((_("Nee, afbreken"), False), (_("Ja, verwijderen"), True)), False)):
            raise Cancelled

    gone, removed = upkeep.purge(ctx, cutoff, dry_run=dry_run,
                                  confirm=confirm, lock_timeout=lock_timeout)
    if fmt is Format.json:
        output.print_json({"cases": len(gone), "decisions": removed, "dry_run": dry_run,
                           "closed_before": cutoff.isoformat()})
    else:
        if dry_run:
            text = _("{cases} casussen afgesloten vóór {cutoff}: {removed} besluiten zou "
                     "ave verwijderen (proefrun).")
        else:
            text = _("{cases} casussen afgesloten vóór {cutoff}: {removed} besluiten verwijderd.")
        render.out().print(text.format(cases=len(gone), cutoff=cutoff, removed=removed))


@app.command("reindex", help=_("Bouw de afgeleide index van het caselog opnieuw op (in "
                               "de gebruikerscachemap). Dat gebeurt ook vanzelf als "
                               "het log anders is veranderd dan door toevoegen; de "
                               "index weggooien kost nooit "
                               "gegevens.\n\n[bold]Voorbeeld[/bold]\n\n  ave reindex"))
@guarded
def reindex_command(log: LogOpt = None) -> None:
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render

    store = context(log).store
    view, where = store.reindex()
    render.out().print(_("Index opnieuw opgebouwd: {count} besluiten, {n_cases} "
                         "casussen ({where}).").format(
                           count=sum(1 for _d in view.decisions()), n_cases=len(view.cases()), where=where))
    if view.damage is not None:
        render.warning(store.damage_message(view.damage))



HEAD_HELP = _("Toon de kop van het caselog op één regel: het aantal besluiten en het zegel van "
              "het laatste. Noteer hem (de besluitenlijst van een overleg doet het ook); later "
              "bewijst `ave check --head KOP` dat het log hem nog voortzet, ook als iemand het "
              "log, het toeganglog en de cache samen herschreef.\n\n[bold]Voorbeelden[/bold]\n\n"
              "  ave head\n\n  ave head --format json\n")


@app.command("head", help=HEAD_HELP)
@guarded
def head_command(log: LogOpt = None, fmt: FormatOpt = Format.text) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows import read as actions_read

    ctx = context(log)
    count, seal = actions_read.log_head(ctx)
    if fmt is Format.json:
        output.print_json({"log": ctx.settings.where, "count": count, "seal": seal,
                           "head": f"{count}:{seal}"})
    else:
        render.out().print(_("{head}  ({count} besluiten in {log})").format(
            head=f"{count}:{seal}", count=count, log=ctx.settings.where), soft_wrap=True,
            markup=False)
