"""Keeping the log whole and private: `ave check`, `ave purge`, `ave reindex`."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from ave_cli.cli import (
    LOCK_TIMEOUT,
    DryRunOpt,
    Format,
    FormatOpt,
    KapstokOpt,
    LockOpt,
    LogOpt,
    app,
    asker,
    guarded,
    hooks,
)
from ave_cli.errors import AveError

if TYPE_CHECKING:
    from ave_cli.audit import Problem

CHECK_HELP = """Controleer het hele caselog en de kapstokken: elk record (zegel, velden en typen),
unieke besluit-ids, de tijdsvolgorde per casus, fasen die de kapstok van het besluit kent, ten
hoogste één casusregisseur en één procesregisseur per casus tegelijk, en de bestandsrechten.
Elk probleem komt met zijn regelnummer. Exitcode 0: in orde; 1: er is iets mis.

Met --repair gaat een beschadigd einde (na een crash of een volle schijf) naar een
quarantainebestand naast het log; het log houdt al zijn intacte besluiten. Beschadiging midden
in het log wordt nooit automatisch hersteld.

[bold]Voorbeelden[/bold]

  ave check

  ave check --repair
"""


@app.command("check", help=CHECK_HELP)
@guarded
def check_command(
    repair: Annotated[bool, typer.Option("--repair", help="Zet een beschadigd einde in "
                                         "quarantaine.")] = False,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli import caselog, logformat, render, settings
    from ave_cli.audit import Problem, audit

    conf = settings.resolve(log, kapstok)
    path = conf.log
    repaired = None
    if repair:
        repaired = caselog.repair(path, hooks["now"]().strftime("%Y%m%dT%H%M%S"),
                                  lock_timeout=lock_timeout)
        caselog.drop_index(path, conf.cache)
    problems: list[Problem] = []
    kapstokken = _check_kapstokken(kapstok, conf.kapstok, problems)
    blocks: list[logformat.Block] = []
    if path.is_dir():
        problems.append(Problem(0, f"{path} is een map, geen caselog"))
    elif path.exists():
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise caselog.EnvironmentProblem(f"caselog {path} is onleesbaar ({exc.strerror})") \
                from None
        blocks, damaged = logformat.scan(data)
        problems += [Problem(d.line, d.problem) for d in damaged]
        problems += audit(blocks, lambda name: kapstokken.get(name))
        if caselog.readable_by_others(path):
            problems.append(Problem(0, f"het caselog is leesbaar voor anderen; beperk het met: "
                                       f"chmod 600 {path}"))
    problems.sort(key=lambda p: p.line)
    if fmt is Format.json:
        render.print_json({
            "log": str(path), "decisions": len(blocks), "ok": not problems,
            "problems": [{"line": p.line, "message": p.message} for p in problems],
            "repaired": ({"quarantine": str(repaired.quarantine), "bytes": repaired.moved,
                          "line": repaired.line} if repaired else None)})
    else:
        console = render.out()
        if repaired:
            console.print(f"Hersteld: {repaired.moved} beschadigde bytes vanaf regel "
                          f"{repaired.line} staan nu in {repaired.quarantine}")
        elif repair:
            console.print("Er was geen beschadigd einde om te herstellen.")
        for p in problems:
            console.print(f"{path}:{p.line}: {p.message}" if p.line else f"{path}: {p.message}",
                          soft_wrap=True, markup=False)
        console.print(f"{len(blocks)} besluiten gecontroleerd: "
                      + ("in orde." if not problems else f"{len(problems)} probleem/problemen."))
    if problems:
        raise typer.Exit(1)


def _check_kapstokken(explicit: str | None, configured: str, problems: list[Problem]) -> dict:
    from ave_cli import settings
    from ave_cli.audit import Problem
    from ave_cli.kapstok import KapstokError

    found = {}
    for spec in dict.fromkeys([explicit, configured, *settings.bundled_kapstokken()]):
        if not spec:
            continue
        try:
            kapstok = settings.load_kapstok(spec)
        except KapstokError as exc:
            problems.append(Problem(0, str(exc)))
            continue
        found.setdefault(kapstok.name, kapstok)
    return found


PURGE_HELP = """Verwijder de besluiten van casussen die vóór een datum zijn afgesloten (bewaartermijn,
AVG). Dit is de enige opdracht die het log herschrijft: er wordt een nieuw bestand geschreven dat
het oude in één keer vervangt, met dezelfde rechten. Vraagt om bevestiging (of --yes).

[bold]Voorbeelden[/bold]

  ave purge --closed-before 2024-01-01 --dry-run

  ave purge --closed-before 2024-01-01 --yes
"""


@app.command("purge", help=PURGE_HELP)
@guarded
def purge_command(
    closed_before_date: Annotated[str, typer.Option(
        "--closed-before", help="Verwijder casussen die vóór deze datum (JJJJ-MM-DD) zijn "
        "afgesloten.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Niet om bevestiging vragen.")] = False,
    log: LogOpt = None,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli import caselog, render, settings
    from ave_cli.audit import closed_before
    from ave_cli.questionnaire import Prompt

    try:
        cutoff = date.fromisoformat(closed_before_date)
    except ValueError:
        raise AveError(f"--closed-before '{closed_before_date}' is geen datum; schrijf "
                       "JJJJ-MM-DD") from None
    conf = settings.resolve(log)
    if not conf.log.exists():
        raise AveError(f"caselog {conf.log} bestaat niet")
    gone, removed = caselog.rewrite_without(
        conf.log, lambda blocks: closed_before(blocks, cutoff), cache_dir=conf.cache, dry_run=True,
        lock_timeout=lock_timeout)
    if gone and not dry_run and not yes:
        ask = asker()
        if ask is None:
            raise AveError("bevestig het verwijderen met --yes (er is geen terminal om het te vragen)")
        if not ask(Prompt("select", f"{removed} besluiten van {len(gone)} afgesloten casussen "
                                    "definitief verwijderen?",
                          (("Nee, afbreken", False), ("Ja, verwijderen", True)), False)):
            raise KeyboardInterrupt
    if gone and not dry_run:
        # Decided again under the lock: a case reopened meanwhile is not removed.
        gone, removed = caselog.rewrite_without(
            conf.log, lambda blocks: closed_before(blocks, cutoff) & gone, cache_dir=conf.cache,
            dry_run=False, lock_timeout=lock_timeout)
    if fmt is Format.json:
        render.print_json({"cases": len(gone), "decisions": removed, "dry_run": dry_run,
                           "closed_before": cutoff.isoformat()})
    else:
        verb = "zou verwijderen" if dry_run else "verwijderd"
        render.out().print(f"{len(gone)} casussen afgesloten vóór {cutoff}: {removed} besluiten "
                           f"{verb}.")


@app.command("reindex", help="Bouw de afgeleide index van het caselog opnieuw op (in de "
             "gebruikerscachemap). Dat gebeurt ook vanzelf als het log anders is veranderd dan "
             "door toevoegen; de index weggooien kost nooit gegevens.\n\n[bold]Voorbeeld[/bold]\n\n"
             "  ave reindex")
@guarded
def reindex_command(log: LogOpt = None) -> None:
    from ave_cli import caselog, render, settings

    conf = settings.resolve(log)
    view = caselog.reindex(conf.log, conf.cache)
    where = caselog.index_path(conf.log, conf.cache)
    render.out().print(f"Index opnieuw opgebouwd: {view.index.count()} besluiten, "
                       f"{len(view.cases())} casussen ({where}).")
    if view.damage is not None:
        render.warning(caselog.damage_message(conf.log, view.damage))

