"""The PostgreSQL store's schema, versioned: `ave store init` applies the steps a database has
not had yet, in one transaction (running it again changes nothing).

Who may do what is in the database itself, so that it also holds for plain SQL:
- `ave_user` (granted to every team role, so to every member of a team) may SELECT and INSERT
  decisions and access records, never UPDATE or DELETE them; the derived case table (phase,
  regisseurs, for `ave report`) may also be updated, since it is recomputed from the decisions.
- `ave_purger` owns `ave.purge()`, the only way to delete: a member of a team calls it for
  closed cases of that team, and it records count, range and who, never the content.
- Row-level security (forced, so also for the table owner) lets a person see and write only
  the rows of the teams they are a member of, and of cases shared with those teams.
"""

from __future__ import annotations

VERSION = 1
USER_ROLE = "ave_user"
PURGER_ROLE = "ave_purger"

_ROLES = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{USER_ROLE}') THEN
    CREATE ROLE {USER_ROLE} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PURGER_ROLE}') THEN
    CREATE ROLE {PURGER_ROLE} NOLOGIN;
  END IF;
END $$;
GRANT {PURGER_ROLE} TO CURRENT_USER;
"""

# A row this person may see: of one of their teams, or of a case shared with one of them. The
# functions are wrapped in a sub-select so PostgreSQL works them out once per query, not per row.
_MINE = ("(team = ANY ((SELECT ave.my_teams())::text[]) "
         "OR case_key = ANY ((SELECT ave.shared_cases())::text[]))")

# Step 1: the tables, their rights and policies, and the functions.
_STEP_1 = f"""
CREATE SCHEMA ave;
CREATE TABLE ave.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE ave.teams (name text PRIMARY KEY);
CREATE TABLE ave.decisions (
    seq bigserial PRIMARY KEY,
    id text NOT NULL UNIQUE,
    case_key text NOT NULL,
    team text NOT NULL REFERENCES ave.teams,
    record text NOT NULL,          -- the [[decision]] block exactly as in a file log
    seal text NOT NULL UNIQUE,
    prev text NOT NULL,            -- the seal of the case's decision before it ('' for its first)
    written_by name NOT NULL DEFAULT current_user,
    written_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_key, prev)        -- two writers on the same case state: one of them wins
);
CREATE INDEX decisions_by_case ON ave.decisions (case_key, seq);
CREATE TABLE ave.cases (
    case_key text PRIMARY KEY,
    case_id text NOT NULL,
    team text NOT NULL REFERENCES ave.teams,
    head text NOT NULL,
    state text NOT NULL,
    phase text, closed integer NOT NULL, since_ts double precision, last_ts double precision,
    last_kind text, kapstok text, casusregisseur text, procesregisseur text,
    advice_roles text, deciders text,
    first_seq bigint NOT NULL
);
CREATE INDEX cases_open ON ave.cases (closed, first_seq);
CREATE TABLE ave.shares (
    case_key text NOT NULL,
    team text NOT NULL REFERENCES ave.teams,
    shared_by name NOT NULL DEFAULT current_user,
    shared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (case_key, team)
);
CREATE TABLE ave.toegang (
    seq bigserial PRIMARY KEY,
    at text NOT NULL, who text NOT NULL, action text NOT NULL, case_id text NOT NULL,
    result text NOT NULL, case_key text NOT NULL, team text,
    written_by name NOT NULL DEFAULT current_user
);
CREATE INDEX toegang_by_case ON ave.toegang (case_key);
CREATE TABLE ave.purges (
    seq bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    by text NOT NULL, closed_before text NOT NULL, cases integer NOT NULL,
    decisions integer NOT NULL, first_at timestamptz, last_at timestamptz,
    written_by name NOT NULL DEFAULT session_user
);

CREATE FUNCTION ave.my_teams() RETURNS text[] LANGUAGE sql STABLE AS $f$
    SELECT coalesce(array_agg(name ORDER BY name), '{{}}') FROM ave.teams
    WHERE pg_has_role(current_user, name, 'MEMBER')
$f$;
CREATE FUNCTION ave.shared_cases() RETURNS text[] LANGUAGE sql STABLE AS $f$
    SELECT coalesce(array_agg(case_key), '{{}}') FROM ave.shares
    WHERE team = ANY (ave.my_teams())
$f$;

ALTER TABLE ave.decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE ave.decisions FORCE ROW LEVEL SECURITY;
ALTER TABLE ave.cases ENABLE ROW LEVEL SECURITY;
ALTER TABLE ave.cases FORCE ROW LEVEL SECURITY;
ALTER TABLE ave.shares ENABLE ROW LEVEL SECURITY;
ALTER TABLE ave.shares FORCE ROW LEVEL SECURITY;
ALTER TABLE ave.toegang ENABLE ROW LEVEL SECURITY;
ALTER TABLE ave.toegang FORCE ROW LEVEL SECURITY;
ALTER TABLE ave.purges ENABLE ROW LEVEL SECURITY;
ALTER TABLE ave.purges FORCE ROW LEVEL SECURITY;

CREATE POLICY team_reads ON ave.decisions FOR SELECT USING {_MINE};
CREATE POLICY team_writes ON ave.decisions FOR INSERT
    WITH CHECK (written_by = current_user AND {_MINE});
CREATE POLICY purger ON ave.decisions FOR ALL TO {PURGER_ROLE} USING (true);

CREATE POLICY team_cases ON ave.cases FOR ALL USING {_MINE} WITH CHECK {_MINE};
CREATE POLICY purger ON ave.cases FOR ALL TO {PURGER_ROLE} USING (true);

CREATE POLICY own_shares ON ave.shares FOR SELECT USING (team = ANY (ave.my_teams()));
CREATE POLICY share_own_cases ON ave.shares FOR INSERT WITH CHECK (
    shared_by = current_user AND EXISTS (SELECT FROM ave.cases c WHERE c.case_key = shares.case_key));
CREATE POLICY purger ON ave.shares FOR ALL TO {PURGER_ROLE} USING (true);

CREATE POLICY team_access ON ave.toegang FOR SELECT
    USING (written_by = current_user OR {_MINE});
CREATE POLICY own_access ON ave.toegang FOR INSERT WITH CHECK (written_by = current_user);

CREATE POLICY read_purges ON ave.purges FOR SELECT USING (true);
CREATE POLICY purger ON ave.purges FOR INSERT TO {PURGER_ROLE} WITH CHECK (true);

-- Insert-only also for the table owner (rights and policies do not bind an owner's TRUNCATE):
-- only the purge function, running as the purger role, deletes decisions.
CREATE FUNCTION ave.insert_only() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    IF TG_OP = 'DELETE' AND current_user = '{PURGER_ROLE}' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ave.%: alleen toevoegen; % mag niet (ave purge verwijdert afgesloten casussen)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $f$;
CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ave.decisions
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.decisions
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ave.toegang
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.toegang
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ave.purges
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.purges
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();

-- The only way to delete: closed cases the caller's teams may see, recorded without content.
CREATE FUNCTION ave.purge(keys text[], by text, closed_before text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    allowed text[];
    removed integer;
    first timestamptz;
    last timestamptz;
BEGIN
    SELECT coalesce(array_agg(c.case_key), '{{}}') INTO allowed FROM ave.cases c
    WHERE c.case_key = ANY (keys) AND c.closed = 1
      AND pg_has_role(session_user, c.team, 'MEMBER');
    SELECT min(written_at), max(written_at) INTO first, last FROM ave.decisions
    WHERE case_key = ANY (allowed);
    DELETE FROM ave.decisions WHERE case_key = ANY (allowed);
    GET DIAGNOSTICS removed = ROW_COUNT;
    DELETE FROM ave.cases WHERE case_key = ANY (allowed);
    DELETE FROM ave.shares WHERE case_key = ANY (allowed);
    IF removed > 0 THEN
        INSERT INTO ave.purges (by, closed_before, cases, decisions, first_at, last_at)
        VALUES (by, closed_before, cardinality(allowed), removed, first, last);
    END IF;
    RETURN removed;
END $f$;
GRANT CREATE ON SCHEMA ave TO {PURGER_ROLE};  -- needed to hand over the function, taken back
ALTER FUNCTION ave.purge(text[], text, text) OWNER TO {PURGER_ROLE};
REVOKE CREATE ON SCHEMA ave FROM {PURGER_ROLE};
REVOKE ALL ON FUNCTION ave.purge(text[], text, text) FROM PUBLIC;

GRANT USAGE ON SCHEMA ave TO {USER_ROLE}, {PURGER_ROLE};
GRANT SELECT ON ave.meta, ave.teams TO {USER_ROLE};
GRANT SELECT, INSERT ON ave.decisions, ave.toegang, ave.shares TO {USER_ROLE};
GRANT SELECT, INSERT, UPDATE ON ave.cases TO {USER_ROLE};
GRANT SELECT ON ave.purges TO {USER_ROLE};
GRANT USAGE ON SEQUENCE ave.decisions_seq_seq, ave.toegang_seq_seq TO {USER_ROLE};
GRANT EXECUTE ON FUNCTION ave.my_teams(), ave.shared_cases() TO {USER_ROLE}, {PURGER_ROLE};
GRANT EXECUTE ON FUNCTION ave.purge(text[], text, text) TO {USER_ROLE};
GRANT SELECT, DELETE ON ave.decisions, ave.cases, ave.shares TO {PURGER_ROLE};
GRANT SELECT ON ave.teams TO {PURGER_ROLE};
GRANT SELECT, INSERT ON ave.purges TO {PURGER_ROLE};
GRANT USAGE ON SEQUENCE ave.purges_seq_seq TO {PURGER_ROLE};
"""

STEPS = {1: _STEP_1}


def init_sql(current: int) -> list[str]:
    """The statements that bring a database at schema version `current` (0: none) to VERSION."""
    statements = [_ROLES]
    statements += [STEPS[v] for v in range(current + 1, VERSION + 1)]
    return statements
