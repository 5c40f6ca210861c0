"""What one command works with, built once by the command layer (`cli/context.py`) and handed to
its flow: the settings, the one store, the kapstokken (each parsed once), the clock, the id
maker, the prompt function and where warnings go. Nothing below the command layer builds
another."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ave_cli.core.messages import N_, LogError, Msg
from ave_cli.flows.kapstokken import Kapstokken
from ave_cli.settings import Settings
from ave_cli.stores.choose import store_for

if TYPE_CHECKING:
    from ave_cli.stores.base import Store, View


@dataclass
class Context:
    settings: Settings
    kapstokken: Kapstokken
    now: Callable[[], datetime]
    new_id: Callable[[], str]
    ask: Callable[..., Any] | None  # None: no terminal (a flow then needs its answers given)
    warn: Callable[[Msg | str], None]  # said at once, on stderr (a flow's result holds none)
    say: Callable[[Msg | str], None] = lambda text: None  # a note for the person at the terminal
    opened: list[Store] = field(default_factory=list, repr=False)

    @property
    def store(self) -> Store:
        """The command's one store object, made when first used."""
        if not self.opened:
            self.opened.append(store_for(self.settings))
        return self.opened[0]

    def read(self, writing: bool = False) -> View:
        """The store as it is now, with the warnings every command gives. A command that will
        write refuses a damaged log at once, before it asks anything."""
        store = self.store
        view = store.read()
        if hasattr(view, "warn"):  # a store that passes over a row it cannot read says so
            view.warn = self.warn
        if view.notice:
            self.warn(view.notice)
        if view.damage is not None:
            if writing:
                raise LogError(store.damage_message(view.damage, retry=True))
            self.warn(store.damage_message(view.damage))
        shared = store.network_filesystem()
        if shared:
            self.warn(Msg("caselog {log} staat op een netwerkschijf ({kind}): bestandsloten zijn "
                          "daar onbetrouwbaar en besluiten kunnen verloren gaan; houd het caselog "
                          "op een lokale schijf", log=self.settings.log, kind=shared))
        for message in exposure_messages(store):
            self.warn(message)
        if view.size and store.readable_by_others():
            self.warn(Msg("caselog {log} is leesbaar voor anderen; beperk het met: "
                          "chmod 600 {log}", log=self.settings.log))
        return view


_EXPOSED = {  # message ids, each with the path it names
    "folder": N_("de map {path} van het caselog is schrijfbaar voor iedereen: een ander kan "
                  "het caselog daar vervangen; beperk het met: chmod o-w {path}"),
    "cache link": N_("de cachemap {path} is een symbolische koppeling: de index van het "
                      "caselog komt zo elders terecht; gebruik een eigen map ($AVE_CACHE_DIR)"),
    "cache": N_("de cachemap {path} is schrijfbaar voor anderen: een ander kan de index van "
                 "het caselog vervangen; beperk het met: chmod go-w {path}"),
    "links": N_("het caselog heeft {path} namen (harde koppelingen): wat ave purge of ave "
                 "check --repair verwijdert, blijft onder een andere naam bestaan; verwijder "
                 "de andere namen"),
}


def exposure_messages(store: Store) -> list[Msg]:
    """What a person must hear about where others could replace, redirect or keep the log (once
    per command, and as faults in ave check)."""
    return [Msg(_EXPOSED[kind], path=path) for kind, path in store.exposures()]
