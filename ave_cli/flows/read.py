"""The flows of the commands that read and judge (report, evaluation, export, check, kapstok
test and diff, the log's head): like `decide`, they take a request and the command's `Context`
and return a result for the command to render; they never print or write output files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from ave_cli.core import casus
from ave_cli.core.cases import key
from ave_cli.core.evaluation import evaluate
from ave_cli.core.messages import AveError, KapstokError, Msg
from ave_cli.core.report import build_report
from ave_cli.core.rules import with_defaults
from ave_cli.flows.context import Context, exposure_messages
from ave_cli.flows.decide import no_cycles, record
from ave_cli.flows.kapstokken import earlier_kapstokken
from ave_cli.record import logformat
from ave_cli.record.audit import Problem, audit

if TYPE_CHECKING:
    from ave_cli.core.casus import CasusResult, Coverage, Diff
    from ave_cli.core.evaluation import Evaluation
    from ave_cli.core.model import Decision, Kapstok, KapstokRef
    from ave_cli.core.report import Filters, Report
    from ave_cli.record.audit import Problem
    from ave_cli.stores.base import Repair

def report(ctx: Context, filters: Filters, kapstok: str | None) -> Report:
    """The open cases (or all, with `include_closed`) as the report shows them; a --phase
    that neither the kapstok nor any case knows is refused."""
    with no_cycles():
        view = ctx.read()
        states = view.summaries(include_closed=filters.include_closed,
                                deciders=bool(filters.by))
        configured = ctx.kapstokken.configured()
        _check_phases(list(filters.phases), configured, states)
        filters = replace(filters, phases=tuple(
            phase.id if (phase := configured.phase_named(name)) else name
            for name in filters.phases))  # "AVE 4" as people write it is AVE4
        found = build_report(states, ctx.kapstokken.lookup(kapstok), ctx.now(),
                             filters, view.due())
    record(ctx, "report", [r.case for r in found.rows])
    return found


def _check_phases(asked: list[str], kapstok: Kapstok, states: list[Any]) -> None:
    """A --phase the kapstok does not have (nor any case in the log) is refused, like an unknown
    --flag: a typo must not give an empty report that looks like good news."""
    known = dict.fromkeys([p.id for p in kapstok.phases] + [s.phase for s in states if s.phase])
    for name in asked:
        if name.casefold() not in {k.casefold() for k in known} and \
                kapstok.phase_named(name) is None:
            raise AveError(Msg("onbekende fase '{name}' (kies uit {phases})",
                               name=name, phases=", ".join(known)))


@dataclass
class EvaluationResult:
    found: Evaluation
    kapstokken: str  # the kapstokken the period's decisions used, for the page's heading
    made: datetime  # the time the numbers are of


def evaluation(ctx: Context, kapstok: str | None, *, since: date | None,
               until: date | None, team: str | None, detail: bool) -> EvaluationResult:
    """The evaluation report's numbers over a period (until today by default). Case numbers
    are in it only with `detail`, and only then is their reading recorded per case."""
    if since and until and until < since:
        raise AveError(Msg("--until ligt voor --since"))
    now = ctx.now()
    zone = now.tzinfo
    start = datetime.combine(since, time(), zone) if since else None
    end = datetime.combine(until, time(23, 59, 59), zone) if until else now
    keep = team_cases(ctx, team)
    chosen = ctx.kapstokken.load(kapstok).name if kapstok else None
    found = evaluate(ctx.read().decisions(), ctx.kapstokken.lookup(kapstok),
                     end=end, start=start, kapstok=chosen, keep=keep, detail=detail)
    record(ctx, "report --format html",
           [case for case, _phase, _flags in found.open_rows] if detail else [])
    return EvaluationResult(found, ", ".join(found.kapstokken) or (chosen or ctx.settings.kapstok),
                            now)


def team_cases(ctx: Context, team: str | None) -> Callable[[str], bool]:
    """With --team: only the cases of that team (a store with teams)."""
    if team is None:
        return lambda case: True

    wanted = ctx.store.team_cases(team)
    return lambda case: key(case) in wanted


def export(ctx: Context) -> list[Decision]:
    """Every decision in store order; their reading is recorded per case."""
    decisions = list(ctx.read().decisions())
    record(ctx, "export", [d.case for d in decisions])
    return decisions


def as_caselog(decisions: list[Decision]) -> str:
    """The decisions as a case log of their own, sealed and chained anew (the way back from a
    team's store to a file: `ave export --format toml`)."""
    body = logformat.encode_chain(decisions, "")[0]
    return (logformat.header() + body).decode("utf-8")


@dataclass
class CheckResult:
    decisions: int
    problems: list[Problem]  # faults and notes, in line order
    repaired: Repair | None = None

    @property
    def faults(self) -> list[Problem]:
        return [p for p in self.problems if not p.info]


def check(ctx: Context, kapstok: str | None, *, repair: bool, stamp: str,
          lock_timeout: float, bundled: Iterable[str]) -> CheckResult:
    """The whole log and the kapstokken judged: every damaged record, every audit finding, the
    file's rights and the index (or the store's case table). With `repair` a damaged end goes
    to a quarantine file named with `stamp` first."""
    store = ctx.store
    repaired = store.repair(stamp, lock_timeout=lock_timeout) if repair else None
    problems: list[Problem] = []
    kapstokken = _check_kapstokken(ctx, [kapstok, ctx.settings.kapstok, *bundled], problems)
    blocks: list[Any] = []
    if not ctx.settings.url and ctx.settings.log.is_dir():
        problems.append(Problem(0, Msg("{path} is een map, geen caselog",
                                       path=ctx.settings.where)))
    elif store.exists():
        blocks, damaged = store.scan()
        problems += [Problem(d.line, d.problem) for d in damaged]
        problems += audit(blocks, kapstokken.get)
        problems += [Problem(0, message) for message in exposure_messages(store)]
        if store.readable_by_others():
            problems.append(Problem(0, Msg("het caselog is leesbaar voor anderen; beperk "
                                         "het met: chmod 600 {path}", path=ctx.settings.where)))
        problems += [Problem(0, message, info=info)
                     for message, info in store.chain_problems(blocks)]
        matches = store.index_matches(blocks)  # the file store rebuilds one that does not
        if not matches and ctx.settings.url:
            problems.append(Problem(0, Msg("de casustabel van de store (ave.cases) wijkt af van "
                                         "de besluiten; hij is buiten ave om gewijzigd")))
        elif not matches:
            problems.append(Problem(0, Msg("de index in de cache week af van het caselog (een "
                                         "wijziging die hij niet zag); hij is opnieuw "
                                         "opgebouwd"), info=True))
    else:  # no log: was there one that went?
        problems += [Problem(0, message, info=info)
                     for message, info in store.chain_problems([])]
    problems.sort(key=lambda p: p.line)
    return CheckResult(len(blocks), problems, repaired)


def _check_kapstokken(ctx: Context, specs: Iterable[str | None],
                      problems: list[Problem]) -> dict[KapstokRef, Kapstok]:
    """The kapstokken at hand (given, configured, bundled), by the exact reference a decision
    records: a decision is judged against the kapstok it was made with, never today's."""
    found: dict[KapstokRef, Kapstok] = {k.ref: k for k in earlier_kapstokken()}
    for spec in dict.fromkeys(specs):
        if not spec:
            continue
        try:
            kapstok = ctx.kapstokken.load(spec)
        except KapstokError as exc:
            problems.append(Problem(0, str(exc)))
            continue
        found.setdefault(kapstok.ref, kapstok)
    return found


@dataclass
class TestRun:
    __test__ = False  # not a pytest class

    kapstok: Kapstok
    results: list[CasusResult]
    coverage: Coverage
    failed: bool  # the exit code's answer: a case failed, or --strict found something


def kapstok_test(ctx: Context, spec: str, *, strict: bool) -> TestRun:
    """The kapstok's own casuistiek run through its rules, with the conditions no case uses."""
    kap = ctx.kapstokken.load(spec)
    results, coverage = casus.run_all(kap)
    failed = any(not r.ok for r in results) or (strict and not kap.casus)
    failed = failed or (strict and bool(coverage.conditions or coverage.local_rules))
    return TestRun(kap, results, coverage, failed)


@dataclass
class DiffResult:
    before: Kapstok
    after: Kapstok
    diff: Diff
    stories: list[tuple[Any, str, Any, Any]]  # each casus: itself, its kapstok, both phases
    defaulted: dict[str, int] = field(default_factory=dict)  # with --log: as in ave reevaluate


def kapstok_diff(ctx: Context, old: str, new: str, *, with_log: bool) -> DiffResult:
    """Two kapstokken over every combination of answers (or, with `read`, over the latest
    answers of the open cases, `with_log`), with each one's casuistiek explained by both."""
    before, after = ctx.kapstokken.load(old), ctx.kapstokken.load(new)
    defaulted: dict[str, int] = {}
    if with_log:
        states = [s for s in ctx.read().cases() if not s.closed]
        answer_sets = [a for s in states if (a := _answers(before, after, s.answers)) is not None]
        result = casus.diff(before, after, iter(answer_sets))
        for state in states:
            for question in after.questions:
                if question.key not in state.answers:
                    defaulted[question.key] = defaulted.get(question.key, 0) + 1
    else:
        result = casus.diff(before, after)
    stories = [(c, k.name, casus.explain(before, with_defaults(before, c.answers) or c.answers)[0],
                casus.explain(after, with_defaults(after, c.answers) or c.answers)[0])
               for k in (before, after) for c in k.casus]
    return DiffResult(before, after, result, stories, defaulted)


def _answers(before: Kapstok, after: Kapstok, answers: dict[str, Any]) -> dict[str, Any] | None:
    """A case's latest answers with both kapstokken's defaults; None when either lacks one."""
    first = with_defaults(before, answers)
    second = with_defaults(after, answers)
    if first is None or second is None:
        return None
    return {**second, **first}


def log_head(ctx: Context) -> tuple[int, str]:
    """The log's head: its number of records and the last seal (ave head)."""
    return ctx.store.head()


def accept_log(ctx: Context) -> tuple[tuple[int, str] | None, tuple[int, str]]:
    """Take the log as it is now as the newest head, and say so in the access log."""
    return ctx.store.accept_head(ctx.now(), ctx.settings.by)


def extends(ctx: Context, given: str) -> tuple[bool, Msg]:
    """Whether the log still extends a head noted earlier, and what to say."""
    return ctx.store.extends(given)
