"""Where things live: the log, the kapstok, the user config. Option, then env, then config file,
then the platformdirs default. Paths are resolved here once and passed down."""

from __future__ import annotations

import getpass
import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ave_cli.i18n import _
from ave_cli.kapstok import KapstokError, parse_kapstok
from ave_cli.model import AveError, Kapstok
from ave_cli.paths import APP, config_path

DEFAULT_KAPSTOK = "handreiking"
CONFIG_KEYS = {"log", "kapstok", "by", "lang"}


def read_config() -> dict[str, str]:
    """The user config as a dict (empty when there is none). A broken file is an error."""
    path = config_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AveError(_("gebruikersconfiguratie {path} is onleesbaar ({exc}); herstel "
                         "of verwijder het bestand").format(path=path, exc=exc)) from None
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
    log: Path
    kapstok: str
    by: str
    cache: Path


def cache_dir() -> Path:
    """Where the derived index lives: $AVE_CACHE_DIR, else the platformdirs user cache dir."""
    if os.environ.get("AVE_CACHE_DIR"):
        return Path(os.environ["AVE_CACHE_DIR"]).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path(APP)


def resolve(log: Path | None = None, kapstok: str | None = None, by: str | None = None) -> Settings:
    """Settings from the command's options, the environment and the user config, in that order."""
    config = read_config()
    log_path = log or _env_path("AVE_LOG") or (Path(config["log"]).expanduser()
                                               if "log" in config else None)
    if log_path is None:
        from platformdirs import user_data_path

        log_path = user_data_path(APP) / "caselog.toml"
    from ave_cli.decisions import check_free_text

    return Settings(
        log=log_path,
        kapstok=kapstok or os.environ.get("AVE_KAPSTOK") or config.get("kapstok") or DEFAULT_KAPSTOK,
        by=check_free_text("--by",
                           by or os.environ.get("AVE_BY") or config.get("by") or _login_name()),
        cache=cache_dir(),
    )


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else None


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


def read_file(path: Path, what: str, error: type[AveError] = AveError) -> bytes:
    """A file's bytes, or an error of class `error` that says what is wrong with `what`."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(_("{what}: {path} bestaat niet").format(what=what, path=path)) from None
    except IsADirectoryError:
        raise error(_("{what}: {path} is een map, geen bestand").format(what=what, path=path)) from None
    except OSError as exc:
        raise error(_("{what}: {path} is onleesbaar ({strerror})").format(
                        what=what, path=path, strerror=exc.strerror)) from None


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
