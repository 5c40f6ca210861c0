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

VERSION = 2
OWNER_ROLE = "ave_owner"
USER_ROLE = "ave_user"
PURGER_ROLE = "ave_purger"
ADMIN_ROLE = "ave_admin"
DECISION_KINDS = ("triage", "escalation", "deescalation", "close", "reevaluation")
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

# Everything that guards the tables: helpers, policies, triggers, the definer functions, rights.
GUARDS = f"""
SET LOCAL ROLE {OWNER_ROLE};

-- The teams of the person logged in (session_user: SET ROLE does not change it).
CREATE FUNCTION ave.my_teams() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce(pg_catalog.array_agg(t.name ORDER BY t.name), '{{}}')
    FROM ave.teams t JOIN pg_catalog.pg_roles r ON r.rolname OPERATOR(pg_catalog.=) t.name
    WHERE pg_catalog.pg_has_role(session_user, r.oid, 'MEMBER')
$f$;
-- 'team/case_key' of every case shared with one of those teams.
CREATE FUNCTION ave.shared_cases() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp AS $f$
    SELECT coalesce(pg_catalog.array_agg(s.team OPERATOR(pg_catalog.||) '/'
                                         OPERATOR(pg_catalog.||) s.case_key), '{{}}')
    FROM ave.shares s WHERE s.shared_with OPERATOR(pg_catalog.=) ANY (ave.my_teams())
$f$;
-- Which case an id means for this person: of `p_team` first, then of their other teams (by
-- name), then a case shared with them; NULL: none (a new case of their team).
CREATE FUNCTION ave.resolve(p_keys text[], p_team text)
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
CREATE FUNCTION ave.insert_only() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp AS $f$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME IN ('decisions', 'cases', 'shares')
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
CREATE FUNCTION ave.team_sequence(p_team text) RETURNS regclass LANGUAGE sql STABLE
SET search_path = pg_catalog, pg_temp AS $f$
    SELECT ('ave.decisions_' || t.id)::regclass FROM ave.teams t WHERE t.name = p_team
$f$;

-- One access record in a team's chain: the server's time and login; the hash covers the body
-- and the hash of the row before it. Not granted to anyone: ave.record_access, ave.share and
-- the upgrade call it.
CREATE FUNCTION ave.chain_access(p_team text, p_at timestamptz, p_who name, p_by text,
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
CREATE FUNCTION ave.record_access(p_team text, p_by text, p_action text, p_result text,
                                  p_teams text[], p_ids text[])
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    v_mine text[] := ave.my_teams();
    v_shared text[] := ave.shared_cases();
    v_default text;
    v_bad text;
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
       OR cardinality(p_ids) IS DISTINCT FROM cardinality(p_teams) THEN
        RAISE EXCEPTION 'ave: geen geldig toegangsrecord' USING ERRCODE = 'check_violation';
    END IF;
    SELECT x INTO v_bad FROM unnest(p_ids) AS x WHERE x IS NULL OR x !~ '{CASE_ID}' LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ave: % is geen casusnummer', v_bad USING ERRCODE = 'check_violation';
    END IF;
    FOR g IN
        WITH given AS (
            SELECT x.id, lower(x.id) AS key, nullif(x.team, '') AS team, x.n
            FROM unnest(p_ids, p_teams) WITH ORDINALITY AS x(id, team, n)),
        found AS (
            SELECT r.case_key, r.team FROM ave.resolve(
                ARRAY(SELECT key FROM given WHERE team IS NULL), p_team) r)
        SELECT coalesce(given.team, found.team, v_default) AS team,
               array_agg(given.id ORDER BY given.n) AS ids,
               bool_and(given.team IS NULL OR given.team = ANY (v_mine)
                        OR (given.team || '/' || given.key) = ANY (v_shared)) AS allowed
        FROM given LEFT JOIN found ON given.team IS NULL AND found.case_key = given.key
        GROUP BY 1 ORDER BY 1
    LOOP
        IF NOT g.allowed THEN
            RAISE EXCEPTION 'ave: geen toegang tot deze casussen'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM ave.chain_access(g.team, now(), session_user, p_by, p_action, p_result, g.ids);
    END LOOP;
END $f$;

-- Decisions, a piece of an append at a time (the caller's transaction holds them all). Each
-- record comes as its JSON text, its canonical text (the same JSON value, keys sorted: what the
-- seal covers) and its seal: the seal must be the canonical text's sha256, the record must
-- chain onto its case's head, the case must be one the caller may see (or new, then of
-- `p_team`, one of the caller's teams). The case rows are folded on here, as cases.apply does.
CREATE FUNCTION ave.write(p_team text, p_records text[], p_canonical text[], p_seals text[])
RETURNS integer LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $f$
DECLARE
    r record;
    v_mine text[] := ave.my_teams();
    cur text;          -- the team and key of the case being folded
    i integer := 0;    -- its place in the c_ arrays
    v_team text; v_key text; v_new boolean; v_pos bigint;
    v_owned boolean;   -- the case is of one of the caller's teams (not only shared with one)
    v_head text; v_case text; v_phase text; v_since text; v_closed boolean;
    v_casus text; v_proces text; v_answers jsonb; v_advice jsonb; v_roles jsonb;
    v_departs boolean; v_kind text; v_last text; v_kapstok text; v_deciders text[];
    -- the decisions, in the order given
    d_team text[] := '{{}}'; d_pos bigint[] := '{{}}'; d_key text[] := '{{}}';
    d_prev text[] := '{{}}'; d_n bigint[] := '{{}}'; d_id text[] := '{{}}';
    -- each case as folded so far
    c_team text[] := '{{}}'; c_key text[] := '{{}}'; c_id text[] := '{{}}';
    c_head text[] := '{{}}'; c_phase text[] := '{{}}'; c_since text[] := '{{}}';
    c_closed boolean[] := '{{}}'; c_casus text[] := '{{}}'; c_proces text[] := '{{}}';
    c_answers jsonb[] := '{{}}'; c_advice jsonb[] := '{{}}'; c_roles jsonb[] := '{{}}';
    c_departs boolean[] := '{{}}'; c_kind text[] := '{{}}'; c_last text[] := '{{}}';
    c_kapstok text[] := '{{}}'; c_deciders jsonb[] := '{{}}'; c_pos bigint[] := '{{}}';
    t record;
    v_bases jsonb := '{{}}';
BEGIN
    IF cardinality(p_records) IS DISTINCT FROM cardinality(p_seals)
       OR cardinality(p_canonical) IS DISTINCT FROM cardinality(p_seals) THEN
        RAISE EXCEPTION 'ave: records en zegels zijn niet even veel' USING ERRCODE = 'check_violation';
    END IF;
    FOR r IN
        WITH given AS (
            SELECT x.n, x.canon, x.seal, x.text::jsonb AS j
            FROM unnest(p_records, p_canonical, p_seals) WITH ORDINALITY AS x(text, canon, seal, n)),
        found AS (
            SELECT f.case_key, f.team
            FROM ave.resolve(ARRAY(SELECT lower(j->>'case') FROM given), p_team) f),
        placed AS (
            SELECT given.*, lower(given.j->>'case') AS key, found.team AS owner,
                   coalesce(found.team, p_team) AS tteam
            FROM given JOIN found ON found.case_key = lower(given.j->>'case'))
        SELECT placed.*, row_number() OVER (PARTITION BY placed.tteam ORDER BY placed.n) AS pos,
               c.head AS c_head, c.state AS c_state, c.first_seq AS c_first
        FROM placed LEFT JOIN ave.cases c ON c.team = placed.owner AND c.case_key = placed.key
        ORDER BY placed.tteam, placed.key, placed.n
    LOOP
        IF r.seal IS NULL OR r.seal !~ '^[0-9a-f]{{64}}$'
           OR r.seal <> encode(sha256(convert_to(r.canon, 'UTF8')), 'hex')
           OR r.canon::jsonb <> r.j THEN
            RAISE EXCEPTION 'ave: het zegel van record % klopt niet', r.n
                USING ERRCODE = 'check_violation';
        END IF;
        IF jsonb_typeof(r.j) IS DISTINCT FROM 'object' OR r.j->'format' IS DISTINCT FROM '2'
           OR coalesce(r.j->>'case', '') !~ '{CASE_ID}'
           OR coalesce(r.j->>'id', '') = '' OR coalesce(r.j->>'by', '') = ''
           OR coalesce(r.j->>'kind', '') NOT IN ({", ".join(f"'{k}'" for k in DECISION_KINDS)})
           OR coalesce(r.j->>'time', '') !~ '{TIME}'
           OR (r.j->>'kind' <> 'close' AND coalesce(r.j->>'phase_after', '') = '') THEN
            RAISE EXCEPTION 'ave: record % is geen geldig besluit', r.n
                USING ERRCODE = 'check_violation';
        END IF;
        IF cur IS DISTINCT FROM r.tteam || '/' || r.key THEN  -- the next case
            cur := r.tteam || '/' || r.key;
            i := i + 1;
            v_team := r.tteam; v_key := r.key; v_new := r.owner IS NULL;
            v_owned := v_new OR r.owner = ANY (v_mine);
            IF v_new THEN
                IF p_team IS NULL OR NOT (p_team = ANY (v_mine)) THEN
                    RAISE EXCEPTION 'ave: % is geen lid van team %', session_user, p_team
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                v_head := ''; v_case := r.j->>'case'; v_phase := NULL; v_since := NULL;
                v_closed := false; v_casus := ''; v_proces := ''; v_answers := '{{}}';
                v_advice := '[]'; v_roles := '[]'; v_departs := false; v_kind := '';
                v_last := NULL; v_kapstok := ''; v_deciders := '{{}}'; v_pos := r.pos;
            ELSE
                v_head := r.c_head; v_pos := -r.c_first;
                SELECT s->>'case', s->>'phase', s->>'since', (s->>'closed')::boolean,
                       s->>'casusregisseur', s->>'procesregisseur', s->'answers', s->'advice',
                       s->'advice_roles', (s->>'departs')::boolean, s->>'last_kind',
                       s->>'last_time', s->>'kapstok_name',
                       ARRAY(SELECT jsonb_array_elements_text(s->'deciders'))
                INTO v_case, v_phase, v_since, v_closed, v_casus, v_proces, v_answers,
                     v_advice, v_roles, v_departs, v_kind, v_last, v_kapstok, v_deciders
                FROM (SELECT r.c_state::jsonb AS s) x;
            END IF;
        END IF;
        IF r.j->>'kind' = 'close' AND NOT v_owned THEN
            RAISE EXCEPTION 'ave: alleen het team van casus % mag hem afsluiten', r.j->>'case'
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF coalesce(r.j->>'prev', '') <> v_head THEN
            RAISE EXCEPTION 'ave: casus % is intussen bijgewerkt', r.j->>'case'
                USING ERRCODE = 'unique_violation';
        END IF;
        d_team := d_team || v_team; d_pos := d_pos || r.pos; d_key := d_key || v_key;
        d_prev := d_prev || v_head; d_n := d_n || r.n; d_id := d_id || (r.j->>'id');
        v_head := r.seal;
        -- the fold (cases.apply)
        v_kind := r.j->>'kind'; v_last := r.j->>'time'; v_kapstok := r.j->'kapstok'->>'name';
        IF NOT (r.j->>'by' = ANY (v_deciders)) THEN
            v_deciders := v_deciders || (r.j->>'by');
        END IF;
        IF v_kind = 'close' THEN
            v_closed := true; v_phase := NULL; v_since := v_last;
        ELSE
            IF v_closed OR (r.j->>'phase_after') IS DISTINCT FROM v_phase THEN
                v_since := v_last;
            END IF;
            IF (r.j->>'axis') IS DISTINCT FROM 'vertical' THEN
                v_departs := (r.j->>'advised_phase') IS DISTINCT FROM (r.j->>'phase_after');
            END IF;
            v_closed := false; v_phase := r.j->>'phase_after';
            IF coalesce(r.j->'answers', '{{}}') <> '{{}}' THEN
                v_answers := r.j->'answers';
            END IF;
            IF v_kind IN ('triage', 'reevaluation') THEN
                v_advice := coalesce(r.j->'advice', '[]');
                v_roles := coalesce(r.j->'advice_roles', '[]');
                IF v_roles = '[]' THEN
                    v_roles := (SELECT coalesce(jsonb_agg(''::text), '[]')
                                FROM generate_series(1, jsonb_array_length(v_advice)));
                END IF;
            END IF;
            IF coalesce(r.j->>'casusregisseur', '') <> '' THEN
                v_casus := r.j->>'casusregisseur';
            END IF;
            IF coalesce(r.j->>'procesregisseur', '') <> '' THEN
                v_proces := r.j->>'procesregisseur';
            END IF;
        END IF;
        c_team[i] := v_team; c_key[i] := v_key; c_id[i] := v_case; c_head[i] := v_head;
        c_phase[i] := v_phase; c_since[i] := v_since; c_closed[i] := v_closed;
        c_casus[i] := v_casus; c_proces[i] := v_proces; c_answers[i] := v_answers;
        c_advice[i] := v_advice; c_roles[i] := v_roles; c_departs[i] := v_departs;
        c_kind[i] := v_kind; c_last[i] := v_last; c_kapstok[i] := v_kapstok;
        c_deciders[i] := to_jsonb(v_deciders); c_pos[i] := v_pos;
    END LOOP;
    -- numbers from each team's own sequence (it never waits for another writer), handed out
    -- in the order given
    FOR t IN SELECT x AS team, count(*) AS n FROM unnest(d_team) AS x GROUP BY x ORDER BY x LOOP
        v_bases := v_bases || jsonb_build_object(t.team, to_jsonb(ARRAY(
            SELECT v FROM (SELECT nextval(ave.team_sequence(t.team)) AS v
                           FROM generate_series(1, t.n)) s ORDER BY v)));
    END LOOP;
    INSERT INTO ave.decisions (team, seq, id, case_key, record, seal, prev, written_by, written_at)
    SELECT d.team, (v_bases->d.team->>(d.pos - 1)::int)::bigint, d.id, d.key, g.text,
           g.seal, d.prev, session_user, now()
    FROM unnest(d_team, d_pos, d_key, d_prev, d_n, d_id) AS d(team, pos, key, prev, n, id)
    JOIN unnest(p_records, p_seals) WITH ORDINALITY AS g(text, seal, n) ON g.n = d.n
    ORDER BY d.n;
    -- the case rows: the state as cases.to_json writes it, the summary as cases.summary
    INSERT INTO ave.cases AS c (team, case_key, case_id, head, state, phase, closed, since_ts,
                                last_ts, last_kind, kapstok, casusregisseur, procesregisseur,
                                advice_roles, deciders, first_seq)
    SELECT x.team, x.key, x.id, x.head,
           jsonb_build_object(
               'case', x.id, 'phase', x.phase, 'since', x.since, 'closed', x.closed,
               'casusregisseur', x.casus, 'procesregisseur', x.proces, 'answers', x.answers,
               'advice', x.advice, 'advice_roles', x.roles, 'departs', x.departs,
               'last_kind', x.kind, 'last_time', x.last, 'kapstok_name', x.kapstok,
               'deciders', x.deciders)::text,
           x.phase, x.closed::int, extract(epoch FROM x.since::timestamptz)::float8,
           extract(epoch FROM x.last::timestamptz)::float8, x.kind, x.kapstok, x.casus,
           x.proces,
           (SELECT coalesce(string_agg(e, ',' ORDER BY o), '')
            FROM jsonb_array_elements_text(x.roles) WITH ORDINALITY AS a(e, o)),
           (SELECT coalesce(string_agg(e, chr(31) ORDER BY o), '')
            FROM jsonb_array_elements_text(x.deciders) WITH ORDINALITY AS a(e, o)),
           CASE WHEN x.pos < 0 THEN -x.pos ELSE (v_bases->x.team->>(x.pos - 1)::int)::bigint END
    FROM unnest(c_team, c_key, c_id, c_head, c_phase, c_since, c_closed, c_casus, c_proces,
                c_answers, c_advice, c_roles, c_departs, c_kind, c_last, c_kapstok,
                c_deciders, c_pos)
         AS x(team, key, id, head, phase, since, closed, casus, proces, answers, advice, roles,
              departs, kind, last, kapstok, deciders, pos)
    ON CONFLICT (team, case_key) DO UPDATE SET
        head = excluded.head, state = excluded.state, phase = excluded.phase,
        closed = excluded.closed, since_ts = excluded.since_ts, last_ts = excluded.last_ts,
        last_kind = excluded.last_kind, kapstok = excluded.kapstok,
        casusregisseur = excluded.casusregisseur, procesregisseur = excluded.procesregisseur,
        advice_roles = excluded.advice_roles, deciders = excluded.deciders;
    RETURN cardinality(d_n);
END $f$;

-- Only the owning team shares a case, with a team that exists; recorded in its access log.
CREATE FUNCTION ave.share(p_team text, p_case text, p_with text, p_by text)
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
CREATE FUNCTION ave.purge(p_keys text[], p_by text, p_closed_before text)
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
CREATE FUNCTION ave.add_team(p_name text) RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
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
GRANT EXECUTE ON FUNCTION ave.my_teams(), ave.shared_cases(), ave.resolve(text[], text),
    ave.write(text, text[], text[], text[]), ave.share(text, text, text, text),
    ave.record_access(text, text, text, text, text[], text[]) TO {USER_ROLE};
GRANT EXECUTE ON FUNCTION ave.purge(text[], text, text) TO {PURGER_ROLE};
GRANT EXECUTE ON FUNCTION ave.add_team(text) TO {ADMIN_ROLE};
"""
