"""The `ave` command line assembled: the app from app.py with every command module registered.

Only typer and the error classes are imported up front; everything else is imported by the
command that uses it, so `ave --version` and `ave --help` start as fast as typer itself.
"""

from __future__ import annotations

# The commands register themselves on `app` when imported.
from ave_cli.cli.app import _error, _interrupted, app  # noqa: F401  (used by __main__, tests)
from ave_cli.cli.commands import (  # noqa: F401
    audit,
    case,
    check,
    kapstok,
    plan,
    report,
    store,
    triage,
    uitleg,
)
from ave_cli.cli.hooks import hooks  # noqa: F401  (tests replace the clock, ids, prompts)


def main() -> None:
    app()
