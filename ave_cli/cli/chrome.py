"""typer's and click's own words, in the interface language: the usage line, the panel titles,
`[default: ...]`, `[required]`, the help option, the completion options, and the usage errors
("Missing argument", "No such option", ...).

Through the libraries' hooks: the command and group classes ave gives typer (`cls=`) format the
usage line and the help option themselves, typer's rich panel titles and markers are the module
settings typer reads when it draws help, and usage errors are rebuilt from the exception's own
fields (the parameter, the option name, the possibilities), never by rewriting printed output.
The typer in use vendors click without gettext, so click's gettext domain is not a hook here.
"""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.core import TyperCommand, TyperGroup

from ave_cli.cli.i18n import _

# The order a professional meets the commands in (ave --help); the rest follow in their own order.
ORDER = ("triage", "escalate", "deescalate", "close", "show", "report", "reevaluate", "export",
         "uitleg", "kapstok", "audit", "check", "purge", "reindex",
         "store", "migrate")


def _panels() -> None:
    """The texts typer's rich help reads from its module when it draws (so: at drawing time, in
    the language chosen by then)."""
    from typer import rich_utils as ru

    ru.ARGUMENTS_PANEL_TITLE = _("Argumenten")
    ru.OPTIONS_PANEL_TITLE = _("Opties")
    ru.COMMANDS_PANEL_TITLE = _("Opdrachten")
    ru.DEFAULT_STRING = _("[standaard: {}]")
    ru.REQUIRED_LONG_STRING = _("[verplicht]")
    ru.ENVVAR_STRING = _("[omgevingsvariabele: {}]")
    ru.DEPRECATED_STRING = _("(verouderd) ")
    ru.ERRORS_PANEL_TITLE = _("Fout")
    ru.ABORTED_TEXT = _("Afgebroken.")
    ru.RICH_HELP = _("Zie [blue]'{command_path} {help_option}'[/] voor hulp.")


class _Chrome:  # mixed into typer's classes, whose __init__ it extends
    """What ave's command and group classes share: the usage line and the help option."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        setattr(self, "options_metavar", _("[OPTIES]"))  # noqa: B010  (typer's attribute)
        if getattr(self, "subcommand_metavar", None):
            setattr(self, "subcommand_metavar", _("OPDRACHT [ARGUMENTEN]..."))  # noqa: B010

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """As typer's, but a required argument reads `CASUS`, not `{CASUS}`."""
        plain = {f"{{{param.metavar}}}": param.metavar
                 for param in self.get_params(ctx)  # type: ignore[attr-defined]
                 if getattr(param, "param_type_name", "") == "argument" and param.metavar}
        return [plain.get(piece, piece)
                for piece in super().collect_usage_pieces(ctx)]  # type: ignore[misc]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=_("Gebruik: "))

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _("Toon deze hulp en stop.")
        return option

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _panels()
        super().format_help(ctx, formatter)  # type: ignore[misc]


class Command(_Chrome, TyperCommand):
    pass


class Group(_Chrome, TyperGroup):
    def list_commands(self, ctx: Any) -> list[str]:
        names = list(super().list_commands(ctx))
        rank = {name: n for n, name in enumerate(ORDER)}
        return sorted(names, key=lambda name: rank.get(name, len(ORDER)))


def completion_options() -> dict[str, Any]:
    """typer's --install-completion and --show-completion, with help in the interface language
    (for the main callback; typer's own are switched off with add_completion=False)."""
    from typer._completion_classes import completion_init  # what typer.completion uses
    from typer.completion import install_callback, show_callback

    completion_init()  # registers the shells, as typer does for its own completion options
    return {
        "install": typer.Option("--install-completion", callback=install_callback,
                                expose_value=False, is_eager=True,
                                help=_("Installeer tab-aanvulling voor je shell.")),
        "show": typer.Option("--show-completion", callback=show_callback,
                             expose_value=False, is_eager=True,
                             help=_("Toon het aanvullingsscript voor je shell, om het zelf te "
                                    "installeren.")),
    }


def usage_message(exc: Any) -> str:
    """A usage error as one sentence in the interface language, from the exception's fields."""
    try:
        from typer._click import exceptions as ce  # typer 0.28 carries its own click
    except ImportError:  # pragma: no cover - older typer uses click itself
        from click import exceptions as ce  # type: ignore[no-redef, import-not-found, unused-ignore]

    hint = _hint(exc)
    if isinstance(exc, ce.MissingParameter):
        what = {"argument": _("argument {name} ontbreekt"),
                "option": _("optie {name} ontbreekt")}.get(
                    exc.param_type or getattr(exc.param, "param_type_name", "") or "",
                    _("{name} ontbreekt"))
        return what.format(name=hint)
    if isinstance(exc, ce.NoSuchOption):
        text = _("onbekende optie {option}").format(option=exc.option_name)
        if exc.possibilities:
            text += " " + _("(bedoel je {options}?)").format(
                options=", ".join(sorted(exc.possibilities)))
        return text
    if isinstance(exc, ce.BadOptionUsage):
        if "requires" in exc.message:
            return _("optie {option} verwacht een waarde").format(option=exc.option_name)
        if "does not take" in exc.message:
            return _("optie {option} neemt geen waarde").format(option=exc.option_name)
    if isinstance(exc, ce.BadParameter):
        return _bad_value(exc, hint)
    extra = re.match(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)$", exc.message)
    if extra:
        return _("onverwacht extra argument: {args}").format(args=extra[1])
    command = re.match(r"No such command '(.*?)'\.(?: Did you mean '(.*)'\?)?$", exc.message)
    if command and command[2]:
        return _("onbekende opdracht '{name}' (bedoel je '{other}'?)").format(
            name=command[1], other=command[2])
    if command:
        return _("onbekende opdracht '{name}'").format(name=command[1])
    if exc.message == "Missing command.":
        return _("geef een opdracht")
    message: str = exc.format_message()
    return message


def _hint(exc: Any) -> str:
    param = getattr(exc, "param", None)
    if param is None:
        return ""
    if getattr(param, "param_type_name", "") == "argument":
        name: str = param.human_readable_name
        return name
    return " / ".join(param.opts)


def _bad_value(exc: Any, hint: str) -> str:
    """A value the parameter's type refused (click's message names it first, quoted), or a
    message of ave's own callback (already in the interface language)."""
    param_type = getattr(getattr(exc, "param", None), "type", None)
    value = re.match(r"'(.*?)' is not", exc.message)
    choices = getattr(param_type, "choices", None)
    if value and choices:
        return _("'{value}' past niet bij {option} (kies uit: {choices})").format(
            value=value[1], option=hint, choices=", ".join(map(str, choices)))
    if value:
        return _("'{value}' past niet bij {option}: geef een getal").format(
            value=value[1], option=hint)
    return _("ongeldige waarde voor {option}: {message}").format(option=hint,
                                                                 message=exc.message)
