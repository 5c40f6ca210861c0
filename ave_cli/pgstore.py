"""The PostgreSQL store: the same Store as the case log file, for a team (psycopg 3).

A decision is one insert-only row holding the record's canonical text (the `[[decision]]` block
a file log would hold), its seal and the seal of the case's decision before it: each case is its
own hash chain, so a member of a team verifies the history of every case they may see (with
row-level security nobody sees every row, so one chain over all rows could not be checked by
anyone). `UNIQUE (case_key, prev)` makes two writers who both saw the same state of a case
unable to both win. The derived `ave.cases` table (phase, regisseurs, state) is updated in the
same transaction, for `ave report` and `ave show` at a region's scale.

Who may do what lives in the database (pgschema.py); this module only connects, reads and
appends. Imported only when the log is a postgresql:// address.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any

from ave_cli import cases, logformat
from ave_cli.errors import AveError, EnvironmentProblem
from ave_cli.i18n import _
from ave_cli.logformat import Block, Damage
from ave_cli.pgrows import PIECE, SUMMARY, Rows
from ave_cli.pgschema import VERSION
from ave_cli.store import Access, Accesses

if TYPE_CHECKING:
    import psycopg

    from ave_cli.cases import CaseState, CaseSummary
    from ave_cli.model import Decision

SCHEMES = ("postgresql://", "postgres://")
_CONNECTIONS: dict[str, Any] = {}
# psycopg warns through logging when it ends a pipeline after an error; ave says what went wrong
logging.getLogger("psycopg").addHandler(logging.NullHandler())


def is_address(value: str) -> bool:
    return value.startswith(SCHEMES)


def first_line(exc: BaseException) -> str:
    """A driver's message, one line (libpq adds detail lines)."""
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def connect(url: str, *, check_schema: bool = True) -> psycopg.Connection:
    """A connection (kept for the process), refused with one line when the address holds a
    password, the server cannot be reached, or the schema is missing or of another version."""
    if url in _CONNECTIONS and not _CONNECTIONS[url].closed:
        return _CONNECTIONS[url]
    try:
        import psycopg
        from psycopg.conninfo import conninfo_to_dict
    except ImportError:
        raise EnvironmentProblem(_("voor een PostgreSQL-store is psycopg nodig: pip install "
                                   "'ave-cli[postgresql]'")) from None
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise AveError(_("{url} is geen geldig PostgreSQL-adres ({problem})").format(
            url=url, problem=first_line(exc))) from None
    if params.get("password"):
        raise AveError(_("zet geen wachtwoord in het adres van de store; gebruik ~/.pgpass "
                         "of een servicebestand (libpq)"))
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10,
                               application_name="ave")
    except psycopg.Error as exc:
        raise EnvironmentProblem(_("de store {url} is niet bereikbaar ({problem})").format(
            url=url, problem=first_line(exc))) from None
    if check_schema:
        usage = conn.execute("SELECT current_user, to_regnamespace('ave') IS NULL "
                             "OR has_schema_privilege('ave', 'USAGE')").fetchone() or ("", True)
        if not usage[1]:
            conn.close()
            raise AveError(_("je bent lid van geen enkel team in de store {url}; vraag de "
                             "beheerder om: GRANT <team> TO {user}").format(url=url,
                                                                             user=usage[0]))
        version = schema_version(conn)
        if version == 0:
            conn.close()
            raise EnvironmentProblem(_("de store {url} is nog niet ingericht; laat de eigenaar "
                                       "van de database 'ave store init {url}' uitvoeren").format(
                                           url=url))
        if version != VERSION:
            conn.close()
            raise EnvironmentProblem(_("de store {url} heeft schemaversie {found}, deze ave "
                                       "kent {known}; werk ave bij of laat 'ave store init' "
                                       "uitvoeren").format(url=url, found=version,
                                                           known=VERSION))
    _CONNECTIONS[url] = conn
    return conn


def schema_version(conn: psycopg.Connection) -> int:
    found = conn.execute("SELECT to_regclass('ave.meta') IS NOT NULL").fetchone()
    if not found or not found[0]:
        return 0
    row = conn.execute("SELECT value FROM ave.meta WHERE key = 'version'").fetchone()
    return int(row[0]) if row else 0


def _decision(record: str, seq: int = 0) -> Decision:
    return logformat.decode_block(record.encode("utf-8"), seq).decision


@dataclass
class PgView:
    """The store as this person may see it now (row-level security decides which rows)."""

    conn: Any
    size: int
    damage: Damage | None = None
    notice: str = ""
    # the last seal of every case read through this view ('' for none): a decision made from
    # what was read chains to it, so it cannot be stored when someone wrote the case since
    heads: dict[str, str] = field(default_factory=dict)
    # the team and state (JSON; None: no such case) of the cases of the last `cases_of`: an
    # append that follows needs not ask again
    looked: dict[str, tuple[str, str | None]] = field(default_factory=dict)

    def case(self, case_id: str) -> CaseState | None:
        key = cases.key(case_id)
        rows = self.conn.execute("SELECT record, seq, seal FROM ave.decisions "
                                 "WHERE case_key = %s ORDER BY seq", (key,)).fetchall()
        self.heads[key] = rows[-1][2] if rows else ""
        return cases.fold(_decision(r, s) for r, s, _seal in rows).get(key)

    def cases(self) -> list[CaseState]:
        found = []
        for key, state, head in self.conn.execute(
                "SELECT case_key, state, head FROM ave.cases ORDER BY first_seq"):
            self.heads[key] = head
            found.append(cases.from_json(state))
        return found

    def cases_of(self, case_ids: list[str]) -> dict[str, CaseState]:
        found = {}
        wanted = list(dict.fromkeys(cases.key(c) for c in case_ids))
        self.looked.clear()
        for key, state, head, team in self.conn.execute(
                "SELECT case_key, state, head, team FROM ave.cases WHERE case_key = ANY(%b)",
                (wanted,)):
            self.heads[key] = head
            self.looked[key] = (team, state)
            found[key] = cases.from_json(state)
        for key in wanted:
            self.heads.setdefault(key, "")
            self.looked.setdefault(key, ("", None))
        return found

    def summaries(self, *, include_closed: bool = True,
                  deciders: bool = True) -> list[CaseSummary]:
        from ave_cli.cases import CaseSummary

        columns = ", ".join(SUMMARY if deciders else (*SUMMARY[:-1], "''"))
        where = "" if include_closed else "WHERE closed = 0 "
        rows = self.conn.execute(f"SELECT case_id, {columns} FROM ave.cases {where}"
                                 "ORDER BY first_seq")
        return list(map(CaseSummary._make, rows))

    def decisions(self) -> Iterator[Decision]:
        for record, seq in self.conn.execute("SELECT record, seq FROM ave.decisions ORDER BY seq"):
            yield _decision(record, seq)


@dataclass
class PgStore:
    """Decisions in PostgreSQL. `team`: for a new case, the team it belongs to (else the
    person's only team)."""

    url: str
    team: str = ""

    @property
    def location(self) -> str:
        return self.url

    @property
    def access_location(self) -> str:
        return f"{self.url} (ave.toegang)"

    def conn(self) -> Any:
        return connect(self.url)

    def exists(self) -> bool:
        return True

    def read(self) -> PgView:
        conn = self.conn()
        size = conn.execute("SELECT count(*) FROM (SELECT 1 FROM ave.decisions LIMIT 1) s")
        return PgView(conn, size.fetchone()[0])

    def team_cases(self, team: str) -> set[str]:
        """The keys of the cases of `team` this person may see; refused for a team they are
        not in."""
        if team not in self.my_teams():
            raise AveError(_("je bent geen lid van team '{team}' in de store (je teams: "
                             "{teams})").format(team=team, teams=", ".join(self.my_teams())))
        return {k for (k,) in self.conn().execute(
            "SELECT case_key FROM ave.cases WHERE team = %s", (team,))}

    def my_teams(self) -> list[str]:
        return list(self.conn().execute("SELECT ave.my_teams()").fetchone()[0])

    def team_for_new_cases(self) -> str:
        teams = self.my_teams()
        if self.team:
            if self.team not in teams:
                raise AveError(_("je bent geen lid van team '{team}' in de store (je teams: "
                                 "{teams})").format(team=self.team,
                                                    teams=", ".join(teams) or "—"))
            return self.team
        if len(teams) == 1:
            return teams[0]
        if not teams:
            user = self.conn().execute("SELECT current_user").fetchone()[0]
            raise AveError(_("je bent lid van geen enkel team in de store; vraag de beheerder "
                             "om: GRANT <team> TO {user}").format(user=user))
        raise AveError(_("je bent lid van meer teams ({teams}); kies er een met --team of "
                         "$AVE_TEAM").format(teams=", ".join(teams)))

    def append(self, build: Callable[[Any], Iterable[Decision]], *,
               lock_timeout: float = 10.0) -> int:
        """In one transaction: read, let `build` decide, insert the decisions chained per case
        and update the derived case rows, a piece at a time (a batch of any size needs little
        memory). Another writer who changed one of the same cases meanwhile makes this one fail
        whole (nothing stored), with a message to retry."""
        import psycopg

        from ave_cli.caselog import _committed, _uninterruptible

        conn = self.conn()  # autocommit: the transaction is ours to begin and end
        writer = Rows(conn, self.team_for_new_cases)
        done = False
        try:
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT set_config('lock_timeout', %s, true)",
                             (f"{int(lock_timeout * 1000)}ms",))
                view = self.read()
                writer.seen, writer.looked = view.heads, view.looked
                made = iter(build(view))
                # In a pipeline the server stores one piece while the next is made; its errors
                # come at the next point where ave waits for an answer (or at the end)
                with conn.pipeline():
                    while piece := list(islice(made, PIECE)):
                        # Ctrl-C waits for a piece's statements, and is held back through the
                        # COMMIT: when it takes effect, what was saved is known (and said)
                        with _uninterruptible():
                            writer.write(piece)
                with _uninterruptible():
                    conn.execute("COMMIT")
                    done = True
                    _committed.extend(writer.ids)
            finally:
                if not done and not conn.closed:
                    with contextlib.suppress(psycopg.Error):
                        conn.execute("ROLLBACK")
        except psycopg.errors.UniqueViolation:
            shown = writer.conflicting()
            names = ", ".join(shown[:5]) + (_(" (en {n} meer)").format(n=len(shown) - 5)
                                            if len(shown) > 5 else "")
            raise EnvironmentProblem(_(
                "casus {cases} is zojuist door iemand anders bijgewerkt, of hoort bij een team "
                "dat je niet ziet; er is niets opgeslagen; bekijk hem opnieuw (ave show) en "
                "probeer het nog eens").format(cases=names)) from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise EnvironmentProblem(_("de store weigert het besluit ({problem}); er is niets "
                                       "opgeslagen").format(problem=first_line(exc))) from None
        except psycopg.errors.LockNotAvailable:
            raise EnvironmentProblem(_("de store is bezet (wachttijd {seconds:g} s verstreken); "
                                       "er is niets opgeslagen; probeer het opnieuw").format(
                                           seconds=lock_timeout)) from None
        except psycopg.OperationalError as exc:
            raise EnvironmentProblem(_("de store {url} gaf een fout ({problem}); er is niets "
                                       "opgeslagen").format(url=self.url,
                                                            problem=first_line(exc))) from None
        return len(writer.ids)

    def migrate(self, decisions: list[Decision]) -> int:
        """Append the decisions the store does not have yet (by id), in one transaction."""
        ids = [d.id for d in decisions]

        def build(view: PgView) -> list[Decision]:
            present = {i for (i,) in view.conn.execute(
                "SELECT id FROM ave.decisions WHERE id = ANY(%s)", (ids,))}
            return [d for d in decisions if d.id not in present]

        return self.append(build)

    def damage_message(self, damage: Damage, *, retry: bool = False) -> str:
        return f"{self.url}: {damage.problem}"

    def network_filesystem(self) -> str | None:
        return None

    def readable_by_others(self) -> bool:
        return False

    def record_access(self, entries: Accesses) -> None:
        import psycopg

        if not entries.cases:
            return
        try:  # one statement: a report over 100,000 cases records 100,000 reads
            self.conn().execute(
                "INSERT INTO ave.toegang (at, who, action, case_id, result, case_key, team) "
                "SELECT %s, %s, %s, e.case_id, %s, e.case_key, c.team "
                "FROM unnest(%b::text[], %b::text[]) WITH ORDINALITY AS e(case_id, case_key, n) "
                "LEFT JOIN ave.cases c ON c.case_key = e.case_key ORDER BY e.n",
                (entries.when, entries.who, entries.action, entries.result, entries.cases,
                 [cases.key(n) for n in entries.cases]))
        except psycopg.Error as exc:
            raise OSError(5, first_line(exc)) from None

    def read_access(self) -> list[Access]:
        return [Access(*row) for row in self.conn().execute(
            "SELECT at, who, action, case_id, result FROM ave.toegang ORDER BY seq")]

    def scan(self) -> tuple[list[Block], list[Damage]]:
        """Every row visible to this person, each record checked against its seal, and every
        case's chain: each decision names the seal of the case's decision before it."""
        blocks: list[Block] = []
        problems: list[Damage] = []
        heads: dict[str, str] = {}
        for seq, key, record, seal, prev in self.conn().execute(
                "SELECT seq, case_key, record, seal, prev FROM ave.decisions ORDER BY seq"):
            try:
                block = logformat.decode_block(record.encode("utf-8"), seq)
            except ValueError as exc:
                problems.append(Damage(seq, 0, _("rij {seq}: {problem}").format(
                    seq=seq, problem=exc.args[0] if exc.args else exc)))
                heads[key] = seal
                continue
            blocks.append(block)
            if block.seal != seal or block.prev != prev:
                problems.append(Damage(seq, 0, _("rij {seq}: het zegel of de schakel in de kolommen "
                                                 "wijkt af van het record").format(seq=seq)))
            if prev != heads.get(key, ""):
                problems.append(Damage(seq, 0, _("rij {seq}: de keten van casus {case} is "
                                                 "onderbroken (een besluit ontbreekt of is "
                                                 "gewijzigd)").format(seq=seq,
                                                                      case=block.decision.case)))
            heads[key] = seal
        return blocks, problems

    def index_matches(self, blocks: list[Block]) -> bool:
        """The derived case rows agree with the decisions they were folded from."""
        folded = cases.fold((b.decision for b in blocks), keep_history=False)
        stored = {k: s for k, s in self.conn().execute("SELECT case_key, state FROM ave.cases")}
        return stored == {k: cases.to_json(s) for k, s in folded.items()}

    def repair(self, stamp: str, *, lock_timeout: float = 10.0) -> None:
        return None  # a transaction is never torn: there is no damaged end to set aside

    def rewrite_without(self, chosen: Callable[[list[Block]], set[str]], *, dry_run: bool,
                        about: dict[str, Any] | None = None,
                        lock_timeout: float = 10.0) -> tuple[set[str], int]:
        """Purge through `ave.purge()` (owned by the purger role): only closed cases of the
        caller's teams; the store records count, range and who, never the content."""
        blocks, _problems = self.scan()
        gone = chosen(blocks)
        count = sum(1 for b in blocks if cases.key(b.decision.case) in gone)
        if dry_run or not gone:
            return gone, count
        about = about or {}
        removed = self.conn().execute(
            "SELECT ave.purge(%s, %s, %s)",
            (sorted(cases.key(c) for c in gone), str(about.get("by", "")),
             str(about.get("closed_before", "")))).fetchone()[0]
        return gone, removed

    def reindex(self) -> tuple[PgView, None]:
        return self.read(), None

def close_all() -> None:
    for conn in _CONNECTIONS.values():
        with contextlib.suppress(Exception):
            conn.close()
    _CONNECTIONS.clear()


__all__ = ["PgStore", "PgView", "connect", "is_address"]
