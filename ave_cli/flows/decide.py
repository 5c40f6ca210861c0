"""The flows of the commands that decide (triage, the lifecycle, reevaluate, purge, show),
between parsing and rendering: they never print.

Each takes a request and the command's `Context` (the store, the kapstokken, how to ask, what
time it is, how ids are made, where warnings go) and returns a result for the command to render.
Decisions are reached only through the `Store` interface.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from ave_cli.core.answers import frozen, missing_error, validate_answers
from ave_cli.core.cases import key, nearest
from ave_cli.core.decisions import Who, check_case_id, known_phase
from ave_cli.core.decisions import triage as build_triage
from ave_cli.core.guard import check_free_text
from ave_cli.core.messages import AveError, Cancelled, CaseMovedOn, EnvironmentProblem, Listed, Msg
from ave_cli.core.rules import evaluate
from ave_cli.flows import questions
from ave_cli.flows.context import Context
from ave_cli.flows.kapstokken import Kapstokken
from ave_cli.flows.questions import Prompt
from ave_cli.stores.base import Accesses
from ave_cli.stores.writeguard import LOCK_TIMEOUT

if TYPE_CHECKING:

    from ave_cli.core.decisions import Change, Triage
    from ave_cli.core.model import Decision, Kapstok
    from ave_cli.stores.base import View


def record(ctx: Context, action: str, cases: Any,
           result: str = "ok", *, saved: bool = False) -> None:
    """Who saw or changed which cases, and how it ended, in the store's access log. An access
    log that cannot be written stops a read before anything is shown; after a write it is said
    truthfully that the decision was saved. The time is the machine's clock at the access (not
    the decision clock that tests replace): it records when someone looked."""
    when = datetime.now().astimezone().replace(microsecond=0).isoformat()
    store = ctx.store
    try:
        store.record_access(Accesses(when, ctx.settings.by, action, result, list(dict.fromkeys(cases))))
    except OSError as exc:
        if saved:
            raise EnvironmentProblem(Msg("het besluit is opgeslagen, maar het toeganglog {path} kon niet "
                                         "worden "
                "bijgewerkt ({strerror})", path=store.access_location, strerror=exc.strerror)) from None
        raise EnvironmentProblem(Msg("het toeganglog {path} kon niet worden bijgewerkt ({strerror}); er is "
                                     "niets "
            "getoond of opgeslagen", path=store.access_location, strerror=exc.strerror)) from None


@contextmanager
def no_cycles() -> Iterator[None]:
    """Without the cyclic garbage collector: a batch or a report makes hundreds of thousands of
    objects and no reference cycles, and the collector would walk them all again and again (a
    fifth of a batch's time, a third of building a report of 100,000 cases)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def typo_of(view: View, case: str) -> list[str]:
    """The known cases `case` looks like a typo of (none when it is known itself)."""
    return nearest(case, (s.case for s in view.summaries(deciders=False)))


def not_found(view: View, case: str, log: str) -> AveError:
    """A case that is not there, said with the known ids it may be a typo of."""
    near = typo_of(view, case)
    if near:
        return AveError(Msg("casus '{case}' staat niet in het caselog; bedoel je {near}?",
                            case=case, near=", ".join(near)))
    return AveError(Msg("casus '{case_id}' staat niet in het caselog {log}", case_id=case,
                        log=log))


def _refused(ctx: Context, action: str, case: str) -> None:
    """A refused write in the access log; the refusal itself is what the user must hear."""
    _quietly(ctx, action, case, "geweigerd")


def _quietly(ctx: Context, action: str, case: str, result: str) -> None:
    """An access record on the way out of a refusal or an abandoned triage: what ended the
    command is what the user must hear, not a failure to record it."""
    with contextlib.suppress(EnvironmentProblem):
        record(ctx, action, [case], result)


def decide(ctx: Context, view: View,
           build: Callable[[View], Iterable[Decision]], *, dry_run: bool,
           lock_timeout: float) -> None:
    """The decisions `build` makes from the store, appended durably under the lock (where
    `build` sees the store as it is then, after any other writer); in a dry run `build` sees
    `view` and nothing is written."""
    if dry_run:
        for _decision in build(view):
            pass  # made (and checked) as they would be stored
        return
    ctx.store.append(build, lock_timeout=lock_timeout)


@dataclass
class TriageRequest:
    """One triage as the command line gives it (texts already checked by the guard)."""

    case_id: str | None
    kapstok: str | None  # --kapstok, when given
    answers: dict[str, Any] | None = None  # an answers file, parsed, without 'case'
    source: str = ""  # where the answers came from, for messages
    phase: str | None = None
    motivation: str = ""
    note: str = ""
    casusregisseur: str = ""
    procesregisseur: str = ""
    dry_run: bool = False
    lock_timeout: float = LOCK_TIMEOUT
    # at a terminal: the afschalen checklist of a fase, asked when the review confirms an
    # afschaling (the down criteria not met come back, to be recorded)
    checklist: Callable[[Any], tuple[str, ...]] | None = None


@dataclass
class TriageResult:
    triage: Triage
    kapstok: Kapstok
    answers: dict[str, Any] = field(default_factory=dict)


def triage(ctx: Context, req: TriageRequest, *,
           show: Callable[..., None] = lambda *screen, **named: None) -> TriageResult:
    """Ask what the answers file leaves open (or refuse without a terminal), show the review
    screen (`show`), and decide: the triage decision, appended unless this is a dry run."""
    case_id, ask = req.case_id, ctx.ask
    if case_id is not None:
        check_case_id(case_id)
    if case_id is None and ask is None:
        raise AveError(Msg("noem de casus: ave triage CASUS --answers BESTAND (of "
                         "zet 'case' in het antwoordbestand)") if req.answers is not None else
                       Msg("geen terminal om de vragen te stellen; geef de "
                         "antwoorden met --answers BESTAND (of --answers - voor "
                         "stdin)"))
    view = ctx.read(not req.dry_run)
    if case_id is None:
        assert ask is not None  # refused above when there is neither a case id nor a terminal
        case_id = questions.ask_text(ask, Msg("Casus (pseudoniem, geen BSN):"),
                                     lambda text: check_case_id(text.strip())).strip()
    state = view.case(case_id)
    if state is None and (near := typo_of(view, case_id)):
        ctx.warn(Msg("casus {case} staat nog niet in het caselog (een nieuwe casus); bedoel "
                     "je {near}?", case=case_id, near=", ".join(near)))
    kap = ctx.kapstokken.for_case(req.kapstok, state)
    for note in _before_questions(state, case_id, kap, explicit=req.kapstok is not None,
                                  kapstokken=ctx.kapstokken):
        ctx.say(note)
    raw = req.answers
    given, missing = validate_answers(kap, raw, req.source) if raw is not None else (
        {}, [question.key for question in kap.questions])
    if missing and ask is None:
        raise missing_error(req.source, missing) if raw is not None else AveError(
            Msg("geen terminal om de vragen te stellen; geef de antwoorden met --answers "
              "BESTAND (of --answers - voor stdin)"))
    chosen = known_phase(kap, req.phase).id if req.phase is not None else None
    motivation = req.motivation

    def review(answers: dict[str, Any], state: Any) -> tuple[dict[str, Any], str | None, str]:
        """The review screen over these answers, with the case's regisseurs as it is now."""
        assert ask is not None
        named = {"casusregisseur": req.casusregisseur or (state.casusregisseur if state else ""),
                 "procesregisseur": req.procesregisseur or (state.procesregisseur if state
                                                            else "")}
        now = state if state is not None and not state.closed else None
        roles: dict[str, str] = next((d.roles for d in reversed(now.history) if d.roles),
                                     {}) if now else {}
        reviewed = questions.review(ask, kap, answers, show=lambda a, o, c, m, e: show(
            kap, a, o, chosen=c, motivation=m, everything=e, current=now.phase if now else None,
            current_roles=roles, case=case_id, **named),
                            dry_run=req.dry_run, chosen=chosen, motivation=motivation)
        if now is not None and req.checklist is not None:
            going = reviewed.phase or evaluate(kap, reviewed.answers).phase.id
            leaving = kap.find_phase(now.phase or "")
            if leaving is not None and kap.rank(going) < kap.rank(leaving.id):
                unmet[:] = req.checklist(leaving)  # an afschaling: as ave deescalate asks it
            else:
                unmet.clear()
        return reviewed.answers, reviewed.phase, check_free_text("--motivation",
                                                                 reviewed.motivation)

    unmet: list[str] = []  # down criteria not met, for an afschaling confirmed on the review
    if missing:
        assert ask is not None
        defaults = dict(state.answers) if state else {}
        try:
            asked = questions.ask_questions(ask, kap, missing, defaults)
            full = {question.key: {**given, **asked}[question.key] for question in kap.questions}
            full, chosen, motivation = review(full, state)
        except (Cancelled, KeyboardInterrupt):
            if state is not None:  # its answers were shown as the defaults: that is a look
                _quietly(ctx, "triage", state.case, "afgebroken")
            raise
    else:
        full = given
    result: list[Triage] = []
    seen = [state.history[-1].id if state and state.history else None]

    def build(current: View) -> list[Decision]:
        now_state = current.case(case_id)
        _unchanged_since(case_id, seen[0], now_state)
        outcome = build_triage(
            kap, full, case=case_id, state=now_state,
            decision_id=ctx.new_id(), now=ctx.now(), by=ctx.settings.by, chosen=chosen,
            motivation=motivation, note=req.note, casusregisseur=req.casusregisseur,
            procesregisseur=req.procesregisseur, unmet=tuple(unmet))
        result.clear()
        result.append(outcome)
        return [outcome.decision]

    while True:
        try:
            decide(ctx, view, build, dry_run=req.dry_run, lock_timeout=req.lock_timeout)
            break
        except CaseMovedOn as moved:
            _refused(ctx, "triage", case_id)
            if not missing or ask is None or not _review_again(ask, str(moved)):
                raise
        except AveError:
            _refused(ctx, "triage", case_id)
            raise
        # at a terminal, asked: the case as it is now, reviewed again with the answers given
        view = ctx.read(True)
        state = view.case(case_id)
        seen[0] = state.history[-1].id if state and state.history else None
        full, chosen, motivation = review(full, state)
    record(ctx, "triage", [result[0].decision.case],
           "proefdraai" if req.dry_run else "ok", saved=not req.dry_run)
    return TriageResult(result[0], kap, full)


def _unchanged_since(case_id: str, seen: str | None, state: Any, *, triage: bool = True) -> None:
    """Refuse a decision made on the case as it was when the questions or the command began
    when someone has written to the case since (a colleague's escalation while the review
    screen was open must not be undone by confirming it): nothing is saved, and it is said what
    changed."""
    latest = state.history[-1] if state and state.history else None
    if (latest.id if latest else None) == seen:
        return
    if latest is None:  # (a purge took the case away meanwhile)
        raise EnvironmentProblem(Msg("casus {case} is intussen uit het caselog verwijderd; er is "
                                   "niets opgeslagen", case=case_id))
    params = {"case": state.case, "by": latest.by, "phase": state.phase or Msg("afgesloten"),
              "when": latest.time.isoformat(timespec="minutes")}
    raise CaseMovedOn(
        Msg("casus {case} is intussen gewijzigd door {by} ({when}): nu {phase}; er is niets "
            "opgeslagen; bekijk hem (ave show {case}) en doe de triage opnieuw", **params)
        if triage else
        Msg("casus {case} is intussen gewijzigd door {by} ({when}): nu {phase}; er is niets "
            "opgeslagen; bekijk hem (ave show {case}) en beslis opnieuw", **params))


def _review_again(ask: Callable[..., Any], why: Msg | str) -> bool:
    """At a terminal, after a triage was refused because the case changed: say what changed and
    offer to review it again with the answers already given."""
    question = Listed([why, Msg("Opnieuw beoordelen met je antwoorden?")], sep="\n")
    return bool(ask(Prompt("select", question, (
        (Msg("Ja: de casus zoals hij nu is, met mijn antwoorden, opnieuw bekijken"), True),
        (Msg("Nee, stoppen"), False)), True)))


def _before_questions(state: Any, typed: str, kap: Kapstok, *, explicit: bool,
                      kapstokken: Kapstokken) -> list[Msg]:
    """What to say before the first question about which case and kapstok this triage is about,
    when either is not what the professional might assume: another spelling of the case id,
    another kapstok given with --kapstok, or the case's own kapstok instead of the configured
    one."""
    if state is None:
        return []
    notes = []
    if state.case != typed:
        notes.append(Msg("Casus {case} (zo staat hij in het caselog; je schreef {typed})",
                         case=state.case, typed=typed))
    if explicit and state.kapstok_name != kap.name:
        notes.append(Msg("Let op: casus {case} is eerder beoordeeld met kapstok {old}; deze "
                       "triage gebruikt kapstok {new} (--kapstok)",
                       case=state.case, old=state.kapstok_name, new=kap.name))
    elif not explicit and kapstokken.configured().name != kap.name:
        notes.append(Msg("Casus {case} is beoordeeld met kapstok {old}; deze triage gebruikt die "
                       "ook", case=state.case, old=kap.name))
    return notes


def change(ctx: Context, case: str, kapstok: str | None,
           make: Callable[[Kapstok, Any, Any], Change], who_fields: dict[str, Any],
           *, dry_run: bool, lock_timeout: float, action: str = "change",
           began: tuple[Any] | None = None) -> tuple[Change, Kapstok]:
    """A lifecycle decision (escalate, deescalate, close, reopen, assign) or a record of the
    plan: `make(kapstok, state, who)` decides it from the case as it is under the lock, which
    must still be the case as it was when the command began (`began`: the state it showed
    before asking, when it asked)."""
    view = ctx.read(not dry_run)
    state = view.case(case) if began is None else began[0]
    if state is None and typo_of(view, case):  # not "begin with ave triage <the typo>"
        _refused(ctx, action, case)
        raise not_found(view, case, ctx.settings.where)
    kap = ctx.kapstokken.for_case(kapstok, state)
    seen = state.history[-1].id if state and state.history else None  # the head it began on
    made: list[Change] = []

    def build(current: View) -> list[Decision]:
        now_state = current.case(case)
        _unchanged_since(case, seen, now_state, triage=False)
        who = Who(by=ctx.settings.by, now=ctx.now(), decision_id=ctx.new_id(), **who_fields)
        made[:] = [make(kap, now_state, who)]
        return [made[0].decision]

    try:
        decide(ctx, view, build, dry_run=dry_run, lock_timeout=lock_timeout)
    except AveError:
        _refused(ctx, action, case)
        raise
    record(ctx, action, [made[0].decision.case], "proefdraai" if dry_run else "ok",
           saved=not dry_run)
    return made[0], kap


def triage_batch(ctx: Context, kap: Kapstok, rows: list[tuple[str, dict[str, Any]]],
                 *, note: str, dry_run: bool, lock_timeout: float) -> list[Triage]:
    """Every row's triage decision, all appended under one lock (or none). One row per case
    (the command refuses a case twice). The decisions are made a piece at a time while the store
    takes them, so a batch of any size needs little memory; rows with the same answers share one
    evaluation of the rules (they are pure)."""

    results: list[Triage] = []
    advise = _advice_of(kap)

    def build(current: View) -> Iterator[Decision]:
        results.clear()
        todo = iter(rows)
        while window := list(islice(todo, BATCH_WINDOW)):
            states = current.cases_of([case for case, _answers in window])
            for case, answers in window:
                made = build_triage(kap, answers, case=case, state=states.get(key(case)),
                                    decision_id=ctx.new_id(), now=ctx.now(), by=ctx.settings.by,
                                    note=note, advised=advise(answers))
                results.append(made)
                yield made.decision

    with no_cycles():
        decide(ctx, ctx.read(not dry_run), build, dry_run=dry_run, lock_timeout=lock_timeout)
    record(ctx, "triage --batch", [r.decision.case for r in results],
           "proefdraai" if dry_run else "ok", saved=not dry_run)
    return results


BATCH_WINDOW = 20_000  # rows whose cases are looked up at once


def _advice_of(kap: Kapstok) -> Callable[[dict[str, Any]], Any]:
    """The rules' outcome for a set of answers, evaluated once for every distinct set (the
    answer space is small: a batch repeats the same answers many times)."""
    known: dict[tuple[Any, ...], Any] = {}
    last: dict[int, tuple[dict[str, Any], Any]] = {}  # by the dict itself: rows share one

    def advise(answers: dict[str, Any]) -> Any:
        hit = last.get(id(answers))
        if hit is not None and hit[0] is answers:
            return hit[1]
        same = frozen(answers)
        if same is None:
            return evaluate(kap, answers)
        found = known.get(same)
        if found is None:
            if len(known) >= 10_000:
                known.clear()  # answers that hardly repeat: keep memory bounded
                last.clear()
            found = known[same] = evaluate(kap, answers)
        if len(last) >= 10_000:
            last.clear()
        last[id(answers)] = (answers, found)  # holds the dict, so its id is not reused
        return found

    return advise


def show(ctx: Context, case: str, kapstok: str | None) -> tuple[Any, Kapstok]:
    """One case as the store has it, with the kapstok it was decided under."""
    check_case_id(case)
    view = ctx.read(False)
    state = view.case(case)
    record(ctx, "show", [state.case if state else case],
           "ok" if state else "niet gevonden")
    if state is None:
        raise not_found(view, case, ctx.settings.where)
    return state, ctx.kapstokken.for_case(kapstok, state)
