"""Where things live: the log, the kapstok, the user config. Option, then env, then config file,
then the platformdirs default. Paths are resolved here once and passed down."""

from __future__ import annotations

import getpass
import os
import stat
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ave_cli.core.kapstok import parse_kapstok
from ave_cli.core.kapstok_reader import KapstokError
from ave_cli.core.messages import AveError
from ave_cli.core.model import Kapstok
from ave_cli.i18n import _

if TYPE_CHECKING:
    from ave_cli.core.cases import CaseState
    from ave_cli.stores.base import FileStore
    from ave_cli.stores.postgres.store import PgStore
from ave_cli.paths import APP, config_path

DEFAULT_KAPSTOK = "handreiking"
CONFIG_KEYS = {"log", "kapstok", "by", "lang", "team"}


def read_config() -> dict[str, str]:
    """The user config as a dict (empty when there is none). A broken file is an error."""
    path = config_path()
    try:
        if not path.exists() and not path.is_symlink():
            return {}
        data = tomllib.loads(read_file(path, _("gebruikersconfiguratie")).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AveError(_("gebruikersconfiguratie {path} is onleesbaar ({exc}); herstel "
                         "of verwijder het bestand").format(path=path, exc=exc)) from None
    except RecursionError:
        raise AveError(_("gebruikersconfiguratie {path} is te diep genest; herstel of "
                         "verwijder het bestand").format(path=path)) from None
    unknown = sorted(set(data) - CONFIG_KEYS)
    bad = [key for key in CONFIG_KEYS & set(data) if not isinstance(data[key], str)]
    if unknown or bad:
        raise AveError(_("gebruikersconfiguratie {path}: sleutel '{key}' is onbekend of "
                         "geen tekst (toegestaan: {allowed})").format(
                           path=path, key=(unknown or bad)[0],
                           allowed=', '.join(sorted(CONFIG_KEYS))))
    return data


@dataclass(frozen=True)
class Settings:
    log: Path  # the case log file (unused when `url` is set)
    kapstok: str
    by: str
    cache: Path
    url: str = ""  # a postgresql:// address: the team's store instead of the file
    team: str = ""  # for new cases in a store with teams

    @property
    def where(self) -> str:
        """The log or store, as messages name it."""
        return self.url or str(self.log)

    def store(self) -> FileStore | PgStore:
        """Where this command's decisions are kept."""
        if self.url:
            from ave_cli.stores.postgres.store import PgStore

            return PgStore(self.url, self.team)
        from ave_cli.stores.base import FileStore

        return FileStore(self.log, self.cache)


def cache_dir() -> Path:
    """Where the derived index lives: $AVE_CACHE_DIR, else the platformdirs user cache dir."""
    if os.environ.get("AVE_CACHE_DIR"):
        return Path(os.environ["AVE_CACHE_DIR"]).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP)


def resolve(log: str | Path | None = None, kapstok: str | None = None, by: str | None = None,
            team: str | None = None) -> Settings:
    """Settings from the command's options, the environment and the user config, in that order.
    A log that is a postgresql:// address is the team's store."""
    config = read_config()
    given = str(log) if log else os.environ.get("AVE_LOG") or config.get("log")
    url = given if given and given.startswith(("postgresql://", "postgres://")) else ""
    log_path = Path(given).expanduser() if given and not url else None
    if log_path is None:
        from platformdirs import user_data_path

        log_path = user_data_path(APP) / "caselog.toml"
    from ave_cli.core.guard import check_free_text

    return Settings(
        url=url,
        team=team or os.environ.get("AVE_TEAM") or config.get("team") or "",
        log=log_path,
        kapstok=kapstok or os.environ.get("AVE_KAPSTOK") or config.get("kapstok") or DEFAULT_KAPSTOK,
        by=check_free_text("--by",
                           by or os.environ.get("AVE_BY") or config.get("by") or _login_name()),
        cache=cache_dir(),
    )


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "onbekend"


def bundled_kapstokken() -> list[str]:
    """Names of the kapstok files shipped with the package."""
    folder = resources.files("ave_cli.config")
    return sorted(p.name.removesuffix(".toml") for p in folder.iterdir() if p.name.endswith(".toml"))


def load_kapstok(spec: str) -> Kapstok:
    """Load a bundled kapstok by name, or a kapstok file by path."""
    looks_like_path = "/" in spec or os.sep in spec or spec.endswith(".toml")
    if not looks_like_path:
        names = bundled_kapstokken()
        if spec.lower() not in names:
            raise KapstokError(_("onbekende kapstok '{spec}'; kies uit {names} of "
                                 "geef het pad van een kapstokbestand").format(
                                   spec=spec, names=', '.join(names)))
        data = (resources.files("ave_cli.config") / f"{spec.lower()}.toml").read_bytes()
        return _registered(parse_kapstok(data, f"{spec.lower()}.toml"))
    path = Path(spec).expanduser()
    return _registered(parse_kapstok(read_file(path, "--kapstok", KapstokError), str(path)))


def _registered(kapstok: Kapstok) -> Kapstok:
    """A loaded kapstok's English texts become available to the interface."""
    from ave_cli import i18n

    i18n.add_kapstok_texts(kapstok.english)
    return kapstok


MIB = 1 << 20
# Files that are read whole, and how large they may be: a kapstok carries its casuistiek, a batch
# may hold a region's cases; a note, an answers file or the user config is small.
SIZE_LIMITS = {"--kapstok": 8 * MIB, "--batch": 256 * MIB}
DEFAULT_LIMIT = MIB


def size_limit(what: str) -> int:
    return SIZE_LIMITS.get(what, DEFAULT_LIMIT)


def _too_large(what: str, source: str, limit: int) -> str:
    return _("{what}: {source} is groter dan {size} MB; zo groot is geen geldig bestand van "
             "deze soort").format(what=what, source=source, size=limit // MIB)


def read_file(path: Path, what: str, error: type[AveError] = AveError) -> bytes:
    """A regular file's bytes, up to its size limit, or an error of class `error` that says what
    is wrong with `what`. A FIFO, a device or a folder is refused before it is read (opened
    without blocking, so a FIFO with no writer cannot hang the command)."""
    limit = size_limit(what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(_("{what}: {path} bestaat niet").format(what=what, path=path)) from None
    except IsADirectoryError:
        raise error(_("{what}: {path} is een map, geen bestand").format(what=what, path=path)) from None
    except OSError as exc:
        raise error(_("{what}: {path} is onleesbaar ({strerror})").format(
                        what=what, path=path, strerror=exc.strerror)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(_("{what}: {path} is een map, geen bestand").format(what=what, path=path))
        raise error(_("{what}: {path} is geen gewoon bestand (maar een apparaat, pipe of "
                      "socket); geef een bestand of -").format(what=what, path=path))
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise error(_too_large(what, str(path), limit))
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise error(_("{what}: {path} is onleesbaar ({strerror})").format(
                            what=what, path=path, strerror=exc.strerror)) from None
    if len(data) > limit:
        raise error(_too_large(what, str(path), limit))
    return data


def read_stdin(what: str) -> bytes:
    """Standard input, up to the limit of `what`; a closed stdin is an error, not a traceback."""
    import sys

    limit = size_limit(what)
    stream: Any = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise AveError(_("{what}: er is geen standaardinvoer (stdin is gesloten); geef een "
                         "bestand").format(what=what))
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError):
        raise AveError(_("{what}: standaardinvoer is niet leesbaar; geef een bestand").format(
                           what=what)) from None
    if len(data) > limit:
        raise AveError(_too_large(what, "stdin", limit))
    return bytes(data)


def kapstok_for_case(option: str | None, configured: str, state: CaseState | None) -> Kapstok:
    """The explicit --kapstok; else the case's own kapstok; else the configured one."""
    if option:
        return load_kapstok(option)
    if state is None:
        return load_kapstok(configured)
    kapstok = kapstok_lookup(None, configured)(state.kapstok_name)
    if kapstok is None:
        raise AveError(_("casus '{case}' is beoordeeld met kapstok '{kapstok_name}'; "
                         "geef dat kapstokbestand mee met --kapstok PAD").format(
                           case=state.case, kapstok_name=state.kapstok_name))
    return kapstok


def kapstok_lookup(explicit: str | None, configured: str) -> Callable[[str], Kapstok | None]:
    """Find a kapstok by the name a decision records: the explicit or configured kapstok when
    its name matches, else a bundled one; None when no such kapstok is at hand."""
    loaded: dict[str, Kapstok] = {}
    for spec in (explicit, configured):
        if spec:
            kapstok = load_kapstok(spec)
            loaded.setdefault(kapstok.name, kapstok)
    bundled = set(bundled_kapstokken())

    def lookup(name: str) -> Kapstok | None:
        if name not in loaded and name in bundled:
            loaded[name] = load_kapstok(name)
        return loaded.get(name)

    return lookup
