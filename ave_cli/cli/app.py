"""The shared part of the `ave` command line: the Typer app, the options every command shares,
and the one error handler (`guarded`). Command modules import from here; nothing here imports a
command module (main.py assembles them). The test hooks are in hooks.py.

Only typer and the error classes are imported up front; everything else is imported by the
command that uses it, so `ave --version` and `ave --help` start as fast as typer itself.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional, TypeVar

import typer

from ave_cli import __version__
from ave_cli.cli import chrome, complete
from ave_cli.cli.hooks import asker
from ave_cli.cli.i18n import _, k_, n_
from ave_cli.core.messages import AveError, Cancelled, Msg, Text, an_interrupt
from ave_cli.stores import writeguard

# The edge where the core's messages become text: in the language the shell chose (__main__).
Msg.translate = _
Text.translate_kapstok = k_

if TYPE_CHECKING:
    pass


LOCK_TIMEOUT = writeguard.LOCK_TIMEOUT  # the default of --lock-timeout


class OneLineErrors(chrome.Group):
    """Usage errors (a wrong option, a missing value) as one line on stderr, like every other
    error of ave, instead of a multi-line box."""

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        _said.clear()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except typer.TyperException as exc:
            context = getattr(exc, "ctx", None)
            message = chrome.usage_message(exc)
            if context is not None:
                message = _("{message} (zie: {command} --help)").format(
                    message=message, command=context.command_path)
            _error(message)
            sys.exit(getattr(exc, "exit_code", 2))
        except typer.Abort:
            _error(_interrupted())
            sys.exit(130)
        if code == 130 and not _said:
            # Typer turns a Ctrl-C that lands in its own code (entering or leaving the command's
            # context, parsing its options) into exit code 130 without a word; say what it left
            # behind, as everywhere (found by random interrupts: silent exits after a save)
            _error(_interrupted())
        sys.exit(code if isinstance(code, int) else 0)


class AveTyper(typer.Typer):
    """typer.Typer whose commands draw their usage line and help option in the interface
    language (chrome.Command)."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[F], F]:
        kwargs.setdefault("cls", chrome.Command)
        made: Callable[[F], F] = super().command(*args, **kwargs)
        return made


app = AveTyper(
    name="ave",
    cls=OneLineErrors,
    add_completion=False,  # chrome.completion_options: the same options, with help in Dutch
    help=_("AVE (Aanpak ter Voorkoming van Escalatie): triage, opschalen en afschalen "
           "van casussen, met de rollen uit de kapstok van je gemeente en een lokaal "
           "caselog."),
    invoke_without_command=True,  # `ave` alone shows the start screen
    pretty_exceptions_show_locals=False,  # locals may hold answers about a household
    rich_markup_mode="rich",
)


class Format(str, Enum):
    text = "text"
    json = "json"


def _error(message: str) -> None:
    from ave_cli.cli.render import base as render

    render.error(message)


# Replaced in tests: how prompts are asked, what time it is, how ids are made.
F = TypeVar("F", bound=Callable[..., Any])


def guarded(fn: F) -> F:
    """The one exit point for expected failures: a one-line message and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        writeguard.forget()  # one process may run several commands (tests)
        try:
            return fn(*args, **kwargs)
        except AveError as exc:
            _error(str(exc))
            raise typer.Exit(exc.exit_code) from None
        except Cancelled:
            from ave_cli.cli.render import base as render

            render.info(_("Afgebroken op je verzoek; er is niets opgeslagen."))
            raise typer.Exit(0) from None
        except (KeyboardInterrupt, EOFError):
            _error(_interrupted())
            _said.append(True)
            raise typer.Exit(130) from None
        except Exception as exc:
            if an_interrupt(exc):  # Ctrl-C that Python wrapped (while a class was being made)
                _error(_interrupted())
                _said.append(True)
                raise typer.Exit(130) from None
            if not type(exc).__module__.startswith("psycopg"):
                raise
            # the store refused a read (its writes say themselves what was saved)
            saved = writeguard.committed()
            from ave_cli.stores.postgres.store import first_line

            problem = first_line(exc)
            _error(_("de store gaf een fout ({problem}); er is niets opgeslagen").format(
                problem=problem) if not saved else _(
                "de store gaf een fout ({problem}), nadat {ids} was opgeslagen (zie ave "
                "show)").format(problem=problem, ids=", ".join(saved[:5]) + (
                    " ..." if len(saved) > 5 else "")))
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


_said: list[bool] = []  # the interrupt of this command has been said (by `guarded`)


def _interrupted() -> str:
    """What an interrupt leaves behind, truthfully: a commit is never cut off halfway (the store
    holds Ctrl-C back while it writes), so either nothing was saved or these decisions were."""
    saved = writeguard.committed()
    if not saved:
        return _("afgebroken; er is niets opgeslagen")
    return n_("afgebroken, maar het besluit {ids} was al opgeslagen (zie ave show); sla het "
              "niet nog eens op", "afgebroken, maar de {n} besluiten {ids} waren al opgeslagen "
              "(zie ave show); sla ze niet nog eens op", len(saved)).format(
                  n=len(saved), ids=", ".join(saved[:5]) + (" ..." if len(saved) > 5 else ""))


def _version(value: bool) -> None:
    if value:
        print(f"ave {__version__}")
        raise typer.Exit()


def _lang(value: Optional[str]) -> None:
    """`--lang` as typer sees it (in tests; `ave` itself takes it from argv before typer runs,
    see __main__.py, so that the help texts are already in that language)."""
    from ave_cli.cli import i18n

    if value is not None:
        try:
            i18n.set_lang(value)
        except i18n.LanguageError:
            raise typer.BadParameter(_("kies nl of en")) from None


_COMPLETION = chrome.completion_options()


@app.callback()
def main_options(
    ctx: typer.Context,
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help=_("Toon de versie en stop."))] = None,
    lang: Annotated[Optional[str], typer.Option(
        "--lang", callback=_lang, is_eager=True, metavar="nl|en",
        help=_("Taal van ave: nl (standaard) of en. Ook met $AVE_LANG of 'lang' in de "
               "gebruikersconfiguratie. Mag ook na de opdracht staan."))] = None,
    install_completion: Annotated[Optional[bool], _COMPLETION["install"]] = None,
    show_completion: Annotated[Optional[bool], _COMPLETION["show"]] = None,
) -> None:
    if ctx.invoked_subcommand is None:
        guarded(_start_screen)()


def _start_screen() -> None:
    """Which kapstok, which log, how many open cases, and the three commands to try."""
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render

    ctx = context()
    conf = ctx.settings
    kapstok = ctx.kapstokken.configured()
    open_cases = None
    if conf.url or conf.log.exists():
        view = ctx.read()
        open_cases = len(view.summaries(include_closed=False, deciders=False))
    render.out().print(render.start_screen(__version__, kapstok, conf.where, open_cases))


# --- shared options --------------------------------------------------------------------------

KapstokOpt = Annotated[Optional[str], typer.Option(
    "--kapstok", "-k", autocompletion=complete.kapstok_names, help=_("Naam van een meegeleverde kapstok "
                                                                     "(handreiking, westerkwartier) of pad "
                                                                     "van een kapstokbestand. Standaard: "
                                                                     "$AVE_KAPSTOK, de "
                                                                     "gebruikersconfiguratie, of "
                                                                     "handreiking."))]
def trimmed(value: str | None) -> str | None:
    """A case id as pasted: spaces and line ends around it do not count."""
    return value.strip() if isinstance(value, str) else value


CaseArg = Annotated[str, typer.Argument(metavar=_("CASUS"), help=_("Pseudoniem van de casus."),
                                        show_default=False, autocompletion=complete.case_ids,
                                        callback=trimmed)]
LogOpt = Annotated[Optional[str], typer.Option(
    "--log", help=_("Pad van het caselog, of het adres van de store van je team "
                    "(postgresql://...). Standaard: $AVE_LOG, de gebruikersconfiguratie, of "
                    "caselog.toml in de gebruikersdatamap."))]
TeamOpt = Annotated[Optional[str], typer.Option(
    "--team", help=_("In de store van een team: het team waar een nieuwe casus bij hoort. "
                     "Standaard: $AVE_TEAM, de gebruikersconfiguratie, of je enige team."))]
ByOpt = Annotated[Optional[str], typer.Option(
    "--by", help=_("Wie besluit. Standaard: $AVE_BY, de gebruikersconfiguratie, of je "
                   "inlognaam."))]
FormatOpt = Annotated[Format, typer.Option("--format", "-f", help=_("Uitvoer: text of json (json op "
                                                                    "stdout, meldingen op stderr)."))]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help=_("Besluit en toon, maar schrijf niets "
                                                             "in het caselog (het toeganglog "
                                                             "noteert wel dat je de casus inzag)."))]
MAX_LOCK_TIMEOUT = 3600.0


def _lock_timeout(value: float) -> float:
    """Seconds to wait for the lock: a real number from 0 to an hour (nan or inf would never end
    or never wait; a negative wait means nothing)."""
    if not 0 <= value <= MAX_LOCK_TIMEOUT:  # also false for nan
        raise typer.BadParameter(_("geef een aantal seconden van 0 tot en met {most:g}").format(
            most=MAX_LOCK_TIMEOUT))
    return value


LockOpt = Annotated[float, typer.Option("--lock-timeout", callback=_lock_timeout,
                                        help=_("Seconden wachten op het slot van het "
                                               "caselog (0 tot en met 3600)."))]


def read_input(spec: str, what: str) -> tuple[bytes, str]:
    from ave_cli.settings import read_file, read_stdin

    if spec == "-":
        return read_stdin(what), "stdin"

    path = Path(spec).expanduser()
    return read_file(path, what), str(path)


def text_input(value: str, file: str | None, option: str, prompt: str, *,
               required: bool = False) -> str:
    """Free text from its option, from a file or stdin (`-`), or typed at a prompt: for `-` at a
    terminal, and for a required text that is missing while a terminal is there. The last two
    keep sensitive text out of the shell's history. `option` names the option (`--reason`) in
    messages; `prompt` is the whole prompt text."""
    from ave_cli.core.guard import check_free_text
    from ave_cli.flows import questions

    if file is not None:
        if value:
            raise AveError(_("geef {option} of {option}-file, niet allebei").format(option=option))
        ask = asker() if file == "-" and sys.stdin is not None and sys.stdin.isatty() else None
        if ask is None:
            data, source = read_input(file, f"{option}-file")
            try:
                return unicodedata.normalize("NFC", data.decode("utf-8").rstrip("\n"))
            except UnicodeDecodeError:
                raise AveError(_("{source} is geen UTF-8-tekst").format(source=source)) from None
        return questions.ask_text(ask, prompt, lambda text: check_free_text(option, text))
    if required and not value.strip() and (ask := asker()) is not None:
        return questions.ask_text(ask, prompt, questions.required_text(
            option, _("{option} is verplicht").format(option=option)))
    return unicodedata.normalize("NFC", value)


NoteFileOpt = Annotated[Optional[str], typer.Option(
    "--note-file", help=_("Lees de notitie uit een bestand, of met - van stdin (in een "
                          "terminal: typ hem in), zodat hij niet in je "
                          "shellgeschiedenis staat."))]
ReasonFileOpt = Annotated[Optional[str], typer.Option(
    "--reason-file", help=_("Lees de reden uit een bestand, of met - van stdin (in een "
                            "terminal: typ hem in)."))]
