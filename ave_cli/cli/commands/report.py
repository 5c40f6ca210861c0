"""Views over all cases: `ave report`, `ave reevaluate`, `ave export`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from ave_cli.cli.app import (
    LOCK_TIMEOUT,
    ByOpt,
    DryRunOpt,
    KapstokOpt,
    LockOpt,
    LogOpt,
    TeamOpt,
    app,
    guarded,
)
from ave_cli.cli.hooks import asker
from ave_cli.cli.i18n import _
from ave_cli.core.messages import AveError, Cancelled, EnvironmentProblem


class TableFormat(str, Enum):
    text = "text"
    json = "json"
    csv = "csv"
    html = "html"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    toml = "toml"


REPORT_HELP = _("Overzicht van de open casussen: het aantal per fase (met het aandeel), en per "
                "casus de fase, sinds wanneer, de regisseurs, het laatste besluit en de "
                "signaleringen.\n\nSignaleringen (per fase in te stellen in de kapstok): "
                "[bold]review[/bold] evaluatie te laat;\n[bold]long[/bold] lang in hoge fase, "
                "overweeg afschalen; [bold]casusregie[/bold] casusregisseur ontbreekt; "
                "[bold]procesregie[/bold] procesregie geadviseerd, niet "
                "benoemd.\n\n[bold]Voorbeelden[/bold]\n\n  ave report\n\n  ave report --phase "
                "AVE3 --phase AVE4 --flag review\n\n  ave report --all --format csv > "
                "casussen.csv\n\n  ave report --format html --output evaluatie.html --since "
                "2026-01-01\n\nMet --format html komt er een evaluatierapport (borgen): één "
                "HTML-bestand voor de beleidsadviseur en de teamleider, met grafieken van de "
                "fasen tegen de verwachting van de kapstok, in- en uitstroom per maand, tijd in "
                "een fase, overgangen, afwijkingen van het advies en signaleringen. Zonder "
                "casusnummers of namen (tenzij --detail); aantallen onder 5 staan er als < 5. "
                "Het bestand werkt offline en print op A4.\n")


@app.command("report", help=REPORT_HELP)
@guarded
def report_command(
    phase: Annotated[Optional[list[str]], typer.Option(
        "--phase", help=_("Alleen casussen in deze fase (herhaalbaar)."))] = None,
    flag: Annotated[Optional[list[str]], typer.Option(
        "--flag", help=_("Alleen casussen met deze signalering (review, long, "
                         "casusregie, procesregie; herhaalbaar)."))]
    = None,
    by: Annotated[Optional[str], typer.Option(
        "--by", help=_("Alleen casussen waarin deze persoon besliste of regisseur is."))] = None,
    since: Annotated[Optional[str], typer.Option(
        "--since", help=_("Alleen casussen met een besluit op of na deze datum "
                          "(JJJJ-MM-DD)."))] = None,
    until: Annotated[Optional[str], typer.Option(
        "--until", help=_("Met --format html: de periode loopt tot en met deze datum "
                          "(JJJJ-MM-DD; standaard vandaag)."))] = None,
    all_cases: Annotated[bool, typer.Option("--all", help=_("Ook afgesloten casussen."))] = False,
    limit: Annotated[int, typer.Option(
        "--limit", min=0, help=_("Hoeveel casussen de tekstweergave toont, de meest "
                                 "urgente eerst (hoogste fase, meeste signaleringen, "
                                 "langst in de fase); 0 = alle. JSON en CSV geven "
                                 "altijd alles."))] = 20,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help=_(
        "text, json, csv of html (het evaluatierapport, met --output)."))]
    = TableFormat.text,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help=_("Met --format html: schrijf naar dit nieuwe bestand (rechten "
                                 "0600)."))] = None,
    detail: Annotated[bool, typer.Option(
        "--detail", help=_("Met --format html: ook casusnummers en namen van regisseurs."))]
    = False,
    team: TeamOpt = None,
) -> None:
    from ave_cli.cli import output as formats
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import case as render_case
    from ave_cli.core.report import FLAGS, Filters
    from ave_cli.flows import read as actions_read

    if fmt is TableFormat.html:
        _evaluation(log, kapstok, since, until, output, detail, team)
        return
    for name, value in (("--until", until), ("--output", output), ("--team", team)):
        if value is not None:
            raise AveError(_("{option} hoort bij --format html").format(option=name))
    if detail:
        raise AveError(_("{option} hoort bij --format html").format(option="--detail"))

    for name in flag or ():
        if name not in FLAGS:
            raise AveError(_("onbekende signalering '{name}' (kies uit {flags})").format(
                               name=name, flags=', '.join(FLAGS)))
    filters = Filters(phases=tuple(phase or ()), flags=tuple(flag or ()), by=by or "",
                      since=_date(since), include_closed=all_cases)
    report = actions_read.report(context(log, kapstok), filters, kapstok)
    if fmt is TableFormat.json:
        formats.print_json(formats.report_json(report))
    elif fmt is TableFormat.csv:
        formats.write_csv(sys.stdout, formats.report_rows(report))
    else:
        render.out().print(render_case.report_view(report, limit=limit, width=render.out().width))


def _date(text: str | None, option: str = "--since") -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise AveError(_("{option} '{text}' is geen datum; schrijf JJJJ-MM-DD").format(
            option=option, text=text)) from None


def _evaluation(log: str | None, kapstok: str | None, since: str | None, until: str | None,
                output: Path | None, detail: bool, team: str | None) -> None:
    """The evaluation report: one self-contained HTML file, created 0600, never overwriting."""
    from ave_cli.cli import i18n
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import html as render_html
    from ave_cli.flows import read as actions_read

    if output is None or str(output) == "-":
        raise AveError(_("geef een nieuw bestand met --output, bijvoorbeeld --output "
                         "evaluatie.html"))
    ctx = context(log, kapstok)
    result = actions_read.evaluation(ctx, kapstok, since=_date(since),
                                     until=_date(until, "--until"), team=team, detail=detail)
    found, now = result.found, result.made
    text = render_html.page(found, log=ctx.settings.where, kapstok=result.kapstokken, detail=detail,
                            made=now.strftime("%Y-%m-%d %H:%M"), lang=i18n.current())
    try:
        with open_private(output) as stream:
            stream.write(text)
    except OSError as exc:
        raise EnvironmentProblem(_("rapport naar {output} mislukt ({strerror})").format(
            output=output, strerror=exc.strerror)) from None
    render.info(_("Evaluatierapport geschreven naar {output} ({cases} casussen, {open} open; "
                  "open het in een browser of print het naar pdf).").format(
                      output=output, cases=found.cases, open=found.open_cases))


REEVALUATE_HELP = _("Pas de regels opnieuw toe op de laatste antwoorden van elke open casus, "
                    "onder de kapstok van de casus of de kapstok die je noemt. Toont de casussen "
                    "waarvan de fase zou veranderen. Schrijft niets, tenzij --apply: dan komt er "
                    "per veranderde casus één besluit (herbeoordeling) bij.\n\nEen fase die een "
                    "professional bewust anders besloot dan het advies, wordt niet overschreven "
                    "(die casussen staan apart); neem ze mee met "
                    "--include-overrides.\n\n[bold]Voorbeelden[/bold]\n\n  ave reevaluate\n\n  "
                    "ave reevaluate --kapstok westerkwartier\n\n  ave reevaluate --kapstok "
                    "westerkwartier --apply --yes\n")


@app.command("reevaluate", help=REEVALUATE_HELP)
@guarded
def reevaluate_command(
    apply: Annotated[bool, typer.Option("--apply", help=_("Leg de veranderingen vast."))] = False,
    include_overrides: Annotated[bool, typer.Option(
        "--include-overrides", help=_("Herbeoordeel ook fasen die een professional "
                                      "afwijkend van het advies besloot."))] = False,
    limit: Annotated[int, typer.Option(
        "--limit", min=0, help=_("Hoeveel casussen per tabel de tekstweergave toont; 0 "
                                 "= alle. JSON geeft altijd alles."))] = 20,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    by: ByOpt = None,
    dry_run: DryRunOpt = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Vastleggen zonder te vragen (nodig "
                                                            "zonder terminal)."))] = False,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help=_("text of json."))]
    = TableFormat.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli import output as formats
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import case as render_case
    from ave_cli.flows import upkeep

    if fmt in (TableFormat.csv, TableFormat.html):
        raise AveError(_("ave reevaluate kent --format text of json"))
    result, applied = upkeep.reevaluate(
        context(log, kapstok, by), kapstok, include_overrides=include_overrides, apply=apply,
        dry_run=dry_run, confirm=(lambda n: None) if yes else _confirm_apply,
        lock_timeout=lock_timeout)
    if fmt is TableFormat.json:
        formats.print_json(formats.reevaluation_json(result, applied=applied))
    else:
        render.out().print(render_case.reevaluation_view(result, applied=applied,
                                                    include_overrides=include_overrides,
                                                    limit=limit, width=render.out().width))


def _confirm_apply(count: int) -> None:
    """--apply writes a decision per case: asked at a terminal, --yes without one (like purge)."""
    from ave_cli.flows.questions import Prompt

    ask = asker()
    if ask is None:
        raise AveError(_("bevestig het vastleggen met --yes (er is geen terminal om het te "
                         "vragen); niets vastgelegd"))
    if not ask(Prompt("select", _("{n} besluiten (herbeoordeling) vastleggen?").format(n=count),
                      ((_("Nee, afbreken"), False), (_("Ja, vastleggen"), True)), False)):
        raise Cancelled


EXPORT_HELP = _("Het hele caselog als JSON Lines of CSV: één rij per besluit, met de antwoorden, "
                "rollen en kapstok als eigen kolommen (answers.problematiek, roles.casusregie, "
                "...). Voor de eigen analyse van de gemeente; bewaar de export even zorgvuldig "
                "als het caselog zelf.\n\nIn CSV krijgen cellen die met =, +, - of @ beginnen "
                "een ' ervoor, zodat een spreadsheet ze niet als formule "
                "uitvoert.\n\nMet --format toml komt er een geldig caselog-bestand uit (elk besluit "
                "opnieuw gezegeld en geketend): de weg terug uit de store van een team.\n\n"
                "[bold]Voorbeelden[/bold]\n\n  ave export > besluiten.jsonl\n\n  "
                "ave export --format csv --output besluiten.csv\n\n  "
                "ave export --format toml --output kopie.toml\n")


@app.command("export", help=EXPORT_HELP)
@guarded
def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help=_("jsonl, csv of toml "
                                                                       "(een caselog)."))]
    = ExportFormat.jsonl,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help=_("Schrijf naar dit bestand (aangemaakt met rechten "
                                 "0600) in plaats van stdout."))] = None,
    log: LogOpt = None,
) -> None:
    from ave_cli.cli import output as formats
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows import read as actions_read

    decisions = actions_read.export(context(log))
    rows = [formats.flat_decision(d) for d in decisions]
    if fmt is ExportFormat.toml:
        text = actions_read.as_caselog(decisions)
    if output is None or str(output) == "-":
        if fmt is ExportFormat.toml:
            sys.stdout.write(text)
        else:
            formats.write_export(sys.stdout, rows, fmt.value)
        return
    try:
        with open_private(output) as stream:
            if fmt is ExportFormat.toml:
                stream.write(text)
            else:
                formats.write_export(stream, rows, fmt.value)
    except OSError as exc:
        raise EnvironmentProblem(_("export naar {output} mislukt ({strerror})").format(
                                             output=output, strerror=exc.strerror)) from None
    render.info(_("{rows} besluiten geëxporteerd naar {output}").format(
                    rows=len(rows), output=output))


@contextmanager
def open_private(path: Path) -> Iterator[TextIO]:
    """A new text file only its owner can read (an export holds the same data as the log),
    never overwriting: written to a temporary file beside it, fsynced, and only when whole given
    its name (a hard link, which refuses a name that exists: no file under the final name is
    replaced, followed or left half written, also not when the disk fills)."""
    import contextlib
    import errno
    import os
    import tempfile

    if path.exists() or path.is_symlink():
        raise AveError(_("{path} bestaat al; kies een nieuwe bestandsnaam").format(path=path))
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".deels",
                                     dir=path.parent or None)  # mode 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise AveError(_("{path} bestaat al; kies een nieuwe bestandsnaam").format(
                path=path)) from None
        except OSError as exc:  # a file system without hard links: checked, then renamed
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP) or os.path.lexists(path):
                raise
            os.rename(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
