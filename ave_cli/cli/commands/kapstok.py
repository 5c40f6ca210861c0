"""`ave kapstok`: show a kapstok, test it against its own casuistiek, compare two kapstokken."""

from __future__ import annotations

from typing import Annotated

import typer

from ave_cli.cli import chrome, complete
from ave_cli.cli.app import AveTyper, Format, FormatOpt, KapstokOpt, LogOpt, app, guarded
from ave_cli.cli.i18n import _, k_

KAPSTOK_HELP = _("Toon de kapstok: per fase wie casusregie, procesregie, operationele en "
                 "bestuurlijke verantwoordelijkheid heeft, met wie wordt overlegd en wanneer je "
                 "op- en afschaalt.\n\nMet `ave kapstok test` toets je de kapstok aan zijn eigen "
                 "casuïstiek, met `ave kapstok diff` vergelijk je twee "
                 "kapstokken.\n\n[bold]Voorbeelden[/bold]\n\n  ave kapstok\n\n  ave kapstok "
                 "--kapstok westerkwartier\n\n  ave kapstok --list\n\n  ave kapstok test "
                 "--kapstok westerkwartier\n")

kapstok_app = AveTyper(help=KAPSTOK_HELP, invoke_without_command=True, cls=chrome.Group,
                       add_completion=False, rich_markup_mode="rich")
app.add_typer(kapstok_app, name="kapstok")


@kapstok_app.callback()
@guarded
def kapstok_command(
    ctx: typer.Context,
    kapstok: KapstokOpt = None,
    list_all: Annotated[bool, typer.Option("--list", help=_("Toon de meegeleverde kapstokken."))] = False,
    fmt: FormatOpt = Format.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.flows.kapstokken import bundled_kapstokken

    if ctx.invoked_subcommand is not None:
        return
    if list_all:
        at_hand = context().kapstokken
        kapstokken = [at_hand.load(name) for name in bundled_kapstokken()]
        if fmt is Format.json:
            output.print_json([{"name": k.name, "version": k.version, "title": k.title,
                                "phases": [p.id for p in k.phases]} for k in kapstokken])
        else:
            for k in kapstokken:
                render.out().print(_("{name:<16} {version:<8} {title}: fasen {items}").format(
                                       name=k.name, version=k.version, title=k.title,
                                       items=', '.join(p.id for p in k.phases)))
        return
    kap = context(kapstok=kapstok).kapstokken.configured()
    if fmt is Format.json:
        output.print_json(output.kapstok_json(kap))
    else:
        render.out().print(render.kapstok_table(kap, width=render.out().width))


TEST_HELP = _("Toets de kapstok aan zijn eigen casuïstiek ([[casus]] in het kapstokbestand): per "
              "casus de verwachte en de gekregen fase en rollen, met de redenen van de regels. "
              "Daarna de voorwaarden en lokale regels die geen enkele casus laat gelden. "
              "Exitcode 1 als een casus faalt (en met --strict ook bij een voorwaarde zonder "
              "casus), zodat een gemeente dit in haar eigen CI kan "
              "draaien.\n\n[bold]Voorbeelden[/bold]\n\n  ave kapstok test\n\n  ave kapstok test "
              "--kapstok westerkwartier --strict\n\n  ave kapstok test --kapstok westerkwartier "
              "--trace -f json\n")


@kapstok_app.command("test", help=TEST_HELP)
@guarded
def test_command(
    kapstok: KapstokOpt = None,
    strict: Annotated[bool, typer.Option(
        "--strict", help=_("Een voorwaarde of lokale regel zonder casus is een fout."))] = False,
    trace: Annotated[bool, typer.Option(
        "--trace", help=_("Toon per casus elke geprobeerde fase en voorwaarde."))] = False,
    fmt: FormatOpt = Format.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import kapstok as render_kapstok
    from ave_cli.flows import read as actions_read

    command = context(kapstok=kapstok)
    run = actions_read.kapstok_test(command, command.settings.kapstok, strict=strict)
    if fmt is Format.json:
        output.print_json(output.test_json(run.kapstok, run.results, run.coverage, trace=trace))
    else:
        render_kapstok.print_test(run.kapstok, run.results, run.coverage, trace=trace,
                                  strict=strict)
    if run.failed:
        raise typer.Exit(1)


DIFF_HELP = _("Vergelijk twee kapstokken (namen of paden) over alle combinaties van antwoorden "
              "op de triagevragen en over de casuïstiek van beide: een matrix van fase (oud) "
              "naar fase (nieuw) met aantallen, en per veranderde cel één voorbeeld met de "
              "redenen aan beide kanten. Met --log hetzelfde over de laatste antwoorden van de "
              "open casussen; er wordt niets geschreven.\n\n[bold]Voorbeelden[/bold]\n\n  ave "
              "kapstok diff handreiking westerkwartier\n\n  ave kapstok diff handreiking "
              "mijngemeente.toml -f json\n\n  ave kapstok diff handreiking westerkwartier --log "
              "caselog.toml\n")


@kapstok_app.command("diff", help=DIFF_HELP)
@guarded
def diff_command(
    old: Annotated[str, typer.Argument(metavar="OUD", autocompletion=complete.kapstok_names,
                                       help=_("De kapstok waarmee je vergelijkt."))],
    new: Annotated[str, typer.Argument(metavar="NIEUW", autocompletion=complete.kapstok_names,
                                       help=_("De nieuwe kapstok."))],
    log: LogOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import kapstok as render_kapstok
    from ave_cli.flows import read as actions_read

    found = actions_read.kapstok_diff(context(log=log), old, new, with_log=log is not None)
    if fmt is Format.json:
        shown = output.diff_json(found.before, found.after, found.diff, found.stories)
        if log is not None:
            shown["defaulted"] = [{"question": key, "cases": n}
                                  for key, n in sorted(found.defaulted.items())]
            shown["reading"] = found.after.oude_antwoorden
        output.print_json(shown)
    else:
        render_kapstok.print_diff(found.before, found.after, found.diff, found.stories,
                                  over_log=log is not None)
        if log is not None and found.after.oude_antwoorden:
            render.info(k_(found.after.oude_antwoorden))
        for key, cases in sorted(found.defaulted.items()):
            render.info(_("{n} casussen hebben geen antwoord op '{key}' (de vraag is van na hun "
                          "triage); het telt als de standaard van {kapstok}.").format(
                              n=cases, key=key, kapstok=found.after.name))
