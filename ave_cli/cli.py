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
from ave_cli.cases import case_state
from ave_cli.decisions import Triage, check_case_id, check_free_text
from ave_cli.decisions import triage as build_triage
from ave_cli.model import AveError, Decision

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


def _read_log(path: Path) -> caselog.LogContents:
    """Read the log for a command, with the warnings every command gives."""
    contents = caselog.read(path)
    if contents.damage is not None:
        render.warning(caselog.damage_message(path, contents.damage))
    if contents.size and caselog.readable_by_others(path):
        render.warning(f"caselog {path} is leesbaar voor anderen; beperk het met: chmod 600 {path}")
    return contents


def _read_input(spec: str, what: str) -> tuple[bytes, str]:
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


# --- triage ----------------------------------------------------------------------------------

TRIAGE_HELP = """Bepaal de fase van een casus met de triagevragen van de kapstok, toon de rollen en
leg het besluit vast in het caselog.

In een terminal stelt ave de vragen, toont een controlescherm en vraagt je het advies te
bevestigen of een andere fase te kiezen (met motivering). Zonder terminal: geef de antwoorden
met --answers.

[bold]Voorbeelden[/bold]

  ave triage WT-2024-017

  ave triage WT-2024-017 --answers examples/answers/handreiking/ave3.toml --dry-run

  ave triage WT-2024-017 --answers antwoorden.json --phase AVE3 --motivation "Politie meldt ..." -f json
"""


@app.command(help=TRIAGE_HELP)
@guarded
def triage(
    case_id: Annotated[Optional[str], typer.Argument(
        metavar="[ZAAK_ID]", help="Pseudoniem van de casus (geen BSN); wordt gevraagd als je het "
        "weglaat.", show_default=False)] = None,
    answers: Annotated[Optional[str], typer.Option(
        "--answers", "-a", help="Antwoordbestand (TOML of JSON, - voor stdin) met de vraagsleutels "
        "van de kapstok.")] = None,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    by: ByOpt = None,
    note: Annotated[str, typer.Option("--note", help="Vrije notitie bij het besluit.")] = "",
    phase: Annotated[Optional[str], typer.Option(
        "--phase", help="De fase die je besluit, als die afwijkt van het advies (met --motivation).")]
    = None,
    motivation: Annotated[str, typer.Option(
        "--motivation", help="Waarom je afwijkt van de geadviseerde fase.")] = "",
    casusregisseur: Annotated[str, typer.Option(
        "--casusregisseur", help="Wie (persoon of team) de casusregie heeft.")] = "",
    procesregisseur: Annotated[str, typer.Option(
        "--procesregisseur", help="Wie (persoon of team) de procesregie heeft.")] = "",
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = caselog.DEFAULT_LOCK_TIMEOUT,
) -> None:
    from ave_cli import questionnaire as q

    conf = settings.resolve(log, kapstok, by)
    kap = settings.load_kapstok(conf.kapstok)
    for label, text in (("de notitie", note), ("de motivering", motivation),
                        ("de casusregisseur", casusregisseur),
                        ("de procesregisseur", procesregisseur)):
        check_free_text(label, text)
    given: dict[str, Any] = {}
    missing = [question.key for question in kap.questions]
    source = ""
    if answers is not None:
        data, source = _read_input(answers, "antwoordbestand")
        raw = q.parse_answers_file(data, source)
        file_case = raw.pop("case", None)
        if file_case is not None:
            if not isinstance(file_case, str):
                raise AveError(f"{source}: 'case' moet tekst zijn")
            if case_id is not None and case_id != file_case:
                raise AveError(f"zaak-id '{case_id}' verschilt van 'case' = '{file_case}' in {source}")
            case_id = file_case
        given, missing = q.validate_answers(kap, raw, source)
    interactive = bool(missing)
    ask = hooks["ask"]
    if interactive and ask is None:
        if answers is not None and not q.can_prompt():
            raise q.missing_error(source, missing)
        if not q.can_prompt():
            raise AveError("geen terminal om de vragen te stellen; geef de antwoorden met "
                           "--answers BESTAND (of --answers - voor stdin)")
        ask = q.terminal_ask
    if case_id is not None:
        check_case_id(case_id)
    elif not interactive:
        raise AveError("geef een zaak-id: ave triage ZAAK_ID --answers BESTAND "
                       "(of zet 'case' in het antwoordbestand)")
    if phase is not None and kap.find_phase(phase) is None:
        raise AveError(f"fase '{phase}' bestaat niet in kapstok {kap.name} "
                       f"(fasen: {', '.join(p.id for p in kap.phases)})")

    contents = _read_log(conf.log)
    chosen = kap.find_phase(phase).id if phase else None  # type: ignore[union-attr]
    if interactive:
        if case_id is None:
            case_id = q.ask_text(ask, "Zaak-id (pseudoniem, geen BSN):", check_case_id)
        state = case_state(contents.decisions, case_id)
        defaults = dict(state.answers) if state else {}
        asked = q.ask_questions(ask, kap, missing, defaults)
        full = {question.key: {**given, **asked}[question.key] for question in kap.questions}
        reviewed = q.review(ask, kap, full, show=lambda a, o: render.err().print(
            render.review_panel(kap, a, o)), dry_run=dry_run, chosen=chosen, motivation=motivation)
        full, chosen, motivation = reviewed.answers, reviewed.phase, reviewed.motivation
        check_free_text("de motivering", motivation)
    else:
        full = given
    assert case_id is not None

    result: list[Triage] = []

    def build(current: caselog.LogContents) -> list[Decision]:
        outcome = build_triage(
            kap, full, case=case_id, state=case_state(current.decisions, case_id),
            decision_id=hooks["new_id"](), now=hooks["now"](), by=conf.by, chosen=chosen,
            motivation=motivation, note=note, casusregisseur=casusregisseur,
            procesregisseur=procesregisseur)
        result.append(outcome)
        return [outcome.decision]

    if dry_run:
        build(contents)
    else:
        caselog.append(conf.log, build, lock_timeout)
    done = result[0]
    if fmt is Format.json:
        render.print_json(render.triage_json(done, dry_run=dry_run))
    else:
        render.out().print(render.triage_panel(done, kap, dry_run=dry_run,
                                               casusregisseur=casusregisseur,
                                               procesregisseur=procesregisseur))


# --- kapstok ---------------------------------------------------------------------------------

KAPSTOK_HELP = """Toon de kapstok: per fase wie casusregie, procesregie, operationele en bestuurlijke
verantwoordelijkheid heeft, met wie wordt overlegd en wanneer je op- en afschaalt.

[bold]Voorbeelden[/bold]

  ave kapstok

  ave kapstok --kapstok westerkwartier

  ave kapstok --list
"""


@app.command("kapstok", help=KAPSTOK_HELP)
@guarded
def kapstok_command(
    kapstok: KapstokOpt = None,
    list_all: Annotated[bool, typer.Option("--list", help="Toon de meegeleverde kapstokken.")] = False,
    fmt: FormatOpt = Format.text,
) -> None:
    if list_all:
        names = settings.bundled_kapstokken()
        kapstokken = [settings.load_kapstok(name) for name in names]
        if fmt is Format.json:
            render.print_json([{"name": k.name, "version": k.version, "title": k.title,
                                "phases": [p.id for p in k.phases]} for k in kapstokken])
        else:
            for k in kapstokken:
                render.out().print(f"{k.name:<16} {k.version:<8} {k.title}: "
                                   f"fasen {', '.join(p.id for p in k.phases)}")
        return
    kap = settings.load_kapstok(settings.resolve(kapstok=kapstok).kapstok)
    if fmt is Format.json:
        render.print_json(render.kapstok_json(kap))
    else:
        render.out().print(render.kapstok_table(kap))


def main() -> None:
    app()
