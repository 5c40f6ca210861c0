"""The PostgreSQL store's schema, versioned: `ave store init` applies it in one transaction
(running it again changes nothing; a store of version 1 is moved to this one, pgadmin.py).

The store holds against its own members, following PostgreSQL's own guidance for definer
functions and row-level security:
- `ave_owner` (NOLOGIN, and nobody is made a member) owns the schema, every table and every
  function. The administrator login that runs `ave store init` creates it and is not left a
  member of it, nor of `ave_purger`.
- Members (`ave_user`, granted to every team role, so to every member of a team) may only
  SELECT, under forced row-level security. Every write is a SECURITY DEFINER function owned by
  `ave_owner` with `search_path = pg_catalog, pg_temp` and schema-qualified names throughout,
  that checks what it is given and who calls it (`session_user`, which SET ROLE does not
  change): `ave.write` (decisions), `ave.record_access`, `ave.share`, `ave.purge`.
- The case table (phase, closed, team, state) is derived by `ave.write` from the insert-only
  decisions; nobody writes it. Purge and every authorisation read the decisions.
- The access log is the server's word: who (the login), when (`now()`) and the team are set
  here, and each team's rows are a hash chain whose head is kept in `ave.heads`.
- Case ids are unique per team (another team's case of the same id is simply another case, so
  no refusal tells anyone what another team has); numbering is per team.
"""

from __future__ import annotations

VERSION = 3  # 3: the afspraken of the plan (ave.afspraken, folded by ave.write)
OWNER_ROLE = "ave_owner"
USER_ROLE = "ave_user"
PURGER_ROLE = "ave_purger"
ADMIN_ROLE = "ave_admin"
PHASE_KINDS = ("triage", "escalation", "deescalation", "close", "reevaluation")
AFSPRAAK_KINDS = ("afspraak", "afspraak-stand")
DECISION_KINDS = PHASE_KINDS + AFSPRAAK_KINDS
_PLAN = ", ".join(f"'{k}'" for k in AFSPRAAK_KINDS)
DATE = r"^\d{4}-\d\d-\d\d$"
# ISO 8601 as Python writes an aware time: seconds, maybe microseconds, an offset
TIME = (r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?"
        r"[+-]\d\d:\d\d(:\d\d(\.\d{1,6})?)?$")
CASE_ID = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"  # as decisions.CASE_ID, anchored at the very end
TEAM_NAME = "^[a-z][a-z0-9_]{0,62}$"
MAX_TEAM_DIGITS = 8  # a BSN has nine: a team name can never hold one

# The roles, cluster-wide (every database of the cluster shares them). The administrator may
# create objects for the owner only while it is a member: granted here, revoked at the end.
ROLES = f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
    CREATE ROLE {OWNER_ROLE} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{USER_ROLE}') THEN
    CREATE ROLE {USER_ROLE} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{PURGER_ROLE}') THEN
    CREATE ROLE {PURGER_ROLE} NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '{ADMIN_ROLE}') THEN
    CREATE ROLE {ADMIN_ROLE} NOLOGIN;
  END IF;
END $$;
ALTER ROLE {OWNER_ROLE} NOLOGIN;
GRANT {OWNER_ROLE} TO CURRENT_USER;
GRANT {ADMIN_ROLE} TO CURRENT_USER;
"""

# What the administrator gives up at the end of `ave store init`.
LET_GO = f"""
RESET ROLE;
REVOKE {OWNER_ROLE} FROM CURRENT_USER;
DO $$ BEGIN
  IF pg_catalog.pg_has_role(CURRENT_USER, '{PURGER_ROLE}', 'MEMBER')
     AND NOT (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = CURRENT_USER) THEN
    EXECUTE 'REVOKE {PURGER_ROLE} FROM ' || pg_catalog.quote_ident(CURRENT_USER);
  END IF;
END $$;
"""

# The afspraken of the plan as they stand, folded by ave.write from the insert-only records
# (each row keeps its records' JSON texts, in order); nobody writes it.
AFSPRAKEN_TABLE = """
CREATE TABLE ave.afspraken (
    team text NOT NULL,
    case_key text NOT NULL,
    nummer text NOT NULL,
    open boolean NOT NULL,
    uiterlijk date NOT NULL,
    records text[] NOT NULL,
    PRIMARY KEY (team, case_key, nummer),
    FOREIGN KEY (team, case_key) REFERENCES ave.cases
);
CREATE INDEX afspraken_due ON ave.afspraken (open, uiterlijk);
"""

# The tables, made as the owner (the administrator has SET ROLE to it).
TABLES = f"""
CREATE SCHEMA ave AUTHORIZATION {OWNER_ROLE};
SET LOCAL ROLE {OWNER_ROLE};
CREATE TABLE ave.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE ave.teams (
    name text PRIMARY KEY CHECK (name ~ '{TEAM_NAME}'
        AND length(regexp_replace(name, '[^0-9]', '', 'g')) <= {MAX_TEAM_DIGITS}),
    id integer GENERATED ALWAYS AS IDENTITY UNIQUE  -- names its sequence, ave.decisions_<id>
);
-- per team: how many access records it has, and the hash of the last (its chain's head)
CREATE TABLE ave.heads (
    team text PRIMARY KEY REFERENCES ave.teams,
    accesses bigint NOT NULL DEFAULT 0,
    access_head text NOT NULL DEFAULT ''
);
CREATE TABLE ave.decisions (
    team text NOT NULL REFERENCES ave.teams,  -- the case's owning team
    seq bigint NOT NULL,                      -- numbered per team (its own sequence)
    id text NOT NULL,
    case_key text NOT NULL,
    record text NOT NULL,   -- the record as JSON; its seal is the sha256 of its canonical form
    seal text NOT NULL,
    prev text NOT NULL,     -- the seal of the case's decision before it ('' for its first)
    written_by name NOT NULL,
    written_at timestamptz NOT NULL,
    PRIMARY KEY (team, seq),
    UNIQUE (team, id),
    UNIQUE (team, case_key, prev)   -- two writers on the same case state: one of them wins
);
CREATE INDEX decisions_by_case ON ave.decisions (team, case_key, seq);
CREATE TABLE ave.cases (
    team text NOT NULL REFERENCES ave.teams,
    case_key text NOT NULL,
    case_id text NOT NULL,
    head text NOT NULL,
    state text NOT NULL,
    phase text, closed integer NOT NULL, since_ts double precision, last_ts double precision,
    last_kind text, kapstok text, casusregisseur text, procesregisseur text,
    advice_roles text, deciders text,
    first_seq bigint NOT NULL,
    PRIMARY KEY (team, case_key)
);
CREATE INDEX cases_by_key ON ave.cases (case_key);
CREATE INDEX cases_open ON ave.cases (closed, team, first_seq);
CREATE TABLE ave.shares (
    team text NOT NULL,
    case_key text NOT NULL,
    shared_with text NOT NULL REFERENCES ave.teams,
    shared_by name NOT NULL,
    shared_at timestamptz NOT NULL,
    PRIMARY KEY (team, case_key, shared_with),
    FOREIGN KEY (team, case_key) REFERENCES ave.cases
);
CREATE TABLE ave.toegang (
    team text NOT NULL REFERENCES ave.teams,
    seq bigint NOT NULL,
    at timestamptz NOT NULL,
    who name NOT NULL,        -- the database login (session_user)
    by text NOT NULL,         -- the name the person gave (--by, $AVE_BY)
    action text NOT NULL,
    result text NOT NULL,
    case_ids text[] NOT NULL,
    body text NOT NULL,       -- the row as the hash covers it
    prev text NOT NULL,       -- the hash of the team's row before it ('' for its first)
    hash text NOT NULL,
    PRIMARY KEY (team, seq)
);
{AFSPRAKEN_TABLE}
CREATE TABLE ave.purges (
    team text NOT NULL REFERENCES ave.teams,
    at timestamptz NOT NULL,
    who name NOT NULL,
    by text NOT NULL, closed_before text NOT NULL, cases integer NOT NULL,
    decisions integer NOT NULL, first_at timestamptz, last_at timestamptz
);
"""

# A row this person may see: of one of their teams, or of a case shared with one of them. The
# functions are wrapped in a sub-select so PostgreSQL works them out once per query, not per row.
_MINE = ("(team = ANY ((SELECT ave.my_teams())::text[]) "
         "OR (team || '/' || case_key) = ANY ((SELECT ave.shared_cases())::text[]))")

AFSPRAKEN_GUARDS = f"""
ALTER TABLE ave.afspraken ENABLE ROW LEVEL SECURITY;
ALTER TABLE ave.afspraken FORCE ROW LEVEL SECURITY;
CREATE POLICY team_reads ON ave.afspraken FOR SELECT TO {USER_ROLE} USING {_MINE};
CREATE POLICY definer ON ave.afspraken TO {OWNER_ROLE} USING (true) WITH CHECK (true);
CREATE TRIGGER insert_only BEFORE DELETE ON ave.afspraken
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.afspraken
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();
REVOKE ALL ON ave.afspraken FROM PUBLIC;
GRANT SELECT ON ave.afspraken TO {USER_ROLE};
"""

# Everything that guards the tables: helpers, policies, triggers, the definer functions, rights.
GUARDS = f"""
SET LOCAL ROLE {OWNER_ROLE};

-- The teams of the person logged in (session_user: SET ROLE does not change it).
CREATE OR REPLACE FUNCTION ave.my_teams() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce(pg_catalog.array_agg(t.name ORDER BY t.name), '{{}}')
    FROM ave.teams t JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) t.name
    WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')
$f$;
-- 'team/case_key' of every case shared with one of those teams.
CREATE OR REPLACE FUNCTION ave.shared_cases() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce(pg_catalog.array_agg(s.team OPERATOR(pg_catalog.||) '/'
                                         OPERATOR(pg_catalog.||) s.case_key), '{{}}')
    FROM ave.shares s WHERE s.shared_with OPERATOR(pg_catalog.=) ANY (ave.my_teams())
$f$;
-- Which case an id means for this person: of `p_team` first, then of their other teams (by
-- name), then a case shared with them; NULL: none (a new case of their team).
CREATE OR REPLACE FUNCTION ave.resolve(p_keys text[], p_team text)
RETURNS TABLE (case_key text, team text) LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
    SELECT k.key, (
        SELECT c.team FROM ave.cases c
        WHERE c.case_key = k.key
          AND (c.team = ANY (m.mine) OR (c.team || '/' || c.case_key) = ANY (m.shared))
        ORDER BY c.team = p_team AND c.team = ANY (m.mine) DESC, c.team = ANY (m.mine) DESC,
                 c.team LIMIT 1)
    FROM (SELECT DISTINCT x AS key FROM unnest(p_keys) AS x) k,
         (SELECT ave.my_teams() AS mine, ave.shared_cases() AS shared) m
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
ALTER TABLE ave.heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE ave.heads FORCE ROW LEVEL SECURITY;

CREATE POLICY team_reads ON ave.decisions FOR SELECT TO {USER_ROLE} USING {_MINE};
CREATE POLICY team_reads ON ave.cases FOR SELECT TO {USER_ROLE} USING {_MINE};
CREATE POLICY team_reads ON ave.shares FOR SELECT TO {USER_ROLE}
    USING (team = ANY ((SELECT ave.my_teams())::text[])
           OR shared_with = ANY ((SELECT ave.my_teams())::text[]));
CREATE POLICY team_reads ON ave.toegang FOR SELECT TO {USER_ROLE}
    USING (team = ANY ((SELECT ave.my_teams())::text[]) OR who = session_user);
CREATE POLICY team_reads ON ave.purges FOR SELECT TO {USER_ROLE}
    USING (team = ANY ((SELECT ave.my_teams())::text[]));
CREATE POLICY team_reads ON ave.heads FOR SELECT TO {USER_ROLE}
    USING (team = ANY ((SELECT ave.my_teams())::text[]));
-- The definer functions run as the owner: they see every row and check the caller themselves.
CREATE POLICY definer ON ave.decisions TO {OWNER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY definer ON ave.cases TO {OWNER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY definer ON ave.shares TO {OWNER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY definer ON ave.toegang TO {OWNER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY definer ON ave.purges TO {OWNER_ROLE} USING (true) WITH CHECK (true);
CREATE POLICY definer ON ave.heads TO {OWNER_ROLE} USING (true) WITH CHECK (true);

-- Insert-only, also for the owner (rights do not bind an owner): only ave.purge deletes
-- decisions, cases and shares, and nothing ever changes or deletes an access or purge record.
CREATE OR REPLACE FUNCTION ave.insert_only() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME IN ('decisions', 'cases', 'shares', 'afspraken')
       AND current_setting('ave.purging', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'ave.%: alleen toevoegen; % mag niet (ave purge verwijdert afgesloten casussen)',
        TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $f$;
CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ave.decisions
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.decisions
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only BEFORE DELETE ON ave.cases
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.cases
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ave.shares
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ave.toegang
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.toegang
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only BEFORE UPDATE OR DELETE ON ave.purges
    FOR EACH ROW EXECUTE FUNCTION ave.insert_only();
CREATE TRIGGER insert_only_truncate BEFORE TRUNCATE ON ave.purges
    FOR EACH STATEMENT EXECUTE FUNCTION ave.insert_only();

-- A team's own decision numbers.
CREATE OR REPLACE FUNCTION ave.team_sequence(p_team text) RETURNS regclass LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp AS $f$
    SELECT ('ave.decisions_' || t.id)::regclass FROM ave.teams t WHERE t.name = p_team
$f$;

-- One access record in a team's chain: the server's time and login; the hash covers the body
-- and the hash of the row before it. Not granted to anyone: ave.record_access, ave.share and
-- the upgrade call it.
CREATE OR REPLACE FUNCTION ave.chain_access(p_team text, p_at timestamptz, p_who name, p_by text,
                                 p_action text, p_result text, p_ids text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    v_seq bigint;
    v_prev text;
    v_body text;
    v_hash text;
BEGIN
    UPDATE ave.heads SET accesses = accesses + 1 WHERE team = p_team
        RETURNING accesses, access_head INTO v_seq, v_prev;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'ave: team % bestaat niet', p_team USING ERRCODE = 'foreign_key_violation';
    END IF;
    v_body := jsonb_build_object(
        'team', p_team, 'seq', v_seq,
        'at', to_char(p_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        'who', p_who::text, 'by', p_by, 'action', p_action, 'result', p_result,
        'cases', to_jsonb(p_ids))::text;
    v_hash := encode(sha256(convert_to(v_prev || v_body, 'UTF8')), 'hex');
    INSERT INTO ave.toegang (team, seq, at, who, by, action, result, case_ids, body, prev, hash)
    VALUES (p_team, v_seq, p_at, p_who, p_by, p_action, p_result, p_ids, v_body, v_prev, v_hash);
    UPDATE ave.heads SET access_head = v_hash WHERE team = p_team;
END $f$;

-- What a person may put in the access log: a command, a result, cases they may see (of their
-- own teams, existing or not, or shared with them; '' as the team: resolved as ave.resolve
-- does, a case not found being of `p_team`, else of their first team).
CREATE OR REPLACE FUNCTION ave.record_access(p_team text, p_by text, p_action text, p_result text,
                                  p_teams text[], p_ids text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    v_mine text[] := ave.my_teams();
    v_shared text[] := ave.shared_cases();
    v_default text;
    v_ids text;
    g record;
BEGIN
    v_default := CASE WHEN p_team = ANY (v_mine) THEN p_team ELSE v_mine[1] END;
    IF v_default IS NULL THEN
        RAISE EXCEPTION 'ave: % is lid van geen enkel team', session_user
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_by IS NULL OR length(p_by) > 200 OR p_by ~ '[[:cntrl:]]'
       OR p_action IS NULL OR p_action !~ '^[a-z][a-z0-9_ -]{{0,80}}$'
       OR p_result IS NULL OR p_result !~ '^[a-z][a-z ]{{0,40}}$'
       OR cardinality(p_ids) IS DISTINCT FROM cardinality(p_teams)
       OR array_position(p_ids, NULL) IS NOT NULL OR array_position(p_teams, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'ave: geen geldig toegangsrecord' USING ERRCODE = 'check_violation';
    END IF;
    -- every id a case id (as CASE_ID says), checked over all of them at once: only the allowed
    -- characters, none empty, longer than 64 or starting with '.', '_' or '-'
    v_ids := E'\n' || array_to_string(p_ids, E'\n') || E'\n';
    IF v_ids ~ E'[^\nA-Za-z0-9._-]' OR v_ids ~ E'\n(\n|[._-])' OR v_ids ~ E'[^\n]{{65}}' THEN
        RAISE EXCEPTION 'ave: geen geldig casusnummer in het toegangsrecord'
            USING ERRCODE = 'check_violation';
    END IF;
    -- a case named with its team must be of one of the caller's teams or shared with one
    IF EXISTS (SELECT FROM unnest(p_ids, p_teams) AS x(id, team)
               WHERE x.team <> '' AND NOT (x.team = ANY (v_mine))
                 AND NOT ((x.team || '/' || lower(x.id)) = ANY (v_shared))) THEN
        RAISE EXCEPTION 'ave: geen toegang tot deze casussen'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_teams[1] <> '' AND NOT EXISTS (SELECT FROM unnest(p_teams) AS t WHERE t <> p_teams[1]) THEN
        -- all of one team (a report of one team's cases): in the order given, as they are
        PERFORM ave.chain_access(p_teams[1], now(), session_user, p_by, p_action, p_result, p_ids);
        RETURN;
    END IF;
    FOR g IN
        SELECT coalesce(nullif(x.team, ''), f.team, v_default) AS team,
               array_agg(x.id ORDER BY x.n) AS ids
        FROM unnest(p_ids, p_teams) WITH ORDINALITY AS x(id, team, n)
        LEFT JOIN ave.resolve(ARRAY(SELECT lower(u.id) FROM unnest(p_ids, p_teams) AS u(id, team)
                                    WHERE u.team = ''), p_team) f
               ON x.team = '' AND f.case_key = lower(x.id)
        GROUP BY 1 ORDER BY 1
    LOOP
        PERFORM ave.chain_access(g.team, now(), session_user, p_by, p_action, p_result, g.ids);
    END LOOP;
END $f$;

-- Decisions, a piece of an append at a time (the caller's transaction holds them all). Each
-- record comes as its JSON text, its canonical text (the same JSON value, keys sorted: what the
-- seal covers) and its seal: the seal must be the canonical text's sha256, the record must
-- chain onto its case's head, the case must be one the caller may see (or new, then of
-- `p_team`, one of the caller's teams), and only the case's own team may close it. The case
-- rows are folded on here from the decisions, as cases.apply does, in set-based statements.
CREATE OR REPLACE FUNCTION ave.write(p_team text, p_records text[], p_canonical text[], p_seals text[])
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    v_mine text[] := ave.my_teams();
    v_teams text[];    -- per record: the team of its case (its own, or p_team for a new case)
    v_owners text[];   -- per record: the team of its case when it exists already, else NULL
    v_json jsonb[];    -- per record: its JSON, parsed once
    v_bad record;
    t record;
    a record;
    v_bases jsonb := '{{}}';
BEGIN
    IF cardinality(p_records) IS DISTINCT FROM cardinality(p_seals)
       OR cardinality(p_canonical) IS DISTINCT FROM cardinality(p_seals) THEN
        RAISE EXCEPTION 'ave: records en zegels zijn niet even veel' USING ERRCODE = 'check_violation';
    END IF;
    IF coalesce(cardinality(p_records), 0) = 0 THEN
        RETURN 0;
    END IF;
    -- each record parsed once, and which case it is about (the sub-selects below are kept
    -- apart with OFFSET 0, so that a value is worked out once, not again at every use)
    v_json := ARRAY(SELECT x::jsonb FROM unnest(p_records) AS x);
    SELECT array_agg(coalesce(f.team, p_team) ORDER BY g.n), array_agg(f.team ORDER BY g.n)
    INTO v_teams, v_owners
    FROM (SELECT x.n, lower(x.j->>'case') AS key
          FROM unnest(v_json) WITH ORDINALITY AS x(j, n)) g
    LEFT JOIN ave.resolve(ARRAY(SELECT lower(j->>'case') FROM unnest(v_json) j), p_team) f
           ON f.case_key = g.key;
    -- the first record that may not be stored, and why
    SELECT c.n, c.problem, c.j->>'case' AS case_id INTO v_bad FROM (
        SELECT g.n, g.j, CASE
            WHEN g.seal IS NULL OR g.seal !~ '^[0-9a-f]{{64}}$'
                 OR g.seal <> encode(sha256(convert_to(g.canon, 'UTF8')), 'hex')
                 OR g.canon::jsonb <> g.j THEN 'seal'
            WHEN jsonb_typeof(g.j) IS DISTINCT FROM 'object' OR g.j->'format' IS DISTINCT FROM '2'
                 OR coalesce(g.j->>'case', '') !~ '{CASE_ID}'
                 OR coalesce(g.j->>'id', '') = '' OR coalesce(g.j->>'by', '') = ''
                 OR coalesce(g.j->>'kind', '') NOT IN ({", ".join(f"'{k}'" for k in DECISION_KINDS)})
                 OR coalesce(g.j->>'time', '') !~ '{TIME}'
                 OR (g.j->>'kind' NOT IN ('close', {_PLAN})
                     AND coalesce(g.j->>'phase_after', '') = '')
                 OR (g.j->>'kind' IN ({_PLAN}) AND (
                     coalesce(g.j->>'afspraak', '') !~ '^A[1-9][0-9]{{0,8}}$'
                     OR coalesce(g.j->>'phase_after', '') <> ''
                     OR (g.owner IS NULL AND lag(g.n) OVER (PARTITION BY g.team,
                         lower(g.j->>'case') ORDER BY g.n) IS NULL)
                     OR (g.j->>'kind' = 'afspraak' AND (
                         coalesce(g.j->>'uiterlijk', '') !~ '{DATE}'
                         OR coalesce(g.j->>'wat', '') = '' OR coalesce(g.j->>'wie', '') = ''
                         OR coalesce(g.j->>'leefgebied', '') = ''))
                     OR (g.j->>'kind' = 'afspraak-stand' AND (
                         coalesce(g.j->>'stand', '') NOT IN ('gedaan', 'vervallen', 'verlengd')
                         OR (g.j->>'stand' = 'verlengd')
                            <> (coalesce(g.j->>'uiterlijk', '') ~ '{DATE}')))))
                THEN 'invalid'
            WHEN g.owner IS NULL AND (p_team IS NULL OR NOT (p_team = ANY (v_mine))) THEN 'team'
            WHEN g.j->>'kind' = 'close' AND g.owner IS NOT NULL AND NOT (g.owner = ANY (v_mine))
                THEN 'close'
            WHEN g.j->>'kind' IN ({_PLAN}) AND coalesce(
                     g.earlier[cardinality(g.earlier)] = 'close', cs.closed = 1, false)
                THEN 'closed'
            WHEN coalesce(g.j->>'prev', '')
                 <> coalesce(lag(g.seal) OVER (PARTITION BY g.team, lower(g.j->>'case')
                                               ORDER BY g.n), cs.head, '') THEN 'chain'
            END AS problem
        FROM (SELECT x.n, x.canon, x.seal, x.team, x.owner, x.j,
                     -- the kinds of the case's records about its fase before this one, here
                     array_agg(x.j->>'kind') FILTER (WHERE x.j->>'kind' NOT IN ({_PLAN}))
                         OVER (PARTITION BY x.team, lower(x.j->>'case') ORDER BY x.n
                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier
              FROM unnest(p_canonical, p_seals, v_teams, v_owners, v_json)
                   WITH ORDINALITY AS x(canon, seal, team, owner, j, n)) g
        LEFT JOIN ave.cases cs ON cs.team = g.owner AND cs.case_key = lower(g.j->>'case')) c
    WHERE c.problem IS NOT NULL ORDER BY c.n LIMIT 1;
    IF v_bad.problem = 'seal' THEN
        RAISE EXCEPTION 'ave: het zegel van record % klopt niet', v_bad.n
            USING ERRCODE = 'check_violation';
    ELSIF v_bad.problem = 'invalid' THEN
        RAISE EXCEPTION 'ave: record % is geen geldig besluit', v_bad.n
            USING ERRCODE = 'check_violation';
    ELSIF v_bad.problem = 'team' THEN
        RAISE EXCEPTION 'ave: % is geen lid van team %', session_user, p_team
            USING ERRCODE = 'insufficient_privilege';
    ELSIF v_bad.problem = 'close' THEN
        RAISE EXCEPTION 'ave: alleen het team van casus % mag hem afsluiten', v_bad.case_id
            USING ERRCODE = 'insufficient_privilege';
    ELSIF v_bad.problem = 'closed' THEN
        RAISE EXCEPTION 'ave: casus % is afgesloten', v_bad.case_id
            USING ERRCODE = 'check_violation';
    ELSIF v_bad.problem = 'chain' THEN
        RAISE EXCEPTION 'ave: casus % is intussen bijgewerkt', v_bad.case_id
            USING ERRCODE = 'unique_violation';
    END IF;
    -- numbers from each team's own sequence (it never waits for another writer), handed out
    -- in the order given
    FOR t IN SELECT x AS team, count(*) AS n FROM unnest(v_teams) AS x GROUP BY x ORDER BY x LOOP
        v_bases := v_bases || jsonb_build_object(t.team, to_jsonb(ARRAY(
            SELECT v FROM (SELECT nextval(ave.team_sequence(t.team)) AS v
                           FROM generate_series(1, t.n)) s ORDER BY v)));
    END LOOP;
    INSERT INTO ave.decisions (team, seq, id, case_key, record, seal, prev, written_by, written_at)
    SELECT d.team, (v_bases->d.team->>(d.pos - 1)::int)::bigint, d.j->>'id',
           lower(d.j->>'case'), d.text, d.seal, coalesce(d.j->>'prev', ''), session_user, now()
    FROM (SELECT x.n, x.text, x.seal, x.team, x.j,
                 row_number() OVER (PARTITION BY x.team ORDER BY x.n) AS pos
          FROM unnest(p_records, p_seals, v_teams, v_json)
               WITH ORDINALITY AS x(text, seal, team, j, n)) d
    ORDER BY d.n;
    -- the case rows, folded on: the state as cases.to_json writes it, the summary as
    -- cases.summary. Each field is what the last decision that sets it says, else what the
    -- state stored before (s0) says; a new case with one decision here (a batch) takes its row
    -- straight from that decision.
    WITH g AS MATERIALIZED (
        SELECT x.n, x.seal, x.team, x.j, x.j->>'kind' AS kind, lower(x.j->>'case') AS key,
               CASE WHEN x.j->>'kind' = 'close' THEN NULL ELSE x.j->>'phase_after' END AS phase,
               CASE WHEN coalesce(x.j->'advice_roles', '[]') <> '[]' THEN x.j->'advice_roles'
                    ELSE (SELECT coalesce(jsonb_agg(''::text), '[]') FROM generate_series(
                              1, jsonb_array_length(coalesce(x.j->'advice', '[]')))) END AS roles,
               cs.state::jsonb AS s0, cs.first_seq,
               row_number() OVER (PARTITION BY x.team ORDER BY x.n) AS pos,
               count(*) OVER (PARTITION BY x.team, lower(x.j->>'case')) AS decisions
        FROM unnest(p_seals, v_teams, v_owners, v_json)
             WITH ORDINALITY AS x(seal, team, owner, j, n)
        LEFT JOIN ave.cases cs ON cs.team = x.owner AND cs.case_key = lower(x.j->>'case')
        WHERE x.j->>'kind' NOT IN ({_PLAN})),  -- the plan's records change no case state
    r AS MATERIALIZED (
        SELECT g.*,
               -- the decision changes the fase (or closes, or reopens): `since` moves
               g.kind = 'close'
               OR coalesce(lag(g.kind = 'close') OVER w, (g.s0->>'closed')::boolean, false)
               OR (g.j->>'phase_after') IS DISTINCT FROM
                  CASE WHEN lag(g.n) OVER w IS NULL THEN g.s0->>'phase'
                       ELSE lag(g.phase) OVER w END AS changes
        FROM g WHERE g.s0 IS NOT NULL OR g.decisions > 1
        WINDOW w AS (PARTITION BY g.team, g.key ORDER BY g.n)),
    f AS (
        SELECT g.team, g.key, NULL::bigint AS first_seq, g.pos AS first_pos,
               g.j->>'case' AS case_id, g.seal AS head, g.kind, g.j->>'time' AS last,
               g.j->'kapstok'->>'name' AS kapstok, g.phase, g.kind = 'close' AS closed,
               g.j->>'time' AS since,
               g.kind <> 'close' AND (g.j->>'axis') IS DISTINCT FROM 'vertical'
                   AND (g.j->>'advised_phase') IS DISTINCT FROM g.phase AS departs,
               CASE WHEN g.kind <> 'close' AND coalesce(g.j->'answers', '{{}}') <> '{{}}'
                    THEN g.j->'answers' ELSE '{{}}' END AS answers,
               CASE WHEN g.kind IN ('triage', 'reevaluation')
                    THEN coalesce(g.j->'advice', '[]') ELSE '[]' END AS advice,
               CASE WHEN g.kind IN ('triage', 'reevaluation') THEN g.roles ELSE '[]' END AS roles,
               CASE WHEN g.kind <> 'close' THEN coalesce(g.j->>'casusregisseur', '')
                    ELSE '' END AS casus,
               CASE WHEN g.kind <> 'close' THEN coalesce(g.j->>'procesregisseur', '')
                    ELSE '' END AS proces,
               jsonb_build_array(g.j->>'by') AS deciders
        FROM g WHERE g.s0 IS NULL AND g.decisions = 1
        UNION ALL
        SELECT r.team, r.key, min(r.first_seq), min(r.pos),
               coalesce((array_agg(r.s0->>'case'))[1], (array_agg(r.j->>'case' ORDER BY r.n))[1]),
               (array_agg(r.seal ORDER BY r.n DESC))[1],
               (array_agg(r.kind ORDER BY r.n DESC))[1],
               (array_agg(r.j->>'time' ORDER BY r.n DESC))[1],
               (array_agg(r.j->'kapstok'->>'name' ORDER BY r.n DESC))[1],
               (array_agg(r.phase ORDER BY r.n DESC))[1],
               (array_agg(r.kind ORDER BY r.n DESC))[1] = 'close',
               coalesce((array_agg(r.j->>'time' ORDER BY r.n DESC) FILTER (WHERE r.changes))[1],
                        (array_agg(r.s0->>'since'))[1]),
               coalesce((array_agg((r.j->>'advised_phase') IS DISTINCT FROM r.phase
                                   ORDER BY r.n DESC)
                         FILTER (WHERE r.kind <> 'close'
                                 AND (r.j->>'axis') IS DISTINCT FROM 'vertical'))[1],
                        (array_agg((r.s0->>'departs')::boolean))[1], false),
               coalesce((array_agg(r.j->'answers' ORDER BY r.n DESC)
                         FILTER (WHERE r.kind <> 'close'
                                 AND coalesce(r.j->'answers', '{{}}') <> '{{}}'))[1],
                        (array_agg(r.s0->'answers'))[1], '{{}}'),
               coalesce((array_agg(coalesce(r.j->'advice', '[]') ORDER BY r.n DESC)
                         FILTER (WHERE r.kind IN ('triage', 'reevaluation')))[1],
                        (array_agg(r.s0->'advice'))[1], '[]'),
               coalesce((array_agg(r.roles ORDER BY r.n DESC)
                         FILTER (WHERE r.kind IN ('triage', 'reevaluation')))[1],
                        (array_agg(r.s0->'advice_roles'))[1], '[]'),
               coalesce((array_agg(r.j->>'casusregisseur' ORDER BY r.n DESC)
                         FILTER (WHERE r.kind <> 'close'
                                 AND coalesce(r.j->>'casusregisseur', '') <> ''))[1],
                        (array_agg(r.s0->>'casusregisseur'))[1], ''),
               coalesce((array_agg(r.j->>'procesregisseur' ORDER BY r.n DESC)
                         FILTER (WHERE r.kind <> 'close'
                                 AND coalesce(r.j->>'procesregisseur', '') <> ''))[1],
                        (array_agg(r.s0->>'procesregisseur'))[1], ''),
               (SELECT jsonb_agg(u.b ORDER BY u.first) FROM (
                    SELECT e.b, min(e.o) AS first
                    FROM unnest(ARRAY(SELECT jsonb_array_elements_text(
                                          coalesce((array_agg(r.s0->'deciders'))[1], '[]')))
                                || array_agg(r.j->>'by' ORDER BY r.n))
                         WITH ORDINALITY AS e(b, o)
                    GROUP BY e.b) u)
        FROM r GROUP BY r.team, r.key)
    INSERT INTO ave.cases AS c (team, case_key, case_id, head, state, phase, closed, since_ts,
                                last_ts, last_kind, kapstok, casusregisseur, procesregisseur,
                                advice_roles, deciders, first_seq)
    SELECT f.team, f.key, f.case_id, f.head,
           jsonb_build_object(
               'case', f.case_id, 'phase', f.phase, 'since', f.since, 'closed', f.closed,
               'casusregisseur', f.casus, 'procesregisseur', f.proces, 'answers', f.answers,
               'advice', f.advice, 'advice_roles', f.roles, 'departs', f.departs,
               'last_kind', f.kind, 'last_time', f.last, 'kapstok_name', f.kapstok,
               'deciders', f.deciders)::text,
           f.phase, f.closed::int, extract(epoch FROM f.since::timestamptz)::float8,
           extract(epoch FROM f.last::timestamptz)::float8, f.kind, f.kapstok, f.casus,
           f.proces,
           (SELECT coalesce(string_agg(e, ',' ORDER BY o), '')
            FROM jsonb_array_elements_text(f.roles) WITH ORDINALITY AS a(e, o)),
           (SELECT coalesce(string_agg(e, chr(31) ORDER BY o), '')
            FROM jsonb_array_elements_text(f.deciders) WITH ORDINALITY AS a(e, o)),
           coalesce(f.first_seq, (v_bases->f.team->>(f.first_pos - 1)::int)::bigint)
    FROM f
    ON CONFLICT (team, case_key) DO UPDATE SET
        head = excluded.head, state = excluded.state, phase = excluded.phase,
        closed = excluded.closed, since_ts = excluded.since_ts, last_ts = excluded.last_ts,
        last_kind = excluded.last_kind, kapstok = excluded.kapstok,
        casusregisseur = excluded.casusregisseur, procesregisseur = excluded.procesregisseur,
        advice_roles = excluded.advice_roles, deciders = excluded.deciders;
    IF EXISTS (SELECT FROM unnest(v_json) j WHERE j->>'kind' IN ({_PLAN})) THEN
        -- the case's head is its last record of any kind
        UPDATE ave.cases c SET head = h.seal FROM (
            SELECT DISTINCT ON (x.team, lower(x.j->>'case')) x.team, lower(x.j->>'case') AS key,
                   x.seal
            FROM unnest(p_seals, v_teams, v_json) WITH ORDINALITY AS x(seal, team, j, n)
            ORDER BY x.team, lower(x.j->>'case'), x.n DESC) h
        WHERE c.team = h.team AND c.case_key = h.key AND c.head <> h.seal;
        -- the afspraken, folded on in the order given: a number once per case, a change only
        -- of an open afspraak of an open case, a verlenging only to a later date
        FOR a IN SELECT x.team, lower(x.j->>'case') AS key, x.j, x.text
                 FROM unnest(v_teams, v_json, p_records) WITH ORDINALITY AS x(team, j, text, n)
                 WHERE x.j->>'kind' IN ({_PLAN}) ORDER BY x.n LOOP
            IF a.j->>'kind' = 'afspraak' THEN
                INSERT INTO ave.afspraken (team, case_key, nummer, open, uiterlijk, records)
                VALUES (a.team, a.key, a.j->>'afspraak', true, (a.j->>'uiterlijk')::date,
                        ARRAY[a.text])
                ON CONFLICT DO NOTHING;
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'ave: afspraak % van casus % bestaat al', a.j->>'afspraak',
                        a.j->>'case' USING ERRCODE = 'check_violation';
                END IF;
            ELSE
                UPDATE ave.afspraken f SET open = a.j->>'stand' = 'verlengd',
                    uiterlijk = coalesce((nullif(a.j->>'uiterlijk', ''))::date, f.uiterlijk),
                    records = f.records || a.text
                WHERE f.team = a.team AND f.case_key = a.key AND f.nummer = a.j->>'afspraak'
                  AND f.open AND (a.j->>'stand' <> 'verlengd'
                                  OR (a.j->>'uiterlijk')::date > f.uiterlijk);
                IF NOT FOUND THEN
                    RAISE EXCEPTION 'ave: afspraak % van casus % is er niet, is al afgerond '
                        'of wordt niet verlengd', a.j->>'afspraak', a.j->>'case'
                        USING ERRCODE = 'check_violation';
                END IF;
            END IF;
        END LOOP;
    END IF;
    RETURN cardinality(p_records);
END $f$;

-- Only the owning team shares a case, with a team that exists; recorded in its access log.
CREATE OR REPLACE FUNCTION ave.share(p_team text, p_case text, p_with text, p_by text)
RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    v_owner text;
    v_done integer;
BEGIN
    SELECT c.team INTO v_owner FROM ave.cases c
    WHERE c.case_key = lower(p_case) AND c.team = ANY (ave.my_teams())
    ORDER BY c.team = p_team DESC, c.team LIMIT 1;
    IF v_owner IS NULL THEN
        RAISE EXCEPTION 'ave: casus % is niet van een team van %', p_case, session_user
            USING ERRCODE = 'no_data_found';
    END IF;
    IF NOT EXISTS (SELECT FROM ave.teams WHERE name = p_with) THEN
        RAISE EXCEPTION 'ave: team % bestaat niet', p_with USING ERRCODE = 'undefined_object';
    END IF;
    IF p_with = v_owner THEN
        RETURN false;
    END IF;
    INSERT INTO ave.shares (team, case_key, shared_with, shared_by, shared_at)
    VALUES (v_owner, lower(p_case), p_with, session_user, now()) ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS v_done = ROW_COUNT;
    PERFORM ave.record_access(v_owner, p_by, 'share ' || p_with,
                              CASE WHEN v_done = 1 THEN 'ok' ELSE 'al gedeeld' END,
                              ARRAY[v_owner], ARRAY[p_case]);
    RETURN v_done = 1;
END $f$;

-- The only way to delete: cases of the caller's own teams whose latest decision (read from
-- the decisions, not the case table) is a close dated before `p_closed_before`. Only members
-- of ave_purger may call it; it records count, range and who in the same transaction, never
-- the content.
CREATE OR REPLACE FUNCTION ave.purge(p_keys text[], p_by text, p_closed_before text)
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    v_before date;
    v_removed integer := 0;
    t record;
    v_count integer;
BEGIN
    IF NOT pg_has_role(session_user, '{PURGER_ROLE}', 'MEMBER') THEN
        RAISE EXCEPTION 'ave: alleen leden van {PURGER_ROLE} mogen verwijderen'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_by IS NULL OR length(p_by) > 200 OR p_by ~ '[[:cntrl:]]'
       OR p_closed_before !~ '^\\d{{4}}-\\d\\d-\\d\\d$' THEN
        RAISE EXCEPTION 'ave: geen geldige opdracht tot verwijderen' USING ERRCODE = 'check_violation';
    END IF;
    v_before := p_closed_before::date;
    PERFORM set_config('ave.purging', 'on', true);
    FOR t IN
        WITH latest AS (
            SELECT DISTINCT ON (d.team, d.case_key) d.team, d.case_key, d.record::jsonb AS j
            FROM ave.decisions d
            WHERE d.case_key = ANY (p_keys) AND d.team = ANY (ave.my_teams())
            ORDER BY d.team, d.case_key, d.seq DESC),
        gone AS (
            SELECT l.team, array_agg(l.case_key) AS keys FROM latest l
            WHERE l.j->>'kind' = 'close' AND left(l.j->>'time', 10)::date < v_before
            GROUP BY l.team)
        SELECT g.team, g.keys, r.first, r.last
        FROM gone g, LATERAL (SELECT min(d.written_at) AS first, max(d.written_at) AS last
                              FROM ave.decisions d
                              WHERE d.team = g.team AND d.case_key = ANY (g.keys)) r
        ORDER BY g.team
    LOOP
        DELETE FROM ave.shares WHERE team = t.team AND case_key = ANY (t.keys);
        DELETE FROM ave.afspraken WHERE team = t.team AND case_key = ANY (t.keys);
        DELETE FROM ave.decisions WHERE team = t.team AND case_key = ANY (t.keys);
        GET DIAGNOSTICS v_count = ROW_COUNT;
        DELETE FROM ave.cases WHERE team = t.team AND case_key = ANY (t.keys);
        INSERT INTO ave.purges (team, at, who, by, closed_before, cases, decisions, first_at,
                                last_at)
        VALUES (t.team, now(), session_user, p_by, p_closed_before, cardinality(t.keys),
                v_count, t.first, t.last);
        v_removed := v_removed + v_count;
    END LOOP;
    PERFORM set_config('ave.purging', 'off', true);
    RETURN v_removed;
END $f$;

-- A team (its role made by the administrator, who holds ave_admin).
CREATE OR REPLACE FUNCTION ave.add_team(p_name text) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = p_name) THEN
        RAISE EXCEPTION 'ave: er is geen rol %', p_name USING ERRCODE = 'undefined_object';
    END IF;
    INSERT INTO ave.teams (name) VALUES (p_name) ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO ave.heads (team) VALUES (p_name);
    EXECUTE format('CREATE SEQUENCE ave.decisions_%s',
                   (SELECT t.id FROM ave.teams t WHERE t.name = p_name));
    RETURN true;
END $f$;

REVOKE ALL ON ALL TABLES IN SCHEMA ave FROM PUBLIC;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ave FROM PUBLIC;
GRANT USAGE ON SCHEMA ave TO {USER_ROLE}, {PURGER_ROLE}, {ADMIN_ROLE};
GRANT SELECT ON ave.meta, ave.teams TO {USER_ROLE}, {ADMIN_ROLE};
GRANT SELECT ON ave.decisions, ave.cases, ave.shares, ave.toegang, ave.purges, ave.heads
    TO {USER_ROLE};
{AFSPRAKEN_GUARDS}
GRANT EXECUTE ON FUNCTION ave.my_teams(), ave.shared_cases(), ave.resolve(text[], text),
    ave.write(text, text[], text[], text[]), ave.share(text, text, text, text),
    ave.record_access(text, text, text, text, text[], text[]) TO {USER_ROLE};
GRANT EXECUTE ON FUNCTION ave.purge(text[], text, text) TO {PURGER_ROLE};
GRANT EXECUTE ON FUNCTION ave.add_team(text) TO {ADMIN_ROLE};
"""


def _definition(name: str) -> str:
    """One function of GUARDS, as it stands there (CREATE OR REPLACE)."""
    start = GUARDS.index(f"CREATE OR REPLACE FUNCTION ave.{name}(")
    body = GUARDS.index("$f$", start)
    return GUARDS[start:GUARDS.index("$f$;", body + 3) + 4]


# From version 2 to 3 (as the owner): the afspraken table and its guards, and the functions
# that now know the plan's records (ave.write folds them, ave.purge removes them).
UPGRADE_2 = "\n".join([
    f"SET LOCAL ROLE {OWNER_ROLE};", AFSPRAKEN_TABLE,
    *(_definition(name) for name in ("insert_only", "write", "purge")),
    AFSPRAKEN_GUARDS, f"UPDATE ave.meta SET value = '{VERSION}' WHERE key = 'version';"])
