"""Where things live: the log, the kapstok, the user config. Option, then env, then config file,
then the platformdirs default. Paths are resolved here once and passed down; this module opens no
store and parses no kapstok (the command layer does, once per command: `cli/context.py`). It reads
the small files a command is given (`read_file`, `read_stdin`), with their size limits."""

from __future__ import annotations

import getpass
import os
import stat
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ave_cli.core.guard import check_free_text
from ave_cli.core.messages import AveError, Msg
from ave_cli.paths import APP, config_path

DEFAULT_KAPSTOK = "handreiking"
CONFIG_KEYS = {"log", "kapstok", "by", "lang", "team"}


def read_config() -> dict[str, str]:
    """The user config as a dict (empty when there is none). A broken file is an error."""
    path = config_path()
    try:
        if not path.exists() and not path.is_symlink():
            return {}
        data = tomllib.loads(read_file(path, Msg("gebruikersconfiguratie")).decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AveError(Msg("gebruikersconfiguratie {path} is onleesbaar ({exc}); herstel "
                         "of verwijder het bestand", path=path, exc=exc)) from None
    except RecursionError:
        raise AveError(Msg("gebruikersconfiguratie {path} is te diep genest; herstel of "
                         "verwijder het bestand", path=path)) from None
    unknown = sorted(set(data) - CONFIG_KEYS)
    bad = [key for key in CONFIG_KEYS & set(data) if not isinstance(data[key], str)]
    if unknown or bad:
        raise AveError(Msg("gebruikersconfiguratie {path}: sleutel '{key}' is onbekend of "
                         "geen tekst (toegestaan: {allowed})",
                         path=path, key=(unknown or bad)[0], allowed=', '.join(sorted(CONFIG_KEYS))))
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


def cache_dir() -> Path:
    """Where the derived index lives: $AVE_CACHE_DIR, else the platformdirs user cache dir."""
    if os.environ.get("AVE_CACHE_DIR"):
        return Path(os.environ["AVE_CACHE_DIR"]).expanduser()
    from platformdirs import user_cache_path  # 15 ms: only when no folder is given

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
        from platformdirs import user_data_path  # 15 ms: only when no log is given

        log_path = user_data_path(APP) / "caselog.toml"
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


MIB = 1 << 20
# Files that are read whole, and how large they may be: a kapstok carries its casuistiek, a batch
# may hold a region's cases; a note, an answers file or the user config is small.
SIZE_LIMITS = {"--kapstok": 8 * MIB, "--batch": 256 * MIB}
DEFAULT_LIMIT = MIB


def size_limit(what: Msg | str) -> int:
    return SIZE_LIMITS.get(what, DEFAULT_LIMIT) if isinstance(what, str) else DEFAULT_LIMIT


def _too_large(what: Msg | str, source: str, limit: int) -> Msg:
    return Msg("{what}: {source} is groter dan {size} MB; zo groot is geen geldig bestand van "
             "deze soort", what=what, source=source, size=limit // MIB)


def read_file(path: Path, what: Msg | str, error: type[AveError] = AveError) -> bytes:
    """A regular file's bytes, up to its size limit, or an error of class `error` that says what
    is wrong with `what`. A FIFO, a device or a folder is refused before it is read (opened
    without blocking, so a FIFO with no writer cannot hang the command)."""
    limit = size_limit(what)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(Msg("{what}: {path} bestaat niet", what=what, path=path)) from None
    except IsADirectoryError:
        raise error(Msg("{what}: {path} is een map, geen bestand", what=what, path=path)) from None
    except OSError as exc:
        raise error(Msg("{what}: {path} is onleesbaar ({strerror})",
                        what=what, path=path, strerror=exc.strerror)) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise error(Msg("{what}: {path} is een map, geen bestand", what=what, path=path))
        raise error(Msg("{what}: {path} is geen gewoon bestand (maar een apparaat, pipe of "
                      "socket); geef een bestand of -", what=what, path=path))
    with os.fdopen(fd, "rb") as handle:
        if info.st_size > limit:
            raise error(_too_large(what, str(path), limit))
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise error(Msg("{what}: {path} is onleesbaar ({strerror})",
                            what=what, path=path, strerror=exc.strerror)) from None
    if len(data) > limit:
        raise error(_too_large(what, str(path), limit))
    return data


def read_stdin(what: str) -> bytes:
    """Standard input, up to the limit of `what`; a closed stdin is an error, not a traceback."""
    limit = size_limit(what)
    stream: Any = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise AveError(Msg("{what}: er is geen standaardinvoer (stdin is gesloten); geef een "
                         "bestand", what=what))
    try:
        data = stream.read(limit + 1)
    except (OSError, ValueError):
        raise AveError(Msg("{what}: standaardinvoer is niet leesbaar; geef een bestand", what=what)) from None
    if len(data) > limit:
        raise AveError(_too_large(what, "stdin", limit))
    return bytes(data)
