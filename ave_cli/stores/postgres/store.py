"""The PostgreSQL store: the same Store as the case log file, for a team (psycopg 3).

A decision is one insert-only row holding the record as JSON text (in the order a file log
writes it; the seal is the sha256 of its canonical form), its seal and the seal of the case's
decision before it: each case is its own hash chain, so a member of a team verifies the history
of every case they may see. Members write only through the store's definer functions
(pgschema.py), which check the seal, the chain and the caller, number the rows per team and
fold the derived case rows themselves; `UNIQUE (team, case_key, prev)` makes two writers who
both saw the same state of a case unable to both win.

This module connects, reads, and calls those functions. Imported only when the log is a
postgresql:// address.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from typing import TYPE_CHECKING, Any

from ave_cli.core import cases
from ave_cli.core.cases import CaseSummary
from ave_cli.core.messages import AveError, EnvironmentProblem, Listed, Msg
from ave_cli.core.model import AFSPRAAK_KINDS
from ave_cli.record import logformat
from ave_cli.record.logformat import Block, Damage
from ave_cli.stores.base import Access, Accesses
from ave_cli.stores.postgres.rows import PIECE, Rows
from ave_cli.stores.postgres.schema import PURGER_ROLE, VERSION
from ave_cli.stores.writeguard import LOCK_TIMEOUT, saved, uninterruptible

if TYPE_CHECKING:
    import psycopg
    from psycopg import Connection

    from ave_cli.core.afspraken import Afspraak
    from ave_cli.core.cases import CaseState, CaseSummary
    from ave_cli.core.model import Decision

SCHEMES = ("postgresql://", "postgres://")
_CONNECTIONS: dict[str, psycopg.Connection[tuple[Any, ...]]] = {}
SUMMARY = cases.CaseSummary._fields[1:]  # the case table's columns for ave report
# of every case this process read, by key: its team (the access log names the case it saw)
_TEAMS: dict[str, dict[str, str]] = {}
# psycopg warns through logging when it ends a pipeline after an error; ave says what went wrong
logging.getLogger("psycopg").addHandler(logging.NullHandler())
_SECRETS = (re.compile(r"(://[^:/?#@\s]*):[^@\s]*@"),
            re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s&]*)", re.IGNORECASE))


def is_address(value: str) -> bool:
    return value.startswith(SCHEMES)


def redact(text: str) -> str:
    """A text that may repeat an address, without the password in it."""
    text = _SECRETS[0].sub(r"\1:***@", text)
    return _SECRETS[1].sub(r"\1***", text)


def first_line(exc: BaseException) -> str:
    """A driver's message, one line (libpq adds detail lines), without credentials."""
    return redact((str(exc).strip().splitlines() or [type(exc).__name__])[0])


def driver() -> Any:
    """psycopg, or one line saying which extra installs it."""
    try:
        import psycopg  # the team store's extra: imported when a store is used, or said missing
    except ImportError:
        raise EnvironmentProblem(Msg("voor een PostgreSQL-store is psycopg nodig: pip install "
                                   "'ave-cli[postgresql]'")) from None
    return psycopg


def connect(url: str, *, check_schema: bool = True) -> psycopg.Connection:
    """A connection (kept for the process), refused with one line when the address holds a
    password, the server cannot be reached, or the schema is missing or of another version."""
    if url in _CONNECTIONS and not _CONNECTIONS[url].closed:
        return _CONNECTIONS[url]
    psycopg = driver()
    from psycopg.conninfo import conninfo_to_dict  # after driver() said whether psycopg is there

    shown = redact(url)
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise AveError(Msg("{url} is geen geldig PostgreSQL-adres ({problem})",
                           url=shown, problem=first_line(exc))) from None
    if params.get("password"):
        raise AveError(Msg("zet geen wachtwoord in het adres van de store; gebruik ~/.pgpass "
                         "of een servicebestand (libpq)"))
    try:
        conn: Connection[tuple[Any, ...]] = psycopg.connect(
            url, autocommit=True, connect_timeout=10,
                               application_name="ave")
    except psycopg.Error as exc:
        raise EnvironmentProblem(Msg("de store {url} is niet bereikbaar ({problem})",
                                     url=shown, problem=first_line(exc))) from None
    if check_schema:
        usage = conn.execute("SELECT session_user, to_regnamespace('ave') IS NULL "
                             "OR has_schema_privilege('ave', 'USAGE')").fetchone() or ("", True)
        if not usage[1]:
            conn.close()
            raise AveError(Msg("je bent lid van geen enkel team in de store {url}; vraag de "
                             "beheerder om: GRANT <team> TO {user}", url=shown, user=usage[0]))
        version = schema_version(conn)
        if version == 0:
            conn.close()
            raise EnvironmentProblem(Msg("de store {url} is nog niet ingericht; laat de beheerder "
                                       "'ave store init {url}' uitvoeren", url=shown))
        if version != VERSION:
            conn.close()
            raise EnvironmentProblem(Msg("de store {url} heeft schemaversie {found}, deze ave "
                                       "kent {known}; werk ave bij of laat 'ave store init' "
                                       "uitvoeren", url=shown, found=version, known=VERSION))
    _CONNECTIONS[url] = conn
    return conn


def schema_version(conn: psycopg.Connection) -> int:
    found = conn.execute("SELECT to_regclass('ave.meta') IS NOT NULL").fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT value FROM ave.meta WHERE key = 'version'").fetchone()
    return int(row[0]) if row else 0


def _skipped(team: str, seq: int, key: str, problem: Any) -> Msg:
    return Msg("besluit {team}/{seq} van casus {case} is beschadigd ({problem}) en overgeslagen; "
             "ave check noemt het", team=team, seq=seq, case=key, problem=problem)


@dataclass
class PgView:
    """The store as this person may see it now (row-level security decides which rows; an id
    means the case ave.resolve finds: of their team first, then one shared with them)."""

    conn: Any
    size: int
    team: str = ""
    damage: Damage | None = None
    notice: Msg | str = ""
    # said for a row that cannot be read (it is passed over): the command's warning
    warn: Callable[[Msg], None] = lambda text: None
    # the last seal of every case read through this view ('' for none): a decision made from
    # what was read chains to it, so it cannot be stored when someone wrote the case since
    heads: dict[str, str] = field(default_factory=dict)
    teams: dict[str, str] = field(default_factory=dict)  # the team of each case read

    def _decoded(self, rows: Iterable[tuple[str, str, int, str, str]]) -> Iterator[Decision]:
        for record, seal, seq, team, key in rows:
            try:
                yield logformat.decode_json(record, seal, seq).decision
            except ValueError as exc:
                self.warn(_skipped(team, seq, key, exc.args[0] if exc.args else exc))

    def _state(self, team: str, key: str, state: str) -> CaseState | None:
        try:
            return cases.from_json(state)
        except (ValueError, TypeError, KeyError):
            self.warn(Msg("de casusregel {team}/{case} in ave.cases is beschadigd en overgeslagen; "
                        "ave check noemt hem", team=team, case=key))
            return None

    def case(self, case_id: str) -> CaseState | None:
        key = cases.key(case_id)
        rows = self.conn.execute(
            "SELECT d.record, d.seal, d.seq, d.team, d.case_key, c.head FROM ave.resolve(%s, %s) r "
            "JOIN ave.cases c ON c.team = r.team AND c.case_key = r.case_key "
            "JOIN ave.decisions d ON d.team = r.team AND d.case_key = r.case_key "
            "ORDER BY d.seq", ([key], self.team)).fetchall()
        self.heads[key] = rows[-1][5] if rows else ""  # the head the store keeps for the case
        if rows:
            self.teams[key] = rows[-1][3]
        return cases.fold(self._decoded(row[:5] for row in rows)).get(key)

    def cases(self) -> list[CaseState]:
        found = []
        for key, state, head, team in self.conn.execute(
                "SELECT case_key, state, head, team FROM ave.cases ORDER BY team, first_seq"):
            read = self._state(team, key, state)
            if read is None:
                continue
            found.append(read)
            if self.teams.setdefault(key, team) == team:  # (an id in two of one's teams: the
                self.heads[key] = head                   # head of the one written to first)
        return found

    def cases_of(self, case_ids: list[str]) -> dict[str, CaseState]:
        found = {}
        wanted = list(dict.fromkeys(cases.key(c) for c in case_ids))
        for key, state, head, team in self.conn.execute(
                "SELECT c.case_key, c.state, c.head, c.team FROM ave.resolve(%b, %s) r "
                "JOIN ave.cases c ON c.team = r.team AND c.case_key = r.case_key",
                (wanted, self.team)):
            read = self._state(team, key, state)
            self.heads[key], self.teams[key] = head, team
            if read is not None:
                found[key] = read
        for key in wanted:
            self.heads.setdefault(key, "")
        return found

    def summaries(self, *, include_closed: bool = True,
                  deciders: bool = True) -> list[CaseSummary]:
        columns = ", ".join(SUMMARY if deciders else (*SUMMARY[:-1], "''"))
        where = "" if include_closed else "WHERE closed = 0 "
        rows = self.conn.execute(f"SELECT team, case_key, case_id, {columns} FROM ave.cases "
                                 f"{where}ORDER BY team, first_seq").fetchall()
        for team, key, *_rest in rows:
            self.teams.setdefault(key, team)
        return [CaseSummary._make(row[2:]) for row in rows]

    def decisions(self) -> Iterator[Decision]:
        yield from self._decoded(self.conn.execute(
            "SELECT record, seal, seq, team, case_key FROM ave.decisions ORDER BY team, seq"))

    def afspraken(self, case_ids: list[str] | None = None, *, open_only: bool = False,
                  due_before: date | None = None) -> list[Afspraak]:
        clauses: list[str] = []
        params: list[Any] = []
        join = ""
        if case_ids is not None:
            join = ("JOIN ave.resolve(%s, %s) r ON r.team = a.team "
                    "AND r.case_key = a.case_key ")
            params += [list(dict.fromkeys(cases.key(c) for c in case_ids)), self.team]
        if open_only:
            clauses.append("a.open AND c.closed = 0")
        if due_before is not None:
            clauses.append("a.uiterlijk < %s")
            params.append(due_before)
        where = " WHERE " + " AND ".join(clauses) if clauses else ""
        found: list[Afspraak] = []
        for (records,) in self.conn.execute(
                "SELECT a.records FROM ave.afspraken a JOIN ave.cases c ON c.team = a.team "
                f"AND c.case_key = a.case_key {join}{where} "
                "ORDER BY a.team, c.first_seq, length(a.nummer), a.nummer", params):
            found.extend(fold_afspraken(logformat.from_plain(text) for text in records).values())
        return found

    def due(self) -> dict[str, tuple[int, date]]:
        found: dict[str, tuple[int, date]] = {}
        for key, count, first in self.conn.execute(
                "SELECT case_key, count(*), min(uiterlijk) FROM ave.afspraken WHERE open "
                "GROUP BY team, case_key"):
            if key in found:  # (one id in two teams one sees)
                count, first = count + found[key][0], min(first, found[key][1])
            found[key] = (count, first)
        return found


@dataclass
class PgStore:
    """Decisions in PostgreSQL. `team`: the team an id means first, and of a new case (else
    the person's only team)."""

    url: str
    team: str = ""
    # what the last scan read, with each record's team and case key (for index_matches)
    _scanned: list[tuple[str, str, Block]] | None = field(default=None, init=False, repr=False)

    @property
    def location(self) -> str:
        return redact(self.url)

    @property
    def access_location(self) -> str:
        return f"{redact(self.url)} (ave.toegang)"

    def conn(self) -> Any:
        return connect(self.url)

    def exists(self) -> bool:
        return True

    def read(self) -> PgView:
        conn = self.conn()
        size = conn.execute("SELECT count(*) FROM (SELECT 1 FROM ave.decisions LIMIT 1) s")
        return PgView(conn, size.fetchone()[0], self.team, teams=_TEAMS.setdefault(self.url, {}))

    def team_cases(self, team: str) -> set[str]:
        """The keys of the cases of `team` this person may see; refused for a team they are
        not in."""
        if team not in self.my_teams():
            raise AveError(Msg("je bent geen lid van team '{team}' in de store (je teams: "
                             "{teams})", team=team, teams=", ".join(self.my_teams())))
        return {k for (k,) in self.conn().execute(
            "SELECT case_key FROM ave.cases WHERE team = %s", (team,))}

    def my_teams(self) -> list[str]:
        return list(self.conn().execute("SELECT ave.my_teams()").fetchone()[0])

    def team_for_new_cases(self) -> str:
        teams = self.my_teams()
        if self.team:
            if self.team not in teams:
                raise AveError(Msg("je bent geen lid van team '{team}' in de store (je teams: "
                                 "{teams})", team=self.team, teams=", ".join(teams) or "—"))
            return self.team
        if len(teams) == 1:
            return teams[0]
        if not teams:
            user = self.conn().execute("SELECT session_user").fetchone()[0]
            raise AveError(Msg("je bent lid van geen enkel team in de store; vraag de beheerder "
                             "om: GRANT <team> TO {user}", user=user))
        raise AveError(Msg("je bent lid van meer teams ({teams}); kies er een met --team of "
                         "$AVE_TEAM", teams=", ".join(teams)))

    def _own_team(self) -> str:
        """The team of a new case when one can be named without asking ('' otherwise: the
        store refuses a new case then, and team_for_new_cases says why)."""
        if self.team:
            return self.team
        teams = self.my_teams()
        return teams[0] if len(teams) == 1 else ""

    def append(self, build: Callable[[Any], Iterable[Decision]], *,
               lock_timeout: float = LOCK_TIMEOUT) -> int:
        """In one transaction: read, let `build` decide, and hand the decisions to the store's
        `ave.write` a piece at a time, chained per case (a batch of any size needs little
        memory). Another writer who changed one of the same cases meanwhile makes this one fail
        whole (nothing stored), with a message to retry."""
        psycopg = driver()


        conn = self.conn()  # autocommit: the transaction is ours to begin and end
        writer = Rows(conn, self._own_team())
        done = committing = False
        try:
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT set_config('lock_timeout', %s, true)",
                             (f"{int(lock_timeout * 1000)}ms",))
                view = self.read()
                writer.seen = view.heads
                made = iter(build(view))
                # In a pipeline the server stores one piece while the next is made; its errors
                # come at the next point where ave waits for an answer (or at the end)
                with conn.pipeline():
                    while piece := list(islice(made, PIECE)):
                        # Ctrl-C waits for a piece's statements, and is held back through the
                        # COMMIT: when it takes effect, what was saved is known (and said)
                        with uninterruptible():
                            writer.write(piece)
                with uninterruptible():
                    committing = True
                    conn.execute("COMMIT")
                    done = True
                    saved(writer.ids)
            finally:
                if not done and not conn.closed:
                    with contextlib.suppress(psycopg.Error):
                        conn.execute("ROLLBACK")
        except psycopg.errors.UniqueViolation:
            shown = writer.conflicting()
            names = Listed([", ".join(shown[:5]), Msg(" (en {n} meer)", n=len(shown) - 5)
                            if len(shown) > 5 else ""], sep="")
            raise EnvironmentProblem(Msg("casus {cases} is zojuist door iemand anders bijgewerkt; er is "
                                         "niets "
                "opgeslagen; bekijk hem opnieuw (ave show) en probeer het nog eens", cases=names)) from None
        except psycopg.errors.InsufficientPrivilege as exc:
            if "geen lid van team" in str(exc):
                self.team_for_new_cases()  # says which team to choose, or to ask for one
            raise EnvironmentProblem(Msg("de store weigert het besluit ({problem}); er is niets "
                                       "opgeslagen", problem=first_line(exc))) from None
        except (psycopg.errors.LockNotAvailable, psycopg.errors.DeadlockDetected):
            raise EnvironmentProblem(Msg("de store is bezet (wachttijd {seconds:g} s verstreken); "
                                       "er is niets opgeslagen; probeer het opnieuw",
                                       seconds=lock_timeout)) from None
        except psycopg.OperationalError as exc:
            if committing:
                raise EnvironmentProblem(Msg("de verbinding met de store {url} viel weg tijdens het "
                                             "vastleggen ({problem}); "
                    "het is niet bekend of het besluit is opgeslagen; kijk met ave show",
                    url=self.location, problem=first_line(exc))) from None
            raise EnvironmentProblem(Msg("de store {url} gaf een fout ({problem}); er is niets "
                                       "opgeslagen", url=self.location, problem=first_line(exc))) from None
        except psycopg.Error as exc:
            raise EnvironmentProblem(Msg("de store weigert het besluit ({problem}); er is niets "
                                       "opgeslagen", problem=first_line(exc))) from None
        return len(writer.ids)

    def migrate(self, decisions: list[Decision]) -> int:
        """Append the decisions the store does not have yet (by id), in one transaction."""
        ids = [d.id for d in decisions]

        def build(view: PgView) -> list[Decision]:
            present = {i for (i,) in view.conn.execute(
                "SELECT id FROM ave.decisions WHERE id = ANY(%s)", (ids,))}
            return [d for d in decisions if d.id not in present]

        return self.append(build)

    def damage_message(self, damage: Damage, *, retry: bool = False) -> Msg:
        return Msg("{where}: {problem}", where=self.location, problem=damage.problem)

    def network_filesystem(self) -> str | None:
        return None

    def readable_by_others(self) -> bool:
        return False

    def exposures(self) -> list[tuple[str, str]]:
        return []  # the server's own files are the database administrator's to guard

    def record_access(self, entries: Accesses) -> None:
        """One row per team in that team's chain; the server sets who, when and the team."""
        psycopg = driver()

        if not entries.cases:
            return
        known = _TEAMS.get(self.url, {})
        teams = [known.get(cases.key(c), "") for c in entries.cases]
        try:
            self.conn().execute(
                "SELECT ave.record_access(%s, %s, %s, %s, %b::text[], %b::text[])",
                (self.team, entries.who, entries.action, entries.result, teams, entries.cases))
        except psycopg.Error as exc:
            raise OSError(5, first_line(exc)) from None

    def read_access(self) -> list[Access]:
        found = []
        for at, login, by, action, result, ids in self.conn().execute(
                "SELECT at, who, by, action, result, case_ids FROM ave.toegang "
                "ORDER BY at, team, seq"):
            when = at.astimezone().isoformat()
            found += [Access(when, by, action, case, result, login) for case in ids]
        return found

    def scan(self) -> tuple[list[Block], list[Damage]]:
        """Every row visible to this person, each record checked against its seal, and every
        case's chain: each decision names the seal of the case's decision before it."""
        blocks: list[Block] = []
        problems: list[Damage] = []
        heads: dict[tuple[str, str], str] = {}
        self._scanned = []
        for team, seq, key, record, seal, prev in self.conn().execute(
                "SELECT team, seq, case_key, record, seal, prev FROM ave.decisions "
                "ORDER BY team, seq"):
            where = (team, key)
            try:
                block = logformat.decode_json(record, seal, seq)
            except ValueError as exc:
                problems.append(Damage(seq, 0, Msg("besluit {team}/{seq} van casus {case}: "
                                                 "{problem}",
                                                 team=team, seq=seq, case=key,
                                                 problem=exc.args[0] if exc.args else exc)))
                heads[where] = seal
                continue
            blocks.append(block)
            self._scanned.append((team, key, block))
            if block.prev != prev or cases.key(block.decision.case) != key:
                problems.append(Damage(seq, 0, Msg("besluit {team}/{seq}: de casus of de schakel "
                                                 "in de kolommen wijkt af van het record",
                                                 team=team, seq=seq)))
            if prev != heads.get(where, ""):
                problems.append(Damage(seq, 0, Msg("besluit {team}/{seq}: de keten van casus "
                                                 "{case} is onderbroken (een besluit ontbreekt "
                                                 "of is gewijzigd)",
                                                 team=team, seq=seq, case=block.decision.case)))
            heads[where] = seal
        return blocks, problems

    def chain_problems(self, blocks: list[Block]) -> list[tuple[Msg | str, bool]]:
        """What is wrong in the access logs of this person's teams (the decisions' own chains
        are checked by `scan`, row by row, where the blocks come from)."""
        return [(damage.problem, False) for damage in self._access_problems()]

    def head(self) -> tuple[int, str]:
        raise AveError(Msg("ave head geldt voor een caselog-bestand; de store van je team houdt "
                           "per casus een keten bij en bewaakt die zelf"))

    def accept_head(self, when: datetime, by: str) -> tuple[tuple[int, str] | None,
                                                            tuple[int, str]]:
        raise AveError(Msg("--head en --accept-log gelden voor een caselog-bestand; de "
                           "store van je team bewaakt zijn ketens zelf"))

    def extends(self, given: str) -> tuple[bool, Msg]:
        raise AveError(Msg("--head en --accept-log gelden voor een caselog-bestand; de "
                           "store van je team bewaakt zijn ketens zelf"))

    def _access_problems(self) -> list[Damage]:
        """Each of this person's teams' access log: numbered without gaps, every row's hash
        over its body and the hash before it, the body saying what the row's columns say, and
        the last row the head the store keeps."""
        problems: list[Damage] = []
        teams = self.my_teams()
        heads = {team: (count, head) for team, count, head in self.conn().execute(
            "SELECT team, accesses, access_head FROM ave.heads WHERE team = ANY(%s)", (teams,))}
        for team in teams:
            prev, count = "", 0
            for seq, at, who, by, action, result, ids, body, row_prev, digest in \
                    self.conn().execute(
                        "SELECT seq, at, who, by, action, result, case_ids, body, prev, hash "
                        "FROM ave.toegang WHERE team = %s ORDER BY seq", (team,)):
                count += 1
                said = _body_of(body)
                ok = (seq == count and row_prev == prev
                      and hashlib.sha256((prev + body).encode("utf-8")).hexdigest() == digest
                      and said == {"team": team, "seq": seq, "at": _utc(at), "who": who,
                                   "by": by, "action": action, "result": result,
                                   "cases": list(ids)})
                if not ok:
                    problems.append(Damage(0, 0, Msg("toeganglog van team {team}: regel {seq} ontbreekt, "
                                                     "is gewijzigd of "
                        "staat niet in de keten", team=team, seq=seq)))
                    break
                prev = digest
            else:
                if heads.get(team) != (count, prev):
                    problems.append(Damage(0, 0, Msg("toeganglog van team {team}: het einde ontbreekt of "
                                                     "is gewijzigd (de "
                        "store houdt {kept} regels bij, er zijn er {count})",
                        team=team, kept=heads.get(team, (0, ""))[0], count=count)))
        return problems

    def index_matches(self, blocks: list[Block]) -> bool:
        """The derived case rows and afspraken agree with the records they were folded from."""
        if self._scanned is None:
            self.scan()
        scanned = self._scanned or []
        folded: dict[tuple[str, str], list[Any]] = {}
        for team, key, block in scanned:
            entry = folded.setdefault((team, key), [cases.CaseState(block.decision.case), ""])
            cases.apply(entry[0], block.decision, keep_history=False)
            entry[1] = block.seal
        stored = {}
        for team, key, head, state, *summary in self.conn().execute(
                f"SELECT team, case_key, head, state, case_id, {', '.join(SUMMARY)} "
                "FROM ave.cases"):
            try:
                stored[(team, key)] = (head, cases.from_json(state), tuple(summary))
            except (ValueError, TypeError, KeyError):
                return False
        if stored != {where: (head, state, tuple(cases.summary(state)))
                      for where, (state, head) in folded.items()}:
            return False
        plan: dict[tuple[str, str], list[Decision]] = {}
        for team, key, block in scanned:
            if block.decision.kind in AFSPRAAK_KINDS:
                plan.setdefault((team, key), []).append(block.decision)
        expected = {(team, key, nummer): (a.open, a.uiterlijk, len(a.history))
                    for (team, key), made in plan.items()
                    for nummer, a in fold_afspraken(made).items()}
        return expected == {(team, key, nummer): (is_open, due, count)
                            for team, key, nummer, is_open, due, count in self.conn().execute(
                                "SELECT team, case_key, nummer, open, uiterlijk, "
                                "cardinality(records) FROM ave.afspraken")}

    def repair(self, stamp: str, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        return None  # a transaction is never torn: there is no damaged end to set aside

    def rewrite_without(self, chosen: Callable[[list[Block]], set[str]], *, dry_run: bool,
                        about: dict[str, Any] | None = None,
                        lock_timeout: float = LOCK_TIMEOUT) -> tuple[set[str], int]:
        """Purge through `ave.purge()` (for members of ave_purger): only cases of the caller's
        own teams whose latest decision is a close before the date; the store records count,
        range and who, never the content."""
        psycopg = driver()

        blocks, _problems = self.scan()
        gone = chosen(blocks)
        count = sum(1 for b in blocks if cases.key(b.decision.case) in gone)
        if dry_run or not gone:
            return gone, count
        about = about or {}
        try:
            removed = self.conn().execute(
                "SELECT ave.purge(%s, %s, %s)",
                (sorted(cases.key(c) for c in gone), str(about.get("by", "")),
                 str(about.get("closed_before", "")))).fetchone()[0]
        except psycopg.errors.InsufficientPrivilege:
            user = self.conn().execute("SELECT session_user").fetchone()[0]
            raise AveError(Msg("alleen wie de rol {role} heeft, mag verwijderen; er is niets "
                             "verwijderd; vraag de beheerder om: GRANT {role} TO {user}",
                             role=PURGER_ROLE, user=user)) from None
        except psycopg.Error as exc:
            raise EnvironmentProblem(Msg("de store weigert het verwijderen ({problem}); er is "
                                       "niets verwijderd", problem=first_line(exc))
                                     ) from None
        return gone, removed

    def reindex(self) -> tuple[PgView, None]:
        raise AveError(Msg("de store van je team heeft geen index in de cache; er is niets "
                           "opnieuw op te bouwen (ave check vergelijkt de casustabel met de "
                           "besluiten)"))


def fold_afspraken(records: Iterable[Decision]) -> dict[str, Afspraak]:
    from ave_cli.core import afspraken as afs  # (not needed by reads without the plan)

    return afs.fold(records)


def _utc(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _body_of(body: str) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def close_all() -> None:
    for conn in _CONNECTIONS.values():
        with contextlib.suppress(Exception):
            conn.close()
    _CONNECTIONS.clear()
    _TEAMS.clear()


__all__ = ["PgStore", "PgView", "connect", "is_address"]
