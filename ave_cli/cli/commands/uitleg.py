"""`ave uitleg` (alias `ave explain`): AVE explained from the active kapstok."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from ave_cli.cli import complete
from ave_cli.cli.app import KapstokOpt, app, guarded
from ave_cli.cli.i18n import _
from ave_cli.core.messages import AveError

UITLEG_HELP = _("Leg AVE uit aan de hand van de kapstok: de twee assen, de fasen met hun "
                "uitgangssituatie, de vier verantwoordelijkheden, de zeven leidende principes en "
                "de lokale regels. Met een fase of een rol als onderwerp: alleen "
                "die.\n\n[bold]Voorbeelden[/bold]\n\n  ave uitleg\n\n  ave uitleg AVE3\n\n  ave "
                "uitleg procesregie --kapstok westerkwartier\n")


def _topics(incomplete: str) -> list[str]:
    roles = ["casusregie", "procesregie", "operationeel", "bestuurlijk", "casusregisseur",
             "procesregisseur", "opschalen", "afschalen"]
    return [t for t in roles + complete.kapstok_phase_ids() if t.startswith(incomplete)]


def uitleg_command(
    topic: Annotated[Optional[str], typer.Argument(
        metavar=_("[FASE|ROL]"), help=_("Een fase (zoals AVE3 of 2B) of een rol "
                                     "(casusregie, procesregie, operationeel, "
                                     "bestuurlijk)."), autocompletion=_topics,
        show_default=False)] = None,
    kapstok: KapstokOpt = None,
) -> None:
    import difflib

    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.cli.render import uitleg as render_uitleg
    from ave_cli.core import uitleg as u
    from ave_cli.core.model import ROLE_KEYS

    kap = context(kapstok=kapstok).kapstokken.configured()
    wanted = " ".join(topic.split()).casefold() if topic is not None else None
    if wanted is None:
        render.out().print(render_uitleg.uitleg(kap))
    elif wanted in ROLE_KEYS:
        render.out().print(render_uitleg.uitleg_role(kap, wanted))
    elif (phase := kap.phase_named(wanted)) is not None:
        render.out().print(render_uitleg.uitleg_phase(kap, phase))
    elif (begrip := kap.begrip(wanted)) is not None:  # the kapstok's own words first
        render.out().print(render_uitleg.uitleg_begrip(begrip))
    elif wanted in u.PEOPLE:
        render.out().print(render_uitleg.uitleg_role(kap, u.PEOPLE[wanted]))
    elif wanted in u.VERBS:
        render.out().print(render_uitleg.uitleg_axes(u.VERBS[wanted]))
    else:
        terms = [*ROLE_KEYS, *u.PEOPLE, *u.VERBS, *(p.id for p in kap.phases),
                 *(t for t, _text in kap.begrippen)]
        near = difflib.get_close_matches(wanted, [t.casefold() for t in terms], n=1, cutoff=0.6)
        if near:
            found = next(t for t in terms if t.casefold() == near[0])
            raise AveError(_("'{topic}' is geen fase, rol of begrip van kapstok {kap}; bedoel "
                             "je {near}? (ave uitleg {near})").format(topic=topic, kap=kap.name,
                                                                      near=found))
        raise AveError(_("'{topic}' is geen fase, rol of begrip van kapstok {kap}; kies een "
                         "fase ({items}), een rol ({roles}) of een begrip ({terms})").format(
                           topic=topic, kap=kap.name, items=', '.join(p.id for p in kap.phases),
                           roles=', '.join([*ROLE_KEYS, *u.PEOPLE]),
                           terms=', '.join(t for t, _text in kap.begrippen) or "-"))


app.command("uitleg", help=UITLEG_HELP)(guarded(uitleg_command))
app.command("explain", hidden=True,  # the English alias of uitleg; not listed
            help=UITLEG_HELP.replace("ave uitleg", "ave explain"))(
    guarded(uitleg_command))
