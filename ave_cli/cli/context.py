"""The one context of a command: built here, once, from the command's options (and the test
hooks), and handed to its flow. Nothing below the command layer builds another store or parses
the kapstok again. The command modules import this inside their functions: it loads the flows,
the core and the record format, which `ave --version` and `--help` do not need."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ave_cli import settings
from ave_cli.cli.hooks import asker, hooks
from ave_cli.cli.i18n import add_kapstok_texts
from ave_cli.flows.context import Context
from ave_cli.flows.kapstokken import ON_LOAD, Kapstokken

if TYPE_CHECKING:
    from ave_cli.core.messages import Msg


# Every kapstok a command loads brings its English texts to the interface (the flows translate
# nothing); a command builds its context before it loads one.
ON_LOAD.append(lambda kapstok: add_kapstok_texts(kapstok.english))


def _warn(message: Msg | str) -> None:
    # rich (in render) is imported when a command first has something to say
    from ave_cli.cli.render import base as render

    render.warning(message)


def _say(message: Msg | str) -> None:
    from ave_cli.cli.render import base as render

    render.info(message)


def context(log: str | None = None, kapstok: str | None = None, by: str | None = None,
            team: str | None = None) -> Context:
    """The command's context: its settings (option, env, config, default), its one store (made
    when first used), its kapstokken (each parsed once), the clock, ids and the prompt."""
    conf = settings.resolve(log, kapstok, by, team)
    return Context(settings=conf, kapstokken=Kapstokken(conf.kapstok), now=hooks["now"],
                   new_id=hooks["new_id"], ask=asker(), warn=_warn, say=_say)
