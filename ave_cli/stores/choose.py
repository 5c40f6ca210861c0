"""Which store a command's settings name: the team's PostgreSQL store for a postgresql://
address, else the case log file. The command layer calls this once per command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ave_cli.stores.file.store import FileStore

if TYPE_CHECKING:
    from ave_cli.settings import Settings
    from ave_cli.stores.base import Store


def store_for(settings: Settings) -> Store:
    """The one store object of a command (nothing is opened yet: the store connects or reads
    when first asked)."""
    if settings.url:
        # imported only here: the team store brings psycopg, which a file user need not load
        from ave_cli.stores.postgres.store import PgStore

        return PgStore(settings.url, settings.team)

    return FileStore(settings.log, settings.cache)
