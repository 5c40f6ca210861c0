"""The flows the commands share, between parsing and rendering: they never print.

Started with the step every writing command takes: decide from the log as it is, then append
under the lock (or, in a dry run, only decide). The store is reached only through here and
caselog; a second store plugs in at this seam.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ave_cli import caselog, settings
    from ave_cli.model import Decision


def decide(conf: settings.Settings, view: caselog.LogView,
           build: Callable[[caselog.LogView], list[Decision]], *, dry_run: bool,
           lock_timeout: float) -> list[Decision]:
    """The decisions `build` makes from the log, appended durably under the lock (where `build`
    sees the log as it is then, after any other writer); in a dry run `build` sees `view` and
    nothing is written."""
    if dry_run:
        return build(view)
    from ave_cli import caselog

    return caselog.append(conf.log, build, cache_dir=conf.cache, lock_timeout=lock_timeout)
