"""Shell completion (Typer's): case ids from the log, phase ids and signals from the kapstok,
kapstok names.

A completion runs on every Tab press: it imports what it needs only when asked, and never
raises or prints: a broken log or config simply completes nothing.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ave_cli.core.model import Kapstok


def case_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Open cases first, then closed ones (a closed case can be shown or triaged again)."""
    with contextlib.suppress(Exception):
        from ave_cli.cli.context import context

        summaries = context(ctx.params.get("log")).store.read().summaries(deciders=False)
        ordered = sorted(summaries, key=lambda s: s.closed)
        return [s.case for s in ordered if s.case.startswith(incomplete)]
    return []


def _case_kapstok(ctx: typer.Context) -> Kapstok:
    """The case's own kapstok (or --kapstok, or the configured one). While completing, click
    leaves the case id unbound, in ctx.args."""
    from ave_cli.cli.context import context

    command = context(ctx.params.get("log"), ctx.params.get("kapstok"))
    kapstok = command.kapstokken.configured()
    case = ctx.params.get("case_id") or (ctx.args[0] if ctx.args else None)
    if case and not ctx.params.get("kapstok"):
        state = command.store.read().case(case)
        if state is not None:
            kapstok = command.kapstokken.lookup(None)(state.kapstok_name) or kapstok
    return kapstok


def phase_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """The phases of the case's kapstok."""
    with contextlib.suppress(Exception):
        phases = _case_kapstok(ctx).phases
        return [p.id for p in phases if p.id.casefold().startswith(incomplete.casefold())]
    return []


def signal_keys(ctx: typer.Context, incomplete: str) -> list[str]:
    """The values of the `signalen` question of the case's kapstok."""
    with contextlib.suppress(Exception):
        question = _case_kapstok(ctx).question("signalen")
        values = [str(v) for v in question.values] if question else []
        return [v for v in values if v.startswith(incomplete)]
    return []


def leefgebied_keys(ctx: typer.Context, incomplete: str) -> list[str]:
    """The leefgebieden of the case's kapstok."""
    with contextlib.suppress(Exception):
        keys = [a.key for a in _case_kapstok(ctx).leefgebieden]
        return [k for k in keys if k.startswith(incomplete)]
    return []


def kapstok_names(incomplete: str) -> list[str]:
    with contextlib.suppress(Exception):
        from ave_cli.flows.kapstokken import bundled_kapstokken

        return [n for n in bundled_kapstokken() if n.startswith(incomplete)]
    return []


def kapstok_phase_ids() -> list[str]:
    """The phase ids of the configured kapstok."""
    with contextlib.suppress(Exception):
        from ave_cli.cli.context import context

        return [p.id for p in context().kapstokken.configured().phases]
    return []
