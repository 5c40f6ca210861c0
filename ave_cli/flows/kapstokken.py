"""The kapstokken a command works with: a bundled one by name or a kapstok file by path, each
parsed once per command (`Kapstokken`), and old decisions' kapstokken found by the name they
record."""

from __future__ import annotations

import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ave_cli.core import kapstok as kapstok_format
from ave_cli.core.messages import AveError, KapstokError, Msg
from ave_cli.core.model import Kapstok
from ave_cli.settings import read_file

if TYPE_CHECKING:
    from ave_cli.core.cases import CaseState

# Called with every kapstok loaded: the interface registers the kapstok's English texts here
# (cli/app.py), as it installs the translator of messages; the flows themselves translate nothing.
ON_LOAD: list[Callable[[Kapstok], None]] = []


def bundled_kapstokken() -> list[str]:
    """Names of the kapstok files shipped with the package."""
    folder = resources.files("ave_cli.config")
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


def earlier_kapstokken() -> list[Kapstok]:
    """The earlier versions of the bundled kapstokken, as they shipped (config/earlier/): a
    decision is judged against the kapstok it records, also after the bundled one changed."""
    folder = resources.files("ave_cli.config") / "earlier"
    found = []
    for item in sorted(folder.iterdir(), key=lambda item: item.name):
        if item.name.endswith(".toml"):
            found.append(kapstok_format.parse_kapstok(item.read_bytes(), f"earlier/{item.name}"))
    return found


def load_kapstok(spec: str) -> Kapstok:
    """Load a bundled kapstok by name, or a kapstok file by path (parsed every time: a command
    loads through its `Kapstokken`, which parses each once)."""
    looks_like_path = "/" in spec or os.sep in spec or spec.endswith(".toml")
    if not looks_like_path:
        names = bundled_kapstokken()
        if spec.lower() not in names:
            raise KapstokError(Msg("onbekende kapstok '{spec}'; kies uit {names} of "
                                   "geef het pad van een kapstokbestand",
                                   spec=spec, names=', '.join(names)))
        data = (resources.files("ave_cli.config") / f"{spec.lower()}.toml").read_bytes()
        kapstok = kapstok_format.parse_kapstok(data, f"{spec.lower()}.toml")
    else:
        path = Path(spec).expanduser()
        kapstok = kapstok_format.parse_kapstok(read_file(path, "--kapstok", KapstokError),
                                               str(path))
    for loaded in ON_LOAD:
        loaded(kapstok)
    return kapstok


class Kapstokken:
    """The kapstokken of one command, each parsed at most once: the configured one, one given
    with --kapstok, and the bundled ones that old decisions name."""

    def __init__(self, configured: str):
        self.configured_spec = configured
        self._by_spec: dict[str, Kapstok] = {}

    def load(self, spec: str) -> Kapstok:
        found = self._by_spec.get(spec)
        if found is None:
            found = self._by_spec[spec] = load_kapstok(spec)
        return found

    def configured(self) -> Kapstok:
        return self.load(self.configured_spec)

    def for_case(self, option: str | None, state: CaseState | None) -> Kapstok:
        """The explicit --kapstok; else the case's own kapstok; else the configured one."""
        if option:
            return self.load(option)
        if state is None:
            return self.configured()
        kapstok = self.lookup(None)(state.kapstok_name)
        if kapstok is None:
            raise AveError(Msg("casus '{case}' is beoordeeld met kapstok '{kapstok_name}'; "
                               "geef dat kapstokbestand mee met --kapstok PAD",
                               case=state.case, kapstok_name=state.kapstok_name))
        return kapstok

    def lookup(self, explicit: str | None) -> Callable[[str], Kapstok | None]:
        """Find a kapstok by the name a decision records: the explicit or configured kapstok
        when its name matches, else a bundled one; None when no such kapstok is at hand."""
        named: dict[str, Kapstok] = {}
        for spec in (explicit, self.configured_spec):
            if spec:
                kapstok = self.load(spec)
                named.setdefault(kapstok.name, kapstok)
        bundled = set(bundled_kapstokken())

        def lookup(name: str) -> Kapstok | None:
            if name not in named and name in bundled:
                named[name] = self.load(name)
            return named.get(name)

        return lookup
