"""The flows that go over the whole log: `ave reevaluate` (the rules applied again to every open
case) and `ave purge` (the decisions of cases closed long ago removed). Each counts first, asks
(through `confirm`), and decides again under the lock what it writes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from ave_cli.core.messages import EnvironmentProblem, Msg
from ave_cli.core.report import reevaluate as run_rules
from ave_cli.core.report import reevaluation_decision
from ave_cli.flows.context import Context
from ave_cli.flows.decide import record
from ave_cli.record.audit import closed_before

if TYPE_CHECKING:
    from ave_cli.core.model import Decision
    from ave_cli.stores.base import View


def _planned(changes: list[Any]) -> list[tuple[str, str, str, tuple[str, ...]]]:
    """What a reevaluation would write, per case: from which phase to which, on which answers
    (compared before and under the lock)."""
    return [(r.state.case, r.state.phase or "", r.outcome.phase.id,
             tuple(sorted(map(str, r.answers.items())))) for r in changes]


def reevaluate(ctx: Context, kapstok: str | None, *,
               include_overrides: bool, apply: bool, dry_run: bool,
               confirm: Callable[[int], None], lock_timeout: float) -> tuple[Any, int]:
    """The rules applied again to every open case; with `apply` (and `confirm`, which asks or
    refuses), a reevaluation decision per changed case, decided again under the lock. Returns
    the run and how many decisions were written."""
    chosen = ctx.kapstokken.load(kapstok) if kapstok else None
    lookup = ctx.kapstokken.lookup(kapstok)

    def run(view: View) -> tuple[Any, list[Any]]:
        result = run_rules(view.cases(), lookup, chosen)
        return result, result.changes + (result.departures if include_overrides else [])

    view = ctx.read(apply and not dry_run)
    record(ctx, "reevaluate", [c.case for c in view.cases() if not c.closed])
    result, to_apply = run(view)
    if not (apply and not dry_run and to_apply):
        return result, 0
    confirm(len(to_apply))
    confirmed = _planned(to_apply)

    def build(current: View) -> list[Decision]:
        nonlocal result, to_apply
        result, to_apply = run(current)
        if _planned(to_apply) != confirmed:  # what is written is what was confirmed
            raise EnvironmentProblem(Msg("sinds de telling is een casus gewijzigd, zodat de herbeoordeling "
                                         "anders "
                "uitvalt dan je bevestigde; er is niets opgeslagen: draai ave reevaluate "
                "--apply opnieuw"))
        return [reevaluation_decision(r, decision_id=ctx.new_id(), now=ctx.now(), by=ctx.settings.by)
                for r in to_apply]

    return result, ctx.store.append(build, lock_timeout=lock_timeout)


def purge(ctx: Context, cutoff: date, *, dry_run: bool,
          confirm: Callable[[int, int], None], lock_timeout: float) -> tuple[set[str], int]:
    """Remove the decisions of cases closed before `cutoff`: counted first, confirmed (`confirm`
    asks or refuses), then decided again under the lock, so that a case reopened meanwhile is
    kept. Returns the cases and the number of decisions (that would be) removed."""
    store = ctx.store
    gone, removed = store.rewrite_without(lambda blocks: closed_before(blocks, cutoff),
                                          dry_run=True, lock_timeout=lock_timeout)
    if not gone or dry_run:
        return gone, removed
    confirm(removed, len(gone))
    about = {"time": ctx.now(), "by": ctx.settings.by, "closed_before": cutoff.isoformat()}
    # Who purged what is recorded in the log's own header ([[ave_log.purge]]), written in the
    # same verified rewrite; not in the access log, whose append would be one more write that
    # can fail on a full disk before the purge itself.
    return store.rewrite_without(lambda blocks: closed_before(blocks, cutoff) & gone,
                                 dry_run=False, about=about, lock_timeout=lock_timeout)
