"""The plan (principle 4): `ave afspraak`, `ave afspraken`, `ave plan`."""

from __future__ import annotations

import sys
from enum import Enum
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
    app,
    guarded,
    trimmed,
)
from ave_cli.cli.i18n import _
from ave_cli.core.messages import AveError

if TYPE_CHECKING:
    from ave_cli.core.afspraken import Afspraak
    from ave_cli.core.model import Kapstok



class ListFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"


AFSPRAAK_HELP = _(
    "Leg een afspraak van het plan vast: wat er gebeurt, wie het doet (een organisatie of rol), "
    "op welk leefgebied, voor wie in het huishouden (een rol, nooit een naam) en uiterlijk "
    "wanneer. In een terminal vraagt ave wat je niet meegeeft en toont de afspraak voor je "
    "bevestigt.\n\nMet een nummer (A1, A2, ...) wijzig je de stand: --gedaan, --vervallen "
    "--reden ..., of --verleng DATUM --reden ....\n\n[bold]Voorbeelden[/bold]\n\n  ave afspraak "
    "WT-17 --wat \"Schuldhulp aanvragen\" --wie \"Wijkteam Noord\" --leefgebied financien "
    "--voor moeder --uiterlijk +14\n\n  ave afspraak WT-17 A1 --verleng 2027-01-31 --reden "
    "\"Wachtlijst schuldhulp\"\n\n  ave afspraak WT-17 A1 --gedaan\n")


@app.command("afspraak", help=AFSPRAAK_HELP)
@guarded
def afspraak_command(
    case_id: CaseArg,
    nummer: Annotated[Optional[str], typer.Argument(
        metavar=_("[NUMMER]"), help=_("Het nummer van een bestaande afspraak (A1) om de stand "
                                      "te wijzigen."), show_default=False)] = None,
    wat: Annotated[Optional[str], typer.Option("--wat", help=_("Wat er wordt gedaan."))] = None,
    wie: Annotated[Optional[str], typer.Option(
        "--wie", help=_("Wie het doet: een organisatie of rol, geen naam van een inwoner."))
    ] = None,
    leefgebied: Annotated[Optional[str], typer.Option(
        "--leefgebied", help=_("Het leefgebied (een sleutel uit de kapstok; ave kapstok show "
                               "noemt ze)."), autocompletion=complete.leefgebied_keys)] = None,
    voor: Annotated[Optional[str], typer.Option(
        "--voor", help=_("Voor wie in het huishouden: een rol zoals moeder, vader, kind 1 "
                         "(nooit een naam)."))] = None,
    uiterlijk: Annotated[Optional[str], typer.Option(
        "--uiterlijk", help=_("Uiterlijk wanneer: JJJJ-MM-DD, DD-MM-JJJJ of +14 (dagen vanaf "
                              "vandaag)."))] = None,
    note: Annotated[str, typer.Option("--note", help=_("Vrije notitie bij de afspraak."))] = "",
    gedaan: Annotated[bool, typer.Option("--gedaan", help=_("De afspraak is gedaan."))] = False,
    vervallen: Annotated[bool, typer.Option(
        "--vervallen", help=_("De afspraak is niet meer nodig (met --reden)."))] = False,
    verleng: Annotated[Optional[str], typer.Option(
        "--verleng", help=_("Een nieuwe, latere datum (met --reden)."))] = None,
    reden: Annotated[str, typer.Option("--reden", help=_("Waarom vervallen of verlengd."))] = "",
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    by: ByOpt = None,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import plan as render_plan
    from ave_cli.flows import plan as flow

    stands = [name for name, on in (("gedaan", gedaan), ("vervallen", vervallen),
                                    ("verlengd", verleng is not None)) if on]
    if len(stands) > 1:
        raise AveError(_("kies één van --gedaan, --vervallen en --verleng"))
    given = [f"--{name}" for name, value in (("wat", wat), ("wie", wie),
                                             ("leefgebied", leefgebied), ("voor", voor),
                                             ("uiterlijk", uiterlijk)) if value is not None]
    if stands and nummer is None:
        raise AveError(_("noem de afspraak: ave afspraak {case} A1 --{stand}").format(
            case=case_id, stand="verleng DATUM" if stands[0] == "verlengd" else stands[0]))
    if nummer is not None and given:
        raise AveError(_("{options} hoort bij een nieuwe afspraak; een bestaande wijzig je met "
                         "--gedaan, --vervallen of --verleng").format(options=", ".join(given)))
    if nummer is not None and not stands:
        raise AveError(_("zeg wat er met afspraak {nummer} is: --gedaan, --vervallen --reden "
                         "TEKST of --verleng DATUM --reden TEKST").format(nummer=nummer))
    if reden and not stands:
        raise AveError(_("--reden hoort bij --vervallen of --verleng"))
    ctx = context(log, kapstok, by)
    if fmt is Format.json:
        ctx.ask = None  # a script gets no questions: what is missing is refused in one line
    req = flow.AfspraakRequest(
        case=case_id, kapstok=kapstok, wat=wat, wie=wie, leefgebied=leefgebied, voor=voor,
        uiterlijk=uiterlijk, note=note, nummer=nummer, stand=stands[0] if stands else None,
        reden=reden, verleng=verleng, dry_run=dry_run, lock_timeout=lock_timeout)
    today = ctx.now().date()

    def confirm(a: Afspraak, kap: Kapstok) -> None:
        render.out().print(render_plan.afspraak_panel(
            a, kap, today, title=_("Nieuwe afspraak · casus {case}").format(case=a.case)))

    result = flow.afspraak(ctx, req, confirm=confirm)
    if fmt is Format.json:
        output.print_json({**output.afspraak_json(result.afspraak, today),
                           "kind": result.decision.kind,
                           "stand_change": result.decision.stand or None,
                           "decision_id": None if dry_run else result.decision.id,
                           "dry_run": dry_run})
    else:
        render.out().print(render_plan.result_panel(result, today))


AFSPRAKEN_HELP = _(
    "De afspraken van de plannen, over alle casussen (of één): open eerst, op datum; wat te "
    "laat is, staat er met 'te laat' bij.\n\n[bold]Voorbeelden[/bold]\n\n  ave afspraken "
    "--te-laat\n\n  ave afspraken WT-17\n\n  ave afspraken --open --wie \"Wijkteam\" "
    "--format csv > afspraken.csv\n")


@app.command("afspraken", help=AFSPRAKEN_HELP)
@guarded
def afspraken_command(
    case_id: Annotated[Optional[str], typer.Argument(
        metavar=_("[CASUS]"), help=_("Alleen de afspraken van deze casus."), show_default=False,
        autocompletion=complete.case_ids, callback=trimmed)] = None,
    open_only: Annotated[bool, typer.Option(
        "--open", help=_("Alleen open afspraken (van open casussen)."))] = False,
    te_laat: Annotated[bool, typer.Option(
        "--te-laat", help=_("Alleen open afspraken waarvan de datum voorbij is."))] = False,
    wie: Annotated[str, typer.Option(
        "--wie", help=_("Alleen afspraken van deze organisatie of rol (een deel van de naam "
                        "volstaat)."))] = "",
    voor_datum: Annotated[Optional[str], typer.Option(
        "--voor-datum", help=_("Alleen afspraken met een datum vóór deze datum (JJJJ-MM-DD "
                               "of +7)."))] = None,
    limit: Annotated[int, typer.Option(
        "--limit", min=0, help=_("Hoeveel afspraken de tekstweergave toont (open en te laat "
                                 "eerst); 0 = alle. JSON en CSV geven altijd alles."))] = 50,
    log: LogOpt = None,
    fmt: Annotated[ListFormat, typer.Option(
        "--format", "-f", help=_("Uitvoer: text, json of csv."))] = ListFormat.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import plan as render_plan
    from ave_cli.flows import plan as flow

    listing = flow.listing(context(log), flow.ListRequest(
        case=case_id, open_only=open_only, te_laat=te_laat, wie=wie, voor_datum=voor_datum))
    rows = [output.afspraak_json(a, listing.today) for a in listing.afspraken]
    if fmt is ListFormat.json:
        output.print_json({"today": listing.today.isoformat(), "afspraken": rows})
    elif fmt is ListFormat.csv:
        output.write_csv(sys.stdout, rows)
    else:
        render.out().print(render_plan.listing_view(listing, width=render.out().width,
                                                    limit=limit))


PLAN_HELP = _(
    "Het ene integrale plan van een casus (principe 4): elk leefgebied van de kapstok als rij, "
    "met de afspraken erop (open, te laat, gedaan), wie in het huishouden ze betreffen, en de "
    "leefgebieden zonder afspraak (ter informatie: niet elk huishouden heeft op elk leefgebied "
    "iets nodig).\n\n[bold]Voorbeelden[/bold]\n\n  ave plan WT-17\n\n  ave plan WT-17 "
    "--format json\n")


@app.command("plan", help=PLAN_HELP)
@guarded
def plan_command(
    case_id: CaseArg,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.i18n import k_
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import plan as render_plan
    from ave_cli.flows import plan as flow

    result = flow.plan(context(log, kapstok), case_id, kapstok)
    if fmt is Format.json:
        data: dict[str, Any] = {
            "case": result.state.case, "phase": result.state.phase,
            "plan": render_plan.plan_name(result.kapstok), "household": result.members,
            "leefgebieden": [{"key": row.leefgebied.key, "label": k_(row.leefgebied.label),
                              "afspraken": [output.afspraak_json(a, result.today)
                                            for a in row.afspraken]} for row in result.rows]}
        output.print_json(data)
    else:
        render.out().print(render_plan.plan_view(result, width=render.out().width))
