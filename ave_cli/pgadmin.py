"""Setting up a team's store (the database owner's work, `ave store ...`): the schema, teams,
and sharing a case with another team. Each is one transaction: on any error nothing changes."""

from __future__ import annotations

from ave_cli.errors import AveError, EnvironmentProblem
from ave_cli.i18n import _
from ave_cli.pgschema import VERSION
from ave_cli.pgstore import connect, first_line, schema_version


def init(url: str) -> tuple[int, int]:
    """Create or upgrade the schema (as the database owner); returns (before, after)."""
    import psycopg

    from ave_cli.pgschema import init_sql

    conn = connect(url, check_schema=False)
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(4242)")
            before = schema_version(conn)
            if before > VERSION:
                raise EnvironmentProblem(_("de store heeft schemaversie {found}, nieuwer dan deze "
                                           "ave ({known}); werk ave bij").format(
                                               found=before, known=VERSION))
            if before < VERSION:
                for statement in init_sql(before):
                    conn.execute(statement)
                conn.execute("INSERT INTO ave.meta (key, value) VALUES ('version', %s) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             (str(VERSION),))
    except psycopg.Error as exc:
        raise EnvironmentProblem(_("inrichten van de store {url} mislukt ({problem}); er is "
                                   "niets gewijzigd").format(url=url,
                                                             problem=first_line(exc))) from None
    return before, VERSION


def add_team(url: str, name: str) -> bool:
    """A team: a role without login that may use ave (members get its rights). False: it was
    there already."""
    import psycopg
    from psycopg import sql

    conn = connect(url)
    try:
        with conn.transaction():
            if conn.execute("SELECT 1 FROM ave.teams WHERE name = %s", (name,)).fetchone():
                return False
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
            conn.execute(sql.SQL("GRANT ave_user TO {}").format(sql.Identifier(name)))
            conn.execute("INSERT INTO ave.teams (name) VALUES (%s)", (name,))
    except psycopg.Error as exc:
        raise EnvironmentProblem(_("team {team} kon niet worden gemaakt ({problem}); er is niets "
                                   "gewijzigd").format(team=name,
                                                       problem=first_line(exc))) from None
    return True


def share(url: str, case_key: str, team: str) -> bool:
    """Let `team` see and write a case this person can see. False: it could already."""
    import psycopg

    conn = connect(url)
    try:
        with conn.transaction():
            if not conn.execute("SELECT 1 FROM ave.teams WHERE name = %s", (team,)).fetchone():
                raise AveError(_("team '{team}' bestaat niet in de store").format(team=team))
            row = conn.execute("SELECT team FROM ave.cases WHERE case_key = %s",
                               (case_key,)).fetchone()
            if row is None:
                raise AveError(_("casus '{case}' staat niet in de store (of je team ziet hem "
                                 "niet)").format(case=case_key))
            if row[0] == team:
                return False
            cur = conn.execute("INSERT INTO ave.shares (case_key, team) VALUES (%s, %s) "
                               "ON CONFLICT DO NOTHING", (case_key, team))
            return cur.rowcount == 1
    except psycopg.Error as exc:
        raise EnvironmentProblem(_("delen mislukt ({problem}); er is niets gewijzigd").format(
            problem=first_line(exc))) from None
