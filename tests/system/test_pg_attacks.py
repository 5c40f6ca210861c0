"""The team store holds against its own members (issue 23): every attack a colleague with a
database login and psql could try, run as that real login over plain SQL against a real
server, and each shown to be refused with nothing changed. The logins (conftest.PEOPLE):
tester and anna in team noord (tester also purger), bert in zuid; ave_eigenaar is the
administrator who ran `ave store init`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import psycopg
import pytest
from conftest import EXAMPLES, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ave_cli.core.model import AFSPRAAK_KINDS, DECISION_KINDS, Decision, KapstokRef
from ave_cli.record import logformat
from ave_cli.stores.postgres import store as pgstore

A2 = str(EXAMPLES / "handreiking" / "ave2.toml")
A3 = str(EXAMPLES / "handreiking" / "ave3.json")
ADMIN = "ave_eigenaar"


def _as(url: str, person: str) -> str:
    return url.replace("tester@", f"{person}@", 1)


def _sql(url: str, statement: str, params: Any = (), *, setup: str = "") -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        if setup:
            conn.execute(setup)
        cur = conn.execute(statement, params)
        return cur.fetchall() if cur.description else []


def _everything(pg_server, url: str) -> dict[str, list[tuple]]:
    """Every row of every table, as the cluster's superuser sees them."""
    database = url.rsplit("/", 1)[1]
    return {table: pg_server.sql(f"SELECT * FROM ave.{table} ORDER BY 1, 2", db=database)
            for table in ("teams", "heads", "decisions", "cases", "shares", "toegang", "purges")}


def _refused(url: str, statement: str, params: Any = (), *, setup: str = "") -> None:
    with pytest.raises(psycopg.Error):
        _sql(url, statement, params, setup=setup)


@pytest.fixture
def story(run, pg_url, pg_server):
    """Noord's open case N-1 and closed case C-1, and noord's Z-1 shared with zuid; returns a
    function that says whether the store is exactly as it was."""
    for args in (("triage", "N-1", "-a", A2), ("triage", "C-1", "-a", A2),
                 ("close", "C-1", "--reason", "klaar"), ("triage", "Z-1", "-a", A3),
                 ("store", "share", "Z-1", "--team", "zuid")):
        result = run(*args)
        assert result.exit_code == 0, result.output
    before = _everything(pg_server, pg_url)
    return lambda: _everything(pg_server, pg_url) == before


# --- members write only through functions ------------------------------------------------------

MEMBER_WRITES = [
    "UPDATE ave.cases SET closed = 1 WHERE case_key = 'n-1'",
    "UPDATE ave.cases SET phase = 'AVE1'",
    "UPDATE ave.cases SET state = '{\"x\":1}'",
    "UPDATE ave.cases SET team = 'zuid' WHERE case_key = 'z-1'",
    "DELETE FROM ave.cases",
    "INSERT INTO ave.cases SELECT * FROM ave.cases",
    "INSERT INTO ave.decisions SELECT * FROM ave.decisions",
    "UPDATE ave.decisions SET record = 'x'",
    "DELETE FROM ave.decisions",
    "TRUNCATE ave.decisions",
    "INSERT INTO ave.toegang SELECT * FROM ave.toegang",
    "DELETE FROM ave.toegang",
    "UPDATE ave.heads SET accesses = 0",
    "INSERT INTO ave.shares SELECT 'noord', 'n-1', 'zuid', 'anna', now()",
    "INSERT INTO ave.teams (name) VALUES ('west2')",
    "INSERT INTO ave.purges SELECT 'noord', now(), 'anna', 'x', 'x', 0, 0, now(), now()",
    "SELECT nextval('ave.decisions_1')",
    "SELECT last_value FROM ave.decisions_1",
    "SELECT ave.chain_access('noord', now(), 'bob', 'bob', 'export', 'ok', ARRAY['N-1'])",
    "SELECT ave.add_team('west')",
    "SET ROLE ave_owner",
    "SET ROLE ave_purger",
    "ALTER TABLE ave.toegang DISABLE TRIGGER ALL",
]


@pytest.mark.parametrize("person", ["tester", "anna", "bert", ADMIN])
@pytest.mark.parametrize("statement", MEMBER_WRITES)
def test_no_login_writes_a_table_or_becomes_the_owner(story, pg_url, person, statement):
    if person == "tester" and statement == "SET ROLE ave_purger":
        # tester holds ave_purger, so SET ROLE to it is his right: it writes nothing
        statement = "SET ROLE ave_purger; DELETE FROM ave.decisions"
    _refused(_as(pg_url, person), statement)
    assert story()


def test_a_closed_flag_set_by_hand_cannot_make_an_open_case_purgeable(story, pg_url):
    _refused(_as(pg_url, "anna"), "UPDATE ave.cases SET closed = 1 WHERE case_key = 'n-1'")
    # the purge reads the decisions: N-1's latest decision is a triage, so nothing goes
    assert _sql(pg_url, "SELECT ave.purge(ARRAY['n-1'], 'x', '2100-01-01')") == [(0,)]
    assert story()


def test_only_purgers_purge_and_every_purge_is_recorded_with_it(run, story, pg_url, pg_server):
    anna = _as(pg_url, "anna")
    _refused(anna, "SELECT ave.purge(ARRAY['c-1'], 'anna', '2100-01-01')")
    refused = run("purge", "--closed-before", "2100-01-01", "--yes", "--log", anna)
    assert refused.exit_code == 2 and "GRANT ave_purger TO anna" in refused.stderr, refused.output
    assert "niets verwijderd" in refused.stderr and refused.stderr.count("\n") == 1
    assert story()
    assert _sql(pg_url, "SELECT ave.purge(ARRAY['c-1'], 'tester', '2100-01-01')") == [(2,)]
    assert _sql(pg_url, "SELECT team, who, by, cases, decisions FROM ave.purges") == [
        ("noord", "tester", "tester", 1, 2)]
    assert run("check").exit_code == 0


def test_the_team_a_case_is_shared_with_cannot_reshare_close_or_purge_it(run, story, pg_url,
                                                                       pg_server):
    bert = _as(pg_url, "bert")
    assert run("show", "Z-1", "--log", bert).exit_code == 0  # shared: bert sees it
    reshare = run("store", "share", "Z-1", "--team", "noord", "--log", bert)
    assert reshare.exit_code == 2 and "alleen het team van de casus" in reshare.stderr
    _refused(bert, "SELECT ave.share('zuid', 'Z-1', 'west', 'bert')")
    closing = run("close", "Z-1", "--reason", "weg", "--log", bert)
    assert closing.exit_code == 1 and "niets opgeslagen" in closing.stderr, closing.output
    pg_server.sql("GRANT ave_purger TO bert")
    try:  # even a purger purges only cases of their own teams
        assert _sql(bert, "SELECT ave.purge(ARRAY['z-1', 'c-1'], 'bert', '2100-01-01')") == [
            (0,)]
    finally:
        pg_server.sql("REVOKE ave_purger FROM bert")
    assert _sql(pg_url, "SELECT team FROM ave.cases WHERE case_key = 'z-1'") == [("noord",)]


def test_the_write_function_checks_seal_chain_and_team(story, pg_url):
    anna = _as(pg_url, "anna")
    when = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    decision = Decision(id="forged", case="N-1", time=when, kind="triage",
                        kapstok=KapstokRef("handreiking", "2.1.0", "0" * 64), by="anna",
                        phase_after="AVE1")
    head = _sql(anna, "SELECT head FROM ave.cases WHERE case_key = 'n-1'")[0][0]
    text, canonical, seal = logformat.to_json_record(decision, head)
    call = "SELECT ave.write(%s, %s, %s, %s)"
    _refused(anna, call, ("noord", [text], [canonical], ["0" * 64]))  # a seal that is not it
    edited = text.replace("AVE1", "AVE4")
    _refused(anna, call, ("noord", [edited], [canonical], [seal]))  # text and seal disagree
    stale, stale_canonical, stale_seal = logformat.to_json_record(decision, "")
    _refused(anna, call, ("noord", [stale], [stale_canonical], [stale_seal]))  # not the head
    new = Decision(**{**{f: getattr(decision, f) for f in decision.__slots__},
                      "case": "W-1", "id": "w"})
    w_text, w_canonical, w_seal = logformat.to_json_record(new, "")
    _refused(anna, call, ("zuid", [w_text], [w_canonical], [w_seal]))  # not her team
    _refused(anna, call, ("noord", ["{]"], ["{]"], [w_seal]))  # not JSON
    assert story()
    # the one that is right is stored, under the case's team, numbered in that team
    assert _sql(anna, call, ("noord", [text], [canonical], [seal])) == [(1,)]
    row = _sql(anna, "SELECT team, written_by, prev FROM ave.decisions WHERE id = 'forged'")
    assert row == [("noord", "anna", head)]
    assert _sql(anna, "SELECT phase FROM ave.cases WHERE case_key = 'n-1'") == [("AVE1",)]


# --- the policies cannot be fooled through search_path (CVE-2018-1058) ------------------------

SHADOWS = [
    "CREATE FUNCTION anna.pg_has_role(name, oid, text) RETURNS boolean "
    "LANGUAGE sql AS 'SELECT true'",
    "CREATE FUNCTION anna.pg_has_role(name, text, text) RETURNS boolean "
    "LANGUAGE sql AS 'SELECT true'",
    "CREATE FUNCTION anna.pg_has_role(text, text, text) RETURNS boolean "
    "LANGUAGE sql AS 'SELECT true'",
    "CREATE FUNCTION anna.array_agg(text) RETURNS text[] LANGUAGE sql "
    "AS $$ SELECT ARRAY['noord', 'zuid'] $$",
    "CREATE FUNCTION anna.unnest(text[]) RETURNS SETOF text LANGUAGE sql "
    "AS $$ SELECT unnest(ARRAY['noord', 'zuid']) $$",
    "CREATE FUNCTION anna.lower(text) RETURNS text LANGUAGE sql AS $$ SELECT 'z-1' $$",
    "CREATE FUNCTION anna.eq(text, text) RETURNS boolean LANGUAGE sql AS 'SELECT true'",
    "CREATE OPERATOR anna.= (LEFTARG = text, RIGHTARG = text, FUNCTION = anna.eq)",
    "CREATE FUNCTION anna.anyeq(text, text[]) RETURNS boolean LANGUAGE sql AS 'SELECT true'",
    "CREATE FUNCTION anna.coalesce(text[], text[]) RETURNS text[] LANGUAGE sql "
    "AS $$ SELECT ARRAY['noord', 'zuid'] $$",
]


def test_a_member_with_her_own_functions_first_in_search_path_sees_only_her_teams(
        run, story, pg_url, pg_server):
    assert run("triage", "S-1", "-a", A2, "--log", _as(pg_url, "bert")).exit_code == 0
    database = pg_url.rsplit("/", 1)[1]
    pg_server.sql("CREATE SCHEMA anna AUTHORIZATION anna", db=database)
    anna = _as(pg_url, "anna")
    for statement in SHADOWS:
        _sql(anna, statement)
    _sql(anna, "GRANT USAGE ON SCHEMA anna TO PUBLIC")  # so that any role would find them
    path = "SET search_path = anna, pg_catalog, ave"
    assert _sql(anna, "SELECT ave.my_teams()", setup=path) == [(["noord"],)]
    teams = _sql(anna, "SELECT DISTINCT team FROM ave.decisions", setup=path)
    assert teams == [("noord",)]
    # (her own = is true for everything: only her query's filter, never the policy's)
    assert _sql(anna, "SELECT count(*) FROM ave.cases WHERE team OPERATOR(pg_catalog.=) 'zuid'",
                setup=path) == [(0,)]
    assert _sql(anna, "SELECT * FROM ave.resolve(ARRAY['s-1'], 'zuid')", setup=path) == [
        ("s-1", None)]
    # and through ave itself, with the same search_path in the environment
    shown = run("show", "S-1", "--log", anna)
    assert shown.exit_code == 2


# --- the access log is the server's word --------------------------------------------------------

def test_who_when_and_team_are_set_by_the_server(run, story, pg_url, monkeypatch):
    anna = _as(pg_url, "anna")
    monkeypatch.setenv("AVE_BY", "bob")
    assert run("show", "N-1", "--log", anna).exit_code == 0
    rows = _sql(anna, "SELECT who, by, team, action, at FROM ave.toegang "
                      "WHERE who = 'anna' ORDER BY seq")
    assert [r[:4] for r in rows] == [("anna", "bob", "noord", "show")]
    assert abs(rows[0][4] - datetime.now(UTC)) < timedelta(minutes=1)
    audit = json.loads(run("audit", "--by", "anna", "-f", "json").stdout)
    assert [(a["who"], a["login"], a["action"]) for a in audit] == [("bob", "anna", "show")]
    claimed = json.loads(run("audit", "--by", "bob", "-f", "json").stdout)
    assert claimed == audit
    shown = run("audit", "--case", "N-1")
    assert "bob (anna)" in shown.stdout


def test_an_access_record_names_only_a_case_its_writer_may_see(story, pg_url):
    bert = _as(pg_url, "bert")
    call = "SELECT ave.record_access('', 'bob', 'export', 'ok', %s, %s)"
    _refused(bert, call, (["noord"], ["N-1"]))  # noord's N-1: not shared with zuid
    _refused(bert, call, (["noord"], ["X-9"]))  # not even a case of noord's
    _refused(bert, call, (["zuid"], ["N 1"]))  # not a case id
    _refused(bert, "SELECT ave.record_access('', %s, 'export', 'ok', ARRAY['zuid'], "
                   "ARRAY['S-1'])", ("bob\x1b[2J",))  # a terminal control in the name
    assert story()
    _sql(bert, call, (["noord"], ["Z-1"]))  # shared with zuid: into noord's chain, as bert
    assert _sql(pg_url, "SELECT who, team FROM ave.toegang ORDER BY seq DESC LIMIT 1") == [
        ("bert", "noord")]


def test_check_finds_an_access_row_edited_deleted_or_cut_off(run, story, pg_url, pg_server):
    database = pg_url.rsplit("/", 1)[1]
    assert run("check").exit_code == 0
    bypass = "SET session_replication_role = replica; "
    edits = [
        "UPDATE ave.toegang SET result = 'geweigerd' WHERE team = 'noord' AND seq = 2",
        "UPDATE ave.toegang SET body = replace(body, 'tester', 'bert') "
        "WHERE team = 'noord' AND seq = 2",
        "DELETE FROM ave.toegang WHERE team = 'noord' AND seq = 2",
        "DELETE FROM ave.toegang WHERE team = 'noord' AND seq = (SELECT max(seq) FROM "
        "ave.toegang WHERE team = 'noord')",
    ]
    for edit in edits:
        saved = pg_server.sql("SELECT * FROM ave.toegang", db=database)
        pg_server.sql(bypass + edit, db=database)
        checked = run("check", "-f", "json")
        assert checked.exit_code == 1, edit
        problems = json.loads(checked.stdout)["problems"]
        assert any("toeganglog van team noord" in p["message"] for p in problems), edit
        pg_server.sql(bypass + "DELETE FROM ave.toegang", db=database)
        with psycopg.connect(pg_server.url("pgadmin", database), autocommit=True) as conn:
            conn.execute("SET session_replication_role = replica")
            with conn.cursor() as cur:
                cur.executemany("INSERT INTO ave.toegang VALUES "
                                "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", saved)
        assert run("check").exit_code == 0


# --- no oracles, no squatting --------------------------------------------------------------------

def test_another_teams_case_id_is_just_another_case_and_nothing_tells_it_exists(run, story,
                                                                                 pg_url):
    bert = _as(pg_url, "bert")
    existing = run("show", "N-1", "--log", bert)  # noord has N-1
    missing = run("show", "Q-1", "--log", bert)  # nobody has Q-1
    assert existing.exit_code == missing.exit_code == 2
    assert existing.stderr.replace("N-1", "Q-1") == missing.stderr
    made = run("triage", "N-1", "-a", A2, "--log", bert)  # zuid's own N-1
    assert made.exit_code == 0, made.output
    assert _sql(bert, "SELECT team, seq FROM ave.decisions WHERE case_key = 'n-1'") == [
        ("zuid", 1)]
    noord = json.loads(run("show", "N-1", "-f", "json").stdout)
    assert noord["phase"] == "AVE2" and len(noord["timeline"]) == 1  # noord's own, untouched
    assert run("check").exit_code == 0 and run("check", "--log", bert).exit_code == 0


@pytest.mark.parametrize("name", ["zuid123456782", "team_1234_5678_9", "Noord", "a b"])
def test_a_team_name_with_a_bsn_or_outside_the_known_set_is_refused(run, pg_url, name):
    admin = _as(pg_url, ADMIN)
    result = run("store", "add-team", name, "--log", admin)
    assert result.exit_code == 2 and result.stderr.count("\n") == 1, result.output
    _refused(admin, "INSERT INTO ave.teams (name) VALUES (%s)", (name,))
    assert _sql(admin, "SELECT count(*) FROM ave.teams WHERE name = %s", (name,)) == [(0,)]


# --- failures are one line and true ---------------------------------------------------------------

def test_a_damaged_row_is_named_by_check_and_passed_over_by_the_commands(run, story, pg_url,
                                                                      pg_server):
    database = pg_url.rsplit("/", 1)[1]
    pg_server.sql("INSERT INTO ave.decisions VALUES ('noord', 99, 'junk', 'n-1', "
                  "'{\"x\": 1}', repeat('a', 64), repeat('b', 64), 'tester', now())",
                  db=database)
    pg_server.sql("UPDATE ave.cases SET state = '{\"x\":1}' WHERE case_key = 'c-1'",
                  db=database)
    for args in (("show", "N-1"), ("report",), ("report", "--all"), ("export",),
                 ("reevaluate",), ("escalate", "N-1", "--to", "AVE3", "--reason", "x")):
        result = run(*args)
        assert result.exit_code == 0, (args, result.output)
        assert "Traceback" not in result.output
    assert "noord/99" in run("show", "N-1").stderr
    checked = run("check", "-f", "json")
    assert checked.exit_code == 1
    messages = " ".join(p["message"] for p in json.loads(checked.stdout)["problems"])
    assert "noord/99" in messages and "n-1" in messages


def test_a_password_in_an_address_is_never_repeated(run):
    for address in ("postgresql://anna:Geheim123@[::1/db",
                    "postgresql://anna:Geheim123@127.0.0.1:1/db",
                    "postgresql://anna@127.0.0.1:1/db?password=Geheim123&sslmode=bogus"):
        for args in (("show", "C-1", "--log", address), ("store", "init", address)):
            result = run(*args)
            assert result.exit_code != 0 and "Geheim123" not in result.output, result.output
    assert pgstore.redact("postgresql://a:b@h/d password=c") == "postgresql://a:***@h/d password=***"


def test_store_init_without_psycopg_says_which_extra_to_install(tmp_path):
    blocked = tmp_path / "blocked"
    blocked.mkdir()
    (blocked / "psycopg.py").write_text("raise ImportError('no psycopg here')\n")
    result = subprocess.run(
        [sys.executable, "-m", "ave_cli", "store", "init", "postgresql://x@127.0.0.1:1/db"],
        capture_output=True, text=True, cwd=ROOT, timeout=60,
        env={**os.environ, "PYTHONPATH": f"{blocked}{os.pathsep}{ROOT}"})
    assert result.returncode == 1, result.stderr
    assert "ave-cli[postgresql]" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_server_that_dies_mid_batch_leaves_nothing_and_says_so(pg_url, pg_server, tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps({"case": f"D-{n}", "problematiek": "meervoudig",
                                         "effect": "ja", "meewerken": "ja",
                                         "samenwerking": "goed", "veiligheid": "nee"}) + "\n"
                             for n in range(20000)), encoding="utf-8")
    env = {**os.environ, "AVE_LOG": pg_url, "AVE_CACHE_DIR": str(tmp_path / "cache"),
           "AVE_CONFIG": str(tmp_path / "c.toml"), "AVE_BY": "tester", "NO_COLOR": "1",
           "COLUMNS": "200", "PYTHONPATH": str(ROOT)}
    database = pg_url.rsplit("/", 1)[1]

    def kill_when_writing() -> None:
        for _ in range(600):
            busy = pg_server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                 f"WHERE datname = '{database}' AND application_name = 'ave' "
                                 "AND query LIKE '%ave.write%' AND state <> 'idle'")
            if busy:
                return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_when_writing)
    killer.start()
    result = subprocess.run([sys.executable, "-m", "ave_cli", "triage", "--batch", str(batch)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    killer.join()
    assert result.returncode == 1 and "er is niets opgeslagen" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert _sql(pg_url, "SELECT count(*) FROM ave.decisions") == [(0,)]


# --- the store's fold is the fold -------------------------------------------------------------------

_PHASES = ["AVE1", "AVE2", "AVE3", "AVE4"]
_step = st.fixed_dictionaries({
    "kind": st.sampled_from(DECISION_KINDS),
    "phase_after": st.sampled_from(_PHASES),
    "advised_phase": st.none() | st.sampled_from(_PHASES),
    "axis": st.none() | st.sampled_from(["horizontal", "vertical"]),
    "by": st.sampled_from(["Anna", "Bert", "Cor"]),
    "answers": st.dictionaries(st.sampled_from(["a", "b", "zz", "é"]),
                               st.booleans() | st.sampled_from(["ja", "nee"])
                               | st.lists(st.sampled_from(["x", "y"]), max_size=2),
                               max_size=3),
    "advice": st.lists(st.sampled_from(["bel", "overleg", "plan"]), max_size=3),
    "advice_roles": st.lists(st.sampled_from(["", "casusregie", "procesregie"]), max_size=3),
    "casusregisseur": st.sampled_from(["", "Wijkteam", "GGZ"]),
    "procesregisseur": st.sampled_from(["", "OGGZ"]),
    "offset": st.integers(-12, 14),
    "minutes": st.integers(0, 10**6),
})
_runs = iter(range(10**6))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.integers(0, 2), _step), min_size=1, max_size=12))
def test_the_case_rows_the_store_folds_are_the_ones_ave_folds(pg_url, steps):
    """Any sequence of decisions on a few cases, written through ave.write: the case rows the
    server folded equal cases.fold of the same decisions (what ave check compares)."""
    run_id = next(_runs)
    when = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    made = []
    opened: dict[int, list[str]] = {}  # per case: its open afspraken
    closed: dict[int, bool] = {}  # per case: whether it is closed (None: no record yet)
    for n, (case, step) in enumerate(steps):
        when = (when + timedelta(minutes=step["minutes"])).astimezone(
            timezone(timedelta(hours=step["offset"])))
        kind = step["kind"]
        if kind in AFSPRAAK_KINDS and closed.get(case) is False:  # the plan of an open case
            numbers = opened.setdefault(case, [])
            common = dict(id=f"h{run_id}-{n}", case=f"H{run_id}-{case}", time=when, kind=kind,
                          kapstok=KapstokRef("handreiking", "2.1.0", "0" * 64), by=step["by"])
            if kind == "afspraak-stand" and numbers:
                made.append(Decision(**common, afspraak=numbers.pop(), stand="gedaan"))
            else:
                numbers.append(f"A{n + 1}")
                made.append(Decision(**{**common, "kind": "afspraak"}, afspraak=numbers[-1],
                                     wat="bellen", wie="GGZ", leefgebied="wonen",
                                     uiterlijk="2026-02-01"))
            continue
        if kind in AFSPRAAK_KINDS:
            kind = "triage"
        close = kind == "close"
        closed[case] = close
        made.append(Decision(
            id=f"h{run_id}-{n}", case=f"H{run_id}-{case}", time=when, kind=kind,
            kapstok=KapstokRef("handreiking", "2.1.0", "0" * 64), by=step["by"],
            phase_after=None if close else step["phase_after"],
            advised_phase=step["advised_phase"], axis=step["axis"], answers=step["answers"],
            advice=tuple(step["advice"]), advice_roles=tuple(step["advice_roles"]),
            casusregisseur=step["casusregisseur"], procesregisseur=step["procesregisseur"]))
    store = pgstore.PgStore(pg_url)
    assert store.append(lambda view: made) == len(made)
    blocks, problems = store.scan()
    assert not problems
    assert store.index_matches(blocks)


# --- upgrade in place ---------------------------------------------------------------------------

def _version_1_store(pg_server) -> tuple[str, list[tuple], int]:
    """A store made by the previous ave (tests/fixtures/pgschema_v1.py, as its `ave store init`
    applied it), holding the sample log's decisions (one case in team zuid, the rest in
    noord), a share, access records, a purge record and one junk row a member inserted: the
    administrator's address, the decision rows, and how many access rows."""
    import itertools

    from fixtures import pgschema_v1

    from ave_cli.core import cases
    from ave_cli.stores.file.caselog import read_all

    name = f"v1_{os.getpid()}_{next(itertools.count())}_{time.time_ns() % 10**6}"
    admin = pg_server.fresh_database(name)
    for person, team in (("tester", "noord"), ("anna", "noord"), ("bert", "zuid")):
        if not pg_server.sql(f"SELECT 1 FROM pg_roles WHERE rolname = '{team}'"):
            pg_server.sql(f"CREATE ROLE {team} NOLOGIN")
        pg_server.sql(f"GRANT {team} TO {person}")
    with psycopg.connect(admin, autocommit=True) as conn, conn.transaction():
        for statement in pgschema_v1.init_sql(0):
            conn.execute(statement)
        conn.execute("INSERT INTO ave.meta VALUES ('version', '1')")
        for team in ("noord", "zuid"):
            conn.execute(f"GRANT ave_user TO {team}")
            conn.execute("INSERT INTO ave.teams VALUES (%s)", (team,))
    decisions = [b.decision for b in read_all(ROOT / "examples" / "sample-log.toml").blocks]
    zuid_case = decisions[-1].case
    states: dict[str, Any] = {}
    heads: dict[str, str] = {}
    for n, decision in enumerate(decisions, start=1):
        key = cases.key(decision.case)
        person = "bert" if decision.case == zuid_case else "tester"
        team = "zuid" if person == "bert" else "noord"
        record = logformat.to_record(decision, heads.get(key, ""))
        seal = record["seal"]["sha256"]
        url = pg_server.url(person, name)
        _sql(url, "INSERT INTO ave.decisions (id, case_key, team, record, seal, prev) "
                  "VALUES (%s, %s, %s, %s, %s, %s)",
             (decision.id, key, team, logformat.record_text(record), seal, heads.get(key, "")))
        heads[key] = seal
        state = cases.apply(states.setdefault(key, cases.CaseState(decision.case)), decision,
                            keep_history=False)
        _sql(url, "INSERT INTO ave.cases VALUES (%s, %s, %s, %s, %s, "
                  "%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (case_key) DO UPDATE "
                  "SET head = excluded.head, state = excluded.state, phase = excluded.phase, "
                  "closed = excluded.closed",
             (key, decision.case, team, seal, cases.to_json(state), *cases.summary(state)[1:], n))
        _sql(url, "INSERT INTO ave.toegang (at, who, action, case_id, result, case_key, team) "
                  "VALUES (%s, %s, 'triage', %s, 'ok', %s, %s)",
             (decision.time.isoformat(), decision.by, decision.case, key, team))
    tester = pg_server.url("tester", name)
    first = cases.key(decisions[0].case)
    _sql(tester, "INSERT INTO ave.shares (case_key, team) VALUES (%s, 'zuid')", (first,))
    _sql(tester, "INSERT INTO ave.toegang (at, who, action, case_id, result, case_key, team) "
                 "VALUES ('2026-03-02T10:00:00+01:00', 'tester', 'show', 'X-404', "
                 "'niet gevonden', 'x-404', NULL)")
    _sql(tester, "INSERT INTO ave.decisions (id, case_key, team, record, seal, prev) "
                 "VALUES ('junk', 'j-1', 'noord', 'x = 1', 'abc', '')")
    _sql(admin, "INSERT INTO ave.purges (by, closed_before, cases, decisions) "
                "VALUES ('tester', '2026-01-01', 1, 3)")
    rows = pg_server.sql("SELECT id, seal, prev, team, written_by FROM ave.decisions "
                         "ORDER BY seq", db=name)
    return admin, rows, len(decisions) + 1


def test_a_version_1_store_is_moved_in_place_without_losing_a_row(run, pg_server, tmp_path,
                                                                  monkeypatch):
    from ave_cli.stores.postgres import admin as pgadmin

    admin, rows, accesses = _version_1_store(pg_server)
    name = admin.rsplit("/", 1)[1]
    tester = pg_server.url("tester", name)
    before, after, changes = pgadmin.init(admin)
    pgstore.close_all()
    assert (before, after) == (1, 3) and len(changes) == 5, changes  # (4 + the junk row)
    moved = pg_server.sql("SELECT id, seal, prev, team, written_by FROM ave.decisions "
                          "ORDER BY team, seq", db=name)
    assert sorted(moved) == sorted(rows)  # every row, its seal, chain, team and writer
    assert [r[0] for r in moved if r[3] == "noord"] == [r[0] for r in rows if r[3] == "noord"]
    # every access row, in order, the login as who and the name it gave as by
    access = pg_server.sql("SELECT team, seq, who, by, action, case_ids FROM ave.toegang "
                          "ORDER BY team, seq", db=name)
    assert len(access) == accesses
    assert [a[1] for a in access if a[0] == "noord"] == list(
        range(1, 1 + sum(a[0] == "noord" for a in access)))
    assert access[0][2] == "tester" and access[0][4] == "triage"
    assert pg_server.sql("SELECT team, who, by, decisions FROM ave.purges", db=name) == [
        ("noord", ADMIN, "tester", 3)]
    # the administrator is left neither owner nor purger
    assert pg_server.sql(f"SELECT pg_has_role('{ADMIN}', 'ave_owner', 'MEMBER'), "
                         f"pg_has_role('{ADMIN}', 'ave_purger', 'MEMBER')") == [(False, False)]
    # the records verify, the chains hold, the case rows agree; only the junk row is named
    checked = run("check", "-f", "json", "--log", tester)
    problems = json.loads(checked.stdout)["problems"]
    assert [p for p in problems if "j-1" not in p["message"]] == [], problems
    assert len(problems) == 1 and checked.exit_code == 1
    # the cases read as the sample log's own
    sample = tmp_path / "sample.toml"
    sample.write_bytes((ROOT / "examples" / "sample-log.toml").read_bytes())
    on_file = json.loads(run("report", "--all", "-f", "json", "--log", str(sample)).stdout)
    noord = json.loads(run("report", "--all", "-f", "json", "--log", tester).stdout)
    zuid = json.loads(run("report", "--all", "-f", "json",
                          "--log", pg_server.url("bert", name)).stdout)
    assert sorted(c["case"] for c in noord["cases"] + zuid["cases"]) == sorted(
        c["case"] for c in on_file["cases"] + [noord["cases"][0]])  # + the share, seen twice
    assert pgadmin.init(admin) == (3, 3, [])


def test_a_version_2_store_gets_the_afspraken_in_place(run, pg_server, monkeypatch):
    """A store made by ave before the plan (schema 2, tests/fixtures/pgschema_v2.py) with a
    decision in it: `ave store init` adds the afspraken table and the functions that know them,
    keeps every row, and the plan then works on it."""
    import itertools

    from fixtures import pgschema_v2

    from ave_cli.stores.postgres import admin as pgadmin

    name = f"v2_{os.getpid()}_{next(itertools.count())}_{time.time_ns() % 10**6}"
    admin = pg_server.fresh_database(name)
    if not pg_server.sql("SELECT 1 FROM pg_roles WHERE rolname = 'noord'"):
        pg_server.sql("CREATE ROLE noord NOLOGIN")
    with psycopg.connect(admin, autocommit=True) as conn, conn.transaction():
        for script in (pgschema_v2.ROLES, pgschema_v2.TABLES, pgschema_v2.GUARDS):
            conn.execute(script)
        conn.execute(f"SET LOCAL ROLE {pgschema_v2.OWNER_ROLE}")
        conn.execute("INSERT INTO ave.meta (key, value) VALUES ('version', '2')")
        conn.execute("RESET ROLE")
        conn.execute(pgschema_v2.LET_GO)
        conn.execute("GRANT ave_user TO noord")  # the team as ave 2's add-team made it
        conn.execute("SELECT ave.add_team('noord')")
    pg_server.sql("GRANT noord TO tester")
    tester = pg_server.url("tester", name)
    decision = Decision(id="v2-1", case="V-1", time=datetime(2026, 1, 5, tzinfo=UTC),
                        kind="triage", kapstok=KapstokRef("handreiking", "2.1.0", "0" * 64),
                        by="tester", phase_after="AVE2", advised_phase="AVE2")
    text, canonical, seal = logformat.to_json_record(decision, "")
    _sql(tester, "SELECT ave.write('noord', %s, %s, %s)", ([text], [canonical], [seal]))
    # the old store refuses the plan's records: they are new to it
    made = Decision(id="v2-2", case="V-1", time=datetime(2026, 1, 6, tzinfo=UTC),
                    kind="afspraak", kapstok=KapstokRef("handreiking", "2.1.0", "0" * 64),
                    by="tester", afspraak="A1", wat="bellen", wie="GGZ", leefgebied="wonen",
                    uiterlijk="2026-04-01")
    text2, canonical2, seal2 = logformat.to_json_record(made, seal)
    with pytest.raises(psycopg.errors.CheckViolation):
        _sql(tester, "SELECT ave.write('noord', %s, %s, %s)", ([text2], [canonical2], [seal2]))
    before = pg_server.sql("SELECT id, seal, record FROM ave.decisions", db=name)
    assert pgadmin.init(admin)[:2] == (2, 3)
    pgstore.close_all()
    assert pg_server.sql("SELECT id, seal, record FROM ave.decisions", db=name) == before
    assert pgadmin.init(admin) == (3, 3, [])  # once moved, init changes nothing
    monkeypatch.setenv("AVE_LOG", tester)
    result = run("afspraak", "V-1", "--wat", "Bellen", "--wie", "GGZ", "--leefgebied", "wonen",
                 "--uiterlijk", "2026-04-01")
    assert result.exit_code == 0, result.output
    assert pg_server.sql("SELECT nummer, open FROM ave.afspraken", db=name) == [("A1", True)]
    checked = run("check")
    assert checked.exit_code == 0, checked.output
    # members still only read it
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(tester, "UPDATE ave.afspraken SET open = false")
    pgstore.close_all()
