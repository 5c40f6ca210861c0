"""`ave triage` and `ave kapstok`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ave_cli.cli import complete
from ave_cli.cli.app import (
    LOCK_TIMEOUT,
    ByOpt,
    DryRunOpt,
    Format,
    FormatOpt,
    KapstokOpt,
    LockOpt,
    LogOpt,
    NoteFileOpt,
    TeamOpt,
    app,
    guarded,
    read_input,
    text_input,
    trimmed,
)
from ave_cli.cli.i18n import _
from ave_cli.core.messages import AveError, Msg

if TYPE_CHECKING:
    from ave_cli.core.model import Kapstok
    from ave_cli.flows.context import Context

# --- triage ----------------------------------------------------------------------------------

TRIAGE_HELP = _("Bepaal de fase van een casus met de triagevragen van de kapstok, toon de rollen "
                "en leg het besluit vast in het caselog.\n\nIn een terminal stelt ave de vragen, "
                "toont een controlescherm en vraagt je het advies te bevestigen of een andere "
                "fase te kiezen (met motivering). Zonder terminal: geef de antwoorden met "
                "--answers.\n\n[bold]Voorbeelden[/bold]\n\n  ave triage WT-2024-017\n\n  ave "
                "triage WT-2024-017 --answers examples/answers/handreiking/ave3.json "
                "--dry-run\n\n  ave triage WT-2024-017 --answers antwoorden.json --phase AVE3 "
                "--motivation \"Politie meldt ...\" -f json\n\n  ave triage --batch casussen.csv "
                "--dry-run\n")


@app.command(help=TRIAGE_HELP)
@guarded
def triage(
    case_id: Annotated[Optional[str], typer.Argument(
        metavar=_("CASUS"), autocompletion=complete.case_ids,
        help=_("Pseudoniem van de casus (geen BSN); wordt gevraagd als je het weglaat."),
        show_default=False, callback=trimmed)] = None,
    answers: Annotated[Optional[str], typer.Option(
        "--answers", "-a", help=_("Antwoordbestand (TOML of JSON, - voor stdin) met de "
                                  "vraagsleutels van de kapstok."))] = None,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
    team: TeamOpt = None,
    by: ByOpt = None,
    note: Annotated[str, typer.Option("--note", help=_("Vrije notitie bij het besluit."))] = "",
    note_file: NoteFileOpt = None,
    phase: Annotated[Optional[str], typer.Option(
        "--phase", autocompletion=complete.phase_ids,
        help=_("De fase die je besluit, als die afwijkt van het advies (met "
               "--motivation)."))]
    = None,
    motivation: Annotated[str, typer.Option(
        "--motivation", help=_("Waarom je afwijkt van de geadviseerde fase."))] = "",
    casusregisseur: Annotated[str, typer.Option(
        "--casusregisseur", help=_("Wie (persoon of team) de casusregie heeft."))] = "",
    procesregisseur: Annotated[str, typer.Option(
        "--procesregisseur", help=_("Wie (persoon of team) de procesregie heeft."))] = "",
    batch: Annotated[Optional[str], typer.Option(
        "--batch", help=_("Veel casussen tegelijk: TOML (een tabel per casus), JSON "
                          "Lines of CSV (vraagsleutels als kolommen), elk met 'case'. "
                          "Alles wordt eerst gecontroleerd; bij één fout wordt niets "
                          "opgeslagen."))] = None,
    trace: Annotated[bool, typer.Option(
        "--trace", help=_("Toon hoe de regels tot hun advies kwamen: elke fase van boven af, "
                          "elke voorwaarde met of hij geldt en de antwoorden erachter."))] = False,
    dry_run: DryRunOpt = False,
    fmt: FormatOpt = Format.text,
    lock_timeout: LockOpt = LOCK_TIMEOUT,
) -> None:
    from ave_cli.cli.context import context
    from ave_cli.cli.render import base as render
    from ave_cli.core import answers as answer_files
    from ave_cli.core.cases import key as case_key
    from ave_cli.core.guard import check_free_text
    from ave_cli.flows import decide as actions

    ctx = context(log, kapstok, by, team)
    if answers == "-" and note_file == "-":
        raise AveError(_("stdin kan maar één keer worden gelezen: geef --answers of "
                         "--note-file als bestand"))
    note = text_input(note, note_file, "--note", _("De notitie:"))
    note, motivation, casusregisseur, procesregisseur = (
        check_free_text(label, text) for label, text in (
            ("--note", note), ("--motivation", motivation), ("--casusregisseur", casusregisseur),
            ("--procesregisseur", procesregisseur)))
    if batch is not None:
        if case_id is not None or answers is not None or phase is not None or motivation:
            raise AveError(_("--batch gaat niet samen met een casus, --answers, "
                             "--phase of --motivation: elke casus staat in het "
                             "batchbestand"))
        _batch(ctx, batch, note=note, dry_run=dry_run,
               fmt=fmt, lock_timeout=lock_timeout)
        return
    raw: dict[str, Any] | None = None
    source = ""
    if answers is not None:
        data, source = read_input(answers, "--answers")
        raw = answer_files.parse_answers_file(data, source)
        file_case = raw.pop("case", None)
        if file_case is not None:
            if not isinstance(file_case, str):
                raise AveError(_("{source}: 'case' moet tekst zijn").format(source=source))
            if case_id is not None and case_key(case_id) != case_key(file_case):
                raise AveError(_("casus '{case_id}' verschilt van 'case' = "
                                 "'{file_case}' in {source}").format(
                                   case_id=case_id, file_case=file_case, source=source))
            case_id = case_id or file_case
    request = actions.TriageRequest(
        case_id, kapstok, raw, source, phase=phase, motivation=motivation, note=note,
        casusregisseur=casusregisseur, procesregisseur=procesregisseur, dry_run=dry_run,
        lock_timeout=lock_timeout, checklist=_afschalen(ctx))

    def show(kap: Kapstok, given: dict[str, Any], outcome: Any, **shown: Any) -> None:
        console = render.err()
        console.print(render.review_panel(kap, given, outcome, width=console.width, **shown))

    done_flow = actions.triage(ctx, request, show=show)
    done, kap, full = done_flow.triage, done_flow.kapstok, done_flow.answers
    steps = None
    if trace:
        from ave_cli.cli.render import kapstok as render_kapstok
        from ave_cli.core.rules import trace as trace_rules

        steps = trace_rules(kap, full)
    if fmt is Format.json:
        # the JSON writer (and the report it knows) loads only here: the first question of an
        # interactive triage comes that much sooner (benchmarks/start.py)
        from ave_cli.cli import output

        shown = output.triage_json(done, dry_run=dry_run)
        if steps is not None:
            shown["trace"] = output.trace_json(steps)
        output.print_json(shown)
    else:
        if steps is not None:
            render.out().print(render_kapstok.trace_view(steps))
        render.out().print(render.triage_panel(done, kap, dry_run=dry_run,
                                               casusregisseur=casusregisseur,
                                               procesregisseur=procesregisseur))


def _afschalen(ctx: Any) -> Any:
    """The afschalen checklist at the terminal the review is asked at (none without one)."""
    if ctx.ask is None:
        return None
    from ave_cli.cli.commands.case import ask_afschalen

    return lambda phase: ask_afschalen(ctx.ask, phase)


def _batch(ctx: Context, spec: str, *, note: str, dry_run: bool, fmt: Format,
           lock_timeout: float) -> None:
    """Validate every answer set, then append all triage decisions under one lock."""
    from ave_cli.cli import output
    from ave_cli.cli.render import base as render
    from ave_cli.core import answers as answer_files
    from ave_cli.core.cases import key as case_key
    from ave_cli.core.decisions import check_case_id
    from ave_cli.flows import decide as actions

    kap = ctx.kapstokken.configured()
    data, source = read_input(spec, "--batch")
    parsed = answer_files.parse_batch(data, source, kap)
    del data
    rows: list[tuple[str, dict[str, Any]]] = []
    seen: dict[str, Msg | str] = {}
    checked: dict[tuple[Any, ...], dict[str, Any]] = {}  # the same answers: checked once, shared
    for n, (label, raw) in enumerate(parsed):
        parsed[n] = None  # type: ignore[call-overload]  # each raw row is dropped once checked
        raw = dict(raw)
        case = raw.pop("case", None)
        if not isinstance(case, str) or not case:
            raise AveError(_("{label}: 'case' ontbreekt of is geen tekst").format(label=label))
        try:
            check_case_id(case)
        except AveError as exc:
            raise AveError(f"{label}: {exc}") from None
        if case_key(case) in seen:
            raise AveError(_("{label}: casus '{case}' staat ook al in {other}").format(
                               label=label, case=case, other=seen[case_key(case)]))
        seen[case_key(case)] = label
        same = answer_files.frozen(raw)
        answers = checked.get(same) if same is not None else None
        if answers is None:
            answers, missing = answer_files.validate_answers(kap, raw, label)
            if missing:
                raise AveError(_("{label}: antwoorden ontbreken voor {missing}").format(
                                   label=label, missing=', '.join(missing)))
            if same is not None:
                checked[same] = answers
        rows.append((case, answers))
    del parsed, seen, checked
    results = actions.triage_batch(
        ctx, kap, rows,
        note=note, dry_run=dry_run, lock_timeout=lock_timeout)
    if fmt is Format.json:
        output.print_json([output.triage_json(r, dry_run=dry_run) for r in results])
    else:
        render.out().print(render.batch_table(results, dry_run=dry_run))
