"""The flows of `ave store` (init, add-team, share) and `ave migrate`: setting up a team's
PostgreSQL store and moving a case log into it. A request in, a result out; nothing printed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ave_cli.core.guard import check_free_text
from ave_cli.core.messages import AveError, LogError, Msg
from ave_cli.flows.context import Context
from ave_cli.stores.file.caselog import read_all


def _postgres() -> Any:
    # the team store is imported when a store command runs: it brings psycopg
    from ave_cli.stores.postgres import admin, schema, store

    return admin, schema, store


def address(value: str) -> str:
    """A PostgreSQL address as given (refused when it is not one)."""
    _admin, _schema, store = _postgres()
    if not store.is_address(value):
        raise AveError(Msg("'{value}' is geen PostgreSQL-adres; het begint met "
                           "postgresql://", value=value))
    return value


def store_address(ctx: Context) -> str:
    """The command's store address (--log or $AVE_LOG), which must be a team's store."""
    if not ctx.settings.url:
        raise AveError(Msg("dit werkt alleen met een PostgreSQL-store; geef --log "
                           "postgresql://... of zet $AVE_LOG"))
    return ctx.settings.url


@dataclass
class Initialised:
    store: str  # the address without secrets
    before: int  # the schema version before (0: there was none)
    after: int
    changes: list[Msg]


def init(url: str) -> Initialised:
    admin, _schema, store = _postgres()
    before, after, changes = admin.init(address(url))
    return Initialised(store.redact(url), before, after, changes)


def add_team(ctx: Context, name: str) -> bool:
    """A new team (False: it was there already)."""
    admin, schema, _store = _postgres()
    check_free_text(Msg("de teamnaam"), name)
    if not re.fullmatch(r"[a-z][a-z0-9_]{0,62}", name) or sum(
            c.isdigit() for c in name) > schema.MAX_TEAM_DIGITS:
        raise AveError(Msg("teamnaam '{name}' kan niet: gebruik kleine letters, cijfers (ten "
                           "hoogste {digits}) en _, beginnend met een letter",
                           name=name, digits=schema.MAX_TEAM_DIGITS))
    return bool(admin.add_team(store_address(ctx), name))


def share(ctx: Context, case: str, team: str) -> bool:
    """Share a case of one's own team with another (False: that team saw it already). The
    store records the share in the access log of the case's team, in the same transaction."""
    admin, _schema, _store = _postgres()
    url = store_address(ctx)
    return bool(admin.share(url, case.strip(), team, own_team=ctx.settings.team,
                            by=ctx.settings.by))


@dataclass
class Migrated:
    decisions: int  # in the case log
    added: int  # new in the store
    chain_ok: bool


def migrate(ctx: Context, to: str, team: str | None) -> Migrated:
    """Copy the case log (--log) into the store `to`; then check every case's chain there."""
    _admin, _schema, store = _postgres()
    conf = ctx.settings
    if conf.url:
        raise AveError(Msg("--log moet het caselog-bestand zijn dat je kopieert"))
    if not conf.log.is_file():
        raise AveError(Msg("caselog {log} bestaat niet", log=conf.log))
    parsed = read_all(conf.log)
    if parsed.damage is not None:
        raise LogError(Msg("caselog {log} is beschadigd (regel {line}); herstel het eerst met "
                           "ave check --repair", log=conf.log, line=parsed.damage.line))
    target = store.PgStore(address(to), team or conf.team)
    added = target.migrate([b.decision for b in parsed.blocks])
    _blocks, problems = target.scan()
    return Migrated(len(parsed.blocks), added, not problems)
