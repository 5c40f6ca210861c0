"""The `ave` command line: parse options, call the core, render. Errors leave through `guarded`."""

from __future__ import annotations

import functools
import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from ave_cli import __version__, caselog, render, settings
from ave_cli.model import AveError

app = typer.Typer(
    name="ave",
    help="AVE (Aanpak ter Voorkoming van Escalatie): triage, opschalen en afschalen van casussen, "
         "met de rollen uit de kapstok van je gemeente en een lokaal caselog.",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,  # locals may hold answers about a household
    rich_markup_mode="rich",
)


class Format(str, Enum):
    text = "text"
    json = "json"


def _now() -> datetime:
    return datetime.now().astimezone().replace(microsecond=0)


def _new_id() -> str:
    return uuid.uuid4().hex


# Replaced in tests: how prompts are asked, what time it is, how ids are made.
hooks: dict[str, Callable[..., Any]] = {"ask": None, "now": _now, "new_id": _new_id}  # type: ignore[dict-item]

F = TypeVar("F", bound=Callable[..., Any])


def guarded(fn: F) -> F:
    """The one exit point for expected failures: a one-line message and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except AveError as exc:
            render.error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except (KeyboardInterrupt, EOFError):
            render.error("afgebroken; er is niets opgeslagen")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        print(f"ave {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Toon de versie en stop.")] = None,
) -> None:
    """AVE-triage en caselog. Begin met [bold]ave triage[/bold] of [bold]ave kapstok[/bold]."""


# --- shared options --------------------------------------------------------------------------

KapstokOpt = Annotated[Optional[str], typer.Option(
    "--kapstok", "-k", help="Naam van een meegeleverde kapstok (handreiking, westerkwartier) of pad "
    "van een kapstokbestand. Standaard: $AVE_KAPSTOK, de gebruikersconfiguratie, of handreiking.")]
LogOpt = Annotated[Optional[Path], typer.Option(
    "--log", help="Pad van het caselog. Standaard: $AVE_LOG, de gebruikersconfiguratie, of "
    "caselog.toml in de gebruikersdatamap.")]
ByOpt = Annotated[Optional[str], typer.Option(
    "--by", help="Wie besluit. Standaard: $AVE_BY, de gebruikersconfiguratie, of je inlognaam.")]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="Uitvoer: text of json (json "
                                           "op stdout, meldingen op stderr).")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="Besluit en toon, maar schrijf niets.")]
LockOpt = Annotated[float, typer.Option("--lock-timeout", min=0,
                                        help="Seconden wachten op het slot van het caselog.")]


def read_log(conf: settings.Settings) -> caselog.LogView:
    """Open the log for a command, with the warnings every command gives."""
    view = caselog.open_log(conf.log, conf.cache)
    if view.damage is not None:
        render.warning(caselog.damage_message(conf.log, view.damage))
    if view.size and caselog.readable_by_others(conf.log):
        render.warning(f"caselog {conf.log} is leesbaar voor anderen; beperk het met: "
                       f"chmod 600 {conf.log}")
    return view


def read_input(spec: str, what: str) -> tuple[bytes, str]:
    if spec == "-":
        return sys.stdin.buffer.read(), "stdin"
    path = Path(spec).expanduser()
    try:
        return path.read_bytes(), str(path)
    except FileNotFoundError:
        raise AveError(f"{what} {path} bestaat niet") from None
    except IsADirectoryError:
        raise AveError(f"{what} {path} is een map, geen bestand") from None
    except OSError as exc:
        raise AveError(f"{what} {path} is onleesbaar ({exc.strerror})") from None


def main() -> None:
    app()


# The commands register themselves on `app` when imported.
from ave_cli import cmd_case, cmd_report, cmd_triage  # noqa: E402,F401
