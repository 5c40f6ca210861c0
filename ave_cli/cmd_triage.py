"""`ave triage` and `ave kapstok`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from ave_cli import complete
from ave_cli.app import (
    LOCK_TIMEOUT,
    ByOpt,
    DryRunOpt,
    Format,
    FormatOpt,
    KapstokOpt,
    LockOpt,
    LogOpt,
    NoteFileOpt,
    app,
    asker,
    guarded,
    hooks,
    read_input,
    read_log,
    text_input,
)
from ave_cli.errors import AveError
from ave_cli.i18n import _

if TYPE_CHECKING:
    from ave_cli import caselog
    from ave_cli.cases import CaseState
    from ave_cli.model import Decision, Kapstok

# --- triage ----------------------------------------------------------------------------------

TRIAGE_HELP = _("Bepaal de fase van een casus met de triagevragen van de kapstok, toon "
                "de rollen en\nleg het besluit vast in het caselog.\n\nIn een terminal "
                "stelt ave de vragen, toont een controlescherm en vraagt je het advies "
                "te\nbevestigen of een andere fase te kiezen (met motivering). Zonder "
                "terminal: geef de antwoorden\nmet "
                "--answers.\n\n[bold]Voorbeelden[/bold]\n\n  ave triage "
                "WT-2024-017\n\n  ave triage WT-2024-017 --answers "
                "examples/answers/handreiking/ave3.toml --dry-run\n\n  ave triage "
                "WT-2024-017 --answers antwoorden.json --phase AVE3 --motivation "
                "\"Politie meldt ...\" -f json\n\n  ave triage --batch casussen.csv "
                "--dry-run\n")


@app.command(help=TRIAGE_HELP)
@guarded
def triage(
    case_id: Annotated[Optional[str], typer.Argument(
        metavar=_("ZAAK_ID"), autocompletion=complete.case_ids,
        help=_("Pseudoniem van de casus (geen BSN); wordt gevraagd als je het weglaat."),
        show_default=False)] = None,
    answers: Annotated[Optional[str], typer.Option(
        "--answers", "-a", help=_("Antwoordbestand (TOML of JSON, - voor stdin) met de "
                                  "vraagsleutels van de kapstok."))] = None,
    kapstok: KapstokOpt = None,
    log: LogOpt = None,
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
    from ave_cli import actions, output, render, settings
    from ave_cli import questionnaire as q
    from ave_cli.cases import key as case_key
    from ave_cli.decisions import Triage, check_case_id, check_free_text, known_phase
    from ave_cli.decisions import triage as build_triage

    conf = settings.resolve(log, kapstok, by)
    if answers == "-" and note_file == "-":
        raise AveError(_("stdin kan maar één keer worden gelezen: geef --answers of "
                         "--note-file als bestand"))
    note = text_input(note, note_file, "--note", _("De notitie:"))
    for label, text in (("--note", note), ("--motivation", motivation),
                        ("--casusregisseur", casusregisseur),
                        ("--procesregisseur", procesregisseur)):
        check_free_text(label, text)
    if batch is not None:
        if case_id is not None or answers is not None or phase is not None or motivation:
            raise AveError(_("--batch gaat niet samen met een zaak-id, --answers, "
                             "--phase of --motivation: elke casus staat in het "
                             "batchbestand"))
        _batch(settings.load_kapstok(conf.kapstok), conf, batch, note=note, dry_run=dry_run,
               fmt=fmt, lock_timeout=lock_timeout)
        return
    raw: dict[str, Any] | None = None
    source = ""
    if answers is not None:
        data, source = read_input(answers, "--answers")
        raw = q.parse_answers_file(data, source)
        file_case = raw.pop("case", None)
        if file_case is not None:
            if not isinstance(file_case, str):
                raise AveError(_("{source}: 'case' moet tekst zijn").format(source=source))
            if case_id is not None and case_key(case_id) != case_key(file_case):
                raise AveError(_("zaak-id '{case_id}' verschilt van 'case' = "
                                 "'{file_case}' in {source}").format(
                                   case_id=case_id, file_case=file_case, source=source))
            case_id = case_id or file_case
    if case_id is not None:
        check_case_id(case_id)
    ask = asker()
    if case_id is None and ask is None:
        raise AveError(_("geef een zaak-id: ave triage ZAAK_ID --answers BESTAND (of "
                         "zet 'case' in het antwoordbestand)") if raw is not None else
                       _("geen terminal om de vragen te stellen; geef de "
                         "antwoorden met --answers BESTAND (of --answers - voor "
                         "stdin)"))

    view = read_log(conf, writing=not dry_run)
    if case_id is None:
        assert ask is not None  # refused above when there is neither a case id nor a terminal
        case_id = q.ask_text(ask, _("Zaak-id (pseudoniem, geen BSN):"), check_case_id)
    state = view.case(case_id)
    kap = settings.kapstok_for_case(kapstok, conf.kapstok, state)
    _before_questions(state, case_id, kap, explicit=kapstok is not None,
                      configured=conf.kapstok)
    given, missing = q.validate_answers(kap, raw, source) if raw is not None else (
        {}, [question.key for question in kap.questions])
    interactive = bool(missing)
    if interactive and ask is None:
        raise q.missing_error(source, missing) if raw is not None else AveError(
            _("geen terminal om de vragen te stellen; geef de antwoorden met --answers "
              "BESTAND (of --answers - voor stdin)"))
    chosen = known_phase(kap, phase).id if phase is not None else None
    if interactive:
        assert ask is not None
        defaults = dict(state.answers) if state else {}
        asked = q.ask_questions(ask, kap, missing, defaults)
        full = {question.key: {**given, **asked}[question.key] for question in kap.questions}
        named = {"casusregisseur": casusregisseur or (state.casusregisseur if state else ""),
                 "procesregisseur": procesregisseur or (state.procesregisseur if state else "")}
        reviewed = q.review(ask, kap, full, show=lambda a, o: render.err().print(
            render.review_panel(kap, a, o, **named)), dry_run=dry_run, chosen=chosen,
            motivation=motivation)
        full, chosen, motivation = reviewed.answers, reviewed.phase, reviewed.motivation
        check_free_text("--motivation", motivation)
    else:
        full = given
    assert case_id is not None

    result: list[Triage] = []

    def build(current: caselog.LogView) -> list[Decision]:
        outcome = build_triage(
            kap, full, case=case_id, state=current.case(case_id),
            decision_id=hooks["new_id"](), now=hooks["now"](), by=conf.by, chosen=chosen,
            motivation=motivation, note=note, casusregisseur=casusregisseur,
            procesregisseur=procesregisseur)
        result.append(outcome)
        return [outcome.decision]

    actions.decide(conf, view, build, dry_run=dry_run, lock_timeout=lock_timeout)
    done = result[0]
    steps = None
    if trace:
        from ave_cli import render_kapstok
        from ave_cli.rules import trace as trace_rules

        steps = trace_rules(kap, full)
    if fmt is Format.json:
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


def _before_questions(state: CaseState | None, typed: str, kap: Kapstok, *,
                      explicit: bool, configured: str) -> None:
    """Say before the first question which case and kapstok this triage is about, when either
    is not what the professional might assume: another spelling of the case id, another
    kapstok given with --kapstok, or the case's own kapstok instead of the configured one."""
    from ave_cli import render, settings

    if state is None:
        return
    if state.case != typed:
        render.info(_("Casus {case} (zo staat hij in het caselog; je schreef {typed})").format(
            case=state.case, typed=typed))
    if explicit and state.kapstok_name != kap.name:
        render.info(_("Let op: casus {case} is eerder beoordeeld met kapstok {old}; deze "
                      "triage gebruikt kapstok {new} (--kapstok)").format(
                          case=state.case, old=state.kapstok_name, new=kap.name))
    elif not explicit and settings.load_kapstok(configured).name != kap.name:
        render.info(_("Casus {case} is beoordeeld met kapstok {old}; deze triage gebruikt die "
                      "ook").format(case=state.case, old=kap.name))


def _batch(kap, conf, spec: str, *, note: str, dry_run: bool, fmt: Format,
           lock_timeout: float) -> None:
    """Validate every answer set, then append all triage decisions under one lock."""
    from ave_cli import actions, output, render
    from ave_cli import questionnaire as q
    from ave_cli.cases import key as case_key
    from ave_cli.decisions import Triage, check_case_id
    from ave_cli.decisions import triage as build_triage

    data, source = read_input(spec, "--batch")
    rows: list[tuple[str, dict]] = []
    seen: dict[str, str] = {}
    for label, raw in q.parse_batch(data, source, kap):
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
        answers, missing = q.validate_answers(kap, raw, label)
        if missing:
            raise AveError(_("{label}: antwoorden ontbreken voor {missing}").format(
                               label=label, missing=', '.join(missing)))
        rows.append((case, answers))
    results: list[Triage] = []

    def build(current: caselog.LogView) -> list[Decision]:
        results.clear()
        for case, answers in rows:
            results.append(build_triage(kap, answers, case=case, state=current.case(case),
                                        decision_id=hooks["new_id"](), now=hooks["now"](),
                                        by=conf.by, note=note))
        return [r.decision for r in results]

    view = read_log(conf, writing=not dry_run)
    actions.decide(conf, view, build, dry_run=dry_run, lock_timeout=lock_timeout)
    if fmt is Format.json:
        output.print_json([output.triage_json(r, dry_run=dry_run) for r in results])
    else:
        render.out().print(render.batch_table(results, dry_run=dry_run))
