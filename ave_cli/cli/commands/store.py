"""`ave store` (init, add-team, share) and `ave migrate`: the PostgreSQL store of a team."""

from __future__ import annotations

from typing import Annotated

import typer

from ave_cli.cli import chrome
from ave_cli.cli.app import AveTyper, Format, FormatOpt, LogOpt, TeamOpt, app, guarded, trimmed
from ave_cli.cli.i18n import _

store_app = AveTyper(cls=chrome.Group, add_completion=False, rich_markup_mode="rich", help=_(
    "De gedeelde store van een team in PostgreSQL: inrichten, teams, casussen delen. Elke "
    "andere opdracht werkt er ook mee: geef --log postgresql://... (of $AVE_LOG).\n\n"
    "[bold]Voorbeelden[/bold]\n\n  ave store init postgresql://ave_eigenaar@db.gemeente.nl/ave\n\n"
    "  ave store add-team noord --log postgresql://ave_eigenaar@db.gemeente.nl/ave\n"))
app.add_typer(store_app, name="store")

UrlArg = Annotated[str, typer.Argument(metavar="ADRES", help=_(
    "Het adres van de database (postgresql://gebruiker@host/database), zonder wachtwoord: "
    "dat staat in ~/.pgpass."))]


@store_app.command("init", help=_(
    "Richt de store in, of werk het schema bij (met versie; nog eens uitvoeren verandert "
    "niets; een store van een eerdere versie wordt omgezet zonder een regel te verliezen). Uit "
    "te voeren door een beheerder: de eigenaar van de database, met het recht om rollen te "
    "maken (CREATEROLE). De tabellen komen van de rol ave_owner zonder login; de beheerder "
    "wordt daar geen lid van.\n\n[bold]Voorbeeld[/bold]\n\n  ave store init "
    "postgresql://ave_eigenaar@db.gemeente.nl/ave\n"))
@guarded
def init_command(url: UrlArg, fmt: FormatOpt = Format.text) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.render import base as render
    from ave_cli.flows import admin

    done = admin.init(url)
    url, before, after, changes = done.store, done.before, done.after, done.changes
    if fmt is Format.json:
        output.print_json({"store": url, "schema_before": before, "schema": after,
                           "changes": [str(change) for change in changes]})
    elif before == after:
        render.out().print(_("De store {url} is al bij (schemaversie {version}).").format(
            url=url, version=after))
    elif before:
        render.out().print(_("De store {url} is bijgewerkt (schemaversie {before} → {after}); "
                             "er ging geen regel verloren:").format(url=url, before=before,
                                                                     after=after))
        for change in changes:
            render.out().print(f"  - {change}")
    else:
        render.out().print(_("De store {url} is ingericht (schemaversie {before} → {after}). "
                             "Maak nu teams met: ave store add-team NAAM --log {url}").format(
                                 url=url, before=before, after=after))


@store_app.command("add-team", help=_(
    "Maak een team: een PostgreSQL-rol zonder login. Wie in het team werkt, krijgt de rol "
    "(GRANT noord TO anna) en ziet dan de casussen van het team, en alleen die.\n\n"
    "[bold]Voorbeeld[/bold]\n\n  ave store add-team noord --log "
    "postgresql://ave_eigenaar@db.gemeente.nl/ave\n"))
@guarded
def add_team_command(
    name: Annotated[str, typer.Argument(metavar="NAAM", help=_("De naam van het team."))],
    log: LogOpt = None,
) -> None:
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows import admin

    if admin.add_team(context(log), name):
        render.out().print(_("Team {team} gemaakt. Geef mensen toegang met: GRANT {team} TO "
                             "<inlognaam>;").format(team=name))
    else:
        render.out().print(_("Team {team} bestond al.").format(team=name))


@store_app.command("share", help=_(
    "Deel een casus van je eigen team met een ander team (bijvoorbeeld het Zorg- en "
    "Veiligheidshuis, dat werkt namens de partner die de casus inbrengt). Alleen het team van "
    "de casus kan hem delen; het andere team kan hem zien en er besluiten over vastleggen, maar "
    "niet verder delen, afsluiten voor een ander team of verwijderen. Het delen komt in het "
    "toeganglog.\n\n"
    "[bold]Voorbeeld[/bold]\n\n  ave store share WT-17 --team zvh\n"))
@guarded
def share_command(
    case: Annotated[str, typer.Argument(metavar="CASUS", help=_("De casus."), callback=trimmed)],
    team: Annotated[str, typer.Option("--team", help=_("Het team dat de casus gaat zien."))],
    log: LogOpt = None,
) -> None:
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows import admin

    if admin.share(context(log), case, team):
        render.out().print(_("Casus {case} is gedeeld met team {team}.").format(case=case,
                                                                               team=team))
    else:
        render.out().print(_("Team {team} zag casus {case} al.").format(case=case, team=team))


@app.command("migrate", help=_(
    "Kopieer een caselog-bestand naar de store van je team. Nog eens uitvoeren voegt niets "
    "toe (elk besluit heeft een eigen id); daarna wordt de keten van elke casus gecontroleerd. "
    "De weg terug: ave export --format toml.\n\n[bold]Voorbeeld[/bold]\n\n  ave migrate --log "
    "caselog.toml --to postgresql://anna@db.gemeente.nl/ave --team noord\n"))
@guarded
def migrate_command(
    to: Annotated[str, typer.Option("--to", metavar="ADRES", help=_(
        "De store (postgresql://...)."))],
    log: LogOpt = None,
    team: TeamOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows import admin

    ctx = context(log)
    done = admin.migrate(ctx, to, team)
    if fmt is Format.json:
        output.print_json({"log": str(ctx.settings.log), "store": to, "decisions": done.decisions,
                           "added": done.added, "chain_ok": done.chain_ok})
    else:
        render.out().print(_("{added} van {total} besluiten toegevoegd aan {store} (de rest "
                             "stond er al); de keten van elke casus is {verdict}.").format(
                                 added=done.added, total=done.decisions, store=to,
                                 verdict=_("in orde") if done.chain_ok else _("NIET in orde")))
    if not done.chain_ok:
        raise typer.Exit(1)
