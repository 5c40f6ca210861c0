"""Setting up a team's store (the administrator's work, `ave store ...`): the schema, teams,
and sharing a case with another team. Each is one transaction: on any error nothing changes."""

from __future__ import annotations

from typing import Any

from ave_cli.core import cases
from ave_cli.core.messages import AveError, EnvironmentProblem, Msg
from ave_cli.record import logformat
from ave_cli.stores.postgres.schema import (
    GUARDS,
    LET_GO,
    OWNER_ROLE,
    ROLES,
    TABLES,
    UPGRADE_2,
    VERSION,
)
from ave_cli.stores.postgres.store import connect, driver, first_line, redact, schema_version


def init(url: str) -> tuple[int, int, list[Msg]]:
    """Create the schema, or move a store of an earlier version to this one (as the
    administrator, who is left neither owner nor purger); returns (before, after, what changed)."""
    psycopg = driver()
    conn = connect(url, check_schema=False)
    changes: list[Msg] = []
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(4242)")
            before = schema_version(conn)
            if before > VERSION:
                raise EnvironmentProblem(Msg("de store heeft schemaversie {found}, nieuwer dan deze "
                                           "ave ({known}); werk ave bij", found=before, known=VERSION))
            if before == 2:
                conn.execute(ROLES)
                conn.execute(UPGRADE_2)
                conn.execute(LET_GO)
                changes = [Msg("de tabel ave.afspraken is erbij: ave.write houdt de afspraken "
                               "van het plan bij, ave.purge verwijdert ze met hun casus")]
            elif before < VERSION:
                old = _read_version_1(conn) if before == 1 else None
                conn.execute(ROLES)
                conn.execute(TABLES)
                conn.execute(GUARDS)
                conn.execute(f"SET LOCAL ROLE {OWNER_ROLE}")
                conn.execute("INSERT INTO ave.meta (key, value) VALUES ('version', %s)",
                             (str(VERSION),))
                if old is not None:
                    changes = _move_version_1(conn, old)
                conn.execute("RESET ROLE")
                if old is not None:
                    conn.execute("DROP SCHEMA ave_v1 CASCADE")
                conn.execute(LET_GO)
    except psycopg.Error as exc:
        raise EnvironmentProblem(Msg("inrichten van de store {url} mislukt ({problem}); er is "
                                   "niets gewijzigd", url=redact(url), problem=first_line(exc))) from None
    return before, VERSION, changes


def _read_version_1(conn: Any) -> dict[str, list[Any]]:
    """Every row of a version-1 store, read by the administrator who owned its tables (the
    forced row-level security of version 1 is lifted for that, in this transaction only)."""
    for table in ("decisions", "cases", "shares", "toegang", "purges"):
        conn.execute(f"ALTER TABLE ave.{table} NO FORCE ROW LEVEL SECURITY")
    old = {
        "teams": conn.execute("SELECT name FROM ave.teams ORDER BY name").fetchall(),
        "decisions": conn.execute(
            "SELECT team, id, case_key, record, seal, prev, written_by, written_at "
            "FROM ave.decisions ORDER BY seq").fetchall(),
        "shares": conn.execute("SELECT s.case_key, c.team, s.team, s.shared_by, s.shared_at "
                               "FROM ave.shares s JOIN ave.cases c USING (case_key)").fetchall(),
        "toegang": conn.execute("SELECT t.at, t.who, t.action, t.case_id, t.result, "
                                "coalesce(t.team, c.team), t.written_by FROM ave.toegang t "
                                "LEFT JOIN ave.cases c USING (case_key) ORDER BY t.seq"
                                ).fetchall(),
        "purges": conn.execute("SELECT at, by, closed_before, cases, decisions, first_at, "
                               "last_at, written_by FROM ave.purges ORDER BY seq").fetchall(),
    }
    conn.execute("ALTER SCHEMA ave RENAME TO ave_v1")
    return old


def _move_version_1(conn: Any, old: dict[str, list[Any]]) -> list[Msg]:
    """The rows of version 1 in the new tables (as the owner): each record as its canonical
    text under the seal it had, numbered per team; the case rows folded from them; the access
    log's rows, in their order, as the start of each team's chain (the login that wrote a row
    is its `who`, the name it gave its `by`)."""
    teams: list[str] = [name for (name,) in old["teams"]]
    for name in teams:
        conn.execute("SELECT ave.add_team(%s)", (name,))

    def team_of(row_team: str | None, login: str) -> str:
        if row_team is not None and row_team in teams:
            return row_team
        for name in teams:  # a row of no team: the first team of the login that wrote it
            if _one(conn, "SELECT pg_has_role(%s, %s, 'MEMBER')", (login, name)):
                return name
        return teams[0]

    numbers: dict[str, int] = {}
    folded: dict[tuple[str, str], list[Any]] = {}
    damaged = 0
    for team, decision_id, key, record, seal, prev, written_by, written_at in old["decisions"]:
        numbers[team] = seq = numbers.get(team, 0) + 1
        text, block = record, None
        try:
            written, _canonical, sealed = logformat.block_json(record.encode("utf-8"))
            if sealed == seal:
                text, block = written, logformat.decode_json(written, seal, seq)
        except ValueError:
            pass
        if block is None:
            damaged += 1  # kept as it was: ave check names it, the commands pass it over
        conn.execute("INSERT INTO ave.decisions (team, seq, id, case_key, record, seal, prev, "
                     "written_by, written_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                     (team, seq, decision_id, key, text, seal, prev, written_by, written_at))
        entry = folded.setdefault((team, key), [None, seal, seq])
        entry[1] = seal
        if block is not None:
            entry[0] = cases.apply(entry[0] or cases.CaseState(block.decision.case),
                                   block.decision, keep_history=False)
    for (team, key), (state, head, first) in folded.items():
        if state is None:
            continue
        conn.execute(
            "INSERT INTO ave.cases (team, case_key, case_id, head, state, phase, closed, "
            "since_ts, last_ts, last_kind, kapstok, casusregisseur, procesregisseur, "
            "advice_roles, deciders, first_seq) VALUES "
            "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (team, key, state.case, head, cases.to_json(state), *cases.summary(state)[1:],
             first))
    for name, count in numbers.items():
        conn.execute("SELECT setval(ave.team_sequence(%s), %s)", (name, count))
    for key, owner, shared_with, by, at in old["shares"]:
        conn.execute("INSERT INTO ave.shares (team, case_key, shared_with, shared_by, "
                     "shared_at) VALUES (%s, %s, %s, %s, %s)", (owner, key, shared_with, by, at))
    for at, who, action, case_id, result, team, login in old["toegang"]:
        conn.execute("SELECT ave.chain_access(%s, %s::timestamptz, %s, %s, %s, %s, %s)",
                     (team_of(team, login), at, login, who, action, result, [case_id]))
    for at, by, before, count, decisions, first, last, login in old["purges"]:
        conn.execute("INSERT INTO ave.purges (team, at, who, by, closed_before, cases, "
                     "decisions, first_at, last_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                     (team_of(None, login), at, login, by, before, count, decisions, first,
                      last))
    changes = [
        Msg("{n} besluiten overgezet (elk met zijn zegel; het record staat er nu als JSON en "
          "elk team nummert zijn eigen besluiten)", n=len(old["decisions"])),
        Msg("{n} casussen opnieuw afgeleid uit de besluiten",
            n=sum(1 for s in folded.values() if s[0] is not None)),
        Msg("{n} regels van het toeganglog zijn het begin van de keten van elk team", n=len(old["toegang"])),
        Msg("leden schrijven nu alleen via functies; de eigenaar is de rol {owner} zonder login, "
          "en de beheerder is geen lid meer van {owner} of ave_purger", owner=OWNER_ROLE),
    ]
    if damaged:
        changes.append(Msg("{n} beschadigde besluiten zijn bewaard zoals ze waren (ave check "
                         "noemt ze)", n=damaged))
    return changes


def add_team(url: str, name: str) -> bool:
    """A team: a role without login that may use ave (members get its rights). False: it was
    there already."""
    psycopg = driver()
    from psycopg import sql  # after driver() said whether psycopg is there

    conn = connect(url)
    try:
        with conn.transaction():
            if conn.execute("SELECT 1 FROM ave.teams WHERE name = %s", (name,)).fetchone():
                return False
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
            conn.execute(sql.SQL("GRANT ave_user TO {}").format(sql.Identifier(name)))
            return bool(_one(conn, "SELECT ave.add_team(%s)", (name,)))
    except psycopg.Error as exc:
        raise EnvironmentProblem(Msg("team {team} kon niet worden gemaakt ({problem}); er is niets "
                                   "gewijzigd", team=name, problem=first_line(exc))) from None


def share(url: str, case: str, team: str, *, own_team: str, by: str) -> bool:
    """Let `team` see and write a case of one of this person's own teams (the share is in the
    access log of the case's team). False: it could already."""
    psycopg = driver()

    conn = connect(url)
    try:
        with conn.transaction():
            return bool(_one(conn, "SELECT ave.share(%s, %s, %s, %s)",
                             (own_team, case, team, by)))
    except psycopg.errors.NoDataFound:
        raise AveError(Msg("casus '{case}' is niet van een van je teams (alleen het team van de "
                         "casus kan hem delen)", case=case)) from None
    except psycopg.errors.UndefinedObject:
        raise AveError(Msg("team '{team}' bestaat niet in de store", team=team)) from None
    except psycopg.Error as exc:
        raise EnvironmentProblem(Msg("delen mislukt ({problem}); er is niets gewijzigd",
                                     problem=first_line(exc))) from None


def _one(conn: Any, query: str, params: tuple[Any, ...]) -> Any:
    """The one value a query gives (None for no row)."""
    row = conn.execute(query, params).fetchone()
    return row[0] if row else None
