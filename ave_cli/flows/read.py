"""The flows of the commands that read and judge (report, evaluation, export, check, kapstok
test and diff): like `actions`, they take plain inputs and the swappable parts and return a
result for the command to render; they never print or write output files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from ave_cli.core.messages import AveError, Msg
from ave_cli.flows.decide import exposure_messages, no_cycles, record
from ave_cli.i18n import _

if TYPE_CHECKING:
    from ave_cli import settings
    from ave_cli.core.audit import Problem
    from ave_cli.core.casus import CasusResult, Coverage, Diff
    from ave_cli.core.evaluation import Evaluation
    from ave_cli.core.model import Decision, Kapstok, KapstokRef
    from ave_cli.core.report import Filters, Report
    from ave_cli.stores.base import View
    from ave_cli.stores.file.rewrite import Repair

Read = Callable[[], "View"]


def report(conf: settings.Settings, filters: Filters, kapstok: str | None, *, read: Read,
           now: datetime) -> Report:
    """The open cases (or all, with `include_closed`) as the report shows them; a --phase
    that neither the kapstok nor any case knows is refused."""
    from ave_cli import settings
    from ave_cli.core.report import build_report

    with no_cycles():
        states = read().summaries(include_closed=filters.include_closed,
                                  deciders=bool(filters.by))
        _check_phases(list(filters.phases), settings.load_kapstok(conf.kapstok), states)
        found = build_report(states, settings.kapstok_lookup(kapstok, conf.kapstok), now,
                             filters)
    record(conf, "report", [r.case for r in found.rows])
    return found


def _check_phases(asked: list[str], kapstok: Kapstok, states: list[Any]) -> None:
    """A --phase the kapstok does not have (nor any case in the log) is refused, like an unknown
    --flag: a typo must not give an empty report that looks like good news."""
    known = dict.fromkeys([p.id for p in kapstok.phases] + [s.phase for s in states if s.phase])
    for name in asked:
        if name.casefold() not in {k.casefold() for k in known}:
            raise AveError(_("onbekende fase '{name}' (kies uit {phases})").format(
                name=name, phases=", ".join(known)))


@dataclass
class EvaluationResult:
    found: Evaluation
    kapstokken: str  # the kapstokken the period's decisions used, for the page's heading


def evaluation(conf: settings.Settings, kapstok: str | None, *, since: date | None,
               until: date | None, team: str | None, detail: bool, read: Read,
               now: datetime) -> EvaluationResult:
    """The evaluation report's numbers over a period (until today by default). Case numbers
    are in it only with `detail`, and only then is their reading recorded per case."""
    from ave_cli import settings
    from ave_cli.core.evaluation import evaluate

    if since and until and until < since:
        raise AveError(_("--until ligt voor --since"))
    zone = now.tzinfo
    start = datetime.combine(since, time(), zone) if since else None
    end = datetime.combine(until, time(23, 59, 59), zone) if until else now
    keep = team_cases(conf, team)
    chosen = settings.load_kapstok(kapstok).name if kapstok else None
    found = evaluate(read().decisions(), settings.kapstok_lookup(kapstok, conf.kapstok),
                     end=end, start=start, kapstok=chosen, keep=keep, detail=detail)
    record(conf, "report --format html",
           [case for case, _phase, _flags in found.open_rows] if detail else [])
    return EvaluationResult(found, ", ".join(found.kapstokken) or (chosen or conf.kapstok))


def team_cases(conf: settings.Settings, team: str | None) -> Callable[[str], bool]:
    """With --team: only the cases of that team (a store with teams)."""
    if team is None:
        return lambda case: True
    if not conf.url:
        raise AveError(_("--team werkt alleen met de store van een team (postgresql://...)"))
    from ave_cli.core.cases import key

    store: Any = conf.store()  # a PgStore: conf.url is set
    wanted = store.team_cases(team)
    return lambda case: key(case) in wanted


def export(conf: settings.Settings, *, read: Read) -> list[Decision]:
    """Every decision in store order; their reading is recorded per case."""
    decisions = list(read().decisions())
    record(conf, "export", [d.case for d in decisions])
    return decisions


@dataclass
class CheckResult:
    decisions: int
    problems: list[Problem]  # faults and notes, in line order
    repaired: Repair | None = None

    @property
    def faults(self) -> list[Problem]:
        return [p for p in self.problems if not p.info]


def check(conf: settings.Settings, kapstok: str | None, *, repair: bool, stamp: str,
          lock_timeout: float, bundled: Iterable[str]) -> CheckResult:
    """The whole log and the kapstokken judged: every damaged record, every audit finding, the
    file's rights and the index (or the store's case table). With `repair` a damaged end goes
    to a quarantine file named with `stamp` first."""
    from ave_cli.core.audit import Problem, audit
    from ave_cli.stores.base import FileStore

    store = conf.store()
    repaired = store.repair(stamp, lock_timeout=lock_timeout) if repair else None
    problems: list[Problem] = []
    kapstokken = _check_kapstokken([kapstok, conf.kapstok, *bundled], problems)
    blocks: list[Any] = []
    if not conf.url and conf.log.is_dir():
        problems.append(Problem(0, _("{path} is een map, geen caselog").format(path=conf.where)))
    elif store.exists():
        blocks, damaged = store.scan()
        problems += [Problem(d.line, d.problem) for d in damaged]
        problems += audit(blocks, kapstokken.get)
        problems += [Problem(0, message) for message in exposure_messages(store)]
        if store.readable_by_others():
            problems.append(Problem(0, _("het caselog is leesbaar voor anderen; beperk "
                                         "het met: chmod 600 {path}").format(path=conf.where)))
        if isinstance(store, FileStore):
            problems += [Problem(0, message, info=info)
                         for message, info in store.anchor_problems(blocks)]
        matches = store.index_matches(blocks)  # the file store rebuilds one that does not
        if not matches and conf.url:
            problems.append(Problem(0, _("de casustabel van de store (ave.cases) wijkt af van "
                                         "de besluiten; hij is buiten ave om gewijzigd")))
        elif not matches:
            problems.append(Problem(0, _("de index in de cache week af van het caselog (een "
                                         "wijziging die hij niet zag); hij is opnieuw "
                                         "opgebouwd"), info=True))
    elif isinstance(store, FileStore):  # no log: was there one that went?
        problems += [Problem(0, message, info=info)
                     for message, info in store.anchor_problems([])]
    problems.sort(key=lambda p: p.line)
    return CheckResult(len(blocks), problems, repaired)


def _check_kapstokken(specs: Iterable[str | None],
                     problems: list[Problem]) -> dict[KapstokRef, Kapstok]:
    """The kapstokken at hand (given, configured, bundled), by the exact reference a decision
    records: a decision is judged against the kapstok it was made with, never today's."""
    from ave_cli import settings
    from ave_cli.core.audit import Problem
    from ave_cli.core.kapstok_reader import KapstokError

    found: dict[KapstokRef, Kapstok] = {}
    for spec in dict.fromkeys(specs):
        if not spec:
            continue
        try:
            kapstok = settings.load_kapstok(spec)
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


def kapstok_test(spec: str, *, strict: bool) -> TestRun:
    """The kapstok's own casuistiek run through its rules, with the conditions no case uses."""
    from ave_cli import settings
    from ave_cli.core import casus

    kap = settings.load_kapstok(spec)
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


def kapstok_diff(old: str, new: str, *, read: Read | None) -> DiffResult:
    """Two kapstokken over every combination of answers (or, with `read`, over the latest
    answers of the open cases), with each one's casuistiek explained by both."""
    from ave_cli import settings
    from ave_cli.core import casus
    from ave_cli.core.rules import with_defaults

    before, after = settings.load_kapstok(old), settings.load_kapstok(new)
    if read is not None:
        states = [s for s in read().cases() if not s.closed]
        answer_sets = [a for s in states if (a := _answers(before, after, s.answers)) is not None]
        result = casus.diff(before, after, iter(answer_sets))
    else:
        result = casus.diff(before, after)
    stories = [(c, k.name, casus.explain(before, with_defaults(before, c.answers) or c.answers)[0],
                casus.explain(after, with_defaults(after, c.answers) or c.answers)[0])
               for k in (before, after) for c in k.casus]
    return DiffResult(before, after, result, stories)


def _answers(before: Kapstok, after: Kapstok, answers: dict[str, Any]) -> dict[str, Any] | None:
    """A case's latest answers with both kapstokken's defaults; None when either lacks one."""
    from ave_cli.core.rules import with_defaults

    first = with_defaults(before, answers)
    second = with_defaults(after, answers)
    if first is None or second is None:
        return None
    return {**second, **first}


def log_head(conf: settings.Settings) -> tuple[int, str]:
    """The file log's head: its number of records and the last seal (ave head)."""
    from ave_cli.stores.file import caselog

    if conf.url:
        raise AveError(_("ave head geldt voor een caselog-bestand; de store van je team houdt "
                         "per casus een keten bij en bewaakt die zelf"))
    if not conf.log.exists():
        raise AveError(_("caselog {log} bestaat niet").format(log=conf.where))
    return caselog.head(conf.log, conf.cache)


def accept_log(conf: settings.Settings, *, when: Any) -> tuple[tuple[int, str] | None,
                                                                 tuple[int, str]]:
    """Take the file log as it is now as the newest head, and say so in the access log."""
    from ave_cli.stores.base import Accesses, FileStore
    from ave_cli.stores.file import caselog

    store = conf.store()
    assert isinstance(store, FileStore)
    if not conf.log.exists() and not store.access_path.exists():
        raise AveError(_("caselog {log} bestaat niet").format(log=conf.where))
    before, now = caselog.accept_log(conf.log, conf.cache)
    store.record_access(Accesses(when.isoformat(), conf.by, "accept-log", "ok", ["*"]))
    return before, now


def extends(conf: settings.Settings, given: str) -> tuple[bool, Msg]:
    """Whether the file log still extends a head noted earlier ("count:seal", or a seal or the
    first 12 or more characters of one), and what to say."""
    import re

    from ave_cli.stores.base import FileStore
    from ave_cli.stores.file import accesslog, caselog

    if conf.url:
        raise AveError(_("--head geldt voor een caselog-bestand"))
    text = given.strip().lower()
    count: int | None = None
    if re.fullmatch(r"(?:[0-9]{1,18}:)?[0-9a-f]{12,64}", text, re.ASCII):
        if ":" in text:
            place, text = text.split(":")
            count = int(place)
    else:
        raise AveError(_("--head '{given}' is geen kop; geef wat `ave head` toonde, zoals "
                         "12:3f5a… (minstens 12 tekens van het zegel)").format(given=given))
    if not conf.log.exists():
        raise AveError(_("caselog {log} bestaat niet").format(log=conf.where))
    seals = [b.seal for b in caselog.read_all(conf.log).blocks]
    header = caselog.header_of(conf.log)
    places = [n for n, seal in enumerate(seals, start=1) if seal.startswith(text)]
    if header.get("chain", "").startswith(text) or (not seals and not text):
        places.append(0)
    places = [n for n in places if count is None or n == count]
    if len(places) == 1:
        return True, Msg("het caselog zet kop {head} voort: dat is besluit {n} van de {total}",
                         head=given, n=places[0], total=len(seals))
    if len(places) > 1:
        raise AveError(_("--head '{given}' past op meer dan één besluit; geef meer tekens van "
                         "het zegel").format(given=given))
    store = conf.store()
    assert isinstance(store, FileStore)  # conf.url was refused above
    purges = header.get("purge", [])
    sealed = accesslog.purges_recorded(header, accesslog.read(store.access_path)) \
        if purges else []
    for number, (purge, recorded) in enumerate(zip(purges, sealed, strict=True), start=1):
        if isinstance(purge, dict) and str(purge.get("old_head", "")).startswith(text):
            if recorded:
                return True, Msg("kop {head} is de kop van vóór opschoning {number} "
                                 "({when}); het log zette hem voort tot die opschoning, die in "
                                 "het toeganglog staat", head=given, number=number,
                                 when=purge.get("time", "?"))
    return False, Msg("het caselog zet kop {head} NIET voort: dat besluit staat er niet (meer) "
                      "in; het log is ingekort, teruggezet of herschreven sinds die kop werd "
                      "genoteerd (nu {total} besluiten)", head=given, total=len(seals))
