"""`ave store` (init, add-team, share) and `ave migrate`: the PostgreSQL store of a team."""

from __future__ import annotations

from typing import Annotated

import typer

from ave_cli import chrome
from ave_cli.app import AveTyper, Format, FormatOpt, LogOpt, TeamOpt, app, guarded
from ave_cli.core.messages import AveError
from ave_cli.i18n import _

store_app = AveTyper(cls=chrome.Group, add_completion=False, rich_markup_mode="rich", help=_(
    "De gedeelde store van een team in PostgreSQL: inrichten, teams, casussen delen. Elke "
    "andere opdracht werkt er ook mee: geef --log postgresql://... (of $AVE_LOG).\n\n"
    "[bold]Voorbeelden[/bold]\n\n  ave store init postgresql://ave_eigenaar@db.gemeente.nl/ave\n\n"
    "  ave store add-team noord --log postgresql://ave_eigenaar@db.gemeente.nl/ave\n"))
app.add_typer(store_app, name="store")

UrlArg = Annotated[str, typer.Argument(metavar="ADRES", help=_(
    "Het adres van de database (postgresql://gebruiker@host/database), zonder wachtwoord: "
    "dat staat in ~/.pgpass."))]


def _store_url(log: str | None) -> str:
    from ave_cli import settings

    conf = settings.resolve(log)
    if not conf.url:
        raise AveError(_("dit werkt alleen met een PostgreSQL-store; geef --log "
                         "postgresql://... of zet $AVE_LOG"))
    return conf.url


def _url(value: str) -> str:
    from ave_cli.stores.postgres.store import is_address

    if not is_address(value):
        raise AveError(_("'{value}' is geen PostgreSQL-adres; het begint met "
                         "postgresql://").format(value=value))
    return value


@store_app.command("init", help=_(
    "Richt de store in, of werk het schema bij (met versie; nog eens uitvoeren verandert "
    "niets; een store van een eerdere versie wordt omgezet zonder een regel te verliezen). Uit "
    "te voeren door een beheerder: de eigenaar van de database, met het recht om rollen te "
    "maken (CREATEROLE). De tabellen komen van de rol ave_owner zonder login; de beheerder "
    "wordt daar geen lid van.\n\n[bold]Voorbeeld[/bold]\n\n  ave store init "
    "postgresql://ave_eigenaar@db.gemeente.nl/ave\n"))
@guarded
def init_command(url: UrlArg, fmt: FormatOpt = Format.text) -> None:
    from ave_cli import output, render
    from ave_cli.stores.postgres import admin as pgadmin
    from ave_cli.stores.postgres import store as pgstore

    before, after, changes = pgadmin.init(_url(url))
    url = pgstore.redact(url)
    if fmt is Format.json:
        output.print_json({"store": url, "schema_before": before, "schema": after,
                           "changes": changes})
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
    import re

    from ave_cli import render
    from ave_cli.core.guard import check_free_text
    from ave_cli.stores.postgres import admin as pgadmin
    from ave_cli.stores.postgres.schema import MAX_TEAM_DIGITS

    check_free_text(_("de teamnaam"), name)
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,62}", name) or sum(
            c.isdigit() for c in name) > MAX_TEAM_DIGITS:
        raise AveError(_("teamnaam '{name}' kan niet: gebruik kleine letters, cijfers (ten "
                         "hoogste {digits}) en _, beginnend met een letter").format(
                             name=name, digits=MAX_TEAM_DIGITS))
    url = _store_url(log)
    if pgadmin.add_team(url, name):
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
    case: Annotated[str, typer.Argument(metavar="CASUS", help=_("De casus."))],
    team: Annotated[str, typer.Option("--team", help=_("Het team dat de casus gaat zien."))],
    log: LogOpt = None,
) -> None:
    from ave_cli import render, settings
    from ave_cli.stores.postgres import admin as pgadmin

    conf = settings.resolve(log)
    url = _store_url(log)
    # the store records the share in the access log of the case's team, in the same transaction
    shared = pgadmin.share(url, case.strip(), team, own_team=conf.team, by=conf.by)
    if shared:
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
    from ave_cli import output, render, settings
    from ave_cli.record.logformat import LogError
    from ave_cli.stores.file.caselog import read_all
    from ave_cli.stores.postgres import store as pgstore

    conf = settings.resolve(log)
    if conf.url:
        raise AveError(_("--log moet het caselog-bestand zijn dat je kopieert"))
    if not conf.log.is_file():
        raise AveError(_("caselog {log} bestaat niet").format(log=conf.log))
    parsed = read_all(conf.log)
    if parsed.damage is not None:
        raise LogError(_("caselog {log} is beschadigd (regel {line}); herstel het eerst met "
                         "ave check --repair").format(log=conf.log, line=parsed.damage.line))
    store = pgstore.PgStore(_url(to), team or conf.team)
    added = store.migrate([b.decision for b in parsed.blocks])
    _blocks, problems = store.scan()
    if fmt is Format.json:
        output.print_json({"log": str(conf.log), "store": to, "decisions": len(parsed.blocks),
                           "added": added, "chain_ok": not problems})
    else:
        render.out().print(_("{added} van {total} besluiten toegevoegd aan {store} (de rest "
                             "stond er al); de keten van elke casus is {verdict}.").format(
                                 added=added, total=len(parsed.blocks), store=to,
                                 verdict=_("in orde") if not problems else _("NIET in orde")))
    if problems:
        raise typer.Exit(1)
