"""`ave audit`: who saw or changed which case (the access log of the store)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ave_cli.cli.app import Format, FormatOpt, LogOpt, app, guarded, trimmed
from ave_cli.cli.i18n import _

AUDIT_HELP = _("Toon het toeganglog: wie welke casus heeft ingezien of gewijzigd, wanneer, met "
               "welke opdracht en met welk resultaat (BIO, NEN 7513). Elke opdracht die een "
               "casus leest (show, report, export, reevaluate) of schrijft, voegt er een regel "
               "aan toe; het log staat naast het caselog (caselog.toml.toegang) en wordt nooit "
               "herschreven.\n\n[bold]Voorbeelden[/bold]\n\n  ave audit --case WT-17\n\n  "
               "ave audit --by tester --format json\n")


@app.command("audit", help=AUDIT_HELP)
@guarded
def audit_command(
    case: Annotated[Optional[str], typer.Option(
        "--case", help=_("Alleen deze casus (hoofdletters tellen niet mee)."), callback=trimmed)] = None,
    by: Annotated[Optional[str], typer.Option("--by", help=_(
        "Alleen wat deze persoon deed: de naam die hij opgaf (--by), of in een store ook de "
        "inlognaam van de database."))]
    = None,
    log: LogOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    from ave_cli.cli import output
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import case as render_case
    from ave_cli.core.cases import key

    records = [a for a in context(log).store.read_access()
               if (case is None or key(a.case) == key(case))
               and (by is None or by in (a.who, a.login))]
    if fmt is Format.json:
        output.print_json([a.as_dict() for a in records])
    else:
        render.out().print(render_case.access_view(records, width=render.out().width))
